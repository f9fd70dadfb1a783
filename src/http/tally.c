/* tally: a keyed set of (client, thing) pairs seen today, the counts per
 * key not yet written, and when they are due. */
#include "http/tally.h"

#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/date.h"
#include "util/mem.h"

bool tally_is_robot(const char *user_agent)
{
	static const char *const marks[] = { "bot", "spider", "crawl", "slurp", "preview", "facebookexternalhit" };
	if (!user_agent || !*user_agent)
		return true;
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (strcasestr(user_agent, marks[i]))
			return true;
	return false;
}

struct slot {
	char *key; /* owned; NULL for an empty slot */
	int64_t n[TALLY_COUNTS];
};

struct tally {
	pthread_mutex_t lock;
	tally_write_fn *write;
	long flush_seconds;
	int64_t last_flush;       /* when counts last went out */
	char day[DATE_DAY_SIZE];  /* the day being counted; "" before the first */
	/* Pairs seen today, as keyed hashes: no one can tell from them who did
	 * what, nor aim pairs at one slot to slow it down. 0 is empty. */
	unsigned char seen_key[crypto_generichash_KEYBYTES];
	uint64_t *seen;
	size_t seen_slots, nseen;
	/* Counts not yet written, by key: open addressing, at most half full. */
	unsigned char slot_key[crypto_shorthash_KEYBYTES];
	struct slot *pending;
	size_t slots, held, npending;
};

/* Counts taken out to be written, outside the lock. */
struct batch {
	char day[DATE_DAY_SIZE];
	struct tally_row *rows;
	size_t n;
};

struct tally *tally_new(size_t seen_slots, size_t held, tally_write_fn *write)
{
	struct tally *t = xcalloc(1, sizeof(*t));
	pthread_mutex_init(&t->lock, NULL);
	t->write = write;
	t->seen_slots = seen_slots;
	t->seen = xcalloc(seen_slots, sizeof(*t->seen));
	crypto_generichash_keygen(t->seen_key);
	t->held = held;
	for (t->slots = 2; t->slots < 2 * held; t->slots *= 2)
		;
	t->pending = xcalloc(t->slots, sizeof(*t->pending));
	crypto_shorthash_keygen(t->slot_key);
	return t;
}

void tally_set_interval(struct tally *t, long flush_seconds)
{
	pthread_mutex_lock(&t->lock);
	t->flush_seconds = flush_seconds;
	pthread_mutex_unlock(&t->lock);
}

void tally_start(struct tally **t, size_t seen_slots, size_t held, tally_write_fn *write, long flush_seconds)
{
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	pthread_mutex_lock(&lock);
	if (!*t)
		*t = tally_new(seen_slots, held, write);
	pthread_mutex_unlock(&lock);
	tally_set_interval(*t, flush_seconds);
}

/* True the first time today client adds to count i of key (or when the
 * set is half full: then a flood makes counts too high, never the set slow). */
static bool first_today(struct tally *t, const char *client, unsigned i, const char *key)
{
	if (t->nseen >= t->seen_slots / 2)
		return true;
	const char *who = client ? client : "";
	unsigned char which = (unsigned char)i, h[crypto_generichash_BYTES_MIN];
	crypto_generichash_state st;
	crypto_generichash_init(&st, t->seen_key, sizeof(t->seen_key), sizeof(h));
	crypto_generichash_update(&st, (const unsigned char *)who, strlen(who) + 1); /* the NUL parts them */
	crypto_generichash_update(&st, &which, 1);
	crypto_generichash_update(&st, (const unsigned char *)key, strlen(key));
	crypto_generichash_final(&st, h, sizeof(h));
	uint64_t v;
	memcpy(&v, h, sizeof(v));
	v |= 1;
	for (size_t s = v & (t->seen_slots - 1);; s = (s + 1) & (t->seen_slots - 1)) {
		if (t->seen[s] == v)
			return false;
		if (!t->seen[s]) {
			t->seen[s] = v;
			t->nseen++;
			return true;
		}
	}
}

static void count(struct tally *t, const char *key, const int64_t add[TALLY_COUNTS])
{
	unsigned char h[crypto_shorthash_BYTES];
	crypto_shorthash(h, (const unsigned char *)key, strlen(key), t->slot_key);
	uint64_t v;
	memcpy(&v, h, sizeof(v));
	for (size_t s = v & (t->slots - 1);; s = (s + 1) & (t->slots - 1)) {
		struct slot *slot = &t->pending[s];
		if (!slot->key) {
			*slot = (struct slot){ .key = xstrdup(key) };
			t->npending++;
		} else if (strcmp(slot->key, key)) {
			continue;
		}
		for (size_t i = 0; i < TALLY_COUNTS; i++)
			slot->n[i] += add[i];
		return;
	}
}

/* Takes the counts out under the day being counted (the lock held). */
static void take(struct tally *t, struct batch *b)
{
	memcpy(b->day, t->day, sizeof(b->day));
	b->rows = t->npending ? xmalloc(t->npending * sizeof(*b->rows)) : NULL;
	b->n = 0;
	for (size_t s = 0; s < t->slots && t->npending; s++)
		if (t->pending[s].key) {
			struct tally_row *row = &b->rows[b->n++];
			row->key = t->pending[s].key;
			memcpy(row->n, t->pending[s].n, sizeof(row->n));
			t->pending[s] = (struct slot){ 0 };
		}
	t->npending = 0;
}

/* Writes a batch outside the lock, and frees it. */
static void write_out(struct tally *t, struct store *s, struct batch *b, int64_t now)
{
	if (s && b->n)
		t->write(s, b->day, b->rows, b->n, now);
	for (size_t i = 0; i < b->n; i++)
		free((char *)b->rows[i].key);
	free(b->rows);
}

void tally_note(struct tally *t, struct store *s, const char *key, unsigned counts, const char *client,
		const char *user_agent, int64_t now)
{
	if (!t || !s || !key || tally_is_robot(user_agent))
		return;
	char today[DATE_DAY_SIZE];
	date_shanghai_day(now, today);
	struct batch due = { 0 }, at_once = { 0 };
	pthread_mutex_lock(&t->lock);
	bool new_day = strcmp(today, t->day) != 0;
	/* Yesterday's counts go out under yesterday's date. */
	if (new_day || t->npending >= t->held || now - t->last_flush >= t->flush_seconds) {
		take(t, &due);
		t->last_flush = now;
	}
	if (new_day) {
		memset(t->seen, 0, t->seen_slots * sizeof(*t->seen));
		t->nseen = 0;
		memcpy(t->day, today, sizeof(t->day));
	}
	int64_t add[TALLY_COUNTS] = { 0 };
	bool any = false;
	for (unsigned i = 0; i < TALLY_COUNTS; i++)
		if ((counts & (1u << i)) && first_today(t, client, i, key)) {
			add[i] = 1;
			any = true;
		}
	if (any)
		count(t, key, add);
	if (t->flush_seconds == 0)
		take(t, &at_once);
	pthread_mutex_unlock(&t->lock);
	write_out(t, s, &due, now);
	write_out(t, s, &at_once, now);
}

void tally_flush(struct tally *t, struct store *s, int64_t now)
{
	if (!t)
		return;
	struct batch b;
	pthread_mutex_lock(&t->lock);
	take(t, &b);
	pthread_mutex_unlock(&t->lock);
	write_out(t, s, &b, now);
}
