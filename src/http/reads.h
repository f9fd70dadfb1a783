/* reads: who read which article, counted in memory without cookies — an
 * address once a day per article, robots not at all — and written to the
 * store in batches (domain/readership.h), so a read costs no write. Safe
 * from any thread. */
#ifndef ZS_HTTP_READS_H
#define ZS_HTTP_READS_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

/* Writes at most every flush_seconds (0: at once, for tests). */
void reads_init(long flush_seconds);

/* The article a path reads ("/articles/42" → 42), or 0. */
int64_t reads_article_of(const char *path);

/* Notes that client (as rate limits count it) read article_id at now,
 * with user_agent (NULL when none); writes through s what was counted
 * when it is time, or when the day changed. */
void reads_note(struct store *s, int64_t article_id, const char *client, const char *user_agent, int64_t now);

/* Writes whatever is counted (at shutdown). */
void reads_flush(struct store *s, int64_t now);

#endif
