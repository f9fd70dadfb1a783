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

/* Four articles, made by hand with their facts and each amount's role:
 *   a1 2025-01-10 pudong       ic   investment 5000万 and 1亿 CNY (the headline: 1亿) and US$2 billion,
 *                                    output 8亿 (more than the investment), a 3000万 subsidy cap, 14 projects
 *   a2 2025-01-20 pudong+xuhui nev  investment 2000万, tax 500万
 *   a3 2025-02-05 city-wide    ic   60 percent, a 3亿 fund, investment 4亿
 *   a4 2025-03-01 xuhui        —    nothing stated */
static const struct article_fact facts1[] = {
	{ "money", 5e7, "CNY", "5000万元", "首期投资5000万元。", FACT_ROLE_INVESTMENT },
	{ "money", 1e8, "CNY", "1亿元", "总投资1亿元。", FACT_ROLE_INVESTMENT },
	{ "count", 14, "个项目", "14个项目", "共签约14个项目。", FACT_ROLE_OTHER },
	{ "money", 2e9, "USD", "20亿美元", "外资规模20亿美元。", FACT_ROLE_INVESTMENT },
	{ "money", 8e8, "CNY", "8亿元", "达产后年产值8亿元。", FACT_ROLE_OUTPUT },
	{ "money", 3e7, "CNY", "3000万元", "单个项目最高补贴3000万元。", FACT_ROLE_OTHER },
};
static const struct article_fact facts2[] = {
	{ "money", 2e7, "CNY", "2000万元", "协议投资2000万元。", FACT_ROLE_INVESTMENT },
	{ "money", 5e6, "CNY", "500万元", "年纳税500万元。", FACT_ROLE_TAX },
};
static const struct article_fact facts3[] = {
	{ "percent", 60, "%", "六成", "超六成已投产。", FACT_ROLE_OTHER },
	{ "money", 3e8, "CNY", "3亿元", "全市安排3亿元专项资金。", FACT_ROLE_FUND },
	{ "money", 4e8, "CNY", "4亿元", "带动社会投资4亿元。", FACT_ROLE_INVESTMENT },
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
	a1 = add("浦东芯片项目签约", "2025-01-10", "pudong", NULL, "ic", facts1, 6, false);
	a2 = add("两区新能源企业签约", "2025-01-20", "pudong", "xuhui", "nev", facts2, 2, false);
	a3 = add("全市专项资金支持集成电路", "2025-02-05", NULL, NULL, "ic", facts3, 3, true);
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
	cr_assert_eq(s.total.articles, 0);
	cr_assert_eq(s.total.money_cny, 0);
	cr_assert_eq(s.total.money_articles, 0);
	cr_assert_eq(s.citywide.articles, 0);
	cr_assert_eq(s.ndistricts + s.nindustries + s.nmonths + s.nfacts, 0);
}

Test(store_stats, the_total_investment_is_each_article_s_largest_yuan_investment)
{
	struct stats s = stats(NULL, NULL, NULL, 0);
	cr_assert_eq(s.total.articles, 4);
	/* 1亿 + 2000万 + 4亿: not the sum of an article's amounts, never
	 * dollars, never output, a subsidy cap or a fund. */
	cr_assert_eq(s.total.money_cny, 5.2e8, "%f", s.total.money_cny);
}

Test(store_stats, an_output_forecast_larger_than_the_investment_is_not_investment)
{
	struct stats s = stats(NULL, NULL, NULL, 0);
	struct stats_row pudong = row(s.districts, s.ndistricts, "pudong");
	/* a1 states 1亿 investment and 8亿 output: 浦东 gets 1亿 (and a2's 2000万). */
	cr_assert_eq(pudong.money_cny, 1.2e8, "%f", pudong.money_cny);
	cr_assert_eq(pudong.output_cny, 8e8, "%f", pudong.output_cny);
}

Test(store_stats, output_tax_and_fund_sizes_are_summed_apart)
{
	struct stats s = stats(NULL, NULL, NULL, 0);
	cr_assert_eq(s.total.output_cny, 8e8);
	cr_assert_eq(s.total.tax_cny, 5e6);
	cr_assert_eq(s.total.fund_cny, 3e8);
}

Test(store_stats, the_articles_that_disclosed_an_investment_are_counted)
{
	struct stats s = stats(NULL, NULL, NULL, 0);
	cr_assert_eq(s.total.money_articles, 3, "a4 discloses none");
	cr_assert_eq(row(s.districts, s.ndistricts, "xuhui").money_articles, 1);
}

Test(store_stats, each_district_counts_its_articles_and_their_money)
{
	struct stats s = stats(NULL, NULL, NULL, 0);
	cr_assert_eq(s.ndistricts, 2);
	struct stats_row pudong = row(s.districts, s.ndistricts, "pudong"), xuhui = row(s.districts, s.ndistricts, "xuhui");
	cr_assert_eq(pudong.articles, 2);
	cr_assert_eq(pudong.money_cny, 1.2e8);
	cr_assert_eq(pudong.tax_cny, 5e6);
	cr_assert_eq(xuhui.articles, 2);
	cr_assert_eq(xuhui.money_cny, 2e7);
	cr_assert_eq(xuhui.output_cny, 0);
}

Test(store_stats, city_wide_articles_are_counted_apart)
{
	struct stats s = stats(NULL, NULL, NULL, 0);
	cr_assert_eq(s.citywide.articles, 1);
	cr_assert_eq(s.citywide.money_cny, 4e8);
	cr_assert_eq(s.citywide.fund_cny, 3e8);
}

Test(store_stats, each_industry_counts_its_articles_and_their_money)
{
	struct stats s = stats(NULL, NULL, NULL, 0);
	cr_assert_eq(s.nindustries, 2);
	struct stats_row ic = row(s.industries, s.nindustries, "ic"), nev = row(s.industries, s.nindustries, "nev");
	cr_assert_eq(ic.articles, 2);
	cr_assert_eq(ic.money_cny, 5e8);
	cr_assert_eq(ic.output_cny, 8e8);
	cr_assert_eq(nev.articles, 1);
	cr_assert_eq(nev.money_cny, 2e7);
}

Test(store_stats, months_come_in_order)
{
	struct stats s = stats(NULL, NULL, NULL, 0);
	cr_assert_eq(s.nmonths, 3);
	const char *keys[] = { "2025-01", "2025-02", "2025-03" };
	const int64_t articles[] = { 2, 1, 1 };
	const double money[] = { 1.2e8, 4e8, 0 };
	for (size_t i = 0; i < 3; i++) {
		cr_assert_str_eq(s.months[i].key, keys[i]);
		cr_assert_eq(s.months[i].articles, articles[i], "%s", keys[i]);
		cr_assert_eq(s.months[i].money_cny, money[i], "%s", keys[i]);
	}
}

Test(store_stats, an_industry_filter_narrows_every_figure)
{
	struct stats s = stats(NULL, NULL, "ic", 10);
	cr_assert_eq(s.total.articles, 2);
	cr_assert_eq(s.total.money_cny, 5e8);
	cr_assert_eq(s.total.tax_cny, 0, "a2's tax is of another industry");
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
	cr_assert_eq(s.total.articles, 2);
	cr_assert_eq(s.total.money_cny, 4.2e8);
	cr_assert_eq(s.nmonths, 2);
	cr_assert_eq(row(s.districts, s.ndistricts, "pudong").articles, 1);
	cr_assert_eq(s.citywide.articles, 1);
	for (size_t i = 0; i < s.nfacts; i++)
		cr_assert(s.facts[i].article_id == a2 || s.facts[i].article_id == a3, "a fact of article %lld",
			  (long long)s.facts[i].article_id);
	s = stats("2025-03-01", NULL, NULL, 10);
	cr_assert_eq(s.total.articles, 1);
	cr_assert_eq(s.nfacts, 0, "a4 states nothing");
	s = stats(NULL, "2025-01-09", NULL, 10);
	cr_assert_eq(s.total.articles, 0);
}

Test(store_stats, a_reversed_range_matches_nothing)
{
	struct stats s = stats("2025-02-05", "2025-01-10", NULL, 10);
	cr_assert_eq(s.total.articles, 0);
	cr_assert_eq(s.ndistricts + s.nindustries + s.nmonths + s.nfacts, 0);
}

Test(store_stats, the_latest_money_and_count_facts_come_newest_first_with_their_roles)
{
	struct stats s = stats(NULL, NULL, NULL, 4);
	cr_assert_eq(s.nfacts, 4);
	const int64_t ids[] = { a3, a3, a2, a2 };
	const char *matches[] = { "3亿元", "4亿元", "2000万元", "500万元" };
	const enum fact_role roles[] = { FACT_ROLE_FUND, FACT_ROLE_INVESTMENT, FACT_ROLE_INVESTMENT, FACT_ROLE_TAX };
	for (size_t i = 0; i < 4; i++) {
		cr_assert_eq(s.facts[i].article_id, ids[i], "fact %zu", i);
		cr_assert_str_eq(s.facts[i].fact.match, matches[i], "fact %zu", i);
		cr_assert_eq(s.facts[i].fact.role, roles[i], "fact %zu", i);
		cr_assert_str_neq(s.facts[i].fact.kind, "percent");
	}
	cr_assert_str_eq(s.facts[0].title, "全市专项资金支持集成电路");
	cr_assert_str_eq(s.facts[0].date, "2025-02-05");
	cr_assert_str_eq(s.facts[0].fact.sentence, "全市安排3亿元专项资金。");
	cr_assert_eq(s.facts[0].fact.value, 3e8);
	s = stats(NULL, NULL, NULL, 20);
	cr_assert_eq(s.nfacts, 10, "every money and count fact, and no percentage");
}
