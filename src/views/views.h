/* views: the HTML pages. Each view reads what it needs from the store and
 * appends a whole page to v->out; it returns the HTTP status for the page, and
 * on an error status it has rendered nothing (call view_error). Views know no
 * HTTP library: they get parsed values and give back HTML. */
#ifndef ZS_VIEWS_VIEWS_H
#define ZS_VIEWS_VIEWS_H

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
/* A complete error page; message (Chinese) may be NULL for the default. */
void view_error(struct view *v, int status, const char *message);

#endif
