/* Integration tests: the data monitor's figures are the database's sums,
 * on the page, in /api/v1/stats and in the CSV, after import and after
 * an editor approves a submission; it sums investment only, says 未披露
 * where nothing was disclosed, runs the months without gaps, sorts its
 * charts, hides no links, and says when a date range is reversed. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "site.h"

static void setup(void)
{
	site_start("1000");
}

TestSuite(dashboard, .init = setup, .fini = site_stop, .timeout = 60);

/* The first column of the first row of a query on the site's database. */
static double sql_number(const char *query)
{
	sqlite3 *conn;
	cr_assert_eq(sqlite3_open(site.db, &conn), SQLITE_OK);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(conn, query, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(conn));
	double v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_double(st, 0) : 0;
	sqlite3_finalize(st);
	sqlite3_close(conn);
	return v;
}

static json_t *stats(struct client *c, const char *query)
{
	char path[256];
	snprintf(path, sizeof(path), "/api/v1/stats%s", query);
	char *body = site_page(c, path, 200);
	json_error_t e;
	json_t *j = json_loads(body, 0, &e);
	cr_assert_not_null(j, "%s: %s", e.text, body);
	free(body);
	return j;
}

static json_t *row(json_t *list, const char *key, const char *value)
{
	size_t i;
	json_t *r;
	json_array_foreach(list, i, r)
	{
		if (!strcmp(json_string_value(json_object_get(r, key)), value))
			return r;
	}
	return NULL;
}

/* Each article's headline investment (its largest CNY investment), summed. */
static const char money_sum[] = "SELECT coalesce(sum(m), 0) FROM (SELECT article_id, max(value) AS m FROM article_facts"
				" WHERE kind = 'money' AND unit = 'CNY' AND role = 'investment' GROUP BY article_id) WHERE 1";

/* Every figure of /api/v1/stats against the database's own sums. */
static void assert_figures_match(struct client *c)
{
	json_t *j = stats(c, "");
	cr_assert_eq(json_integer_value(json_object_get(j, "articles")), (json_int_t)sql_number("SELECT count(*) FROM articles"));
	cr_assert_float_eq((double)json_integer_value(json_object_get(j, "money_cny")), sql_number(money_sum), 0.5);
	json_t *districts = json_object_get(j, "districts");
	cr_assert_eq(json_array_size(districts),
		     (size_t)sql_number("SELECT count(DISTINCT district) FROM article_districts"));
	size_t i;
	json_t *r;
	json_array_foreach(districts, i, r)
	{
		const char *slug = json_string_value(json_object_get(r, "district"));
		char q[512];
		snprintf(q, sizeof(q), "SELECT count(*) FROM article_districts WHERE district = '%s'", slug);
		cr_assert_eq(json_integer_value(json_object_get(r, "articles")), (json_int_t)sql_number(q), "%s", slug);
		snprintf(q, sizeof(q), "%s AND article_id IN (SELECT article_id FROM article_districts WHERE district = '%s')",
			 money_sum, slug);
		cr_assert_float_eq((double)json_integer_value(json_object_get(r, "money_cny")), sql_number(q), 0.5, "%s", slug);
	}
	json_t *months = json_object_get(j, "months");
	json_array_foreach(months, i, r)
	{
		char q[256];
		snprintf(q, sizeof(q), "SELECT count(*) FROM articles WHERE substr(date, 1, 7) = '%s'",
			 json_string_value(json_object_get(r, "month")));
		cr_assert_eq(json_integer_value(json_object_get(r, "articles")), (json_int_t)sql_number(q));
	}
	json_decref(j);
}

Test(dashboard, the_figures_are_the_database_s_sums_after_import_and_after_an_approval)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	client_init(&staff, site.server.port);
	assert_figures_match(&visitor);
	json_t *before = stats(&visitor, "");
	json_t *pudong = row(json_object_get(before, "districts"), "district", "pudong");
	json_int_t pudong_articles = pudong ? json_integer_value(json_object_get(pudong, "articles")) : 0;
	double pudong_money = pudong ? (double)json_integer_value(json_object_get(pudong, "money_cny")) : 0;

	/* A submission announcing 3亿元 in 浦东 (with a part of it and a cap
	 * that are not more investment), approved. */
	char *token = client_form_token(&visitor, "/submit");
	struct http_reply r;
	client_post(&visitor, "/submit",
		    (const char *[]){ "csrf_token", token, "title", "浦东新区生物医药项目签约", "body",
				      "浦东新区今日签约生物医药项目，项目总投资3亿元，其中一期投资1亿元，单个人才最高奖励100万元。", "district", "pudong",
				      "contributor", "张三", "contact", "13812345678", NULL },
		    &r);
	cr_assert_eq(r.status, 303);
	http_reply_free(&r);
	free(token);
	cr_assert(client_login(&staff, "ed", site_password));
	char approve[64];
	snprintf(approve, sizeof(approve), "/admin/submissions/%ld/approve", site_newest_in_queue(&staff));
	cr_assert_eq(site_staff_post(&staff, approve, "x", ""), 303);

	assert_figures_match(&visitor);
	json_t *after = stats(&visitor, "");
	pudong = row(json_object_get(after, "districts"), "district", "pudong");
	cr_assert_not_null(pudong);
	cr_assert_eq(json_integer_value(json_object_get(pudong, "articles")), pudong_articles + 1);
	cr_assert_float_eq((double)json_integer_value(json_object_get(pudong, "money_cny")), pudong_money + 3e8, 0.5);
	json_decref(before);
	json_decref(after);
	client_free(&visitor);
	client_free(&staff);
}

Test(dashboard, filters_narrow_every_figure_and_bad_ones_are_refused)
{
	struct client c;
	client_init(&c, site.server.port);
	json_t *ic = stats(&c, "?industry=ic");
	cr_assert_eq(json_integer_value(json_object_get(ic, "articles")),
		     (json_int_t)sql_number("SELECT count(*) FROM article_industries WHERE industry = 'ic'"));
	json_decref(ic);
	json_t *range = stats(&c, "?from=2025-03-01&to=2025-03-31");
	cr_assert_eq(json_integer_value(json_object_get(range, "articles")),
		     (json_int_t)sql_number("SELECT count(*) FROM articles WHERE date BETWEEN '2025-03-01' AND '2025-03-31'"));
	json_decref(range);
	free(site_page(&c, "/api/v1/stats?from=2025-02-30", 400));
	free(site_page(&c, "/dashboard?industry=nothing", 400));
	free(site_page(&c, "/dashboard.csv?table=secrets", 404));
	client_free(&c);
}

Test(dashboard, the_page_draws_charts_with_tables_and_the_csv_matches)
{
	struct client c;
	client_init(&c, site.server.port);
	char *page = site_page(&c, "/dashboard", 200);
	cr_assert(strstr(page, "<div class=\"chart\" role=\"img\""), "charts");
	cr_assert_eq(strstr(page, "<script") ? 1 : 0, 0, "no script needed");
	cr_assert(strstr(page, "<caption>各区文章数与公布投资（—：未披露）</caption>"), "a table under the chart");
	cr_assert(strstr(page, "href=\"/districts/pudong\""), "each district's articles one click away");
	free(page);
	struct http_reply r;
	client_get(&c, "/dashboard.csv?table=districts", &r);
	cr_assert_eq(r.status, 200);
	static const char header[] = "\xef\xbb\xbf区,文章数,公布投资（元）,披露投资的文章数,产值营收（元，不计入投资）,"
				     "税收（元，不计入投资）,基金规模（元，不计入投资）\r\n";
	cr_assert(!strncmp(r.body, header, strlen(header)), "%s", r.body);
	size_t lines = 0;
	for (const char *p = r.body; (p = strstr(p, "\r\n")); p += 2)
		lines++;
	cr_assert_eq(lines, 1 + (size_t)sql_number("SELECT count(DISTINCT district) FROM article_districts"));
	http_reply_free(&r);
	client_free(&c);
}

/* Approves a submission in 浦东 with this body, as an editor. */
static void approve_in_pudong(const char *title, const char *body)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	client_init(&staff, site.server.port);
	char *token = client_form_token(&visitor, "/submit");
	struct http_reply r;
	client_post(&visitor, "/submit",
		    (const char *[]){ "csrf_token", token, "title", title, "body", body, "district", "pudong",
				      "contributor", "张三", "contact", "13812345678", NULL },
		    &r);
	cr_assert_eq(r.status, 303, "%s", r.body);
	http_reply_free(&r);
	free(token);
	cr_assert(client_login(&staff, "ed", site_password));
	char approve[64];
	snprintf(approve, sizeof(approve), "/admin/submissions/%ld/approve", site_newest_in_queue(&staff));
	cr_assert_eq(site_staff_post(&staff, approve, "x", ""), 303);
	client_free(&visitor);
	client_free(&staff);
}

static json_int_t amount(json_t *row, const char *key)
{
	json_t *v = json_object_get(row, key);
	cr_assert(json_is_integer(v) || json_is_null(v), "%s is a whole number of yuan or null", key);
	return json_integer_value(v);
}

Test(dashboard, an_output_forecast_is_not_counted_as_investment)
{
	struct client c;
	client_init(&c, site.server.port);
	json_t *before = stats(&c, "");
	json_t *pudong = row(json_object_get(before, "districts"), "district", "pudong");
	json_int_t money = amount(pudong, "money_cny"), output = amount(pudong, "output_cny");
	/* The approved article that raised 浦东 by 80亿 instead of 56亿. */
	approve_in_pudong("浦东新区生物医药产业园签约一批重点项目",
			  "浦东新区生物医药产业园近日举行重点项目签约仪式，共签约8个项目，总投资约56亿元，"
			  "涵盖创新药研发和高端医疗器械。项目全部达产后，预计年产值超过80亿元。");
	json_t *after = stats(&c, "");
	pudong = row(json_object_get(after, "districts"), "district", "pudong");
	cr_assert_eq(amount(pudong, "money_cny"), money + (json_int_t)56e8, "investment grows by 56亿");
	cr_assert_eq(amount(pudong, "output_cny"), output + (json_int_t)80e8, "output is apart");
	char *page = site_page(&c, "/dashboard", 200);
	cr_assert(strstr(page, "产值/营收"), "the page names output apart");
	cr_assert(strstr(page, "不计入投资"), "and says it is not investment");
	free(page);
	json_decref(before);
	json_decref(after);
	client_free(&c);
}

/* The table row of the page whose header cell links to href. */
static char *table_row(const char *page, const char *href)
{
	char link[96];
	snprintf(link, sizeof(link), "<th scope=\"row\"><a href=\"%s\">", href);
	const char *at = strstr(page, link);
	cr_assert_not_null(at, "a row for %s", href);
	const char *end = strstr(at, "</tr>");
	return strndup(at, (size_t)(end - at));
}

Test(dashboard, a_district_that_disclosed_no_amount_shows_undisclosed_not_zero_yuan)
{
	struct client c;
	client_init(&c, site.server.port);
	/* 黄浦's demo article states a subsidy cap and registered capital only. */
	cr_assert_eq(sql_number("SELECT money_cny FROM articles a JOIN article_districts d ON d.article_id = a.id"
				" WHERE d.district = 'huangpu'"), 0);
	char *page = site_page(&c, "/dashboard", 200);
	cr_assert_null(strstr(page, ">0元<"), "no 0元 anywhere");
	char *huangpu = table_row(page, "/districts/huangpu");
	cr_assert(strstr(huangpu, "—") && strstr(huangpu, "未披露"), "%s", huangpu);
	free(huangpu);
	free(page);
	json_t *j = stats(&c, "");
	cr_assert(json_is_null(json_object_get(row(json_object_get(j, "districts"), "district", "huangpu"), "money_cny")),
		  "null in JSON, not 0");
	json_decref(j);
	struct http_reply r;
	client_get(&c, "/dashboard.csv?table=districts", &r);
	cr_assert(strstr(r.body, "\r\n黄浦区,1,,0,"), "an empty CSV cell: %s", r.body);
	http_reply_free(&r);
	client_free(&c);
}

/* The months of /api/v1/stats + query follow each other from first to last. */
static void assert_even_months(struct client *c, const char *query, const char *first, const char *last)
{
	json_t *j = stats(c, query);
	json_t *months = json_object_get(j, "months");
	cr_assert_gt(json_array_size(months), 0, "%s", query);
	int prev = -1;
	size_t i;
	json_t *m;
	json_array_foreach(months, i, m) {
		const char *key = json_string_value(json_object_get(m, "month"));
		int index = atoi(key) * 12 + atoi(key + 5) - 1;
		cr_assert(prev < 0 || index == prev + 1, "%s: %s does not follow the month before", query, key);
		prev = index;
	}
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(months, 0), "month")), first, "%s", query);
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(months, json_array_size(months) - 1), "month")),
			 last, "%s", query);
	json_decref(j);
}

Test(dashboard, the_month_axis_has_every_month_of_the_range)
{
	struct client c;
	client_init(&c, site.server.port);
	/* The demo articles skip 2025-02, 2025-04 …: those months are there, with 0. */
	assert_even_months(&c, "", "2025-01", "2026-10");
	assert_even_months(&c, "?from=2025-01-01&to=2025-12-31", "2025-01", "2025-12");
	assert_even_months(&c, "?from=2024-11-15", "2024-11", "2026-10");
	json_t *j = stats(&c, "?from=2025-01-01&to=2025-12-31");
	json_t *feb = json_array_get(json_object_get(j, "months"), 1);
	cr_assert_eq(json_integer_value(json_object_get(feb, "articles")), 0);
	json_decref(j);
	char *page = site_page(&c, "/dashboard?from=2025-01-01&to=2025-12-31", 200);
	cr_assert(strstr(page, "<th scope=\"row\">2025-02</th><td>0</td>"), "the page's table too");
	cr_assert(strstr(page, "共 12 个月"), "and the chart's caption");
	free(page);
	struct http_reply r;
	client_get(&c, "/dashboard.csv?table=months&from=2025-01-01&to=2025-12-31", &r);
	cr_assert(strstr(r.body, "\r\n2025-02,0,,0,,,\r\n"), "and the CSV: %s", r.body);
	http_reply_free(&r);
	client_free(&c);
}

/* The values of the chart whose caption is caption, in order. */
static size_t chart_values(const char *page, const char *caption, char values[][32], size_t max)
{
	char key[128];
	snprintf(key, sizeof(key), "<p class=\"chart-caption\">%s</p>", caption);
	const char *at = strstr(page, key);
	cr_assert_not_null(at, "a chart %s", caption);
	const char *end = strstr(at, "</div>\n</div>");
	size_t n = 0;
	for (const char *v = at; (v = strstr(v, "<span class=\"bar-value\">")) && v < end && n < max; n++) {
		v += strlen("<span class=\"bar-value\">");
		size_t len = (size_t)(strstr(v, "</span>") - v);
		snprintf(values[n], sizeof(values[n]), "%.*s", (int)len, v);
	}
	return n;
}

/* "86亿元" → 8.6e9, "5000万元" → 5e7, "未披露" → -1. */
static double yuan_of(const char *text)
{
	if (!strcmp(text, "未披露"))
		return -1;
	char *unit;
	double v = strtod(text, &unit);
	return !strncmp(unit, "万亿", 6) ? v * 1e12 : !strncmp(unit, "亿", 3) ? v * 1e8 : !strncmp(unit, "万", 3) ? v * 1e4 : v;
}

Test(dashboard, charts_are_sorted_largest_first_with_undisclosed_last)
{
	struct client c;
	client_init(&c, site.server.port);
	char *page = site_page(&c, "/dashboard", 200);
	char values[32][32];
	size_t n = chart_values(page, "各行业文章数（从多到少）", values, 32);
	cr_assert_gt(n, 1);
	for (size_t i = 1; i < n; i++)
		cr_assert_geq(atoi(values[i - 1]), atoi(values[i]), "%s before %s", values[i - 1], values[i]);
	n = chart_values(page, "各区公布投资额（从多到少）", values, 32);
	cr_assert_eq(n, 16);
	cr_assert_str_eq(values[15], "未披露", "黄浦 and others disclosed none");
	for (size_t i = 1; i < n; i++)
		cr_assert(yuan_of(values[i - 1]) >= yuan_of(values[i]), "%s before %s", values[i - 1], values[i]);
	free(page);
	client_free(&c);
}

Test(dashboard, charts_hold_no_links_hidden_from_screen_readers)
{
	struct client c;
	client_init(&c, site.server.port);
	char *page = site_page(&c, "/dashboard", 200);
	size_t charts = 0;
	for (const char *at = page; (at = strstr(at, "role=\"img\"")); at++, charts++) {
		const char *end = strstr(at, "</div>\n</div>");
		cr_assert_not_null(end);
		char *chart = strndup(at, (size_t)(end - at));
		cr_assert_null(strstr(chart, "<a "), "a link inside a chart: %s", chart);
		free(chart);
	}
	cr_assert_eq(charts, 5, "districts ×2, industries ×2, months");
	/* aria-hidden only on the dash beside its spoken 未披露 */
	for (const char *at = page; (at = strstr(at, "aria-hidden=\"true\"")); at++)
		cr_assert(!strncmp(at, "aria-hidden=\"true\">—</span>", strlen("aria-hidden=\"true\">—</span>")), "%.80s", at);
	free(page);
	client_free(&c);
}

Test(dashboard, a_reversed_date_range_says_so_and_draws_nothing)
{
	struct client c;
	client_init(&c, site.server.port);
	char *page = site_page(&c, "/dashboard?from=2025-09-01&to=2025-03-01&industry=ic", 400);
	cr_assert(strstr(page, "起始日期 2025-09-01 晚于截止日期 2025-03-01"), "the message says what is wrong");
	cr_assert(strstr(page, "href=\"/dashboard?from=2025-03-01&amp;to=2025-09-01&amp;industry=ic\""),
		  "and offers the range the right way round");
	cr_assert(strstr(page, "name=\"from\" value=\"2025-09-01\""), "the form keeps what was chosen");
	cr_assert_null(strstr(page, "role=\"img\""), "no all-zero charts");
	cr_assert_null(strstr(page, "class=\"totals\""), "no all-zero figures");
	free(page);
	client_free(&c);
}

Test(dashboard, a_reversed_date_range_is_refused_by_the_api_and_the_csv)
{
	const char *urls[] = { "/api/v1/stats?from=2025-09-01&to=2025-03-01",
			       "/dashboard.csv?table=months&from=2025-09-01&to=2025-03-01" };
	for (size_t i = 0; i < 2; i++) {
		struct http_reply r;
		http_request(site.server.port, "GET", urls[i], &r);
		cr_assert_eq(r.status, 400, "%s", urls[i]);
		if (i == 0)
			cr_assert(strstr(r.body, "\"code\":\"invalid_range\""), "%s", r.body);
		http_reply_free(&r);
	}
	struct http_reply r;
	http_request(site.server.port, "GET", "/api/v1/stats?from=2025-03-01&to=2025-03-01", &r);
	cr_assert_eq(r.status, 200, "one day is a range");
	http_reply_free(&r);
}

Test(dashboard, the_latest_facts_say_what_each_amount_is)
{
	struct client c;
	client_init(&c, site.server.port);
	char *page = site_page(&c, "/dashboard?from=2026-06-01&to=2026-06-30", 200);
	/* 闵行's 2026-06-03 article: 总投资约28亿元 and 年产值可超过40亿元 */
	cr_assert(strstr(page, "<strong>28亿元</strong> <span class=\"role\">投资</span>"), "investment");
	cr_assert(strstr(page, "<strong>40亿元</strong> <span class=\"role\">产值/营收，不计入投资</span>"), "output");
	free(page);
	json_t *j = stats(&c, "?from=2026-06-01&to=2026-06-30");
	size_t i;
	json_t *f;
	bool seen = false;
	json_array_foreach(json_object_get(j, "latest_facts"), i, f) {
		if (!strcmp(json_string_value(json_object_get(f, "match")), "40亿元")) {
			cr_assert_str_eq(json_string_value(json_object_get(f, "role")), "output");
			seen = true;
		}
	}
	cr_assert(seen);
	json_decref(j);
	client_free(&c);
}

Test(dashboard, an_editor_s_tag_correction_shows_counts_and_survives_retag)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	client_init(&staff, site.server.port);
	cr_assert(client_login(&staff, "ed", site_password));
	long id = (long)sql_number("SELECT id FROM articles WHERE id IN (SELECT article_id FROM article_districts"
				   " WHERE district = 'huangpu') LIMIT 1");
	cr_assert_gt(id, 0);
	char page[64], tags[64];
	snprintf(page, sizeof(page), "/articles/%ld", id);
	snprintf(tags, sizeof(tags), "/admin/articles/%ld/tags", id);
	cr_assert(site_page_has(&staff, page, tags), "staff see the link to correct the tags");
	cr_assert_not(site_page_has(&visitor, page, tags), "the public does not");
	/* The tag panel's link, not the menu's (which lists every district). */
	const char *panel_link = "<a class=\"tag\" href=\"/districts/chongming\">";
	cr_assert_not(site_page_has(&visitor, page, panel_link), "not in Chongming yet");
	cr_assert_not(site_page_has(&visitor, "/districts/chongming", page), "nor in its channel");
	free(site_page(&visitor, tags, 303)); /* to the login page */

	char *token = client_form_token(&staff, tags);
	struct http_reply r;
	client_post(&staff, tags, (const char *[]){ "csrf_token", token, "district", "nowhere", NULL }, &r);
	cr_assert_eq(r.status, 400, "only real districts");
	http_reply_free(&r);
	client_post(&staff, tags,
		    (const char *[]){ "csrf_token", token, "district", "chongming", "industry", "tourism", NULL }, &r);
	cr_assert_eq(r.status, 303, "%s", r.body);
	http_reply_free(&r);
	free(token);
	/* At once, for a visitor whose pages were kept before the change. */
	cr_assert(site_page_has(&visitor, page, panel_link));
	cr_assert(site_page_has(&visitor, "/districts/chongming", page));
	cr_assert(site_page_has(&staff, "/admin/audit", "修改文章标签"));
	assert_figures_match(&visitor);

	/* Retagging keeps the correction. */
	const char *argv[] = { zs_bin(), "retag", "--db", site.db, NULL };
	struct run_result rr;
	run_cmd(argv, &rr);
	cr_assert_eq(rr.status, 0, "%s", rr.err);
	run_result_free(&rr);
	char q[256];
	snprintf(q, sizeof(q), "SELECT count(*) FROM article_districts WHERE article_id = %ld AND district = 'chongming'", id);
	cr_assert_eq(sql_number(q), 1);
	snprintf(q, sizeof(q), "SELECT count(*) FROM article_districts WHERE article_id = %ld", id);
	cr_assert_eq(sql_number(q), 1, "only the corrected district");
	snprintf(q, sizeof(q), "SELECT count(*) FROM article_industries WHERE article_id = %ld AND industry = 'tourism'", id);
	cr_assert_eq(sql_number(q), 1, "the corrected industry");
	snprintf(q, sizeof(q), "SELECT count(*) FROM article_industries WHERE article_id = %ld", id);
	cr_assert_eq(sql_number(q), 1, "only the corrected industry");
	assert_figures_match(&visitor);
	client_free(&visitor);
	client_free(&staff);
}

/* Makes the site's database what a binary from before fact roles left:
 * every amount of role other, money_cny the largest yuan amount whatever
 * it was, and no record of the tagging rules. */
static void make_the_database_old(void)
{
	sqlite3 *conn;
	cr_assert_eq(sqlite3_open(site.db, &conn), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(conn,
				  "UPDATE article_facts SET role = 'other';"
				  "UPDATE articles SET output_cny = 0, tax_cny = 0, fund_cny = 0, money_cny = (SELECT"
				  " coalesce(max(value), 0) FROM article_facts f WHERE f.article_id = articles.id"
				  " AND f.kind = 'money' AND f.unit = 'CNY');"
				  "DELETE FROM store_meta WHERE key = 'tag_rules';",
				  NULL, NULL, NULL),
		     SQLITE_OK, "%s", sqlite3_errmsg(conn));
	sqlite3_close(conn);
}

/* 闵行's demo article: 总投资约28亿元, 年产值可超过40亿元. */
static void assert_minhang_is_right(struct client *c)
{
	json_t *j = stats(c, "");
	json_t *minhang = row(json_object_get(j, "districts"), "district", "minhang");
	cr_assert_eq(amount(minhang, "money_cny"), (json_int_t)28e8, "investment, not the 40亿 output");
	cr_assert_eq(amount(minhang, "output_cny"), (json_int_t)40e8);
	json_decref(j);
}

Test(dashboard, serve_tags_an_upgraded_database_by_the_new_rules_without_a_manual_step)
{
	cr_assert_eq(server_stop(&site.server), 0);
	make_the_database_old();
	cr_assert_eq(sql_number("SELECT money_cny FROM articles a JOIN article_districts d ON d.article_id = a.id"
				" WHERE d.district = 'minhang'"),
		     40e8, "the old figure, before the start");
	site_restart();
	struct client c;
	client_init(&c, site.server.port);
	assert_minhang_is_right(&c);
	client_free(&c);
}

Test(dashboard, import_tags_an_upgraded_database_too)
{
	make_the_database_old();
	import_into(site.db, (const char *[]){ "data/demo/articles.txt", NULL }); /* nothing new in it */
	struct client c;
	client_init(&c, site.server.port);
	assert_minhang_is_right(&c);
	client_free(&c);
}

