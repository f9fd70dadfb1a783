/* handlers: what the route handlers share (internal to http/). */
#ifndef ZS_HTTP_HANDLERS_H
#define ZS_HTTP_HANDLERS_H

#include "http/http.h"
#include "views/views.h"

extern const char html_type[];
extern const char json_type[];

/* The view for req's page, with the signed-in editor and their CSRF token. */
struct view handler_view(struct request *req, struct response *res);

/* Sets a 400 with an API code and a Chinese message. */
void handler_reject(struct response *res, const char *code, const char *message);

/* The page query argument: 1 when absent; 0 (and a 400) when malformed. */
long handler_page_arg(struct request *req, struct response *res);

/* False (and a 503) when the request has no database connection. */
bool handler_need_store(struct request *req, struct response *res);

/* The numeric id captured as route parameter i; 0 (and a 404) when it is
 * not the canonical form of a positive integer. */
int64_t handler_id_param(struct request *req, struct response *res, int i);

/* The CSRF token for forms on this page: the session's, or else one bound
 * to the visitor cookie, which is set now if the browser has none. */
const char *handler_form_token(struct request *req, struct response *res);

/* Counts a post of a public form from this client against the hourly
 * limit; false (and a 429 with Retry-After) when it is over. */
bool handler_rate_limit(struct request *req, struct response *res, const char *form);

/* Reads the form's fields for rules into raw (NULL when absent): the
 * values of a FIELD_CHOICES field joined by commas. False (and a 400)
 * when any other field was sent more than once. */
bool handler_form_fields(struct request *req, struct response *res, const struct field_rule *rules, size_t n,
			 const char *raw[]);

/* False (and a 400) when a search query q (may be NULL) is not valid
 * UTF-8 or too long; the search page, its API and the directory alike. */
bool handler_query_ok(struct request *req, struct response *res, const char *q);

/* The longest reason staff may give for a rejection. */
enum { REASON_MAX_CHARS = 500 };

/* The form's "reason", trimmed (in the request's arena), or NULL when it
 * is blank or longer than REASON_MAX_CHARS. */
const char *handler_reason(struct request *req);

/* Loads the signed-in editor's session into req->session, if any (staff
 * routes have it loaded by the router). */
void handler_load_session(struct request *req);

/* The name of the session cookie. */
extern const char session_cookie[];

#define HANDLER(name) void name(struct request *req, struct response *res)
HANDLER(handle_submit_form);
HANDLER(handle_submit);
HANDLER(handle_submit_status);
HANDLER(handle_login_form);
HANDLER(handle_login);
HANDLER(handle_logout);
HANDLER(handle_admin_home);
HANDLER(handle_admin_queue);
HANDLER(handle_admin_queue_json);
HANDLER(handle_admin_submission);
HANDLER(handle_admin_submission_edit);
HANDLER(handle_admin_approve);
HANDLER(handle_admin_reject);
HANDLER(handle_admin_audit);
HANDLER(handle_admin_users);
HANDLER(handle_admin_user_add);
HANDLER(handle_admin_user_disable);
HANDLER(handle_admin_user_enable);
HANDLER(handle_admin_words);
HANDLER(handle_admin_words_save);
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
HANDLER(handle_contact_form);
HANDLER(handle_contact);
HANDLER(handle_admin_messages);
HANDLER(handle_admin_message_handled);
HANDLER(handle_dashboard);
HANDLER(handle_api_stats);
HANDLER(handle_stats_csv);
HANDLER(handle_admin_article_tags);
HANDLER(handle_admin_article_tags_save);
#undef HANDLER

#endif
