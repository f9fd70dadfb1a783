/* sql/messages: the statements of store/messages.c — contact messages (internal; see
 * store/statements.h). */
#ifndef ZS_STORE_SQL_MESSAGES_H
#define ZS_STORE_SQL_MESSAGES_H

#define STORE_MESSAGE_STATEMENTS(X)                                                                            \
	X(MESSAGE_INSERT,                                                                                      \
	  "INSERT INTO messages(name, organization, contact, subject, message, client_ip, created_at)"         \
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")                                                              \
	X(MESSAGES_COUNT, "SELECT count(*) FROM messages WHERE (handled_at IS NOT NULL) = ?1")                 \
	X(MESSAGES_PAGE,                                                                                       \
	  "SELECT id, name, organization, contact, subject, message, client_ip, created_at, handled_at,"       \
	  " handled_by FROM messages WHERE (handled_at IS NOT NULL) = ?1 ORDER BY id DESC LIMIT ?2 OFFSET ?3") \
	X(MESSAGE_HANDLE,                                                                                      \
	  "UPDATE messages SET handled_at = ?2, handled_by = ?3 WHERE id = ?1 AND handled_at IS NULL")

#endif
