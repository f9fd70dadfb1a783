/* api: articles as JSON (/api/v1/articles), in the shape BRIEF
 * fixes: id, title, date, body, districts, industries, facts. */
#include <string.h>

#include "content/district.h"
#include "content/industry.h"
#include "store/articles.h"
#include "views/api.h"
#include "views/views_internal.h"

static json_t *article_json(struct view *v, const struct article *a)
{
	json_t *districts_list = json_array(), *industries_list = json_array(), *facts = json_array();
	for (size_t i = 0; i < a->ndistricts; i++) {
		const struct district *d = district_lookup(str_from(a->districts[i]));
		if (d)
			json_array_append_new(districts_list, json_string(d->name));
	}
	for (size_t i = 0; i < a->nindustries; i++) {
		const struct industry *ind = industry_by_slug(str_from(a->industries[i]));
		if (ind)
			json_array_append_new(industries_list, json_string(ind->name));
	}
	for (size_t i = 0; i < a->nfacts; i++) {
		const struct article_fact *f = &a->facts[i];
		json_t *o = json_pack("{s:s,s:o,s:s,s:s,s:s}", "kind", f->kind, "value", page_json_number(f->value), "unit",
				      f->unit, "match", f->match, "text", f->sentence);
		if (!strcmp(f->kind, "money")) /* what the amount is: the monitor sums investment only */
			json_object_set_new(o, "role", json_string(fact_role_names[f->role]));
		json_array_append_new(facts, o);
	}
	return json_pack("{s:I,s:s,s:s,s:s,s:o,s:b,s:o,s:o,s:o,s:o,s:s}", "id", (json_int_t)a->id, "title", a->title,
			 "date", a->date, "body", a->body, "districts", districts_list, "citywide", a->citywide,
			 "industries", industries_list, "facts", facts, "source", page_json_string(a->source), "source_url",
			 page_json_string(a->url), "html_url",
			 page_url(v, arena_printf(v->arena, "/articles/%lld", (long long)a->id)));
}

int view_article_json(struct view *v, int64_t id)
{
	struct article a;
	switch (store_article_get(v->store, id, v->arena, &a)) {
	case STORE_OK:
		page_emit_json(v, article_json(v, &a));
		return 200;
	case STORE_NOT_FOUND:
		return 404;
	default:
		return 500;
	}
}

int view_articles_json(struct view *v, long page)
{
	struct article_page list;
	struct pagination p;
	/* Ids and order from the listing, each article whole from the store. */
	int status = page_list_articles(v, NULL, page, &list, &p);
	if (status != 200)
		return status;
	json_t *items = json_array();
	for (size_t i = 0; i < list.count; i++) {
		struct article a;
		if (store_article_get(v->store, list.items[i].id, v->arena, &a) != STORE_OK) {
			json_decref(items);
			return 500;
		}
		json_array_append_new(items, article_json(v, &a));
	}
	json_t *next = page < p.pages ? json_string(arena_printf(v->arena, "/api/v1/articles?page=%ld", page + 1))
				      : json_null();
	page_emit_json(v, json_pack("{s:I,s:I,s:I,s:o,s:o}", "total", (json_int_t)list.total, "page", (json_int_t)page,
				    "pages", (json_int_t)p.pages, "articles", items, "next", next));
	return 200;
}
