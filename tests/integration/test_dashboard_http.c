/* Integration tests: the data monitor's figures are the database's sums,
 * on the page, in /api/v1/stats and in the CSV, after import and after
 * an editor approves a submission. */
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
	cr_assert_geq(strstr(page, "<svg class=\"chart\"") ? 1 : 0, 1, "server-drawn charts");
	cr_assert_eq(strstr(page, "<script") ? 1 : 0, 0, "no script needed");
	cr_assert(strstr(page, "<caption>各区文章数与公布金额</caption>"), "a table under the chart");
	cr_assert(strstr(page, "href=\"/districts/pudong\""), "each district's articles one click away");
	free(page);
	struct http_reply r;
	client_get(&c, "/dashboard.csv?table=districts", &r);
	cr_assert_eq(r.status, 200);
	cr_assert(!strncmp(r.body, "\xef\xbb\xbf区,文章数,公布金额（元）\r\n", strlen("\xef\xbb\xbf区,文章数,公布金额（元）\r\n")),
		  "%s", r.body);
	size_t lines = 0;
	for (const char *p = r.body; (p = strstr(p, "\r\n")); p += 2)
		lines++;
	cr_assert_eq(lines, 1 + (size_t)sql_number("SELECT count(DISTINCT district) FROM article_districts"));
	http_reply_free(&r);
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
