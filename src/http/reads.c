/* reads: a set of (client, article) pairs seen today, hashed with a secret
 * key so the set holds no address (http/tally.h), and the counts not yet
 * written. */
#include "http/reads.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/readership.h"
#include "http/tally.h"
#include "util/log.h"
#include "util/mem.h"
#include "util/str.h"

enum {
	SEEN_SLOTS = 1 << 18,   /* pairs a day before reads stop being told apart (2 MiB) */
	PENDING_SLOTS = 1 << 12, /* articles counted between writes */
};

static struct {
	pthread_mutex_t lock;
	struct tally_clock clock;
	struct tally_seen *seen;
	struct read_count pending[PENDING_SLOTS]; /* article_id 0 for an empty slot */
	size_t npending;
} r = { .lock = PTHREAD_MUTEX_INITIALIZER };

void reads_init(long flush_seconds)
{
	pthread_mutex_lock(&r.lock);
	r.clock.flush_seconds = flush_seconds;
	if (!r.seen)
		r.seen = tally_seen_new(SEEN_SLOTS);
	pthread_mutex_unlock(&r.lock);
}

int64_t reads_article_of(const char *path)
{
	static const char prefix[] = "/articles/";
	if (strncmp(path, prefix, sizeof(prefix) - 1))
		return 0;
	const char *digits = path + sizeof(prefix) - 1;
	long id;
	return digits[0] != '0' && str_to_long(str_from(digits), 1, INT64_MAX, &id) ? id : 0;
}

static void count(int64_t article_id)
{
	for (size_t i = (size_t)article_id & (PENDING_SLOTS - 1);; i = (i + 1) & (PENDING_SLOTS - 1)) {
		if (r.pending[i].article_id == article_id) {
			r.pending[i].views++;
			return;
		}
		if (!r.pending[i].article_id) {
			r.pending[i] = (struct read_count){ article_id, 1 };
			r.npending++;
			return;
		}
	}
}

/* Takes the counts out (the lock held) into a new array; how many. */
static size_t take(struct read_count **out)
{
	*out = r.npending ? xmalloc(r.npending * sizeof(**out)) : NULL;
	size_t n = 0;
	for (size_t i = 0; i < PENDING_SLOTS && r.npending; i++)
		if (r.pending[i].article_id) {
			(*out)[n++] = r.pending[i];
			r.pending[i] = (struct read_count){ 0 };
		}
	r.npending = 0;
	return n;
}

/* Writes counts of day outside the lock and frees them; a failure is
 * logged and the counts are lost, which costs a few reads, never a page. */
static void write_out(struct store *s, const char *day, struct read_count *counts, size_t n, int64_t now)
{
	if (s && n && readership_record(s, day, counts, n, now) != STORE_OK)
		log_error("reads: %zu articles' reads of %s not written", n, day);
	free(counts);
}

void reads_note(struct store *s, int64_t article_id, const char *client, const char *user_agent, int64_t now)
{
	if (!s || !article_id || tally_is_robot(user_agent))
		return;
	char day[DATE_DAY_SIZE], today[DATE_DAY_SIZE], id[24];
	snprintf(id, sizeof(id), "%lld", (long long)article_id);
	struct read_count *out = NULL, *now_out = NULL;
	size_t n = 0, now_n = 0;
	bool new_day;
	pthread_mutex_lock(&r.lock);
	if (!r.seen) {
		pthread_mutex_unlock(&r.lock);
		return;
	}
	/* Yesterday's counts go out under yesterday's date. */
	if (tally_clock_due(&r.clock, now, r.npending >= PENDING_SLOTS / 2, day, &new_day))
		n = take(&out);
	if (new_day)
		tally_seen_clear(r.seen);
	if (tally_seen_first(r.seen, client, id))
		count(article_id);
	memcpy(today, r.clock.day, sizeof(today));
	if (r.clock.flush_seconds == 0)
		now_n = take(&now_out);
	pthread_mutex_unlock(&r.lock);
	write_out(s, day, out, n, now);
	write_out(s, today, now_out, now_n, now);
}

void reads_flush(struct store *s, int64_t now)
{
	pthread_mutex_lock(&r.lock);
	struct read_count *out;
	size_t n = take(&out);
	char day[DATE_DAY_SIZE];
	memcpy(day, r.clock.day, sizeof(day));
	pthread_mutex_unlock(&r.lock);
	write_out(s, day, out, n, now);
}
