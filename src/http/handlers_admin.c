/* handlers_admin: the staff pages. The router has checked the session,
 * the role, and for POSTs the form and its CSRF token. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "content/district.h"
#include "content/industry.h"
#include "content/submission.h"
#include "http/handlers.h"
#include "moderation/review.h"
#include "store/accounts.h"
#include "store/articles.h"
#include "store/audit.h"
#include "store/banned_words.h"
#include "util/utf8.h"

enum { BANNED_WORDS_MAX = 1000, BANNED_WORD_MAX_CHARS = 50 };

/* The notice for ?done=…, from a fixed list: the page never echoes text
 * from the URL. */
static const char *done_notice(struct request *req)
{
	static const struct {
		const char *done, *notice;
	} notices[] = {
		{ "approved", "已发布：文章已出现在首页、所属区频道和搜索中。" },
		{ "rejected", "已退回，投稿人可用查询码看到原因。" },
		{ "edited", "修改已保存。" },
		{ "added", "账号已添加。" },
		{ "disabled", "账号已停用，其登录状态已全部失效。" },
		{ "enabled", "账号已启用。" },
		{ "saved", "敏感词已保存，所有投稿将按新词表检查。" },
	};
	const char *done = request_query(req, "done");
	for (size_t i = 0; done && i < sizeof(notices) / sizeof(notices[0]); i++)
		if (!strcmp(done, notices[i].done))
			return notices[i].notice;
	return NULL;
}

void handle_admin_home(struct request *req, struct response *res)
{
	(void)req;
	response_redirect(res, "/admin/submissions");
}

/* The status filter of the queue: pending when absent; REVIEW__MAX (and
 * a 400) when not a status. */
static enum review_status status_arg(struct request *req, struct response *res)
{
	const char *name = request_query(req, "status");
	enum review_status status = name && *name ? review_status_from_name(name) : REVIEW_PENDING;
	if (status == REVIEW__MAX)
		handler_reject(res, "invalid_status", "状态应为 pending、approved 或 rejected。");
	return status;
}

void handle_admin_queue(struct request *req, struct response *res)
{
	enum review_status status = status_arg(req, res);
	long page = status != REVIEW__MAX ? handler_page_arg(req, res) : 0;
	if (!page || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_admin_queue(&v, status, page, done_notice(req));
}

void handle_admin_queue_json(struct request *req, struct response *res)
{
	enum review_status status = status_arg(req, res);
	long page = status != REVIEW__MAX ? handler_page_arg(req, res) : 0;
	if (!page || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->content_type = json_type;
	res->status = view_admin_queue_json(&v, status, page);
	if (res->status == 404) {
		res->error_code = "page_out_of_range";
		res->error_message = "页码超出了范围。";
	}
}

void handle_admin_submission(struct request *req, struct response *res)
{
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_admin_submission(&v, id, NULL, NULL, done_notice(req));
}

/* The detail page again with an error about the action just refused. */
static void submission_error(struct request *req, struct response *res, int64_t id, int status, const char *error)
{
	struct view v = handler_view(req, res);
	int shown = view_admin_submission(&v, id, NULL, error, NULL);
	res->status = shown == 200 || shown == 400 ? status : shown;
}

static void redirect_to_submission(struct request *req, struct response *res, int64_t id, const char *done)
{
	response_redirect(res, arena_printf(req->arena, "/admin/submissions/%" PRId64 "?done=%s", id, done));
}

static const char already_decided[] = "这篇投稿已经审核过了（可能另一位编辑刚刚处理），不能再修改或审核。";

/* The answer to an edit or decision on a submission: back to its page,
 * a 409 when it was no longer pending, a 503 when the database failed. */
static void answer_decision(struct request *req, struct response *res, int64_t id, enum store_rc rc,
			    const char *done)
{
	if (rc == STORE_OK)
		redirect_to_submission(req, res, id, done);
	else if (rc == STORE_NOT_FOUND)
		submission_error(req, res, id, 409, already_decided);
	else
		res->status = 503;
}

void handle_admin_submission_edit(struct request *req, struct response *res)
{
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !handler_need_store(req, res))
		return;
	const char *raw[SUBMISSION_EDITABLE];
	if (!handler_form_fields(req, res, submission_fields, SUBMISSION_EDITABLE, raw))
		return;
	struct field_values values;
	if (fields_check(submission_fields, SUBMISSION_EDITABLE, raw, req->arena, &values)) {
		struct view v = handler_view(req, res);
		res->status = view_admin_submission(&v, id, &values, NULL, NULL);
		return;
	}
	answer_decision(req, res, id, review_edit(req->store, id, &values, req->session, req->now), "edited");
}

void handle_admin_approve(struct request *req, struct response *res)
{
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !handler_need_store(req, res))
		return;
	struct buf *why = arena_buf(req->arena);
	int64_t article_id;
	enum store_rc rc = review_approve(req->store, id, req->session, req->now, &article_id, why);
	if (rc == STORE_DUPLICATE)
		submission_error(req, res, id, 409, "已有一篇完全相同的文章，没有重复发布。请退回此投稿。");
	else if (rc == STORE_ERROR && why->len)
		submission_error(req, res, id, 400, arena_printf(req->arena, "无法发布：%s。请修改后再发布。", buf_cstr(why)));
	else
		answer_decision(req, res, id, rc, "approved");
}

void handle_admin_reject(struct request *req, struct response *res)
{
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !handler_need_store(req, res))
		return;
	const char *reason = handler_reason(req);
	if (!reason) {
		submission_error(req, res, id, 400,
				 arena_printf(req->arena, "请填写退回原因（不超过 %d 字），投稿人会看到它。", REASON_MAX_CHARS));
		return;
	}
	answer_decision(req, res, id, review_reject(req->store, id, reason, req->session, req->now), "rejected");
}

void handle_admin_audit(struct request *req, struct response *res)
{
	long page = handler_page_arg(req, res);
	if (!page || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_admin_audit(&v, page);
}

void handle_admin_users(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_admin_users(&v, NULL, NULL, done_notice(req));
}

/* Writes an account change and its audit record in one transaction. */
static enum store_rc audited(struct request *req, const char *action, const char *target, enum store_rc rc)
{
	if (rc == STORE_OK)
		rc = store_audit_add(req->store, req->now, req->session->user_id, req->session->user_name, action,
				     target, NULL);
	if (rc == STORE_OK && store_commit(req->store) == STORE_OK)
		return STORE_OK;
	store_rollback(req->store);
	return rc == STORE_OK ? STORE_ERROR : rc;
}

void handle_admin_user_add(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	const char *name = request_form(req, "username"), *role = request_form(req, "role");
	struct buf *err = arena_buf(req->arena);
	struct new_user *u = ARENA_NEW(req->arena, struct new_user);
	if (role && strcmp(role, "admin") && strcmp(role, "editor")) {
		buf_puts(err, "角色应为编辑或管理员");
	} else if (auth_new_user(str_from(name), role && !strcmp(role, "admin") ? ROLE_ADMIN : ROLE_EDITOR,
				 str_from(request_form(req, "password")), u, err) == 0) {
		/* Hashed first: the write transaction lasts only the writes. */
		if (store_begin(req->store) != STORE_OK) {
			res->status = 503;
			return;
		}
		enum store_rc rc = auth_user_save(req->store, u, err) == 0 ? STORE_OK : STORE_DUPLICATE;
		if (audited(req, "user.add", arena_printf(req->arena, "user:%s", u->name), rc) == STORE_OK) {
			response_redirect(res, "/admin/users?done=added");
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
	if (store_begin(req->store) != STORE_OK) {
		res->status = 503;
		return;
	}
	switch (audited(req, disabled ? "user.disable" : "user.enable", arena_printf(req->arena, "user:%s", name),
			store_user_set_disabled(req->store, name, disabled))) {
	case STORE_OK:
		response_redirect(res, disabled ? "/admin/users?done=disabled" : "/admin/users?done=enabled");
		return;
	case STORE_NOT_FOUND:
		res->status = 404;
		return;
	default:
		res->status = 503;
		return;
	}
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
	if (!handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_admin_banned_words(&v, done_notice(req));
}

void handle_admin_words_save(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	/* One word or phrase a line; blank lines and repeats dropped. */
	const char **words = ARENA_NEW_ARRAY(req->arena, const char *, BANNED_WORDS_MAX);
	size_t n = 0;
	char *text = arena_strdup(req->arena, request_form(req, "words") ? request_form(req, "words") : "");
	char *save = NULL;
	for (char *line = strtok_r(text, "\r\n", &save); line; line = strtok_r(NULL, "\r\n", &save)) {
		struct str w = str_trim(str_from(line));
		if (w.len == 0)
			continue;
		if (n == BANNED_WORDS_MAX || utf8_length(w.p, w.len) > BANNED_WORD_MAX_CHARS) {
			handler_reject(res, "too_many_words",
				       arena_printf(req->arena, "敏感词最多 %d 个，每个不超过 %d 字。", BANNED_WORDS_MAX,
						    BANNED_WORD_MAX_CHARS));
			return;
		}
		words[n++] = arena_strndup(req->arena, w.p, w.len);
	}
	if (store_begin(req->store) != STORE_OK) {
		res->status = 503;
		return;
	}
	enum store_rc rc = store_banned_words_set(req->store, words, n, req->session->user_name, req->now);
	if (audited(req, "banned_words.set", arena_printf(req->arena, "banned_words:%zu", n), rc) != STORE_OK) {
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

/* The values of a repeated checkbox field, each a known slug (by valid);
 * false when one is not. */
static bool read_slugs(struct request *req, const char *name, bool (*valid)(const char *), const char **out,
		       size_t max, size_t *n)
{
	*n = 0;
	const char *joined = request_form_joined(req, name);
	char *copy = arena_strdup(req->arena, joined ? joined : ""), *save = NULL;
	for (char *slug = strtok_r(copy, ",", &save); slug; slug = strtok_r(NULL, ",", &save)) {
		if (!valid(slug) || *n == max)
			return false;
		for (size_t i = 0; i < *n; i++)
			if (!strcmp(out[i], slug))
				return false;
		out[(*n)++] = slug;
	}
	return true;
}

static bool is_district(const char *slug)
{
	const struct district *d = district_lookup(str_from(slug));
	return d && !strcmp(d->slug, slug);
}

static bool is_industry(const char *slug)
{
	return industry_by_slug(str_from(slug)) != NULL;
}

void handle_admin_article_tags_save(struct request *req, struct response *res)
{
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !handler_need_store(req, res))
		return;
	struct article a;
	enum store_rc rc = store_article_get(req->store, id, req->arena, &a);
	if (rc != STORE_OK) {
		res->status = rc == STORE_NOT_FOUND ? 404 : 503;
		return;
	}
	const char *citywide = request_form(req, "citywide");
	if (!read_slugs(req, "district", is_district, a.districts, ARTICLE_MAX_DISTRICTS, &a.ndistricts) ||
	    !read_slugs(req, "industry", is_industry, a.industries, ARTICLE_MAX_INDUSTRIES, &a.nindustries) ||
	    (citywide && strcmp(citywide, "1"))) {
		struct view v = handler_view(req, res);
		int status = view_admin_article_tags(
			&v, id,
			arena_printf(req->arena, "请从列表中选择区和行业（行业最多 %d 个）。", ARTICLE_MAX_INDUSTRIES));
		res->status = status == 200 ? 400 : status;
		return;
	}
	a.citywide = citywide && a.ndistricts == 0;
	if (store_begin(req->store) != STORE_OK) {
		res->status = 503;
		return;
	}
	struct buf *detail = arena_buf(req->arena);
	for (size_t i = 0; i < a.ndistricts; i++)
		buf_printf(detail, "%s%s", i ? "," : "", a.districts[i]);
	buf_puts(detail, a.citywide ? "全市" : "");
	buf_puts(detail, " / ");
	for (size_t i = 0; i < a.nindustries; i++)
		buf_printf(detail, "%s%s", i ? "," : "", a.industries[i]);
	rc = store_article_set_tags(req->store, &a);
	if (rc == STORE_OK)
		rc = store_audit_add(req->store, req->now, req->session->user_id, req->session->user_name, "article.tags",
				     arena_printf(req->arena, "article:%" PRId64, id), buf_cstr(detail));
	if (rc == STORE_OK && store_commit(req->store) == STORE_OK) {
		response_redirect(res, arena_printf(req->arena, "/articles/%" PRId64, id));
		return;
	}
	store_rollback(req->store);
	res->status = 503;
}
