/* district: the channel pages — one district's or one industry's newest
 * articles first. */
#include "content/district.h"
#include "content/industry.h"
#include "store/articles.h"
#include "views/views_internal.h"

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
	tv_put_str(data, "empty_message", arena_printf(v->arena, "%s暂时没有文章。", d->name));
	page_add_article_list(v, data, &list, &p, arena_printf(v->arena, "/districts/%s?", d->slug));
	page_add_channel_counts(v, data);
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
	tv_put_str(data, "empty_message", arena_printf(v->arena, "%s暂时没有文章。", ind->name));
	page_add_article_list(v, data, &list, &p, arena_printf(v->arena, "/industries/%s?", ind->slug));
	page_add_channel_counts(v, data);
	return page_render(v, "district", data);
}
