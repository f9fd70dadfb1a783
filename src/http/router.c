/* router: the checks every route gets from the table, and dispatch. */
#include "http/router.h"

#include <string.h>

#include "http/handlers.h"
#include "util/html.h"
#include "util/utf8.h"

const char *router_pattern(size_t i)
{
	return i < routes_count ? routes[i].pattern : NULL;
}

const char *router_loggable_path(const char *path)
{
	/* An edit link's path is its key: whatever became of the request (a
	 * 404 for a trailing slash, a 413 before routing), log only its start. */
	static const char edit[] = "/enterprises/edit/";
	return strncmp(path, edit, sizeof(edit) - 1) ? path : "/enterprises/edit/…";
}

/* Matches path against pattern, capturing "{}" segments into req->params
 * (unless req is NULL). */
static bool route_match(const char *pattern, const char *path, struct request *req)
{
	size_t nparams = 0;
	while (*pattern && *path) {
		if (pattern[0] == '{' && pattern[1] == '}') {
			size_t seg = strcspn(path, "/");
			if (seg == 0 || nparams == ROUTE_MAX_PARAMS)
				return false;
			if (req)
				req->params[nparams] = arena_strndup(req->arena, path, seg);
			nparams++;
			path += seg;
			pattern += 2;
		} else if (*pattern++ != *path++) {
			return false;
		}
	}
	return *pattern == '\0' && *path == '\0';
}

int router_route_index(const char *path)
{
	for (size_t i = 0; i < routes_count; i++)
		if (route_match(routes[i].pattern, path, NULL))
			return (int)i;
	return -1;
}

static bool is_api(const struct request *req)
{
	return !strncmp(req->path, "/api/", 5);
}

/* The API any site's scripts may read (no cookies count there): all of it
 * but the staff's. Errors included, so a script can read their message. */
static bool public_api(const struct request *req)
{
	return is_api(req) && strncmp(req->path, "/api/v1/admin", 13);
}

/* Whether the route's access rule lets req through; else res says why. */
static bool allowed(const struct route *r, struct request *req, struct response *res)
{
	if (r->access == PUBLIC)
		return true;
	if (!req->session) {
		if (is_api(req)) {
			res->status = 401;
			res->error_code = "unauthorized";
			res->error_message = "需要登录。";
		} else {
			/* Back to this page after signing in (GET only: a form
			 * posted without a session cannot be replayed). */
			const char *next = req->method == HTTP_GET ? req->path : "/admin";
			struct buf *to = arena_buf(req->arena);
			buf_puts(to, "/admin/login?next=");
			url_escape(to, next, strlen(next));
			response_redirect(res, buf_cstr(to));
		}
		return false;
	}
	if (r->access == ADMIN && req->session->role != ROLE_ADMIN) {
		res->status = 403;
		res->error_code = "forbidden";
		res->error_message = "只有管理员可以使用此功能。";
		return false;
	}
	return true;
}

/* Whether the browser says the post came from one of our own pages, or
 * says nothing (older browsers, tools): not from another site. */
static bool not_cross_site(const struct request *req)
{
	const char *site = request_header(req, "Sec-Fetch-Site");
	return !site || !strcmp(site, "same-origin") || !strcmp(site, "none");
}

/* How route r's form is shown again after a wrong CSRF token, or NULL. */
static const struct route_reshow *reshow_of(const struct route *r)
{
	for (size_t i = 0; i < route_reshows_count; i++)
		if (route_reshows[i].handle == r->handle)
			return &route_reshows[i];
	return NULL;
}

/* Every POST: a well-formed form in valid UTF-8 carrying the right CSRF
 * token. Nothing is stored when any of this fails; a form the route can
 * show again (its reshow) is shown with what was sent. */
static bool form_ok(const struct route *r, struct request *req, struct response *res)
{
	if (!req->form) {
		res->status = 415;
		res->error_code = "unsupported_media_type";
		res->error_message = "请以表单格式（application/x-www-form-urlencoded 或 multipart/form-data）提交。";
		return false;
	}
	if (req->form->problem) {
		handler_reject(res, "malformed_form", req->form->problem);
		return false;
	}
	for (size_t i = 0; i < req->form->n; i++) {
		const struct buf *v = req->form->fields[i].value;
		if (!utf8_valid(v->data, v->len, NULL) || !utf8_valid(req->form->fields[i].name,
									strlen(req->form->fields[i].name), NULL)) {
			handler_reject(res, "invalid_encoding", "提交的内容含有无效的字符编码（应为 UTF-8）。");
			return false;
		}
	}
	if (request_form_count(req, "csrf_token") > 1) {
		handler_reject(res, "duplicate_field", "表单中有重复的字段。");
		return false;
	}
	if (!auth_csrf_ok(handler_expected_csrf(req), request_form(req, "csrf_token"))) {
		res->status = 403;
		res->error_code = "csrf_failed";
		res->error_message = "页面已过期或来源不明，提交未被接受。请返回上一页，刷新后重新提交（已填写的内容可先复制保存）。";
		const struct route_reshow *again = reshow_of(r);
		if (again && not_cross_site(req)) {
			again->reshow(req, res);
			/* Refused, whatever the page's own status — unless it could
			 * not be shown (a dead link's 404, a 503). */
			if (res->status < 404)
				res->status = 403;
		}
		return false;
	}
	return true;
}

void router_dispatch(struct request *req, struct response *res)
{
	res->status = 404;
	res->content_type = html_type;
	res->cache_control = "no-cache";
	if (!utf8_valid(req->path, strlen(req->path), NULL)) {
		res->status = 400;
		res->error_message = "请求地址含有无效的字符编码。";
	} else {
		const struct route *match = NULL;
		for (size_t i = 0; i < routes_count; i++) {
			const struct route *r = &routes[i];
			if (!route_match(r->pattern, req->path, req))
				continue;
			match = r;
			if (r->methods & (1u << req->method))
				break;
		}
		/* A preflight asks before conditional requests. */
		res->cors = public_api(req);
		if (match && req->method == HTTP_OPTIONS && res->cors) {
			res->status = 204;
			res->allow = match->allow;
			res->cache_control = NULL;
		} else if (match && !(match->methods & (1u << req->method))) {
			res->status = 405;
			res->allow = match->allow;
		} else if (match) {
			if (match->access != PUBLIC) {
				handler_load_session(req);
				res->cache_control = "no-store";
			}
			if (allowed(match, req, res) && (req->method != HTTP_POST || form_ok(match, req, res)))
				match->handle(req, res);
		}
	}
	if (res->status >= 400 && res->body->len == 0)
		router_error(req, res, res->status, res->error_code, res->error_message);
}

static const char *default_code(int status)
{
	switch (status) {
	case 400: return "bad_request";
	case 401: return "unauthorized";
	case 403: return "forbidden";
	case 404: return "not_found";
	case 405: return "method_not_allowed";
	case 413: return "payload_too_large";
	case 414: return "uri_too_long";
	case 415: return "unsupported_media_type";
	case 429: return "rate_limited";
	case 431: return "header_fields_too_large";
	case 503: return "unavailable";
	default: return "internal_error";
	}
}

void router_error(struct request *req, struct response *res, int status, const char *code, const char *message)
{
	struct view v = handler_view(req, res);
	res->status = status;
	res->cors = public_api(req);
	if (!res->cache_control || strcmp(res->cache_control, "no-store"))
		res->cache_control = "no-cache";
	if (is_api(req)) {
		res->content_type = json_type;
		view_error_json(&v, status, code ? code : default_code(status), message);
	} else {
		res->content_type = html_type;
		view_error(&v, status, message);
	}
}
