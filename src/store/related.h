/* related: the articles nearest one article by what they share — its
 * industries and its districts — for 相关阅读 under it. */
#ifndef ZS_STORE_RELATED_H
#define ZS_STORE_RELATED_H

#include <stddef.h>

#include "store/articles.h"

enum { RELATED_MAX = 10 };

/* Up to limit (<= RELATED_MAX) articles other than a sharing a tag with
 * it: first those sharing both an industry and a district, then those
 * sharing an industry and those sharing a district by turns, so that
 * neither kind crowds out the other; within each, more shared first, then
 * the newer. Only recent articles of each tag are weighed (RELATED_WINDOW
 * of them). Summaries without excerpts, in arena; none when a has no tags. */
enum { RELATED_WINDOW = 50 };
enum store_rc store_related(struct store *s, const struct article *a, size_t limit, struct arena *arena,
			    struct article_summary **out, size_t *n) __attribute__((warn_unused_result));

#endif
