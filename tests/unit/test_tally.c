/* Unit tests for http/tally, the counter behind reads and searches: a
 * client once a day per key and count, robots not at all, and counts
 * written in batches — at the interval, when the table is full, at
 * midnight in Shanghai under the day counted, and on a flush. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/tally.h"

static const int64_t NOW = 1795795199; /* 2026-11-27 23:59:59 in Shanghai */
static const char BROWSER[] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36";

/* The writer's calls, as written: a store is never opened, only passed on. */
static int not_a_store;
#define STORE ((struct store *)&not_a_store)
enum { WRITES_MAX = 16, ROWS_MAX = 16 };
static struct write {
	char day[16];
	size_t n;
	char keys[ROWS_MAX][32];
	int64_t counts[ROWS_MAX][TALLY_COUNTS];
} writes[WRITES_MAX];
static size_t nwrites;

static void record(struct store *s, const char *day, const struct tally_row *rows, size_t n, int64_t now)
{
	(void)now;
	cr_assert_eq(s, STORE);
	cr_assert_lt(nwrites, WRITES_MAX);
	struct write *w = &writes[nwrites++];
	snprintf(w->day, sizeof(w->day), "%s", day);
	w->n = n;
	for (size_t i = 0; i < n && i < ROWS_MAX; i++) {
		snprintf(w->keys[i], sizeof(w->keys[i]), "%s", rows[i].key);
		memcpy(w->counts[i], rows[i].n, sizeof(w->counts[i]));
	}
}

/* key's count i over every write of day (any day for NULL). */
static int64_t written(const char *day, const char *key, int i)
{
	int64_t sum = 0;
	for (size_t w = 0; w < nwrites; w++)
		for (size_t r = 0; r < writes[w].n; r++)
			if ((!day || !strcmp(writes[w].day, day)) && !strcmp(writes[w].keys[r], key))
				sum += writes[w].counts[r][i];
	return sum;
}

static struct tally *tally(long flush_seconds, size_t held)
{
	struct tally *t = tally_new(1 << 10, held, record);
	tally_set_interval(t, flush_seconds);
	return t;
}

Test(tally, robots_and_programs_without_a_user_agent_are_told_apart)
{
	cr_assert(tally_is_robot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));
	cr_assert(tally_is_robot("Baiduspider-render/2.0"));
	cr_assert(tally_is_robot("Mozilla/5.0 (compatible; bingbot/2.0)"));
	cr_assert(tally_is_robot("facebookexternalhit/1.1"));
	cr_assert(tally_is_robot(NULL));
	cr_assert(tally_is_robot(""));
	cr_assert_not(tally_is_robot("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1"));
	struct tally *t = tally(0, 8);
	tally_note(t, STORE, "a", 1, "192.0.2.1", "Googlebot/2.1", NOW);
	tally_note(t, STORE, "a", 1, "192.0.2.1", NULL, NOW);
	cr_assert_eq(written(NULL, "a", 0), 0);
}

Test(tally, a_client_counts_once_a_day_for_each_key_and_count)
{
	struct tally *t = tally(0, 8);
	for (int i = 0; i < 3; i++)
		tally_note(t, STORE, "a", 1, "192.0.2.1", BROWSER, NOW);
	tally_note(t, STORE, "a", 1, "192.0.2.2", BROWSER, NOW);
	tally_note(t, STORE, "b", 1, "192.0.2.1", BROWSER, NOW);
	tally_note(t, STORE, "a", 1 | 2, "192.0.2.1", BROWSER, NOW);
	tally_note(t, STORE, "a", 2, "192.0.2.1", BROWSER, NOW);
	cr_assert_eq(written(NULL, "a", 0), 2, "two clients");
	cr_assert_eq(written(NULL, "a", 1), 1, "the second count apart from the first, once too");
	cr_assert_eq(written(NULL, "b", 0), 1, "the same client counts for another key");
}

Test(tally, the_client_and_the_key_do_not_run_together)
{
	struct tally *t = tally(0, 8);
	tally_note(t, STORE, "b", 1, "192.0.2.1a", BROWSER, NOW);
	tally_note(t, STORE, "ab", 1, "192.0.2.1", BROWSER, NOW);
	tally_note(t, STORE, "b", 1, "192.0.2.1a", BROWSER, NOW);
	cr_assert_eq(written(NULL, "b", 0), 1);
	cr_assert_eq(written(NULL, "ab", 0), 1);
}

Test(tally, at_midnight_the_day_s_counts_go_out_under_it_and_clients_count_again)
{
	struct tally *t = tally(3600, 8);
	tally_note(t, STORE, "a", 1, "192.0.2.1", BROWSER, NOW);
	cr_assert_eq(nwrites, 0, "an hour between writes");
	tally_note(t, STORE, "a", 1, "192.0.2.1", BROWSER, NOW + 2);
	cr_assert_eq(written("2026-11-27", "a", 0), 1, "23:59:59 is the 27th's");
	tally_flush(t, STORE, NOW + 3);
	cr_assert_eq(written("2026-11-28", "a", 0), 1, "00:00:01 is the 28th's: the same client again");
}

Test(tally, counts_wait_for_the_interval_or_a_full_table)
{
	struct tally *t = tally(60, 3);
	tally_note(t, STORE, "a", 1, "192.0.2.1", BROWSER, NOW - 100);
	tally_note(t, STORE, "b", 1, "192.0.2.1", BROWSER, NOW - 90);
	cr_assert_eq(nwrites, 0);
	tally_note(t, STORE, "c", 1, "192.0.2.1", BROWSER, NOW - 39);
	cr_assert_eq(nwrites, 1, "sixty seconds after the first");
	cr_assert_eq(written(NULL, "a", 0) + written(NULL, "b", 0), 2);
	for (int i = 0; i < 3; i++) {
		char key[8];
		snprintf(key, sizeof(key), "k%d", i);
		tally_note(t, STORE, key, 1, "192.0.2.1", BROWSER, NOW - 38);
	}
	cr_assert_eq(nwrites, 2, "three keys held: the fourth sends them before it is counted");
	cr_assert_eq(writes[1].n, 3);
	tally_flush(t, STORE, NOW - 38);
	cr_assert_eq(written(NULL, "k2", 0), 1, "and nothing is lost");
	tally_flush(t, STORE, NOW - 38);
	cr_assert_eq(nwrites, 3, "nothing held, nothing written");
}

Test(tally, a_half_full_set_of_pairs_lets_everything_count)
{
	struct tally *t = tally_new(8, 8, record);
	tally_set_interval(t, 0);
	for (int i = 0; i < 4; i++)
		tally_note(t, STORE, "a", 1, (const char *[]){ "c0", "c1", "c2", "c3" }[i], BROWSER, NOW);
	tally_note(t, STORE, "a", 1, "c0", BROWSER, NOW);
	cr_assert_eq(written(NULL, "a", 0), 5, "past half full, clients are not told apart");
}
