/* search_report: the week's searches, for editors. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "domain/search_report.h"
#include "util/html.h"
#include "views/search_report.h"
#include "views/views_internal.h"

/* Adds a list named key of {query, url, searches, zero_results}. */
static void add_queries(struct view *v, struct tv *data, const char *key, const struct query_count *q, size_t n)
{
	struct tv *list = tv_put_list(data, key);
	for (size_t i = 0; i < n; i++) {
		struct tv *item = tv_list_add_object(list);
		struct buf *url = arena_buf(v->arena);
		buf_puts(url, "/search?q=");
		url_escape(url, q[i].query, strlen(q[i].query));
		tv_put_str(item, "query", q[i].query);
		tv_put_str(item, "url", buf_cstr(url));
		tv_put_int(item, "searches", q[i].searches);
		tv_put_int(item, "zero_results", q[i].zero_results);
	}
}

int view_admin_search_report(struct view *v, int64_t now)
{
	char since[DATE_DAY_SIZE], today[DATE_DAY_SIZE];
	search_report_week_start(now, since);
	date_shanghai_day(now, today);
	struct search_totals totals;
	struct query_count *most, *fruitless;
	size_t nmost, nfruitless;
	if (store_search_queries_totals(v->store, since, &totals) != STORE_OK ||
	    store_search_queries_top(v->store, since, QUERIES_MOST_SEARCHED, SEARCH_REPORT_SHOWN, v->arena, &most,
				     &nmost) != STORE_OK ||
	    store_search_queries_top(v->store, since, QUERIES_MOST_FRUITLESS, SEARCH_REPORT_SHOWN, v->arena, &fruitless,
				     &nfruitless) != STORE_OK)
		return 500;
	struct tv *data = page_staff_data(v, "搜索统计", "search_report", NULL);
	tv_put_str(data, "since", since);
	tv_put_str(data, "today", today);
	tv_put_int(data, "days", SEARCH_REPORT_DAYS);
	tv_put_int(data, "shown", SEARCH_REPORT_SHOWN);
	tv_put_int(data, "searches", totals.searches);
	tv_put_int(data, "zero_results", totals.zero_results);
	tv_put_int(data, "queries", totals.queries);
	add_queries(v, data, "most", most, nmost);
	add_queries(v, data, "fruitless", fruitless, nfruitless);
	tv_put_bool(data, "has_most", nmost > 0);
	tv_put_bool(data, "has_fruitless", nfruitless > 0);
	return page_render(v, "admin_search_report", data);
}

int view_admin_search_report_csv(struct view *v, int64_t now)
{
	char since[DATE_DAY_SIZE];
	search_report_week_start(now, since);
	struct query_count *q;
	size_t n;
	if (store_search_queries_top(v->store, since, QUERIES_MOST_SEARCHED, SEARCH_REPORT_CSV_ROWS, v->arena, &q, &n) !=
	    STORE_OK)
		return 500;
	buf_puts(v->out, "\xef\xbb\xbf"); /* the BOM: Excel then reads UTF-8 */
	page_csv_field(v->out, "搜索词", false);
	page_csv_field(v->out, "搜索次数", false);
	page_csv_field(v->out, "无结果次数", true);
	for (size_t i = 0; i < n; i++) {
		char searches[24], zero[24];
		snprintf(searches, sizeof(searches), "%" PRId64, q[i].searches);
		snprintf(zero, sizeof(zero), "%" PRId64, q[i].zero_results);
		page_csv_field(v->out, q[i].query, false);
		page_csv_field(v->out, searches, false);
		page_csv_field(v->out, zero, true);
	}
	return 200;
}
