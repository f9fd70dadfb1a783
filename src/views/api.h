/* api: articles as JSON, in the shape BRIEF fixes. */
#ifndef ZS_VIEWS_API_H
#define ZS_VIEWS_API_H

#include <stdint.h>

#include "views/views.h"

/* One article (404 when there is none), or a page of them, newest first,
 * with a link to the next page. */
int view_article_json(struct view *v, int64_t id);
int view_articles_json(struct view *v, long page);

#endif
