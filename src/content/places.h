/* places: which of Shanghai's districts an article is about, read from its
 * text — the districts' own names, and well-known places inside them
 * (陆家嘴 and 张江 are in 浦东新区, 朱家角 in 青浦区) — or that it is
 * about the whole city. */
#ifndef ZS_CONTENT_PLACES_H
#define ZS_CONTENT_PLACES_H

#include <stdbool.h>
#include <stddef.h>

#include "content/district.h"
#include "util/str.h"

struct district_tags {
	const struct district *districts[DISTRICT_COUNT]; /* strongest first */
	size_t n;
	bool citywide; /* no district, but about Shanghai as a whole (全市) */
};

/* Tags an article:
 * - districts named in the title (full or short name) are the article's;
 * - else districts named in the body at least twice, or once when none
 *   is named more and the title is not about Shanghai as a whole (in a
 *   city-wide article a district named once is an example);
 * - an explicit name outweighs a place: places (counted alike, but in a
 *   city-wide article only those in its title) only when no district is
 *   named, and then give their districts;
 * - with neither, an article that speaks of 上海, 全市 or 本市 is
 *   citywide rather than given an arbitrary district.
 * Order: title mentions, then body mentions, most first; ties in the
 * districts' official order. */
void places_tag(struct str title, struct str body, struct district_tags *out);

#endif
