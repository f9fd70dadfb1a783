/* handlers_enterprise: enterprise registration, its private edit link, the
 * directory and its exports, staff review, and the contact form. */
#include <inttypes.h>
#include <string.h>

#include "content/credit_code.h"
#include "content/district.h"
#include "content/enterprise.h"
#include "content/sector.h"
#include "http/handlers.h"
#include "store/audit.h"
#include "store/enterprises.h"
#include "store/messages.h"

/* The checked values as an enterprise. */
static struct enterprise enterprise_of(const struct field_values *v, const char *client_ip)
{
	return (struct enterprise){
		.name = v->value[ENT_NAME],
		.credit_code = v->value[ENT_CREDIT_CODE],
		.industry = v->value[ENT_INDUSTRY],
		.district = v->value[ENT_DISTRICT],
		.seeking = v->value[ENT_SEEKING] ? v->value[ENT_SEEKING] : "",
		.description = v->value[ENT_DESCRIPTION],
		.website = v->value[ENT_WEBSITE],
		.contact_name = v->value[ENT_CONTACT_NAME],
		.phone = v->value[ENT_PHONE],
		.email = v->value[ENT_EMAIL],
		.client_ip = client_ip,
	};
}

static const char code_taken[] = "这个统一社会信用代码已经登记过了。如需修改，请使用登记时获得的专属修改链接；如有疑问请通过“联系我们”告诉我们。";

/* Reads and checks the registration form; false when res has the answer
 * (an error page, or the form again with messages). */
static bool read_enterprise_form(struct request *req, struct response *res, struct field_values *values)
{
	const char *raw[ENT__COUNT];
	if (!handler_form_fields(req, res, enterprise_fields, ENT__COUNT, raw))
		return false;
	/* The code is checked in its canonical form (spaces removed). */
	enterprise_check(raw, req->arena, values);
	if (values->value[ENT_CREDIT_CODE] && !values->error[ENT_CREDIT_CODE]) {
		struct credit_code_result cc = credit_code_check(values->value[ENT_CREDIT_CODE]);
		values->value[ENT_CREDIT_CODE] = arena_strdup(req->arena, cc.code);
	}
	return true;
}

void handle_enterprise_join_form(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	v.csrf_token = handler_form_token(req, res);
	res->status = view_enterprise_join(&v, NULL);
}

static void show_join_form(struct request *req, struct response *res, struct field_values *values)
{
	struct view v = handler_view(req, res);
	v.csrf_token = handler_form_token(req, res);
	res->status = view_enterprise_join(&v, values);
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
	struct enterprise e = enterprise_of(&values, req->client_ip);
	char token[RANDOM_TOKEN_CHARS + 1];
	unsigned char hashed[32];
	auth_random_token(token);
	auth_token_hash(token, hashed);
	int64_t id;
	switch (store_enterprise_insert(req->store, &e, hashed, req->now, &id)) {
	case STORE_OK:
		/* The link is the enterprise's key to its record: shown once, on
		 * the page it lands on, never stored in the clear. */
		response_redirect(res, arena_printf(req->arena, "/enterprises/edit/%s?new=1", token));
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
static const struct enterprise *by_token(struct request *req, struct response *res)
{
	const char *token = req->params[0];
	struct enterprise *e = ARENA_NEW(req->arena, struct enterprise);
	unsigned char hashed[32];
	enum store_rc rc = STORE_NOT_FOUND;
	if (auth_token_shaped(token)) {
		auth_token_hash(token, hashed);
		rc = store_enterprise_by_token(req->store, hashed, req->arena, e);
	}
	if (rc != STORE_OK) {
		res->status = rc == STORE_NOT_FOUND ? 404 : 503;
		res->error_message = rc == STORE_NOT_FOUND ? "这个修改链接无效。请使用登记时获得的完整链接。" : NULL;
		return NULL;
	}
	res->cache_control = "no-store"; /* the page is behind a private link */
	return e;
}

void handle_enterprise_edit_form(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	const struct enterprise *e = by_token(req, res);
	if (!e)
		return;
	/* What was just done, said once; a new link is shown with it. */
	const char *fresh = request_query(req, "new"), *done = request_query(req, "done");
	bool registered = fresh && !strcmp(fresh, "1"), rotated = fresh && !strcmp(fresh, "rotated");
	const char *notice = registered ? "登记已提交，等待工作人员审核。"
			     : rotated	 ? "已更换修改链接，原来的链接已失效。"
			     : done && !strcmp(done, "saved") ? "修改已保存，等待工作人员重新审核。"
							     : NULL;
	struct view v = handler_view(req, res);
	v.csrf_token = handler_form_token(req, res);
	res->status = view_enterprise_edit(&v, req->params[0], e, NULL, notice, registered || rotated);
}

/* A new edit link for one that may have leaked: the old one stops working
 * at once. Shown once, on the page it redirects to. */
void handle_enterprise_edit_rotate(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res) || !handler_rate_limit(req, res, "join"))
		return;
	const struct enterprise *e = by_token(req, res);
	if (!e)
		return;
	char token[RANDOM_TOKEN_CHARS + 1];
	unsigned char old_hash[32], new_hash[32];
	auth_token_hash(req->params[0], old_hash);
	auth_random_token(token);
	auth_token_hash(token, new_hash);
	if (store_begin(req->store) != STORE_OK) {
		res->status = 503;
		return;
	}
	enum store_rc rc = store_enterprise_token_replace(req->store, old_hash, new_hash);
	if (rc == STORE_OK)
		rc = store_audit_add(req->store, req->now, 0, "（企业，经修改链接）", "enterprise.link",
				     arena_printf(req->arena, "enterprise:%" PRId64, e->id), req->client_ip);
	if (rc == STORE_OK && store_commit(req->store) != STORE_OK)
		rc = STORE_ERROR;
	if (rc != STORE_OK) {
		store_rollback(req->store);
		res->status = rc == STORE_NOT_FOUND ? 404 : 503; /* replaced meanwhile */
		return;
	}
	response_redirect(res, arena_printf(req->arena, "/enterprises/edit/%s?new=rotated", token));
}

void handle_enterprise_edit(struct request *req, struct response *res)
{
	struct field_values values;
	if (!handler_need_store(req, res) || !handler_rate_limit(req, res, "join"))
		return;
	const struct enterprise *e = by_token(req, res);
	if (!e || !read_enterprise_form(req, res, &values))
		return;
	if (!values.nerrors) {
		struct enterprise changed = enterprise_of(&values, e->client_ip);
		changed.id = e->id;
		if (store_begin(req->store) != STORE_OK) {
			res->status = 503;
			return;
		}
		enum store_rc rc = store_enterprise_update(req->store, &changed, req->now);
		if (rc == STORE_OK)
			rc = store_audit_add(req->store, req->now, 0, "（企业，经修改链接）", "enterprise.edit",
					     arena_printf(req->arena, "enterprise:%" PRId64, e->id), req->client_ip);
		if (rc == STORE_OK && store_commit(req->store) != STORE_OK)
			rc = STORE_ERROR;
		if (rc != STORE_OK)
			store_rollback(req->store);
		switch (rc) {
		case STORE_OK:
			response_redirect(res, arena_printf(req->arena, "/enterprises/edit/%s?done=saved", req->params[0]));
			return;
		case STORE_DUPLICATE:
			values.error[ENT_CREDIT_CODE] = code_taken;
			values.nerrors++;
			break;
		default:
			res->status = 503;
			return;
		}
	}
	struct view v = handler_view(req, res);
	v.csrf_token = handler_form_token(req, res);
	int status = view_enterprise_edit(&v, req->params[0], e, &values, NULL, false);
	/* A code taken by another enterprise is a conflict, as on registration. */
	res->status = status == 400 && values.error[ENT_CREDIT_CODE] == code_taken ? 409 : status;
}

/* Reads and checks the directory's query; false (with a 400) when wrong. */
static bool directory_args(struct request *req, struct response *res, struct directory_request *r)
{
	*r = (struct directory_request){ .q = request_query(req, "q") };
	const char *district = request_query(req, "district"), *industry = request_query(req, "industry"),
		   *seeking = request_query(req, "seeking");
	r->district = district && *district ? district : NULL;
	r->industry = industry && *industry ? industry : NULL;
	r->seeking = seeking && *seeking ? seeking : NULL;
	if (!handler_query_ok(req, res, r->q))
		return false;
	if (r->district && !enterprise_place_name(r->district)) {
		handler_reject(res, "invalid_district", "所在区的取值应为 16 个区的拼音之一（如 pudong）或 outside。");
		return false;
	}
	if (r->industry && !sector_name(r->industry)) {
		handler_reject(res, "unknown_industry", "行业的取值应为行业门类（如 gb-c）或重点产业（如 ic）之一。");
		return false;
	}
	if (r->seeking && !field_choice_label(&enterprise_fields[ENT_SEEKING], r->seeking)) {
		handler_reject(res, "invalid_seeking", "需求的取值应为 site、office、factory、funding、policy 或 talent。");
		return false;
	}
	r->page = handler_page_arg(req, res);
	return r->page != 0;
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

static const char *done_notice(struct request *req)
{
	const char *done = request_query(req, "done");
	if (!done)
		return NULL;
	if (!strcmp(done, "approved"))
		return "已通过：企业已出现在企业名录中。";
	if (!strcmp(done, "rejected"))
		return "已标记为不通过，企业可通过其修改链接看到原因。";
	if (!strcmp(done, "handled"))
		return "已标记为已处理。";
	return NULL;
}

void handle_admin_enterprises(struct request *req, struct response *res)
{
	const char *name = request_query(req, "status");
	enum review_status status = name && *name ? review_status_from_name(name) : REVIEW_PENDING;
	if (status == REVIEW__MAX) {
		handler_reject(res, "invalid_status", "状态应为 pending、approved 或 rejected。");
		return;
	}
	long page = handler_page_arg(req, res);
	if (!page || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_admin_enterprises(&v, status, page, done_notice(req));
}

void handle_admin_enterprise(struct request *req, struct response *res)
{
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_admin_enterprise(&v, id, NULL, done_notice(req));
}

/* Decides a pending registration, at the revision the staff member saw,
 * and audits it, in one transaction. */
static void decide(struct request *req, struct response *res, enum review_status status, const char *reason)
{
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !handler_need_store(req, res))
		return;
	long revision;
	if (!str_to_long(str_from(request_form(req, "revision")), 1, INT64_MAX, &revision)) {
		handler_reject(res, "invalid_revision", "缺少审核时看到的版本号，请刷新页面后再审核。");
		return;
	}
	if (store_begin(req->store) != STORE_OK) {
		res->status = 503;
		return;
	}
	enum store_rc rc = store_enterprise_decide(req->store, id, revision, status, reason, req->now);
	if (rc == STORE_OK)
		rc = store_audit_add(req->store, req->now, req->session->user_id, req->session->user_name,
				     status == REVIEW_APPROVED ? "enterprise.approve" : "enterprise.reject",
				     arena_printf(req->arena, "enterprise:%" PRId64, id), reason);
	if (rc == STORE_OK && store_commit(req->store) == STORE_OK) {
		response_redirect(res, arena_printf(req->arena, "/admin/enterprises/%" PRId64 "?done=%s", id, review_status_names[status]));
		return;
	}
	store_rollback(req->store);
	if (rc == STORE_NOT_FOUND) {
		struct view v = handler_view(req, res);
		int shown = view_admin_enterprise(
			&v, id, "这家企业已经审核过了，或在您查看之后修改了登记信息。请核对下面的最新内容后再审核。", NULL);
		res->status = shown == 400 ? 409 : shown;
		return;
	}
	res->status = 503;
}

void handle_admin_enterprise_approve(struct request *req, struct response *res)
{
	decide(req, res, REVIEW_APPROVED, NULL);
}

void handle_admin_enterprise_reject(struct request *req, struct response *res)
{
	const char *reason = handler_reason(req);
	if (!reason) {
		int64_t id = handler_id_param(req, res, 0);
		if (!id || !handler_need_store(req, res))
			return;
		struct view v = handler_view(req, res);
		res->status = view_admin_enterprise(
			&v, id, arena_printf(req->arena, "请填写不通过的原因（不超过 %d 字），企业会看到它。", REASON_MAX_CHARS),
			NULL);
		return;
	}
	decide(req, res, REVIEW_REJECTED, reason);
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

void handle_contact_form(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	const char *sent = request_query(req, "sent");
	struct view v = handler_view(req, res);
	v.csrf_token = handler_form_token(req, res);
	res->status = view_contact(&v, NULL, sent && !strcmp(sent, "1"));
}

void handle_contact(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res) || !handler_rate_limit(req, res, "contact"))
		return;
	const char *raw[MSG__COUNT];
	if (!handler_form_fields(req, res, contact_fields, MSG__COUNT, raw))
		return;
	struct field_values values;
	if (fields_check(contact_fields, MSG__COUNT, raw, req->arena, &values)) {
		struct view v = handler_view(req, res);
		v.csrf_token = handler_form_token(req, res);
		res->status = view_contact(&v, &values, false);
		return;
	}
	struct message m = {
		.name = values.value[MSG_NAME],
		.organization = values.value[MSG_ORGANIZATION],
		.contact = values.value[MSG_CONTACT],
		.subject = values.value[MSG_SUBJECT],
		.message = values.value[MSG_MESSAGE],
		.client_ip = req->client_ip,
	};
	int64_t id;
	if (store_message_insert(req->store, &m, req->now, &id) != STORE_OK) {
		res->status = 503;
		return;
	}
	response_redirect(res, "/contact?sent=1");
}

void handle_admin_messages(struct request *req, struct response *res)
{
	const char *handled = request_query(req, "handled");
	long page = handler_page_arg(req, res);
	if (!page || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_admin_messages(&v, handled && !strcmp(handled, "1"), page, done_notice(req));
}

void handle_admin_message_handled(struct request *req, struct response *res)
{
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !handler_need_store(req, res))
		return;
	if (store_begin(req->store) != STORE_OK) {
		res->status = 503;
		return;
	}
	enum store_rc rc = store_message_handle(req->store, id, req->session->user_name, req->now);
	if (rc == STORE_OK)
		rc = store_audit_add(req->store, req->now, req->session->user_id, req->session->user_name,
				     "message.handle", arena_printf(req->arena, "message:%" PRId64, id), NULL);
	if (rc == STORE_OK && store_commit(req->store) == STORE_OK) {
		response_redirect(res, "/admin/messages?done=handled");
		return;
	}
	store_rollback(req->store);
	res->status = rc == STORE_NOT_FOUND ? 404 : 503;
}
