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

/* An article as tagged before money had a role: the amount is there,
 * of role other, and the database holds no record of the rules. */
static int64_t tagged_by_older_rules(void)
{
	struct article a = fixture_article("浦东新区生物医药项目签约", "浦东新区签约生物医药项目，总投资约56亿元，年产值超过80亿元。",
					   "2026-03-01");
	static const struct article_fact facts[] = {
		{ "money", 56e8, "CNY", "56亿元", "总投资约56亿元，", FACT_ROLE_OTHER },
		{ "money", 80e8, "CNY", "80亿元", "年产值超过80亿元。", FACT_ROLE_OTHER },
	};
	a.facts = facts;
	a.nfacts = 2;
	return fixture_insert_article(fx.store, &a);
}

static enum fact_role role_of(int64_t id, const char *match)
{
	struct article got;
	cr_assert_eq(store_article_get(fx.store, id, fx.arena, &got), STORE_OK);
	for (size_t i = 0; i < got.nfacts; i++)
		if (!strcmp(got.facts[i].match, match))
			return got.facts[i].role;
	cr_assert_fail("no fact %s", match);
	return FACT_ROLE__MAX;
}

Test(domain_retag, a_database_tagged_by_older_rules_is_tagged_again_once)
{
	int64_t id = tagged_by_older_rules();
	struct retag_result r;
	bool retagged;
	cr_assert_eq(retag_if_rules_changed(fx.store, false, &retagged, &r, &err), 0, "%s", buf_cstr(&err));
	cr_assert(retagged);
	cr_assert_eq(r.articles, 1);
	cr_assert_eq(role_of(id, "56亿元"), FACT_ROLE_INVESTMENT);
	cr_assert_eq(role_of(id, "80亿元"), FACT_ROLE_OUTPUT);
	cr_assert_eq(retag_if_rules_changed(fx.store, false, &retagged, &r, &err), 0, "%s", buf_cstr(&err));
	cr_assert_not(retagged, "the second start finds the rules current");
}

Test(domain_retag, a_retag_records_the_rules_it_used)
{
	tagged_by_older_rules();
	struct retag_result r;
	cr_assert_eq(retag_all(fx.store, false, &r, &err), 0, "%s", buf_cstr(&err));
	const char *rules;
	cr_assert_eq(store_meta_get(fx.store, "tag_rules", fx.arena, &rules), STORE_OK);
	cr_assert_str_eq(rules, ARTICLE_TAG_RULES);
	bool retagged;
	cr_assert_eq(retag_if_rules_changed(fx.store, false, &retagged, &r, &err), 0, "%s", buf_cstr(&err));
	cr_assert_not(retagged);
}

Test(domain_retag, rules_recorded_by_another_version_are_not_current)
{
	int64_t id = tagged_by_older_rules();
	cr_assert_eq(store_meta_set(fx.store, "tag_rules", "1"), STORE_OK);
	struct retag_result r;
	bool retagged;
	cr_assert_eq(retag_if_rules_changed(fx.store, false, &retagged, &r, &err), 0, "%s", buf_cstr(&err));
	cr_assert(retagged);
	cr_assert_eq(role_of(id, "56亿元"), FACT_ROLE_INVESTMENT);
}

Test(domain_retag, an_empty_database_is_retagged_in_no_time)
{
	struct retag_result r;
	cr_assert_eq(retag_all(fx.store, false, &r, &err), 0, "%s", buf_cstr(&err));
	cr_assert_eq(r.articles, 0);
}
