/* home: the newest articles, paged. */
#include "store/articles.h"
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
	page_add_channel_counts(v, data);
	return page_render(v, "home", data);
}
