/* Unit tests for http/tally: what the counters of reads and searches
 * share — robots told apart, a day's set of who did what, and when counts
 * held in memory are due to be written. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "http/tally.h"

static const int64_t NOW = 1795795199; /* 2026-11-27 23:59:59 in Shanghai */

Test(tally, robots_and_programs_without_a_user_agent_are_told_apart)
{
	cr_assert(tally_is_robot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));
	cr_assert(tally_is_robot("Baiduspider-render/2.0"));
	cr_assert(tally_is_robot("Mozilla/5.0 (compatible; bingbot/2.0)"));
	cr_assert(tally_is_robot("facebookexternalhit/1.1"));
	cr_assert(tally_is_robot(NULL));
	cr_assert(tally_is_robot(""));
	cr_assert_not(tally_is_robot("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1"));
}

Test(tally, a_pair_is_seen_first_once_until_the_set_is_cleared)
{
	struct tally_seen *seen = tally_seen_new(64);
	cr_assert(tally_seen_first(seen, "192.0.2.1", "充电桩"));
	cr_assert_not(tally_seen_first(seen, "192.0.2.1", "充电桩"));
	cr_assert(tally_seen_first(seen, "192.0.2.2", "充电桩"), "another client");
	cr_assert(tally_seen_first(seen, "192.0.2.1", "集成电路"), "another thing");
	cr_assert(tally_seen_first(seen, "192.0.2.1a", "b"));
	cr_assert(tally_seen_first(seen, "192.0.2.1", "ab"), "the client and the thing do not run together");
	tally_seen_clear(seen);
	cr_assert(tally_seen_first(seen, "192.0.2.1", "充电桩"), "a new day");
	tally_seen_free(seen);
}

Test(tally, a_half_full_set_lets_everything_count)
{
	struct tally_seen *seen = tally_seen_new(8);
	char thing[8];
	for (int i = 0; i < 4; i++) {
		snprintf(thing, sizeof(thing), "%d", i);
		cr_assert(tally_seen_first(seen, "c", thing));
	}
	cr_assert(tally_seen_first(seen, "c", "0"), "past half full, nothing is told apart");
	tally_seen_free(seen);
}

Test(tally, counts_are_due_at_the_interval_when_full_and_at_a_new_day)
{
	struct tally_clock c = { .flush_seconds = 60 };
	char day[DATE_DAY_SIZE];
	bool new_day;
	cr_assert(tally_clock_due(&c, NOW - 100, false, day, &new_day), "the first count opens the day");
	cr_assert(new_day);
	cr_assert_str_eq(c.day, "2026-11-27");
	cr_assert_not(tally_clock_due(&c, NOW - 50, false, day, &new_day));
	cr_assert_not(new_day);
	cr_assert(tally_clock_due(&c, NOW - 49, true, day, &new_day), "a full table goes out at once");
	cr_assert(tally_clock_due(&c, NOW + 1, false, day, &new_day), "midnight in Shanghai");
	cr_assert(new_day);
	cr_assert_str_eq(day, "2026-11-27", "what was counted goes out under its own day");
	cr_assert_str_eq(c.day, "2026-11-28");
	cr_assert(tally_clock_due(&c, NOW + 61, false, day, &new_day), "sixty seconds on");
	cr_assert_not(new_day);
	struct tally_clock at_once = { .flush_seconds = 0 };
	cr_assert(tally_clock_due(&at_once, NOW, false, day, &new_day));
	cr_assert(tally_clock_due(&at_once, NOW, false, day, &new_day), "0: every time");
}
