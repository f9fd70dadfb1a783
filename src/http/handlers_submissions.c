/* handlers_submissions: news submission (投稿) — the public form and the
 * status lookup — and its review by editors. */
#include <inttypes.h>

#include "content/decision.h"
#include "content/submission.h"
#include "domain/submissions.h"
#include "http/handlers.h"
#include "http/params.h"
#include "views/submissions.h"

/* What the page after an action says; ?done= names one (never echoed).
 * After a decision the next submission waiting says it is the next, the
 * queue that none is left; an edit stays on its submission. */
enum { DONE_APPROVED, DONE_REJECTED, DONE_EDITED, DONE__COUNT };
static const char *const done_names[DONE__COUNT] = { "approved", "rejected", "edited" };
static const char *const done_next[DONE__COUNT] = {
	"已发布：文章已出现在首页、所属区频道和搜索中。下面是下一篇待审核的投稿。",
	"已退回，投稿人可用查询码看到原因。下面是下一篇待审核的投稿。",
	"修改已保存，投稿仍待审核：请核对下面的预览，无误后再发布。",
};
static const char *const done_last[DONE__COUNT] = {
	"已发布：文章已出现在首页、所属区频道和搜索中。待审核的投稿已全部处理完。",
	"已退回，投稿人可用查询码看到原因。待审核的投稿已全部处理完。",
	"修改已保存。",
};

void handle_submit_form(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	struct view v = handler_form_view(req, res);
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
		struct view v = handler_form_view(req, res);
		res->status = view_submit_form(&v, &values);
		return;
	}
	char code[SUBMISSION_CODE_CHARS + 1];
	int64_t id;
	if (submissions_submit(req->store, &values, req->client_ip, req->now, code, &id) != STORE_OK) {
		res->status = 503;
		res->error_message = "投稿暂时无法保存，请稍后再试。";
		return;
	}
	/* Committed before this answer leaves: an acknowledged submission
	 * survives a crash of the server right after it. */
	response_redirect(res, arena_printf(req->arena, "/submit/status?code=%s&new=1", code));
}

/* The form again after a wrong CSRF token (http/router.h): what was
 * typed, checked, under the message. Nothing is stored or counted. */
void reshow_submit(struct request *req, struct response *res)
{
	const char *raw[SUB__COUNT];
	if (!handler_need_store(req, res) || !handler_form_fields(req, res, submission_fields, SUB__COUNT, raw))
		return;
	struct field_values values;
	fields_check(submission_fields, SUB__COUNT, raw, req->arena, &values);
	values.problem = handler_expired_form;
	struct view v = handler_form_view(req, res);
	res->status = view_submit_form(&v, &values);
}

enum { STATUS_CODE, STATUS_NEW, STATUS__COUNT };
static const struct param_rule status_params[STATUS__COUNT] = {
	[STATUS_CODE] = { .name = "code", .kind = PARAM_TEXT },
	[STATUS_NEW] = { .name = "new", .kind = PARAM_FLAG },
};

void handle_submit_status(struct request *req, struct response *res)
{
	struct param_values p;
	if (!params_read(req, res, status_params, STATUS__COUNT, &p) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->cache_control = "no-store"; /* the code is a private key to the submission */
	res->status = view_submit_status(&v, p.text[STATUS_CODE], p.number[STATUS_NEW]);
}

enum { QUEUE_STATUS, QUEUE_PAGE, QUEUE_DONE, QUEUE__COUNT };
static const struct param_rule queue_params[QUEUE__COUNT] = {
	[QUEUE_STATUS] = PARAM_STATUS_RULE,
	[QUEUE_PAGE] = PARAM_PAGE_RULE,
	[QUEUE_DONE] = PARAM_NOTICE_RULE(done_names, done_last),
};

void handle_admin_queue(struct request *req, struct response *res)
{
	struct param_values p;
	if (!params_read(req, res, queue_params, QUEUE__COUNT, &p) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_admin_queue(&v, (enum review_status)p.number[QUEUE_STATUS], p.number[QUEUE_PAGE],
				       p.text[QUEUE_DONE]);
}

void handle_admin_queue_json(struct request *req, struct response *res)
{
	struct param_values p;
	if (!params_read(req, res, queue_params, QUEUE__COUNT, &p) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->content_type = json_type;
	res->status = view_admin_queue_json(&v, (enum review_status)p.number[QUEUE_STATUS], p.number[QUEUE_PAGE]);
	if (res->status == 404) {
		res->error_code = "page_out_of_range";
		res->error_message = "页码超出了范围。";
	}
}

static const struct param_rule detail_params[] = { PARAM_NOTICE_RULE(done_names, done_next) };

void handle_admin_submission(struct request *req, struct response *res)
{
	struct param_values p;
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !params_read(req, res, detail_params, 1, &p) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_admin_submission(&v, id, NULL, NULL, p.text[0]);
}

/* The detail page again with an error about the action just refused. */
static void submission_error(struct request *req, struct response *res, int64_t id, int status, const char *error)
{
	struct view v = handler_view(req, res);
	int shown = view_admin_submission(&v, id, NULL, error, NULL);
	res->status = shown == 200 || shown == 400 ? status : shown;
}

static const char already_decided[] = "这篇投稿已经审核过了（可能另一位编辑刚刚处理），不能再修改或审核。";

/* The answer to an edit or decision on submission id: on to the
 * submission next (its own page after an edit; after a decision the one
 * waiting first, or the queue when next is 0), a 409 when it was no
 * longer pending, a 503 when the database failed. */
static void answer_decision(struct request *req, struct response *res, int64_t id, enum store_rc rc, long done,
			    int64_t next)
{
	if (rc == STORE_OK && next)
		response_redirect(res, arena_printf(req->arena, "/admin/submissions/%" PRId64 "?done=%s", next,
						    done_names[done]));
	else if (rc == STORE_OK)
		response_redirect(res, arena_printf(req->arena, "/admin/submissions?done=%s", done_names[done]));
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
	answer_decision(req, res, id, submissions_edit(req->store, id, &values, handler_actor(req), req->now),
			DONE_EDITED, id);
}

void handle_admin_approve(struct request *req, struct response *res)
{
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !handler_need_store(req, res))
		return;
	struct buf *why = arena_buf(req->arena);
	int64_t article_id;
	int64_t next = 0;
	enum store_rc rc = submissions_approve(req->store, id, handler_actor(req), req->now, &article_id, why, &next);
	if (rc == STORE_DUPLICATE)
		submission_error(req, res, id, 409, "已有一篇完全相同的文章，没有重复发布。请退回此投稿。");
	else if (rc == STORE_INVALID)
		submission_error(req, res, id, 400, arena_printf(req->arena, "无法发布：%s。请修改后再发布。", buf_cstr(why)));
	else
		answer_decision(req, res, id, rc, DONE_APPROVED, next);
}

void handle_admin_reject(struct request *req, struct response *res)
{
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !handler_need_store(req, res))
		return;
	const char *reason, *revision;
	if (!handler_decision(req, res, &reason, &revision))
		return;
	if (!reason) {
		submission_error(req, res, id, 400,
				 arena_printf(req->arena, "请填写退回原因（不超过 %d 字），投稿人会看到它。",
					      DECISION_REASON_MAX_CHARS));
		return;
	}
	int64_t next = 0;
	enum store_rc rc = submissions_reject(req->store, id, reason, handler_actor(req), req->now, &next);
	answer_decision(req, res, id, rc, DONE_REJECTED, next);
}

/* An editor's changes again after a wrong CSRF token: the page with them. */
void reshow_admin_submission_edit(struct request *req, struct response *res)
{
	int64_t id = handler_id_param(req, res, 0);
	const char *raw[SUBMISSION_EDITABLE];
	if (!id || !handler_need_store(req, res) ||
	    !handler_form_fields(req, res, submission_fields, SUBMISSION_EDITABLE, raw))
		return;
	struct field_values values;
	fields_check(submission_fields, SUBMISSION_EDITABLE, raw, req->arena, &values);
	values.problem = handler_expired_form;
	struct view v = handler_view(req, res);
	res->status = view_admin_submission(&v, id, &values, NULL, NULL);
}

/* A decision not made for a wrong CSRF token: the submission as it is now. */
void reshow_admin_submission_decision(struct request *req, struct response *res)
{
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_admin_submission(&v, id, NULL, handler_expired_action, NULL);
}
