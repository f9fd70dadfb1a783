/* http: the request and response as handlers see them, independent of the
 * HTTP library underneath. */
#ifndef ZS_HTTP_HTTP_H
#define ZS_HTTP_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "domain/auth.h"
#include "http/encoding.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/buf.h"

enum http_method { HTTP_GET, HTTP_HEAD, HTTP_POST, HTTP_OPTIONS, HTTP_OTHER };

enum {
	ROUTE_MAX_PARAMS = 2,
	FORM_MAX_FIELDS = 32, /* more in one body is not a form of ours: 400 */
	RESPONSE_MAX_COOKIES = 2,
};

/* A POSTed form body (urlencoded or multipart), parsed as it arrives. */
struct form_field {
	const char *name;
	struct buf *value; /* in the request's arena */
};

struct form {
	struct form_field fields[FORM_MAX_FIELDS];
	size_t n;
	const char *problem; /* why the body is not a well-formed form, or NULL */
};

/* What a response is besides itself, for the counts made once it is sent
 * (server.c): a search for the search report (http/searches.h) that found
 * something or nothing. The response cache keeps it with a response, so a
 * search answered from memory counts as well. */
enum response_tally { TALLY_NONE, TALLY_SEARCH_FOUND, TALLY_SEARCH_FOUND_NOTHING };

struct request {
	struct arena *arena;          /* freed when the response has been sent */
	void *conn;                   /* the library's connection (opaque here) */
	enum http_method method;
	const char *method_name;
	const char *path;             /* percent-decoded path, without the query */
	const char *params[ROUTE_MAX_PARAMS]; /* URL segments captured by the route */
	struct store *store;          /* this thread's database connection, or NULL */
	struct form *form;            /* a POST's form fields, or NULL when it sent none */
	void *form_parser;            /* the library's parser while the body comes in */
	const char *client_ip;        /* the client's address (http/address.h) */
	const char *peer_ip;          /* the connection's other end: the client, or a proxy */
	bool via_proxy;               /* the peer is the trusted reverse proxy */
	const char *client_key;       /* what rate limits count it by */
	bool https;                   /* reached over TLS (X-Forwarded-Proto: https) */
	int64_t now;                  /* wall-clock seconds when the request came */
	struct session *session;      /* the signed-in editor, or NULL */
	enum encoding accepts;        /* the coding Accept-Encoding prefers */
	const char *cache_key;        /* the path and query, as the cache knows the response */
	int64_t content_version;      /* store_content_version() for GET and HEAD; 0 unknown */
	int64_t content_changed_at;
	struct timespec started;
	size_t body_bytes;            /* request body received so far */
	int status;                   /* as sent, for the access log */
	size_t sent_bytes;            /* response body length, for the access log */
	enum response_tally tally;    /* the response's, as sent */
};

struct response {
	int status;
	const char *content_type;  /* with charset for text */
	struct buf *body;          /* in the request's arena */
	const char *cache_control;
	const char *allow;         /* the Allow header of a 405 */
	const char *location;      /* the Location of a redirect */
	const char *content_disposition; /* for downloads, or NULL */
	long retry_after;          /* seconds, for a 429 or 503; 0 for none */
	const char *set_cookie[RESPONSE_MAX_COOKIES]; /* Set-Cookie values */
	const char *error_message; /* Chinese text for the error page, or NULL */
	const char *error_code;    /* English code for API errors, or NULL */
	const char *etag;          /* the validator of a reusable response (http/cache.h) */
	int64_t last_modified;     /* unix seconds; 0 for none */
	enum encoding encoding;    /* the body's content coding */
	bool vary_encoding;        /* the body depends on Accept-Encoding */
	bool cors;                 /* readable by scripts of any origin (the public API) */
	bool close;                /* close the connection after this response */
	enum response_tally tally; /* what to count it as once sent; TALLY_NONE for most */
};

/* A query-string argument, or NULL when absent. */
const char *request_query(const struct request *req, const char *name);

/* A field of the POSTed form (its first value), or NULL when absent. */
const char *request_form(const struct request *req, const char *name);
/* How many times a field was sent. */
size_t request_form_count(const struct request *req, const char *name);
/* Every value of a field joined by commas (checkboxes), or NULL. */
const char *request_form_joined(const struct request *req, const char *name);

/* A cookie the client sent, or NULL. Over TLS the cookie is the one named
 * with the __Host- prefix (see response_set_cookie). */
const char *request_cookie(const struct request *req, const char *name);

/* A request header, or NULL. */
const char *request_header(const struct request *req, const char *name);

/* Adds a Set-Cookie header: HttpOnly, SameSite=Lax, Path=/, and when the
 * request came over TLS, Secure and the name prefixed with __Host-. max_age
 * 0 deletes the cookie. */
void response_set_cookie(struct request *req, struct response *res, const char *name, const char *value,
			 long max_age);

/* A 303 See Other to location (a path on this site). */
void response_redirect(struct response *res, const char *location);

#endif
