/* views: the HTML pages. Each view reads what it needs from the store and
 * appends a whole page to v->out; it returns the HTTP status for the page, and
 * on an error status it has rendered nothing (call view_error). Views know no
 * HTTP library: they get parsed values and give back HTML. */
#ifndef ZS_VIEWS_VIEWS_H
#define ZS_VIEWS_VIEWS_H

#include <stdbool.h>
#include <stdint.h>

#include "content/fields.h"
#include "domain/auth.h"
#include "store/enterprises.h"
#include "store/stats.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/buf.h"

struct view {
	struct store *store;
	struct arena *arena; /* everything built for the page lives here */
	struct buf *out;     /* the page is appended here */
	const char *csrf_token;         /* for the page's forms, or NULL */
	const struct session *session;  /* the signed-in editor, or NULL */
};

/* Compiles the templates and keeps the site's public address (for absolute
 * links: "https://host", no trailing slash); call once before any view.
 * -1 with a message in err. */
int views_init(const char *base_url, struct buf *err) __attribute__((warn_unused_result));
void views_shutdown(void);

/* page is 1-based; out-of-range pages give 404. */
int view_home(struct view *v, long page);
int view_article(struct view *v, int64_t id);
int view_district(struct view *v, const char *slug, long page);
/* An industry's channel (/industries/{slug}): 404 for an unknown slug. */
int view_industry(struct view *v, const char *slug, long page);
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

/* The news-submission form (/submit): empty when values is NULL, else
 * with what was typed and a message by each wrong field (400). */
int view_submit_form(struct view *v, const struct field_values *values);
/* A submission's status by tracking code as typed (NULL or "": the
 * look-up form); fresh marks the page shown right after sending. */
int view_submit_status(struct view *v, const char *code, bool fresh);

/* The sign-in page; error (Chinese) when the last attempt failed; next is
 * where to go after signing in. */
int view_login(struct view *v, const char *username, const char *error, const char *next);

/* Staff pages (v->session set). notice is a fixed Chinese sentence about
 * the action just done, or NULL. */
int view_admin_queue(struct view *v, enum review_status status, long page, const char *notice);
int view_admin_queue_json(struct view *v, enum review_status status, long page);
/* One submission with its checks, edit form and decisions; edit holds an
 * editor's rejected changes to show again (400), or NULL. */
int view_admin_submission(struct view *v, int64_t id, const struct field_values *edit, const char *error,
			  const char *notice);
int view_admin_audit(struct view *v, long page);
/* Account management (admins): error about the add form, values typed. */
int view_admin_users(struct view *v, const char *error, const char *name_typed, const char *notice);
int view_admin_banned_words(struct view *v, const char *notice);

/* The enterprise registration form (/enterprises/join): empty when values
 * is NULL, else what was typed with messages (400). */
int view_enterprise_join(struct view *v, const struct field_values *values);
/* The enterprise's own page behind its private edit link: its status and
 * the form, filled from e or from values typed (400 when wrong). fresh
 * marks the page shown right after registering. */
int view_enterprise_edit(struct view *v, const char *token, const struct enterprise *e,
			 const struct field_values *values, const char *notice, bool fresh);

/* A directory query, already validated. */
struct directory_request {
	const char *q;                            /* as typed, or NULL */
	const char *district, *industry, *seeking; /* filters, or NULL */
	long page;
};
int view_enterprises(struct view *v, const struct directory_request *r);
int view_enterprises_json(struct view *v, const struct directory_request *r);
/* One approved enterprise with the news near it; its contact only for staff. */
int view_enterprise(struct view *v, int64_t id);

int view_admin_enterprises(struct view *v, enum review_status status, long page, const char *notice);
int view_admin_enterprise(struct view *v, int64_t id, const char *error, const char *notice);
/* The approved directory as CSV (UTF-8 with a BOM, for Excel), contacts included. */
int view_admin_enterprises_csv(struct view *v);

/* The contact form; sent shows the thanks instead. */
int view_contact(struct view *v, const struct field_values *values, bool sent);
int view_admin_messages(struct view *v, bool handled, long page, const char *notice);

/* The data monitor, and its figures as JSON (/api/v1/stats), for the
 * articles in f's date range and industry. */
int view_dashboard(struct view *v, const struct stats_filter *f);
int view_stats_json(struct view *v, const struct stats_filter *f);
/* One table of the figures as CSV: table "districts", "industries" or
 * "months" (404 for any other). */
int view_stats_csv(struct view *v, const struct stats_filter *f, const char *table);

/* An editor's form to correct an article's districts and industries. */
int view_admin_article_tags(struct view *v, int64_t id, const char *error);

/* Articles as JSON: one (404 when there is none) or a page of them,
 * newest first, with a link to the next page. */
int view_article_json(struct view *v, int64_t id);
int view_articles_json(struct view *v, long page);

/* Atom feeds of the newest articles: the whole site's, a district's or an
 * industry's (slug; 404 when unknown). changed_at dates an empty feed. */
enum feed_kind { FEED_SITE, FEED_DISTRICT, FEED_INDUSTRY };
int view_feed(struct view *v, enum feed_kind kind, const char *slug, int64_t changed_at);
/* /sitemap.xml (part 0): every public page, or past per_file URLs an index
 * of /sitemaps/N.xml (part N; 404 past the last, or without an index). */
int view_sitemap(struct view *v, long part, long per_file);
void view_robots(struct view *v);

/* A complete error page; message (Chinese) may be NULL for the default. */
void view_error(struct view *v, int status, const char *message);
/* The JSON error object for the API: code is a stable English word;
 * message (Chinese) NULL for the status's own. */
void view_error_json(struct view *v, int status, const char *code, const char *message);

#endif
