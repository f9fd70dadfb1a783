/* Unit tests for store/search: search over a real database holding the ten
 * seed articles — relevance (expected first results written from reading
 * the articles), filters, facets, hostile input, and the index following
 * the articles. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "domain/import.h"
#include "harness.h"
#include "search/query.h"
#include "store/fts.h"
#include "store/search.h"
#include "store_fixture.h"

static char *dir;
static struct store *store;
static struct arena *arena;

static void open_store(bool with_seed)
{
	dir = tmp_dir_new();
	char path[4200];
	snprintf(path, sizeof(path), "%s/s.db", dir);
	struct buf err = { 0 };
	cr_assert_eq(store_open(path, &store, &err), STORE_OK, "%s", buf_cstr(&err));
	const char *seed = with_seed ? seed_path() : NULL;
	if (seed) {
		struct import_result r;
		cr_assert_eq(import_file(store, seed, false, &r, &err), 0, "%s", buf_cstr(&err));
	}
	buf_free(&err);
	arena = arena_new();
}

static void setup(void)
{
	open_store(true);
}

/* For the tests that make their own articles. */
static void setup_empty(void)
{
	open_store(false);
}

static void teardown(void)
{
	arena_free(arena);
	store_close(store);
	tmp_dir_remove(dir);
}

TestSuite(store_search, .init = setup, .fini = teardown);
TestSuite(store_search_by_hand, .init = setup_empty, .fini = teardown);

static struct search_page run(const char *q, const struct search_filter *f)
{
	struct search_query query;
	struct search_page page = { 0 };
	if (search_query_parse(str_from(q), arena, &query) != QUERY_OK)
		return page;
	struct search_filter none = { 0 };
	cr_assert_eq(store_search(store, query.match, f ? f : &none, 0, 20, arena, &page), STORE_OK, "query %s", q);
	return page;
}

static char *plain(const char *marked)
{
	static char out[1024];
	size_t n = 0;
	for (const char *p = marked; *p && n < sizeof(out) - 1; p++)
		if (*p != '\x01' && *p != '\x02')
			out[n++] = *p;
	out[n] = '\0';
	return out;
}

#define SEED_ONLY()                                                       \
	do {                                                              \
		if (!seed_path())                                         \
			cr_skip_test("../shared/seed is not in this checkout"); \
	} while (0)

/* query, the title of the article that should come first */
static const char *const relevance[][2] = {
	{ "充电桩", "青浦深化充电基础设施布局优化城市服务功能" },
	{ "桩", "青浦深化充电基础设施布局优化城市服务功能" },
	{ "V2G", "青浦深化充电基础设施布局优化城市服务功能" },
	{ "v2g", "青浦深化充电基础设施布局优化城市服务功能" },
	{ "ｖ２ｇ", "青浦深化充电基础设施布局优化城市服务功能" },
	{ "浦东 统计", "浦东新区统计调查工作锚定高质量发展新目标" },
	{ "浦東", "浦东新区统计调查工作锚定高质量发展新目标" },
	{ "自贸区", "浦东新区统计调查工作锚定高质量发展新目标" },
	{ "5000万", "上海宝山住宅项目获5000万融资助力开发" },
	{ "委托贷款", "上海宝山住宅项目获5000万融资助力开发" },
	{ "１４个", "提升服务效率 金山14个产业项目集中开工" },
	{ "店小二", "提升服务效率 金山14个产业项目集中开工" },
	{ "集成电路", "上海打造全球卓越制造基地的智能化转型路径" },
	{ "集成電路", "上海打造全球卓越制造基地的智能化转型路径" },
	{ "临港新片区", "上海打造全球卓越制造基地的智能化转型路径" },
	{ "负面清单", "上海保税区行政审批改革驱动招商引资新高度" },
	{ "农业", "上海崇明生态法规促进招商引资与可持续发展" },
	{ "赵巷", "青浦赵巷商区能级提升科学规划引领区域发展" },
	{ "\"组合拳\"", "普陀区出“组合拳”优生态强治理促招商引资" },
	{ "财政金融", "上海持续领跑全国省域财政金融竞争力前三甲" },
	{ "崇明 生态", "上海崇明生态法规促进招商引资与可持续发展" },
};

Test(store_search, expected_article_comes_first)
{
	SEED_ONLY();
	for (size_t i = 0; i < sizeof(relevance) / sizeof(relevance[0]); i++) {
		struct search_page p = run(relevance[i][0], NULL);
		cr_assert_gt(p.count, 0, "\"%s\" found nothing", relevance[i][0]);
		cr_expect_str_eq(plain(p.hits[0].title), relevance[i][1], "\"%s\" ranked \"%s\" first", relevance[i][0],
				 plain(p.hits[0].title));
	}
}

Test(store_search, every_query_shape_finds_something)
{
	SEED_ONLY();
	/* one, two, three and more characters; a phrase; mixed scripts */
	const char *queries[] = { "桩", "片区", "充电桩", "高质量发展", "\"统计调查\"", "5G", "14个产业项目" };
	for (size_t i = 0; i < sizeof(queries) / sizeof(queries[0]); i++)
		cr_assert_gt(run(queries[i], NULL).total, 0, "\"%s\" found nothing", queries[i]);
}

Test(store_search, a_word_inside_a_longer_word_is_found)
{
	SEED_ONLY();
	struct search_page p = run("片区", NULL);
	cr_assert_eq(p.total, 2, "片区 occurs in two articles (one inside 临港新片区)");
}

Test(store_search, pairs_far_apart_do_not_make_a_phrase)
{
	SEED_ONLY();
	/* 统计 and 调查 both occur in article 1, and "统计调查" too; 调查统计 as a
	 * sequence occurs nowhere. */
	cr_assert_gt(run("统计调查", NULL).total, 0);
	cr_assert_eq(run("调查统计", NULL).total, 0);
}

Test(store_search, terms_are_anded)
{
	SEED_ONLY();
	int64_t both = run("充电桩 青浦", NULL).total;
	cr_assert_eq(both, 1);
	cr_assert_eq(run("充电桩 崇明", NULL).total, 0);
}

Test(store_search, highlights_mark_exactly_the_match)
{
	SEED_ONLY();
	struct search_page p = run("充电桩", NULL);
	cr_assert_not_null(strstr(p.hits[0].snippet, "\x01充电桩\x02"), "%s", p.hits[0].snippet);
	p = run("桩", NULL);
	cr_assert_not_null(strstr(p.hits[0].snippet, "充电\x01桩\x02"), "%s", p.hits[0].snippet);
}

Test(store_search, filters_by_district_and_date)
{
	SEED_ONLY();
	struct search_filter qingpu = { .district = "qingpu" };
	cr_assert_eq(run("长三角", &qingpu).total, 2);
	struct search_filter pudong = { .district = "pudong" };
	cr_assert_eq(run("长三角", &pudong).total, 0);
	struct search_filter later = { .from = "2025-08-29" };
	cr_assert_eq(run("长三角", &later).total, 0);
	struct search_filter that_day = { .from = "2025-08-28", .to = "2025-08-28" };
	cr_assert_eq(run("长三角", &that_day).total, 3);
}

Test(store_search, facets_count_matches_per_district)
{
	SEED_ONLY();
	struct search_filter qingpu = { .district = "qingpu" };
	struct search_page p = run("长三角", &qingpu);
	int64_t qp = 0;
	for (size_t i = 0; i < p.nfacets; i++)
		if (!strcmp(p.facets[i].slug, "qingpu"))
			qp = p.facets[i].articles;
	cr_assert_eq(qp, 2, "facets ignore the district filter itself and count its matches");
}

Test(store_search, hostile_queries_never_break_the_engine)
{
	const char *hostile[] = { "\"", "*", "(", ")", ":", "-", "OR", "AND", "NEAR", "^", "\" * ( ) : - OR AND NEAR ^",
				  "title:浦东", "NEAR(浦东 招商, 2)", "浦东 OR 招商", "\"unclosed 浦东", "浦东\"\"招商",
				  "-浦东", "^浦东", "浦东*", "{title body}: 浦东", "a AND OR NOT b", "'; DROP TABLE articles; --",
				  "\\\"", "＊（）：", "“浦东" };
	for (size_t i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++)
		(void)run(hostile[i], NULL); /* run() asserts STORE_OK */
	cr_assert_gt(run("浦东", NULL).total + !seed_path(), 0, "the table survived");
}

static const char *first_industry(const char *q)
{
	struct search_page p = run(q, NULL);
	cr_assert_gt(p.count, 0, "%s found nothing", q);
	static char first[32];
	snprintf(first, sizeof(first), "%.*s", (int)strcspn(p.hits[0].industries, ","), p.hits[0].industries);
	return first;
}

Test(store_search, seed_articles_carry_the_industries_they_are_about)
{
	SEED_ONLY();
	/* Read off the articles: charging piles and V2G; a 50-million loan for
	 * a housing project; a manufacturing-base plan built on technical
	 * renovation and smart factories. */
	cr_assert_str_eq(first_industry("充电桩"), "nev");
	const char *housing = first_industry("委托贷款");
	cr_assert(!strcmp(housing, "real-estate") || !strcmp(housing, "finance"), "%s", housing);
	cr_assert_str_eq(first_industry("卓越制造基地"), "equipment");
}

Test(store_search, filters_and_counts_by_industry)
{
	SEED_ONLY();
	struct search_filter nev = { .industry = "nev" };
	struct search_page all = run("青浦", NULL), only = run("青浦", &nev);
	cr_assert_gt(all.total, only.total);
	cr_assert_eq(only.total, 1);
	int64_t facet = 0;
	for (size_t i = 0; i < all.nindustry_facets; i++)
		if (!strcmp(all.industry_facets[i].slug, "nev"))
			facet = all.industry_facets[i].articles;
	cr_assert_eq(facet, only.total, "the nev facet says %lld", (long long)facet);
}

/* No command edits or deletes articles yet; the index must follow whatever
 * does, in the same transaction, so this changes the rows directly. */
static sqlite3 *raw_db(void)
{
	char path[4200];
	snprintf(path, sizeof(path), "%s/s.db", dir);
	sqlite3 *db;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(fts_register_tokenizer(db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	return db;
}

Test(store_search, editing_and_deleting_update_the_index_at_once)
{
	SEED_ONLY();
	cr_assert_eq(run("委托贷款", NULL).total, 1);
	sqlite3 *db = raw_db();
	cr_assert_eq(sqlite3_exec(db,
				  "BEGIN; UPDATE articles SET body = replace(body, '委托贷款', '专项借款') WHERE id = 6;"
				  " COMMIT;",
				  NULL, NULL, NULL),
		     SQLITE_OK, "%s", sqlite3_errmsg(db));
	cr_assert_eq(run("委托贷款", NULL).total, 0, "the old words are still indexed");
	cr_assert_eq(run("专项借款", NULL).total, 1, "the new words are not indexed");
	cr_assert_eq(sqlite3_exec(db, "BEGIN; DELETE FROM articles WHERE id = 3; ROLLBACK;", NULL, NULL, NULL), SQLITE_OK);
	cr_assert_eq(run("充电桩", NULL).total, 1, "a rolled-back delete left the index changed");
	cr_assert_eq(sqlite3_exec(db, "DELETE FROM articles WHERE id = 3;", NULL, NULL, NULL), SQLITE_OK);
	cr_assert_eq(run("充电桩", NULL).total, 0, "a deleted article is still found");
	sqlite3_close(db);
}

Test(store_search, an_index_from_another_tokenizer_is_rebuilt_on_open)
{
	SEED_ONLY();
	sqlite3 *db = raw_db();
	/* Empty the index, as if built by rules that produce other tokens. */
	cr_assert_eq(sqlite3_exec(db,
				  "INSERT INTO article_search(article_search) VALUES ('delete-all');"
				  "UPDATE store_meta SET value = 'zhaoshang-0 icu-0' WHERE key = 'tokenizer';",
				  NULL, NULL, NULL),
		     SQLITE_OK, "%s", sqlite3_errmsg(db));
	sqlite3_close(db);
	cr_assert_eq(run("充电桩", NULL).total, 0, "the emptied index still answers");
	store_close(store);
	char path[4200];
	snprintf(path, sizeof(path), "%s/s.db", dir);
	struct buf err = { 0 };
	cr_assert_eq(store_open(path, &store, &err), STORE_OK, "%s", buf_cstr(&err));
	buf_free(&err);
	cr_assert_eq(run("充电桩", NULL).total, 1, "the index was not rebuilt");
}

/* ---- ordering and pages, over articles made by hand ---- */

static int64_t add(const char *title, const char *body, const char *date)
{
	struct article a = fixture_article(title, body, date);
	return fixture_insert_article(store, &a);
}

Test(store_search_by_hand, by_date_puts_the_newest_first)
{
	int64_t a = add("招商推介会举行", "招商引资。", "2025-02-01");
	int64_t b = add("年度招商工作总结", "招商成果。", "2025-05-01");
	int64_t c = add("招商政策解读", "招商政策。", "2025-03-01");
	struct search_filter newest = { .by_date = true };
	struct search_page p = run("招商", &newest);
	cr_assert_eq(p.count, 3);
	cr_assert_eq(p.hits[0].id, b);
	cr_assert_eq(p.hits[1].id, c);
	cr_assert_eq(p.hits[2].id, a);
}

Test(store_search_by_hand, a_title_hit_outranks_body_hits)
{
	int64_t in_title = add("临港新片区招商推介", "活动在临港举行。", "2025-01-01");
	add("临港新片区活动举行", "招商引资工作持续推进，招商成果显著。", "2025-06-01");
	struct search_page p = run("招商", NULL);
	cr_assert_eq(p.count, 2);
	cr_assert_eq(p.hits[0].id, in_title, "the newer article with body hits ranked first");
}

Test(store_search_by_hand, results_come_in_pages_with_the_total)
{
	int64_t ids[5];
	for (int i = 0; i < 5; i++)
		ids[i] = add(arena_printf(arena, "招商动态第%d期", i), arena_printf(arena, "第%d期正文。", i),
			     arena_printf(arena, "2025-01-0%d", i + 1));
	struct search_query q;
	cr_assert_eq(search_query_parse(str_from("招商"), arena, &q), QUERY_OK);
	struct search_filter newest = { .by_date = true };
	struct search_page p;
	cr_assert_eq(store_search(store, q.match, &newest, 2, 2, arena, &p), STORE_OK);
	cr_assert_eq(p.total, 5);
	cr_assert_eq(p.count, 2);
	cr_assert_eq(p.hits[0].id, ids[2]);
	cr_assert_eq(p.hits[1].id, ids[1]);
	cr_assert_eq(store_search(store, q.match, &newest, 4, 2, arena, &p), STORE_OK);
	cr_assert_eq(p.count, 1);
	cr_assert_eq(p.hits[0].id, ids[0]);
}
