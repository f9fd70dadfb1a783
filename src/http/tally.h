/* tally: counting what visitors do without a trace of who, for reads
 * (http/reads.h) and searches (http/searches.h) alike — a client counts
 * once a day (Shanghai's) for each thing, told apart by keyed hashes so
 * that memory holds no address; robots not at all; the counts held in
 * memory and handed in batches to a writer: every flush_seconds, when the
 * table is full, at the end of each day (under that day) and on a flush.
 * Safe from any thread; the writer runs outside the lock. */
#ifndef ZS_HTTP_TALLY_H
#define ZS_HTTP_TALLY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* Search engines, link previews and programs that name no User-Agent
 * (NULL or ""): they fetch pages, but they are not readers or searchers. */
bool tally_is_robot(const char *user_agent);

enum { TALLY_COUNTS = 2 }; /* counts per key: a read's views; a search's searches and fruitless ones */

/* A key's counts as handed to the writer. */
struct tally_row {
	const char *key;
	int64_t n[TALLY_COUNTS];
};

/* Writes n rows counted on day ("YYYY-MM-DD") through s; logs its own
 * failure (the counts are then lost: a few reads or searches, never a page). */
typedef void tally_write_fn(struct store *s, const char *day, const struct tally_row *rows, size_t n, int64_t now);

struct tally;

/* A tally telling seen_slots (a power of two) (client, thing) pairs a day
 * apart — past half of them every one counts — and holding at most held
 * keys between writes, which go to write. Lives as long as the process. */
struct tally *tally_new(size_t seen_slots, size_t held, tally_write_fn *write);

/* Writes at most every flush_seconds (0: at once, for tests). */
void tally_set_interval(struct tally *t, long flush_seconds);

/* *t made by tally_new on the first call (from any thread: one is made),
 * and its interval set: what a counter's init does. */
void tally_start(struct tally **t, size_t seen_slots, size_t held, tally_write_fn *write, long flush_seconds);

/* Notes at now that client (as rate limits count it) did key — for each
 * count i in the bitmask counts, adding 1 to key's n[i] the first time
 * today — unless user_agent is a robot's; writes through s what is due. */
void tally_note(struct tally *t, struct store *s, const char *key, unsigned counts, const char *client,
		const char *user_agent, int64_t now);

/* Writes whatever is held through s (at shutdown, or before a report). */
void tally_flush(struct tally *t, struct store *s, int64_t now);

#endif
