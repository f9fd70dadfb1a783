/* industry: the portal's focus industries, and finding them in an article. */
#ifndef ZS_CONTENT_INDUSTRY_H
#define ZS_CONTENT_INDUSTRY_H

#include <stddef.h>

#include "util/str.h"

/* Room in each word list (keywords, related), its NULL end included; a
 * longer list is an excess-initializer warning, so an error here. */
enum { INDUSTRY_KEYWORDS_MAX = 24 };

struct industry {
	const char *slug; /* used in URLs and filters: "ic" */
	const char *name; /* "集成电路" */
	/* Words that name the industry or a part of it ("芯片"): one mention
	 * in a short article is enough. NULL-terminated. */
	const char *keywords[INDUSTRY_KEYWORDS_MAX];
	/* Words that belong to it but are also said in passing about anything
	 * ("融资" of any company): each counts half. NULL-terminated. */
	const char *related[INDUSTRY_KEYWORDS_MAX];
};

enum { INDUSTRY_COUNT = 13 };

extern const struct industry industries[INDUSTRY_COUNT];

/* The industry with this slug, or NULL. */
const struct industry *industry_by_slug(struct str slug);

/* Stores in out the industries an article is about, strongest first, at
 * most max of them, and returns how many it stored.
 *
 * The title and body are read for the words of the lists: a keyword weighs
 * 2, a related word 1. Where words overlap, the longest starting first is
 * the one read (新能源汽车, not 新能源), once for each industry that lists it
 * (集成电路装备 is 集成电路 and 高端装备).
 *
 * An industry's score is 3 × its weight in the title + its weight in the
 * body. It qualifies when the title holds one of its words, or when the
 * body holds one of its keywords and its body weight is at least one per
 * 250 characters of body (one keyword is enough up to 500 characters;
 * 3,000 characters need a weight of 12, six keywords). One that qualifies
 * by its body alone is dropped when its score is below a quarter of the
 * best qualifying score. Ties go to the industry mentioned first, then to
 * the one listed first in industries[]. */
size_t industry_tag(struct str title, struct str body, const struct industry **out, size_t max);

#endif
