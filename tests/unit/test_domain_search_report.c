/* Unit tests for domain/search_report: queries typed differently count as
 * one, batches add up, a day keeps a bounded number of queries, and days
 * past the 90 kept are forgotten. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/search_report.h"
#include "store_fixture.h"

static struct store_fixture fx;
static const int64_t NOW = 1795795199; /* 2026-11-27 23:59:59 in Shanghai */

static void setup(void)
{
	store_fixture_open(&fx);
}

static void teardown(void)
{
	store_fixture_close(&fx);
}

TestSuite(domain_search_report, .init = setup, .fini = teardown);

static void record(const char *day, const struct query_count *counts, size_t n, int64_t now)
{
	cr_assert_eq(search_report_record(fx.store, day, counts, n, now), STORE_OK);
}

static struct query_count *week(size_t *n)
{
	char since[DATE_DAY_SIZE];
	search_report_week_start(NOW, since);
	struct query_count *out;
	cr_assert_eq(store_search_queries_top(fx.store, since, QUERIES_MOST_SEARCHED, 100000, fx.arena, &out, n),
		     STORE_OK);
	return out;
}

Test(domain_search_report, queries_are_trimmed_collapsed_folded_and_lower_cased)
{
	struct arena *a = fx.arena;
	cr_assert_str_eq(search_report_normalise("  充电桩  ", a), "充电桩");
	cr_assert_str_eq(search_report_normalise("浦东   招商", a), "浦东 招商");
	cr_assert_str_eq(search_report_normalise("浦东\t\n招商", a), "浦东 招商");
	cr_assert_str_eq(search_report_normalise("　浦东　　招商　", a), "浦东 招商", "the ideographic space");
	cr_assert_str_eq(search_report_normalise("ＶＩＳＡ　Ｖ２Ｇ", a), "visa v2g", "full width, any case");
	cr_assert_str_eq(search_report_normalise("V2G", a), "v2g");
	cr_assert_str_eq(search_report_normalise("“负面清单”", a), "“负面清单”", "quotes are the query's own");
	cr_assert_str_eq(search_report_normalise("浦東", a), "浦東", "Chinese text as typed");
	cr_assert_null(search_report_normalise("", a));
	cr_assert_null(search_report_normalise(" 　\t", a));
}

Test(domain_search_report, batches_add_up_and_the_week_starts_six_days_back)
{
	char since[DATE_DAY_SIZE];
	search_report_week_start(NOW, since);
	cr_assert_str_eq(since, "2026-11-21");
	struct query_count batch[] = { { "充电桩", 2, 1 }, { "浦东", 1, 0 } };
	record("2026-11-27", batch, 2, NOW);
	record("2026-11-21", batch, 1, NOW);
	record("2026-11-20", batch, 2, NOW);
	size_t n;
	struct query_count *t = week(&n);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(t[0].query, "充电桩");
	cr_assert_eq(t[0].searches, 4, "the 27th and the 21st, not the 20th");
	cr_assert_eq(t[0].zero_results, 2);
	cr_assert_eq(t[1].searches, 1);
}

Test(domain_search_report, a_day_keeps_a_bounded_number_of_distinct_queries)
{
	enum { MORE = 10 };
	size_t total = SEARCH_REPORT_DAY_QUERIES + MORE;
	struct query_count *flood = calloc(total, sizeof(*flood));
	char (*words)[16] = calloc(total, 16);
	for (size_t i = 0; i < total; i++) {
		snprintf(words[i], 16, "w%zu", i);
		flood[i] = (struct query_count){ words[i], 1, 1 };
	}
	record("2026-11-27", flood, total - 1, NOW);
	struct query_count known[] = { { "w0", 5, 0 }, { words[total - 1], 1, 0 } };
	record("2026-11-27", known, 2, NOW);
	size_t n;
	struct query_count *t = week(&n);
	cr_assert_eq(n, SEARCH_REPORT_DAY_QUERIES, "a flood of new queries stops at the bound");
	cr_assert_str_eq(t[0].query, "w0", "a query the day holds goes on counting");
	cr_assert_eq(t[0].searches, 6);
	record("2026-11-28", known, 2, NOW + 1);
	int64_t on;
	cr_assert_eq(store_search_queries_on(fx.store, "2026-11-28", &on), STORE_OK);
	cr_assert_eq(on, 2, "the next day has room again");
	free(words);
	free(flood);
}

Test(domain_search_report, days_past_the_ninety_kept_are_forgotten_when_searches_are_written)
{
	struct query_count c[] = { { "旧词", 1, 0 } };
	record("2026-08-28", c, 1, NOW - 100 * 86400);
	record("2026-08-29", c, 1, NOW - 100 * 86400);
	struct query_count today[] = { { "新词", 1, 0 } };
	record("2026-11-27", today, 1, NOW);
	int64_t on;
	cr_assert_eq(store_search_queries_on(fx.store, "2026-08-28", &on), STORE_OK);
	cr_assert_eq(on, 0, "91 days before the 27th");
	cr_assert_eq(store_search_queries_on(fx.store, "2026-08-29", &on), STORE_OK);
	cr_assert_eq(on, 1, "90 days before: kept");
}
