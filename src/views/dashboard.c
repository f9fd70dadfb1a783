/* dashboard: the data monitor (招商引资数据监测) — per district, per
 * industry and per month the articles and the investment they announce,
 * with output, tax and the size of funds apart (never summed as
 * investment), and the latest facts; as a page with bar charts and
 * tables, as JSON, and as CSV. An amount no article disclosed is shown
 * as 未披露 (—, null in JSON, an empty CSV cell), never as 0元, and the
 * months run evenly through the range, empty months included. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/district.h"
#include "content/industry.h"
#include "store/stats.h"
#include "views/dashboard.h"
#include "views/views_internal.h"

enum {
	LATEST_FACTS = 20,
	AXIS_MAX_MONTHS = 600, /* a month axis longer than 50 years keeps to the data */
	BAR_SCALE = 1000,      /* a bar's length in thousandths of the longest */
	BAR_MIN = 4,           /* so that an amount, however small, shows */
	COLUMN_HEIGHT = 100,   /* a month column's height in its own units */
	MONTHS_OPEN = 24,      /* a longer month table starts folded */
};

static const char undisclosed[] = "未披露";

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

/* 50000000 → "5000万元", 120000000 → "1.2亿元", 0 → "未披露": how the
 * figures are read. Amounts are never negative, so 0 is none disclosed. */
static const char *yuan(struct arena *arena, double v)
{
	if (v <= 0)
		return undisclosed;
	const char *unit = v >= 1e12 ? "万亿元" : v >= 1e8 ? "亿元" : v >= 1e4 ? "万元" : "元";
	double shown = v >= 1e12 ? v / 1e12 : v >= 1e8 ? v / 1e8 : v >= 1e4 ? v / 1e4 : v;
	/* Two decimals at most, trailing zeros dropped: never an exponent. */
	char *text = arena_printf(arena, "%.2f", shown);
	char *end = text + strlen(text);
	while (end[-1] == '0')
		*--end = '\0';
	if (end[-1] == '.')
		*--end = '\0';
	return arena_printf(arena, "%s%s", text, unit);
}

/* ---- the month axis ---- */

/* "2025-03" (or a date) → months since year 0; -1 when s is NULL. */
static long month_index(const char *s)
{
	if (!s || strlen(s) < 7)
		return -1;
	return strtol(s, NULL, 10) * 12 + strtol(s + 5, NULL, 10) - 1;
}

static const char *month_key(struct arena *arena, long index)
{
	return arena_printf(arena, "%04ld-%02ld", index / 12, index % 12 + 1);
}

/* Every month from the range's first to its last, the filter's ends where
 * given, else the data's, each with its figures or zero: a time axis with
 * no gaps. months are the store's, in order. */
static struct stats_row *month_axis(struct arena *arena, const struct stats_filter *f, const struct stats_row *months,
				    size_t n, size_t *out_n)
{
	long first = n ? month_index(months[0].key) : -1, last = n ? month_index(months[n - 1].key) : -1;
	long start = f->from ? month_index(f->from) : first, end = f->to ? month_index(f->to) : last;
	if (start < 0)
		start = end;
	if (end < start)
		end = start;
	if (end - start >= AXIS_MAX_MONTHS && n) { /* from=1900-01-01: the data's own span */
		start = start > first ? start : first;
		end = end < last ? end : last;
	}
	if (end - start >= AXIS_MAX_MONTHS)
		start = end - AXIS_MAX_MONTHS + 1;
	*out_n = start < 0 ? 0 : (size_t)(end - start + 1);
	struct stats_row *axis = ARENA_NEW_ARRAY(arena, struct stats_row, *out_n ? *out_n : 1);
	size_t k = 0;
	for (size_t i = 0; i < *out_n; i++) {
		long m = start + (long)i;
		while (k < n && month_index(months[k].key) < m)
			k++;
		axis[i] = k < n && month_index(months[k].key) == m ? months[k] : (struct stats_row){ 0 };
		axis[i].key = month_key(arena, m);
	}
	return axis;
}

/* ---- bar charts ---- */

struct bar {
	const char *label, *shown;
	double value;
	size_t order; /* the order before sorting, kept among equals */
};

static int by_value(const void *pa, const void *pb)
{
	const struct bar *a = pa, *b = pb;
	if (a->value != b->value)
		return a->value > b->value ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* A bar chart under key: its caption and, largest first, each bar's
 * label, length and value as text. A bar of value 0 with shown
 * "未披露" is drawn as none: grey, at the end. */
static void add_bars(struct tv *data, const char *key, const char *caption, struct bar *bars, size_t n)
{
	for (size_t i = 0; i < n; i++)
		bars[i].order = i;
	qsort(bars, n, sizeof(*bars), by_value);
	double max = n && bars[0].value > 0 ? bars[0].value : 1;
	struct tv *chart = tv_put_object(data, key);
	tv_put_str(chart, "caption", caption);
	tv_put_int(chart, "scale", BAR_SCALE);
	struct tv *list = tv_put_list(chart, "bars");
	for (size_t i = 0; i < n; i++) {
		struct tv *b = tv_list_add_object(list);
		long long w = (long long)(bars[i].value / max * BAR_SCALE + 0.5);
		tv_put_str(b, "label", bars[i].label);
		tv_put_str(b, "shown", bars[i].shown);
		tv_put_int(b, "w", bars[i].value > 0 && w < BAR_MIN ? BAR_MIN : w);
		tv_put_bool(b, "none", bars[i].shown == undisclosed);
	}
}

/* The charts of a group: its investment and its articles, each sorted. */
static void add_group_charts(struct view *v, struct tv *data, const char *prefix, const char *what,
			     const char *const *labels, const struct stats_row *rows, size_t n)
{
	struct bar *money = ARENA_NEW_ARRAY(v->arena, struct bar, n + 1);
	struct bar *articles = ARENA_NEW_ARRAY(v->arena, struct bar, n + 1);
	for (size_t i = 0; i < n; i++) {
		money[i] = (struct bar){ .label = labels[i], .value = rows[i].money_cny,
					 .shown = yuan(v->arena, rows[i].money_cny) };
		articles[i] = (struct bar){ .label = labels[i], .value = (double)rows[i].articles,
					    .shown = arena_printf(v->arena, "%lld 篇", (long long)rows[i].articles) };
	}
	add_bars(data, arena_printf(v->arena, "%s_money_chart", prefix),
		 arena_printf(v->arena, "%s公布投资额（从多到少）", what), money, n);
	add_bars(data, arena_printf(v->arena, "%s_article_chart", prefix),
		 arena_printf(v->arena, "%s文章数（从多到少）", what), articles, n);
}

/* An amount under key as {text, none}: a table shows "—" for none. */
static void put_amount(struct view *v, struct tv *obj, const char *key, double value)
{
	struct tv *a = tv_put_object(obj, key);
	tv_put_str(a, "text", yuan(v->arena, value));
	tv_put_bool(a, "none", value <= 0);
}

/* A group's table rows under key+"_rows": name, link, articles, the
 * investment and how many disclosed it; under key+"_other_rows" the rows
 * that disclosed output, tax or a fund's size, and key+"_other" when any
 * did. */
static void add_group_rows(struct view *v, struct tv *data, const char *key, const char *const *names,
			   const char *const *hrefs, const struct stats_row *rows, size_t n)
{
	struct tv *list = tv_put_list(data, arena_printf(v->arena, "%s_rows", key));
	struct tv *others = tv_put_list(data, arena_printf(v->arena, "%s_other_rows", key));
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		struct tv *r = tv_list_add_object(list);
		tv_put_str(r, "name", names[i]);
		tv_put_str(r, "href", hrefs ? hrefs[i] : NULL);
		tv_put_int(r, "articles", rows[i].articles);
		put_amount(v, r, "money", rows[i].money_cny);
		tv_put_int(r, "money_articles", rows[i].money_articles);
		if (rows[i].output_cny <= 0 && rows[i].tax_cny <= 0 && rows[i].fund_cny <= 0)
			continue;
		any = true;
		struct tv *o = tv_list_add_object(others);
		tv_put_str(o, "name", names[i]);
		tv_put_str(o, "href", hrefs ? hrefs[i] : NULL);
		put_amount(v, o, "output", rows[i].output_cny);
		put_amount(v, o, "tax", rows[i].tax_cny);
		put_amount(v, o, "fund", rows[i].fund_cny);
	}
	tv_put_bool(data, arena_printf(v->arena, "%s_other", key), any);
}

/* The month chart: one column per month of the axis, as high as its
 * articles, with the years (or, within a year, the months) under it. */
static void add_month_chart(struct view *v, struct tv *data, const struct stats_row *axis, size_t n)
{
	int64_t max = 0;
	for (size_t i = 0; i < n; i++)
		max = axis[i].articles > max ? axis[i].articles : max;
	struct tv *chart = tv_put_object(data, "month_chart");
	long first = n ? month_index(axis[0].key) : 0;
	tv_put_str(chart, "caption",
		   n ? arena_printf(v->arena, "每月文章数：%ld年%ld月至%ld年%ld月，共 %zu 个月，最多的一个月 %lld 篇",
				    first / 12, first % 12 + 1, month_index(axis[n - 1].key) / 12,
				    month_index(axis[n - 1].key) % 12 + 1, n, (long long)max)
		     : "每月文章数");
	tv_put_int(chart, "height", COLUMN_HEIGHT);
	/* Labels must not crowd: every January (every few years on a long
	 * axis; none too near the end, where it would stick out), or every
	 * month within a year. */
	size_t years_apart = n > 60 ? (n + 59) / 60 : 1;
	struct tv *columns = tv_put_list(chart, "columns");
	for (size_t i = 0; i < n; i++) {
		long m = month_index(axis[i].key);
		long long h = max > 0 ? (long long)((double)axis[i].articles / (double)max * COLUMN_HEIGHT + 0.5) : 0;
		if (h == 0 && axis[i].articles > 0)
			h = 1; /* a month with an article shows one */
		struct tv *c = tv_list_add_object(columns);
		tv_put_int(c, "h", h);
		tv_put_int(c, "y", COLUMN_HEIGHT - h);
		tv_put_str(c, "title", arena_printf(v->arena, "%s：%lld 篇", axis[i].key, (long long)axis[i].articles));
		if (n <= 12)
			tv_put_str(c, "tick", arena_printf(v->arena, "%ld月", m % 12 + 1));
		else if (m % 12 == 0 && (size_t)(m / 12 - first / 12) % years_apart == 0 && i + n / 10 < n)
			tv_put_str(c, "tick", arena_printf(v->arena, "%ld", m / 12));
	}
}

/* The five headline figures: articles, investment, and the other roles. */
static void add_totals(struct view *v, struct tv *data, const struct stats *st)
{
	struct tv *list = tv_put_list(data, "totals");
	const struct {
		const char *label, *value, *note;
		bool none;
	} cards[] = {
		{ "文章", arena_printf(v->arena, "%lld 篇", (long long)st->total.articles),
		  arena_printf(v->arena, "其中全市性 %lld 篇", (long long)st->citywide.articles), false },
		{ "公布投资", yuan(v->arena, st->total.money_cny),
		  arena_printf(v->arena, "%lld 篇文章披露投资额", (long long)st->total.money_articles),
		  st->total.money_cny <= 0 },
		{ "产值/营收", yuan(v->arena, st->total.output_cny), "预测与实绩，不计入投资", st->total.output_cny <= 0 },
		{ "税收", yuan(v->arena, st->total.tax_cny), "不计入投资", st->total.tax_cny <= 0 },
		{ "基金规模", yuan(v->arena, st->total.fund_cny), "不计入投资", st->total.fund_cny <= 0 },
	};
	for (size_t i = 0; i < sizeof(cards) / sizeof(cards[0]); i++) {
		struct tv *c = tv_list_add_object(list);
		tv_put_str(c, "label", cards[i].label);
		tv_put_str(c, "value", cards[i].value);
		tv_put_str(c, "note", cards[i].note);
		tv_put_bool(c, "none", cards[i].none);
	}
}

/* from after to: nothing can match, and all-zero figures would not say why. */
static bool reversed(const struct stats_filter *f)
{
	return f->from && f->to && strcmp(f->from, f->to) > 0;
}

int view_dashboard(struct view *v, const struct stats_filter *f)
{
	struct tv *data = page_data(v, "招商引资数据监测", "上海 16 个区招商引资新闻中的项目、金额与趋势。", NULL);
	if (!f->from && !f->to && !f->industry)
		page_set_canonical(v, data, "/dashboard");
	tv_put_str(data, "from", f->from);
	tv_put_str(data, "to", f->to);
	page_add_tag_options(data, NULL, f->industry);
	if (reversed(f)) {
		tv_put_str(data, "range_error",
			   arena_printf(v->arena, "起始日期 %s 晚于截止日期 %s，这个时间段不存在，所以没有统计。请把两个日期对调，或重新选择。",
					f->from, f->to));
		const char *industry = f->industry ? arena_printf(v->arena, "industry=%s", f->industry) : "";
		tv_put_str(data, "swapped", arena_printf(v->arena, "/dashboard?from=%s&to=%s%s%s", f->to, f->from,
							 *industry ? "&" : "", industry));
		tv_put_str(data, "undated", arena_printf(v->arena, "/dashboard%s%s", *industry ? "?" : "", industry));
		int status = page_render(v, "dashboard", data);
		return status == 200 ? 400 : status;
	}
	struct stats st;
	if (store_stats(v->store, f, LATEST_FACTS, v->arena, &st) != STORE_OK)
		return 500;
	tv_put_bool(data, "figures", st.total.articles > 0);
	/* The JSON and CSV links carry the same filter (dates and slugs need
	 * no escaping in a URL). */
	const char *query = "";
	const struct {
		const char *name, *value;
	} given[] = { { "from", f->from }, { "to", f->to }, { "industry", f->industry } };
	for (size_t i = 0; i < sizeof(given) / sizeof(given[0]); i++)
		if (given[i].value)
			query = arena_printf(v->arena, "%s%c%s=%s", query, *query ? '&' : '?', given[i].name, given[i].value);
	tv_put_str(data, "filter_query", query);
	add_totals(v, data, &st);

	/* Districts: all 16 (zero articles is a figure too), tables in the
	 * official order, charts sorted. */
	struct stats_row drows[DISTRICT_COUNT];
	const char *dnames[DISTRICT_COUNT], *dlabels[DISTRICT_COUNT], *dhrefs[DISTRICT_COUNT];
	for (size_t i = 0; i < DISTRICT_COUNT; i++) {
		drows[i] = (struct stats_row){ .key = districts[i].slug };
		for (size_t k = 0; k < st.ndistricts; k++)
			if (!strcmp(st.districts[k].key, districts[i].slug))
				drows[i] = st.districts[k];
		dnames[i] = districts[i].name;
		dlabels[i] = districts[i].short_name;
		dhrefs[i] = arena_printf(v->arena, "/districts/%s", districts[i].slug);
	}
	add_group_charts(v, data, "district", "各区", dlabels, drows, DISTRICT_COUNT);
	add_group_rows(v, data, "district", dnames, dhrefs, drows, DISTRICT_COUNT);

	/* Industries with articles, tables in the list's order (a slug no
	 * longer in it last), charts sorted. */
	size_t ni = 0;
	struct stats_row *irows = ARENA_NEW_ARRAY(v->arena, struct stats_row, st.nindustries + 1);
	for (size_t k = 0; k <= INDUSTRY_COUNT; k++)
		for (size_t i = 0; i < st.nindustries; i++)
			if (k < INDUSTRY_COUNT ? !strcmp(st.industries[i].key, industries[k].slug)
					       : !industry_by_slug(str_from(st.industries[i].key)))
				irows[ni++] = st.industries[i];
	const char **inames = ARENA_NEW_ARRAY(v->arena, const char *, ni + 1);
	const char **ihrefs = ARENA_NEW_ARRAY(v->arena, const char *, ni + 1);
	for (size_t i = 0; i < ni; i++) {
		inames[i] = industry_name(irows[i].key);
		ihrefs[i] = arena_printf(v->arena, "/industries/%s", irows[i].key);
	}
	tv_put_bool(data, "industry_any", ni > 0);
	add_group_charts(v, data, "industry", "各行业", inames, irows, ni);
	add_group_rows(v, data, "industry", inames, ihrefs, irows, ni);

	size_t nmonths;
	struct stats_row *axis = month_axis(v->arena, f, st.months, st.nmonths, &nmonths);
	const char **mnames = ARENA_NEW_ARRAY(v->arena, const char *, nmonths + 1);
	for (size_t i = 0; i < nmonths; i++)
		mnames[i] = axis[i].key;
	add_month_chart(v, data, axis, nmonths);
	tv_put_bool(data, "months_open", nmonths <= MONTHS_OPEN);
	add_group_rows(v, data, "month", mnames, NULL, axis, nmonths);

	/* The latest facts, one row per sentence: 「签约项目19个，其中投资额超
	 * 10亿元的项目有6个」 is shown once with its three facts. */
	struct tv *facts = tv_put_list(data, "facts"), *items = NULL;
	for (size_t i = 0; i < st.nfacts; i++) {
		const struct stats_fact *x = &st.facts[i];
		if (!items || x->article_id != st.facts[i - 1].article_id ||
		    strcmp(x->fact.sentence, st.facts[i - 1].fact.sentence)) {
			struct tv *r = tv_list_add_object(facts);
			tv_put_str(r, "sentence", x->fact.sentence);
			tv_put_int(r, "id", x->article_id);
			tv_put_str(r, "title", x->title);
			tv_put_str(r, "date", x->date);
			items = tv_put_list(r, "items");
		}
		bool money = !strcmp(x->fact.kind, "money");
		struct tv *item = tv_list_add_object(items);
		tv_put_str(item, "match", x->fact.match);
		tv_put_str(item, "role", money ? fact_role_labels[x->fact.role] : "数量");
		tv_put_bool(item, "apart", money && x->fact.role != FACT_ROLE_INVESTMENT);
	}
	return page_render(v, "dashboard", data);
}

/* Yuan as a whole number, or null when none was disclosed: JSON reals
 * would be rounded to few digits, and 0 would read as none invested. */
static json_t *whole(double yuan_amount)
{
	return yuan_amount > 0 ? json_integer((json_int_t)(yuan_amount + 0.5)) : json_null();
}

static json_t *row_json(const struct stats_row *r, const char *key, const char *(*name)(const char *))
{
	json_t *o = json_pack("{s:I,s:o,s:I,s:o,s:o,s:o}", "articles", (json_int_t)r->articles, "money_cny",
			      whole(r->money_cny), "money_articles", (json_int_t)r->money_articles, "output_cny",
			      whole(r->output_cny), "tax_cny", whole(r->tax_cny), "fund_cny", whole(r->fund_cny));
	if (key)
		json_object_set_new(o, key, json_string(r->key));
	if (name)
		json_object_set_new(o, "name", json_string(name(r->key)));
	return o;
}

static json_t *rows_json(const struct stats_row *rows, size_t n, const char *key, const char *(*name)(const char *))
{
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, row_json(&rows[i], key, name));
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
		json_t *o = json_pack("{s:s,s:o,s:s,s:s,s:s,s:I,s:s}", "kind", x->fact.kind, "value",
				      page_json_number(x->fact.value), "unit", x->fact.unit, "match", x->fact.match, "text",
				      x->fact.sentence, "article_id", (json_int_t)x->article_id, "date", x->date);
		if (!strcmp(x->fact.kind, "money"))
			json_object_set_new(o, "role", json_string(fact_role_names[x->fact.role]));
		json_array_append_new(facts, o);
	}
	size_t nmonths;
	struct stats_row *axis = month_axis(v->arena, f, st.months, st.nmonths, &nmonths);
	json_t *out = row_json(&st.total, NULL, NULL);
	json_object_set_new(out, "citywide", row_json(&st.citywide, NULL, NULL));
	json_object_set_new(out, "districts", rows_json(st.districts, st.ndistricts, "district", district_name));
	json_object_set_new(out, "industries", rows_json(st.industries, st.nindustries, "industry", industry_name));
	json_object_set_new(out, "months", rows_json(axis, nmonths, "month", NULL));
	json_object_set_new(out, "latest_facts", facts);
	page_emit_json(v, out);
	return 200;
}

/* An amount for the CSV: whole yuan, or an empty cell when none was disclosed. */
static const char *csv_yuan(struct arena *arena, double v)
{
	return v > 0 ? arena_printf(arena, "%.0f", v) : "";
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
		rows = month_axis(v->arena, f, st.months, st.nmonths, &n), first = "月份";
	} else {
		return 404;
	}
	static const char *const header[] = { "文章数", "公布投资（元）", "披露投资的文章数", "产值营收（元，不计入投资）",
					      "税收（元，不计入投资）", "基金规模（元，不计入投资）" };
	buf_puts(v->out, "\xef\xbb\xbf"); /* the BOM: Excel then reads UTF-8 */
	page_csv_field(v->out, first, false);
	for (size_t i = 0; i < sizeof(header) / sizeof(header[0]); i++)
		page_csv_field(v->out, header[i], i + 1 == sizeof(header) / sizeof(header[0]));
	for (size_t i = 0; i < n; i++) {
		page_csv_field(v->out, name ? name(rows[i].key) : rows[i].key, false);
		page_csv_field(v->out, arena_printf(v->arena, "%lld", (long long)rows[i].articles), false);
		page_csv_field(v->out, csv_yuan(v->arena, rows[i].money_cny), false);
		page_csv_field(v->out, arena_printf(v->arena, "%lld", (long long)rows[i].money_articles), false);
		page_csv_field(v->out, csv_yuan(v->arena, rows[i].output_cny), false);
		page_csv_field(v->out, csv_yuan(v->arena, rows[i].tax_cny), false);
		page_csv_field(v->out, csv_yuan(v->arena, rows[i].fund_cny), true);
	}
	return 200;
}
