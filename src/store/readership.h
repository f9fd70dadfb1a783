/* readership: how often each article was read each day (Shanghai's), for
 * the week's most read (热点). */
#ifndef ZS_STORE_READERSHIP_H
#define ZS_STORE_READERSHIP_H

#include <stddef.h>
#include <stdint.h>

#include "store/articles.h"

/* Adds views to article_id's count of day ("YYYY-MM-DD"); an article that
 * is gone meanwhile is skipped. Call inside a transaction. */
enum store_rc store_readership_add(struct store *s, const char *day, int64_t article_id, int64_t views)
	__attribute__((warn_unused_result));

/* Forgets the days before day. */
enum store_rc store_readership_forget(struct store *s, const char *day) __attribute__((warn_unused_result));

/* A much-read article: its summary (no excerpt) and its reads. */
struct most_read {
	struct article_summary article;
	int64_t views;
};

/* The limit most-read articles from day on, most read first (the newer
 * first among equals); array and strings in arena. */
enum store_rc store_readership_top(struct store *s, const char *day, int limit, struct arena *arena,
				   struct most_read **out, size_t *n) __attribute__((warn_unused_result));

#endif
