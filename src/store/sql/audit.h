/* sql/audit: the statements of store/audit.c — the audit log (internal; see
 * store/statements.h). */
#ifndef ZS_STORE_SQL_AUDIT_H
#define ZS_STORE_SQL_AUDIT_H

#define STORE_AUDIT_STATEMENTS(X)                                                 \
	X(AUDIT_INSERT,                                                           \
	  "INSERT INTO audit_log(at, user_id, user_name, action, target, detail)" \
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")                                     \
	X(AUDIT_COUNT, "SELECT count(*) FROM audit_log")                          \
	X(AUDIT_PAGE,                                                             \
	  "SELECT id, at, user_name, action, target, detail FROM audit_log"       \
	  " ORDER BY id DESC LIMIT ?1 OFFSET ?2")

#endif
