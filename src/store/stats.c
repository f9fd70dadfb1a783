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

/* The current row of a (key, STATS_SUMS) statement. */
static struct stats_row row_at(sqlite3_stmt *st, struct arena *arena)
{
	return (struct stats_row){
		.key = column_text(st, 0, arena),
		.articles = sqlite3_column_int64(st, 1),
		.money_cny = sqlite3_column_double(st, 2),
		.money_articles = sqlite3_column_int64(st, 3),
		.output_cny = sqlite3_column_double(st, 4),
		.tax_cny = sqlite3_column_double(st, 5),
		.fund_cny = sqlite3_column_double(st, 6),
	};
}

/* Runs a (key, STATS_SUMS) statement into a new array. */
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
		(*out)[(*n)++] = row_at(st, arena);
	}
	stmt_done(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Runs a statement of one (NULL, STATS_SUMS) row into row. */
static int read_total(sqlite3_stmt *st, struct arena *arena, struct stats_row *row)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*row = row_at(st, arena);
	stmt_done(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Adds row's figures to sum's. */
static void add_row(struct stats_row *sum, const struct stats_row *row)
{
	sum->articles += row->articles;
	sum->money_cny += row->money_cny;
	sum->money_articles += row->money_articles;
	sum->output_cny += row->output_cny;
	sum->tax_cny += row->tax_cny;
	sum->fund_cny += row->fund_cny;
}

enum store_rc store_stats(struct store *s, const struct stats_filter *f, int latest_facts, struct arena *arena,
			  struct stats *out)
{
	*out = (struct stats){ 0 };
	if (exec_simple(s, STMT_BEGIN_READ) != STORE_OK)
		return STORE_ERROR;
	sqlite3_stmt *st = stmt_get(s, STMT_STATS_CITYWIDE);
	bind_filter(st, f);
	if (read_total(st, arena, &out->citywide) < 0)
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
	for (size_t i = 0; i < out->nmonths; i++)
		add_row(&out->total, &out->months[i]);
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
				  .sentence = column_text(st, 4, arena),
				  .role = fact_role_from_name((const char *)sqlite3_column_text(st, 5)) },
			.article_id = sqlite3_column_int64(st, 6),
			.title = column_text(st, 7, arena),
			.date = column_text(st, 8, arena),
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
