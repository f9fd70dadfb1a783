/* Unit tests for store/articles: articles with their districts, industries
 * and facts; the listings by district and industry; retagging and editors'
 * corrections. Articles are made by hand, untagged, so each test says
 * exactly which tags it stores. */
#include <criterion/criterion.h>
#include <string.h>

#include "store/articles.h"
#include "store_fixture.h"

static struct store_fixture fx;
static struct store *store;
static struct arena *arena;

static void setup(void)
{
	store_fixture_open(&fx);
	store = fx.store;
	arena = fx.arena;
}

static void teardown(void)
{
	store_fixture_close(&fx);
}

TestSuite(store_articles, .init = setup, .fini = teardown);

/* An untagged article titled title, with a body of its own. */
static struct article make(const char *title, const char *date)
{
	return fixture_article(title, arena_printf(arena, "%s。这是正文。", title), date);
}

/* Stores an article in one district (or none, for NULL). */
static int64_t add(const char *title, const char *date, const char *district)
{
	struct article a = make(title, date);
	if (district)
		a.districts[a.ndistricts++] = district;
	return fixture_insert_article(store, &a);
}

/* Stores an article with one industry. */
static int64_t add_in_industry(const char *title, const char *date, const char *industry)
{
	struct article a = make(title, date);
	a.industries[a.nindustries++] = industry;
	return fixture_insert_article(store, &a);
}

static struct article get(int64_t id)
{
	struct article a;
	cr_assert_eq(store_article_get(store, id, arena, &a), STORE_OK, "article %lld", (long long)id);
	return a;
}

static int64_t count(void)
{
	int64_t n = -1;
	cr_assert_eq(store_article_count(store, &n), STORE_OK);
	return n;
}

static struct article_page list(const char *district, int64_t offset, int limit)
{
	struct article_page p;
	cr_assert_eq(store_articles_list(store, district, offset, limit, 100, arena, &p), STORE_OK);
	return p;
}

static bool has_district(const struct article *a, const char *slug)
{
	for (size_t i = 0; i < a->ndistricts; i++)
		if (!strcmp(a->districts[i], slug))
			return true;
	return false;
}

/* ---- insert and get ---- */

Test(store_articles, the_same_content_again_is_a_duplicate_and_writes_nothing)
{
	struct article a = make("浦东新区集成电路项目签约", "2025-03-01");
	int64_t id = fixture_insert_article(store, &a);
	/* The same hash under another date and with a district: nothing of it is kept. */
	struct article again = a;
	again.date = "2025-03-02";
	again.districts[again.ndistricts++] = "xuhui";
	int64_t other = -1;
	cr_assert_eq(store_article_insert(store, &again, &other), STORE_DUPLICATE);
	cr_assert_eq(count(), 1);
	cr_assert_str_eq(get(id).date, "2025-03-01");
	cr_assert_eq(list("xuhui", 0, 10).total, 0, "the duplicate's district was stored");
}

Test(store_articles, an_article_comes_back_as_it_was_stored)
{
	struct article a = make("临港新片区新能源项目开工", "2025-04-05");
	a.source = "临港新片区管委会";
	a.url = "https://example.gov.cn/news/1";
	a.citywide = true;
	a.districts_given = true;
	int64_t id = fixture_insert_article(store, &a);
	struct article b = get(id);
	cr_assert_eq(b.id, id);
	cr_assert_str_eq(b.title, a.title);
	cr_assert_str_eq(b.body, a.body);
	cr_assert_str_eq(b.date, "2025-04-05");
	cr_assert_str_eq(b.source, "临港新片区管委会");
	cr_assert_str_eq(b.url, "https://example.gov.cn/news/1");
	cr_assert(b.citywide);
	cr_assert(b.districts_given);
	cr_assert_not(b.industries_given);
	cr_assert_eq(memcmp(b.content_hash, a.content_hash, sizeof(a.content_hash)), 0);
	cr_assert_eq(b.ndistricts, 0);
	cr_assert_eq(b.nindustries, 0);
	cr_assert_eq(b.nfacts, 0);
}

Test(store_articles, missing_source_and_link_come_back_as_null)
{
	struct article b = get(add("静安区楼宇经济报告发布", "2025-04-05", NULL));
	cr_assert_null(b.source);
	cr_assert_null(b.url);
}

Test(store_articles, get_gives_districts_industries_strongest_first_and_facts_in_text_order)
{
	struct article a = make("两区联合招商推介会举行", "2025-05-06");
	a.districts[a.ndistricts++] = "xuhui";
	a.districts[a.ndistricts++] = "baoshan";
	/* Not in alphabetical order: the strongest comes first. */
	a.industries[a.nindustries++] = "nev";
	a.industries[a.nindustries++] = "ic";
	a.industries[a.nindustries++] = "finance";
	const struct article_fact facts[] = {
		{ "money", 86e8, "CNY", "86亿元", "总投资约86亿元。", FACT_ROLE_INVESTMENT },
		{ "percent", 40, "%", "四成", "设计类企业占比超过四成。", FACT_ROLE_OTHER },
		{ "count", 14, "个项目", "14个项目", "共签约14个项目。", FACT_ROLE_OTHER },
	};
	a.facts = facts;
	a.nfacts = 3;
	struct article b = get(fixture_insert_article(store, &a));
	cr_assert_eq(b.ndistricts, 2);
	cr_assert(has_district(&b, "xuhui") && has_district(&b, "baoshan"));
	cr_assert_eq(b.nindustries, 3);
	cr_assert_str_eq(b.industries[0], "nev");
	cr_assert_str_eq(b.industries[1], "ic");
	cr_assert_str_eq(b.industries[2], "finance");
	cr_assert_eq(b.nfacts, 3);
	for (size_t i = 0; i < 3; i++) {
		cr_assert_str_eq(b.facts[i].kind, facts[i].kind, "fact %zu", i);
		cr_assert_eq(b.facts[i].value, facts[i].value, "fact %zu", i);
		cr_assert_str_eq(b.facts[i].unit, facts[i].unit, "fact %zu", i);
		cr_assert_str_eq(b.facts[i].match, facts[i].match, "fact %zu", i);
		cr_assert_str_eq(b.facts[i].sentence, facts[i].sentence, "fact %zu", i);
		cr_assert_eq(b.facts[i].role, facts[i].role, "fact %zu", i);
	}
}

Test(store_articles, every_role_of_money_is_kept)
{
	struct article a = make("项目签约", "2025-05-06");
	struct article_fact facts[FACT_ROLE__MAX];
	for (int r = 0; r < FACT_ROLE__MAX; r++)
		facts[r] = (struct article_fact){ "money", 1e8 * (r + 1), "CNY", "1亿元", "一句。", (enum fact_role)r };
	a.facts = facts;
	a.nfacts = FACT_ROLE__MAX;
	struct article b = get(fixture_insert_article(store, &a));
	cr_assert_eq(b.nfacts, FACT_ROLE__MAX);
	for (int r = 0; r < FACT_ROLE__MAX; r++)
		cr_assert_eq(b.facts[r].role, (enum fact_role)r, "%s", fact_role_names[r]);
}

Test(store_articles, an_unknown_article_is_not_found)
{
	add("甲", "2025-01-01", NULL);
	struct article a;
	cr_assert_eq(store_article_get(store, 999, arena, &a), STORE_NOT_FOUND);
}

Test(store_articles, the_count_is_of_every_article)
{
	cr_assert_eq(count(), 0);
	add("甲", "2025-01-01", "pudong");
	add("乙", "2025-01-02", NULL);
	cr_assert_eq(count(), 2);
}

/* ---- neighbours ---- */

Test(store_articles, neighbours_are_the_next_newer_and_older_articles)
{
	/* Newest first: d, c, b, a (c and b share a day; the later id is newer). */
	int64_t a = add("甲", "2025-01-01", NULL), b = add("乙", "2025-01-02", NULL);
	int64_t d = add("丁", "2025-01-03", NULL), c = add("丙", "2025-01-02", NULL);
	struct article_summary newer, older;
	struct article art = get(b);
	cr_assert_eq(store_article_neighbours(store, &art, arena, &newer, &older), STORE_OK);
	cr_assert_eq(newer.id, c);
	cr_assert_str_eq(newer.title, "丙");
	cr_assert_eq(older.id, a);
	cr_assert_str_eq(older.date, "2025-01-01");
	art = get(c);
	cr_assert_eq(store_article_neighbours(store, &art, arena, &newer, &older), STORE_OK);
	cr_assert_eq(newer.id, d);
	cr_assert_eq(older.id, b);
}

Test(store_articles, the_newest_and_the_oldest_have_no_neighbour_beyond)
{
	int64_t a = add("甲", "2025-01-01", NULL), b = add("乙", "2025-01-02", NULL);
	struct article_summary newer, older;
	struct article art = get(b);
	cr_assert_eq(store_article_neighbours(store, &art, arena, &newer, &older), STORE_OK);
	cr_assert_eq(newer.id, 0);
	cr_assert_eq(older.id, a);
	art = get(a);
	cr_assert_eq(store_article_neighbours(store, &art, arena, &newer, &older), STORE_OK);
	cr_assert_eq(newer.id, b);
	cr_assert_eq(older.id, 0);
}

/* ---- listings ---- */

Test(store_articles, the_listing_is_newest_first_in_pages_with_the_total)
{
	int64_t a = add("甲", "2025-01-03", NULL), b = add("乙", "2025-01-01", NULL);
	int64_t c = add("丙", "2025-01-04", NULL), d = add("丁", "2025-01-03", NULL);
	struct article_page p = list(NULL, 0, 3);
	cr_assert_eq(p.total, 4);
	cr_assert_eq(p.count, 3);
	cr_assert_eq(p.items[0].id, c);
	cr_assert_eq(p.items[1].id, d, "on the same day the later article comes first");
	cr_assert_eq(p.items[2].id, a);
	cr_assert_str_eq(p.items[2].title, "甲");
	cr_assert_str_eq(p.items[2].date, "2025-01-03");
	p = list(NULL, 3, 3);
	cr_assert_eq(p.total, 4);
	cr_assert_eq(p.count, 1);
	cr_assert_eq(p.items[0].id, b);
}

Test(store_articles, a_page_past_the_end_is_empty_but_keeps_the_total)
{
	add("甲", "2025-01-01", "pudong");
	add("乙", "2025-01-02", "pudong");
	struct article_page p = list(NULL, 2, 10);
	cr_assert_eq(p.count, 0);
	cr_assert_eq(p.total, 2);
	p = list("pudong", 5, 10);
	cr_assert_eq(p.count, 0);
	cr_assert_eq(p.total, 2);
}

Test(store_articles, a_district_listing_holds_only_its_articles_newest_first)
{
	int64_t old_pd = add("浦东甲", "2025-01-01", "pudong");
	add("徐汇乙", "2025-01-02", "xuhui");
	int64_t new_pd = add("浦东丙", "2025-01-03", "pudong");
	add("全市丁", "2025-01-04", NULL);
	struct article_page p = list("pudong", 0, 10);
	cr_assert_eq(p.total, 2);
	cr_assert_eq(p.count, 2);
	cr_assert_eq(p.items[0].id, new_pd);
	cr_assert_eq(p.items[1].id, old_pd);
	cr_assert_eq(list("jingan", 0, 10).total, 0);
}

Test(store_articles, a_listing_row_names_its_articles_districts)
{
	struct article a = make("两区联动", "2025-01-02");
	a.districts[a.ndistricts++] = "pudong";
	a.districts[a.ndistricts++] = "xuhui";
	fixture_insert_article(store, &a);
	add("全市", "2025-01-01", NULL);
	struct article_page p = list(NULL, 0, 10);
	cr_assert_eq(p.count, 2);
	const char *d = p.items[0].districts;
	cr_assert(!strcmp(d, "pudong,xuhui") || !strcmp(d, "xuhui,pudong"), "%s", d);
	cr_assert_str_eq(p.items[1].districts, "", "an article without districts");
}

Test(store_articles, an_excerpt_is_the_bodys_first_characters)
{
	struct article a = fixture_article("标题", "一二三四五六七八九十\n第二段", "2025-01-01");
	fixture_insert_article(store, &a);
	struct article_page p;
	cr_assert_eq(store_articles_list(store, NULL, 0, 10, 4, arena, &p), STORE_OK);
	cr_assert_str_eq(p.items[0].excerpt, "一二三四", "characters, not bytes");
	cr_assert_eq(store_articles_list(store, NULL, 0, 10, 12, arena, &p), STORE_OK);
	cr_assert_str_eq(p.items[0].excerpt, "一二三四五六七八九十\n第", "paragraph breaks are kept");
}

Test(store_articles, an_industry_listing_holds_only_its_articles_newest_first)
{
	int64_t a = add_in_industry("芯片甲", "2025-02-01", "ic");
	add_in_industry("金融乙", "2025-02-02", "finance");
	int64_t c = add_in_industry("芯片丙", "2025-02-03", "ic");
	int64_t d = add_in_industry("芯片丁", "2025-01-15", "ic");
	struct article_page p;
	cr_assert_eq(store_industry_list(store, "ic", 0, 2, 50, arena, &p), STORE_OK);
	cr_assert_eq(p.total, 3);
	cr_assert_eq(p.count, 2);
	cr_assert_eq(p.items[0].id, c);
	cr_assert_eq(p.items[1].id, a);
	cr_assert_eq(store_industry_list(store, "ic", 2, 2, 50, arena, &p), STORE_OK);
	cr_assert_eq(p.count, 1);
	cr_assert_eq(p.items[0].id, d);
	cr_assert_eq(store_industry_list(store, "nev", 0, 2, 50, arena, &p), STORE_OK);
	cr_assert_eq(p.total, 0);
	cr_assert_eq(p.count, 0);
}

Test(store_articles, an_industrys_newest_articles_stop_at_the_limit)
{
	add_in_industry("芯片甲", "2025-02-01", "ic");
	int64_t b = add_in_industry("芯片乙", "2025-02-03", "ic");
	int64_t c = add_in_industry("芯片丙", "2025-02-02", "ic");
	add_in_industry("金融丁", "2025-02-04", "finance");
	struct article_summary *out;
	size_t n;
	cr_assert_eq(store_industry_articles(store, "ic", 2, arena, &out, &n), STORE_OK);
	cr_assert_eq(n, 2);
	cr_assert_eq(out[0].id, b);
	cr_assert_str_eq(out[0].title, "芯片乙");
	cr_assert_eq(out[1].id, c);
}

Test(store_articles, district_counts_count_each_district_that_has_articles)
{
	add("浦东甲", "2025-01-01", "pudong");
	add("浦东乙", "2025-01-02", "pudong");
	add("徐汇丙", "2025-01-03", "xuhui");
	add("全市丁", "2025-01-04", NULL);
	struct tag_count *counts;
	size_t n;
	cr_assert_eq(store_district_counts(store, arena, &counts, &n), STORE_OK);
	cr_assert_eq(n, 2);
	int64_t pudong = 0, xuhui = 0;
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(counts[i].slug, "pudong"))
			pudong = counts[i].articles;
		else if (!strcmp(counts[i].slug, "xuhui"))
			xuhui = counts[i].articles;
	}
	cr_assert_eq(pudong, 2);
	cr_assert_eq(xuhui, 1);
}

/* ---- editors' corrections and retagging ---- */

static enum store_rc set_tags(struct article *a)
{
	cr_assert_eq(store_begin(store), STORE_OK);
	enum store_rc rc = store_article_set_tags(store, a);
	if (rc == STORE_OK)
		cr_assert_eq(store_commit(store), STORE_OK);
	else
		store_rollback(store);
	return rc;
}

Test(store_articles, set_tags_replaces_districts_and_industries_and_marks_them_given)
{
	struct article a = make("项目签约", "2025-06-01");
	a.districts[a.ndistricts++] = "pudong";
	a.industries[a.nindustries++] = "ic";
	int64_t id = fixture_insert_article(store, &a);
	struct article c = get(id);
	c.ndistricts = 0;
	c.districts[c.ndistricts++] = "jingan";
	c.nindustries = 0;
	c.industries[c.nindustries++] = "finance";
	c.industries[c.nindustries++] = "biomed";
	cr_assert_eq(set_tags(&c), STORE_OK);
	struct article b = get(id);
	cr_assert_eq(b.ndistricts, 1);
	cr_assert_str_eq(b.districts[0], "jingan");
	cr_assert_eq(b.nindustries, 2);
	cr_assert_str_eq(b.industries[0], "finance");
	cr_assert_str_eq(b.industries[1], "biomed");
	cr_assert(b.districts_given);
	cr_assert(b.industries_given);
	cr_assert_eq(list("pudong", 0, 10).total, 0, "the old district still lists it");
	cr_assert_eq(list("jingan", 0, 10).total, 1);
}

Test(store_articles, set_tags_on_an_unknown_article_is_not_found)
{
	struct article a = make("无此文章", "2025-06-01");
	a.id = 999;
	a.districts[a.ndistricts++] = "pudong";
	cr_assert_eq(set_tags(&a), STORE_NOT_FOUND);
	cr_assert_eq(list("pudong", 0, 10).total, 0);
}

/* Reads the articles after id as retagging does. */
static struct article *after(int64_t id, int limit, size_t *n)
{
	struct article *out;
	cr_assert_eq(store_articles_after(store, id, limit, arena, &out, n), STORE_OK);
	return out;
}

Test(store_articles, articles_after_an_id_come_in_id_order_up_to_the_limit)
{
	int64_t a = add("甲", "2025-01-03", NULL), b = add("乙", "2025-01-01", NULL), c = add("丙", "2025-01-02", NULL);
	size_t n;
	struct article *rows = after(a, 10, &n);
	cr_assert_eq(n, 2);
	cr_assert_eq(rows[0].id, b);
	cr_assert_eq(rows[1].id, c);
	cr_assert_str_eq(rows[0].title, "乙");
	cr_assert_str_eq(rows[0].date, "2025-01-01");
	cr_assert_not_null(strstr(rows[0].body, "这是正文"));
	rows = after(0, 1, &n);
	cr_assert_eq(n, 1);
	cr_assert_eq(rows[0].id, a);
	after(c, 10, &n);
	cr_assert_eq(n, 0);
}

/* Retags article id with district, industry and one fact, as retagging
 * does: read, tag, write, in one transaction. */
static void retag(int64_t id, const char *district, const char *industry, const struct article_fact *fact)
{
	size_t n;
	struct article *rows = after(id - 1, 1, &n);
	cr_assert_eq(n, 1);
	struct article *a = &rows[0];
	cr_assert_eq(a->id, id);
	a->ndistricts = 0;
	a->districts[a->ndistricts++] = district;
	a->nindustries = 0;
	a->industries[a->nindustries++] = industry;
	a->facts = fact;
	a->nfacts = 1;
	a->citywide = false;
	cr_assert_eq(store_begin(store), STORE_OK);
	cr_assert_eq(store_article_retag(store, a), STORE_OK);
	cr_assert_eq(store_commit(store), STORE_OK);
}

static const struct article_fact NEW_FACT = { "count", 9, "家企业", "9家企业", "共有9家企业签约。", FACT_ROLE_OTHER };

Test(store_articles, retagging_replaces_tags_that_were_not_given)
{
	struct article a = make("项目签约", "2025-06-01");
	a.districts[a.ndistricts++] = "pudong";
	a.industries[a.nindustries++] = "ic";
	int64_t id = fixture_insert_article(store, &a);
	retag(id, "minhang", "nev", &NEW_FACT);
	struct article b = get(id);
	cr_assert_eq(b.ndistricts, 1);
	cr_assert_str_eq(b.districts[0], "minhang");
	cr_assert_eq(b.nindustries, 1);
	cr_assert_str_eq(b.industries[0], "nev");
	cr_assert_eq(b.nfacts, 1);
	cr_assert_str_eq(b.facts[0].match, "9家企业");
	cr_assert_eq(list("pudong", 0, 10).total, 0);
	cr_assert_eq(list("minhang", 0, 10).total, 1);
}

Test(store_articles, retagging_keeps_the_tags_an_editor_gave)
{
	struct article a = make("项目签约", "2025-06-01");
	a.districts[a.ndistricts++] = "pudong";
	int64_t id = fixture_insert_article(store, &a);
	struct article c = get(id);
	c.ndistricts = 0;
	c.districts[c.ndistricts++] = "jingan";
	c.industries[c.nindustries++] = "finance";
	cr_assert_eq(set_tags(&c), STORE_OK);
	retag(id, "minhang", "nev", &NEW_FACT);
	struct article b = get(id);
	cr_assert_eq(b.ndistricts, 1);
	cr_assert_str_eq(b.districts[0], "jingan", "retagging overrode the editor's district");
	cr_assert_eq(b.nindustries, 1);
	cr_assert_str_eq(b.industries[0], "finance", "retagging overrode the editor's industry");
	cr_assert_eq(b.nfacts, 1, "facts are always found anew");
	cr_assert_str_eq(b.facts[0].match, "9家企业");
}

Test(store_articles, a_source_given_district_survives_retagging)
{
	struct article a = make("来源给定的区", "2025-06-01");
	a.districts[a.ndistricts++] = "yangpu";
	a.districts_given = true;
	int64_t id = fixture_insert_article(store, &a);
	retag(id, "minhang", "nev", &NEW_FACT);
	struct article b = get(id);
	cr_assert_eq(b.ndistricts, 1);
	cr_assert_str_eq(b.districts[0], "yangpu");
	cr_assert_eq(b.nindustries, 1);
	cr_assert_str_eq(b.industries[0], "nev", "the industries were not given: they are tagged again");
}

Test(store_articles, summaries_come_in_the_order_asked_whole_and_without_ids_that_are_gone)
{
	int64_t a = add("甲", "2026-01-01", "pudong"), b = add("乙", "2026-02-01", NULL);
	int64_t ids[] = { b, 999, a };
	struct article_summary *out;
	size_t n;
	cr_assert_eq(store_article_summaries(store, ids, 3, 1000, arena, &out, &n), STORE_OK);
	cr_assert_eq(n, 2, "999 is no article");
	cr_assert_eq(out[0].id, b);
	cr_assert_eq(out[1].id, a);
	cr_assert_str_eq(out[1].title, "甲");
	cr_assert_str_eq(out[1].date, "2026-01-01");
	cr_assert_str_eq(out[1].districts, "pudong");
	cr_assert_str_eq(out[0].districts, "");
	cr_assert_str_eq(out[1].excerpt, get(a).body, "the whole body when it is shorter than asked");
	cr_assert_eq(store_article_summaries(store, ids, 0, 1000, arena, &out, &n), STORE_OK);
	cr_assert_eq(n, 0);
}
