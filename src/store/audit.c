/* audit: the audit log. */
#include "store/audit.h"

#include "store/store_internal.h"

enum store_rc store_audit_add(struct store *s, int64_t now, int64_t user_id, const char *user_name,
			      const char *action, const char *target, const char *detail)
{
	sqlite3_stmt *st = stmt_get(s, STMT_AUDIT_INSERT);
	sqlite3_bind_int64(st, 1, now);
	bind_id_or_null(st, 2, user_id);
	bind_text(st, 3, user_name);
	bind_text(st, 4, action);
	bind_text(st, 5, target);
	bind_text(st, 6, detail);
	return step_write(s, st, "audit");
}

enum store_rc store_audit_list(struct store *s, int64_t offset, int limit, struct arena *arena,
			       struct audit_entry **out, size_t *n, int64_t *total)
{
	*n = 0;
	*out = ARENA_NEW_ARRAY(arena, struct audit_entry, (size_t)limit);
	if (read_count(s, stmt_get(s, STMT_AUDIT_COUNT), total, "count audit") != STORE_OK)
		return STORE_ERROR;
	sqlite3_stmt *st = stmt_get(s, STMT_AUDIT_PAGE);
	sqlite3_bind_int(st, 1, limit);
	sqlite3_bind_int64(st, 2, offset);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < (size_t)limit) {
		(*out)[(*n)++] = (struct audit_entry){
			.id = sqlite3_column_int64(st, 0),
			.at = sqlite3_column_int64(st, 1),
			.user_name = column_text(st, 2, arena),
			.action = column_text(st, 3, arena),
			.target = column_text(st, 4, arena),
			.detail = column_text(st, 5, arena),
		};
	}
	stmt_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		log_db_error(s, "list audit");
		return STORE_ERROR;
	}
	return STORE_OK;
}
