/* industry: the portal's focus industries, and finding them in an article. */
#ifndef ZS_CONTENT_INDUSTRY_H
#define ZS_CONTENT_INDUSTRY_H

#include <stddef.h>

#include "util/str.h"

struct industry {
	const char *slug;                  /* used in URLs and filters: "ic" */
	const char *name;                  /* "集成电路" */
	const char *const *keywords;       /* NULL-terminated */
};

enum { INDUSTRY_COUNT = 13 };

extern const struct industry industries[INDUSTRY_COUNT];

/* The industry with this slug, or NULL. */
const struct industry *industry_by_slug(struct str slug);

/* Stores in out (up to max) the industries an article is about, strongest
 * first: a keyword in the title counts three, in the body one; an industry
 * needs a title hit or two body hits. Returns how many were stored. */
size_t industry_tag(struct str title, struct str body, const struct industry **out, size_t max);

#endif
