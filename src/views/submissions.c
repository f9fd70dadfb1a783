/* submissions: the news-submission pages — the form, a submission's status
 * by tracking code — and the editors' queue and review page with the
 * automatic checks as flags. */
#include "content/checks.h"
#include "content/district.h"
#include "content/industry.h"
#include "content/submission.h"
#include "store/articles.h"
#include "store/banned_words.h"
#include "store/submissions.h"
#include "util/utf8.h"
#include "views/submissions.h"
#include "views/views_internal.h"

enum { QUEUE_PAGE_SIZE = 20, FLAG_EXAMPLES_MAX = 5 };

static const char *const status_labels[REVIEW__MAX] = {
	[REVIEW_PENDING] = "待审核",
	[REVIEW_APPROVED] = "已发布",
	[REVIEW_REJECTED] = "未采用",
};

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
	tv_put_str(s, "status_text", status_labels[sub.status]);
	tv_put_str(s, "status", review_status_names[sub.status]);
	tv_put_str(s, "reason", sub.reason);
	if (sub.article_id)
		tv_put_int(s, "article_id", sub.article_id);
	page_put_time(v, s, "created", sub.created_at);
	tv_put_bool(data, "fresh", fresh);
	return page_render(v, "submit_status", data);
}

/* One flag: a short label and what the editor should look at. */
static void add_flag(struct tv *flags, const char *kind, const char *label, const char *detail)
{
	struct tv *f = tv_list_add_object(flags);
	tv_put_str(f, "kind", kind);
	tv_put_str(f, "label", label);
	tv_put_str(f, "detail", detail);
}

/* The automatic checks on a submission, as flags (see content/checks.h).
 * Banned words are read each time, so an edited list applies at once. */
static void add_flags(struct view *v, struct tv *item, const struct submission *sub, const struct word_list *banned)
{
	struct tv *flags = tv_put_list(item, "flags");
	struct str title = str_from(sub->title), body = str_from(sub->body);
	if (sub->near_article_id) {
		struct tv *f = tv_list_add_object(flags);
		tv_put_str(f, "kind", "duplicate");
		tv_put_str(f, "label", "疑似重复");
		tv_put_int(f, "article_id", sub->near_article_id);
		tv_put_str(f, "article_title", sub->near_article_title);
	}
	if (sub->near_submission_id) {
		struct tv *f = tv_list_add_object(flags);
		tv_put_str(f, "kind", "duplicate");
		tv_put_str(f, "label", "与其他投稿相似");
		tv_put_int(f, "submission_id", sub->near_submission_id);
		tv_put_str(f, "submission_title", sub->near_submission_title);
	}
	if (check_too_short(body))
		add_flag(flags, "short", "正文过短",
			 arena_printf(v->arena, "正文不足 %d 字。", CHECK_MIN_BODY_CHARS));
	if (check_mostly_links(body))
		add_flag(flags, "links", "链接过多", "正文大部分是网址，可能是广告。");
	const char *found[FLAG_EXAMPLES_MAX];
	struct buf text = { 0 };
	buf_put_str(&text, title);
	buf_putc(&text, '\n');
	buf_put_str(&text, body);
	size_t n = check_banned_words(buf_str(&text), banned, found, FLAG_EXAMPLES_MAX);
	if (n) {
		struct buf words = { 0 };
		for (size_t i = 0; i < n; i++)
			buf_printf(&words, "%s“%s”", i ? "、" : "", found[i]);
		add_flag(flags, "banned", "含敏感词", arena_strdup(v->arena, buf_cstr(&words)));
		buf_free(&words);
	}
	struct str numbers[FLAG_EXAMPLES_MAX];
	n = check_bad_numbers(buf_str(&text), numbers, FLAG_EXAMPLES_MAX);
	if (n) {
		struct buf list = { 0 };
		for (size_t i = 0; i < n; i++) {
			buf_puts(&list, i ? "、“" : "“");
			buf_put_str(&list, numbers[i]);
			buf_puts(&list, "”");
		}
		add_flag(flags, "numbers", "数字有误", arena_strdup(v->arena, buf_cstr(&list)));
		buf_free(&list);
	}
	buf_free(&text);
	const struct district *named[1];
	if (!sub->district && district_find_in_text(title, named, 1) == 0 && district_find_in_text(body, named, 1) == 0)
		add_flag(flags, "district", "未注明区", "未选择所属区，标题和正文中也没有提到区名。");
}

static void put_submission(struct view *v, struct tv *item, const struct submission *sub)
{
	tv_put_int(item, "id", sub->id);
	tv_put_str(item, "code", sub->tracking_code);
	tv_put_str(item, "title", sub->title);
	tv_put_str(item, "contributor", sub->contributor);
	tv_put_str(item, "contact", sub->contact);
	tv_put_str(item, "source", sub->source);
	tv_put_str(item, "status", review_status_names[sub->status]);
	tv_put_str(item, "status_label", status_labels[sub->status]);
	tv_put_str(item, "reason", sub->reason);
	tv_put_str(item, "client_ip", sub->client_ip);
	if (sub->article_id)
		tv_put_int(item, "article_id", sub->article_id);
	const struct district *d = sub->district ? district_lookup(str_from(sub->district)) : NULL;
	const struct industry *ind = sub->industry ? industry_by_slug(str_from(sub->industry)) : NULL;
	tv_put_str(item, "district_name", d ? d->name : NULL);
	tv_put_str(item, "industry_name", ind ? ind->name : NULL);
	tv_put_int(item, "chars", (long long)utf8_length(sub->body, strlen(sub->body)));
	page_put_time(v, item, "created", sub->created_at);
}

static void free_word_list(void *list)
{
	word_list_free(list);
}

/* The banned-word list, read and normalised once for the page: an edited
 * list applies at once. NULL when the database failed. */
static const struct word_list *banned_words(struct view *v)
{
	const char **words;
	size_t n;
	if (store_banned_words(v->store, v->arena, &words, &n) != STORE_OK)
		return NULL;
	struct word_list *list = word_list_new(words, n);
	arena_defer(v->arena, free_word_list, list);
	return list;
}

int view_admin_queue(struct view *v, enum review_status status, long page, const char *notice)
{
	struct submission *subs;
	size_t n;
	int64_t total;
	const struct word_list *banned = banned_words(v);
	if (!banned || store_submissions_list(v->store, status, pagination_offset(page, QUEUE_PAGE_SIZE),
					      QUEUE_PAGE_SIZE, v->arena, &subs, &n, &total) != STORE_OK)
		return 500;
	struct pagination p = pagination_make(total, QUEUE_PAGE_SIZE, page);
	if (!pagination_in_range(&p))
		return 404;
	struct tv *data = page_staff_data(v, arena_printf(v->arena, "投稿审核：%s", status_labels[status]), "queue", notice);
	page_add_status_tabs(data, status_labels, status);
	tv_put_str(data, "status_label", status_labels[status]);
	tv_put_int(data, "total", total);
	struct tv *items = tv_put_list(data, "submissions");
	for (size_t i = 0; i < n; i++) {
		struct tv *item = tv_list_add_object(items);
		put_submission(v, item, &subs[i]);
		add_flags(v, item, &subs[i], banned);
	}
	page_add_pagination(data, &p, arena_printf(v->arena, "/admin/submissions?status=%s&", review_status_names[status]));
	return page_render(v, "admin_queue", data);
}

int view_admin_queue_json(struct view *v, enum review_status status, long page)
{
	struct submission *subs;
	size_t n;
	int64_t total;
	if (store_submissions_list(v->store, status, pagination_offset(page, QUEUE_PAGE_SIZE), QUEUE_PAGE_SIZE,
				   v->arena, &subs, &n, &total) != STORE_OK)
		return 500;
	if (page > 1 && n == 0)
		return 404; /* past the last page, as the public lists answer */
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct submission *s = &subs[i];
		json_array_append_new(list, json_pack("{s:I,s:s,s:s,s:s?,s:s?,s:s,s:I}", "id", (json_int_t)s->id,
						      "title", s->title, "status", review_status_names[s->status], "district", s->district,
						      "industry", s->industry, "contributor", s->contributor, "created_at",
						      (json_int_t)s->created_at));
	}
	bool more = pagination_offset(page, QUEUE_PAGE_SIZE) + QUEUE_PAGE_SIZE < total;
	json_t *next = more ? json_string(arena_printf(v->arena, "/api/v1/admin/submissions?status=%s&page=%ld", review_status_names[status],
						       page + 1))
			    : json_null();
	page_emit_json(v, json_pack("{s:I,s:I,s:o,s:o}", "total", (json_int_t)total, "page", (json_int_t)page,
				    "results", list, "next", next));
	return 200;
}

int view_admin_submission(struct view *v, int64_t id, const struct field_values *edit, const char *error,
			  const char *notice)
{
	struct submission sub;
	enum store_rc rc = store_submission_get(v->store, id, v->arena, &sub);
	if (rc != STORE_OK)
		return rc == STORE_NOT_FOUND ? 404 : 500;
	const struct word_list *banned = banned_words(v);
	if (!banned)
		return 500;
	struct tv *data = page_staff_data(v, arena_printf(v->arena, "审核投稿：%s", sub.title), "queue", notice);
	tv_put_str(data, "error", error);
	struct tv *item = tv_put_object(data, "submission");
	put_submission(v, item, &sub);
	add_flags(v, item, &sub, banned);
	tv_put_bool(item, "pending", sub.status == REVIEW_PENDING);
	/* The body as the public page will show it once approved. */
	struct buf body = { 0 };
	submission_article_body(sub.body, &body);
	page_add_sections(item, arena_strdup(v->arena, buf_cstr(&body)));
	buf_free(&body);
	struct field_values shown = { 0 };
	if (edit) {
		shown = *edit;
	} else {
		shown.value[SUB_TITLE] = sub.title;
		shown.value[SUB_BODY] = sub.body;
		shown.value[SUB_DISTRICT] = sub.district;
		shown.value[SUB_INDUSTRY] = sub.industry;
		shown.value[SUB_SOURCE] = sub.source;
	}
	page_add_form(data, submission_fields, SUBMISSION_EDITABLE, &shown);
	page_add_tag_options(data, shown.value[SUB_DISTRICT], shown.value[SUB_INDUSTRY]);
	int status = page_render(v, "admin_submission", data);
	return status == 200 && (error || (edit && edit->nerrors)) ? 400 : status;
}
