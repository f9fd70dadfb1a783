/* Integration tests for the search report (/admin/search-report): what
 * visitors searched for, counted without a trace of who — a searcher once a
 * day per query, robots and page 2 not at all — held in memory and shown
 * to staff with the week's most searched and fruitless queries, and as
 * CSV. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "harness.h"
#include "site.h"

static const char BROWSER[] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36";

static void setup(void)
{
	/* An hour between writes: only the report's own flush writes. */
	setenv("ZHAOSHANG_READS_FLUSH", "3600", 1);
	setenv("ZHAOSHANG_TRUSTED_PROXY", "127.0.0.1", 1);
	site_start("1000");
	import_into(site.db, (const char *[]){ "data/demo/articles.jsonl", NULL });
}

static void teardown(void)
{
	site_stop();
	unsetenv("ZHAOSHANG_READS_FLUSH");
	unsetenv("ZHAOSHANG_TRUSTED_PROXY");
}

TestSuite(search_report, .init = setup, .fini = teardown, .timeout = 60);

/* GETs path as a browser (or user_agent, NULL for none) at address would;
 * the status. */
static int visit(const char *address, const char *user_agent, const char *path)
{
	struct client c;
	client_init(&c, site.server.port);
	char *headers = user_agent ? fmt("User-Agent: %s\r\nX-Forwarded-For: %s\r\n", user_agent, address)
				   : fmt("X-Forwarded-For: %s\r\n", address);
	c.extra_headers = headers;
	struct http_reply r;
	client_get(&c, path, &r);
	int status = r.status;
	http_reply_free(&r);
	c.extra_headers = "";
	free(headers);
	client_free(&c);
	return status;
}

static void search_as(const char *address, const char *path)
{
	cr_assert_eq(visit(address, BROWSER, path), 200, "GET %s", path);
}

/* The report as the editor sees it (caller frees). */
static char *report(void)
{
	struct client staff;
	site_staff_login(&staff);
	char *page = site_page(&staff, "/admin/search-report", 200);
	client_free(&staff);
	return page;
}

/* The part of the report under the heading that starts with heading. */
static char *section(const char *page, const char *heading)
{
	char *open = fmt("<h2>%s", heading);
	const char *at = strstr(page, open);
	free(open);
	cr_assert_not_null(at, "no section %s", heading);
	const char *end = strstr(at + 4, "<h2>");
	if (!end)
		end = strstr(at, "</div>");
	return strndup(at, (size_t)(end - at));
}

/* The numbers of query's row in a table: the two cells after its link
 * (the row's first and second count); false when it has no row. */
static bool row(const char *table, const char *query, long *first, long *second)
{
	char *cell = fmt("\">%s</a></td><td>", query);
	const char *at = strstr(table, cell);
	if (at) {
		at += strlen(cell);
		*first = atol(at);
		at = strstr(at, "<td>");
		*second = at ? atol(at + 4) : -1;
	}
	free(cell);
	return at != NULL;
}

static const char MOST[] = "最常搜索的词", FRUITLESS[] = "没有找到结果的词";

/* How many rows the table of searches holds, read from the file. */
static long rows_stored(void)
{
	sqlite3 *db;
	cr_assert_eq(sqlite3_open_v2(site.db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM search_queries", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	long n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

Test(search_report, searches_wait_in_memory_and_the_report_shows_the_most_searched_first)
{
	search_as("198.51.100.1", "/search?q=%E4%BC%81%E4%B8%9A"); /* 企业 */
	search_as("198.51.100.1", "/search?q=%E4%BC%81%E4%B8%9A");
	search_as("198.51.100.1", "/search?q=%E4%BC%81%E4%B8%9A&sort=date");
	search_as("198.51.100.2", "/search?q=%E4%BC%81%E4%B8%9A&sort=date");
	search_as("198.51.100.3", "/search?q=%E4%BC%81%E4%B8%9A");
	search_as("198.51.100.1", "/search?q=%E6%B5%A6%E4%B8%9C"); /* 浦东 */
	search_as("198.51.100.2", "/search?q=%E6%B5%A6%E4%B8%9C");
	search_as("198.51.100.4", "/search?q=qqzzxxyy");
	cr_assert_eq(rows_stored(), 0, "no write per search: counts wait in memory");

	char *page = report();
	cr_assert_gt(rows_stored(), 0, "opening the report writes what was counted");
	char *most = section(page, MOST), *fruitless = section(page, FRUITLESS);
	long searches, zero;
	cr_assert(row(most, "企业", &searches, &zero), "%s", most);
	cr_assert_eq(searches, 3, "three searchers; a reload and another order are the same search");
	cr_assert_eq(zero, 0);
	cr_assert(row(most, "浦东", &searches, &zero));
	cr_assert_eq(searches, 2);
	cr_assert_lt(strstr(most, ">企业<") - most, strstr(most, ">浦东<") - most, "the most searched first");
	cr_assert(row(fruitless, "qqzzxxyy", &zero, &searches), "%s", fruitless);
	cr_assert_eq(zero, 1);
	cr_assert_not(row(fruitless, "企业", &zero, &searches), "only queries that found nothing");
	cr_assert_not_null(strstr(most, "<a href=\"/search?q=%E4%BC%81%E4%B8%9A\">企业</a>"),
			   "each query links to its search");
	cr_assert_not_null(strstr(page, "共 6 次搜索，3 个不同的搜索词，其中 1 次没有找到结果"),
			   "3 + 2 + 1 searches in the totals");
	cr_assert_not_null(strstr(page, "上海时间"), "the note says which days are counted");
	free(most);
	free(fruitless);
	free(page);
}

Test(search_report, searches_answered_from_the_cache_count_too)
{
	search_as("198.51.100.1", "/search?q=%E6%8A%95%E8%B5%84");
	search_as("198.51.100.2", "/search?q=%E6%8A%95%E8%B5%84"); /* the same page, from memory */
	search_as("198.51.100.3", "/search?q=%E6%8A%95%E8%B5%84");
	char *page = report(), *most = section(page, MOST);
	long searches, zero;
	cr_assert(row(most, "投资", &searches, &zero), "%s", most);
	cr_assert_eq(searches, 3);
	free(most);
	free(page);
}

Test(search_report, queries_typed_differently_count_as_one)
{
	search_as("198.51.100.1", "/search?q=%EF%BC%B6%EF%BC%92%EF%BC%A7"); /* Ｖ２Ｇ */
	search_as("198.51.100.2", "/search?q=%20v2g%20%20");
	search_as("198.51.100.3", "/search?q=V2G");
	char *page = report(), *most = section(page, MOST);
	long searches, zero;
	cr_assert(row(most, "v2g", &searches, &zero), "%s", most);
	cr_assert_eq(searches, 3);
	cr_assert_null(strstr(most, "V2G"));
	free(most);
	free(page);
}

Test(search_report, robots_other_pages_and_searches_of_nothing_are_not_counted)
{
	cr_assert_eq(visit("198.51.100.1", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
			   "/search?q=robotword"),
		     200);
	cr_assert_eq(visit("198.51.100.2", "Baiduspider-render/2.0", "/search?q=robotword"), 200);
	cr_assert_eq(visit("198.51.100.3", NULL, "/search?q=robotword"), 200);
	search_as("198.51.100.4", "/search?q=%E5%8C%BA&page=2"); /* 区: more than a page */
	search_as("198.51.100.4", "/search");
	search_as("198.51.100.4", "/search?q=%EF%BC%81%EF%BC%9F");
	search_as("198.51.100.4", "/api/v1/search?q=apiword");
	search_as("198.51.100.4", "/search/feed.xml?q=feedword");
	char *page = report();
	cr_assert_not_null(strstr(page, "共 0 次搜索"), "robots, page 2, a blank or punctuation query, the API "
							 "and feeds are no searches of readers");
	cr_assert_null(strstr(page, "robotword"));
	cr_assert_eq(rows_stored(), 0);
	free(page);
	search_as("198.51.100.4", "/search?q=realword");
	page = report();
	cr_assert_not_null(strstr(page, "共 1 次搜索"));
	free(page);
}

Test(search_report, refused_searches_are_not_counted)
{
	char *q = repeat("%E6%B5%A6", 201), *too_long = fmt("/search?q=%s", q);
	cr_assert_eq(visit("198.51.100.1", BROWSER, too_long), 400);
	cr_assert_eq(visit("198.51.100.1", BROWSER, "/search?q=x&from=2026-02-30"), 400);
	cr_assert_eq(visit("198.51.100.1", BROWSER, "/search?q=x&district=atlantis"), 400);
	cr_assert_eq(visit("198.51.100.1", BROWSER, "/search?q=%FF"), 400);
	char *longest = fmt("/search?q=%s", q + strlen("%E6%B5%A6")); /* 200 characters: allowed */
	search_as("198.51.100.1", longest);
	char *page = report();
	cr_assert_not_null(strstr(page, "共 1 次搜索"), "only the search that was run");
	char *word = repeat("浦", 200);
	cr_assert_not_null(strstr(page, word), "the longest query whole");
	free(word);
	free(page);
	free(longest);
	free(too_long);
	free(q);
}

Test(search_report, hostile_queries_are_text_in_the_report_and_the_csv)
{
	search_as("198.51.100.1", "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
	search_as("198.51.100.1", "/search?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
	search_as("198.51.100.1", "/search?q=%3Dcmd%7C'%2FC%20calc'!A0");
	char *page = report();
	site_assert_no_payload("the search report", page);
	cr_assert_not_null(strstr(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	cr_assert_not_null(strstr(page, "href=\"/search?q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E\""),
			   "the link's query is URL-encoded");
	free(page);
	struct client staff;
	site_staff_login(&staff);
	struct http_reply r;
	client_get(&staff, "/admin/search-report.csv", &r);
	cr_assert_eq(r.status, 200);
	cr_assert_not_null(strstr(r.body, "\n<script>alert(1)</script>,1,1"), "%s", r.body);
	cr_assert_not_null(strstr(r.body, "\n\"'=cmd|'/c calc'!a0\",1,1"), "no formula for a spreadsheet to run: %s",
			   r.body);
	http_reply_free(&r);
	client_free(&staff);
}

Test(search_report, the_csv_lists_the_week_s_queries_for_excel)
{
	search_as("198.51.100.1", "/search?q=%E6%B5%A6%E4%B8%9C");
	search_as("198.51.100.2", "/search?q=%E6%B5%A6%E4%B8%9C");
	search_as("198.51.100.2", "/search?q=qqzzxxyy");
	struct client staff;
	site_staff_login(&staff);
	struct http_reply r;
	client_get(&staff, "/admin/search-report.csv", &r);
	cr_assert_eq(r.status, 200);
	char *type = http_header(&r, "Content-Type"), *disposition = http_header(&r, "Content-Disposition"),
	     *cache = http_header(&r, "Cache-Control");
	cr_assert_str_eq(type, "text/csv; charset=utf-8");
	cr_assert_str_eq(disposition, "attachment; filename=\"search-report.csv\"");
	cr_assert_str_eq(cache, "no-store", "staff data stays out of caches");
	cr_assert_str_eq(r.body, "\xef\xbb\xbf搜索词,搜索次数,无结果次数\r\n浦东,2,0\r\nqqzzxxyy,1,1\r\n");
	free(cache);
	free(disposition);
	free(type);
	http_reply_free(&r);
	client_free(&staff);
}

Test(search_report, an_empty_week_says_so)
{
	char *page = report();
	cr_assert_not_null(strstr(page, "最近 7 天还没有人搜索过"));
	cr_assert_not_null(strstr(page, "最近 7 天没有找不到结果的搜索"));
	cr_assert_null(strstr(page, "<table"), "no empty tables");
	free(page);
}

Test(search_report, only_staff_see_it_and_the_staff_menu_links_it)
{
	struct client anyone;
	client_init(&anyone, site.server.port);
	struct http_reply r;
	client_get(&anyone, "/admin/search-report", &r);
	cr_assert_eq(r.status, 303, "to the login page");
	char *location = http_header(&r, "Location");
	cr_assert_str_eq(location, "/admin/login?next=%2Fadmin%2Fsearch-report");
	free(location);
	http_reply_free(&r);
	client_get(&anyone, "/admin/search-report.csv", &r);
	cr_assert_eq(r.status, 303);
	http_reply_free(&r);
	client_free(&anyone);

	struct client editor, admin;
	site_staff_login(&editor);
	char *queue = site_page(&editor, "/admin/submissions", 200);
	cr_assert_not_null(strstr(queue, "<a href=\"/admin/search-report\">搜索统计</a>"));
	free(queue);
	char *page = site_page(&editor, "/admin/search-report", 200);
	cr_assert_not_null(strstr(page, "<a href=\"/admin/search-report\" aria-current=\"page\">搜索统计</a>"));
	free(page);
	client_init(&admin, site.server.port);
	cr_assert(client_login(&admin, "boss", site_password));
	free(site_page(&admin, "/admin/search-report", 200));
	client_free(&admin);
	client_free(&editor);
}

Test(search_report, no_address_of_a_searcher_is_kept_anywhere_in_the_database)
{
	static const char address[] = "203.0.113.77";
	search_as(address, "/search?q=%E5%85%85%E7%94%B5%E6%A1%A9");
	search_as(address, "/search?q=qqzzxxyy");
	free(report());
	cr_assert_eq(rows_stored(), 2);
	sqlite3 *db;
	cr_assert_eq(sqlite3_open_v2(site.db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(db, "SELECT group_concat(name, ',') FROM pragma_table_info('search_queries')", -1,
					&st, NULL),
		     SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_str_eq((const char *)sqlite3_column_text(st, 0), "day,query,searches,zero_results");
	sqlite3_finalize(st);
	cr_assert_eq(sqlite3_prepare_v2(db, "SELECT day || '|' || query || '|' || searches || '|' || zero_results"
					    " FROM search_queries ORDER BY query",
					-1, &st, NULL),
		     SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		cr_assert_null(strstr(line, "203.0.113"), "%s", line);
		cr_assert(strlen(line) == strlen("YYYY-MM-DD|") + strlen(strchr(line, '|') + 1), "%s", line);
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	/* Nor anywhere else: the whole file and its log, byte by byte. */
	const char *suffixes[] = { "", "-wal" };
	for (size_t i = 0; i < 2; i++) {
		char *path = fmt("%s%s", site.db, suffixes[i]);
		FILE *f = fopen(path, "rb");
		if (f) {
			fseek(f, 0, SEEK_END);
			long size = ftell(f);
			rewind(f);
			char *bytes = malloc((size_t)size + 1);
			cr_assert_eq(fread(bytes, 1, (size_t)size, f), (size_t)size);
			fclose(f);
			cr_assert_null(memmem(bytes, (size_t)size, address, strlen(address)), "%s holds the address", path);
			free(bytes);
		}
		free(path);
	}
}
