/* articles: the news pages. page is 1-based; out-of-range pages give 404. */
#ifndef ZS_VIEWS_ARTICLES_H
#define ZS_VIEWS_ARTICLES_H

#include <stdint.h>

#include "views/views.h"

int view_home(struct view *v, long page);
int view_article(struct view *v, int64_t id);
/* A district's channel (/districts/{slug}): 404 for an unknown slug. */
int view_district(struct view *v, const char *slug, long page);
/* An industry's channel (/industries/{slug}): 404 for an unknown slug. */
int view_industry(struct view *v, const char *slug, long page);
/* The indexes of the channels (/districts, /industries): each with its
 * count, newest titles and feed. */
int view_districts_index(struct view *v);
int view_industries_index(struct view *v);

#endif
