/* views: the pages, one header per family (views/articles.h,
 * views/submissions.h …); this one is what they all share. Each view reads
 * what it needs from the store and appends a whole page to v->out; it
 * returns the HTTP status for the page, and on an error status it has
 * rendered nothing (call view_error). Views know no HTTP library: they get
 * parsed values and give back HTML, XML or JSON. */
#ifndef ZS_VIEWS_VIEWS_H
#define ZS_VIEWS_VIEWS_H

#include <stdbool.h>
#include <stdint.h>

#include "domain/auth.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/buf.h"

struct view {
	struct store *store;
	struct arena *arena; /* everything built for the page lives here */
	struct buf *out;     /* the page is appended here */
	const char *path;               /* the page's own path: which section it is in */
	const char *csrf_token;         /* for the page's forms, or NULL */
	const struct session *session;  /* the signed-in editor, or NULL */
};

/* Who runs the site, as every page's footer and the contact page show it;
 * an empty string (or NULL) is not shown. */
struct site_info {
	const char *org_name; /* 主办单位 */
	const char *address, *phone, *email, *hours;
};

/* Compiles the templates and keeps the site's public address (for absolute
 * links: "https://host", no trailing slash) and site (copied); call once
 * before any view. -1 with a message in err. */
int views_init(const char *base_url, const struct site_info *site, struct buf *err)
	__attribute__((warn_unused_result));
void views_shutdown(void);

/* A complete error page; message (Chinese) may be NULL for the default. */
void view_error(struct view *v, int status, const char *message);
/* The JSON error object for the API: code is a stable English word;
 * message (Chinese) NULL for the status's own. */
void view_error_json(struct view *v, int status, const char *code, const char *message);

#endif
