/* router: dispatch of a request to its route's handler (after cgit's
 * cmd.c) and the checks every route gets from its entry in the table —
 * who may call it, form bodies, CSRF — and the error pages. */
#ifndef ZS_HTTP_ROUTER_H
#define ZS_HTTP_ROUTER_H

#include <stddef.h>

#include "http/http.h"

enum { ALLOW_GET = 1 << HTTP_GET | 1 << HTTP_HEAD, ALLOW_POST = 1 << HTTP_POST };

/* Who may use a route. Staff routes load the session; without one a page
 * redirects to the login page and the API answers 401; with too low a
 * role, 403. */
enum access { PUBLIC, EDITOR, ADMIN };

struct route {
	const char *pattern; /* "{}" matches one non-empty path segment */
	unsigned methods;    /* bit per enum http_method */
	const char *allow;   /* the Allow header for other methods */
	enum access access;
	void (*handle)(struct request *req, struct response *res);
};

/* For a form's POST, what a wrong CSRF token (most often a page left open
 * past its visitor cookie or session) gets instead of a bare 403: the
 * form again, with what was sent, a fresh token and a message
 * (handler_expired_form), as a 403. A reshow only renders: nothing is
 * stored, no limit counted. Not for a post another site sent (the browser
 * says Sec-Fetch-Site: cross-site or same-site): that would hand the
 * visitor a form filled in by the other site with a working token. Kept
 * beside the route table, by handler, so its rows stay as they are. */
struct route_reshow {
	void (*handle)(struct request *req, struct response *res); /* the route's */
	void (*reshow)(struct request *req, struct response *res);
};

/* The table, in http/routes.c: the first match by path and method wins. */
extern const struct route routes[];
extern const size_t routes_count;
/* Also there: the forms shown again after a wrong CSRF token. */
extern const struct route_reshow route_reshows[];
extern const size_t route_reshows_count;

/* Fills res for req: runs the matching route's handler, or sets 404/405/400;
 * renders the error page for any error status that has no body yet. */
void router_dispatch(struct request *req, struct response *res);

/* The URL pattern of route i ("/articles/{}"), or NULL past the last: what
 * metrics label a route with, and what the API's document is checked
 * against. */
const char *router_pattern(size_t i);

/* The index of the first route whose pattern path matches (whatever the
 * method), or -1: what metrics count a request under. */
int router_route_index(const char *path);

/* path as the access log may show it: paths that hold a key (an
 * enterprise's edit link) are cut short. Static storage or path itself. */
const char *router_loggable_path(const char *path);

/* Fills res with the error page for status — JSON under /api/, where code is
 * the stable English error code (NULL: one for the status) — and message, in
 * Chinese, may be NULL for the default. */
void router_error(struct request *req, struct response *res, int status, const char *code, const char *message);

#endif
