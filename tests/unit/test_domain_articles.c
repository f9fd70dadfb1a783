/* Unit tests for domain/articles: an editor correcting the districts and
 * industries tagging gave an article — audited, and kept by retagging. */
#include <criterion/criterion.h>
#include <string.h>

#include "content/article.h"
#include "domain/articles.h"
#include "domain/retag.h"
#include "store/articles.h"
#include "store_fixture.h"

static struct store_fixture fx;
static struct store *store;
static struct arena *arena;
static struct buf err;
static struct actor editor;
static int64_t article_id;
static const int64_t T0 = 1795795199; /* a fixed "now" */

/* Tagging makes this a Pudong, integrated-circuit article. */
static const char TITLE[] = "浦东新区集成电路产业集中签约14个项目";
static const char BODY[] = "近日，浦东新区举行集成电路产业项目集中签约活动，共签约14个项目，总投资约86亿元，"
			   "涵盖芯片设计、先进封装、关键材料和装备零部件等环节。";

static void setup(void)
{
	store_fixture_open(&fx);
	store = fx.store;
	arena = fx.arena;
	err = (struct buf){ 0 };
	editor = fixture_staff(&fx, "editor");
	struct article_input in = { .title = str_from(TITLE), .body = str_from(BODY), .date = STR_LIT("2025-03-18") };
	struct article a;
	cr_assert_eq(article_prepare(&in, arena, &a, &err), 0, "%s", buf_cstr(&err));
	cr_assert_eq(a.ndistricts, 1);
	cr_assert_str_eq(a.districts[0], "pudong", "the fixture's premise");
	article_id = fixture_insert_article(store, &a);
}

static void teardown(void)
{
	store_fixture_close(&fx);
	buf_free(&err);
}

TestSuite(domain_articles, .init = setup, .fini = teardown);

static struct article get(void)
{
	struct article a;
	cr_assert_eq(store_article_get(store, article_id, arena, &a), STORE_OK);
	return a;
}

static size_t audit_count(void)
{
	size_t n;
	fixture_audit(&fx, &n);
	return n;
}

static const struct tag_choice XUHUI_JINGAN = {
	.districts = { "jingan", "xuhui" }, .ndistricts = 2, .industries = { "finance", "ic" }, .nindustries = 2
};

Test(domain_articles, a_correction_replaces_the_districts_and_industries)
{
	cr_assert_eq(articles_correct_tags(store, article_id, &XUHUI_JINGAN, &editor, T0), STORE_OK);
	struct article a = get();
	cr_assert_eq(a.ndistricts, 2);
	cr_assert_str_eq(a.districts[0], "jingan");
	cr_assert_str_eq(a.districts[1], "xuhui");
	cr_assert_eq(a.nindustries, 2);
	cr_assert_str_eq(a.industries[0], "finance");
	cr_assert_str_eq(a.industries[1], "ic");
	cr_assert_not(a.citywide);
	struct article_page p;
	cr_assert_eq(store_articles_list(store, "pudong", 0, 10, 10, arena, &p), STORE_OK);
	cr_assert_eq(p.total, 0, "still listed under its old district");
	cr_assert_eq(store_articles_list(store, "xuhui", 0, 10, 10, arena, &p), STORE_OK);
	cr_assert_eq(p.total, 1);
}

Test(domain_articles, a_correction_is_audited_with_what_was_chosen)
{
	cr_assert_eq(articles_correct_tags(store, article_id, &XUHUI_JINGAN, &editor, T0 + 7), STORE_OK);
	size_t n;
	struct audit_entry *e = fixture_audit(&fx, &n);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(e[0].action, "article.tags");
	cr_assert_str_eq(e[0].target, arena_printf(arena, "article:%lld", (long long)article_id));
	cr_assert_str_eq(e[0].user_name, "editor");
	cr_assert_str_eq(e[0].detail, "jingan,xuhui / finance,ic");
	cr_assert_eq(e[0].at, T0 + 7);
}

Test(domain_articles, a_city_wide_correction_leaves_no_district)
{
	const struct tag_choice c = { .citywide = true, .industries = { "finance" }, .nindustries = 1 };
	cr_assert_eq(articles_correct_tags(store, article_id, &c, &editor, T0), STORE_OK);
	struct article a = get();
	cr_assert(a.citywide);
	cr_assert_eq(a.ndistricts, 0);
	size_t n;
	struct audit_entry *e = fixture_audit(&fx, &n);
	cr_assert_str_eq(e[0].detail, "全市 / finance");
}

Test(domain_articles, city_wide_with_districts_is_not_city_wide)
{
	const struct tag_choice c = { .citywide = true, .districts = { "xuhui" }, .ndistricts = 1 };
	cr_assert_eq(articles_correct_tags(store, article_id, &c, &editor, T0), STORE_OK);
	struct article a = get();
	cr_assert_not(a.citywide);
	cr_assert_eq(a.ndistricts, 1);
	cr_assert_eq(a.nindustries, 0, "the editor chose none");
	size_t n;
	struct audit_entry *e = fixture_audit(&fx, &n);
	cr_assert_str_eq(e[0].detail, "xuhui / ");
}

Test(domain_articles, a_correction_sticks_when_every_article_is_tagged_again)
{
	cr_assert_eq(articles_correct_tags(store, article_id, &XUHUI_JINGAN, &editor, T0), STORE_OK);
	struct retag_result r;
	cr_assert_eq(retag_all(store, false, &r, &err), 0, "%s", buf_cstr(&err));
	cr_assert_eq(r.articles, 1);
	struct article a = get();
	cr_assert_eq(a.ndistricts, 2);
	cr_assert_str_eq(a.districts[0], "jingan", "retagging put back what tagging found");
	cr_assert_str_eq(a.districts[1], "xuhui");
	cr_assert_eq(a.nindustries, 2);
	cr_assert_str_eq(a.industries[0], "finance");
	cr_assert_str_eq(a.industries[1], "ic");
	cr_assert_gt(a.nfacts, 0, "facts are still found");
}

Test(domain_articles, correcting_an_unknown_article_writes_nothing)
{
	cr_assert_eq(articles_correct_tags(store, article_id + 1, &XUHUI_JINGAN, &editor, T0), STORE_NOT_FOUND);
	cr_assert_eq(audit_count(), 0);
	cr_assert_str_eq(get().districts[0], "pudong");
}
