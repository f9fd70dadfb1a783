/* search: the search page and its JSON twin, over one search run. */
#include <limits.h>
#include <string.h>
#include <time.h>

#include "content/district.h"
#include "content/industry.h"
#include "search/query.h"
#include "store/articles.h"
#include "store/search.h"
#include "util/html.h"
#include "views/search.h"
#include "views/views_internal.h"

enum { RESULTS_PER_PAGE = 20 };

struct outcome {
	enum search_query_status status;
	struct search_page found;
	struct pagination pagination;
	double elapsed_ms;
};

static double ms_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* Runs the search; 200 also for a query with nothing to search (status tells). */
static int run(struct view *v, const struct search_request *r, struct outcome *o)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	*o = (struct outcome){ 0 };
	struct search_query q;
	o->status = search_query_parse(str_from(r->q ? r->q : ""), v->arena, &q);
	if (o->status != QUERY_OK)
		return 200;
	struct search_filter f = { r->district, r->industry, r->from, r->to, r->by_date };
	if (store_search(v->store, q.match, &f, pagination_offset(r->page, RESULTS_PER_PAGE), RESULTS_PER_PAGE,
			 v->arena, &o->found) != STORE_OK)
		return 500;
	o->pagination = pagination_make(o->found.total, RESULTS_PER_PAGE, r->page);
	o->elapsed_ms = ms_since(&t0);
	return pagination_in_range(&o->pagination) ? 200 : 404;
}

/* "/search?q=…&district=…" for the request r (path instead of /search). */
static struct buf *search_query_url(struct view *v, const char *path, const struct search_request *r)
{
	struct buf *b = arena_buf(v->arena);
	buf_printf(b, "%s?q=", path);
	url_escape(b, r->q, strlen(r->q));
	const char *params[][2] = { { "district", r->district }, { "industry", r->industry }, { "from", r->from },
				    { "to", r->to }, { "sort", r->by_date ? "date" : NULL } };
	for (size_t i = 0; i < sizeof(params) / sizeof(params[0]); i++) {
		if (!params[i][1])
			continue;
		buf_printf(b, "&%s=", params[i][0]);
		url_escape(b, params[i][1], strlen(params[i][1]));
	}
	return b;
}

/* The same ending in '&', ready for "page=N". */
static const char *search_url(struct view *v, const char *path, const struct search_request *r)
{
	struct buf *b = search_query_url(v, path, r);
	buf_putc(b, '&');
	return buf_cstr(b);
}

/* The feed of the search r: its filters, newest first, every page. */
static const char *feed_url(struct view *v, const struct search_request *r)
{
	struct search_request all = *r;
	all.by_date = false;
	return buf_cstr(search_query_url(v, "/search/feed.xml", &all));
}

/* Splits text marked with \x01…\x02 into {text, mark} pieces, so the template
 * escapes every piece and adds <mark> itself: no raw HTML anywhere. */
static void add_marked(struct tv *obj, const char *key, const char *marked)
{
	struct tv *list = tv_put_list(obj, key);
	bool in_mark = false;
	const char *p = marked ? marked : "";
	while (*p) {
		size_t n = strcspn(p, "\x01\x02\n");
		if (n) {
			struct tv *piece = tv_list_add_object(list);
			tv_put_strn(piece, "text", p, n);
			tv_put_bool(piece, "mark", in_mark);
		}
		p += n;
		if (*p == '\n') {
			struct tv *piece = tv_list_add_object(list); /* paragraph breaks read as spaces */
			tv_put_str(piece, "text", " ");
			tv_put_bool(piece, "mark", false);
		} else if (*p) {
			in_mark = *p == '\x01';
		}
		if (*p)
			p++;
	}
}

static void add_tags(struct tv *item, const struct search_hit *h, struct arena *arena)
{
	const char *slugs[DISTRICT_COUNT];
	size_t n = page_split_slugs(arena, h->districts, slugs, DISTRICT_COUNT);
	page_add_districts(item, "districts", slugs, n);
	n = page_split_slugs(arena, h->industries, slugs, DISTRICT_COUNT);
	struct tv *list = tv_put_list(item, "industries");
	for (size_t i = 0; i < n; i++) {
		const struct industry *ind = industry_by_slug(str_from(slugs[i]));
		if (!ind)
			continue;
		struct tv *t = tv_list_add_object(list);
		tv_put_str(t, "slug", ind->slug);
		tv_put_str(t, "name", ind->name);
	}
}

static int64_t count_of_tag(const struct tag_count *counts, size_t n, const char *slug)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(counts[i].slug, slug))
			return counts[i].articles;
	return 0;
}

int view_search(struct view *v, const struct search_request *r, int64_t *matches)
{
	struct outcome o;
	*matches = -1;
	int status = run(v, r, &o);
	if (status != 200)
		return status;
	const char *q = r->q ? r->q : "";
	struct tv *data = page_data(v, *q ? arena_printf(v->arena, "搜索：%s", q) : "搜索", NULL, NULL);
	tv_put_str(data, "q", q);
	tv_put_str(data, "from", r->from);
	tv_put_str(data, "to", r->to);
	tv_put_bool(data, "by_date", r->by_date);
	struct tv *options = tv_put_list(data, "district_options");
	for (size_t i = 0; i < DISTRICT_COUNT; i++) {
		struct tv *opt = tv_list_add_object(options);
		tv_put_str(opt, "slug", districts[i].slug);
		tv_put_str(opt, "name", districts[i].name);
		tv_put_bool(opt, "selected", r->district && !strcmp(r->district, districts[i].slug));
	}
	options = tv_put_list(data, "industry_options");
	for (size_t i = 0; i < INDUSTRY_COUNT; i++) {
		struct tv *opt = tv_list_add_object(options);
		tv_put_str(opt, "slug", industries[i].slug);
		tv_put_str(opt, "name", industries[i].name);
		tv_put_bool(opt, "selected", r->industry && !strcmp(r->industry, industries[i].slug));
	}
	if (o.status != QUERY_OK) {
		tv_put_str(data, "prompt", *q ? "搜索词里没有可搜索的文字，请换个关键词。"
					      : "输入关键词搜索招商资讯，例如：充电桩、浦东 招商、集成电路、“负面清单”。");
		return page_render(v, "search", data);
	}
	*matches = o.found.total;
	struct tv *s = tv_put_object(data, "searched");
	tv_put_int(s, "total", o.found.total);
	const char *feed = feed_url(v, r);
	page_add_feed(data, arena_printf(v->arena, "搜索“%s”的最新结果", q), feed);
	tv_put_str(s, "feed_href", feed);
	tv_put_str(s, "elapsed", arena_printf(v->arena, "%.1f", o.elapsed_ms));
	struct tv *results = tv_put_list(s, "results");
	for (size_t i = 0; i < o.found.count; i++) {
		const struct search_hit *h = &o.found.hits[i];
		struct tv *item = tv_list_add_object(results);
		tv_put_int(item, "id", h->id);
		tv_put_str(item, "date", h->date);
		add_marked(item, "title", h->title);
		add_marked(item, "snippet", h->snippet);
		add_tags(item, h, v->arena);
	}
	if (r->district || r->industry || r->from || r->to) {
		struct search_request all = { .q = q, .by_date = r->by_date };
		tv_put_str(s, "unfiltered_url", search_url(v, "/search", &all));
	}
	struct tv *facets = tv_put_list(s, "facets");
	for (size_t i = 0; i < DISTRICT_COUNT; i++) {
		int64_t n = count_of_tag(o.found.facets, o.found.nfacets, districts[i].slug);
		bool selected = r->district && !strcmp(r->district, districts[i].slug);
		if (!n && !selected)
			continue;
		struct search_request with = *r;
		with.district = districts[i].slug;
		struct tv *f = tv_list_add_object(facets);
		tv_put_str(f, "name", districts[i].name);
		tv_put_int(f, "articles", n);
		tv_put_bool(f, "selected", selected);
		tv_put_str(f, "url", search_url(v, "/search", &with));
	}
	struct tv *ifacets = tv_put_list(s, "industry_facets");
	for (size_t i = 0; i < INDUSTRY_COUNT; i++) {
		int64_t n = count_of_tag(o.found.industry_facets, o.found.nindustry_facets, industries[i].slug);
		bool selected = r->industry && !strcmp(r->industry, industries[i].slug);
		if (!n && !selected)
			continue;
		struct search_request with = *r;
		with.industry = industries[i].slug;
		struct tv *f = tv_list_add_object(ifacets);
		tv_put_str(f, "name", industries[i].name);
		tv_put_int(f, "articles", n);
		tv_put_bool(f, "selected", selected);
		tv_put_str(f, "url", search_url(v, "/search", &with));
	}
	struct search_request no_district = *r, no_industry = *r;
	no_district.district = NULL;
	no_industry.industry = NULL;
	if (r->district)
		tv_put_str(s, "all_districts_url", search_url(v, "/search", &no_district));
	if (r->industry)
		tv_put_str(s, "all_industries_url", search_url(v, "/search", &no_industry));
	page_add_pagination(s, &o.pagination, search_url(v, "/search", r));
	return page_render(v, "search", data);
}

/* Marked text as HTML: escaped, with <mark> around the hits. */
static const char *marked_html(struct arena *arena, const char *marked)
{
	struct buf *b = arena_buf(arena);
	for (const char *p = marked ? marked : ""; *p;) {
		size_t n = strcspn(p, "\x01\x02\n");
		html_escape(b, p, n);
		p += n;
		if (*p)
			buf_puts(b, *p == '\x01' ? "<mark>" : *p == '\x02' ? "</mark>" : " ");
		if (*p)
			p++;
	}
	return buf_cstr(b);
}

static const char *unmarked(struct arena *arena, const char *marked)
{
	struct buf *b = arena_buf(arena);
	for (const char *p = marked ? marked : ""; *p; p++)
		if (*p != '\x01' && *p != '\x02')
			buf_putc(b, *p);
	return buf_cstr(b);
}

/* A JSON array of the names of the slugs in csv, looked up by name(). */
static json_t *names_json(struct arena *arena, const char *csv, const char *(*name)(const char *slug))
{
	json_t *list = json_array();
	const char *slugs[DISTRICT_COUNT];
	size_t n = page_split_slugs(arena, csv, slugs, DISTRICT_COUNT);
	for (size_t i = 0; i < n; i++)
		if (name(slugs[i]))
			json_array_append_new(list, json_string(name(slugs[i])));
	return list;
}

static const char *district_name(const char *slug)
{
	const struct district *d = district_lookup(str_from(slug));
	return d ? d->name : NULL;
}

static const char *industry_name(const char *slug)
{
	const struct industry *ind = industry_by_slug(str_from(slug));
	return ind ? ind->name : NULL;
}

int view_search_json(struct view *v, const struct search_request *r)
{
	struct outcome o;
	int status = run(v, r, &o);
	if (status == 404) {
		view_error_json(v, 404, "page_out_of_range", "页码超出了结果的范围。");
		return 404;
	}
	if (status != 200)
		return status;
	json_t *root = json_object(), *results = json_array();
	json_object_set_new(root, "total", json_integer(o.status == QUERY_OK ? o.found.total : 0));
	json_object_set_new(root, "page", json_integer(r->page));
	json_object_set_new(root, "took_ms", json_real(o.elapsed_ms));
	for (size_t i = 0; i < o.found.count; i++) {
		const struct search_hit *h = &o.found.hits[i];
		json_t *item = json_object();
		json_object_set_new(item, "id", json_integer(h->id));
		json_object_set_new(item, "title", json_string(unmarked(v->arena, h->title)));
		json_object_set_new(item, "date", json_string(h->date));
		json_object_set_new(item, "districts", names_json(v->arena, h->districts, district_name));
		json_object_set_new(item, "industries", names_json(v->arena, h->industries, industry_name));
		json_object_set_new(item, "snippet", json_string(marked_html(v->arena, h->snippet)));
		json_array_append_new(results, item);
	}
	json_object_set_new(root, "results", results);
	json_t *facets = json_array();
	for (size_t i = 0; o.status == QUERY_OK && i < DISTRICT_COUNT; i++) {
		int64_t n = count_of_tag(o.found.facets, o.found.nfacets, districts[i].slug);
		if (!n)
			continue;
		json_t *f = json_object();
		json_object_set_new(f, "district", json_string(districts[i].slug));
		json_object_set_new(f, "name", json_string(districts[i].name));
		json_object_set_new(f, "count", json_integer(n));
		json_array_append_new(facets, f);
	}
	json_t *ifacets = json_array();
	for (size_t i = 0; o.status == QUERY_OK && i < INDUSTRY_COUNT; i++) {
		int64_t n = count_of_tag(o.found.industry_facets, o.found.nindustry_facets, industries[i].slug);
		if (!n)
			continue;
		json_array_append_new(ifacets, json_pack("{s:s,s:s,s:I}", "industry", industries[i].slug, "name",
							 industries[i].name, "count", (json_int_t)n));
	}
	json_object_set_new(root, "facets", json_pack("{s:o,s:o}", "districts", facets, "industries", ifacets));
	json_object_set_new(root, "next", o.status == QUERY_OK && r->page < o.pagination.pages
						  ? json_string(arena_printf(v->arena, "%spage=%ld",
									     search_url(v, "/api/v1/search", r), r->page + 1))
						  : json_null());
	page_emit_json(v, root);
	return 200;
}

/* What r narrows its search to, as words ("（浦东新区，2026-01-01 起）"),
 * or "" for nothing. */
static const char *filter_words(struct view *v, const struct search_request *r)
{
	struct buf *b = arena_buf(v->arena);
	const struct district *d = r->district ? district_lookup(str_from(r->district)) : NULL;
	const struct industry *ind = r->industry ? industry_by_slug(str_from(r->industry)) : NULL;
	const char *parts[3] = { d ? d->name : NULL, ind ? ind->name : NULL, NULL };
	if (r->from && r->to)
		parts[2] = arena_printf(v->arena, "%s 至 %s", r->from, r->to);
	else if (r->from || r->to)
		parts[2] = arena_printf(v->arena, r->from ? "%s 起" : "%s 止", r->from ? r->from : r->to);
	for (size_t i = 0; i < 3; i++)
		if (parts[i])
			buf_printf(b, "%s%s", b->len ? "，" : "（", parts[i]);
	if (b->len)
		buf_puts(b, "）");
	return buf_cstr(b);
}

int view_search_feed(struct view *v, const struct search_request *r, int64_t changed_at)
{
	struct search_query q;
	if (search_query_parse(str_from(r->q ? r->q : ""), v->arena, &q) != QUERY_OK)
		return 400;
	struct search_filter f = { r->district, r->industry, r->from, r->to, true };
	struct search_page found;
	if (store_search(v->store, q.match, &f, 0, FEED_ENTRIES, v->arena, &found) != STORE_OK)
		return 500;
	int64_t *ids = ARENA_NEW_ARRAY(v->arena, int64_t, found.count ? found.count : 1);
	for (size_t i = 0; i < found.count; i++)
		ids[i] = found.hits[i].id;
	/* Whole bodies, as every feed carries. */
	struct article_summary *items;
	size_t n;
	if (store_article_summaries(v->store, ids, found.count, INT_MAX, v->arena, &items, &n) != STORE_OK)
		return 500;
	struct search_request newest = *r;
	newest.by_date = true;
	const char *filters = filter_words(v, r);
	struct atom_feed feed = {
		.title = arena_printf(v->arena, "%s：搜索“%s”%s", page_site_name(), r->q, filters),
		.subtitle = arena_printf(v->arena, "与“%s”相关的招商资讯%s，最新的在前。", r->q, filters),
		.self = feed_url(v, r),
		.alternate = buf_cstr(search_query_url(v, "/search", &newest)),
		.items = items,
		.count = n,
	};
	return page_render_feed(v, &feed, changed_at);
}
