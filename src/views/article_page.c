/* article_page: one article, read as sections, with its neighbours. */
#include <string.h>

#include "content/paragraph.h"
#include "views/views_internal.h"

static void add_paragraphs(struct tv *data, const char *body)
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

static void add_neighbour(struct tv *data, const char *key, const struct article_summary *s)
{
	if (s->id == 0)
		return;
	struct tv *n = tv_put_object(data, key);
	tv_put_int(n, "id", s->id);
	tv_put_str(n, "title", s->title);
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

	struct tv *data = page_data(v, a.title, NULL, a.ndistricts == 1 ? a.districts[0] : NULL);
	tv_put_str(data, "title", a.title);
	tv_put_str(data, "date", a.date);
	tv_put_str(data, "source", a.source);
	tv_put_str(data, "url", a.url);
	page_add_districts(data, "districts", a.districts, a.ndistricts);
	add_paragraphs(data, a.body);
	add_neighbour(data, "newer", &newer);
	add_neighbour(data, "older", &older);
	return page_render(v, "article", data);
}
