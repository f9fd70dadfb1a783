/* Unit tests for domain/retag: every stored article through the import's
 * tagging again, in one transaction, keeping what a source or an editor
 * gave. */
#include <criterion/criterion.h>
#include <string.h>

#include "content/article.h"
#include "domain/retag.h"
#include "store/articles.h"
#include "store_fixture.h"

static struct store_fixture fx;
static struct buf err;

static void setup(void)
{
	store_fixture_open(&fx);
	err = (struct buf){ 0 };
}

static void teardown(void)
{
	store_fixture_close(&fx);
	buf_free(&err);
}

TestSuite(domain_retag, .init = setup, .fini = teardown);

/* An article stored untagged, as an import by older rules might have. */
static int64_t untagged(const char *title, const char *body)
{
	struct article a = fixture_article(title, body, "2026-03-01");
	return fixture_insert_article(fx.store, &a);
}

Test(domain_retag, every_article_gets_its_districts_industries_and_facts)
{
	int64_t a = untagged("浦东新区集成电路项目签约", "浦东新区签约集成电路项目，总投资50亿元。");
	int64_t b = untagged("全市推进人工智能产业发展", "上海市出台政策，推动人工智能大模型产业集聚。");
	struct retag_result r;
	cr_assert_eq(retag_all(fx.store, false, &r, &err), 0, "%s", buf_cstr(&err));
	cr_assert_eq(r.articles, 2);
	struct article got;
	cr_assert_eq(store_article_get(fx.store, a, fx.arena, &got), STORE_OK);
	cr_assert_eq(got.ndistricts, 1);
	cr_assert_str_eq(got.districts[0], "pudong");
	cr_assert_geq(got.nindustries, 1);
	cr_assert_str_eq(got.industries[0], "ic");
	cr_assert_geq(got.nfacts, 1, "the amount is found");
	cr_assert_eq(r.facts >= got.nfacts, true);
	cr_assert_eq(store_article_get(fx.store, b, fx.arena, &got), STORE_OK);
	cr_assert(got.citywide, "an article about the whole city");
	cr_assert_eq(r.citywide, 1);
}

Test(domain_retag, districts_a_source_gave_are_kept)
{
	struct article a = fixture_article("项目签约", "浦东新区签约集成电路项目。", "2026-03-01");
	a.districts[0] = "jiading";
	a.ndistricts = 1;
	a.districts_given = true;
	int64_t id = fixture_insert_article(fx.store, &a);
	struct retag_result r;
	cr_assert_eq(retag_all(fx.store, false, &r, &err), 0, "%s", buf_cstr(&err));
	struct article got;
	cr_assert_eq(store_article_get(fx.store, id, fx.arena, &got), STORE_OK);
	cr_assert_eq(got.ndistricts, 1);
	cr_assert_str_eq(got.districts[0], "jiading", "the text names 浦东, but the source said 嘉定");
}

Test(domain_retag, an_empty_database_is_retagged_in_no_time)
{
	struct retag_result r;
	cr_assert_eq(retag_all(fx.store, false, &r, &err), 0, "%s", buf_cstr(&err));
	cr_assert_eq(r.articles, 0);
}
