/* search: the search page and the same search as JSON (/api/v1/search). */
#ifndef ZS_VIEWS_SEARCH_H
#define ZS_VIEWS_SEARCH_H

#include <stdbool.h>
#include <stdint.h>

#include "views/views.h"

/* A search as asked for, already validated (http/handlers_search.c). */
struct search_request {
	const char *q;        /* as typed; NULL or blank shows the prompt */
	const char *district; /* slug or NULL */
	const char *industry; /* slug or NULL */
	const char *from, *to; /* YYYY-MM-DD or NULL */
	bool by_date;         /* newest first instead of most relevant */
	long page;            /* 1-based */
};

/* The search page; *matches is how many articles the search found, or
 * -1 when there was nothing to search (the page prompts for words). */
int view_search(struct view *v, const struct search_request *r, int64_t *matches);
/* The same as JSON; an error is {"error": {"code", "message"}}. */
int view_search_json(struct view *v, const struct search_request *r);
/* An Atom feed of the search r: the FEED_ENTRIES newest matches, whole,
 * newest first (r->by_date and r->page are not read); changed_at dates a
 * feed that has none. 400 (nothing rendered) when r->q has nothing to
 * search for. */
int view_search_feed(struct view *v, const struct search_request *r, int64_t changed_at);

#endif
