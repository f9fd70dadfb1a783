/* query: splitting into terms and phrases, each passed to FTS5 quoted, so
 * FTS5 only ever sees "…" AND "…". */
#include "search/query.h"

#include <stdbool.h>

#include "text/tokenizer.h"
#include "util/buf.h"
#include "util/utf8.h"

static bool is_quote(uint32_t c)
{
	return c == '"' || c == 0x201c || c == 0x201d || c == 0xff02; /* " “ ” ＂ */
}

static bool is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x3000;
}

static int stop_at_first(void *ctx, const struct token *t)
{
	(void)ctx, (void)t;
	return 1;
}

/* Appends term as an FTS5 string if it holds anything searchable. */
static void add_term(struct buf *match, struct str term, size_t *nterms)
{
	if (*nterms == SEARCH_QUERY_MAX_TERMS || tokenize(term, TOKENS_QUERY, stop_at_first, NULL) != 1)
		return;
	if (*nterms)
		buf_puts(match, " AND ");
	/* A term never holds '"' (every quote ends a term), so it can be quoted
	 * as it is: inside an FTS5 string nothing else is syntax. */
	buf_putc(match, '"');
	buf_put_str(match, term);
	buf_putc(match, '"');
	(*nterms)++;
}

enum search_query_status search_query_check(struct str text)
{
	if (!utf8_valid(text.p, text.len, NULL))
		return QUERY_INVALID_UTF8;
	if (utf8_length(text.p, text.len) > SEARCH_QUERY_MAX_CHARS)
		return QUERY_TOO_LONG;
	return QUERY_OK;
}

enum search_query_status search_query_parse(struct str text, struct arena *arena, struct search_query *out)
{
	enum search_query_status status = search_query_check(text);
	if (status != QUERY_OK)
		return status;
	struct buf match = { 0 };
	size_t nterms = 0, term_start = 0, i = 0;
	bool in_quotes = false;
	while (i <= text.len) {
		uint32_t c = 0;
		size_t n = i < text.len ? utf8_decode(text.p + i, text.len - i, &c) : 1;
		bool at_end = i == text.len;
		bool boundary = at_end || is_quote(c) || (!in_quotes && is_space(c));
		if (boundary) {
			add_term(&match, (struct str){ text.p + term_start, i - term_start }, &nterms);
			if (!at_end && is_quote(c))
				in_quotes = !in_quotes;
			term_start = i + n;
		}
		i += n;
	}
	if (nterms == 0) {
		buf_free(&match);
		return QUERY_EMPTY;
	}
	out->match = arena_strndup(arena, match.data, match.len);
	out->nterms = nterms;
	buf_free(&match);
	return QUERY_OK;
}
