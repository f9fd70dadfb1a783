/* Integration tests: the real server on a free loopback port, a temporary
 * database holding the seed (or the demo corpus), checked over HTTP. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "site.h"
#include "util/buf.h"

static char *dir, *db;
static struct test_server server;

/* Articles around the seed's date, so order can be checked. */
static const char extra_jsonl[] =
	"{\"title\":\"最新：嘉定区签约新项目\",\"body\":\"嘉定区今日签约。\",\"date\":\"2026-11-24\",\"district\":\"jiading\"}\n"
	"{\"title\":\"最早：奉贤区旧闻\",\"body\":\"奉贤区旧闻正文。\",\"date\":\"2020-03-01\",\"district\":\"fengxian\"}\n"
	"{\"title\":\"<script>alert('标题')</script>\",\"body\":\"<img src=x onerror=alert(1)> 正文\","
	"\"date\":\"2019-01-01\",\"district\":\"putuo\",\"source\":\"\\\"><b>来源</b>\"}\n";

static void setup(void)
{
	dir = tmp_dir_new();
	if (asprintf(&db, "%s/site.db", dir) < 0)
		abort();
	char *extra = write_file(dir, "extra.jsonl", extra_jsonl, sizeof(extra_jsonl) - 1);
	/* The seed (when present) and the demo corpus: more than one page. */
	import_into(db, (const char *[]){ seed_or_demo_path(), "data/demo/articles.txt", "data/demo/articles.jsonl", extra, NULL });
	free(extra);
	cr_assert(server_start(&server, db), "server did not start");
}

static void teardown(void)
{
	char *log = server_log(&server);
	int status = server_stop(&server);
	cr_expect_eq(status, 0, "server exited with %d; its log:\n%s", status, log);
	free(log);
	free(db);
	tmp_dir_remove(dir);
}

TestSuite(http, .init = setup, .fini = teardown, .timeout = 60);

/* Every HTML page any test fetches is also checked for well-formedness. */
static void get(const char *path, struct http_reply *r)
{
	char *problem = http_get_checked(server.port, path, r);
	cr_assert_null(problem, "GET %s: %s", path, problem);
}

/* The id of the article whose title is title, read from the home page links. */
static long article_id_from(const char *html, const char *title)
{
	const char *t = strstr(html, title);
	cr_assert_not_null(t, "no \"%s\" in page", title);
	const char *link = NULL;
	for (const char *p = html; (p = strstr(p, "href=\"/articles/")) && p < t; p++)
		link = p;
	cr_assert_not_null(link);
	return atol(link + strlen("href=\"/articles/"));
}

/* Appends the datetime of every listed article on page to dates. */
static size_t listed_dates(const char *page, char dates[][11], size_t n, size_t max)
{
	for (const char *p = page; n < max && (p = strstr(p, "<time datetime=\"")); p++) {
		p += strlen("<time datetime=\"");
		memcpy(dates[n], p, 10);
		dates[n++][10] = '\0';
	}
	return n;
}

Test(http, home_lists_titles_newest_first)
{
	struct http_reply p1, p2;
	get("/", &p1);
	get("/?page=2", &p2);
	cr_assert_eq(p1.status, 200);
	cr_assert_eq(p2.status, 200);
	char *type = http_header(&p1, "Content-Type");
	cr_assert_str_eq(type, "text/html; charset=utf-8");
	free(type);
	cr_assert_eq(count_of(p1.body, "class=\"item\""), 20, "a page holds 20 articles");
	cr_assert_not_null(strstr(p1.body, "href=\"/?page=2\""), "page 1 links to page 2");
	cr_assert_not_null(strstr(p2.body, "href=\"/?page=1\""), "page 2 links back to page 1");

	const char *first = strstr(p1.body, "class=\"item\"");
	cr_assert_not_null(first);
	const char *second = strstr(first + 1, "class=\"item\""), *newest = strstr(first, "最新：嘉定区签约新项目");
	cr_assert(newest && second && newest < second, "the newest article comes first");
	char dates[64][11];
	size_t n = listed_dates(p1.body, dates, 0, 64);
	n = listed_dates(p2.body, dates, n, 64);
	cr_assert_gt(n, 20, "both pages together hold more than one page");
	for (size_t i = 1; i < n; i++)
		cr_assert_leq(strcmp(dates[i], dates[i - 1]), 0, "article %zu (%s) is newer than the one before (%s)", i,
			      dates[i], dates[i - 1]);
	cr_assert_str_eq(dates[n - 1], "2019-01-01", "the oldest article is last");
	http_reply_free(&p1);
	http_reply_free(&p2);
}

Test(http, seed_titles_are_all_listed)
{
	if (!seed_path())
		cr_skip_test("../shared/seed is not in this checkout");
	struct http_reply p1, p2;
	get("/", &p1);
	get("/?page=2", &p2);
	const char *titles[] = { "浦东新区统计调查工作锚定高质量发展新目标", "普陀区出“组合拳”优生态强治理促招商引资",
				 "上海宝山住宅项目获5000万融资助力开发", "上海打造全球卓越制造基地的智能化转型路径" };
	for (size_t i = 0; i < 4; i++)
		cr_assert(strstr(p1.body, titles[i]) || strstr(p2.body, titles[i]), "missing %s", titles[i]);
	http_reply_free(&p1);
	http_reply_free(&p2);
}

Test(http, article_page_shows_sections_and_neighbours)
{
	struct http_reply r;
	get("/", &r);
	long id = article_id_from(r.body, "最新：嘉定区签约新项目");
	http_reply_free(&r);
	char path[64];
	snprintf(path, sizeof(path), "/articles/%ld", id);
	get(path, &r);
	cr_assert_eq(r.status, 200);
	cr_assert_not_null(strstr(r.body, "<h1>最新：嘉定区签约新项目</h1>"));
	cr_assert_not_null(strstr(r.body, "<p>嘉定区今日签约。</p>"));
	cr_assert_not_null(strstr(r.body, "href=\"/districts/jiading\""));
	cr_assert_not_null(strstr(r.body, "<time datetime=\"2026-11-24\">"));
	cr_assert_not_null(strstr(r.body, "下一篇"), "the newest article links to an older one");
	cr_assert_null(strstr(r.body, "上一篇"), "nothing is newer than the newest");
	http_reply_free(&r);
}

Test(http, seed_article_reads_as_sections)
{
	if (!seed_path())
		cr_skip_test("../shared/seed is not in this checkout");
	struct http_reply r;
	get("/articles/1", &r);
	cr_assert_eq(r.status, 200);
	cr_assert_not_null(strstr(r.body, "<h1>浦东新区统计调查工作锚定高质量发展新目标</h1>"));
	cr_assert_not_null(strstr(r.body, "<h2>一、党建引领筑牢统计根基</h2>"));
	cr_assert_not_null(strstr(r.body, "<h2>五、队伍建设激发创新活力</h2>"));
	cr_assert_eq(count_of(r.body, "<h2>"), 5);
	cr_assert_geq(count_of(r.body, "<p>"), 6);
	cr_assert_not_null(strstr(r.body, "<p>会议强调要把政治建设贯穿工作全过程"));
	http_reply_free(&r);
}

Test(http, unknown_article_is_a_404_page)
{
	const char *paths[] = { "/articles/999999", "/articles/abc", "/articles/0", "/articles/-1",
				"/articles/99999999999999999999", "/no/such/page" };
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		struct http_reply r;
		get(paths[i], &r);
		cr_assert_eq(r.status, 404, "%s gave %d", paths[i], r.status);
		cr_assert_not_null(strstr(r.body, "页面不存在"), "%s: no 404 page", paths[i]);
		cr_assert_not_null(strstr(r.body, "<nav class=\"district-nav\""), "the 404 page has the site menu");
		http_reply_free(&r);
	}
}

Test(http, wrong_method_is_405_with_allow)
{
	const char *methods[] = { "POST", "PUT", "DELETE" };
	for (size_t i = 0; i < 3; i++) {
		struct http_reply r;
		http_request(server.port, methods[i], "/", &r);
		cr_assert_eq(r.status, 405, "%s /", methods[i]);
		char *allow = http_header(&r, "Allow");
		cr_assert_not_null(allow);
		cr_assert_str_eq(allow, "GET, HEAD");
		free(allow);
		http_reply_free(&r);
	}
}

Test(http, hostile_title_and_body_are_escaped)
{
	struct http_reply r;
	get("/?page=2", &r);
	cr_assert_null(strstr(r.body, "<script>alert"), "script tag reached the listing");
	cr_assert_not_null(strstr(r.body, "&lt;script&gt;alert(&#39;标题&#39;)&lt;/script&gt;"));
	long id = article_id_from(r.body, "&lt;script&gt;");
	http_reply_free(&r);
	char path[64];
	snprintf(path, sizeof(path), "/articles/%ld", id);
	get(path, &r);
	cr_assert_eq(r.status, 200);
	cr_assert_null(strstr(r.body, "<script>"));
	cr_assert_null(strstr(r.body, "<img src=x"));
	cr_assert_null(strstr(r.body, "<b>来源</b>"));
	cr_assert_not_null(strstr(r.body, "&lt;img src=x onerror=alert(1)&gt;"));
	cr_assert_not_null(strstr(r.body, "&quot;&gt;&lt;b&gt;来源&lt;/b&gt;"));
	http_reply_free(&r);
}

Test(http, head_has_headers_but_no_body)
{
	struct http_reply get_r, head_r;
	get("/articles/1", &get_r);
	http_request(server.port, "HEAD", "/articles/1", &head_r);
	cr_assert_eq(head_r.status, 200);
	cr_assert_eq(head_r.body_len, 0, "HEAD sent %zu body bytes", head_r.body_len);
	char *len_get = http_header(&get_r, "Content-Length"), *len_head = http_header(&head_r, "Content-Length");
	cr_assert_not_null(len_head);
	cr_assert_str_eq(len_head, len_get);
	free(len_get);
	free(len_head);
	http_reply_free(&get_r);
	http_reply_free(&head_r);
	const char *paths[] = { "/", "/districts/pudong", "/healthz", "/static/style.css", "/nope" };
	for (size_t i = 0; i < 5; i++) {
		http_request(server.port, "HEAD", paths[i], &head_r);
		cr_assert(head_r.status == 200 || head_r.status == 404, "HEAD %s: %d", paths[i], head_r.status);
		cr_assert_eq(head_r.body_len, 0, "HEAD %s sent a body", paths[i]);
		http_reply_free(&head_r);
	}
}

Test(http, malformed_requests_get_400)
{
	static const char *const bad[] = {
		"GET / HTTP/1.1\r\n\r\n",                    /* HTTP/1.1 without Host */
		"GET / HTTP/1.1\r\nHost: a\r\nBad Header\r\n\r\n", /* header without a colon */
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct http_reply r;
		http_raw(server.port, bad[i], strlen(bad[i]), &r);
		cr_assert_eq(r.status, 400, "request %zu got %d", i, r.status);
		http_reply_free(&r);
	}
	const char *bad_pages[] = { "/?page=abc", "/?page=0", "/?page=-3", "/districts/pudong?page=1x" };
	for (size_t i = 0; i < 4; i++) {
		struct http_reply r;
		get(bad_pages[i], &r);
		cr_assert_eq(r.status, 400, "%s gave %d", bad_pages[i], r.status);
		cr_assert_not_null(strstr(r.body, "页码应为"));
		http_reply_free(&r);
	}
	struct http_reply r;
	get("/districts/%FF%FE", &r);
	cr_assert_eq(r.status, 400, "invalid UTF-8 in the path gave %d", r.status);
	http_reply_free(&r);
}

Test(http, pager_links_every_nearby_page_by_number)
{
	struct http_reply r;
	get("/?page=2", &r);
	cr_assert_not_null(strstr(r.body, "<a href=\"/?page=1\">1</a>"), "no link to page 1");
	cr_assert_not_null(strstr(r.body, "<span class=\"current\" aria-current=\"page\">2</span>"), "page 2 not marked");
	cr_assert_null(strstr(r.body, "?page=\""), "a page link without a number");
	http_reply_free(&r);
}

Test(http, page_past_the_end_is_404)
{
	struct http_reply r;
	get("/?page=50", &r);
	cr_assert_eq(r.status, 404);
	http_reply_free(&r);
	get("/?page=1000000", &r);
	cr_assert_eq(r.status, 404);
	http_reply_free(&r);
}

Test(http, district_channel_lists_only_its_articles)
{
	struct http_reply r;
	get("/districts/jiading", &r);
	cr_assert_eq(r.status, 200);
	cr_assert_not_null(strstr(r.body, "<h1>嘉定区</h1>"));
	cr_assert_not_null(strstr(r.body, "最新：嘉定区签约新项目"));
	cr_assert_null(strstr(r.body, "奉贤区旧闻"));
	cr_assert_not_null(strstr(r.body, "href=\"/districts/jiading\" aria-current=\"page\""));
	http_reply_free(&r);
	get("/districts/fengxian", &r);
	cr_assert_not_null(strstr(r.body, "最早：奉贤区旧闻"));
	cr_assert_null(strstr(r.body, "嘉定区签约新项目"));
	http_reply_free(&r);
}

Test(http, district_from_title_when_the_import_has_none)
{
	if (!seed_path())
		cr_skip_test("../shared/seed is not in this checkout");
	struct http_reply r;
	get("/districts/pudong", &r);
	cr_assert_not_null(strstr(r.body, "浦东新区统计调查工作锚定高质量发展新目标"));
	cr_assert_null(strstr(r.body, "普陀区出"));
	http_reply_free(&r);
	get("/districts/baoshan", &r);
	cr_assert_not_null(strstr(r.body, "上海宝山住宅项目获5000万融资助力开发"));
	http_reply_free(&r);
}

static void expect_404(const char *const *paths, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct http_reply r;
		get(paths[i], &r);
		cr_assert_eq(r.status, 404, "%s gave %d", paths[i], r.status);
		http_reply_free(&r);
	}
}

Test(http, unknown_district_is_404)
{
	const char *paths[] = { "/districts/atlantis", "/districts/%E6%B5%A6%E4%B8%9C", "/districts/", "/districts/pudong/x" };
	expect_404(paths, sizeof(paths) / sizeof(paths[0]));
}

Test(http, every_page_has_the_menu_of_all_districts)
{
	static const char *const slugs[] = { "huangpu", "xuhui", "changning", "jingan", "putuo", "hongkou",
					     "yangpu", "minhang", "baoshan", "jiading", "pudong", "jinshan",
					     "songjiang", "qingpu", "fengxian", "chongming" };
	const char *pages[] = { "/", "/articles/1", "/districts/qingpu", "/nope" };
	for (size_t p = 0; p < 4; p++) {
		struct http_reply r;
		get(pages[p], &r);
		cr_assert(strstr(r.body, "<html lang=\"zh-CN\">"), "%s", pages[p]);
		cr_assert(strstr(r.body, "<meta name=\"viewport\""), "%s", pages[p]);
		cr_assert_eq(count_of(r.body, "<h1"), 1, "%s has one h1", pages[p]);
		for (size_t i = 0; i < 16; i++) {
			char href[64];
			snprintf(href, sizeof(href), "href=\"/districts/%s\"", slugs[i]);
			cr_assert(strstr(r.body, href), "%s lacks %s", pages[p], href);
		}
		cr_assert(strstr(r.body, "</html>"), "%s is complete", pages[p]);
		http_reply_free(&r);
	}
}

Test(http, healthz_answers_ok)
{
	struct http_reply r;
	get("/healthz", &r);
	cr_assert_eq(r.status, 200);
	cr_assert_str_eq(r.body, "ok\n");
	http_reply_free(&r);
}

Test(http, stylesheet_is_served_as_css)
{
	struct http_reply r;
	get("/static/style.css", &r);
	cr_assert_eq(r.status, 200);
	char *type = http_header(&r, "Content-Type");
	cr_assert_str_eq(type, "text/css; charset=utf-8");
	free(type);
	cr_assert_not_null(strstr(r.body, "PingFang SC"));
	cr_assert_not_null(strstr(r.body, "Noto Sans CJK SC"));
	cr_assert_not_null(strstr(r.body, "Microsoft YaHei"));
	http_reply_free(&r);
	get("/static/../Makefile", &r);
	cr_assert_eq(r.status, 404);
	http_reply_free(&r);
}

Test(http, security_headers_on_every_response)
{
	const char *paths[] = { "/", "/nope", "/static/style.css" };
	for (size_t i = 0; i < 3; i++) {
		struct http_reply r;
		get(paths[i], &r);
		char *nosniff = http_header(&r, "X-Content-Type-Options");
		char *csp = http_header(&r, "Content-Security-Policy");
		cr_assert_str_eq(nosniff, "nosniff");
		cr_assert_not_null(csp);
		cr_assert_null(strstr(csp, "unsafe-inline"));
		free(nosniff);
		free(csp);
		http_reply_free(&r);
	}
}

Test(http, keep_alive_serves_pipelined_requests)
{
	const char req[] = "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\nGET /healthz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";
	struct http_reply r;
	http_raw(server.port, req, sizeof(req) - 1, &r);
	cr_assert_eq(count_of(r.head, "HTTP/1.1 200") + count_of(r.body, "HTTP/1.1 200"), 2,
		     "two responses on one connection");
	http_reply_free(&r);
}

Test(http, access_log_records_requests)
{
	struct http_reply r;
	get("/districts/pudong?page=1", &r);
	http_reply_free(&r);
	char *log = NULL;
	for (int i = 0; i < 100; i++) { /* the line is written when the response completes */
		free(log);
		log = server_log(&server);
		if (strstr(log, "\"GET /districts/pudong\" 200"))
			break;
		usleep(10000);
	}
	cr_assert_not_null(strstr(log, "127.0.0.1 \"GET /districts/pudong\" 200"), "%s", log);
	free(log);
}

Test(http, sigterm_stops_cleanly_and_closes_the_database)
{
	struct http_reply r;
	get("/", &r); /* makes a pool thread open its connection */
	http_reply_free(&r);
	int status = server_stop(&server);
	cr_assert_eq(status, 0);
	/* SQLite removes the write-ahead log when the last connection closes
	 * cleanly; a server killed mid-way would leave it behind. */
	char wal[4200];
	snprintf(wal, sizeof(wal), "%s-wal", db);
	cr_assert_neq(access(wal, F_OK), 0, "%s is still there", wal);
	cr_assert(server_start(&server, db), "restart");
}

Test(http, oversized_body_gets_413)
{
	size_t size = 300 * 1024;
	char *req = malloc(size + 256);
	int n = snprintf(req, 256, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n", size);
	memset(req + n, 'x', size);
	struct http_reply r;
	http_raw(server.port, req, (size_t)n + size, &r);
	cr_assert_eq(r.status, 413, "got %d", r.status);
	cr_assert_not_null(strstr(r.body, "256 KiB"));
	http_reply_free(&r);
	free(req);
}

Test(http, oversized_chunked_body_gets_413)
{
	struct buf req = { 0 };
	buf_puts(&req, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
	for (int i = 0; i < 40; i++) {
		buf_printf(&req, "2000\r\n");
		for (int k = 0; k < 0x2000; k++)
			buf_putc(&req, 'y');
		buf_puts(&req, "\r\n");
	}
	buf_puts(&req, "0\r\n\r\n");
	struct http_reply r;
	http_raw(server.port, req.data, req.len, &r);
	cr_assert_eq(r.status, 413, "got %d", r.status);
	http_reply_free(&r);
	buf_free(&req);
}

Test(http, ambiguous_framing_is_refused)
{
	static const char *const bad[] = {
		"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nContent-Length: 40\r\n\r\n",
		"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		/* A request smuggled behind the ambiguous one must not be answered. */
		struct buf req = { 0 };
		buf_puts(&req, bad[i]);
		buf_puts(&req, "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n");
		struct http_reply r;
		http_raw(server.port, req.data, req.len, &r);
		cr_assert_eq(r.status, 400, "case %zu got %d", i, r.status);
		cr_assert_eq(count_of(r.body, "HTTP/1.1"), 0, "case %zu: the smuggled request was answered", i);
		http_reply_free(&r);
		buf_free(&req);
	}
}

Test(http, access_log_cannot_be_forged_by_the_method)
{
	const char req[] = "G\r\nE\x1b[31mT / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";
	struct http_reply r;
	http_raw(server.port, req, sizeof(req) - 1, &r);
	http_reply_free(&r);
	const char req2[] = "GE\x1b[31mT\"x / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";
	http_raw(server.port, req2, sizeof(req2) - 1, &r);
	http_reply_free(&r);
	usleep(100000);
	char *log = server_log(&server);
	cr_assert_null(strchr(log, '\x1b'), "an escape character reached the log:\n%s", log);
	cr_assert_null(strstr(log, "T\"x"), "an unescaped quote reached the log:\n%s", log);
	free(log);
}

Test(http, same_article_has_one_url)
{
	const char *paths[] = { "/articles/001", "/articles/1%00junk", "/articles/+1", "/articles/1.0" };
	expect_404(paths, sizeof(paths) / sizeof(paths[0]));
}

Test(http, html_checker_catches_broken_markup)
{
	const char *bad[] = { "<!DOCTYPE html><html><body><p>x</body></html>", "<html></html>",
			      "<!DOCTYPE html><html><p title=\"a>b</p></html>", "<!DOCTYPE html><html><div></html>" };
	for (size_t i = 0; i < 4; i++) {
		char *problem = html_check(bad[i]);
		cr_assert_not_null(problem, "accepted: %s", bad[i]);
		free(problem);
	}
	cr_assert_null(html_check("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><p>“&lt;”</p></body></html>\n"));
}

Test(http, empty_site_says_how_to_add_news)
{
	char *empty_db = NULL;
	if (asprintf(&empty_db, "%s/empty.db", dir) < 0)
		abort();
	struct test_server other;
	cr_assert(server_start(&other, empty_db));
	struct http_reply r;
	http_request(other.port, "GET", "/", &r);
	cr_assert_eq(r.status, 200);
	cr_assert_not_null(strstr(r.body, "还没有文章"), "%s", r.body);
	cr_assert_null(html_check(r.body));
	http_reply_free(&r);
	http_request(other.port, "GET", "/districts/pudong", &r);
	cr_assert_eq(r.status, 200);
	cr_assert_not_null(strstr(r.body, "浦东新区暂时没有文章"));
	http_reply_free(&r);
	cr_assert_eq(server_stop(&other), 0);
	free(empty_db);
}

Test(http, sidebar_counts_match_each_channel)
{
	struct http_reply home;
	get("/", &home);
	static const char *const slugs[] = { "jiading", "pudong", "fengxian", "chongming" };
	for (size_t i = 0; i < 4; i++) {
		char link[64];
		snprintf(link, sizeof(link), "<li><a href=\"/districts/%s\">", slugs[i]);
		const char *aside = strstr(home.body, "<aside class=\"side\"");
		cr_assert_not_null(aside);
		const char *entry = strstr(aside, link);
		cr_assert_not_null(entry, "no sidebar entry for %s", slugs[i]);
		const char *n = strstr(entry, "<span class=\"n\">");
		cr_assert_not_null(n);
		long shown = atol(n + strlen("<span class=\"n\">"));
		char path[64];
		snprintf(path, sizeof(path), "/districts/%s", slugs[i]);
		struct http_reply channel;
		get(path, &channel);
		cr_assert_eq((size_t)shown, count_of(channel.body, "class=\"item\""), "%s: sidebar says %ld", slugs[i], shown);
		cr_assert_gt(shown, 0);
		http_reply_free(&channel);
	}
	http_reply_free(&home);
}

Test(http, an_article_shows_its_districts_industries_and_key_figures)
{
	struct http_reply r;
	get("/districts/huangpu", &r);
	long id = article_id_from(r.body, "黄浦区举办金融服务业招商推介会");
	http_reply_free(&r);
	char path[64];
	snprintf(path, sizeof(path), "/articles/%ld", id);
	get(path, &r);
	cr_assert_eq(r.status, 200);
	const char *tags = strstr(r.body, "<dl class=\"tags-panel\"");
	cr_assert_not_null(tags, "the article lists its tags");
	char *end = strstr(tags, "</dl>");
	cr_assert_not_null(end);
	*end = '\0';
	cr_assert(strstr(tags, "href=\"/districts/huangpu\""), "%s", tags);
	cr_assert(strstr(tags, "href=\"/industries/finance\""), "its industry links to its channel: %s", tags);
	*end = '<';
	const char *panel = strstr(r.body, "<section class=\"facts-panel\"");
	cr_assert_not_null(panel, "the article has a key-facts panel");
	end = strstr(panel, "</section>");
	cr_assert_not_null(end);
	*end = '\0';
	/* From the text: 最高5000万元的落户奖励, 合计约45亿元, 120余家机构. */
	cr_assert(strstr(panel, "<strong>5000万元</strong><span class=\"fact-normalised\">（50,000,000 元）</span>"), "%s", panel);
	cr_assert(strstr(panel, "<strong>45亿元</strong><span class=\"fact-normalised\">（4,500,000,000 元）</span>"), "%s",
		  panel);
	cr_assert(strstr(panel, "落户奖励"), "with the sentence it came from");
	http_reply_free(&r);
}

Test(http, an_industry_channel_lists_its_articles_newest_first)
{
	struct http_reply r;
	get("/industries/finance", &r);
	cr_assert_eq(r.status, 200);
	cr_assert(strstr(r.body, "<h1>金融</h1>"), "%.400s", r.body);
	cr_assert(strstr(r.body, "黄浦区举办金融服务业招商推介会"), "a finance article is listed");
	http_reply_free(&r);
	get("/industries/nothing", &r);
	cr_assert_eq(r.status, 404);
	http_reply_free(&r);
	get("/industries/finance?page=999", &r);
	cr_assert_eq(r.status, 404);
	http_reply_free(&r);
}
