/* stats: the data monitor's aggregates over articles, tags and facts. */
#include "store/stats.h"

#include <string.h>

#include "store/store_internal.h"

static void bind_filter(sqlite3_stmt *st, const struct stats_filter *f)
{
	bind_text(st, 1, f->from);
	bind_text(st, 2, f->to);
	bind_text(st, 3, f->industry);
}

/* Runs a (key, count, money) statement into a new array. */
static int read_rows(sqlite3_stmt *st, struct arena *arena, struct stats_row **out, size_t *n)
{
	size_t cap = 16;
	*n = 0;
	*out = ARENA_NEW_ARRAY(arena, struct stats_row, cap);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			struct stats_row *grown = ARENA_NEW_ARRAY(arena, struct stats_row, cap * 2);
			memcpy(grown, *out, cap * sizeof(*grown));
			*out = grown;
			cap *= 2;
		}
		(*out)[(*n)++] = (struct stats_row){ .key = column_text(st, 0, arena),
						     .articles = sqlite3_column_int64(st, 1),
						     .money_cny = sqlite3_column_double(st, 2) };
	}
	stmt_done(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Runs a (count, money) statement into row. */
static int read_total(sqlite3_stmt *st, struct stats_row *row)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		row->articles = sqlite3_column_int64(st, 0);
		row->money_cny = sqlite3_column_double(st, 1);
	}
	stmt_done(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

enum store_rc store_stats(struct store *s, const struct stats_filter *f, int latest_facts, struct arena *arena,
			  struct stats *out)
{
	*out = (struct stats){ 0 };
	if (exec_simple(s, STMT_BEGIN_READ) != STORE_OK)
		return STORE_ERROR;
	struct stats_row total = { 0 };
	sqlite3_stmt *st = stmt_get(s, STMT_STATS_TOTAL);
	bind_filter(st, f);
	if (read_total(st, &total) < 0)
		goto fail;
	out->articles = total.articles;
	out->money_cny = total.money_cny;
	st = stmt_get(s, STMT_STATS_CITYWIDE);
	bind_filter(st, f);
	if (read_total(st, &out->citywide) < 0)
		goto fail;
	const struct {
		enum store_statement which;
		struct stats_row **rows;
		size_t *n;
	} groups[] = {
		{ STMT_STATS_DISTRICTS, &out->districts, &out->ndistricts },
		{ STMT_STATS_INDUSTRIES, &out->industries, &out->nindustries },
		{ STMT_STATS_MONTHS, &out->months, &out->nmonths },
	};
	for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++) {
		st = stmt_get(s, groups[i].which);
		bind_filter(st, f);
		if (read_rows(st, arena, groups[i].rows, groups[i].n) < 0)
			goto fail;
	}
	out->facts = ARENA_NEW_ARRAY(arena, struct stats_fact, (size_t)(latest_facts > 0 ? latest_facts : 1));
	st = stmt_get(s, STMT_STATS_FACTS);
	bind_filter(st, f);
	sqlite3_bind_int(st, 4, latest_facts);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->nfacts < (size_t)latest_facts) {
		out->facts[out->nfacts++] = (struct stats_fact){
			.fact = { .kind = column_text(st, 0, arena),
				  .value = sqlite3_column_double(st, 1),
				  .unit = column_text(st, 2, arena),
				  .match = column_text(st, 3, arena),
				  .sentence = column_text(st, 4, arena) },
			.article_id = sqlite3_column_int64(st, 5),
			.title = column_text(st, 6, arena),
			.date = column_text(st, 7, arena),
		};
	}
	stmt_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		goto fail;
	return exec_simple(s, STMT_COMMIT);
fail:
	log_db_error(s, "stats");
	store_rollback(s);
	return STORE_ERROR;
}
