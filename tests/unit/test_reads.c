/* Unit tests for http/reads: reads counted without cookies — an address
 * once a day per article, robots not at all — written in batches. */
#include <criterion/criterion.h>
#include <string.h>

#include "domain/readership.h"
#include "http/reads.h"
#include "store_fixture.h"

static struct store_fixture fx;
static const int64_t NOW = 1795795199; /* 2026-11-27 23:59:59 in Shanghai */
static const char BROWSER[] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36";

static void setup(void)
{
	store_fixture_open(&fx);
	reads_init(0); /* every read written at once */
}

static void teardown(void)
{
	reads_flush(fx.store, NOW);
	store_fixture_close(&fx);
}

TestSuite(reads, .init = setup, .fini = teardown);

static int64_t article(const char *title)
{
	struct article a = fixture_article(title, "正文。", "2026-11-01");
	return fixture_insert_article(fx.store, &a);
}

static int64_t views_of(int64_t id)
{
	struct most_read *t;
	size_t n;
	cr_assert_eq(store_readership_top(fx.store, "2026-11-01", 10, fx.arena, &t, &n), STORE_OK);
	for (size_t i = 0; i < n; i++)
		if (t[i].article.id == id)
			return t[i].views;
	return 0;
}

Test(reads, the_path_of_an_article_names_it_and_no_other_path_does)
{
	cr_assert_eq(reads_article_of("/articles/42"), 42);
	cr_assert_eq(reads_article_of("/articles/042"), 0, "one URL per article");
	cr_assert_eq(reads_article_of("/articles/42/x"), 0);
	cr_assert_eq(reads_article_of("/articles/"), 0);
	cr_assert_eq(reads_article_of("/districts/pudong"), 0);
}

Test(reads, an_address_counts_once_a_day_for_an_article)
{
	int64_t a = article("甲"), b = article("乙");
	for (int i = 0; i < 3; i++)
		reads_note(fx.store, a, "192.0.2.1", BROWSER, NOW);
	reads_note(fx.store, a, "192.0.2.2", BROWSER, NOW);
	reads_note(fx.store, b, "192.0.2.1", BROWSER, NOW);
	cr_assert_eq(views_of(a), 2, "two readers");
	cr_assert_eq(views_of(b), 1, "the same reader counts for another article");
}

Test(reads, the_next_day_the_same_address_counts_again)
{
	int64_t a = article("甲");
	reads_note(fx.store, a, "192.0.2.1", BROWSER, NOW);
	reads_note(fx.store, a, "192.0.2.1", BROWSER, NOW + 2);
	cr_assert_eq(views_of(a), 2, "23:59:59 and 00:00:01 are two days in Shanghai");
}

Test(reads, robots_and_programs_without_a_user_agent_are_not_readers)
{
	int64_t a = article("甲");
	reads_note(fx.store, a, "192.0.2.1", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", NOW);
	reads_note(fx.store, a, "192.0.2.2", "Baiduspider-render/2.0", NOW);
	reads_note(fx.store, a, "192.0.2.3", NULL, NOW);
	cr_assert_eq(views_of(a), 0);
}

Test(reads, with_a_write_interval_reads_wait_in_memory_until_a_flush)
{
	reads_init(3600);
	int64_t a = article("甲");
	reads_note(fx.store, a, "192.0.2.1", BROWSER, NOW);
	reads_note(fx.store, a, "192.0.2.2", BROWSER, NOW + 1);
	cr_assert_leq(views_of(a), 1, "at most the first, which opened the interval, is written");
	reads_flush(fx.store, NOW + 1);
	cr_assert_eq(views_of(a), 2);
}
