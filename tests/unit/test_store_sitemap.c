/* Unit tests for store/sitemap: every public page's id and the day it last
 * changed — articles, and enterprises while they are approved. */
#include <criterion/criterion.h>

#include "store/enterprises.h"
#include "store/sitemap.h"
#include "store_fixture.h"

static struct store_fixture fx;
static struct store *store;
static struct arena *arena;
static const int64_t T0 = 1795795199; /* 2026-11-27T15:59:59Z, the last second of the 27th in Shanghai */

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

TestSuite(store_sitemap, .init = setup, .fini = teardown);

static int64_t add_article(const char *title, const char *date)
{
	struct article a = fixture_article(title, "正文。", date);
	return fixture_insert_article(store, &a);
}

static int64_t count(enum sitemap_kind kind)
{
	int64_t n = -1;
	cr_assert_eq(store_sitemap_count(store, kind, &n), STORE_OK);
	return n;
}

static struct sitemap_row *rows(enum sitemap_kind kind, int64_t offset, int limit, size_t *n)
{
	struct sitemap_row *out;
	cr_assert_eq(store_sitemap_rows(store, kind, offset, limit, arena, &out, n), STORE_OK);
	return out;
}

Test(store_sitemap, an_empty_site_has_no_pages)
{
	size_t n = 99;
	cr_assert_eq(count(SITEMAP_ARTICLES), 0);
	cr_assert_eq(count(SITEMAP_ENTERPRISES), 0);
	rows(SITEMAP_ARTICLES, 0, 10, &n);
	cr_assert_eq(n, 0);
}

Test(store_sitemap, articles_come_in_id_order_with_their_dates)
{
	int64_t a = add_article("甲", "2025-03-02"), b = add_article("乙", "2024-12-31"), c = add_article("丙", "2025-01-15");
	cr_assert_eq(count(SITEMAP_ARTICLES), 3);
	size_t n;
	struct sitemap_row *r = rows(SITEMAP_ARTICLES, 0, 10, &n);
	cr_assert_eq(n, 3);
	cr_assert_eq(r[0].id, a);
	cr_assert_str_eq(r[0].lastmod, "2025-03-02");
	cr_assert_eq(r[1].id, b);
	cr_assert_str_eq(r[1].lastmod, "2024-12-31");
	cr_assert_eq(r[2].id, c);
	cr_assert_str_eq(r[2].lastmod, "2025-01-15");
}

Test(store_sitemap, article_rows_come_in_pages)
{
	int64_t ids[5];
	for (int i = 0; i < 5; i++)
		ids[i] = add_article(arena_printf(arena, "文章%d", i), "2025-01-01");
	size_t n;
	struct sitemap_row *r = rows(SITEMAP_ARTICLES, 2, 2, &n);
	cr_assert_eq(n, 2);
	cr_assert_eq(r[0].id, ids[2]);
	cr_assert_eq(r[1].id, ids[3]);
	r = rows(SITEMAP_ARTICLES, 4, 2, &n);
	cr_assert_eq(n, 1);
	cr_assert_eq(r[0].id, ids[4]);
}

Test(store_sitemap, only_approved_enterprises_are_listed_dated_in_shanghai)
{
	struct enterprise pending = fixture_enterprise("待审企业", "91310115MA1K3GA78N");
	struct enterprise approved = fixture_enterprise("已通过企业", "91310108775213458Q");
	struct enterprise rejected = fixture_enterprise("未通过企业", "91310230MA1JTWAK98");
	fixture_insert_enterprise(store, &pending, 1, T0 - 86400);
	int64_t yes = fixture_insert_enterprise(store, &approved, 2, T0 - 86400);
	int64_t no = fixture_insert_enterprise(store, &rejected, 3, T0 - 86400);
	/* One second after T0: still the 27th in UTC, the 28th in Shanghai. */
	cr_assert_eq(store_enterprise_decide(store, yes, 1, REVIEW_APPROVED, NULL, T0 + 1), STORE_OK);
	cr_assert_eq(store_enterprise_decide(store, no, 1, REVIEW_REJECTED, "资料不全", T0 + 1), STORE_OK);
	cr_assert_eq(count(SITEMAP_ENTERPRISES), 1);
	size_t n;
	struct sitemap_row *r = rows(SITEMAP_ENTERPRISES, 0, 10, &n);
	cr_assert_eq(n, 1);
	cr_assert_eq(r[0].id, yes);
	cr_assert_str_eq(r[0].lastmod, "2026-11-28");
}

Test(store_sitemap, an_enterprise_back_under_review_leaves_the_sitemap)
{
	struct enterprise e = fixture_enterprise("某科技有限公司", "91310115MA1K3GA78N");
	int64_t id = fixture_insert_enterprise(store, &e, 1, T0);
	cr_assert_eq(store_enterprise_decide(store, id, 1, REVIEW_APPROVED, NULL, T0), STORE_OK);
	cr_assert_eq(count(SITEMAP_ENTERPRISES), 1);
	e.id = id;
	e.description = "新的简介";
	cr_assert_eq(store_enterprise_update(store, &e, T0 + 60), STORE_OK);
	cr_assert_eq(count(SITEMAP_ENTERPRISES), 0);
	size_t n;
	rows(SITEMAP_ENTERPRISES, 0, 10, &n);
	cr_assert_eq(n, 0);
}
