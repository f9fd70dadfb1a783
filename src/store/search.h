/* search: full-text search over the articles (FTS5), with filters and
 * facets. Queries are parsed into FTS5 expressions by search/query.h. */
#ifndef ZS_STORE_SEARCH_H
#define ZS_STORE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/articles.h"

struct search_filter {
	const char *district; /* slug, or NULL for all */
	const char *industry; /* slug, or NULL for all */
	const char *from, *to; /* YYYY-MM-DD bounds (inclusive), or NULL */
	bool by_date;          /* newest first instead of most relevant first */
};

/* A search result. title and snippet mark each hit with \x01 before and
 * \x02 after; the snippet is a window of the body around the best hits. */
struct search_hit {
	int64_t id;
	const char *title;
	const char *date;
	const char *snippet;
	const char *districts; /* comma-separated slugs */
	const char *industries; /* comma-separated slugs, strongest first */
};

struct search_page {
	struct search_hit *hits;
	size_t count;
	int64_t total;                  /* matches on all pages */
	struct tag_count *facets;  /* matches per district, ignoring f->district */
	size_t nfacets;
	struct tag_count *industry_facets; /* per industry, ignoring f->industry */
	size_t nindustry_facets;
};

/* Runs the FTS5 expression match (built by search_query_parse) with the
 * filters; relevance is BM25 with title hits weighing ten times body hits,
 * ties going to the newer article. Everything is allocated in arena. */
enum store_rc store_search(struct store *s, const char *match, const struct search_filter *f, int64_t offset,
			   int limit, struct arena *arena, struct search_page *out) __attribute__((warn_unused_result));

#endif
