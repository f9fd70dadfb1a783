/* accounts: staff accounts and sessions. */
#include "store/accounts.h"

#include <string.h>

#include "store/store_internal.h"

enum store_rc store_user_add(struct store *s, const char *name, const char *role, const char *password_hash)
{
	sqlite3_stmt *st = stmt_get(s, STMT_USER_INSERT);
	bind_text(st, 1, name);
	bind_text(st, 2, role);
	bind_text(st, 3, password_hash);
	if (step_write(s, st, "add user") != STORE_OK)
		return STORE_ERROR;
	return sqlite3_changes(s->db) ? STORE_OK : STORE_DUPLICATE;
}

enum store_rc store_user_by_name(struct store *s, const char *name, struct arena *arena, struct user *out)
{
	sqlite3_stmt *st = stmt_get(s, STMT_USER_BY_NAME);
	bind_text(st, 1, name);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->name = column_text(st, 1, arena);
		out->role = column_text(st, 2, arena);
		out->password_hash = column_text(st, 3, arena);
		out->disabled = sqlite3_column_int(st, 4) != 0;
	}
	stmt_done(st);
	if (rc == SQLITE_ROW)
		return STORE_OK;
	if (rc == SQLITE_DONE)
		return STORE_NOT_FOUND;
	log_db_error(s, "find user");
	return STORE_ERROR;
}

enum store_rc store_users_list(struct store *s, struct arena *arena, struct user **out, size_t *n)
{
	size_t cap = 16;
	*n = 0;
	*out = ARENA_NEW_ARRAY(arena, struct user, cap);
	sqlite3_stmt *st = stmt_get(s, STMT_USERS_LIST);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			struct user *grown = ARENA_NEW_ARRAY(arena, struct user, cap * 2);
			memcpy(grown, *out, cap * sizeof(*grown));
			*out = grown;
			cap *= 2;
		}
		(*out)[(*n)++] = (struct user){
			.id = sqlite3_column_int64(st, 0),
			.name = column_text(st, 1, arena),
			.role = column_text(st, 2, arena),
			.password_hash = "",
			.disabled = sqlite3_column_int(st, 4) != 0,
		};
	}
	stmt_done(st);
	if (rc != SQLITE_DONE) {
		log_db_error(s, "list users");
		return STORE_ERROR;
	}
	return STORE_OK;
}

enum store_rc store_user_set_disabled(struct store *s, const char *name, bool disabled)
{
	sqlite3_stmt *st = stmt_get(s, STMT_USER_SET_DISABLED);
	bind_text(st, 1, name);
	sqlite3_bind_int(st, 2, disabled);
	if (step_write(s, st, "disable user") != STORE_OK)
		return STORE_ERROR;
	if (sqlite3_changes(s->db) == 0)
		return STORE_NOT_FOUND;
	if (!disabled)
		return STORE_OK;
	st = stmt_get(s, STMT_USER_SESSIONS_DELETE);
	bind_text(st, 1, name);
	return step_write(s, st, "end user's sessions");
}

enum store_rc store_session_add(struct store *s, const unsigned char token_hash[32], int64_t user_id,
				const unsigned char csrf[32], int64_t now)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SESSION_INSERT);
	sqlite3_bind_blob(st, 1, token_hash, 32, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_blob(st, 3, csrf, 32, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, now);
	return step_write(s, st, "add session");
}

enum store_rc store_session_get(struct store *s, const unsigned char token_hash[32], struct arena *arena,
				struct session_row *out)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SESSION_GET);
	sqlite3_bind_blob(st, 1, token_hash, 32, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->user_id = sqlite3_column_int64(st, 0);
		out->user_name = column_text(st, 1, arena);
		out->role = column_text(st, 2, arena);
		if (sqlite3_column_bytes(st, 3) == 32)
			memcpy(out->csrf, sqlite3_column_blob(st, 3), 32);
		out->created_at = sqlite3_column_int64(st, 4);
		out->last_seen = sqlite3_column_int64(st, 5);
	}
	stmt_done(st);
	if (rc == SQLITE_ROW)
		return STORE_OK;
	if (rc == SQLITE_DONE)
		return STORE_NOT_FOUND;
	log_db_error(s, "find session");
	return STORE_ERROR;
}

enum store_rc store_session_touch(struct store *s, const unsigned char token_hash[32], int64_t now)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SESSION_TOUCH);
	sqlite3_bind_blob(st, 1, token_hash, 32, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, now);
	return step_write(s, st, "touch session");
}

enum store_rc store_session_delete(struct store *s, const unsigned char token_hash[32])
{
	sqlite3_stmt *st = stmt_get(s, STMT_SESSION_DELETE);
	sqlite3_bind_blob(st, 1, token_hash, 32, SQLITE_STATIC);
	return step_write(s, st, "delete session");
}
