/* client: a browser-like HTTP client for tests — it keeps cookies, finds
 * CSRF tokens in pages, and posts forms the way a browser encodes them. */
#ifndef ZS_TESTS_CLIENT_H
#define ZS_TESTS_CLIENT_H

#include <stdbool.h>

#include "harness.h"

enum { CLIENT_MAX_COOKIES = 8 };

struct client {
	int port;
	char *cookies[CLIENT_MAX_COOKIES]; /* "name=value" */
	const char *extra_headers;         /* sent with every request, "" or lines ending \r\n */
	char *html_problem;                /* the first malformed HTML page seen, or NULL */
};

void client_init(struct client *c, int port);
void client_free(struct client *c);

/* GET path, sending the cookies and keeping the ones the reply sets. */
void client_get(struct client *c, const char *path, struct http_reply *r);
/* POSTs fields — NULL-terminated name, value pairs — url-encoded. */
void client_post(struct client *c, const char *path, const char *const *fields, struct http_reply *r);
/* POSTs fields as multipart/form-data, as a form with that enctype does. */
void client_post_multipart(struct client *c, const char *path, const char *const *fields, struct http_reply *r);
/* POSTs a body as given, with its Content-Type. */
void client_post_body(struct client *c, const char *path, const char *content_type, const char *body, size_t len,
		      struct http_reply *r);

/* The first csrf_token hidden field's value in html, or NULL (caller frees). */
char *csrf_in(const char *html);
/* GETs path and returns the CSRF token of its form (caller frees). */
char *client_form_token(struct client *c, const char *path);
/* Signs in through the login form; true when the server answered 303. */
bool client_login(struct client *c, const char *name, const char *password);

/* Drops every cookie, as a browser does when they expire or are cleared. */
void client_forget_cookies(struct client *c);

/* The value of cookie name as the client holds it, or NULL. */
const char *client_cookie(const struct client *c, const char *name);
/* Every Set-Cookie line of a reply, joined by "\n" (caller frees). */
char *set_cookies(const struct http_reply *r);

/* Percent-encodes s for a form body (caller frees). */
char *form_escape(const char *s);

#endif
