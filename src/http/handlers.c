/* handlers: the helpers every handler family uses. */
#include "http/handlers.h"

#include <stdint.h>
#include <string.h>

#include "content/decision.h"
#include "domain/rate_limit.h"
#include "util/str.h"
#include "util/utf8.h"

const char html_type[] = "text/html; charset=utf-8";
const char json_type[] = "application/json; charset=utf-8";
const char session_cookie[] = "zs_session";
static const char visitor_cookie[] = "zs_visitor";
enum { VISITOR_COOKIE_SECONDS = 30 * 24 * 3600 };

/* Set once by handlers_init, then only read. */
static unsigned char form_key[32];
static long form_rate;
static long sitemap_urls;

int handlers_init(struct store *s, long posts_per_hour, long urls_per_sitemap)
{
	form_rate = posts_per_hour;
	sitemap_urls = urls_per_sitemap;
	return auth_form_key_load(s, form_key) == STORE_OK ? 0 : -1;
}

long handler_sitemap_urls(void)
{
	return sitemap_urls;
}

struct view handler_view(struct request *req, struct response *res)
{
	return (struct view){ .store = req->store,
			      .arena = req->arena,
			      .out = res->body,
			      .path = req->path,
			      .session = req->session,
			      .csrf_token = req->session ? req->session->csrf_token : NULL };
}

/* The visitor's CSRF token, or NULL when the browser sent no valid id. */
static const char *visitor_token(struct request *req, const char *visitor)
{
	char *token = arena_alloc(req->arena, CSRF_TOKEN_CHARS + 1);
	return auth_visitor_csrf(form_key, visitor, token) ? token : NULL;
}

const char *handler_expected_csrf(struct request *req)
{
	return req->session ? req->session->csrf_token : visitor_token(req, request_cookie(req, visitor_cookie));
}

struct view handler_form_view(struct request *req, struct response *res)
{
	struct view v = handler_view(req, res);
	res->cache_control = "no-store"; /* the page carries this visitor's token */
	if (req->session)
		return v;
	v.csrf_token = visitor_token(req, request_cookie(req, visitor_cookie));
	if (v.csrf_token)
		return v;
	char *visitor = arena_alloc(req->arena, RANDOM_TOKEN_CHARS + 1);
	auth_random_token(visitor);
	response_set_cookie(req, res, visitor_cookie, visitor, VISITOR_COOKIE_SECONDS);
	v.csrf_token = visitor_token(req, visitor);
	return v;
}

const char handler_expired_form[] = "页面已过期（打开太久，或浏览器清除了本站的 Cookie），这次提交没有被接受，什么也没有保存。"
				     "您填写的内容都在下面，请核对后再提交一次。";
const char handler_expired_action[] = "页面已过期（打开太久，或您在别处重新登录过），刚才的操作没有执行。"
				       "请核对下面的最新内容后再操作一次。";
const char handler_expired_login[] = "页面已过期，这次登录没有被接受。请再输入一次密码登录。";

void handler_reject(struct response *res, const char *code, const char *message)
{
	res->status = 400;
	res->error_code = code;
	res->error_message = message;
}

bool handler_need_store(struct request *req, struct response *res)
{
	if (req->store)
		return true;
	res->status = 503;
	return false;
}

int handler_failure_status(enum store_rc rc)
{
	return rc == STORE_NOT_FOUND ? 404 : 503;
}

int64_t handler_id_param(struct request *req, struct response *res, int i)
{
	long id;
	/* One URL per thing: "/articles/007" is not "/articles/7". */
	if (req->params[i][0] == '0' || !str_to_long(str_from(req->params[i]), 1, INT64_MAX, &id)) {
		res->status = 404;
		return 0;
	}
	return id;
}

bool handler_rate_limit(struct request *req, struct response *res, const char *form)
{
	bool allowed;
	long retry_after;
	if (rate_limit_post(req->store, form, req->client_key, form_rate, req->now, &allowed, &retry_after) != STORE_OK) {
		res->status = 503;
		return false;
	}
	if (allowed)
		return true;
	res->status = 429;
	res->retry_after = retry_after;
	res->error_code = "rate_limited";
	res->error_message = arena_printf(req->arena, "提交过于频繁：每小时最多 %ld 次，请 %ld 分钟后再试。", form_rate,
					  (retry_after + 59) / 60);
	return false;
}

bool handler_form_fields(struct request *req, struct response *res, const struct field_rule *rules, size_t n,
			 const char *raw[])
{
	for (size_t i = 0; i < n; i++) {
		if (field_is_multiple(rules[i].kind)) {
			raw[i] = request_form_joined(req, rules[i].name);
			continue;
		}
		if (request_form_count(req, rules[i].name) > 1) {
			handler_reject(res, "duplicate_field", "表单中有重复的字段。");
			return false;
		}
		raw[i] = request_form(req, rules[i].name);
	}
	return true;
}

bool handler_decision(struct request *req, struct response *res, const char **reason, const char **revision)
{
	const char *raw[DECISION__COUNT];
	struct field_values values;
	if (!handler_form_fields(req, res, decision_fields, DECISION__COUNT, raw))
		return false;
	fields_check(decision_fields, DECISION__COUNT, raw, req->arena, &values);
	*reason = values.error[DECISION_REASON] ? NULL : values.value[DECISION_REASON];
	*revision = values.error[DECISION_REVISION] ? NULL : values.value[DECISION_REVISION];
	return true;
}

/* Staff routes get the session loaded by the router. Public routes, the
 * login form among them, do not (their forms carry the visitor's token
 * whoever is signed in), except a page that shows staff more and asks. */
void handler_load_session(struct request *req)
{
	struct session *session = ARENA_NEW(req->arena, struct session);
	if (req->store && auth_session(req->store, request_cookie(req, session_cookie), req->now, req->arena,
				       session) == STORE_OK)
		req->session = session;
}

const struct actor *handler_actor(struct request *req)
{
	struct actor *who = ARENA_NEW(req->arena, struct actor);
	*who = (struct actor){ req->session->user_id, req->session->user_name };
	return who;
}
