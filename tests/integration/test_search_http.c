/* Integration tests: /search and /api/v1/search over HTTP on the real server
 * with the seed (or the demo corpus) and the demo corpus imported. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "site.h"
#include "util/buf.h"

static char *dir, *db;
static struct test_server server;

static void import(const char *file)
{
	import_into(db, (const char *[]){ file, NULL });
}

static void setup(void)
{
	dir = tmp_dir_new();
	if (asprintf(&db, "%s/search.db", dir) < 0)
		abort();
	import(seed_or_demo_path());
	import("data/demo/articles.txt");
	import("data/demo/articles.jsonl");
	cr_assert(server_start(&server, db));
}

static void teardown(void)
{
	cr_expect_eq(server_stop(&server), 0);
	free(db);
	tmp_dir_remove(dir);
}

TestSuite(search_http, .init = setup, .fini = teardown, .timeout = 60);

static void get(const char *path, struct http_reply *r)
{
	char *problem = http_get_checked(server.port, path, r);
	cr_assert_null(problem, "GET %s: %s", path, problem);
}

Test(search_http, page_shows_highlighted_results_count_and_time)
{
	struct http_reply r;
	get("/search?q=%E6%8B%9B%E5%95%86%E6%8E%A8%E4%BB%8B", &r); /* 招商推介, in the demo corpus */
	cr_assert_eq(r.status, 200);
	cr_assert_not_null(strstr(r.body, "<mark>招商推介</mark>"), "no highlight");
	cr_assert_not_null(strstr(r.body, "找到 "));
	cr_assert_not_null(strstr(r.body, "毫秒"));
	cr_assert_not_null(strstr(r.body, "value=\"招商推介\""), "the box keeps the query");
	http_reply_free(&r);
}

Test(search_http, empty_query_shows_a_prompt)
{
	const char *paths[] = { "/search", "/search?q=", "/search?q=%20%E3%80%80", "/search?q=*%20(%20)" };
	for (size_t i = 0; i < 4; i++) {
		struct http_reply r;
		get(paths[i], &r);
		cr_assert_eq(r.status, 200, "%s", paths[i]);
		cr_assert(strstr(r.body, "class=\"prompt\""), "%s shows no prompt", paths[i]);
		http_reply_free(&r);
	}
}

Test(search_http, no_hits_says_so_and_offers_to_drop_filters)
{
	struct http_reply r;
	get("/search?q=%E5%85%85%E7%94%B5%E6%A1%A9&district=chongming", &r);
	cr_assert_eq(r.status, 200);
	cr_assert_not_null(strstr(r.body, "没有找到"));
	cr_assert_not_null(strstr(r.body, "去掉筛选条件"));
	cr_assert_not_null(strstr(r.body, "href=\"/search?q=%E5%85%85%E7%94%B5%E6%A1%A9&amp;\""));
	http_reply_free(&r);
}

Test(search_http, hostile_queries_get_200)
{
	const char *qs[] = { "%22", "*", "(", ")", ":", "-", "OR", "AND", "NEAR", "%5E",
			     "%22%20*%20(%20)%20%3A%20-%20OR%20AND%20NEAR%20%5E", "title%3A%E6%B5%A6%E4%B8%9C",
			     "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "NEAR(a%20b%2C%202)" };
	for (size_t i = 0; i < sizeof(qs) / sizeof(qs[0]); i++) {
		char path[256];
		snprintf(path, sizeof(path), "/search?q=%s", qs[i]);
		struct http_reply r;
		get(path, &r);
		cr_assert_eq(r.status, 200, "%s gave %d", path, r.status);
		cr_assert_null(strstr(r.body, "<script>alert"), "%s echoed a script", path);
		http_reply_free(&r);
		snprintf(path, sizeof(path), "/api/v1/search?q=%s", qs[i]);
		get(path, &r);
		cr_assert_eq(r.status, 200, "%s gave %d", path, r.status);
		http_reply_free(&r);
	}
}

Test(search_http, query_over_200_characters_is_400)
{
	struct buf path = { 0 };
	buf_puts(&path, "/search?q=");
	for (int i = 0; i < 201; i++)
		buf_puts(&path, "%E6%B5%A6");
	struct http_reply r;
	get(path.data, &r);
	cr_assert_eq(r.status, 400);
	cr_assert_not_null(strstr(r.body, "200 个字符"));
	http_reply_free(&r);
	struct buf api = { 0 };
	buf_printf(&api, "/api/v1/search?%s", path.data + strlen("/search?"));
	get(api.data, &r);
	cr_assert_eq(r.status, 400);
	cr_assert_not_null(strstr(r.body, "\"code\":\"query_too_long\""), "%s", r.body);
	char *type = http_header(&r, "Content-Type");
	cr_assert_str_eq(type, "application/json; charset=utf-8");
	free(type);
	http_reply_free(&r);
	buf_free(&path);
	buf_free(&api);
}

Test(search_http, bad_filters_are_400_with_codes)
{
	const char *cases[][2] = {
		{ "/api/v1/search?q=a&district=atlantis", "invalid_district" },
		{ "/api/v1/search?q=a&from=2025-02-30", "invalid_date" },
		{ "/api/v1/search?q=a&to=yesterday", "invalid_date" },
		{ "/api/v1/search?q=a&sort=random", "invalid_sort" },
		{ "/api/v1/search?q=a&page=0", "invalid_page" },
		{ "/api/v1/search?q=a&industry=atlantis", "unknown_industry" },
		{ "/api/v1/search?q=%FF", "invalid_encoding" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct http_reply r;
		get(cases[i][0], &r);
		cr_assert_eq(r.status, 400, "%s gave %d", cases[i][0], r.status);
		char want[64];
		snprintf(want, sizeof(want), "\"code\":\"%s\"", cases[i][1]);
		cr_assert_not_null(strstr(r.body, want), "%s: %s", cases[i][0], r.body);
		cr_assert_not_null(strstr(r.body, "\"message\":\""), "%s", r.body);
		http_reply_free(&r);
	}
}

Test(search_http, api_errors_elsewhere_are_json_too)
{
	struct http_reply r;
	get("/api/v1/nothing", &r);
	cr_assert_eq(r.status, 404);
	cr_assert_not_null(strstr(r.body, "{\"error\":{\"code\":\"not_found\""), "%s", r.body);
	http_reply_free(&r);
	http_request(server.port, "POST", "/api/v1/search?q=a", &r);
	cr_assert_eq(r.status, 405);
	cr_assert_not_null(strstr(r.body, "\"code\":\"method_not_allowed\""), "%s", r.body);
	http_reply_free(&r);
}

Test(search_http, api_returns_the_documented_shape)
{
	struct http_reply r;
	get("/api/v1/search?q=%E6%8B%9B%E5%95%86", &r); /* 招商 */
	cr_assert_eq(r.status, 200);
	const char *keys[] = { "\"total\":", "\"results\":[{\"id\":", "\"title\":\"", "\"date\":\"", "\"districts\":[",
			       "\"industries\":[]", "\"snippet\":\"", "\"facets\":{\"districts\":[", "<mark>招商</mark>" };
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		cr_assert_not_null(strstr(r.body, keys[i]), "no %s in %s", keys[i], r.body);
	cr_assert_null(strstr(r.body, "\\u0001"), "markers leaked");
	http_reply_free(&r);
}

Test(search_http, paging_and_sorting_by_date)
{
	struct http_reply r;
	get("/api/v1/search?q=%E5%8C%BA&sort=date", &r); /* 区: in nearly every article */
	cr_assert_eq(r.status, 200);
	long total = atol(strstr(r.body, "\"total\":") + 8);
	cr_assert_gt(total, 20, "need more than a page of hits");
	cr_assert_not_null(strstr(r.body, "\"next\":\"/api/v1/search?q=%E5%8C%BA&sort=date&page=2\""), "%s",
			   r.body);
	/* newest first */
	char prev[11] = "9999-99-99";
	for (const char *p = r.body; (p = strstr(p, "\"date\":\"")); p += 8) {
		cr_assert_leq(strncmp(p + 8, prev, 10), 0, "dates out of order");
		memcpy(prev, p + 8, 10);
	}
	http_reply_free(&r);
	get("/api/v1/search?q=%E5%8C%BA&sort=date&page=2", &r);
	cr_assert_eq(r.status, 200);
	cr_assert_not_null(strstr(r.body, "\"next\":null"), "page 2 is the last: %s", r.body);
	http_reply_free(&r);
	get("/api/v1/search?q=%E5%8C%BA&page=99", &r);
	cr_assert_eq(r.status, 404);
	http_reply_free(&r);
	get("/search?q=%E5%8C%BA", &r);
	cr_assert_not_null(strstr(r.body, "href=\"/search?q=%E5%8C%BA&amp;page=2\""), "pager link");
	http_reply_free(&r);
}

Test(search_http, district_facets_link_to_filtered_results)
{
	struct http_reply r;
	get("/search?q=%E6%8B%9B%E5%95%86", &r);
	const char *facet = strstr(r.body, "href=\"/search?q=%E6%8B%9B%E5%95%86&amp;district=pudong&amp;\"");
	cr_assert_not_null(facet, "no pudong facet link");
	long shown = atol(strstr(facet, "<span class=\"n\">") + strlen("<span class=\"n\">"));
	http_reply_free(&r);
	get("/api/v1/search?q=%E6%8B%9B%E5%95%86&district=pudong", &r);
	long total = atol(strstr(r.body, "\"total\":") + 8);
	cr_assert_eq(shown, total, "facet says %ld, the filter finds %ld", shown, total);
	http_reply_free(&r);
}

Test(search_http, newly_imported_articles_are_searchable_at_once)
{
	struct http_reply r;
	get("/api/v1/search?q=%E7%8B%AC%E8%A7%92%E5%85%BD%E4%BA%A7%E4%B8%9A%E5%9B%AD", &r); /* 独角兽产业园 */
	cr_assert_not_null(strstr(r.body, "\"total\":0"));
	http_reply_free(&r);
	const char line[] = "{\"title\":\"杨浦区独角兽产业园开园\",\"body\":\"杨浦区独角兽产业园今日开园。\",\"date\":\"2026-11-01\"}\n";
	char *file = write_file(dir, "new.jsonl", line, sizeof(line) - 1);
	import(file);
	free(file);
	get("/api/v1/search?q=%E7%8B%AC%E8%A7%92%E5%85%BD%E4%BA%A7%E4%B8%9A%E5%9B%AD", &r);
	cr_assert_not_null(strstr(r.body, "\"total\":1"), "%s", r.body);
	http_reply_free(&r);
}

Test(search_http, every_page_has_a_search_box)
{
	const char *pages[] = { "/", "/articles/1", "/districts/pudong", "/nope" };
	for (size_t i = 0; i < 4; i++) {
		struct http_reply r;
		get(pages[i], &r);
		cr_assert_not_null(strstr(r.body, "<form class=\"header-search\" action=\"/search\""), "%s", pages[i]);
		http_reply_free(&r);
	}
}

Test(search_http, industry_filter_and_facets)
{
	struct http_reply r;
	get("/search?q=%E9%A1%B9%E7%9B%AE", &r); /* 项目 */
	const char *facet = strstr(r.body, "&amp;industry=");
	cr_assert_not_null(facet, "no industry facet links");
	http_reply_free(&r);
	get("/api/v1/search?q=%E6%96%B0%E8%83%BD%E6%BA%90%E6%B1%BD%E8%BD%A6&industry=nev", &r); /* 新能源汽车 */
	cr_assert_eq(r.status, 200);
	cr_assert_not_null(strstr(r.body, "\"industries\":[\"新能源汽车\""), "%s", r.body);
	cr_assert_not_null(strstr(r.body, "\"facets\":{\"districts\":["), "%s", r.body);
	cr_assert_not_null(strstr(r.body, "\"industries\":[{\"industry\":\"nev\""), "%s", r.body);
	http_reply_free(&r);
}
