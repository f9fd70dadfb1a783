/* district: Shanghai's 16 districts — slugs, names, and finding them in text. */
#ifndef ZS_CONTENT_DISTRICT_H
#define ZS_CONTENT_DISTRICT_H

#include <stddef.h>

#include "store/articles.h"
#include "util/str.h"

struct district {
	const char *slug;       /* pinyin, used in URLs: "pudong" */
	const char *name;       /* full name: "浦东新区" */
	const char *short_name; /* common short form: "浦东" */
};

enum { DISTRICT_COUNT = ARTICLE_MAX_DISTRICTS };

/* The districts in the official order; static storage. */
extern const struct district districts[DISTRICT_COUNT];

/* Looks a district up by slug, full name or short name; NULL if none. */
const struct district *district_lookup(struct str key);
/* Stores in out (up to max) every district whose full or short name occurs in
 * text, in the order of the table; returns how many were stored. */
size_t district_find_in_text(struct str text, const struct district **out, size_t max);

#endif
