/* handlers: every route's handler, by family, and what they share. A
 * handler parses (its query through a table of http/params.h, its form
 * through content/fields.h), calls one domain function (src/domain/) when
 * it changes anything, and renders (src/views/). The router has already
 * checked who may call it and, for a POST, the form and its CSRF token.
 * Internal to http/. */
#ifndef ZS_HTTP_HANDLERS_H
#define ZS_HTTP_HANDLERS_H

#include "content/fields.h"
#include "domain/domain.h"
#include "http/http.h"
#include "views/views.h"

extern const char html_type[];
extern const char json_type[];

/* The name of the session cookie. */
extern const char session_cookie[];

/* Keeps the limit of public-form posts per client per hour and the number
 * of URLs in a sitemap file, and loads the secret for visitors' CSRF
 * tokens from the database. -1 when it cannot be read. */
int handlers_init(struct store *s, long posts_per_hour, long urls_per_sitemap) __attribute__((warn_unused_result));
long handler_sitemap_urls(void);

/* Marks res as an Atom feed: its type, and public for five minutes (feed
 * readers poll; the ETag answers them in between). */
void handler_atom(struct response *res);

/* The view for req's page, with the signed-in editor and their CSRF token. */
struct view handler_view(struct request *req, struct response *res);
/* The same for a page with a form: its token is the session's, or else
 * one bound to the visitor cookie (set now if the browser has none); the
 * page is no-store, since it carries the visitor's own token. */
struct view handler_form_view(struct request *req, struct response *res);

/* The CSRF token a POST from req must carry: the session's, or the one
 * of its visitor cookie; NULL when it has neither. */
const char *handler_expected_csrf(struct request *req);

/* Sets a 400 with an API code and a Chinese message. */
void handler_reject(struct response *res, const char *code, const char *message);

/* False (and a 503) when the request has no database connection. */
bool handler_need_store(struct request *req, struct response *res);

/* The status for a store failure: 404 for STORE_NOT_FOUND, else 503. */
int handler_failure_status(enum store_rc rc);

/* The numeric id captured as route parameter i; 0 (and a 404) when it is
 * not the canonical form of a positive integer. */
int64_t handler_id_param(struct request *req, struct response *res, int i);

/* Counts a post of a public form from this client against the hourly
 * limit; false (and a 429 with Retry-After) when it is over. */
bool handler_rate_limit(struct request *req, struct response *res, const char *form);

/* Reads the form's fields for rules into raw (NULL when absent): the
 * values of a multiple field (field_is_multiple) joined by commas. False (and a 400)
 * when any other field was sent more than once. */
bool handler_form_fields(struct request *req, struct response *res, const struct field_rule *rules, size_t n,
			 const char *raw[]);

/* The decision form's values (content/decision.h): the reason for a
 * rejection is NULL when it is blank or wrong (too long, control
 * characters). False (and a 400) when a field came twice. */
bool handler_decision(struct request *req, struct response *res, const char **reason, const char **revision);

/* What a form shown again after a wrong CSRF token says (the routes'
 * reshow, http/router.h): above what was typed; after a staff decision,
 * which was not made; on the login form, which never shows the password. */
extern const char handler_expired_form[];
extern const char handler_expired_action[];
extern const char handler_expired_login[];

/* Loads the signed-in editor's session into req->session, if any (staff
 * routes have it loaded by the router). */
void handler_load_session(struct request *req);

/* The signed-in staff member as the domain layer names who acts (in the
 * request's arena). */
const struct actor *handler_actor(struct request *req);

#define HANDLER(name) void name(struct request *req, struct response *res)
/* articles (handlers_articles.c) */
HANDLER(handle_home);
HANDLER(handle_article);
HANDLER(handle_districts);
HANDLER(handle_district);
HANDLER(handle_industries);
HANDLER(handle_industry);
/* search (handlers_search.c) */
HANDLER(handle_search);
HANDLER(handle_search_feed);
HANDLER(handle_admin_search_report);
HANDLER(handle_admin_search_report_csv);
HANDLER(handle_api_search);
/* submissions (handlers_submissions.c) */
HANDLER(handle_submit_form);
HANDLER(handle_submit);
HANDLER(handle_submit_status);
HANDLER(handle_admin_queue);
HANDLER(handle_admin_queue_json);
HANDLER(handle_admin_submission);
HANDLER(handle_admin_submission_edit);
HANDLER(handle_admin_approve);
HANDLER(handle_admin_reject);
HANDLER(reshow_submit);
HANDLER(reshow_admin_submission_edit);
HANDLER(reshow_admin_submission_decision);
/* enterprises (handlers_enterprises.c) */
HANDLER(handle_enterprise_join_form);
HANDLER(handle_enterprise_join);
HANDLER(handle_enterprise_edit_form);
HANDLER(handle_enterprise_edit);
HANDLER(handle_enterprise_edit_rotate);
HANDLER(handle_enterprises);
HANDLER(handle_api_enterprises);
HANDLER(handle_enterprise);
HANDLER(handle_admin_enterprises);
HANDLER(handle_admin_enterprise);
HANDLER(handle_admin_enterprise_approve);
HANDLER(handle_admin_enterprise_reject);
HANDLER(handle_admin_enterprises_csv);
HANDLER(reshow_enterprise_join);
HANDLER(reshow_enterprise_edit);
HANDLER(reshow_enterprise_edit_rotate);
HANDLER(reshow_admin_enterprise_decision);
/* contact (handlers_contact.c) */
HANDLER(handle_contact_form);
HANDLER(handle_contact);
HANDLER(handle_admin_messages);
HANDLER(handle_admin_message_handled);
HANDLER(reshow_contact);
/* admin: signing in, accounts, banned words, the audit log, tags (handlers_admin.c) */
HANDLER(handle_login_form);
HANDLER(handle_login);
HANDLER(reshow_login);
HANDLER(handle_logout);
HANDLER(handle_admin_home);
HANDLER(handle_admin_audit);
HANDLER(handle_admin_users);
HANDLER(handle_admin_user_add);
HANDLER(handle_admin_user_disable);
HANDLER(handle_admin_user_enable);
HANDLER(handle_admin_words);
HANDLER(handle_admin_words_save);
HANDLER(handle_admin_article_tags);
HANDLER(handle_admin_article_tags_save);
/* the data monitor (handlers_dashboard.c) */
HANDLER(handle_dashboard);
HANDLER(handle_api_stats);
HANDLER(handle_stats_csv);
/* feeds, sitemaps, robots.txt (handlers_feeds.c) */
HANDLER(handle_feed);
HANDLER(handle_district_feed);
HANDLER(handle_industry_feed);
HANDLER(handle_sitemap);
HANDLER(handle_sitemap_part);
HANDLER(handle_robots);
/* the articles API and its document (handlers_api.c) */
HANDLER(handle_api_articles);
HANDLER(handle_api_article);
HANDLER(handle_openapi);
/* health, metrics, static files (handlers_system.c) */
HANDLER(handle_healthz);
HANDLER(handle_metrics);
HANDLER(handle_static);
#undef HANDLER

#endif
