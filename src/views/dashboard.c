/* dashboard: the data monitor (招商引资数据监测) — articles and announced
 * money per district, per industry and per month, and the latest facts;
 * as a page with server-drawn SVG charts and tables, as JSON, and as CSV. */
#include <stdio.h>
#include <string.h>

#include "content/district.h"
#include "content/industry.h"
#include "store/stats.h"
#include "views/dashboard.h"
#include "views/views_internal.h"

enum { LATEST_FACTS = 20, CHART_LABEL = 96, CHART_BAR = 420, CHART_ROW = 26 };

static const char *district_name(const char *slug)
{
	const struct district *d = district_lookup(str_from(slug));
	return d ? d->name : slug;
}

static const char *industry_name(const char *slug)
{
	const struct industry *i = industry_by_slug(str_from(slug));
	return i ? i->name : slug;
}

/* 50000000 → "5000万元", 120000000 → "1.2亿元": how the figures are read. */
static const char *yuan(struct arena *arena, double v)
{
	const char *unit = v >= 1e8 ? "亿元" : v >= 1e4 ? "万元" : "元";
	double shown = v >= 1e8 ? v / 1e8 : v >= 1e4 ? v / 1e4 : v;
	/* Two decimals at most, trailing zeros dropped: never an exponent. */
	char *text = arena_printf(arena, "%.2f", shown);
	char *end = text + strlen(text);
	while (end[-1] == '0')
		*--end = '\0';
	if (end[-1] == '.')
		*--end = '\0';
	return arena_printf(arena, "%s%s", text, unit);
}

/* A horizontal bar chart: bars scaled to the largest value, each row a
 * label, a bar, and the value as text (the table under it repeats them). */
static void add_chart(struct view *v, struct tv *data, const char *key, const char *const *labels,
		      const double *values, const char *const *shown, const char *const *hrefs, size_t n)
{
	double max = 0;
	for (size_t i = 0; i < n; i++)
		max = values[i] > max ? values[i] : max;
	struct tv *chart = tv_put_object(data, key);
	tv_put_int(chart, "height", (long long)(n * CHART_ROW + 6));
	struct tv *bars = tv_put_list(chart, "bars");
	for (size_t i = 0; i < n; i++) {
		struct tv *b = tv_list_add_object(bars);
		long long w = max > 0 ? (long long)(values[i] / max * CHART_BAR + 0.5) : 0;
		tv_put_str(b, "label", labels[i]);
		tv_put_str(b, "shown", shown[i]);
		tv_put_str(b, "href", hrefs ? hrefs[i] : NULL);
		tv_put_int(b, "y", (long long)(i * CHART_ROW + 4));
		tv_put_int(b, "ty", (long long)(i * CHART_ROW + 18));
		tv_put_int(b, "x", CHART_LABEL);
		tv_put_int(b, "w", w);
		tv_put_int(b, "tx", CHART_LABEL + w + 6);
	}
	(void)v;
}

/* A group's table rows ({name, href, articles, money}) under rows_key and
 * its chart of articles under chart_key; name gives a key's label, or
 * NULL; href_prefix and the key make the link to its articles, or NULL. */
static void add_group(struct view *v, struct tv *data, const struct stats_row *group, size_t n,
		      const char *(*name)(const char *), const char *href_prefix, const char *rows_key,
		      const char *chart_key)
{
	const char **hrefs = href_prefix ? ARENA_NEW_ARRAY(v->arena, const char *, n + 1) : NULL;
	const char **labels = ARENA_NEW_ARRAY(v->arena, const char *, n + 1);
	const char **shown = ARENA_NEW_ARRAY(v->arena, const char *, n + 1);
	double *values = ARENA_NEW_ARRAY(v->arena, double, n + 1);
	struct tv *rows = tv_put_list(data, rows_key);
	for (size_t i = 0; i < n; i++) {
		labels[i] = name ? name(group[i].key) : group[i].key;
		values[i] = (double)group[i].articles;
		shown[i] = arena_printf(v->arena, "%lld 篇", (long long)group[i].articles);
		struct tv *r = tv_list_add_object(rows);
		tv_put_str(r, "name", labels[i]);
		if (hrefs) {
			hrefs[i] = arena_printf(v->arena, "%s%s", href_prefix, group[i].key);
			tv_put_str(r, "href", hrefs[i]);
		}
		tv_put_int(r, "articles", group[i].articles);
		tv_put_str(r, "money", yuan(v->arena, group[i].money_cny));
	}
	add_chart(v, data, chart_key, labels, values, shown, hrefs, n);
}

int view_dashboard(struct view *v, const struct stats_filter *f)
{
	struct stats st;
	if (store_stats(v->store, f, LATEST_FACTS, v->arena, &st) != STORE_OK)
		return 500;
	struct tv *data = page_data(v, "招商引资数据监测", "上海 16 个区招商引资新闻中的项目、金额与趋势。", NULL);
	if (!f->from && !f->to && !f->industry)
		page_set_canonical(v, data, "/dashboard");
	tv_put_str(data, "from", f->from);
	tv_put_str(data, "to", f->to);
	page_add_tag_options(data, NULL, f->industry);
	tv_put_int(data, "articles", st.articles);
	tv_put_str(data, "money", yuan(v->arena, st.money_cny));
	tv_put_int(data, "citywide", st.citywide.articles);

	/* Districts in the official order, all 16 (zero is a figure too). */
	const char *labels[DISTRICT_COUNT], *counts[DISTRICT_COUNT], *money[DISTRICT_COUNT], *hrefs[DISTRICT_COUNT];
	double nart[DISTRICT_COUNT], nmoney[DISTRICT_COUNT];
	struct tv *rows = tv_put_list(data, "district_rows");
	for (size_t i = 0; i < DISTRICT_COUNT; i++) {
		nart[i] = nmoney[i] = 0;
		for (size_t k = 0; k < st.ndistricts; k++) {
			if (!strcmp(st.districts[k].key, districts[i].slug)) {
				nart[i] = (double)st.districts[k].articles;
				nmoney[i] = st.districts[k].money_cny;
			}
		}
		labels[i] = districts[i].short_name;
		counts[i] = arena_printf(v->arena, "%.0f 篇", nart[i]);
		money[i] = yuan(v->arena, nmoney[i]);
		hrefs[i] = arena_printf(v->arena, "/districts/%s", districts[i].slug);
		struct tv *r = tv_list_add_object(rows);
		tv_put_str(r, "slug", districts[i].slug);
		tv_put_str(r, "name", districts[i].name);
		tv_put_int(r, "articles", (long long)nart[i]);
		tv_put_str(r, "money", money[i]);
	}
	add_chart(v, data, "district_chart", labels, nart, counts, hrefs, DISTRICT_COUNT);
	add_chart(v, data, "money_chart", labels, nmoney, money, hrefs, DISTRICT_COUNT);

	add_group(v, data, st.industries, st.nindustries, industry_name, "/industries/", "industry_rows", "industry_chart");
	add_group(v, data, st.months, st.nmonths, NULL, NULL, "month_rows", "month_chart");

	struct tv *facts = tv_put_list(data, "facts");
	for (size_t i = 0; i < st.nfacts; i++) {
		struct tv *r = tv_list_add_object(facts);
		tv_put_str(r, "match", st.facts[i].fact.match);
		tv_put_str(r, "sentence", st.facts[i].fact.sentence);
		tv_put_int(r, "id", st.facts[i].article_id);
		tv_put_str(r, "title", st.facts[i].title);
		tv_put_str(r, "date", st.facts[i].date);
	}
	return page_render(v, "dashboard", data);
}

/* Yuan as a whole number: JSON reals would be rounded to few digits. */
static json_int_t whole(double yuan_amount)
{
	return (json_int_t)(yuan_amount + 0.5);
}

static json_t *rows_json(const struct stats_row *rows, size_t n, const char *key, const char *(*name)(const char *))
{
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_pack("{s:s,s:I,s:I}", key, rows[i].key, "articles", (json_int_t)rows[i].articles,
				      "money_cny", whole(rows[i].money_cny));
		if (name)
			json_object_set_new(o, "name", json_string(name(rows[i].key)));
		json_array_append_new(list, o);
	}
	return list;
}

int view_stats_json(struct view *v, const struct stats_filter *f)
{
	struct stats st;
	if (store_stats(v->store, f, LATEST_FACTS, v->arena, &st) != STORE_OK)
		return 500;
	json_t *facts = json_array();
	for (size_t i = 0; i < st.nfacts; i++) {
		const struct stats_fact *x = &st.facts[i];
		json_array_append_new(facts, json_pack("{s:s,s:o,s:s,s:s,s:s,s:I,s:s}", "kind", x->fact.kind, "value",
						       page_json_number(x->fact.value), "unit", x->fact.unit, "match", x->fact.match, "text",
						       x->fact.sentence, "article_id", (json_int_t)x->article_id, "date",
						       x->date));
	}
	page_emit_json(v, json_pack("{s:I,s:I,s:{s:I,s:I},s:o,s:o,s:o,s:o}", "articles", (json_int_t)st.articles,
				    "money_cny", whole(st.money_cny), "citywide", "articles", (json_int_t)st.citywide.articles,
				    "money_cny", whole(st.citywide.money_cny), "districts",
				    rows_json(st.districts, st.ndistricts, "district", district_name), "industries",
				    rows_json(st.industries, st.nindustries, "industry", industry_name), "months",
				    rows_json(st.months, st.nmonths, "month", NULL), "latest_facts", facts));
	return 200;
}

int view_stats_csv(struct view *v, const struct stats_filter *f, const char *table)
{
	struct stats st;
	if (store_stats(v->store, f, 0, v->arena, &st) != STORE_OK)
		return 500;
	const struct stats_row *rows;
	size_t n;
	const char *(*name)(const char *) = NULL;
	const char *first;
	if (!strcmp(table, "districts")) {
		rows = st.districts, n = st.ndistricts, name = district_name, first = "区";
	} else if (!strcmp(table, "industries")) {
		rows = st.industries, n = st.nindustries, name = industry_name, first = "行业";
	} else if (!strcmp(table, "months")) {
		rows = st.months, n = st.nmonths, first = "月份";
	} else {
		return 404;
	}
	buf_puts(v->out, "\xef\xbb\xbf"); /* the BOM: Excel then reads UTF-8 */
	page_csv_field(v->out, first, false);
	page_csv_field(v->out, "文章数", false);
	page_csv_field(v->out, "公布金额（元）", true);
	for (size_t i = 0; i < n; i++) {
		page_csv_field(v->out, name ? name(rows[i].key) : rows[i].key, false);
		page_csv_field(v->out, arena_printf(v->arena, "%lld", (long long)rows[i].articles), false);
		page_csv_field(v->out, arena_printf(v->arena, "%.0f", rows[i].money_cny), true);
	}
	return 200;
}
