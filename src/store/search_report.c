/* search_report: searches per day and query. */
#include "store/search_report.h"

#include "store/store_internal.h"

static void bind_counts(sqlite3_stmt *st, const char *day, const struct query_count *c)
{
	bind_text(st, 1, day);
	bind_text(st, 2, c->query);
	sqlite3_bind_int64(st, 3, c->searches);
	sqlite3_bind_int64(st, 4, c->zero_results);
}

enum store_rc store_search_queries_add(struct store *s, const char *day, const struct query_count *c, bool may_add,
				       bool *added)
{
	*added = false;
	sqlite3_stmt *st = stmt_get(s, STMT_SEARCH_QUERIES_BUMP);
	bind_counts(st, day, c);
	enum store_rc rc = step_write(s, st, "count searches");
	if (rc != STORE_OK || sqlite3_changes(s->db) > 0 || !may_add)
		return rc;
	st = stmt_get(s, STMT_SEARCH_QUERIES_INSERT);
	bind_counts(st, day, c);
	rc = step_write(s, st, "add a searched query");
	*added = rc == STORE_OK;
	return rc;
}

enum store_rc store_search_queries_on(struct store *s, const char *day, int64_t *n)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SEARCH_QUERIES_ON_DAY);
	bind_text(st, 1, day);
	return read_count(s, st, n, "count a day's queries");
}

enum store_rc store_search_queries_forget(struct store *s, const char *day)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SEARCH_QUERIES_FORGET);
	bind_text(st, 1, day);
	return step_write(s, st, "forget old searches");
}

enum store_rc store_search_queries_top(struct store *s, const char *day, enum search_queries_order order, int limit,
				       struct arena *arena, struct query_count **out, size_t *n)
{
	*n = 0;
	*out = ARENA_NEW_ARRAY(arena, struct query_count, (size_t)(limit > 0 ? limit : 1));
	sqlite3_stmt *st =
		stmt_get(s, order == QUERIES_MOST_FRUITLESS ? STMT_SEARCH_QUERIES_FRUITLESS : STMT_SEARCH_QUERIES_MOST);
	bind_text(st, 1, day);
	sqlite3_bind_int(st, 2, limit);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < (size_t)limit)
		(*out)[(*n)++] = (struct query_count){
			.query = column_text(st, 0, arena),
			.searches = sqlite3_column_int64(st, 1),
			.zero_results = sqlite3_column_int64(st, 2),
		};
	stmt_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		log_db_error(s, "top searches");
		return STORE_ERROR;
	}
	return STORE_OK;
}

enum store_rc store_search_queries_totals(struct store *s, const char *day, struct search_totals *out)
{
	*out = (struct search_totals){ 0 };
	sqlite3_stmt *st = stmt_get(s, STMT_SEARCH_QUERIES_TOTALS);
	bind_text(st, 1, day);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = (struct search_totals){ sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
					       sqlite3_column_int64(st, 2) };
	stmt_done(st);
	if (rc != SQLITE_ROW) {
		log_db_error(s, "search totals");
		return STORE_ERROR;
	}
	return STORE_OK;
}
