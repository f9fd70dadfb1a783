/* searches: a keyed set of (client, query) pairs seen today
 * (http/tally.h), and the counts per normalised query not yet written. */
#include "http/searches.h"

#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "domain/search_report.h"
#include "http/tally.h"
#include "util/log.h"
#include "util/mem.h"

enum {
	SEEN_SLOTS = 1 << 16,              /* pairs a day before searchers stop being told apart (512 KiB) */
	PENDING_SLOTS = 2 * SEARCHES_HELD, /* open addressing, never more than half full */
};

static struct {
	pthread_mutex_t lock;
	struct tally_clock clock;
	struct tally_seen *seen;
	unsigned char key[crypto_shorthash_KEYBYTES]; /* places queries in pending */
	struct query_count pending[PENDING_SLOTS];    /* query (owned) NULL for an empty slot */
	size_t npending;
} q = { .lock = PTHREAD_MUTEX_INITIALIZER };

void searches_init(long flush_seconds)
{
	pthread_mutex_lock(&q.lock);
	q.clock.flush_seconds = flush_seconds;
	if (!q.seen) {
		q.seen = tally_seen_new(SEEN_SLOTS);
		crypto_shorthash_keygen(q.key);
	}
	pthread_mutex_unlock(&q.lock);
}

/* Adds to query's counts (the lock held). */
static void count(const char *query, int64_t searches, int64_t zero_results)
{
	unsigned char h[crypto_shorthash_BYTES];
	crypto_shorthash(h, (const unsigned char *)query, strlen(query), q.key);
	uint64_t v;
	memcpy(&v, h, sizeof(v));
	for (size_t i = v & (PENDING_SLOTS - 1);; i = (i + 1) & (PENDING_SLOTS - 1)) {
		struct query_count *c = &q.pending[i];
		if (!c->query) {
			*c = (struct query_count){ xstrdup(query), 0, 0 };
			q.npending++;
		} else if (strcmp(c->query, query)) {
			continue;
		}
		c->searches += searches;
		c->zero_results += zero_results;
		return;
	}
}

/* Takes the counts out (the lock held) into a new array; how many. */
static size_t take(struct query_count **out)
{
	*out = q.npending ? xmalloc(q.npending * sizeof(**out)) : NULL;
	size_t n = 0;
	for (size_t i = 0; i < PENDING_SLOTS && q.npending; i++)
		if (q.pending[i].query) {
			(*out)[n++] = q.pending[i];
			q.pending[i] = (struct query_count){ 0 };
		}
	q.npending = 0;
	return n;
}

/* Writes counts of day outside the lock and frees them; a failure is
 * logged and the counts are lost, which costs the report a few searches,
 * never a page. */
static void write_out(struct store *s, const char *day, struct query_count *counts, size_t n, int64_t now)
{
	if (s && n && search_report_record(s, day, counts, n, now) != STORE_OK)
		log_error("searches: %zu queries searched on %s not written", n, day);
	for (size_t i = 0; i < n; i++)
		free((char *)counts[i].query);
	free(counts);
}

void searches_note(struct store *s, const char *text, bool found_nothing, const char *client, const char *user_agent,
		   int64_t now)
{
	if (!s || !text || tally_is_robot(user_agent))
		return;
	struct arena *arena = arena_new();
	const char *query = search_report_normalise(text, arena);
	if (!query) {
		arena_free(arena);
		return;
	}
	/* The set tells a searcher's query apart from their query that found nothing. */
	const char *searched = arena_printf(arena, "s%s", query), *fruitless = arena_printf(arena, "z%s", query);
	char day[DATE_DAY_SIZE], today[DATE_DAY_SIZE];
	struct query_count *out = NULL, *now_out = NULL;
	size_t n = 0, now_n = 0;
	bool new_day;
	pthread_mutex_lock(&q.lock);
	if (!q.seen) {
		pthread_mutex_unlock(&q.lock);
		arena_free(arena);
		return;
	}
	/* Yesterday's counts go out under yesterday's date. */
	if (tally_clock_due(&q.clock, now, q.npending >= SEARCHES_HELD, day, &new_day))
		n = take(&out);
	if (new_day)
		tally_seen_clear(q.seen);
	int64_t first = tally_seen_first(q.seen, client, searched);
	int64_t first_fruitless = found_nothing && tally_seen_first(q.seen, client, fruitless);
	if (first || first_fruitless)
		count(query, first, first_fruitless);
	memcpy(today, q.clock.day, sizeof(today));
	if (q.clock.flush_seconds == 0)
		now_n = take(&now_out);
	pthread_mutex_unlock(&q.lock);
	write_out(s, day, out, n, now);
	write_out(s, today, now_out, now_n, now);
	arena_free(arena);
}

void searches_flush(struct store *s, int64_t now)
{
	pthread_mutex_lock(&q.lock);
	struct query_count *out;
	size_t n = take(&out);
	char day[DATE_DAY_SIZE];
	memcpy(day, q.clock.day, sizeof(day));
	pthread_mutex_unlock(&q.lock);
	write_out(s, day, out, n, now);
}
