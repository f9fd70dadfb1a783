/* Unit tests for store/stats: the data monitor's figures — articles and the
 * money they announce, per district, city-wide, per industry and per month,
 * with the industry and date filters, and the latest facts. */
#include <criterion/criterion.h>
#include <string.h>

#include "store/stats.h"
#include "store_fixture.h"

static struct store_fixture fx;
static struct store *store;
static struct arena *arena;
static int64_t a1, a2, a3;

/* Four articles, made by hand with their facts:
 *   a1 2025-01-10 pudong     ic   money 5000万 and 1亿 CNY (the headline: 1亿), 14 projects, US$2 billion
 *   a2 2025-01-20 pudong+xuhui nev money 2000万 CNY
 *   a3 2025-02-05 city-wide  ic   60 percent, money 3亿 CNY
 *   a4 2025-03-01 xuhui      —    nothing stated */
static const struct article_fact facts1[] = {
	{ "money", 5e7, "CNY", "5000万元", "首期投资5000万元。", FACT_ROLE_INVESTMENT },
	{ "money", 1e8, "CNY", "1亿元", "总投资1亿元。", FACT_ROLE_INVESTMENT },
	{ "count", 14, "个项目", "14个项目", "共签约14个项目。", FACT_ROLE_OTHER },
	{ "money", 2e9, "USD", "20亿美元", "外资规模20亿美元。", FACT_ROLE_INVESTMENT },
};
static const struct article_fact facts2[] = { { "money", 2e7, "CNY", "2000万元", "获2000万元融资。", FACT_ROLE_INVESTMENT } };
static const struct article_fact facts3[] = {
	{ "percent", 60, "%", "六成", "超六成已投产。", FACT_ROLE_OTHER },
	{ "money", 3e8, "CNY", "3亿元", "全市安排3亿元专项资金。", FACT_ROLE_INVESTMENT },
};

static int64_t add(const char *title, const char *date, const char *d1, const char *d2, const char *industry,
		   const struct article_fact *facts, size_t nfacts, bool citywide)
{
	struct article a = fixture_article(title, "正文。", date);
	if (d1)
		a.districts[a.ndistricts++] = d1;
	if (d2)
		a.districts[a.ndistricts++] = d2;
	if (industry)
		a.industries[a.nindustries++] = industry;
	a.facts = facts;
	a.nfacts = nfacts;
	a.citywide = citywide;
	return fixture_insert_article(store, &a);
}

static void setup(void)
{
	store_fixture_open(&fx);
	store = fx.store;
	arena = fx.arena;
}

static void setup_with_articles(void)
{
	setup();
	a1 = add("浦东芯片项目签约", "2025-01-10", "pudong", NULL, "ic", facts1, 4, false);
	a2 = add("两区新能源企业融资", "2025-01-20", "pudong", "xuhui", "nev", facts2, 1, false);
	a3 = add("全市专项资金支持集成电路", "2025-02-05", NULL, NULL, "ic", facts3, 2, true);
	add("徐汇区举办推介会", "2025-03-01", "xuhui", NULL, NULL, NULL, 0, false);
}

static void teardown(void)
{
	store_fixture_close(&fx);
}

TestSuite(store_stats, .init = setup_with_articles, .fini = teardown);
TestSuite(store_stats_empty, .init = setup, .fini = teardown);

static struct stats stats(const char *from, const char *to, const char *industry, int latest)
{
	struct stats_filter f = { .from = from, .to = to, .industry = industry };
	struct stats out;
	cr_assert_eq(store_stats(store, &f, latest, arena, &out), STORE_OK);
	return out;
}

/* The row keyed key, or a zero row. */
static struct stats_row row(const struct stats_row *rows, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(rows[i].key, key))
			return rows[i];
	return (struct stats_row){ .key = key };
}

Test(store_stats_empty, an_empty_database_has_no_figures)
{
	struct stats s = stats(NULL, NULL, NULL, 5);
	cr_assert_eq(s.articles, 0);
	cr_assert_eq(s.money_cny, 0);
	cr_assert_eq(s.citywide.articles, 0);
	cr_assert_eq(s.ndistricts + s.nindustries + s.nmonths + s.nfacts, 0);
}

Test(store_stats, totals_count_articles_and_their_headline_money)
{
	struct stats s = stats(NULL, NULL, NULL, 0);
	cr_assert_eq(s.articles, 4);
	/* 1亿 + 2000万 + 3亿: an article's largest yuan amount, not the sum
	 * of its amounts, and never dollars. */
	cr_assert_eq(s.money_cny, 4.2e8, "%f", s.money_cny);
}

Test(store_stats, each_district_counts_its_articles_and_their_money)
{
	struct stats s = stats(NULL, NULL, NULL, 0);
	cr_assert_eq(s.ndistricts, 2);
	struct stats_row pudong = row(s.districts, s.ndistricts, "pudong"), xuhui = row(s.districts, s.ndistricts, "xuhui");
	cr_assert_eq(pudong.articles, 2);
	cr_assert_eq(pudong.money_cny, 1.2e8);
	cr_assert_eq(xuhui.articles, 2);
	cr_assert_eq(xuhui.money_cny, 2e7);
}

Test(store_stats, city_wide_articles_are_counted_apart)
{
	struct stats s = stats(NULL, NULL, NULL, 0);
	cr_assert_eq(s.citywide.articles, 1);
	cr_assert_eq(s.citywide.money_cny, 3e8);
}

Test(store_stats, each_industry_counts_its_articles_and_their_money)
{
	struct stats s = stats(NULL, NULL, NULL, 0);
	cr_assert_eq(s.nindustries, 2);
	struct stats_row ic = row(s.industries, s.nindustries, "ic"), nev = row(s.industries, s.nindustries, "nev");
	cr_assert_eq(ic.articles, 2);
	cr_assert_eq(ic.money_cny, 4e8);
	cr_assert_eq(nev.articles, 1);
	cr_assert_eq(nev.money_cny, 2e7);
}

Test(store_stats, months_come_in_order)
{
	struct stats s = stats(NULL, NULL, NULL, 0);
	cr_assert_eq(s.nmonths, 3);
	const char *keys[] = { "2025-01", "2025-02", "2025-03" };
	const int64_t articles[] = { 2, 1, 1 };
	const double money[] = { 1.2e8, 3e8, 0 };
	for (size_t i = 0; i < 3; i++) {
		cr_assert_str_eq(s.months[i].key, keys[i]);
		cr_assert_eq(s.months[i].articles, articles[i], "%s", keys[i]);
		cr_assert_eq(s.months[i].money_cny, money[i], "%s", keys[i]);
	}
}

Test(store_stats, an_industry_filter_narrows_every_figure)
{
	struct stats s = stats(NULL, NULL, "ic", 10);
	cr_assert_eq(s.articles, 2);
	cr_assert_eq(s.money_cny, 4e8);
	cr_assert_eq(s.ndistricts, 1);
	cr_assert_str_eq(s.districts[0].key, "pudong");
	cr_assert_eq(s.districts[0].articles, 1);
	cr_assert_eq(s.citywide.articles, 1);
	cr_assert_eq(s.nindustries, 1);
	cr_assert_str_eq(s.industries[0].key, "ic");
	cr_assert_eq(s.nmonths, 2);
	for (size_t i = 0; i < s.nfacts; i++)
		cr_assert(s.facts[i].article_id == a1 || s.facts[i].article_id == a3, "a fact of article %lld",
			  (long long)s.facts[i].article_id);
}

Test(store_stats, a_date_range_includes_both_ends)
{
	struct stats s = stats("2025-01-20", "2025-02-05", NULL, 10);
	cr_assert_eq(s.articles, 2);
	cr_assert_eq(s.money_cny, 3.2e8);
	cr_assert_eq(s.nmonths, 2);
	cr_assert_eq(row(s.districts, s.ndistricts, "pudong").articles, 1);
	cr_assert_eq(s.citywide.articles, 1);
	for (size_t i = 0; i < s.nfacts; i++)
		cr_assert(s.facts[i].article_id == a2 || s.facts[i].article_id == a3, "a fact of article %lld",
			  (long long)s.facts[i].article_id);
	s = stats("2025-03-01", NULL, NULL, 10);
	cr_assert_eq(s.articles, 1);
	cr_assert_eq(s.nfacts, 0, "a4 states nothing");
	s = stats(NULL, "2025-01-09", NULL, 10);
	cr_assert_eq(s.articles, 0);
}

Test(store_stats, the_latest_money_and_count_facts_come_newest_first)
{
	struct stats s = stats(NULL, NULL, NULL, 4);
	cr_assert_eq(s.nfacts, 4);
	const int64_t ids[] = { a3, a2, a1, a1 };
	const char *matches[] = { "3亿元", "2000万元", "5000万元", "1亿元" };
	for (size_t i = 0; i < 4; i++) {
		cr_assert_eq(s.facts[i].article_id, ids[i], "fact %zu", i);
		cr_assert_str_eq(s.facts[i].fact.match, matches[i], "fact %zu", i);
		cr_assert_str_neq(s.facts[i].fact.kind, "percent");
	}
	cr_assert_str_eq(s.facts[0].title, "全市专项资金支持集成电路");
	cr_assert_str_eq(s.facts[0].date, "2025-02-05");
	cr_assert_str_eq(s.facts[0].fact.sentence, "全市安排3亿元专项资金。");
	cr_assert_eq(s.facts[0].fact.value, 3e8);
	s = stats(NULL, NULL, NULL, 10);
	cr_assert_eq(s.nfacts, 6, "every money and count fact, and no percentage");
}
