/* router: the table of URLs the site answers, and dispatch to their handlers. */
#ifndef ZS_HTTP_ROUTER_H
#define ZS_HTTP_ROUTER_H

#include "http/http.h"

/* Prepares the router: loads the secret for visitors' CSRF tokens from the
 * database, and keeps the limit of public-form posts per client per hour
 * and the number of URLs in a sitemap file. */
int router_init(struct store *s, long posts_per_hour, long urls_per_sitemap) __attribute__((warn_unused_result));

/* Fills res for req: runs the matching route's handler, or sets 404/405/400;
 * renders the error page for any error status that has no body yet. */
void router_dispatch(struct request *req, struct response *res);

/* The URL pattern of route i ("/articles/{}"), or NULL past the last: for
 * checking the API's document against what is served. */
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
