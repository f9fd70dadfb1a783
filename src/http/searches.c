/* searches: queries searched for, as a tally (http/tally.h) keyed by the
 * normalised query: count 0 its searches, count 1 those that found nothing. */
#include "http/searches.h"

#include <stdlib.h>

#include "domain/search_report.h"
#include "http/tally.h"
#include "util/log.h"
#include "util/mem.h"

enum { SEEN_SLOTS = 1 << 16 }; /* pairs a day before searchers stop being told apart (512 KiB) */
enum { SEARCHED, FOUND_NOTHING };

static struct tally *searches;

static void write_searches(struct store *s, const char *day, const struct tally_row *rows, size_t n, int64_t now)
{
	struct query_count *counts = xmalloc(n * sizeof(*counts));
	for (size_t i = 0; i < n; i++)
		counts[i] = (struct query_count){ rows[i].key, rows[i].n[SEARCHED], rows[i].n[FOUND_NOTHING] };
	if (search_report_record(s, day, counts, n, now) != STORE_OK)
		log_error("searches: %zu queries searched on %s not written", n, day);
	free(counts);
}

void searches_init(long flush_seconds)
{
	tally_start(&searches, SEEN_SLOTS, SEARCHES_HELD, write_searches, flush_seconds);
}

void searches_note(struct store *s, const char *text, bool found_nothing, const char *client, const char *user_agent,
		   int64_t now)
{
	if (!text)
		return;
	struct arena *arena = arena_new();
	const char *query = search_report_normalise(text, arena);
	if (query)
		tally_note(searches, s, query, 1u << SEARCHED | (found_nothing ? 1u << FOUND_NOTHING : 0), client,
			   user_agent, now);
	arena_free(arena);
}

void searches_flush(struct store *s, int64_t now)
{
	tally_flush(searches, s, now);
}
