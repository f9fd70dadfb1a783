/* page: the parts every page shares — templates, layout data, article lists. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content/district.h"
#include "content/industry.h"
#include "content/paragraph.h"
#include "store/articles.h"
#include "util/assets.h"
#include "domain/readership.h"
#include "util/date.h"
#include "util/log.h"
#include "util/mem.h"
#include "util/utf8.h"
#include "views/views_internal.h"

enum { EXCERPT_CHARS = 110 };

static const char site_name[] = "上海招商资讯";

static struct tpl_set *templates; /* compiled once at start-up, then read-only */
static char *site_url;             /* the site's public address, set once at start-up */
static struct site_info org;       /* who runs it: strings owned here, "" when not shown */
static const char *style_href;     /* the stylesheet's fingerprinted path */
static const char *icon_href;      /* the site icon's */

const char *page_site_name(void)
{
	return site_name;
}

const struct site_info *page_site_info(void)
{
	return &org;
}

const char *page_base_url(void)
{
	return site_url;
}

int views_init(const char *public_url, const struct site_info *site, struct buf *err)
{
	site_url = xstrdup(public_url);
	org = (struct site_info){
		.org_name = xstrdup(site && site->org_name ? site->org_name : ""),
		.address = xstrdup(site && site->address ? site->address : ""),
		.phone = xstrdup(site && site->phone ? site->phone : ""),
		.email = xstrdup(site && site->email ? site->email : ""),
		.hours = xstrdup(site && site->hours ? site->hours : ""),
	};
	style_href = asset_find("static/style.css")->url;
	icon_href = asset_find("static/favicon.svg")->url;
	/* templates/home.html is "home"; templates/feed.xml is "feed.xml". */
	static const char prefix[] = "templates/", suffix[] = ".html";
	const size_t plen = sizeof(prefix) - 1, slen = sizeof(suffix) - 1;
	struct tpl_source *sources = xcalloc(assets_count, sizeof(*sources));
	char **names = xcalloc(assets_count, sizeof(*names));
	size_t n = 0;
	for (size_t i = 0; i < assets_count; i++) {
		const char *path = assets[i].path;
		size_t len = strlen(path);
		if (len <= plen || strncmp(path, prefix, plen))
			continue;
		bool html = len > plen + slen && !strcmp(path + len - slen, suffix);
		names[n] = xstrndup(path + plen, len - plen - (html ? slen : 0));
		sources[n] = (struct tpl_source){ names[n], { assets[i].data, assets[i].len } };
		n++;
	}
	int rc = tpl_set_compile(sources, n, &templates, err);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(sources);
	return rc;
}

void views_shutdown(void)
{
	tpl_set_free(templates);
	templates = NULL;
	free(site_url);
	site_url = NULL;
	free((char *)org.org_name), free((char *)org.address), free((char *)org.phone), free((char *)org.email),
		free((char *)org.hours);
	org = (struct site_info){ 0 };
}

struct tv *page_staff_data(struct view *v, const char *title, const char *section, const char *notice)
{
	struct tv *data = page_data(v, title, NULL, NULL);
	tv_put_bool(data, arena_printf(v->arena, "section_%s", section), true);
	tv_put_str(data, "notice", notice);
	return data;
}

/* The site's sections, as the main navigation lists them. A page is in
 * the section one of whose paths its own path is, or starts with followed
 * by "/": the longest that fits (/enterprises/join is not the directory). */
static const struct section {
	const char *label;
	const char *paths[2];
} sections[] = {
	{ "新闻", { "/", "/articles" } },
	{ "区县", { "/districts" } },
	{ "行业", { "/industries" } },
	{ "数据监测", { "/dashboard" } },
	{ "企业名录", { "/enterprises" } },
	{ "企业入驻", { "/enterprises/join" } },
	{ "我要投稿", { "/submit" } },
	{ "联系我们", { "/contact" } },
};
enum { SECTIONS = sizeof(sections) / sizeof(sections[0]) };

/* How much of path section i's paths cover (their length), 0 for none. */
static size_t section_fit(size_t i, const char *path)
{
	size_t best = 0;
	for (size_t k = 0; k < 2 && sections[i].paths[k]; k++) {
		const char *p = sections[i].paths[k];
		size_t n = strlen(p);
		bool fits = !strcmp(p, "/") ? !strcmp(path, "/") : !strncmp(path, p, n) && (path[n] == '\0' || path[n] == '/');
		if (fits && n > best)
			best = n;
	}
	return best;
}

/* Adds "sections": the main navigation, the page's own marked current. */
static void add_sections(struct tv *data, const char *path)
{
	size_t current = SECTIONS, fit = 0;
	for (size_t i = 0; path && i < SECTIONS; i++) {
		size_t n = section_fit(i, path);
		if (n > fit)
			current = i, fit = n;
	}
	struct tv *list = tv_put_list(data, "sections");
	for (size_t i = 0; i < SECTIONS; i++) {
		struct tv *item = tv_list_add_object(list);
		tv_put_str(item, "href", sections[i].paths[0]);
		tv_put_str(item, "label", sections[i].label);
		tv_put_bool(item, "current", i == current);
	}
}

struct tv *page_data(struct view *v, const char *title, const char *description, const char *current_district)
{
	struct tv *data = tv_object(v->arena);
	tv_put_str(data, "site_name", site_name);
	struct tv *o = tv_put_object(data, "org");
	/* Empty settings are false to the templates: not shown. */
	tv_put_str(o, "name", *org.org_name ? org.org_name : NULL);
	tv_put_str(o, "address", *org.address ? org.address : NULL);
	tv_put_str(o, "phone", *org.phone ? org.phone : NULL);
	tv_put_str(o, "email", *org.email ? org.email : NULL);
	tv_put_str(o, "hours", *org.hours ? org.hours : NULL);
	tv_put_str(data, "page_title", title);
	tv_put_str(data, "style_href", style_href);
	tv_put_str(data, "icon_href", icon_href);
	tv_put_str(data, "description",
		   description ? page_excerpt(v->arena, description) : "上海 16 个区的招商引资新闻、政策解读与重点项目动态。");
	add_sections(data, v->path);
	struct tv *nav = tv_put_list(data, "nav");
	for (size_t i = 0; i < DISTRICT_COUNT; i++) {
		struct tv *item = tv_list_add_object(nav);
		tv_put_str(item, "slug", districts[i].slug);
		tv_put_str(item, "short_name", districts[i].short_name);
		tv_put_bool(item, "current", current_district && !strcmp(current_district, districts[i].slug));
	}
	tv_put_str(data, "csrf_token", v->csrf_token);
	if (v->session) {
		struct tv *staff = tv_put_object(data, "staff");
		tv_put_str(staff, "name", v->session->user_name);
		tv_put_bool(staff, "admin", v->session->role == ROLE_ADMIN);
	}
	return data;
}

const char *page_url(struct view *v, const char *path)
{
	return arena_printf(v->arena, "%s%s", site_url, path);
}

void page_set_canonical(struct view *v, struct tv *data, const char *path)
{
	tv_put_str(data, "canonical", page_url(v, path));
}

void page_add_feed(struct tv *data, const char *title, const char *path)
{
	struct tv *item = tv_list_add_object(tv_put_list(data, "feeds"));
	tv_put_str(item, "title", title);
	tv_put_str(item, "href", path);
}

int page_render(struct view *v, const char *name, const struct tv *data)
{
	if (tpl_render(templates, name, data, v->out) < 0) {
		log_error("views: no template named %s", name);
		return 500;
	}
	return 200;
}

size_t page_split_slugs(struct arena *arena, const char *csv, const char **out, size_t max)
{
	size_t n = 0;
	char *copy = arena_strdup(arena, csv ? csv : ""), *save = NULL;
	for (char *tok = strtok_r(copy, ",", &save); tok && n < max; tok = strtok_r(NULL, ",", &save))
		out[n++] = tok;
	return n;
}

void page_add_districts(struct tv *data, const char *key, const char *const *slugs, size_t n)
{
	struct tv *list = tv_put_list(data, key);
	for (size_t i = 0; i < n; i++) {
		const struct district *d = district_lookup(str_from(slugs[i]));
		if (!d)
			continue;
		struct tv *item = tv_list_add_object(list);
		tv_put_str(item, "slug", d->slug);
		tv_put_str(item, "name", d->name);
	}
}

const char *page_excerpt(struct arena *a, const char *body)
{
	size_t len = strlen(body);
	size_t cut = utf8_prefix(body, len, EXCERPT_CHARS);
	char *e = arena_alloc(a, cut + sizeof("…"));
	memcpy(e, body, cut);
	for (size_t i = 0; i < cut; i++)
		if (e[i] == '\n')
			e[i] = ' ';
	strcpy(e + cut, cut < len ? "…" : "");
	return e;
}

void page_add_pagination(struct tv *data, const struct pagination *p, const char *base_url)
{
	if (p->pages <= 1)
		return;
	struct tv *pg = tv_put_object(data, "pagination");
	tv_put_str(pg, "base", base_url);
	tv_put_int(pg, "page", p->page);
	tv_put_int(pg, "pages", p->pages);
	if (p->page > 1)
		tv_put_int(pg, "prev", p->page - 1);
	if (p->page < p->pages)
		tv_put_int(pg, "next", p->page + 1);
	long window[PAGINATION_WINDOW_MAX];
	size_t n = pagination_window(p, window);
	struct tv *links = tv_put_list(pg, "links");
	for (size_t i = 0; i < n; i++) {
		struct tv *item = tv_list_add_object(links);
		if (window[i] == 0) {
			tv_put_bool(item, "gap", true);
		} else {
			tv_put_int(item, "n", window[i]);
			tv_put_bool(item, "current", window[i] == p->page);
		}
	}
}

void page_add_article_list(struct view *v, struct tv *data, const struct article_page *list,
			   const struct pagination *p, const char *base_url)
{
	tv_put_int(data, "total", list->total);
	struct tv *articles = tv_put_list(data, "articles");
	for (size_t i = 0; i < list->count; i++) {
		const struct article_summary *s = &list->items[i];
		struct tv *item = tv_list_add_object(articles);
		tv_put_int(item, "id", s->id);
		tv_put_str(item, "title", s->title);
		tv_put_str(item, "date", s->date);
		tv_put_str(item, "excerpt", page_excerpt(v->arena, s->excerpt ? s->excerpt : ""));
		const char *slugs[DISTRICT_COUNT];
		size_t n = page_split_slugs(v->arena, s->districts, slugs, DISTRICT_COUNT);
		page_add_districts(item, "districts", slugs, n);
		tv_put_bool(item, "citywide", s->citywide && n == 0);
		tv_put_str(item, "source", s->source);
	}
	page_add_pagination(data, p, base_url);
}

void page_add_channel_counts(struct view *v, struct tv *data)
{
	struct tag_count *counts;
	size_t n = 0;
	if (store_district_counts(v->store, v->arena, &counts, &n) != STORE_OK)
		n = 0; /* logged; the menu still links every channel */
	struct tv *list = tv_put_list(data, "channels");
	for (size_t i = 0; i < DISTRICT_COUNT; i++) {
		int64_t articles = 0;
		for (size_t k = 0; k < n; k++)
			if (!strcmp(counts[k].slug, districts[i].slug))
				articles = counts[k].articles;
		struct tv *item = tv_list_add_object(list);
		tv_put_str(item, "slug", districts[i].slug);
		tv_put_str(item, "name", districts[i].name);
		tv_put_int(item, "articles", articles);
	}
}

void page_add_side(struct view *v, struct tv *data)
{
	page_add_channel_counts(v, data);
	struct tv *list = tv_put_list(data, "industry_channels");
	for (size_t i = 0; i < INDUSTRY_COUNT; i++) {
		struct tv *item = tv_list_add_object(list);
		tv_put_str(item, "slug", industries[i].slug);
		tv_put_str(item, "name", industries[i].name);
	}
	char since[DATE_DAY_SIZE];
	readership_week_start(time(NULL), since);
	struct most_read *top;
	size_t n;
	if (store_readership_top(v->store, since, MOST_READ_SHOWN, v->arena, &top, &n) != STORE_OK)
		n = 0; /* logged; the page goes on without it */
	tv_put_bool(data, "has_most_read", n > 0);
	list = tv_put_list(data, "most_read");
	for (size_t i = 0; i < n; i++) {
		struct tv *item = tv_list_add_object(list);
		tv_put_int(item, "id", top[i].article.id);
		tv_put_str(item, "title", top[i].article.title);
	}
}

/* Fetches one page of a listing; 404 when the page is past the end. */
int page_list_articles(struct view *v, const char *district, long page, struct article_page *list,
		       struct pagination *p)
{
	if (store_articles_list(v->store, district, pagination_offset(page, PAGE_SIZE), PAGE_SIZE,
				EXCERPT_CHARS + 1, v->arena, list) != STORE_OK)
		return 500;
	*p = pagination_make(list->total, PAGE_SIZE, page);
	return pagination_in_range(p) ? 200 : 404;
}

int page_list_industry(struct view *v, const char *industry, long page, struct article_page *list,
		       struct pagination *p)
{
	if (store_industry_list(v->store, industry, pagination_offset(page, PAGE_SIZE), PAGE_SIZE,
				EXCERPT_CHARS + 1, v->arena, list) != STORE_OK)
		return 500;
	*p = pagination_make(list->total, PAGE_SIZE, page);
	return pagination_in_range(p) ? 200 : 404;
}

json_t *page_json_string(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

void page_add_lines(struct view *v, struct tv *obj, const char *key, const char *text)
{
	struct tv *list = tv_put_list(obj, key);
	char *copy = arena_strdup(v->arena, text ? text : ""), *save = NULL;
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		tv_put_str(tv_list_add_object(list), "text", line);
}

void page_add_status_tabs(struct tv *data, const char *const labels[REVIEW__MAX], enum review_status current)
{
	struct tv *tabs = tv_put_list(data, "tabs");
	for (int i = 0; i < REVIEW__MAX; i++) {
		struct tv *t = tv_list_add_object(tabs);
		tv_put_str(t, "status", review_status_names[i]);
		tv_put_str(t, "label", labels[i]);
		tv_put_bool(t, "current", i == (int)current);
	}
}

json_t *page_json_number(double value)
{
	if (value > -9e15 && value < 9e15 && (double)(long long)value == value)
		return json_integer((json_int_t)value);
	return json_real(value);
}

void page_emit_json(struct view *v, json_t *obj)
{
	char *text = json_dumps(obj, JSON_COMPACT | JSON_REAL_PRECISION(4));
	buf_puts(v->out, text ? text : "{}");
	free(text);
	json_decref(obj);
}

void page_add_sections(struct tv *data, const char *body)
{
	struct tv *list = tv_put_list(data, "paragraphs");
	const char *p = body;
	while (*p) {
		const char *nl = strchr(p, '\n');
		struct str para = { p, nl ? (size_t)(nl - p) : strlen(p) };
		p = nl ? nl + 1 : p + para.len;
		struct tv *item = tv_list_add_object(list);
		struct str heading, rest;
		enum heading_level level = paragraph_heading(para, &heading, &rest);
		if (level != HEADING_NONE) {
			tv_put_strn(item, level == HEADING_SECTION ? "section" : "subsection", heading.p, heading.len);
			para = rest;
		}
		tv_put_strn(item, "text", para.p, para.len);
	}
}

const char *page_time_text(struct arena *arena, int64_t t)
{
	char text[DATE_MINUTE_SIZE];
	date_shanghai_minute(t, text);
	return arena_strdup(arena, text);
}

void page_put_time(struct view *v, struct tv *obj, const char *name, int64_t t)
{
	tv_put_str(obj, name, page_time_text(v->arena, t));
}

/* One CSV field: quoted when it holds a comma, quote or line break, with
 * quotes doubled (RFC 4180). A leading = + - @ is prefixed with ' so that
 * a spreadsheet shows it as text instead of running it as a formula. */
void page_csv_field(struct buf *out, const char *s, bool last)
{
	s = s ? s : "";
	bool formula = strchr("=+-@", s[0]) && s[0];
	if (strpbrk(s, ",\"\r\n") || formula) {
		buf_putc(out, '"');
		if (formula)
			buf_putc(out, '\'');
		for (const char *p = s; *p; p++) {
			if (*p == '"')
				buf_putc(out, '"');
			buf_putc(out, *p);
		}
		buf_putc(out, '"');
	} else {
		buf_puts(out, s);
	}
	buf_puts(out, last ? "\r\n" : ",");
}
