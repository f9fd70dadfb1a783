/* search: the search page and the same search as JSON (/api/v1/search). */
#ifndef ZS_VIEWS_SEARCH_H
#define ZS_VIEWS_SEARCH_H

#include <stdbool.h>

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

/* The JSON form of an error is {"error": {"code", "message"}}. */
int view_search(struct view *v, const struct search_request *r);
int view_search_json(struct view *v, const struct search_request *r);

#endif
