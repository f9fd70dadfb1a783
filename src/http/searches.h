/* searches: what visitors search for, counted in memory for the search
 * report — a searcher once a day per query, robots not at all (as
 * http/reads.h counts reads, with http/tally.h) — and written to the store
 * in batches (domain/search_report.h), so that a search costs no write.
 * Between writes at most SEARCHES_HELD distinct queries are held; more
 * make the batch go out early. Safe from any thread. */
#ifndef ZS_HTTP_SEARCHES_H
#define ZS_HTTP_SEARCHES_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

enum { SEARCHES_HELD = 1024 };

/* Writes at most every flush_seconds (0: at once, for tests). */
void searches_init(long flush_seconds);

/* Notes that client (as rate limits count it) searched for q (as typed)
 * at now with user_agent (NULL when none), and whether it found nothing;
 * writes through s what was counted when it is time, or when the day
 * changed. A q with nothing in it once normalised is not counted. */
void searches_note(struct store *s, const char *q, bool found_nothing, const char *client, const char *user_agent,
		   int64_t now);

/* Writes whatever is counted (at shutdown, and before the report is read). */
void searches_flush(struct store *s, int64_t now);

#endif
