/* handlers_contact: the contact form (联系我们) and the staff's inbox. */
#include <inttypes.h>
#include <stdint.h>

#include "content/contact.h"
#include "domain/contact.h"
#include "http/handlers.h"
#include "http/params.h"
#include "views/contact.h"

/* ?sent=1&ref=ID: the page after sending, with the message's reference. */
enum { FORM_SENT, FORM_REF, FORM__COUNT };
static const struct param_rule form_params[FORM__COUNT] = {
	[FORM_SENT] = { .name = "sent", .kind = PARAM_FLAG },
	[FORM_REF] = { .name = "ref", .kind = PARAM_INT, .label = "留言编号", .min = 1, .max = INT64_MAX, .fallback = 0,
		       .code = "invalid_reference" },
};

void handle_contact_form(struct request *req, struct response *res)
{
	struct param_values p;
	if (!params_read(req, res, form_params, FORM__COUNT, &p) || !handler_need_store(req, res))
		return;
	struct view v = handler_form_view(req, res);
	res->status = view_contact(&v, NULL, p.number[FORM_SENT], p.number[FORM_SENT] ? p.number[FORM_REF] : 0);
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
		struct view v = handler_form_view(req, res);
		res->status = view_contact(&v, &values, false, 0);
		return;
	}
	int64_t id;
	if (contact_send(req->store, &values, req->client_ip, req->now, &id) != STORE_OK) {
		res->status = 503;
		return;
	}
	response_redirect(res, arena_printf(req->arena, "/contact?sent=1&ref=%" PRId64, id));
}

/* The form again after a wrong CSRF token (http/router.h). */
void reshow_contact(struct request *req, struct response *res)
{
	const char *raw[MSG__COUNT];
	if (!handler_need_store(req, res) || !handler_form_fields(req, res, contact_fields, MSG__COUNT, raw))
		return;
	struct field_values values;
	fields_check(contact_fields, MSG__COUNT, raw, req->arena, &values);
	values.problem = handler_expired_form;
	struct view v = handler_form_view(req, res);
	res->status = view_contact(&v, &values, false, 0);
}

static const char *const done_names[] = { "handled" };
static const char *const done_notices[] = { "已标记为已处理。" };
enum { INBOX_HANDLED, INBOX_PAGE, INBOX_DONE, INBOX__COUNT };
static const struct param_rule inbox_params[INBOX__COUNT] = {
	[INBOX_HANDLED] = { .name = "handled", .kind = PARAM_FLAG },
	[INBOX_PAGE] = PARAM_PAGE_RULE,
	[INBOX_DONE] = PARAM_NOTICE_RULE(done_names, done_notices),
};

void handle_admin_messages(struct request *req, struct response *res)
{
	struct param_values p;
	if (!params_read(req, res, inbox_params, INBOX__COUNT, &p) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_admin_messages(&v, p.number[INBOX_HANDLED], p.number[INBOX_PAGE], p.text[INBOX_DONE]);
}

void handle_admin_message_handled(struct request *req, struct response *res)
{
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !handler_need_store(req, res))
		return;
	enum store_rc rc = contact_mark_handled(req->store, id, handler_actor(req), req->now);
	if (rc == STORE_OK)
		response_redirect(res, "/admin/messages?done=handled");
	else
		res->status = handler_failure_status(rc);
}
