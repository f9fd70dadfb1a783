/* articles: the news pages — the newest articles, the district and
 * industry channels, and one article read as sections with its neighbours. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/district.h"
#include "content/industry.h"
#include "store/articles.h"
#include "store/related.h"
#include "util/date.h"
#include "views/articles.h"
#include "views/views_internal.h"

int view_home(struct view *v, long page)
{
	struct article_page list;
	struct pagination p;
	int status = page_list_articles(v, NULL, page, &list, &p);
	if (status != 200)
		return status;
	const char *title = page > 1 ? arena_printf(v->arena, "最新招商资讯（第 %ld 页）", page) : "最新招商资讯";
	struct tv *data = page_data(v, title, NULL, NULL);
	tv_put_bool(data, "home_current", true);
	page_set_canonical(v, data, page > 1 ? arena_printf(v->arena, "/?page=%ld", page) : "/");
	tv_put_str(data, "empty_message", "还没有文章。用 zhaoshang import 导入新闻后，这里会按日期列出最新的文章。");
	page_add_article_list(v, data, &list, &p, "/?");
	page_add_side(v, data);
	return page_render(v, "home", data);
}

int view_district(struct view *v, const char *slug, long page)
{
	const struct district *d = district_lookup(str_from(slug));
	if (!d || strcmp(d->slug, slug) != 0)
		return 404; /* channels live only at the canonical pinyin slug */
	struct article_page list;
	struct pagination p;
	int status = page_list_articles(v, d->slug, page, &list, &p);
	if (status != 200)
		return status;
	const char *title = page > 1 ? arena_printf(v->arena, "%s招商资讯（第 %ld 页）", d->name, page)
				     : arena_printf(v->arena, "%s招商资讯", d->name);
	const char *description = arena_printf(v->arena, "%s招商引资新闻、重点项目与政策动态。", d->name);
	struct tv *data = page_data(v, title, description, d->slug);
	const char *path = arena_printf(v->arena, "/districts/%s", d->slug);
	page_set_canonical(v, data, page > 1 ? arena_printf(v->arena, "%s?page=%ld", path, page) : path);
	page_add_feed(data, arena_printf(v->arena, "%s招商资讯", d->name), arena_printf(v->arena, "%s/feed.xml", path));
	tv_put_str(data, "district_name", d->name);
	tv_put_str(data, "channel_kind", "区县频道");
	tv_put_str(data, "channel_index", "/districts");
	tv_put_str(data, "feed_href", arena_printf(v->arena, "%s/feed.xml", path));
	tv_put_str(data, "empty_message", arena_printf(v->arena, "%s暂时没有文章。", d->name));
	page_add_article_list(v, data, &list, &p, arena_printf(v->arena, "/districts/%s?", d->slug));
	page_add_side(v, data);
	return page_render(v, "district", data);
}

int view_industry(struct view *v, const char *slug, long page)
{
	const struct industry *ind = industry_by_slug(str_from(slug));
	if (!ind)
		return 404;
	struct article_page list;
	struct pagination p;
	int status = page_list_industry(v, ind->slug, page, &list, &p);
	if (status != 200)
		return status;
	const char *title = page > 1 ? arena_printf(v->arena, "%s招商资讯（第 %ld 页）", ind->name, page)
				     : arena_printf(v->arena, "%s招商资讯", ind->name);
	struct tv *data = page_data(v, title, arena_printf(v->arena, "上海%s产业的招商引资新闻与项目动态。", ind->name),
				    NULL);
	const char *path = arena_printf(v->arena, "/industries/%s", ind->slug);
	page_set_canonical(v, data, page > 1 ? arena_printf(v->arena, "%s?page=%ld", path, page) : path);
	page_add_feed(data, arena_printf(v->arena, "%s招商资讯", ind->name), arena_printf(v->arena, "%s/feed.xml", path));
	tv_put_str(data, "district_name", ind->name);
	tv_put_str(data, "channel_kind", "行业频道");
	tv_put_str(data, "channel_index", "/industries");
	tv_put_str(data, "feed_href", arena_printf(v->arena, "%s/feed.xml", path));
	tv_put_str(data, "empty_message", arena_printf(v->arena, "%s暂时没有文章。", ind->name));
	page_add_article_list(v, data, &list, &p, arena_printf(v->arena, "/industries/%s?", ind->slug));
	page_add_side(v, data);
	return page_render(v, "district", data);
}

static void add_neighbour(struct tv *data, const char *key, const struct article_summary *s)
{
	if (s->id == 0)
		return;
	struct tv *n = tv_put_object(data, key);
	tv_put_int(n, "id", s->id);
	tv_put_str(n, "title", s->title);
}

enum { PANEL_FACTS = 6, RELATED_SHOWN = 6 };

/* A whole number with thousands separators: 50000000 → "50,000,000". */
static const char *grouped(struct arena *arena, double value)
{
	char digits[32];
	snprintf(digits, sizeof(digits), "%.0f", value < 0 ? -value : value);
	size_t n = strlen(digits);
	char *out = arena_alloc(arena, n + n / 3 + 2), *o = out;
	if (value < 0)
		*o++ = '-';
	for (size_t i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			*o++ = ',';
		*o++ = digits[i];
	}
	*o = '\0';
	return out;
}

const char *const fact_role_labels[FACT_ROLE__MAX] = {
	[FACT_ROLE_OTHER] = "其他金额", [FACT_ROLE_INVESTMENT] = "投资", [FACT_ROLE_OUTPUT] = "产值/营收",
	[FACT_ROLE_TAX] = "税收",       [FACT_ROLE_FUND] = "基金规模",
};

/* The key facts for the panel: investment, the other amounts, then counts,
 * then percentages, in the order stated, at most PANEL_FACTS; years are
 * context, not keys. Each amount is named by what it is (投资, 产值/营收 …:
 * only investment is summed by the data monitor). Each sentence is shown
 * once, with every fact taken from it ("fact_groups"). */
static void add_facts(struct view *v, struct tv *data, const struct article *a)
{
	static const struct {
		const char *kind;
		enum fact_role role;
		const char *label; /* NULL: the role's */
	} order[] = {
		{ "money", FACT_ROLE_INVESTMENT, NULL }, { "money", FACT_ROLE_OUTPUT, NULL },
		{ "money", FACT_ROLE_TAX, NULL },        { "money", FACT_ROLE_FUND, NULL },
		{ "money", FACT_ROLE_OTHER, "金额" },    { "count", FACT_ROLE_OTHER, "数量" },
		{ "percent", FACT_ROLE_OTHER, "比例" },
	};
	const struct article_fact *chosen[PANEL_FACTS];
	const char *labels[PANEL_FACTS];
	size_t n = 0;
	for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++)
		for (size_t i = 0; i < a->nfacts && n < PANEL_FACTS; i++)
			if (!strcmp(a->facts[i].kind, order[k].kind) && a->facts[i].role == order[k].role) {
				labels[n] = order[k].label ? order[k].label : fact_role_labels[order[k].role];
				chosen[n++] = &a->facts[i];
			}
	struct tv *groups = tv_put_list(data, "fact_groups");
	bool done[PANEL_FACTS] = { false };
	for (size_t i = 0; i < n; i++) {
		if (done[i])
			continue;
		struct tv *group = tv_list_add_object(groups);
		tv_put_str(group, "sentence", chosen[i]->sentence);
		struct tv *facts = tv_put_list(group, "facts");
		for (size_t j = i; j < n; j++) {
			if (done[j] || strcmp(chosen[j]->sentence, chosen[i]->sentence))
				continue;
			done[j] = true;
			const struct article_fact *f = chosen[j];
			struct tv *item = tv_list_add_object(facts);
			tv_put_str(item, "label", labels[j]);
			tv_put_str(item, "match", f->match);
			if (!strcmp(f->kind, "money"))
				tv_put_str(item, "normalised",
					   arena_printf(v->arena, "%s %s", grouped(v->arena, f->value),
							!strcmp(f->unit, "CNY") ? "元" : f->unit));
		}
	}
	tv_put_bool(data, "has_facts", n > 0);
}

/* What search engines and link previews read: the canonical URL, Open
 * Graph's article fields, and schema.org's NewsArticle as JSON-LD. */
static void add_metadata(struct view *v, struct tv *data, const struct article *a, const char *description)
{
	const char *path = arena_printf(v->arena, "/articles/%lld", (long long)a->id);
	page_set_canonical(v, data, path);
	/* Dates are days; an article of that day is published in Shanghai. */
	char midnight[DATE_RFC3339_SIZE];
	date_shanghai_midnight(a->date, midnight);
	const char *published = arena_strdup(v->arena, midnight); /* the page data outlives this call */
	struct tv *meta = tv_put_object(data, "article_meta");
	tv_put_str(meta, "published", published);
	struct tv *sections = tv_put_list(meta, "sections");
	json_t *section_names = json_array();
	for (size_t i = 0; i < a->ndistricts; i++) {
		const struct district *d = district_lookup(str_from(a->districts[i]));
		if (d) {
			tv_put_str(tv_list_add_object(sections), "name", d->name);
			json_array_append_new(section_names, json_string(d->name));
		}
	}
	for (size_t i = 0; i < a->nindustries; i++) {
		const struct industry *ind = industry_by_slug(str_from(a->industries[i]));
		if (ind) {
			tv_put_str(tv_list_add_object(sections), "name", ind->name);
			json_array_append_new(section_names, json_string(ind->name));
		}
	}
	const char *url = page_url(v, path);
	json_t *ld = json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:{s:s,s:s},s:{s:s,s:s},s:o}", "@context",
			       "https://schema.org", "@type", "NewsArticle", "headline", a->title, "description",
			       description, "datePublished", published, "inLanguage", "zh-CN", "url", url,
			       "mainEntityOfPage", url, "publisher", "@type", "Organization", "name", page_site_name(),
			       "author", "@type", "Organization", "name", a->source ? a->source : page_site_name(),
			       "articleSection", section_names);
	if (a->url)
		json_object_set_new(ld, "isBasedOn", json_string(a->url));
	char *text = ld ? json_dumps(ld, JSON_COMPACT) : NULL;
	if (text)
		tv_put_json(data, "json_ld", arena_strdup(v->arena, text));
	free(text);
	json_decref(ld);
}

int view_article(struct view *v, int64_t id)
{
	struct article a;
	switch (store_article_get(v->store, id, v->arena, &a)) {
	case STORE_OK:
		break;
	case STORE_NOT_FOUND:
		return 404;
	default:
		return 500;
	}
	struct article_summary newer, older;
	if (store_article_neighbours(v->store, &a, v->arena, &newer, &older) != STORE_OK)
		return 500;

	const char *description = page_excerpt(v->arena, a.body);
	struct tv *data = page_data(v, a.title, description, a.ndistricts == 1 ? a.districts[0] : NULL);
	add_metadata(v, data, &a, description);
	tv_put_str(data, "title", a.title);
	tv_put_int(data, "id", a.id);
	tv_put_str(data, "date", a.date);
	tv_put_str(data, "source", a.source);
	tv_put_str(data, "url", a.url);
	page_add_districts(data, "districts", a.districts, a.ndistricts);
	tv_put_bool(data, "citywide", a.citywide);
	struct tv *tags = tv_put_list(data, "industries");
	for (size_t i = 0; i < a.nindustries; i++) {
		const struct industry *ind = industry_by_slug(str_from(a.industries[i]));
		if (!ind)
			continue;
		struct tv *item = tv_list_add_object(tags);
		tv_put_str(item, "slug", ind->slug);
		tv_put_str(item, "name", ind->name);
	}
	add_facts(v, data, &a);
	page_add_sections(data, a.body);
	add_neighbour(data, "newer", &newer);
	add_neighbour(data, "older", &older);
	struct article_summary *related;
	size_t nrelated;
	if (store_related(v->store, &a, RELATED_SHOWN, v->arena, &related, &nrelated) != STORE_OK)
		return 500;
	tv_put_bool(data, "has_related", nrelated > 0);
	struct tv *list = tv_put_list(data, "related");
	for (size_t i = 0; i < nrelated; i++) {
		struct tv *item = tv_list_add_object(list);
		tv_put_int(item, "id", related[i].id);
		tv_put_str(item, "title", related[i].title);
		tv_put_str(item, "date", related[i].date);
	}
	page_add_side(v, data);
	return page_render(v, "article", data);
}

enum { INDEX_NEWEST = 3 };

/* One channel of an index page: its name, link, feed, count and newest
 * titles (from list, page 1 of the channel). */
static void add_channel(struct view *v, struct tv *channels, const char *kind, const char *slug, const char *name,
			const struct article_page *list)
{
	struct tv *c = tv_list_add_object(channels);
	tv_put_str(c, "name", name);
	tv_put_str(c, "href", arena_printf(v->arena, "/%s/%s", kind, slug));
	tv_put_str(c, "feed", arena_printf(v->arena, "/%s/%s/feed.xml", kind, slug));
	tv_put_int(c, "articles", list->total);
	tv_put_bool(c, "has_newest", list->count > 0);
	struct tv *newest = tv_put_list(c, "newest");
	for (size_t i = 0; i < list->count && i < INDEX_NEWEST; i++) {
		struct tv *a = tv_list_add_object(newest);
		tv_put_int(a, "id", list->items[i].id);
		tv_put_str(a, "title", list->items[i].title);
		tv_put_str(a, "date", list->items[i].date);
	}
}

int view_districts_index(struct view *v)
{
	struct tv *data = page_data(v, "区县频道", "上海 16 个区的招商引资新闻频道：每区的最新资讯与订阅。", NULL);
	page_set_canonical(v, data, "/districts");
	tv_put_str(data, "heading", "区县频道");
	tv_put_str(data, "intro", "上海 16 个区，每区一个频道：按日期列出该区的招商引资新闻，也可订阅。");
	struct tv *channels = tv_put_list(data, "channels_index");
	for (size_t i = 0; i < DISTRICT_COUNT; i++) {
		struct article_page list;
		if (store_articles_list(v->store, districts[i].slug, 0, INDEX_NEWEST, 1, v->arena, &list) != STORE_OK)
			return 500;
		add_channel(v, channels, "districts", districts[i].slug, districts[i].name, &list);
	}
	return page_render(v, "channels_index", data);
}

int view_industries_index(struct view *v)
{
	struct tv *data = page_data(v, "行业频道", "上海重点产业的招商引资新闻频道：集成电路、生物医药、人工智能等。", NULL);
	page_set_canonical(v, data, "/industries");
	tv_put_str(data, "heading", "行业频道");
	tv_put_str(data, "intro", "按重点产业归类的招商引资新闻：每个行业一个频道，也可订阅。");
	struct tv *channels = tv_put_list(data, "channels_index");
	for (size_t i = 0; i < INDUSTRY_COUNT; i++) {
		struct article_page list;
		if (store_industry_list(v->store, industries[i].slug, 0, INDEX_NEWEST, 1, v->arena, &list) != STORE_OK)
			return 500;
		add_channel(v, channels, "industries", industries[i].slug, industries[i].name, &list);
	}
	return page_render(v, "channels_index", data);
}
