/* Unit tests for http/searches: searches counted for the report without
 * cookies — a searcher once a day per query, robots not at all, queries
 * typed differently as one — held in memory and written in batches. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "domain/search_report.h"
#include "http/searches.h"
#include "store_fixture.h"

static struct store_fixture fx;
static const int64_t NOW = 1795795199; /* 2026-11-27 23:59:59 in Shanghai */
static const char BROWSER[] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36";

static void setup(void)
{
	store_fixture_open(&fx);
	searches_init(0); /* every search written at once */
}

static void teardown(void)
{
	searches_flush(fx.store, NOW);
	store_fixture_close(&fx);
}

TestSuite(searches, .init = setup, .fini = teardown);

/* query's counts on the days from since on (0, 0 when none). */
static struct query_count counted(const char *since, const char *query)
{
	struct query_count *t;
	size_t n;
	cr_assert_eq(store_search_queries_top(fx.store, since, QUERIES_MOST_SEARCHED, 100000, fx.arena, &t, &n),
		     STORE_OK);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(t[i].query, query))
			return t[i];
	return (struct query_count){ query, 0, 0 };
}

static int64_t searches_of(const char *query)
{
	return counted("2026-11-01", query).searches;
}

Test(searches, a_searcher_counts_once_a_day_for_a_query)
{
	for (int i = 0; i < 3; i++)
		searches_note(fx.store, "充电桩", false, "192.0.2.1", BROWSER, NOW);
	searches_note(fx.store, "充电桩", false, "192.0.2.2", BROWSER, NOW);
	searches_note(fx.store, "浦东", false, "192.0.2.1", BROWSER, NOW);
	cr_assert_eq(searches_of("充电桩"), 2, "two searchers");
	cr_assert_eq(searches_of("浦东"), 1, "the same searcher counts for another query");
}

Test(searches, the_next_day_the_same_searcher_counts_again_under_that_day)
{
	searches_note(fx.store, "充电桩", false, "192.0.2.1", BROWSER, NOW);
	searches_note(fx.store, "充电桩", false, "192.0.2.1", BROWSER, NOW + 2);
	cr_assert_eq(counted("2026-11-27", "充电桩").searches, 2);
	cr_assert_eq(counted("2026-11-28", "充电桩").searches, 1, "23:59:59 and 00:00:01 are two days in Shanghai");
}

Test(searches, a_search_that_found_nothing_counts_as_such_once)
{
	searches_note(fx.store, "v2g 换电", true, "192.0.2.1", BROWSER, NOW);
	searches_note(fx.store, "v2g 换电", true, "192.0.2.1", BROWSER, NOW);
	searches_note(fx.store, "v2g 换电", false, "192.0.2.2", BROWSER, NOW);
	struct query_count c = counted("2026-11-01", "v2g 换电");
	cr_assert_eq(c.searches, 2);
	cr_assert_eq(c.zero_results, 1);
}

Test(searches, queries_typed_differently_count_as_one)
{
	searches_note(fx.store, "ＶＩＳＡ　卡", false, "192.0.2.1", BROWSER, NOW);
	searches_note(fx.store, "  visa   卡 ", false, "192.0.2.2", BROWSER, NOW);
	searches_note(fx.store, "Visa 卡", false, "192.0.2.3", BROWSER, NOW);
	searches_note(fx.store, "Visa 卡", false, "192.0.2.1", BROWSER, NOW);
	cr_assert_eq(searches_of("visa 卡"), 3, "one searcher's two spellings are one search");
}

Test(searches, robots_programs_without_a_user_agent_and_empty_queries_are_not_counted)
{
	searches_note(fx.store, "充电桩", false, "192.0.2.1",
		      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", NOW);
	searches_note(fx.store, "充电桩", false, "192.0.2.2", "Baiduspider-render/2.0", NOW);
	searches_note(fx.store, "充电桩", false, "192.0.2.3", NULL, NOW);
	searches_note(fx.store, " 　", false, "192.0.2.4", BROWSER, NOW);
	searches_note(fx.store, NULL, false, "192.0.2.4", BROWSER, NOW);
	struct search_totals all;
	cr_assert_eq(store_search_queries_totals(fx.store, "2026-11-01", &all), STORE_OK);
	cr_assert_eq(all.searches, 0);
}

Test(searches, with_a_write_interval_searches_wait_in_memory_until_a_flush)
{
	searches_init(3600);
	searches_note(fx.store, "充电桩", false, "192.0.2.1", BROWSER, NOW);
	searches_note(fx.store, "充电桩", false, "192.0.2.2", BROWSER, NOW + 1);
	cr_assert_leq(searches_of("充电桩"), 1, "at most the first, which opened the interval, is written");
	searches_flush(fx.store, NOW + 1);
	cr_assert_eq(searches_of("充电桩"), 2);
}

Test(searches, more_distinct_queries_than_are_held_go_out_early)
{
	searches_init(3600);
	char query[32];
	for (int i = 0; i <= SEARCHES_HELD + 1; i++) {
		snprintf(query, sizeof(query), "词%d", i);
		searches_note(fx.store, query, false, "192.0.2.1", BROWSER, NOW);
	}
	struct search_totals all;
	cr_assert_eq(store_search_queries_totals(fx.store, "2026-11-01", &all), STORE_OK);
	cr_assert_geq(all.queries, SEARCHES_HELD, "a full table is written without waiting for the hour");
	searches_flush(fx.store, NOW);
	cr_assert_eq(store_search_queries_totals(fx.store, "2026-11-01", &all), STORE_OK);
	cr_assert_eq(all.queries, SEARCHES_HELD + 2, "and nothing is lost");
}
