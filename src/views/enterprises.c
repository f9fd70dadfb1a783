/* enterprises: the enterprise pages — registration, the private edit page,
 * the directory (page, JSON, CSV) and one enterprise's profile — and
 * their staff review. */
#include <inttypes.h>
#include <stdio.h>

#include "content/district.h"
#include "content/enterprise.h"
#include "content/sector.h"
#include "search/query.h"
#include "store/articles.h"
#include "store/enterprises.h"
#include "util/assets.h"
#include "util/html.h"
#include "views/enterprises.h"
#include "views/views_internal.h"

enum { DIRECTORY_PAGE_SIZE = 20, PROFILE_NEWS = 5 };

static const char *const status_labels[REVIEW__MAX] = {
	[REVIEW_PENDING] = "待审核",
	[REVIEW_APPROVED] = "已通过",
	[REVIEW_REJECTED] = "未通过",
};

/* The <option>s of the industry and district selects and the seeking
 * checkboxes, with the given values chosen. */
static void add_options(struct tv *data, const char *industry, const char *district, const char *seeking)
{
	struct tv *list = tv_put_list(data, "sector_options");
	for (size_t i = 0; i < SECTION_COUNT; i++) {
		struct tv *o = tv_list_add_object(list);
		tv_put_str(o, "slug", sections[i].slug);
		tv_put_strn(o, "code", &sections[i].section, 1);
		tv_put_str(o, "name", sections[i].name);
		tv_put_bool(o, "selected", industry && !strcmp(industry, sections[i].slug));
	}
	page_add_tag_options(data, district, industry); /* districts, and focus industries */
	const struct field_rule *r = &enterprise_fields[ENT_SEEKING];
	list = tv_put_list(data, "seeking_options");
	for (size_t i = 0; i < r->nchoices; i++) {
		struct tv *o = tv_list_add_object(list);
		tv_put_str(o, "value", r->choices[i].value);
		tv_put_str(o, "label", r->choices[i].label);
		size_t len = strlen(r->choices[i].value);
		bool on = false;
		for (const char *p = seeking; p && *p; p += strcspn(p, ",") + (p[strcspn(p, ",")] == ',')) {
			if (!strncmp(p, r->choices[i].value, len) && (p[len] == ',' || !p[len]))
				on = true;
		}
		tv_put_bool(o, "checked", on);
	}
	tv_put_bool(data, "outside_selected", district && !strcmp(district, "outside"));
}

/* The form's fields from values typed, else from the enterprise stored. */
static void add_form(struct tv *data, const struct field_values *values, const struct enterprise *e)
{
	struct field_values shown = { 0 };
	if (values)
		shown = *values;
	else if (e)
		enterprise_values_of(e, shown.value);
	page_add_form(data, enterprise_fields, ENT__COUNT, values || e ? &shown : NULL);
	add_options(data, shown.value[ENT_INDUSTRY], shown.value[ENT_DISTRICT], shown.value[ENT_SEEKING]);
}

/* The approved enterprise id's edit waiting (or rejected) into *edit:
 * 1 when it has one, 0 when not, -1 when the database failed. */
static int edit_of(struct view *v, int64_t id, struct enterprise *edit)
{
	enum store_rc rc = store_enterprise_edit_get(v->store, id, v->arena, edit);
	return rc == STORE_OK ? 1 : rc == STORE_NOT_FOUND ? 0 : -1;
}

int view_enterprise_join(struct view *v, const struct field_values *values)
{
	struct tv *data = page_data(v, "企业入驻登记", "企业入驻上海招商资讯企业名录：登记选址、办公、厂房、融资、政策咨询与人才需求。", NULL);
	page_set_canonical(v, data, "/enterprises/join");
	tv_put_str(data, "action", "/enterprises/join");
	add_form(data, values, NULL);
	int status = page_render(v, "enterprise_join", data);
	return status == 200 && values && values->nerrors ? 400 : status;
}

/* The private link, shown once in full (the site's public address, not
 * the request's Host), with a copy button that static/copy.js shows and a
 * mailto: link to the enterprise's own address when it gave one: the site
 * sends no mail itself. */
static void add_link(struct view *v, struct tv *data, const char *url, const char *email)
{
	struct tv *link = tv_put_object(data, "fresh");
	tv_put_str(link, "url", url);
	tv_put_str(link, "script", asset_find("static/copy.js")->url);
	if (!email)
		return;
	static const char subject[] = "上海招商资讯：贵企业的专属修改链接";
	const char *body = arena_printf(v->arena,
					"这是贵企业在上海招商资讯企业名录的专属修改链接，凭它可以查看审核状态、修改登记信息。"
					"请妥善保存，不要转发：\r\n\r\n%s\r\n",
					url);
	/* Each part percent-encoded: ? & = in the address would add fields. */
	struct buf *href = arena_buf(v->arena);
	buf_puts(href, "mailto:");
	url_escape(href, email, strlen(email));
	buf_puts(href, "?subject=");
	url_escape(href, subject, strlen(subject));
	buf_puts(href, "&body=");
	url_escape(href, body, strlen(body));
	tv_put_str(link, "mailto", buf_cstr(href));
	tv_put_str(link, "email", email);
}

int view_enterprise_edit(struct view *v, const char *token, const struct enterprise *e,
			 const struct field_values *values, const char *notice, bool fresh, const char *problem)
{
	struct tv *data = page_data(v, "修改企业信息", NULL, NULL);
	const char *path = arena_printf(v->arena, "/enterprises/edit/%s", token);
	tv_put_str(data, "action", path);
	tv_put_str(data, "notice", notice);
	if (fresh)
		add_link(v, data, page_url(v, path), e->email);
	tv_put_str(data, "status", review_status_names[e->status]);
	tv_put_str(data, "status_label", status_labels[e->status]);
	tv_put_str(data, "reason", e->reason);
	/* Once approved, the public revision stays while a change waits: the
	 * form shows the change (waiting or turned down), the card both. */
	struct enterprise edit;
	int has_edit = 0;
	if (e->status == REVIEW_APPROVED) {
		tv_put_int(data, "public_id", e->id);
		tv_put_bool(data, "approved", true);
		has_edit = edit_of(v, e->id, &edit);
		if (has_edit < 0)
			return 500;
	}
	if (has_edit) {
		struct tv *item = tv_put_object(data, "edit");
		tv_put_bool(item, "pending", edit.status == REVIEW_PENDING);
		tv_put_str(item, "reason", edit.reason);
		page_put_time(v, item, "updated", edit.updated_at);
	}
	struct field_values stored = { 0 };
	if (!values && problem) {
		enterprise_values_of(has_edit ? &edit : e, stored.value);
		stored.problem = problem;
		values = &stored;
	}
	add_form(data, values, has_edit ? &edit : e);
	int status = page_render(v, "enterprise_edit", data);
	return status == 200 && values && values->nerrors ? 400 : status;
}

/* An enterprise's public fields for a page or the API. */
static void put_public(struct view *v, struct tv *item, const struct enterprise *e)
{
	tv_put_int(item, "id", e->id);
	tv_put_str(item, "name", e->name);
	tv_put_str(item, "credit_code", e->credit_code);
	tv_put_str(item, "industry", e->industry);
	tv_put_str(item, "industry_name", sector_name(e->industry));
	tv_put_str(item, "district", e->district);
	tv_put_str(item, "district_name", enterprise_place_name(e->district));
	tv_put_str(item, "seeking_labels", enterprise_seeking_labels(e->seeking, v->arena));
	tv_put_str(item, "description", e->description);
	tv_put_str(item, "website", e->website);
}

/* Checks and parses the directory query; 400 and NULL match for a bad q. */
static int directory_filter(struct view *v, const struct directory_request *r, enum review_status status,
			    struct enterprise_filter *f)
{
	*f = (struct enterprise_filter){ .status = status, .district = r->district, .industry = r->industry,
					 .seeking = r->seeking };
	if (!r->q || !*r->q)
		return 200;
	struct search_query q;
	switch (search_query_parse(str_from(r->q), v->arena, &q)) {
	case QUERY_OK:
		f->match = q.match;
		return 200;
	case QUERY_EMPTY:
		return 200;
	default:
		return 400;
	}
}

/* "/enterprises?" with every filter but page, ready for "page=N". */
static const char *directory_base(struct view *v, const struct directory_request *r, const char *path)
{
	struct buf *b = arena_buf(v->arena);
	buf_printf(b, "%s?", path);
	const char *names[] = { "q", "district", "industry", "seeking" };
	const char *values[] = { r->q, r->district, r->industry, r->seeking };
	for (size_t i = 0; i < 4; i++) {
		if (!values[i] || !*values[i])
			continue;
		buf_printf(b, "%s=", names[i]);
		url_escape(b, values[i], strlen(values[i]));
		buf_putc(b, '&');
	}
	return buf_cstr(b);
}

/* One page of the public directory: 200, or 400 (bad query), 404 (past
 * the end) or 500. */
static int directory_page(struct view *v, const struct directory_request *r, struct enterprise **list, size_t *n,
			  struct pagination *p)
{
	struct enterprise_filter f;
	if (directory_filter(v, r, REVIEW_APPROVED, &f) != 200)
		return 400;
	int64_t total;
	if (store_enterprises_list(v->store, &f, pagination_offset(r->page, DIRECTORY_PAGE_SIZE), DIRECTORY_PAGE_SIZE,
				   v->arena, list, n, &total) != STORE_OK)
		return 500;
	*p = pagination_make(total, DIRECTORY_PAGE_SIZE, r->page);
	return pagination_in_range(p) ? 200 : 404;
}

int view_enterprises(struct view *v, const struct directory_request *r)
{
	struct enterprise *list;
	size_t n;
	struct pagination p;
	int status = directory_page(v, r, &list, &n, &p);
	if (status != 200)
		return status;
	int64_t total = p.total;
	struct tv *data = page_data(v, "企业名录", "已入驻上海招商资讯的企业：按名称、行业、所在区和需求查找。", NULL);
	tv_put_str(data, "q_directory", r->q);
	tv_put_int(data, "total", total);
	bool filtered = (r->q && *r->q) || r->district || r->industry || r->seeking;
	tv_put_bool(data, "filtered", filtered);
	if (!filtered)
		page_set_canonical(v, data, r->page > 1 ? arena_printf(v->arena, "/enterprises?page=%ld", r->page)
							: "/enterprises");
	add_options(data, r->industry, r->district, r->seeking);
	struct tv *items = tv_put_list(data, "enterprises");
	for (size_t i = 0; i < n; i++)
		put_public(v, tv_list_add_object(items), &list[i]);
	page_add_pagination(data, &p, directory_base(v, r, "/enterprises"));
	return page_render(v, "enterprises", data);
}

int view_enterprises_json(struct view *v, const struct directory_request *r)
{
	struct enterprise *list;
	size_t n;
	struct pagination p;
	int status = directory_page(v, r, &list, &n, &p);
	if (status != 200)
		return status;
	int64_t total = p.total;
	json_t *results = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct enterprise *e = &list[i];
		json_t *seeking = json_array();
		char *copy = arena_strdup(v->arena, e->seeking), *save = NULL;
		for (char *s = strtok_r(copy, ",", &save); s; s = strtok_r(NULL, ",", &save))
			json_array_append_new(seeking, json_string(s));
		json_array_append_new(
			results, json_pack("{s:I,s:s,s:s,s:s,s:o,s:s,s:o,s:o,s:o,s:o}", "id", (json_int_t)e->id, "name",
					   e->name, "credit_code", e->credit_code, "industry", e->industry, "industry_name",
					   page_json_string(sector_name(e->industry)), "district", e->district, "district_name",
					   page_json_string(enterprise_place_name(e->district)), "seeking", seeking,
					   "description", page_json_string(e->description), "website", page_json_string(e->website)));
	}
	json_t *next = p.page < p.pages ? json_string(arena_printf(v->arena, "%spage=%ld",
								    directory_base(v, r, "/api/v1/enterprises"), p.page + 1))
					: json_null();
	page_emit_json(v, json_pack("{s:I,s:I,s:o,s:o}", "total", (json_int_t)total, "page", (json_int_t)r->page,
				    "results", results, "next", next));
	return 200;
}

/* A short list of article links under key. */
static void add_news(struct tv *data, const char *key, const struct article_summary *items, size_t n)
{
	struct tv *list = tv_put_list(data, key);
	for (size_t i = 0; i < n; i++) {
		struct tv *item = tv_list_add_object(list);
		tv_put_int(item, "id", items[i].id);
		tv_put_str(item, "title", items[i].title);
		tv_put_str(item, "date", items[i].date);
	}
}

int view_enterprise(struct view *v, int64_t id)
{
	struct enterprise e;
	enum store_rc rc = store_enterprise_get(v->store, id, v->arena, &e);
	if (rc == STORE_ERROR)
		return 500;
	/* Staff may look at any registration; the public only at approved ones. */
	if (rc == STORE_NOT_FOUND || (e.status != REVIEW_APPROVED && !v->session))
		return 404;
	struct tv *data = page_data(v, e.name, e.description, NULL);
	if (e.status == REVIEW_APPROVED)
		page_set_canonical(v, data, arena_printf(v->arena, "/enterprises/%lld", (long long)e.id));
	struct tv *item = tv_put_object(data, "enterprise");
	put_public(v, item, &e);
	if (v->session) {
		struct tv *contact = tv_put_object(item, "contact");
		tv_put_str(contact, "name", e.contact_name);
		tv_put_str(contact, "phone", e.phone);
		tv_put_str(contact, "email", e.email);
		if (e.email) {
			/* Percent-encoded: ? & = in an address would add mailto
			 * fields (a hidden bcc) to the staff's reply. */
			struct buf *href = arena_buf(v->arena);
			buf_puts(href, "mailto:");
			url_escape(href, e.email, strlen(e.email));
			tv_put_str(contact, "email_href", buf_cstr(href));
		}
	}
	const struct district *d = district_lookup(str_from(e.district));
	if (d && !strcmp(d->slug, e.district)) {
		struct article_page list;
		if (store_articles_list(v->store, d->slug, 0, PROFILE_NEWS, 1, v->arena, &list) != STORE_OK)
			return 500;
		add_news(data, "district_news", list.items, list.count);
		tv_put_str(data, "district_slug", d->slug);
	}
	struct article_summary *news;
	size_t n;
	if (store_industry_articles(v->store, e.industry, PROFILE_NEWS, v->arena, &news, &n) != STORE_OK)
		return 500;
	add_news(data, "industry_news", news, n);
	return page_render(v, "enterprise", data);
}

/* The labels of the fields set in changed, joined by "、" (in arena). */
static const char *changed_labels(struct arena *arena, const bool changed[ENT__COUNT])
{
	struct buf *b = arena_buf(arena);
	for (size_t i = 0; i < ENT__COUNT; i++)
		if (changed[i])
			buf_printf(b, "%s%s", b->len ? "、" : "", enterprise_fields[i].label);
	return buf_cstr(b);
}

int view_admin_enterprises(struct view *v, enum review_status status, long page, const char *notice)
{
	/* The pending tab is the review queue: registrations, and approved
	 * enterprises' edits waiting beside their public revision. */
	struct enterprise_review *queue = NULL;
	struct enterprise *list = NULL;
	size_t n;
	int64_t total;
	int64_t offset = pagination_offset(page, DIRECTORY_PAGE_SIZE);
	if (status == REVIEW_PENDING) {
		if (store_enterprise_queue(v->store, offset, DIRECTORY_PAGE_SIZE, v->arena, &queue, &n, &total) != STORE_OK)
			return 500;
	} else {
		struct enterprise_filter f = { .status = status };
		if (store_enterprises_list(v->store, &f, offset, DIRECTORY_PAGE_SIZE, v->arena, &list, &n, &total) !=
		    STORE_OK)
			return 500;
	}
	struct pagination p = pagination_make(total, DIRECTORY_PAGE_SIZE, page);
	if (!pagination_in_range(&p))
		return 404;
	struct tv *data =
		page_staff_data(v, arena_printf(v->arena, "企业入驻审核：%s", status_labels[status]), "enterprises", notice);
	tv_put_str(data, "status_label", status_labels[status]);
	tv_put_int(data, "total", total);
	page_add_status_tabs(data, status_labels, status);
	struct tv *items = tv_put_list(data, "enterprises");
	for (size_t i = 0; i < n; i++) {
		struct tv *item = tv_list_add_object(items);
		const struct enterprise_review *r = queue ? &queue[i] : NULL;
		const struct enterprise *shown = !r ? &list[i] : r->has_edit ? &r->edit : &r->current;
		put_public(v, item, shown);
		page_put_time(v, item, "updated", shown->updated_at);
		if (r && r->has_edit) {
			bool changed[ENT__COUNT];
			enterprise_changes(&r->current, &r->edit, changed);
			tv_put_str(item, "changed", changed_labels(v->arena, changed));
		}
	}
	page_add_pagination(data, &p, arena_printf(v->arena, "/admin/enterprises?status=%s&", review_status_names[status]));
	return page_render(v, "admin_enterprises", data);
}

/* A field's value as staff read it: names for slugs, "（未填）" for none. */
static const char *readable(struct arena *arena, int field, const char *value)
{
	const char *text = value;
	if (value && field == ENT_INDUSTRY)
		text = sector_name(value);
	else if (value && field == ENT_DISTRICT)
		text = enterprise_place_name(value);
	else if (value && field == ENT_SEEKING)
		text = enterprise_seeking_labels(value, arena);
	return text && *text ? text : "（未填）";
}

/* An approved enterprise's edit beside its public revision: what it
 * changes, old → new, and (while it waits) the revision to decide. */
static void add_edit(struct view *v, struct tv *item, const struct enterprise *public,
		     const struct enterprise *edit)
{
	struct tv *e = tv_put_object(item, "edit");
	bool waiting = edit->status == REVIEW_PENDING;
	tv_put_bool(e, "pending", waiting);
	tv_put_str(e, "reason", edit->reason);
	tv_put_str(e, "client_ip", edit->client_ip);
	page_put_time(v, e, "updated", edit->updated_at);
	bool changed[ENT__COUNT];
	const char *old[ENT__COUNT], *new[ENT__COUNT];
	enterprise_changes(public, edit, changed);
	enterprise_values_of(public, old);
	enterprise_values_of(edit, new);
	struct tv *list = tv_put_list(e, "changes");
	for (int i = 0; i < ENT__COUNT; i++) {
		if (!changed[i])
			continue;
		struct tv *c = tv_list_add_object(list);
		tv_put_str(c, "label", enterprise_fields[i].label);
		tv_put_str(c, "old", readable(v->arena, i, old[i]));
		tv_put_str(c, "new", readable(v->arena, i, new[i]));
	}
}

int view_admin_enterprise(struct view *v, int64_t id, const char *error, const char *notice)
{
	struct enterprise e;
	enum store_rc rc = store_enterprise_get(v->store, id, v->arena, &e);
	if (rc != STORE_OK)
		return rc == STORE_NOT_FOUND ? 404 : 500;
	struct tv *data = page_staff_data(v, arena_printf(v->arena, "审核企业：%s", e.name), "enterprises", notice);
	tv_put_str(data, "error", error);
	struct tv *item = tv_put_object(data, "enterprise");
	put_public(v, item, &e);
	tv_put_str(item, "status", review_status_names[e.status]);
	tv_put_str(item, "status_label", status_labels[e.status]);
	tv_put_str(item, "reason", e.reason);
	struct enterprise edit;
	int has_edit = e.status == REVIEW_APPROVED ? edit_of(v, id, &edit) : 0;
	if (has_edit < 0)
		return 500;
	if (has_edit)
		add_edit(v, item, &e, &edit);
	/* The decision forms decide what waits, at its revision: the
	 * registration, or once approved its edit. */
	bool edit_waiting = has_edit && edit.status == REVIEW_PENDING;
	tv_put_bool(item, "pending", e.status == REVIEW_PENDING || edit_waiting);
	tv_put_int(item, "revision", edit_waiting ? edit.revision : e.revision);
	tv_put_str(item, "contact_name", e.contact_name);
	tv_put_str(item, "phone", e.phone);
	tv_put_str(item, "email", e.email);
	tv_put_str(item, "client_ip", e.client_ip);
	page_put_time(v, item, "created", e.created_at);
	page_put_time(v, item, "updated", e.updated_at);
	int status = page_render(v, "admin_enterprise", data);
	return status == 200 && error ? 400 : status;
}

enum { CSV_COLUMNS = 12 };

static int csv_row(void *ctx, const struct enterprise *e)
{
	struct view *v = ctx;
	char id[24];
	snprintf(id, sizeof(id), "%" PRId64, e->id);
	struct arena *scratch = arena_new();
	const char *row[CSV_COLUMNS] = {
		id, e->name, e->credit_code, sector_name(e->industry), enterprise_place_name(e->district),
		enterprise_seeking_labels(e->seeking, scratch), e->description, e->website, e->contact_name, e->phone,
		e->email, page_time_text(scratch, e->updated_at),
	};
	for (size_t k = 0; k < CSV_COLUMNS; k++)
		page_csv_field(v->out, row[k], k == CSV_COLUMNS - 1);
	arena_free(scratch);
	return 0;
}

int view_admin_enterprises_csv(struct view *v)
{
	buf_puts(v->out, "\xef\xbb\xbf"); /* the BOM: Excel then reads UTF-8 */
	static const char *const header[CSV_COLUMNS] = { "编号",	"企业名称", "统一社会信用代码", "所属行业",
							 "所在区",	"需求",	 "企业简介",	     "网站",
							 "联系人",	"联系电话", "电子邮箱",	     "更新时间" };
	for (size_t i = 0; i < CSV_COLUMNS; i++)
		page_csv_field(v->out, header[i], i == CSV_COLUMNS - 1);
	return store_enterprises_each(v->store, REVIEW_APPROVED, csv_row, v) == STORE_OK ? 200 : 500;
}
