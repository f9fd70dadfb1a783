/* query: what a reader types into the search box, turned into an FTS5 MATCH
 * expression that cannot be a syntax error.
 *
 * Documented syntax: terms separated by spaces must all match; text in
 * double quotes ("…" or “…”) must match as that exact sequence. Every other
 * character is text: operators such as OR, NEAR, *, ^, :, - and parentheses
 * are searched for as words or ignored as punctuation, never interpreted. */
#ifndef ZS_SEARCH_QUERY_H
#define ZS_SEARCH_QUERY_H

#include <stddef.h>

#include "util/arena.h"
#include "util/str.h"

enum { SEARCH_QUERY_MAX_CHARS = 200, SEARCH_QUERY_MAX_TERMS = 16 };

enum search_query_status {
	QUERY_OK,
	QUERY_EMPTY,        /* nothing searchable: blank, or punctuation only */
	QUERY_TOO_LONG,     /* over SEARCH_QUERY_MAX_CHARS characters */
	QUERY_INVALID_UTF8,
};

struct search_query {
	const char *match; /* the FTS5 expression, in the arena */
	size_t nterms;
};

/* QUERY_OK when text is valid UTF-8 within the length limit, else why not. */
enum search_query_status search_query_check(struct str text);

/* Checks and parses text; on QUERY_OK fills out. Terms beyond SEARCH_QUERY_MAX_TERMS
 * are ignored (the length limit makes that rare). */
enum search_query_status search_query_parse(struct str text, struct arena *arena, struct search_query *out);

#endif
