/* feeds: what other programs read — Atom feeds, sitemaps, robots.txt. */
#ifndef ZS_VIEWS_FEEDS_H
#define ZS_VIEWS_FEEDS_H

#include <stdint.h>

#include "views/views.h"

/* Atom feeds of the newest articles: the whole site's, a district's or an
 * industry's (slug; 404 when unknown). changed_at dates an empty feed. */
enum feed_kind { FEED_SITE, FEED_DISTRICT, FEED_INDUSTRY };
int view_feed(struct view *v, enum feed_kind kind, const char *slug, int64_t changed_at);
/* /sitemap.xml (part 0): every public page, or past per_file URLs an index
 * of /sitemaps/N.xml (part N; 404 past the last, or without an index). */
int view_sitemap(struct view *v, long part, long per_file);
void view_robots(struct view *v);

#endif
