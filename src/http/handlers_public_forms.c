/* handlers_public_forms: the forms anyone may post — news submission and
 * signing in — and signing out. */
#include <string.h>

#include "content/submission.h"
#include "http/handlers.h"
#include "moderation/review.h"

void handle_submit_form(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	v.csrf_token = handler_form_token(req, res);
	res->status = view_submit_form(&v, NULL);
}

void handle_submit(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res) || !handler_rate_limit(req, res, "submit"))
		return;
	const char *raw[SUB__COUNT];
	if (!handler_form_fields(req, res, submission_fields, SUB__COUNT, raw))
		return;
	struct field_values values;
	if (fields_check(submission_fields, SUB__COUNT, raw, req->arena, &values)) {
		struct view v = handler_view(req, res);
		v.csrf_token = handler_form_token(req, res);
		res->status = view_submit_form(&v, &values);
		return;
	}
	char code[SUBMISSION_CODE_CHARS + 1];
	int64_t id;
	if (review_submit(req->store, &values, req->client_ip, req->now, code, &id) != STORE_OK) {
		res->status = 503;
		res->error_message = "投稿暂时无法保存，请稍后再试。";
		return;
	}
	/* Committed before this answer leaves: an acknowledged submission
	 * survives a crash of the server right after it. */
	response_redirect(res, arena_printf(req->arena, "/submit/status?code=%s&new=1", code));
}

void handle_submit_status(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	const char *fresh = request_query(req, "new");
	struct view v = handler_view(req, res);
	res->cache_control = "no-store"; /* the code is a private key to the submission */
	res->status = view_submit_status(&v, request_query(req, "code"), fresh && !strcmp(fresh, "1"));
}

/* Where to go after signing in: a staff page named by the login link, or
 * the queue. Anything else (another site, "//evil", "/\\evil", a path
 * with "/." that a browser would resolve out of /admin) is ignored. */
static const char *next_page(const char *next)
{
	if (!next || strncmp(next, "/admin", 6) || strstr(next, "//") || strchr(next, '\\') || strstr(next, "/.") ||
	    !strncmp(next, "/admin/login", 12))
		return "/admin/submissions";
	for (const char *p = next; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return "/admin/submissions";
	return next;
}

void handle_login_form(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	res->cache_control = "no-store";
	const char *next = request_query(req, "next");
	struct session signed_in;
	if (auth_session(req->store, request_cookie(req, session_cookie), req->now, req->arena, &signed_in) ==
	    STORE_OK) {
		response_redirect(res, next_page(next));
		return;
	}
	struct view v = handler_view(req, res);
	v.csrf_token = handler_form_token(req, res);
	res->status = view_login(&v, NULL, NULL, next_page(next));
}

void handle_login(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	res->cache_control = "no-store";
	const char *username = request_form(req, "username"), *password = request_form(req, "password");
	const char *next = next_page(request_form(req, "next"));
	struct login_attempt attempt = {
		.name = str_from(username),
		.password = str_from(password),
		.old_token = request_cookie(req, session_cookie),
		.address = req->client_key,
		.now = req->now,
	};
	char token[SESSION_TOKEN_CHARS + 1];
	int64_t retry_after = 0;
	const char *error = NULL;
	switch (auth_login(req->store, &attempt, token, &retry_after)) {
	case LOGIN_OK:
		response_set_cookie(req, res, session_cookie, token, SESSION_MAX_SECONDS);
		response_redirect(res, next);
		return;
	case LOGIN_REFUSED:
		res->status = 401;
		error = "用户名或密码错误。";
		break;
	case LOGIN_LOCKED:
		res->status = 429;
		res->retry_after = (long)retry_after;
		error = arena_printf(req->arena, "登录失败次数过多，已暂时锁定，请 %ld 分钟后再试。",
				     (long)(retry_after + 59) / 60);
		break;
	case LOGIN_ERROR:
		res->status = 503;
		return;
	}
	int status = res->status;
	struct view v = handler_view(req, res);
	v.csrf_token = handler_form_token(req, res);
	if (view_login(&v, username, error, next) != 200)
		status = 500;
	res->status = status;
}

void handle_logout(struct request *req, struct response *res)
{
	auth_logout(req->store, request_cookie(req, session_cookie));
	response_set_cookie(req, res, session_cookie, "", 0);
	response_redirect(res, "/admin/login");
}
