/* handlers_admin: signing in and out, and the staff pages that are not one
 * family's queue — accounts, banned words, the audit log, and correcting an
 * article's tags. */
#include <inttypes.h>
#include <string.h>

#include "domain/accounts.h"
#include "domain/articles.h"
#include "domain/banned_words.h"
#include "http/handlers.h"
#include "http/params.h"
#include "views/admin.h"

/* What the page after a change says; ?done= names it (never echoed). */
enum { DONE_ADDED, DONE_DISABLED, DONE_ENABLED, DONE_SAVED, DONE__COUNT };
static const char *const done_names[DONE__COUNT] = { "added", "disabled", "enabled", "saved" };
static const char *const done_notices[DONE__COUNT] = {
	"账号已添加。",
	"账号已停用，其登录状态已全部失效。",
	"账号已启用。",
	"敏感词已保存，所有投稿将按新词表检查。",
};
static const struct param_rule done_params[] = { PARAM_NOTICE_RULE(done_names, done_notices) };

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

static const struct param_rule login_params[] = { { .name = "next", .kind = PARAM_TEXT } };

void handle_login_form(struct request *req, struct response *res)
{
	struct param_values p;
	if (!params_read(req, res, login_params, 1, &p) || !handler_need_store(req, res))
		return;
	res->cache_control = "no-store";
	struct session signed_in;
	if (auth_session(req->store, request_cookie(req, session_cookie), req->now, req->arena, &signed_in) ==
	    STORE_OK) {
		response_redirect(res, next_page(p.text[0]));
		return;
	}
	struct view v = handler_form_view(req, res);
	res->status = view_login(&v, NULL, NULL, next_page(p.text[0]));
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
	struct view v = handler_form_view(req, res);
	if (view_login(&v, username, error, next) != 200)
		status = 500;
	res->status = status;
}

/* The login form again after a wrong CSRF token, with the name typed but
 * never the password; no attempt is made or counted. */
void reshow_login(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	struct view v = handler_form_view(req, res);
	res->status = view_login(&v, request_form(req, "username"), handler_expired_login,
				 next_page(request_form(req, "next")));
}

void handle_logout(struct request *req, struct response *res)
{
	auth_logout(req->store, request_cookie(req, session_cookie));
	response_set_cookie(req, res, session_cookie, "", 0);
	response_redirect(res, "/admin/login");
}

void handle_admin_home(struct request *req, struct response *res)
{
	(void)req;
	response_redirect(res, "/admin/submissions");
}

static const struct param_rule audit_params[] = { PARAM_PAGE_RULE };

void handle_admin_audit(struct request *req, struct response *res)
{
	struct param_values p;
	if (!params_read(req, res, audit_params, 1, &p) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_admin_audit(&v, p.number[0]);
}

void handle_admin_users(struct request *req, struct response *res)
{
	struct param_values p;
	if (!params_read(req, res, done_params, 1, &p) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_admin_users(&v, NULL, NULL, p.text[0]);
}

void handle_admin_user_add(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	const char *name = request_form(req, "username"), *role_name = request_form(req, "role");
	struct buf *err = arena_buf(req->arena);
	enum role role = role_name ? auth_role_from_name(role_name) : ROLE_EDITOR;
	if (role == ROLE__MAX) {
		buf_puts(err, "角色应为编辑或管理员");
	} else {
		enum store_rc rc = accounts_create(req->store, str_from(name), role, str_from(request_form(req, "password")),
						   handler_actor(req), req->now, err);
		if (rc == STORE_OK) {
			response_redirect(res, "/admin/users?done=added");
			return;
		}
		if (rc == STORE_ERROR) {
			res->status = 503;
			return;
		}
	}
	struct view v = handler_view(req, res);
	res->status = view_admin_users(&v, arena_printf(req->arena, "%s。", err->len ? buf_cstr(err) : "保存失败"), name,
				       NULL);
}

static void set_disabled(struct request *req, struct response *res, bool disabled)
{
	if (!handler_need_store(req, res))
		return;
	const char *name = req->params[0];
	if (!strcmp(name, req->session->user_name)) {
		struct view v = handler_view(req, res);
		int status = view_admin_users(&v, "不能停用自己的账号。", NULL, NULL);
		res->status = status == 400 ? 409 : status;
		return;
	}
	enum store_rc rc = accounts_set_disabled(req->store, name, disabled, handler_actor(req), req->now);
	if (rc == STORE_OK)
		response_redirect(res, disabled ? "/admin/users?done=disabled" : "/admin/users?done=enabled");
	else
		res->status = handler_failure_status(rc);
}

void handle_admin_user_disable(struct request *req, struct response *res)
{
	set_disabled(req, res, true);
}

void handle_admin_user_enable(struct request *req, struct response *res)
{
	set_disabled(req, res, false);
}

void handle_admin_words(struct request *req, struct response *res)
{
	struct param_values p;
	if (!params_read(req, res, done_params, 1, &p) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_admin_banned_words(&v, p.text[0]);
}

void handle_admin_words_save(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	const char **words;
	size_t n;
	if (!banned_words_parse(request_form(req, "words"), req->arena, &words, &n)) {
		handler_reject(res, "too_many_words",
			       arena_printf(req->arena, "敏感词最多 %d 个，每个不超过 %d 字。", BANNED_WORDS_MAX,
					    BANNED_WORD_MAX_CHARS));
		return;
	}
	if (banned_words_save(req->store, words, n, handler_actor(req), req->now) != STORE_OK) {
		res->status = 503;
		return;
	}
	response_redirect(res, "/admin/banned-words?done=saved");
}

void handle_admin_article_tags(struct request *req, struct response *res)
{
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_admin_article_tags(&v, id, NULL);
}

void handle_admin_article_tags_save(struct request *req, struct response *res)
{
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !handler_need_store(req, res))
		return;
	const char *raw[TAGS__COUNT];
	if (!handler_form_fields(req, res, article_tag_fields, TAGS__COUNT, raw))
		return;
	struct field_values values;
	if (fields_check(article_tag_fields, TAGS__COUNT, raw, req->arena, &values)) {
		struct view v = handler_view(req, res);
		int status = view_admin_article_tags(
			&v, id,
			arena_printf(req->arena, "请从列表中选择区和行业（行业最多 %d 个）。", ARTICLE_MAX_INDUSTRIES));
		res->status = status == 200 ? 400 : status;
		return;
	}
	struct tag_choice c = article_tags_choice(&values, req->arena);
	enum store_rc rc = articles_correct_tags(req->store, id, &c, handler_actor(req), req->now);
	if (rc == STORE_OK)
		response_redirect(res, arena_printf(req->arena, "/articles/%" PRId64, id));
	else
		res->status = handler_failure_status(rc);
}
