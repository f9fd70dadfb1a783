/* parse: readers for the two import formats, the listing text and JSON Lines.
 * They only split and decode; article_prepare() validates what they find. */
#ifndef ZS_CONTENT_PARSE_H
#define ZS_CONTENT_PARSE_H

#include <stddef.h>

#include "content/article.h"
#include "util/str.h"

/* Where a parser sends what it finds. Line numbers count from 1. */
struct parse_sink {
	/* One item; the strs point into the parsed data (or memory valid for the
	 * call). line is the item's first line. */
	void (*item)(void *ctx, const struct article_input *in, size_t line);
	/* A malformed item or line; message is Chinese, without the line number. */
	void (*error)(void *ctx, size_t line, const char *message);
	/* How far the parser got, in bytes; called every few thousand lines. */
	void (*progress)(void *ctx, size_t offset);
	void *ctx;
};

/* The listing format: items separated by a line holding only "-", each a
 * title line, body line(s) and a YYYY-MM-DD line; text after the last item
 * that is not followed by another "-" (the site footer) is ignored. */
void listing_parse(struct str data, const struct parse_sink *sink);

/* JSON Lines: one object per line with "title", "body", "date" and optional
 * "source", "url", "district" strings; blank lines are skipped. */
void jsonl_parse(struct str data, const struct parse_sink *sink);

#endif
