/* readership: reads per article and day. */
#include "store/readership.h"

#include "store/store_internal.h"

enum store_rc store_readership_add(struct store *s, const char *day, int64_t article_id, int64_t views)
{
	sqlite3_stmt *st = stmt_get(s, STMT_READERSHIP_ADD);
	bind_text(st, 1, day);
	sqlite3_bind_int64(st, 2, article_id);
	sqlite3_bind_int64(st, 3, views);
	return step_write(s, st, "add reads");
}

enum store_rc store_readership_forget(struct store *s, const char *day)
{
	sqlite3_stmt *st = stmt_get(s, STMT_READERSHIP_FORGET);
	bind_text(st, 1, day);
	return step_write(s, st, "forget old reads");
}

enum store_rc store_readership_top(struct store *s, const char *day, int limit, struct arena *arena,
				   struct most_read **out, size_t *n)
{
	*n = 0;
	*out = ARENA_NEW_ARRAY(arena, struct most_read, (size_t)(limit > 0 ? limit : 1));
	sqlite3_stmt *st = stmt_get(s, STMT_READERSHIP_TOP);
	bind_text(st, 1, day);
	sqlite3_bind_int(st, 2, limit);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < (size_t)limit)
		(*out)[(*n)++] = (struct most_read){
			.article = { .id = sqlite3_column_int64(st, 0),
				     .title = column_text(st, 2, arena),
				     .date = column_text(st, 3, arena),
				     .districts = "" },
			.views = sqlite3_column_int64(st, 1),
		};
	stmt_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		log_db_error(s, "most read");
		return STORE_ERROR;
	}
	return STORE_OK;
}
