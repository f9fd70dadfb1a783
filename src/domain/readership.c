/* readership: reads in batches; the most-read list's identity kept in
 * store_meta so that only a change to it moves the content version. */
#include "domain/readership.h"

#include <string.h>

#include "domain/domain.h"
#include "util/buf.h"

static const char most_read_key[] = "most_read";

void readership_week_start(int64_t now, char out[DATE_DAY_SIZE])
{
	date_shanghai_days_before(now, READERSHIP_DAYS - 1, out);
}

/* Moves the content version when the week's list differs from the one
 * pages show now (kept under most_read_key as its ids). */
static enum store_rc note_list(struct store *s, int64_t now, struct arena *arena)
{
	char since[DATE_DAY_SIZE];
	readership_week_start(now, since);
	struct most_read *top;
	size_t n;
	enum store_rc rc = store_readership_top(s, since, MOST_READ_SHOWN, arena, &top, &n);
	if (rc != STORE_OK)
		return rc;
	struct buf *ids = arena_buf(arena);
	for (size_t i = 0; i < n; i++)
		buf_printf(ids, "%s%lld", i ? "," : "", (long long)top[i].article.id);
	const char *shown = NULL;
	rc = store_meta_get(s, most_read_key, arena, &shown);
	if (rc == STORE_ERROR)
		return rc;
	if (rc == STORE_OK && !strcmp(shown, buf_cstr(ids)))
		return STORE_OK;
	rc = store_meta_set(s, most_read_key, buf_cstr(ids));
	return rc == STORE_OK ? store_content_changed(s) : rc;
}

enum store_rc readership_record(struct store *s, const char *day, const struct read_count *reads, size_t n,
				int64_t now)
{
	struct arena *arena = arena_new();
	char forget[DATE_DAY_SIZE];
	date_shanghai_days_before(now, READERSHIP_KEEP_DAYS, forget);
	enum store_rc rc = store_begin(s);
	for (size_t i = 0; rc == STORE_OK && i < n; i++)
		rc = store_readership_add(s, day, reads[i].article_id, reads[i].views);
	if (rc == STORE_OK)
		rc = store_readership_forget(s, forget);
	if (rc == STORE_OK)
		rc = note_list(s, now, arena);
	/* Visitors' reading: counted, not audited. */
	rc = domain_finish(s, rc, &(struct change){ .now = now });
	arena_free(arena);
	return rc;
}
