/* sitemap: every public page's id and the day it last changed, by kind. */
#ifndef ZS_STORE_SITEMAP_H
#define ZS_STORE_SITEMAP_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* The public pages of a kind, by id, with the day each last changed
 * (YYYY-MM-DD, Shanghai). */
enum sitemap_kind { SITEMAP_ARTICLES, SITEMAP_ENTERPRISES, SITEMAP__MAX };
struct sitemap_row {
	int64_t id;
	const char *lastmod;
};
enum store_rc store_sitemap_count(struct store *s, enum sitemap_kind kind, int64_t *n)
	__attribute__((warn_unused_result));
/* Rows offset.. of kind in id order, at most limit; array and strings in arena. */
enum store_rc store_sitemap_rows(struct store *s, enum sitemap_kind kind, int64_t offset, int limit,
				 struct arena *arena, struct sitemap_row **out, size_t *n)
	__attribute__((warn_unused_result));

#endif
