/* Unit tests for store/related: related reading ranks what shares the most
 * with an article — industries over districts — then the newest. */
#include <criterion/criterion.h>
#include <string.h>

#include "store/related.h"
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

TestSuite(store_related, .init = setup, .fini = teardown);

/* An article with the given tags (NULL-terminated lists). */
static int64_t tagged(const char *title, const char *date, const char *const *districts, const char *const *industries,
		      struct article *out)
{
	struct article a = fixture_article(title, arena_printf(fx.arena, "%s的正文。", title), date);
	for (size_t i = 0; districts && districts[i]; i++)
		a.districts[a.ndistricts++] = districts[i];
	for (size_t i = 0; industries && industries[i]; i++)
		a.industries[a.nindustries++] = industries[i];
	a.id = fixture_insert_article(fx.store, &a);
	if (out)
		*out = a;
	return a.id;
}

static struct article_summary *related(const struct article *a, size_t limit, size_t *n)
{
	struct article_summary *out;
	cr_assert_eq(store_related(fx.store, a, limit, fx.arena, &out, n), STORE_OK);
	return out;
}

Test(store_related, articles_sharing_both_an_industry_and_a_district_come_first)
{
	struct article me;
	tagged("浦东集成电路项目", "2026-03-01", (const char *[]){ "pudong", NULL }, (const char *[]){ "ic", NULL }, &me);
	int64_t both = tagged("浦东芯片封测", "2026-01-01", (const char *[]){ "pudong", NULL }, (const char *[]){ "ic", NULL }, NULL);
	int64_t industry = tagged("嘉定芯片设计", "2026-02-01", (const char *[]){ "jiading", NULL }, (const char *[]){ "ic", NULL }, NULL);
	int64_t district = tagged("浦东金融论坛", "2026-02-20", (const char *[]){ "pudong", NULL }, (const char *[]){ "finance", NULL }, NULL);
	tagged("崇明农业", "2026-02-25", (const char *[]){ "chongming", NULL }, (const char *[]){ "agriculture", NULL }, NULL);
	size_t n;
	struct article_summary *r = related(&me, 10, &n);
	cr_assert_eq(n, 3, "the article that shares nothing is not related");
	cr_assert_eq(r[0].id, both, "an industry and a district");
	cr_assert_eq(r[1].id, industry, "then an industry, though older, and a district by turns");
	cr_assert_eq(r[2].id, district);
	cr_assert_str_eq(r[0].title, "浦东芯片封测");
	cr_assert_str_eq(r[0].date, "2026-01-01");
}

Test(store_related, same_industry_and_same_district_take_turns_so_neither_crowds_out_the_other)
{
	struct article me;
	tagged("浦东外资研发中心", "2026-03-01", (const char *[]){ "pudong", NULL }, (const char *[]){ "biomed", NULL }, &me);
	int64_t industry[4], district[2];
	for (int i = 0; i < 4; i++)
		industry[i] = tagged(arena_printf(fx.arena, "闵行生物医药第%d篇", i), arena_printf(fx.arena, "2026-02-1%d", i),
				     (const char *[]){ "minhang", NULL }, (const char *[]){ "biomed", NULL }, NULL);
	for (int i = 0; i < 2; i++)
		district[i] = tagged(arena_printf(fx.arena, "浦东金融第%d篇", i), arena_printf(fx.arena, "2025-0%d-01", i + 1),
				     (const char *[]){ "pudong", NULL }, (const char *[]){ "finance", NULL }, NULL);
	size_t n;
	struct article_summary *r = related(&me, 4, &n);
	cr_assert_eq(n, 4);
	cr_assert_eq(r[0].id, industry[3], "the newest of the same industry");
	cr_assert_eq(r[1].id, district[1], "the newest of the same district, though older than every industry match");
	cr_assert_eq(r[2].id, industry[2]);
	cr_assert_eq(r[3].id, district[0]);
	r = related(&me, 10, &n);
	cr_assert_eq(n, 6, "when one kind runs out, the other fills the list");
	cr_assert_eq(r[4].id, industry[1]);
	cr_assert_eq(r[5].id, industry[0]);
}

Test(store_related, the_article_itself_is_never_its_own_related_reading)
{
	struct article me;
	tagged("静安商业项目", "2026-03-01", (const char *[]){ "jingan", NULL }, NULL, &me);
	size_t n;
	related(&me, 10, &n);
	cr_assert_eq(n, 0);
}

Test(store_related, equals_go_newest_first_and_the_limit_holds)
{
	struct article me;
	tagged("徐汇人工智能", "2026-03-01", NULL, (const char *[]){ "ai", NULL }, &me);
	int64_t ids[5];
	for (int i = 0; i < 5; i++)
		ids[i] = tagged(arena_printf(fx.arena, "人工智能第%d篇", i), arena_printf(fx.arena, "2026-02-0%d", i + 1),
				NULL, (const char *[]){ "ai", NULL }, NULL);
	size_t n;
	struct article_summary *r = related(&me, 3, &n);
	cr_assert_eq(n, 3);
	cr_assert_eq(r[0].id, ids[4]);
	cr_assert_eq(r[1].id, ids[3]);
	cr_assert_eq(r[2].id, ids[2]);
}

Test(store_related, an_untagged_article_has_none)
{
	struct article me;
	tagged("一篇没有标签的文章", "2026-03-01", NULL, NULL, &me);
	tagged("另一篇", "2026-03-02", (const char *[]){ "pudong", NULL }, NULL, NULL);
	size_t n;
	related(&me, 5, &n);
	cr_assert_eq(n, 0);
}
