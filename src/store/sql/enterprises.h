/* sql/enterprises: the statements of store/enterprises.c — registrations, edit links, review and the directory (internal; see
 * store/statements.h). */
#ifndef ZS_STORE_SQL_ENTERPRISES_H
#define ZS_STORE_SQL_ENTERPRISES_H

/* Directory filters: ?1 status, ?2 district or NULL, ?3 industry or NULL,
 * ?4 one seeking value or NULL (a whole item of the comma-joined list), ?7
 * the MATCH expression; ?5 and ?6 are LIMIT and OFFSET. */
#define ENTERPRISE_COLUMNS                                                                  \
	"e.id, e.name, e.credit_code, e.industry, e.district, e.seeking, e.description, e.website," \
	" e.contact_name, e.phone, e.email, e.status, e.reason, e.client_ip, e.created_at, e.updated_at, e.revision"
#define ENTERPRISE_WHERE                                                                    \
	" WHERE e.status = ?1 AND (?2 IS NULL OR e.district = ?2) AND (?3 IS NULL OR e.industry = ?3)" \
	" AND (?4 IS NULL OR instr(',' || e.seeking || ',', ',' || ?4 || ',') > 0)"
#define ENTERPRISE_MATCH " JOIN enterprise_search ON enterprise_search.rowid = e.id AND enterprise_search MATCH ?7"
/* An approved enterprise's own edit waiting beside it (migration 14), in
 * the order of ENTERPRISE_COLUMNS. */
#define ENTERPRISE_EDIT_COLUMNS                                                                                  \
	"d.enterprise_id, d.name, d.credit_code, d.industry, d.district, d.seeking, d.description, d.website,"  \
	" d.contact_name, d.phone, d.email, d.status, d.reason, d.client_ip, d.created_at, d.updated_at, d.revision"
#define ENTERPRISE_NO_EDIT "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
#define STORE_ENTERPRISE_STATEMENTS(X)                                                                           \
	X(ENTERPRISE_INSERT,                                                                                     \
	  "INSERT INTO enterprises(name, credit_code, industry, district, seeking, description, website,"        \
	  " contact_name, phone, email, edit_token_hash, client_ip, created_at, updated_at)"                     \
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)"                                \
	  /* A rejected registration does not hold its code: a new one takes                                     \
	   * its place (and the old edit link stops working). */                                                 \
	  " ON CONFLICT(credit_code) DO UPDATE SET name = ?1, industry = ?3, district = ?4, seeking = ?5,"       \
	  " description = ?6, website = ?7, contact_name = ?8, phone = ?9, email = ?10,"                         \
	  " edit_token_hash = ?11, client_ip = ?12, created_at = ?13, updated_at = ?13,"                         \
	  " status = 'pending', reason = NULL, revision = revision + 1"                                          \
	  " WHERE enterprises.status = 'rejected' RETURNING id")                                                 \
	X(ENTERPRISE_GET, "SELECT " ENTERPRISE_COLUMNS " FROM enterprises e WHERE e.id = ?1")                    \
	X(ENTERPRISE_BY_TOKEN, "SELECT " ENTERPRISE_COLUMNS " FROM enterprises e WHERE e.edit_token_hash = ?1")  \
	X(ENTERPRISE_TOKEN_SET, "UPDATE enterprises SET edit_token_hash = ?2 WHERE edit_token_hash = ?1")        \
	/* Held by another enterprise, whatever its status (the column is                                         \
	 * unique), or by another's edit waiting for review. */                                                  \
	X(ENTERPRISE_CODE_TAKEN,                                                                                 \
	  "SELECT 1 FROM enterprises WHERE credit_code = ?1 AND id <> ?2"                                        \
	  " UNION ALL SELECT 1 FROM enterprise_edits WHERE credit_code = ?1 AND enterprise_id <> ?2"             \
	  " AND status = 'pending'")                                                                             \
	X(ENTERPRISE_CODE_IN_EDIT, "SELECT 1 FROM enterprise_edits WHERE credit_code = ?1 AND status = 'pending'") \
	/* An approved enterprise's edit, at one revision past the public one                                    \
	 * or the edit it replaces; none when the enterprise is not approved. */                                 \
	X(ENTERPRISE_EDIT_SAVE,                                                                                  \
	  "INSERT INTO enterprise_edits(enterprise_id, name, credit_code, industry, district, seeking,"          \
	  " description, website, contact_name, phone, email, revision, client_ip, created_at, updated_at)"      \
	  " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, e.revision + 1, ?12, ?13, ?13"                 \
	  " FROM enterprises e WHERE e.id = ?1 AND e.status = 'approved'"                                       \
	  " ON CONFLICT(enterprise_id) DO UPDATE SET name = excluded.name, credit_code = excluded.credit_code,"  \
	  " industry = excluded.industry, district = excluded.district, seeking = excluded.seeking,"             \
	  " description = excluded.description, website = excluded.website,"                                     \
	  " contact_name = excluded.contact_name, phone = excluded.phone, email = excluded.email,"               \
	  " status = 'pending', reason = NULL, revision = enterprise_edits.revision + 1,"                        \
	  " client_ip = excluded.client_ip, updated_at = excluded.updated_at RETURNING revision")                 \
	X(ENTERPRISE_EDIT_GET, "SELECT " ENTERPRISE_EDIT_COLUMNS " FROM enterprise_edits d WHERE d.enterprise_id = ?1") \
	X(ENTERPRISE_EDIT_DROP, "DELETE FROM enterprise_edits WHERE enterprise_id = ?1")                         \
	X(ENTERPRISE_EDIT_APPLY,                                                                                 \
	  "UPDATE enterprises SET name = d.name, credit_code = d.credit_code, industry = d.industry,"            \
	  " district = d.district, seeking = d.seeking, description = d.description, website = d.website,"       \
	  " contact_name = d.contact_name, phone = d.phone, email = d.email, revision = d.revision,"             \
	  " updated_at = ?3 FROM enterprise_edits d WHERE enterprises.id = ?1 AND enterprises.status = 'approved'" \
	  " AND d.enterprise_id = ?1 AND d.status = 'pending' AND d.revision = ?2")                             \
	X(ENTERPRISE_EDIT_REJECT,                                                                                \
	  "UPDATE enterprise_edits SET status = 'rejected', reason = ?3, updated_at = ?4"                        \
	  " WHERE enterprise_id = ?1 AND status = 'pending' AND revision = ?2")                                 \
	/* The review queue: registrations and edits waiting, newest first. */                                   \
	X(ENTERPRISE_QUEUE_COUNT,                                                                                \
	  "SELECT (SELECT count(*) FROM enterprises WHERE status = 'pending')"                                   \
	  " + (SELECT count(*) FROM enterprise_edits WHERE status = 'pending')")                                 \
	X(ENTERPRISE_QUEUE_PAGE,                                                                                 \
	  "SELECT " ENTERPRISE_COLUMNS ", " ENTERPRISE_NO_EDIT ", e.updated_at AS queued"                        \
	  " FROM enterprises e WHERE e.status = 'pending'"                                                       \
	  " UNION ALL SELECT " ENTERPRISE_COLUMNS ", " ENTERPRISE_EDIT_COLUMNS ", d.updated_at AS queued"        \
	  " FROM enterprise_edits d JOIN enterprises e ON e.id = d.enterprise_id WHERE d.status = 'pending'"     \
	  " ORDER BY queued DESC, 1 DESC LIMIT ?1 OFFSET ?2")                                                    \
	X(ENTERPRISE_UPDATE,                                                                                     \
	  "UPDATE enterprises SET name = ?2, credit_code = ?3, industry = ?4, district = ?5, seeking = ?6,"      \
	  " description = ?7, website = ?8, contact_name = ?9, phone = ?10, email = ?11,"                        \
	  " status = 'pending', reason = NULL, updated_at = ?12, revision = revision + 1 WHERE id = ?1")         \
	X(ENTERPRISE_DECIDE,                                                                                     \
	  "UPDATE enterprises SET status = ?2, reason = ?3, updated_at = ?4"                                     \
	  " WHERE id = ?1 AND status = 'pending' AND revision = ?5")                                             \
	X(ENTERPRISES_ALL, "SELECT " ENTERPRISE_COLUMNS " FROM enterprises e WHERE e.status = ?1 ORDER BY e.id") \
	X(ENTERPRISES_COUNT, "SELECT count(*) FROM enterprises e" ENTERPRISE_WHERE)                              \
	X(ENTERPRISES_PAGE,                                                                                      \
	  "SELECT " ENTERPRISE_COLUMNS " FROM enterprises e" ENTERPRISE_WHERE                                    \
	  " ORDER BY e.updated_at DESC, e.id DESC LIMIT ?5 OFFSET ?6")                                           \
	X(ENTERPRISES_MATCH_COUNT, "SELECT count(*) FROM enterprises e" ENTERPRISE_MATCH ENTERPRISE_WHERE)       \
	X(ENTERPRISES_MATCH_PAGE,                                                                                \
	  "SELECT " ENTERPRISE_COLUMNS " FROM enterprises e" ENTERPRISE_MATCH ENTERPRISE_WHERE                   \
	  " ORDER BY bm25(enterprise_search, 10.0, 1.0), e.id DESC LIMIT ?5 OFFSET ?6")

#endif
