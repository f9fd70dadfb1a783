/* submit: the public forms' pages — news submission, a submission's status,
 * and the staff sign-in page. */
#include "content/district.h"
#include "content/industry.h"
#include "content/submission.h"
#include "store/submissions.h"
#include "views/views_internal.h"

int view_submit_form(struct view *v, const struct field_values *values)
{
	struct tv *data = page_data(v, "我要投稿", "向上海招商资讯投稿：各区招商引资新闻、项目签约与政策动态。", NULL);
	page_set_canonical(v, data, "/submit");
	page_add_form(data, submission_fields, SUB__COUNT, values);
	page_add_tag_options(data, values ? values->value[SUB_DISTRICT] : NULL,
			     values ? values->value[SUB_INDUSTRY] : NULL);
	int status = page_render(v, "submit", data);
	return status == 200 && values && values->nerrors ? 400 : status;
}

static const char *const status_texts[REVIEW__MAX] = {
	[REVIEW_PENDING] = "待审核",
	[REVIEW_APPROVED] = "已发布",
	[REVIEW_REJECTED] = "未采用",
};

int view_submit_status(struct view *v, const char *code, bool fresh)
{
	struct tv *data = page_data(v, "投稿查询", NULL, NULL);
	tv_put_str(data, "code_typed", code);
	char canonical[SUBMISSION_CODE_CHARS + 1];
	if (!code || !*code)
		return page_render(v, "submit_status", data);
	struct submission sub;
	enum store_rc rc = submission_code_parse(code, canonical)
				   ? store_submission_by_code(v->store, canonical, v->arena, &sub)
				   : STORE_NOT_FOUND;
	if (rc == STORE_ERROR)
		return 500;
	if (rc == STORE_NOT_FOUND) {
		tv_put_str(data, "not_found", "没有找到这个查询码对应的投稿，请核对后再试（查询码形如 ZS-XXXXX-XXXXX）。");
		int status = page_render(v, "submit_status", data);
		return status == 200 ? 404 : status;
	}
	struct tv *s = tv_put_object(data, "submission");
	tv_put_str(s, "code", sub.tracking_code);
	tv_put_str(s, "title", sub.title);
	tv_put_str(s, "status_text", status_texts[sub.status]);
	tv_put_str(s, "status", review_status_names[sub.status]);
	tv_put_str(s, "reason", sub.reason);
	if (sub.article_id)
		tv_put_int(s, "article_id", sub.article_id);
	page_put_time(v, s, "created", sub.created_at);
	tv_put_bool(data, "fresh", fresh);
	return page_render(v, "submit_status", data);
}

int view_login(struct view *v, const char *username, const char *error, const char *next)
{
	struct tv *data = page_data(v, "编辑登录", NULL, NULL);
	tv_put_str(data, "username", username);
	tv_put_str(data, "error", error);
	tv_put_str(data, "next", next);
	return page_render(v, "login", data);
}
