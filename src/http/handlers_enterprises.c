/* handlers_enterprises: enterprise registration (企业入驻), its private
 * edit link, the directory and its API, and review by staff. */
#include <inttypes.h>
#include <string.h>

#include "content/decision.h"
#include "content/enterprise.h"
#include "content/sector.h"
#include "domain/enterprises.h"
#include "http/handlers.h"
#include "http/params.h"
#include "views/enterprises.h"

static const char code_taken[] = "这个统一社会信用代码已经登记过了。如需修改，请使用登记时获得的专属修改链接；如有疑问请通过“联系我们”告诉我们。";

/* Reads and checks the registration form; false when res has the answer
 * (a malformed form). */
static bool read_enterprise_form(struct request *req, struct response *res, struct field_values *values)
{
	const char *raw[ENT__COUNT];
	if (!handler_form_fields(req, res, enterprise_fields, ENT__COUNT, raw))
		return false;
	enterprise_check(raw, req->arena, values);
	return true;
}

/* "&fixed=1" when the form rules corrected a value (the page that follows
 * asks to check it), else "". */
static const char *fixed_flag(const struct field_values *values)
{
	for (size_t i = 0; i < ENT__COUNT; i++)
		if (values->note[i])
			return "&fixed=1";
	return "";
}

void handle_enterprise_join_form(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	struct view v = handler_form_view(req, res);
	res->status = view_enterprise_join(&v, NULL);
}

static void show_join_form(struct request *req, struct response *res, struct field_values *values)
{
	struct view v = handler_form_view(req, res);
	res->status = view_enterprise_join(&v, values);
}

/* The form again after a wrong CSRF token (http/router.h): what was
 * typed, checked, under the message. Nothing is stored or counted. */
void reshow_enterprise_join(struct request *req, struct response *res)
{
	struct field_values values;
	if (!handler_need_store(req, res) || !read_enterprise_form(req, res, &values))
		return;
	values.problem = handler_expired_form;
	show_join_form(req, res, &values);
}

void handle_enterprise_join(struct request *req, struct response *res)
{
	struct field_values values;
	if (!handler_need_store(req, res) || !handler_rate_limit(req, res, "join") ||
	    !read_enterprise_form(req, res, &values))
		return;
	if (values.nerrors) {
		show_join_form(req, res, &values);
		return;
	}
	char token[RANDOM_TOKEN_CHARS + 1];
	int64_t id;
	switch (enterprises_register(req->store, &values, req->client_ip, req->now, token, &id)) {
	case STORE_OK:
		/* The link is the enterprise's key to its record: shown once, on
		 * the page it lands on, never stored in the clear. */
		response_redirect(res, arena_printf(req->arena, "/enterprises/edit/%s?new=1%s", token, fixed_flag(&values)));
		return;
	case STORE_DUPLICATE:
		values.error[ENT_CREDIT_CODE] = code_taken;
		values.nerrors++;
		show_join_form(req, res, &values);
		res->status = 409;
		return;
	default:
		res->status = 503;
		return;
	}
}

/* The enterprise behind the edit link in the path, or NULL (and a 404). */
static const struct enterprise *by_link(struct request *req, struct response *res)
{
	struct enterprise *e = ARENA_NEW(req->arena, struct enterprise);
	enum store_rc rc = enterprises_by_link(req->store, req->params[0], req->arena, e);
	if (rc != STORE_OK) {
		res->status = handler_failure_status(rc);
		res->error_message = rc == STORE_NOT_FOUND ? "这个修改链接无效。请使用登记时获得的完整链接。" : NULL;
		return NULL;
	}
	res->cache_control = "no-store"; /* the page is behind a private link */
	return e;
}

/* What was just done, said once on the edit page: ?new= after registering
 * or replacing the link (the page then shows the new link), ?done= after
 * an edit. */
static const char *const new_names[] = { "1", "rotated" };
static const char *const new_notices[] = { "登记已提交，等待工作人员审核。", "已更换修改链接，原来的链接已失效。" };
static const char fixed_notice[] = "部分内容已按通行格式自动更正（如全角字符改为半角、小写字母改为大写、网址补上 https://），请核对下面的内容。";
static const char *const saved_names[] = { "saved", "queued", "unchanged" };
static const char *const saved_notices[] = {
	[ENTERPRISE_EDIT_SAVED] = "修改已保存，等待工作人员重新审核。",
	[ENTERPRISE_EDIT_QUEUED] = "修改已提交，等待工作人员审核；审核通过前，企业名录中仍显示原来已通过的内容。",
	[ENTERPRISE_EDIT_WITHDRAWN] = "内容与企业名录中已公开的一致，没有需要审核的修改。",
};
enum { EDIT_NEW, EDIT_DONE, EDIT_FIXED, EDIT__COUNT };
static const struct param_rule edit_params[EDIT__COUNT] = {
	[EDIT_NEW] = { .name = "new", .kind = PARAM_NOTICE, .choices = new_names, .notices = new_notices,
		       .nchoices = PARAMS_COUNT(new_names) },
	[EDIT_DONE] = PARAM_NOTICE_RULE(saved_names, saved_notices),
	[EDIT_FIXED] = { .name = "fixed", .kind = PARAM_FLAG },
};

void handle_enterprise_edit_form(struct request *req, struct response *res)
{
	struct param_values p;
	if (!params_read(req, res, edit_params, EDIT__COUNT, &p) || !handler_need_store(req, res))
		return;
	const struct enterprise *e = by_link(req, res);
	if (!e)
		return;
	bool fresh = p.text[EDIT_NEW] != NULL;
	const char *notice = fresh ? p.text[EDIT_NEW] : p.text[EDIT_DONE];
	if (notice && p.number[EDIT_FIXED])
		notice = arena_printf(req->arena, "%s%s", notice, fixed_notice);
	struct view v = handler_form_view(req, res);
	res->status = view_enterprise_edit(&v, req->params[0], e, NULL, notice, fresh, NULL);
}

/* The edit form again after a wrong CSRF token, behind a link that works. */
void reshow_enterprise_edit(struct request *req, struct response *res)
{
	struct field_values values;
	if (!handler_need_store(req, res))
		return;
	const struct enterprise *e = by_link(req, res);
	if (!e || !read_enterprise_form(req, res, &values))
		return;
	values.problem = handler_expired_form;
	struct view v = handler_form_view(req, res);
	res->status = view_enterprise_edit(&v, req->params[0], e, &values, NULL, false, NULL);
}

/* The edit page after a wrong CSRF token on replacing the link: the link
 * was not replaced, and says so. */
void reshow_enterprise_edit_rotate(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	const struct enterprise *e = by_link(req, res);
	if (!e)
		return;
	struct view v = handler_form_view(req, res);
	res->status = view_enterprise_edit(&v, req->params[0], e, NULL, NULL, false,
					   "页面已过期，修改链接没有更换，原来的链接仍然有效。如需更换，请再点一次“更换修改链接”。");
}

/* A new edit link for one that may have leaked: the old one stops working
 * at once. Shown once, on the page it redirects to. */
void handle_enterprise_edit_rotate(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res) || !handler_rate_limit(req, res, "join") || !by_link(req, res))
		return;
	char token[RANDOM_TOKEN_CHARS + 1];
	enum store_rc rc = enterprises_replace_link(req->store, req->params[0], req->client_ip, req->now, token);
	if (rc != STORE_OK) {
		res->status = handler_failure_status(rc); /* replaced meanwhile */
		return;
	}
	response_redirect(res, arena_printf(req->arena, "/enterprises/edit/%s?new=rotated", token));
}

void handle_enterprise_edit(struct request *req, struct response *res)
{
	struct field_values values;
	if (!handler_need_store(req, res) || !handler_rate_limit(req, res, "join"))
		return;
	const struct enterprise *e = by_link(req, res);
	if (!e || !read_enterprise_form(req, res, &values))
		return;
	if (!values.nerrors) {
		enum enterprise_edit_result result;
		switch (enterprises_edit(req->store, req->params[0], &values, req->client_ip, req->now, &result)) {
		case STORE_OK:
			response_redirect(res, arena_printf(req->arena, "/enterprises/edit/%s?done=%s%s", req->params[0],
							    saved_names[result], fixed_flag(&values)));
			return;
		case STORE_DUPLICATE:
			values.error[ENT_CREDIT_CODE] = code_taken;
			values.nerrors++;
			break;
		case STORE_NOT_FOUND:
			res->status = 404; /* the link was replaced meanwhile */
			return;
		default:
			res->status = 503;
			return;
		}
	}
	struct view v = handler_form_view(req, res);
	int status = view_enterprise_edit(&v, req->params[0], e, &values, NULL, false, NULL);
	/* A code taken by another enterprise is a conflict, as on registration. */
	res->status = status == 400 && values.error[ENT_CREDIT_CODE] == code_taken ? 409 : status;
}

static bool is_place(const char *slug)
{
	return enterprise_place_name(slug) != NULL;
}

static bool is_sector(const char *slug)
{
	return sector_name(slug) != NULL;
}

static bool is_seeking(const char *value)
{
	return field_choice_label(&enterprise_fields[ENT_SEEKING], value) != NULL;
}

enum { DIR_Q, DIR_DISTRICT, DIR_INDUSTRY, DIR_SEEKING, DIR_PAGE, DIR__COUNT };
static const struct param_rule directory_params[DIR__COUNT] = {
	[DIR_Q] = { .name = "q", .kind = PARAM_QUERY },
	[DIR_DISTRICT] = { .name = "district", .kind = PARAM_SLUG, .valid = is_place, .code = "invalid_district",
			   .message = "所在区的取值应为 16 个区的拼音之一（如 pudong）或 outside。" },
	[DIR_INDUSTRY] = { .name = "industry", .kind = PARAM_SLUG, .valid = is_sector, .code = "unknown_industry",
			   .message = "行业的取值应为行业门类（如 gb-c）或重点产业（如 ic）之一。" },
	[DIR_SEEKING] = { .name = "seeking", .kind = PARAM_SLUG, .valid = is_seeking, .code = "invalid_seeking",
			  .message = "需求的取值应为 site、office、factory、funding、policy 或 talent。" },
	[DIR_PAGE] = PARAM_PAGE_RULE,
};

/* The directory query; false (and a 400) when it is malformed. */
static bool directory_args(struct request *req, struct response *res, struct directory_request *r)
{
	struct param_values p;
	if (!params_read(req, res, directory_params, DIR__COUNT, &p))
		return false;
	*r = (struct directory_request){ .q = p.text[DIR_Q],
					 .district = p.text[DIR_DISTRICT],
					 .industry = p.text[DIR_INDUSTRY],
					 .seeking = p.text[DIR_SEEKING],
					 .page = p.number[DIR_PAGE] };
	return true;
}

void handle_enterprises(struct request *req, struct response *res)
{
	struct directory_request r;
	if (!directory_args(req, res, &r) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_enterprises(&v, &r);
}

void handle_api_enterprises(struct request *req, struct response *res)
{
	struct directory_request r;
	if (!directory_args(req, res, &r) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->content_type = json_type;
	res->status = view_enterprises_json(&v, &r);
}

void handle_enterprise(struct request *req, struct response *res)
{
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !handler_need_store(req, res))
		return;
	/* Staff see contacts: read the session here, on a public page. */
	handler_load_session(req);
	if (req->session)
		res->cache_control = "no-store";
	struct view v = handler_view(req, res);
	res->status = view_enterprise(&v, id);
}

/* What the staff pages say after a decision; ?done= names it. The next
 * item waiting says it is the next; the queue, that none is left. */
enum { DECIDED_APPROVED, DECIDED_REJECTED, DECIDED_EDIT_APPROVED, DECIDED_EDIT_REJECTED, DECIDED__COUNT };
static const char *const decided_names[DECIDED__COUNT] = { "approved", "rejected", "edit_approved",
							    "edit_rejected" };
static const char *const decided_next[DECIDED__COUNT] = {
	"已通过：企业已出现在企业名录中。下面是下一项待审核的内容。",
	"已标记为不通过，企业可通过其修改链接看到原因。下面是下一项待审核的内容。",
	"已通过修改：企业名录已更新为修改后的内容。下面是下一项待审核的内容。",
	"修改已标记为不通过：企业名录仍显示原来已通过的内容，企业可通过其修改链接看到原因。下面是下一项待审核的内容。",
};
static const char *const decided_last[DECIDED__COUNT] = {
	"已通过：企业已出现在企业名录中。待审核的内容已全部处理完。",
	"已标记为不通过，企业可通过其修改链接看到原因。待审核的内容已全部处理完。",
	"已通过修改：企业名录已更新为修改后的内容。待审核的内容已全部处理完。",
	"修改已标记为不通过：企业名录仍显示原来已通过的内容。待审核的内容已全部处理完。",
};
#define DECIDED_RULE(sentences) \
	{ .name = "done", .kind = PARAM_NOTICE, .choices = decided_names, .notices = (sentences), .nchoices = DECIDED__COUNT }

enum { ADMIN_STATUS, ADMIN_PAGE, ADMIN_DONE, ADMIN__COUNT };
static const struct param_rule admin_list_params[ADMIN__COUNT] = {
	[ADMIN_STATUS] = PARAM_STATUS_RULE,
	[ADMIN_PAGE] = PARAM_PAGE_RULE,
	[ADMIN_DONE] = DECIDED_RULE(decided_last),
};

void handle_admin_enterprises(struct request *req, struct response *res)
{
	struct param_values p;
	if (!params_read(req, res, admin_list_params, ADMIN__COUNT, &p) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_admin_enterprises(&v, (enum review_status)p.number[ADMIN_STATUS], p.number[ADMIN_PAGE],
					     p.text[ADMIN_DONE]);
}

static const struct param_rule admin_detail_params[] = { DECIDED_RULE(decided_next) };

void handle_admin_enterprise(struct request *req, struct response *res)
{
	struct param_values p;
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !params_read(req, res, admin_detail_params, 1, &p) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_admin_enterprise(&v, id, NULL, p.text[0]);
}

/* Decides a pending registration at the revision the staff member saw. */
static void decide(struct request *req, struct response *res, enum review_status status, const char *reason,
		   const char *seen)
{
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !handler_need_store(req, res))
		return;
	long revision;
	if (!seen || !str_to_long(str_from(seen), 1, INT64_MAX, &revision)) {
		handler_reject(res, "invalid_revision", "缺少审核时看到的版本号，请刷新页面后再审核。");
		return;
	}
	struct enterprise_decision d;
	enum store_rc rc =
		enterprises_decide(req->store, id, revision, status, reason, handler_actor(req), req->now, &d);
	if (rc == STORE_OK) {
		const char *done = decided_names[(d.edit ? DECIDED_EDIT_APPROVED : DECIDED_APPROVED) +
						 (status == REVIEW_REJECTED)];
		/* On to what waits next, or back to the queue when nothing does. */
		response_redirect(res, d.next ? arena_printf(req->arena, "/admin/enterprises/%" PRId64 "?done=%s", d.next, done)
					      : arena_printf(req->arena, "/admin/enterprises?done=%s", done));
		return;
	}
	if (rc == STORE_DUPLICATE) {
		struct view v = handler_view(req, res);
		int shown = view_admin_enterprise(
			&v, id, "这项修改中的统一社会信用代码已被另一家企业使用，不能通过。请标记为不通过并说明原因。", NULL);
		res->status = shown == 400 ? 409 : shown;
		return;
	}
	if (rc == STORE_NOT_FOUND) {
		struct view v = handler_view(req, res);
		int shown = view_admin_enterprise(
			&v, id, "这家企业已经审核过了，或在您查看之后修改了登记信息。请核对下面的最新内容后再审核。", NULL);
		res->status = shown == 400 ? 409 : shown;
		return;
	}
	res->status = 503;
}

/* A decision not made for a wrong CSRF token: the enterprise as it is now. */
void reshow_admin_enterprise_decision(struct request *req, struct response *res)
{
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_admin_enterprise(&v, id, handler_expired_action, NULL);
}

void handle_admin_enterprise_approve(struct request *req, struct response *res)
{
	const char *reason, *revision;
	if (handler_decision(req, res, &reason, &revision))
		decide(req, res, REVIEW_APPROVED, NULL, revision);
}

void handle_admin_enterprise_reject(struct request *req, struct response *res)
{
	const char *reason, *revision;
	if (!handler_decision(req, res, &reason, &revision))
		return;
	if (!reason) {
		int64_t id = handler_id_param(req, res, 0);
		if (!id || !handler_need_store(req, res))
			return;
		struct view v = handler_view(req, res);
		res->status = view_admin_enterprise(
			&v, id,
			arena_printf(req->arena, "请填写不通过的原因（不超过 %d 字），企业会看到它。", DECISION_REASON_MAX_CHARS),
			NULL);
		return;
	}
	decide(req, res, REVIEW_REJECTED, reason, revision);
}

void handle_admin_enterprises_csv(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_admin_enterprises_csv(&v);
	if (res->status != 200)
		return;
	res->content_type = "text/csv; charset=utf-8";
	res->content_disposition = "attachment; filename=\"enterprises.csv\"";
}
