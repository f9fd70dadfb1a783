/* search_report: queries normalised, and searches recorded in batches. */
#include "domain/search_report.h"

#include "domain/domain.h"
#include "util/buf.h"
#include "util/utf8.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

const char *search_report_normalise(const char *q, struct arena *arena)
{
	bool folded;
	/* The ideographic space becomes ' ' here, so it trims and collapses too. */
	struct str wide = utf8_fold_width(str_from(q), 0, arena, &folded);
	struct buf *b = arena_buf(arena);
	bool space = false;
	for (size_t i = 0; i < wide.len; i++) {
		char c = wide.p[i];
		if (is_space(c)) {
			space = b->len > 0;
			continue;
		}
		if (space)
			buf_putc(b, ' ');
		space = false;
		buf_putc(b, c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c);
	}
	return b->len ? buf_cstr(b) : NULL;
}

void search_report_week_start(int64_t now, char out[DATE_DAY_SIZE])
{
	date_shanghai_days_before(now, SEARCH_REPORT_DAYS - 1, out);
}

enum store_rc search_report_record(struct store *s, const char *day, const struct query_count *counts, size_t n,
				   int64_t now)
{
	char forget[DATE_DAY_SIZE];
	date_shanghai_days_before(now, SEARCH_REPORT_KEEP_DAYS, forget);
	int64_t held = 0;
	enum store_rc rc = store_begin(s);
	if (rc == STORE_OK)
		rc = store_search_queries_on(s, day, &held);
	for (size_t i = 0; rc == STORE_OK && i < n; i++) {
		bool added;
		rc = store_search_queries_add(s, day, &counts[i], held < SEARCH_REPORT_DAY_QUERIES, &added);
		held += added;
	}
	if (rc == STORE_OK)
		rc = store_search_queries_forget(s, forget);
	/* Visitors' searching: counted, not audited. */
	return domain_finish(s, rc, &(struct change){ .now = now });
}
