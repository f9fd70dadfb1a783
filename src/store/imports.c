/* imports: import runs and their articles. */
#include "store/imports.h"

#include "store/store_internal.h"

enum store_rc store_import_begin(struct store *s, const char *name, int64_t pid, int64_t now, int64_t *id)
{
	sqlite3_stmt *st = stmt_get(s, STMT_IMPORT_BEGIN);
	bind_text(st, 1, name);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int64(st, 3, pid);
	if (step_write(s, st, "record an import") != STORE_OK)
		return STORE_ERROR;
	*id = sqlite3_last_insert_rowid(s->db);
	return STORE_OK;
}

enum store_rc store_import_beat(struct store *s, int64_t id, int64_t now)
{
	sqlite3_stmt *st = stmt_get(s, STMT_IMPORT_BEAT);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, now);
	if (step_write(s, st, "renew an import's beat") != STORE_OK)
		return STORE_ERROR;
	return sqlite3_changes(s->db) ? STORE_OK : STORE_NOT_FOUND;
}

enum store_rc store_import_note(struct store *s, int64_t id, int64_t article_id)
{
	sqlite3_stmt *st = stmt_get(s, STMT_IMPORT_NOTE);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, article_id);
	return step_write(s, st, "note an imported article");
}

static enum store_rc finish(struct store *s, int64_t id, const char *state, int64_t now)
{
	sqlite3_stmt *st = stmt_get(s, STMT_IMPORT_FINISH);
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, state);
	sqlite3_bind_int64(st, 3, now);
	return step_write(s, st, "finish an import");
}

enum store_rc store_import_done(struct store *s, int64_t id, int64_t now)
{
	sqlite3_stmt *st = stmt_get(s, STMT_IMPORT_FORGET);
	sqlite3_bind_int64(st, 1, id);
	if (step_write(s, st, "forget an import's articles") != STORE_OK)
		return STORE_ERROR;
	return finish(s, id, "done", now);
}

enum store_rc store_import_undo_some(struct store *s, int64_t id, int limit, int64_t now, size_t *taken)
{
	*taken = 0;
	int64_t gone[256];
	if (limit > (int)(sizeof(gone) / sizeof(gone[0])))
		limit = (int)(sizeof(gone) / sizeof(gone[0]));
	sqlite3_stmt *st = stmt_get(s, STMT_IMPORT_UNDO_SOME);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, limit);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		gone[(*taken)++] = sqlite3_column_int64(st, 0);
	stmt_done(st);
	if (rc != SQLITE_DONE) {
		log_write_error(s, "take out an import's articles");
		return STORE_ERROR;
	}
	for (size_t i = 0; i < *taken; i++) {
		st = stmt_get(s, STMT_IMPORT_UNNOTE);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, gone[i]);
		if (step_write(s, st, "unnote an imported article") != STORE_OK)
			return STORE_ERROR;
	}
	if (*taken == 0) {
		/* Articles that were gone already leave notes behind. */
		st = stmt_get(s, STMT_IMPORT_FORGET);
		sqlite3_bind_int64(st, 1, id);
		if (step_write(s, st, "forget an import's articles") != STORE_OK)
			return STORE_ERROR;
		return finish(s, id, "undone", now);
	}
	return STORE_OK;
}

enum store_rc store_imports_writing(struct store *s, struct import_writing *runs, size_t max, size_t *n)
{
	*n = 0;
	sqlite3_stmt *st = stmt_get(s, STMT_IMPORT_WRITING);
	sqlite3_bind_int64(st, 1, (int64_t)max);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max)
		runs[(*n)++] = (struct import_writing){ sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
							sqlite3_column_int64(st, 2) };
	stmt_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		log_db_error(s, "unfinished imports");
		return STORE_ERROR;
	}
	return STORE_OK;
}
