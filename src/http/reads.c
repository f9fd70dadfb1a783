/* reads: a set of (client, article) pairs seen today, hashed with a secret
 * key so the set holds no address, and the counts not yet written. */
#include "http/reads.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "domain/readership.h"
#include "util/log.h"
#include "util/mem.h"
#include "util/str.h"

enum {
	SEEN_SLOTS = 1 << 18,   /* pairs a day before reads stop being told apart (2 MiB) */
	PENDING_SLOTS = 1 << 12, /* articles counted between writes */
};

static struct {
	pthread_mutex_t lock;
	long flush_seconds;
	int64_t last_flush;
	char day[DATE_DAY_SIZE];   /* the day being counted */
	unsigned char key[crypto_shorthash_KEYBYTES];
	uint64_t *seen;            /* 0 for an empty slot */
	size_t nseen;
	struct read_count pending[PENDING_SLOTS]; /* article_id 0 for an empty slot */
	size_t npending;
} r = { .lock = PTHREAD_MUTEX_INITIALIZER };

void reads_init(long flush_seconds)
{
	pthread_mutex_lock(&r.lock);
	r.flush_seconds = flush_seconds;
	crypto_shorthash_keygen(r.key);
	if (!r.seen)
		r.seen = xcalloc(SEEN_SLOTS, sizeof(*r.seen));
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

/* Search engines and link previews read pages too; they are not readers. */
static bool is_robot(const char *user_agent)
{
	static const char *const marks[] = { "bot", "spider", "crawl", "slurp", "preview", "facebookexternalhit" };
	if (!user_agent || !*user_agent)
		return true;
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (strcasestr(user_agent, marks[i]))
			return true;
	return false;
}

/* True the first time today client reads article_id (or when the set is
 * full: then every read counts). */
static bool first_read(const char *client, int64_t article_id)
{
	unsigned char h[crypto_shorthash_BYTES];
	char both[160];
	int len = snprintf(both, sizeof(both), "%s|%lld", client ? client : "", (long long)article_id);
	crypto_shorthash(h, (const unsigned char *)both, (unsigned long long)(len > 0 ? len : 0), r.key);
	uint64_t v;
	memcpy(&v, h, sizeof(v));
	v |= 1; /* never 0, the empty slot */
	if (r.nseen >= SEEN_SLOTS / 2)
		return true;
	for (size_t i = v & (SEEN_SLOTS - 1);; i = (i + 1) & (SEEN_SLOTS - 1)) {
		if (r.seen[i] == v)
			return false;
		if (!r.seen[i]) {
			r.seen[i] = v;
			r.nseen++;
			return true;
		}
	}
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

/* Takes the counts out (the lock held) into out; how many. */
static size_t take(struct read_count *out)
{
	size_t n = 0;
	for (size_t i = 0; i < PENDING_SLOTS; i++)
		if (r.pending[i].article_id) {
			out[n++] = r.pending[i];
			r.pending[i] = (struct read_count){ 0 };
		}
	r.npending = 0;
	return n;
}

/* Writes counts of day outside the lock; a failure is logged and the
 * counts are lost, which costs a few reads, never a page. */
static void write_out(struct store *s, const char *day, const struct read_count *counts, size_t n, int64_t now)
{
	if (n && readership_record(s, day, counts, n, now) != STORE_OK)
		log_error("reads: %zu articles' reads of %s not written", n, day);
}

void reads_note(struct store *s, int64_t article_id, const char *client, const char *user_agent, int64_t now)
{
	if (!s || !article_id || is_robot(user_agent))
		return;
	char today[DATE_DAY_SIZE], day[DATE_DAY_SIZE] = "";
	date_shanghai_day(now, today);
	struct read_count *out = NULL;
	size_t n = 0;
	pthread_mutex_lock(&r.lock);
	if (!r.seen) {
		pthread_mutex_unlock(&r.lock);
		return;
	}
	bool new_day = strcmp(today, r.day) != 0;
	if (new_day || r.npending >= PENDING_SLOTS / 2 || now - r.last_flush >= r.flush_seconds) {
		/* Yesterday's counts go out under yesterday's date. */
		if (r.npending) {
			out = xmalloc(r.npending * sizeof(*out));
			n = take(out);
			memcpy(day, r.day, sizeof(day));
		}
		r.last_flush = now;
	}
	if (new_day) {
		memset(r.seen, 0, SEEN_SLOTS * sizeof(*r.seen));
		r.nseen = 0;
		memcpy(r.day, today, sizeof(r.day));
	}
	if (first_read(client, article_id))
		count(article_id);
	bool flush_now = r.flush_seconds == 0;
	struct read_count *now_out = NULL;
	size_t now_n = 0;
	if (flush_now && r.npending) {
		now_out = xmalloc(r.npending * sizeof(*now_out));
		now_n = take(now_out);
	}
	pthread_mutex_unlock(&r.lock);
	write_out(s, day, out, n, now);
	write_out(s, today, now_out, now_n, now);
	free(out);
	free(now_out);
}

void reads_flush(struct store *s, int64_t now)
{
	pthread_mutex_lock(&r.lock);
	struct read_count *out = r.npending ? xmalloc(r.npending * sizeof(*out)) : NULL;
	size_t n = out ? take(out) : 0;
	char day[DATE_DAY_SIZE];
	memcpy(day, r.day, sizeof(day));
	pthread_mutex_unlock(&r.lock);
	if (s)
		write_out(s, day, out, n, now);
	free(out);
}
