/* tally: what the counters of visitors' doings (http/reads.h for reads,
 * http/searches.h for searches) share — telling robots apart, a day's set
 * of who did what, held as keyed hashes so that it keeps no address, and
 * when the counts held in memory are due to be written. Not thread-safe
 * itself: each counter holds its own lock around these. */
#ifndef ZS_HTTP_TALLY_H
#define ZS_HTTP_TALLY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/date.h"

/* Search engines, link previews and programs that name no User-Agent
 * (NULL or ""): they fetch pages, but they are not readers or searchers. */
bool tally_is_robot(const char *user_agent);

/* A day's set of (client, thing) pairs: slots (a power of two) hashes
 * under a secret key made at tally_seen_new. Owned by the caller. */
struct tally_seen;
struct tally_seen *tally_seen_new(size_t slots);
void tally_seen_free(struct tally_seen *seen);
/* Empties the set (a new day), keeping its key. */
void tally_seen_clear(struct tally_seen *seen);
/* True the first time client does thing (the set remembers it), false
 * after; true always once the set is half full, so that a flood makes
 * counts too high rather than the set slow. */
bool tally_seen_first(struct tally_seen *seen, const char *client, const char *thing);

/* When counts held in memory go to the store: every flush_seconds (0: at
 * once), when their table is full, and at the end of each day in Shanghai
 * (a day's counts are written under that day). */
struct tally_clock {
	long flush_seconds;
	int64_t last_flush;       /* when counts last went out */
	char day[DATE_DAY_SIZE];  /* the day being counted; "" before the first */
};

/* Called as something is counted at now, with full telling that the
 * counts' table has no more room: true when the counts held are due to be
 * written, under the day copied to day (the day they were counted, which
 * may be yesterday). *new_day is set when the day changed: the counter
 * then empties its tally_seen. */
bool tally_clock_due(struct tally_clock *c, int64_t now, bool full, char day[DATE_DAY_SIZE], bool *new_day);

#endif
