/* Unit tests for store/readership and domain/readership: reads add up per
 * article and day, the week's most read come first, and only a change to
 * that list moves the content version (so cached pages show it). */
#include <criterion/criterion.h>
#include <string.h>

#include "domain/readership.h"
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

TestSuite(domain_readership, .init = setup, .fini = teardown);

static int64_t article(const char *title)
{
	struct article a = fixture_article(title, "正文。", "2026-11-01");
	return fixture_insert_article(fx.store, &a);
}

static int64_t version(void)
{
	int64_t v, at;
	cr_assert_eq(store_content_version(fx.store, &v, &at), STORE_OK);
	return v;
}

static struct most_read *top(const char *since, size_t *n)
{
	struct most_read *out;
	cr_assert_eq(store_readership_top(fx.store, since, 10, fx.arena, &out, n), STORE_OK);
	return out;
}

Test(domain_readership, reads_add_up_and_the_most_read_come_first)
{
	int64_t a = article("甲"), b = article("乙");
	struct read_count first[] = { { a, 2 }, { b, 5 } }, second[] = { { a, 4 } };
	cr_assert_eq(readership_record(fx.store, "2026-11-26", first, 2, NOW), STORE_OK);
	cr_assert_eq(readership_record(fx.store, "2026-11-27", second, 1, NOW), STORE_OK);
	size_t n;
	struct most_read *t = top("2026-11-21", &n);
	cr_assert_eq(n, 2);
	cr_assert_eq(t[0].article.id, a);
	cr_assert_eq(t[0].views, 6, "two days added up");
	cr_assert_str_eq(t[0].article.title, "甲");
	cr_assert_eq(t[1].views, 5);
	t = top("2026-11-27", &n);
	cr_assert_eq(n, 1, "only the days asked for");
	cr_assert_eq(t[0].views, 4);
}

Test(domain_readership, the_content_version_moves_only_when_the_list_changes)
{
	int64_t a = article("甲"), b = article("乙");
	int64_t v0 = version();
	struct read_count ra[] = { { a, 3 } };
	cr_assert_eq(readership_record(fx.store, "2026-11-27", ra, 1, NOW), STORE_OK);
	int64_t v1 = version();
	cr_assert_gt(v1, v0, "a first most-read list is a change pages show");
	cr_assert_eq(readership_record(fx.store, "2026-11-27", ra, 1, NOW), STORE_OK);
	cr_assert_eq(version(), v1, "more reads of the same list: the pages stay as they are");
	struct read_count rb[] = { { b, 10 } };
	cr_assert_eq(readership_record(fx.store, "2026-11-27", rb, 1, NOW), STORE_OK);
	cr_assert_gt(version(), v1, "乙 overtook 甲: the list changed");
}

Test(domain_readership, reads_of_an_article_gone_meanwhile_are_skipped)
{
	struct read_count r[] = { { 999, 3 } };
	cr_assert_eq(readership_record(fx.store, "2026-11-27", r, 1, NOW), STORE_OK);
	size_t n;
	top("2026-11-01", &n);
	cr_assert_eq(n, 0);
}

Test(domain_readership, counts_older_than_the_keeping_period_are_forgotten)
{
	int64_t a = article("甲");
	struct read_count r[] = { { a, 1 } };
	cr_assert_eq(readership_record(fx.store, "2026-01-01", r, 1, NOW - 400LL * 86400), STORE_OK);
	cr_assert_eq(readership_record(fx.store, "2026-11-27", r, 1, NOW), STORE_OK);
	size_t n;
	struct most_read *t = top("2000-01-01", &n);
	cr_assert_eq(n, 1);
	cr_assert_eq(t[0].views, 1, "January's read is past 90 days and gone");
}

Test(domain_readership, the_week_is_today_and_the_six_days_before)
{
	char since[DATE_DAY_SIZE];
	readership_week_start(NOW, since);
	cr_assert_str_eq(since, "2026-11-21");
}
