/* views: the HTML pages. Each view reads what it needs from the store and
 * appends a whole page to v->out; it returns the HTTP status for the page, and
 * on an error status it has rendered nothing (call view_error). Views know no
 * HTTP library: they get parsed values and give back HTML. */
#ifndef ZS_VIEWS_VIEWS_H
#define ZS_VIEWS_VIEWS_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "util/arena.h"
#include "util/buf.h"

struct view {
	struct store *store;
	struct arena *arena; /* everything built for the page lives here */
	struct buf *out;     /* the page is appended here */
};

/* Compiles the templates; call once before any view. -1 with a message in err. */
int views_init(struct buf *err) __attribute__((warn_unused_result));
void views_shutdown(void);

/* page is 1-based; out-of-range pages give 404. */
int view_home(struct view *v, long page);
int view_article(struct view *v, int64_t id);
int view_district(struct view *v, const char *slug, long page);
/* A search as asked for, already validated (see http/routes.c). */
struct search_request {
	const char *q;        /* as typed; NULL or blank shows the prompt */
	const char *district; /* slug or NULL */
	const char *industry; /* slug or NULL */
	const char *from, *to; /* YYYY-MM-DD or NULL */
	bool by_date;         /* newest first instead of most relevant */
	long page;            /* 1-based */
};

/* The search page, and the same search as JSON for /api/v1/search. The JSON
 * form of an error is {"error": {"code", "message"}}. */
int view_search(struct view *v, const struct search_request *r);
int view_search_json(struct view *v, const struct search_request *r);

/* A complete error page; message (Chinese) may be NULL for the default. */
void view_error(struct view *v, int status, const char *message);
/* The JSON error object for the API: code is a stable English word. */
void view_error_json(struct view *v, int status, const char *code, const char *message);

#endif
