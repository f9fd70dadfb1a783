/* Unit tests for store/search_report: searches add up per day and query,
 * the week's lists come in their order, old days go, and the table holds
 * nothing about who searched. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "domain/domain.h"
#include "store/search_report.h"
#include "store_fixture.h"

static struct store_fixture fx;

static void setup(void)
{
	store_fixture_open(&fx);
}

static void teardown(void)
{
	store_fixture_close(&fx);
}

TestSuite(store_search_report, .init = setup, .fini = teardown);

/* Adds searches of query on day, zero of which found nothing; whether the
 * query was new to the day. */
static bool add(const char *day, const char *query, int64_t searches, int64_t zero, bool may_add)
{
	bool added;
	cr_assert_eq(store_begin(fx.store), STORE_OK);
	cr_assert_eq(store_search_queries_add(fx.store, day, &(struct query_count){ query, searches, zero }, may_add,
					      &added),
		     STORE_OK);
	cr_assert_eq(store_commit(fx.store), STORE_OK);
	return added;
}

static struct query_count *top(const char *since, enum search_queries_order order, int limit, size_t *n)
{
	struct query_count *out;
	cr_assert_eq(store_search_queries_top(fx.store, since, order, limit, fx.arena, &out, n), STORE_OK);
	return out;
}

Test(store_search_report, counts_of_a_query_add_up_per_day_and_sum_over_the_days_asked)
{
	cr_assert(add("2026-11-26", "充电桩", 2, 0, true));
	cr_assert_not(add("2026-11-26", "充电桩", 3, 1, true), "the same day's row grows");
	cr_assert(add("2026-11-27", "充电桩", 1, 0, true));
	cr_assert(add("2026-11-20", "充电桩", 100, 0, true));
	size_t n;
	struct query_count *t = top("2026-11-21", QUERIES_MOST_SEARCHED, 10, &n);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(t[0].query, "充电桩");
	cr_assert_eq(t[0].searches, 6, "2 + 3 + 1: the 20th is before the week");
	cr_assert_eq(t[0].zero_results, 1);
	int64_t on;
	cr_assert_eq(store_search_queries_on(fx.store, "2026-11-26", &on), STORE_OK);
	cr_assert_eq(on, 1);
}

Test(store_search_report, most_searched_come_first_and_fruitless_lists_only_queries_that_found_nothing)
{
	add("2026-11-27", "浦东", 5, 0, true);
	add("2026-11-27", "v2g", 2, 2, true);
	add("2026-11-27", "集成电路", 9, 0, true);
	add("2026-11-27", "氢能 加氢站", 3, 1, true);
	add("2026-11-27", "a", 2, 2, true);
	size_t n;
	struct query_count *t = top("2026-11-21", QUERIES_MOST_SEARCHED, 3, &n);
	cr_assert_eq(n, 3, "the limit");
	cr_assert_str_eq(t[0].query, "集成电路");
	cr_assert_str_eq(t[1].query, "浦东");
	cr_assert_str_eq(t[2].query, "氢能 加氢站");
	t = top("2026-11-21", QUERIES_MOST_FRUITLESS, 10, &n);
	cr_assert_eq(n, 3);
	cr_assert_str_eq(t[0].query, "a", "ties go by the text");
	cr_assert_str_eq(t[1].query, "v2g");
	cr_assert_str_eq(t[2].query, "氢能 加氢站");
	struct search_totals all;
	cr_assert_eq(store_search_queries_totals(fx.store, "2026-11-21", &all), STORE_OK);
	cr_assert_eq(all.searches, 21);
	cr_assert_eq(all.zero_results, 5);
	cr_assert_eq(all.queries, 5);
}

Test(store_search_report, a_week_without_searches_has_empty_lists_and_zero_totals)
{
	size_t n;
	top("2026-11-21", QUERIES_MOST_SEARCHED, 10, &n);
	cr_assert_eq(n, 0);
	struct search_totals all;
	cr_assert_eq(store_search_queries_totals(fx.store, "2026-11-21", &all), STORE_OK);
	cr_assert_eq(all.searches + all.zero_results + all.queries, 0);
}

Test(store_search_report, a_query_new_to_the_day_is_not_added_when_it_may_not_be)
{
	add("2026-11-27", "浦东", 1, 0, true);
	cr_assert_not(add("2026-11-27", "新词", 1, 0, false));
	cr_assert_not(add("2026-11-27", "浦东", 1, 0, false), "a query the day holds still counts");
	size_t n;
	struct query_count *t = top("2026-11-27", QUERIES_MOST_SEARCHED, 10, &n);
	cr_assert_eq(n, 1);
	cr_assert_eq(t[0].searches, 2);
}

Test(store_search_report, forgetting_takes_the_days_before_the_one_given)
{
	add("2026-08-28", "旧", 1, 0, true);
	add("2026-08-29", "新", 1, 0, true);
	cr_assert_eq(store_begin(fx.store), STORE_OK);
	cr_assert_eq(store_search_queries_forget(fx.store, "2026-08-29"), STORE_OK);
	cr_assert_eq(store_commit(fx.store), STORE_OK);
	size_t n;
	struct query_count *t = top("2000-01-01", QUERIES_MOST_SEARCHED, 10, &n);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(t[0].query, "新");
}

/* The table's columns, joined by commas, read from the schema. */
static char *columns(void)
{
	sqlite3 *db;
	cr_assert_eq(sqlite3_open_v2(fx.path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(db, "SELECT group_concat(name, ',') FROM pragma_table_info('search_queries')", -1,
					&st, NULL),
		     SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	char *out = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return out;
}

Test(store_search_report, the_table_holds_the_day_the_query_and_counts_and_nothing_about_who)
{
	char *cols = columns();
	cr_assert_str_eq(cols, "day,query,searches,zero_results", "no address, session, account or time of day");
	free(cols);
}
