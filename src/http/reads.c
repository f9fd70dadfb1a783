/* reads: articles read, as a tally (http/tally.h) keyed by article id. */
#include "http/reads.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/readership.h"
#include "http/tally.h"
#include "util/log.h"
#include "util/mem.h"
#include "util/str.h"

enum {
	SEEN_SLOTS = 1 << 18, /* pairs a day before reads stop being told apart (2 MiB) */
	HELD = 1 << 11,       /* articles counted between writes */
};

static struct tally *reads;

static void write_reads(struct store *s, const char *day, const struct tally_row *rows, size_t n, int64_t now)
{
	struct read_count *counts = xmalloc(n * sizeof(*counts));
	for (size_t i = 0; i < n; i++)
		counts[i] = (struct read_count){ strtoll(rows[i].key, NULL, 10), rows[i].n[0] };
	if (readership_record(s, day, counts, n, now) != STORE_OK)
		log_error("reads: %zu articles' reads of %s not written", n, day);
	free(counts);
}

void reads_init(long flush_seconds)
{
	tally_start(&reads, SEEN_SLOTS, HELD, write_reads, flush_seconds);
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

void reads_note(struct store *s, int64_t article_id, const char *client, const char *user_agent, int64_t now)
{
	if (!article_id)
		return;
	char id[24];
	snprintf(id, sizeof(id), "%lld", (long long)article_id);
	tally_note(reads, s, id, 1u << 0, client, user_agent, now);
}

void reads_flush(struct store *s, int64_t now)
{
	tally_flush(reads, s, now);
}
