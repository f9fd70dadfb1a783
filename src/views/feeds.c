/* feeds: what other programs read — Atom feeds of the newest articles,
 * sitemaps of every public page, and robots.txt. */
#include <limits.h>
#include <string.h>
#include <time.h>

#include "content/district.h"
#include "content/industry.h"
#include "content/paragraph.h"
#include "store/articles.h"
#include "store/sitemap.h"
#include "util/date.h"
#include "util/html.h"
#include "views/feeds.h"
#include "views/views_internal.h"

/* An article's paragraphs as the HTML of its page (sections as headings),
 * for a feed's <content type="html">: escaped here once as HTML, then
 * again as XML by the template. */
static const char *content_html(struct arena *arena, const char *body)
{
	struct buf *html = arena_buf(arena);
	for (const char *p = body; *p;) {
		const char *nl = strchr(p, '\n');
		struct str para = { p, nl ? (size_t)(nl - p) : strlen(p) };
		p = nl ? nl + 1 : p + para.len;
		struct str heading, rest;
		if (paragraph_heading(para, &heading, &rest) != HEADING_NONE) {
			buf_puts(html, "<h3>");
			html_escape(html, heading.p, heading.len);
			buf_puts(html, "</h3>");
			para = rest;
		}
		if (para.len) {
			buf_puts(html, "<p>");
			html_escape(html, para.p, para.len);
			buf_puts(html, "</p>");
		}
	}
	return buf_cstr(html);
}

/* RFC 3339 for an article's day: published at midnight in Shanghai. */
static const char *day_start(struct arena *arena, const char *date)
{
	char text[DATE_RFC3339_SIZE];
	date_shanghai_midnight(date, text);
	return arena_strdup(arena, text);
}

static void add_entry(struct view *v, struct tv *entries, const struct article_summary *s)
{
	struct tv *e = tv_list_add_object(entries);
	tv_put_str(e, "url", page_url(v, arena_printf(v->arena, "/articles/%lld", (long long)s->id)));
	tv_put_str(e, "title", s->title);
	tv_put_str(e, "published", day_start(v->arena, s->date));
	tv_put_str(e, "summary", page_excerpt(v->arena, s->excerpt));
	tv_put_str(e, "content", content_html(v->arena, s->excerpt));
	const char *slugs[DISTRICT_COUNT];
	size_t n = page_split_slugs(v->arena, s->districts, slugs, DISTRICT_COUNT);
	struct tv *categories = tv_put_list(e, "categories");
	for (size_t i = 0; i < n; i++) {
		const struct district *d = district_lookup(str_from(slugs[i]));
		if (!d)
			continue;
		struct tv *c = tv_list_add_object(categories);
		tv_put_str(c, "term", d->slug);
		tv_put_str(c, "label", d->name);
		tv_put_str(c, "scheme", page_url(v, "/districts/"));
	}
}

int page_render_feed(struct view *v, const struct atom_feed *f, int64_t changed_at)
{
	struct tv *data = tv_object(v->arena);
	tv_put_str(data, "site_name", page_site_name());
	tv_put_str(data, "base_url", page_base_url());
	tv_put_str(data, "title", f->title);
	tv_put_str(data, "subtitle", f->subtitle);
	tv_put_str(data, "self", page_url(v, f->self));
	tv_put_str(data, "alternate", page_url(v, f->alternate));
	/* The newest entry's day; an empty feed changed when the site did. */
	const char *updated;
	if (f->count) {
		updated = day_start(v->arena, f->items[0].date);
	} else {
		char *utc = arena_alloc(v->arena, sizeof("1970-01-01T00:00:00Z"));
		time_t t = (time_t)changed_at;
		struct tm tm;
		if (!gmtime_r(&t, &tm))
			return 500;
		strftime(utc, sizeof("1970-01-01T00:00:00Z"), "%Y-%m-%dT%H:%M:%SZ", &tm);
		updated = utc;
	}
	tv_put_str(data, "updated", updated);
	struct tv *entries = tv_put_list(data, "entries");
	for (size_t i = 0; i < f->count; i++)
		add_entry(v, entries, &f->items[i]);
	return page_render(v, "feed.xml", data);
}

int view_feed(struct view *v, enum feed_kind kind, const char *slug, int64_t changed_at)
{
	const char *name = NULL, *path = "", *alternate = "/";
	if (kind == FEED_DISTRICT) {
		const struct district *d = district_lookup(str_from(slug));
		if (!d || strcmp(d->slug, slug))
			return 404;
		name = d->name;
		alternate = arena_printf(v->arena, "/districts/%s", d->slug);
		path = alternate;
	} else if (kind == FEED_INDUSTRY) {
		const struct industry *ind = industry_by_slug(str_from(slug));
		if (!ind)
			return 404;
		name = ind->name;
		alternate = arena_printf(v->arena, "/industries/%s", ind->slug);
		path = alternate;
	}
	/* Whole bodies: "excerpts" as long as any article. */
	struct article_page list;
	enum store_rc rc = kind == FEED_INDUSTRY
				   ? store_industry_list(v->store, slug, 0, FEED_ENTRIES, INT_MAX, v->arena, &list)
				   : store_articles_list(v->store, kind == FEED_DISTRICT ? slug : NULL, 0, FEED_ENTRIES,
							 INT_MAX, v->arena, &list);
	if (rc != STORE_OK)
		return 500;
	struct atom_feed f = {
		.title = name ? arena_printf(v->arena, "%s：%s招商资讯", page_site_name(), name)
			      : arena_printf(v->arena, "%s：最新资讯", page_site_name()),
		.subtitle = arena_printf(v->arena, "%s的招商引资新闻、重点项目与政策动态。",
					 kind == FEED_SITE ? "上海 16 个区" : name),
		.self = arena_printf(v->arena, "%s/feed.xml", path),
		.alternate = alternate,
		.items = list.items,
		.count = list.count,
	};
	return page_render_feed(v, &f, changed_at);
}

/* The pages that are not articles or enterprises: home, channels, lists. */
static const char *const fixed_pages[] = { "/", "/enterprises", "/dashboard", "/submit", "/contact",
					   "/enterprises/join" };
enum { FIXED_PAGES = sizeof(fixed_pages) / sizeof(fixed_pages[0]) + DISTRICT_COUNT + INDUSTRY_COUNT };

static const char *fixed_page(struct arena *arena, int64_t i)
{
	size_t n = sizeof(fixed_pages) / sizeof(fixed_pages[0]);
	if ((size_t)i < n)
		return fixed_pages[i];
	i -= (int64_t)n;
	if (i < DISTRICT_COUNT)
		return arena_printf(arena, "/districts/%s", districts[i].slug);
	return arena_printf(arena, "/industries/%s", industries[i - DISTRICT_COUNT].slug);
}

/* Adds the URLs at positions [from, from + count) of the site's list:
 * fixed pages, then articles by id, then enterprises by id. */
static int add_urls(struct view *v, struct tv *urls, int64_t from, int64_t count, const int64_t sizes[SITEMAP__MAX])
{
	for (; count > 0 && from < FIXED_PAGES; from++, count--)
		tv_put_str(tv_list_add_object(urls), "loc", page_url(v, fixed_page(v->arena, from)));
	from -= FIXED_PAGES;
	static const char *const paths[SITEMAP__MAX] = { "/articles/", "/enterprises/" };
	for (int kind = 0; kind < SITEMAP__MAX && count > 0; kind++) {
		if (from >= sizes[kind]) {
			from -= sizes[kind];
			continue;
		}
		struct sitemap_row *rows;
		size_t n;
		int limit = (int)(count < sizes[kind] - from ? count : sizes[kind] - from);
		if (store_sitemap_rows(v->store, kind, from, limit, v->arena, &rows, &n) != STORE_OK)
			return 500;
		for (size_t i = 0; i < n; i++) {
			struct tv *u = tv_list_add_object(urls);
			tv_put_str(u, "loc", page_url(v, arena_printf(v->arena, "%s%lld", paths[kind], (long long)rows[i].id)));
			tv_put_str(u, "lastmod", rows[i].lastmod);
		}
		count -= (int64_t)n;
		from = 0;
	}
	return 200;
}

int view_sitemap(struct view *v, long part, long per_file)
{
	int64_t sizes[SITEMAP__MAX];
	for (int kind = 0; kind < SITEMAP__MAX; kind++)
		if (store_sitemap_count(v->store, kind, &sizes[kind]) != STORE_OK)
			return 500;
	int64_t total = FIXED_PAGES + sizes[SITEMAP_ARTICLES] + sizes[SITEMAP_ENTERPRISES];
	int64_t files = (total + per_file - 1) / per_file;
	struct tv *data = tv_object(v->arena);
	if (part == 0 && files > 1) {
		/* The protocol's limit per file is 50,000 URLs: past it, an index. */
		struct tv *maps = tv_put_list(data, "sitemaps");
		for (int64_t i = 1; i <= files; i++)
			tv_put_str(tv_list_add_object(maps), "loc",
				   page_url(v, arena_printf(v->arena, "/sitemaps/%lld.xml", (long long)i)));
		return page_render(v, "sitemap_index.xml", data);
	}
	if (part > 0 && (files < 2 || part > files))
		return 404; /* parts exist only while there is an index */
	int64_t from = part > 0 ? (part - 1) * per_file : 0;
	int status = add_urls(v, tv_put_list(data, "urls"), from, per_file, sizes);
	return status == 200 ? page_render(v, "sitemap.xml", data) : status;
}

void view_robots(struct view *v)
{
	buf_puts(v->out, "User-agent: *\n"
			 "Disallow: /admin\n"
			 "Disallow: /api/v1/admin/\n"
			 "Disallow: /enterprises/edit/\n"
			 "Disallow: /submit/status\n"
			 "Disallow: /search\n"
			 "\n");
	buf_printf(v->out, "Sitemap: %s/sitemap.xml\n", page_base_url());
}
