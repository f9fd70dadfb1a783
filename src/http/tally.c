/* tally: robots, a day's keyed set of who did what, and the write clock. */
#include "http/tally.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

struct tally_seen {
	uint64_t *slots; /* 0 for an empty slot */
	size_t nslots, n;
	unsigned char key[crypto_generichash_KEYBYTES];
};

struct tally_seen *tally_seen_new(size_t slots)
{
	struct tally_seen *seen = xcalloc(1, sizeof(*seen));
	seen->slots = xcalloc(slots, sizeof(*seen->slots));
	seen->nslots = slots;
	crypto_generichash_keygen(seen->key);
	return seen;
}

void tally_seen_free(struct tally_seen *seen)
{
	if (!seen)
		return;
	free(seen->slots);
	sodium_memzero(seen->key, sizeof(seen->key));
	free(seen);
}

void tally_seen_clear(struct tally_seen *seen)
{
	memset(seen->slots, 0, seen->nslots * sizeof(*seen->slots));
	seen->n = 0;
}

bool tally_seen_first(struct tally_seen *seen, const char *client, const char *thing)
{
	if (seen->n >= seen->nslots / 2)
		return true;
	/* Keyed: no one can tell from the set who did what, nor aim pairs at
	 * one slot to slow it down. */
	crypto_generichash_state st;
	unsigned char h[crypto_generichash_BYTES_MIN];
	crypto_generichash_init(&st, seen->key, sizeof(seen->key), sizeof(h));
	crypto_generichash_update(&st, (const unsigned char *)(client ? client : ""), strlen(client ? client : "") + 1);
	crypto_generichash_update(&st, (const unsigned char *)thing, strlen(thing));
	crypto_generichash_final(&st, h, sizeof(h));
	uint64_t v;
	memcpy(&v, h, sizeof(v));
	v |= 1; /* never 0, the empty slot */
	for (size_t i = v & (seen->nslots - 1);; i = (i + 1) & (seen->nslots - 1)) {
		if (seen->slots[i] == v)
			return false;
		if (!seen->slots[i]) {
			seen->slots[i] = v;
			seen->n++;
			return true;
		}
	}
}

bool tally_clock_due(struct tally_clock *c, int64_t now, bool full, char day[DATE_DAY_SIZE], bool *new_day)
{
	char today[DATE_DAY_SIZE];
	date_shanghai_day(now, today);
	*new_day = strcmp(today, c->day) != 0;
	bool due = *new_day || full || now - c->last_flush >= c->flush_seconds;
	memcpy(day, c->day, DATE_DAY_SIZE);
	if (due)
		c->last_flush = now;
	if (*new_day)
		memcpy(c->day, today, DATE_DAY_SIZE);
	return due;
}
