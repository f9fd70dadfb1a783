/* district: one district's channel, its newest articles first. */
#include "content/district.h"
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
	tv_put_str(data, "district_name", d->name);
	tv_put_str(data, "empty_message", arena_printf(v->arena, "%s暂时没有文章。", d->name));
	page_add_article_list(v, data, &list, &p, arena_printf(v->arena, "/districts/%s?", d->slug));
	page_add_channel_counts(v, data);
	return page_render(v, "district", data);
}
