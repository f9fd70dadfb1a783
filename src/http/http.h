/* http: the request and response as handlers see them, independent of the
 * HTTP library underneath. */
#ifndef ZS_HTTP_HTTP_H
#define ZS_HTTP_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "store/store.h"
#include "util/arena.h"
#include "util/buf.h"

enum http_method { HTTP_GET, HTTP_HEAD, HTTP_POST, HTTP_OTHER };

enum { ROUTE_MAX_PARAMS = 2 };

struct request {
	struct arena *arena;          /* freed when the response has been sent */
	void *conn;                   /* the library's connection (opaque here) */
	enum http_method method;
	const char *method_name;
	const char *path;             /* percent-decoded path, without the query */
	const char *params[ROUTE_MAX_PARAMS]; /* URL segments captured by the route */
	struct store *store;          /* this thread's database connection, or NULL */
	struct timespec started;
	size_t body_bytes;            /* request body received so far */
	int status;                   /* as sent, for the access log */
	size_t sent_bytes;            /* response body length, for the access log */
};

struct response {
	int status;
	const char *content_type;  /* with charset for text */
	struct buf *body;          /* in the request's arena */
	const char *cache_control;
	const char *allow;         /* the Allow header of a 405 */
	const char *error_message; /* Chinese text for the error page, or NULL */
	const char *error_code;    /* English code for API errors, or NULL */
	bool close;                /* close the connection after this response */
};

/* A query-string argument, or NULL when absent. */
const char *request_query(const struct request *req, const char *name);

#endif
