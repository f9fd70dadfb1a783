/* admin: signing in, and the staff pages that are not one family's queue —
 * the audit log, accounts, the banned-word list, an article's tags. */
#include "content/district.h"
#include "content/industry.h"
#include "store/accounts.h"
#include "store/articles.h"
#include "store/audit.h"
#include "store/banned_words.h"
#include "views/admin.h"
#include "views/views_internal.h"

enum { AUDIT_PAGE_SIZE = 50 };

int view_login(struct view *v, const char *username, const char *error, const char *next)
{
	struct tv *data = page_data(v, "编辑登录", NULL, NULL);
	tv_put_str(data, "username", username);
	tv_put_str(data, "error", error);
	tv_put_str(data, "next", next);
	return page_render(v, "login", data);
}

static const char *action_label(const char *action)
{
	static const struct {
		const char *action, *label;
	} labels[] = {
		{ "submission.approve", "发布投稿" }, { "submission.reject", "退回投稿" },
		{ "submission.edit", "修改投稿" },    { "user.add", "添加账号" },
		{ "user.disable", "停用账号" },       { "user.enable", "启用账号" },
		{ "banned_words.set", "修改敏感词" }, { "enterprise.approve", "通过企业入驻" },
		{ "enterprise.reject", "企业入驻不通过" },
		{ "enterprise.edit", "企业修改登记信息" }, { "enterprise.approve_edit", "通过企业信息修改" },
		{ "enterprise.reject_edit", "企业信息修改不通过" }, { "enterprise.link", "企业更换修改链接" }, { "article.tags", "修改文章标签" }, { "message.handle", "处理留言" },
	};
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (!strcmp(labels[i].action, action))
			return labels[i].label;
	return action;
}

/* "submission:12" and "enterprise:3" link to their pages. */
static void put_target(struct view *v, struct tv *item, const char *target)
{
	tv_put_str(item, "target", target);
	static const struct {
		const char *prefix, *url;
	} pages[] = { { "submission:", "/admin/submissions/" },
		      { "enterprise:", "/admin/enterprises/" },
		      { "article:", "/articles/" } };
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		size_t n = strlen(pages[i].prefix);
		long id;
		if (!strncmp(target, pages[i].prefix, n) && str_to_long(str_from(target + n), 1, INT64_MAX, &id))
			tv_put_str(item, "target_url", arena_printf(v->arena, "%s%ld", pages[i].url, id));
	}
}

int view_admin_audit(struct view *v, long page)
{
	struct audit_entry *entries;
	size_t n;
	int64_t total;
	if (store_audit_list(v->store, pagination_offset(page, AUDIT_PAGE_SIZE), AUDIT_PAGE_SIZE, v->arena, &entries,
			     &n, &total) != STORE_OK)
		return 500;
	struct pagination p = pagination_make(total, AUDIT_PAGE_SIZE, page);
	if (!pagination_in_range(&p))
		return 404;
	struct tv *data = page_staff_data(v, "审计日志", "audit", NULL);
	tv_put_int(data, "total", total);
	struct tv *list = tv_put_list(data, "entries");
	for (size_t i = 0; i < n; i++) {
		struct tv *item = tv_list_add_object(list);
		page_put_time(v, item, "at", entries[i].at);
		tv_put_str(item, "user", entries[i].user_name);
		tv_put_str(item, "action", action_label(entries[i].action));
		put_target(v, item, entries[i].target);
		tv_put_str(item, "detail", entries[i].detail);
	}
	page_add_pagination(data, &p, "/admin/audit?");
	return page_render(v, "admin_audit", data);
}

int view_admin_users(struct view *v, const char *error, const char *name_typed, const char *notice)
{
	struct user *users;
	size_t n;
	if (store_users_list(v->store, v->arena, &users, &n) != STORE_OK)
		return 500;
	struct tv *data = page_staff_data(v, "账号管理", "users", notice);
	tv_put_str(data, "error", error);
	tv_put_str(data, "name_typed", name_typed);
	tv_put_int(data, "password_min", AUTH_PASSWORD_MIN_CHARS);
	struct tv *list = tv_put_list(data, "users");
	for (size_t i = 0; i < n; i++) {
		struct tv *item = tv_list_add_object(list);
		tv_put_str(item, "name", users[i].name);
		tv_put_str(item, "role", !strcmp(users[i].role, "admin") ? "管理员" : "编辑");
		tv_put_bool(item, "disabled", users[i].disabled);
		tv_put_bool(item, "self", !strcmp(users[i].name, v->session->user_name));
	}
	int status = page_render(v, "admin_users", data);
	return status == 200 && error ? 400 : status;
}

int view_admin_banned_words(struct view *v, const char *notice)
{
	const char **words;
	size_t n;
	if (store_banned_words(v->store, v->arena, &words, &n) != STORE_OK)
		return 500;
	struct buf text = { 0 };
	for (size_t i = 0; i < n; i++)
		buf_printf(&text, "%s\n", words[i]);
	struct tv *data = page_staff_data(v, "敏感词", "words", notice);
	tv_put_str(data, "words", arena_strdup(v->arena, buf_cstr(&text)));
	tv_put_int(data, "count", (long long)n);
	buf_free(&text);
	return page_render(v, "admin_words", data);
}

int view_admin_article_tags(struct view *v, int64_t id, const char *error)
{
	struct article a;
	enum store_rc rc = store_article_get(v->store, id, v->arena, &a);
	if (rc != STORE_OK)
		return rc == STORE_NOT_FOUND ? 404 : 500;
	struct tv *data = page_data(v, arena_printf(v->arena, "修改标签：%s", a.title), NULL, NULL);
	tv_put_str(data, "error", error);
	tv_put_int(data, "id", a.id);
	tv_put_str(data, "title", a.title);
	tv_put_bool(data, "citywide", a.citywide);
	struct tv *list = tv_put_list(data, "district_checks");
	for (size_t i = 0; i < DISTRICT_COUNT; i++) {
		struct tv *o = tv_list_add_object(list);
		tv_put_str(o, "slug", districts[i].slug);
		tv_put_str(o, "name", districts[i].name);
		for (size_t k = 0; k < a.ndistricts; k++)
			if (!strcmp(a.districts[k], districts[i].slug))
				tv_put_bool(o, "checked", true);
	}
	list = tv_put_list(data, "industry_checks");
	for (size_t i = 0; i < INDUSTRY_COUNT; i++) {
		struct tv *o = tv_list_add_object(list);
		tv_put_str(o, "slug", industries[i].slug);
		tv_put_str(o, "name", industries[i].name);
		for (size_t k = 0; k < a.nindustries; k++)
			if (!strcmp(a.industries[k], industries[i].slug))
				tv_put_bool(o, "checked", true);
	}
	tv_put_int(data, "max_industries", ARTICLE_MAX_INDUSTRIES);
	int status = page_render(v, "admin_article_tags", data);
	return status == 200 && error ? 400 : status;
}
