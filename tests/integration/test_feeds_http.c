/* Integration tests for what other programs read: Atom feeds and sitemaps
 * checked with xmllint against the schemas in tests/schemas, robots.txt,
 * and what search engines and link previews find in page heads. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "site.h"

static char *dir, *db, *base;
static struct test_server server;

/* Titles and bodies a feed must survive: markup, entities, a CDATA end,
 * and control characters — C1 ones, as the importer refuses C0 (those
 * XML forbids; html_escape's unit tests cover them). */
static const char hostile_jsonl[] =
	"{\"title\":\"<b>粗体</b> & ]]> 标题\\u0085控制\\u009f字符\",\"body\":\"正文里有 </content> 和 <script>alert(1)</script>。"
	"\\n第二段 ]]> & 结束。\",\"date\":\"2027-01-02\",\"district\":\"yangpu\",\"source\":\"<i>来源</i>\"}\n"
	"{\"title\":\"</script><script>alert('ld')</script>\",\"body\":\"JSON-LD 不能被闭合。\",\"date\":\"2027-01-01\","
	"\"district\":\"yangpu\"}\n";

static void import(const char *file)
{
	import_into(db, (const char *[]){ file, NULL });
}

static void start(void)
{
	dir = tmp_dir_new();
	if (asprintf(&db, "%s/site.db", dir) < 0)
		abort();
	char *hostile = write_file(dir, "hostile.jsonl", hostile_jsonl, sizeof(hostile_jsonl) - 1);
	import(seed_or_demo_path());
	import("data/demo/articles.txt");
	import("data/demo/articles.jsonl");
	import(hostile);
	free(hostile);
	cr_assert(server_start(&server, db), "server did not start");
	if (asprintf(&base, "http://127.0.0.1:%d", server.port) < 0)
		abort();
}

static void stop(void)
{
	char *log = server_log(&server);
	int status = server_stop(&server);
	cr_expect_eq(status, 0, "server exited with %d; its log:\n%s", status, log);
	free(log);
	free(db);
	free(base);
	tmp_dir_remove(dir);
	unsetenv("ZHAOSHANG_SITEMAP_URLS");
	unsetenv("ZHAOSHANG_BASE_URL");
}

static void start_with_small_sitemaps(void)
{
	setenv("ZHAOSHANG_SITEMAP_URLS", "10", 1);
	start();
}

static void start_behind_a_domain(void)
{
	setenv("ZHAOSHANG_BASE_URL", "https://zs.example.cn/", 1);
	start();
}

TestSuite(feeds, .init = start, .fini = stop, .timeout = 60);
TestSuite(feeds_split, .init = start_with_small_sitemaps, .fini = stop, .timeout = 60);
TestSuite(feeds_domain, .init = start_behind_a_domain, .fini = stop, .timeout = 60);

static void get(const char *path, int status, struct http_reply *r)
{
	http_request(server.port, "GET", path, r);
	cr_assert_eq(r->status, status, "GET %s: %d, expected %d\n%s", path, r->status, status, r->head);
}

/* Runs xmllint on text with its schema option (--relaxng or --schema);
 * NULL when valid, else xmllint's complaint (caller frees). */
static char *xml_invalid(const char *text, const char *option, const char *schema)
{
	char *path = write_file(dir, "doc.xml", text, strlen(text));
	struct run_result r;
	run_cmd((const char *[]){ "/usr/bin/xmllint", "--noout", option, schema, path, NULL }, &r);
	free(path);
	char *problem = r.status == 0 ? NULL : strdup(r.err[0] ? r.err : "xmllint did not run (scripts/deps.sh test)");
	run_result_free(&r);
	return problem;
}

static void assert_valid_atom(const char *path)
{
	struct http_reply r;
	get(path, 200, &r);
	char *type = http_header(&r, "Content-Type");
	cr_assert_str_eq(type, "application/atom+xml; charset=utf-8");
	free(type);
	char *problem = xml_invalid(r.body, "--relaxng", "tests/schemas/atom.rng");
	cr_assert_null(problem, "%s is not valid Atom: %s", path, problem);
	http_reply_free(&r);
}

/* The text of the first element named tag (no attributes) after from, as
 * written (entities kept); caller frees. */
static char *element(const char *from, const char *tag)
{
	char open[64], close[64];
	snprintf(open, sizeof(open), "<%s>", tag);
	snprintf(close, sizeof(close), "</%s>", tag);
	const char *a = strstr(from, open);
	cr_assert_not_null(a, "no <%s>", tag);
	a += strlen(open);
	const char *b = strstr(a, close);
	cr_assert_not_null(b, "no </%s>", tag);
	return strndup(a, (size_t)(b - a));
}

/* The value of attribute attr of the first tag starting with prefix; caller frees. */
static char *attribute(const char *html, const char *prefix, const char *attr)
{
	const char *tag = strstr(html, prefix);
	cr_assert_not_null(tag, "no %s in the page", prefix);
	const char *end = strchr(tag, '>');
	char key[64];
	snprintf(key, sizeof(key), " %s=\"", attr);
	const char *v = strstr(tag, key);
	cr_assert(v && v < end, "%s has no %s", prefix, attr);
	v += strlen(key);
	return strndup(v, strcspn(v, "\""));
}

static long article_total(void)
{
	struct http_reply r;
	get("/api/v1/articles", 200, &r);
	json_t *root = json_loads(r.body, 0, NULL);
	long total = (long)json_integer_value(json_object_get(root, "total"));
	json_decref(root);
	http_reply_free(&r);
	return total;
}

Test(feeds, site_district_and_industry_feeds_are_valid_atom)
{
	assert_valid_atom("/feed.xml");
	assert_valid_atom("/districts/pudong/feed.xml");
	assert_valid_atom("/districts/yangpu/feed.xml");
	assert_valid_atom("/industries/ic/feed.xml");
	assert_valid_atom("/industries/agriculture/feed.xml");
}

Test(feeds, a_feed_of_hostile_titles_is_still_valid_xml_with_the_text_intact)
{
	assert_valid_atom("/districts/yangpu/feed.xml");
	struct http_reply r;
	get("/districts/yangpu/feed.xml", 200, &r);
	/* Escaped once as XML; control characters replaced, the rest kept. */
	cr_assert_not_null(strstr(r.body, "<title>&lt;b&gt;粗体&lt;/b&gt; &amp; ]]&gt; 标题\xc2\x85控制\xc2\x9f字符</title>"),
			   "%s", r.body);
	/* The content is HTML escaped for XML: its markup is text, twice escaped. */
	cr_assert_not_null(strstr(r.body, "&lt;p&gt;正文里有 &amp;lt;/content&amp;gt; 和 &amp;lt;script&amp;gt;"));
	cr_assert_null(strstr(r.body, "<script"), "no markup of the article reaches the feed as markup");
	http_reply_free(&r);
}

Test(feeds, the_site_feed_holds_the_50_newest_articles_in_full)
{
	struct http_reply feed, api;
	get("/feed.xml", 200, &feed);
	long total = article_total();
	cr_assert_eq(count_of(feed.body, "<entry>"), (size_t)(total < 50 ? total : 50), "the newest 50 of %ld", total);
	char prev[11] = "9999-99-99";
	for (const char *p = feed.body; (p = strstr(p, "<published>")); p++) {
		cr_assert_leq(strncmp(p + 11, prev, 10), 0, "entries newest first");
		memcpy(prev, p + 11, 10);
	}
	/* The newest article's whole body, end included, is in its entry. */
	get("/api/v1/articles", 200, &api);
	json_t *root = json_loads(api.body, 0, NULL);
	json_t *first = json_array_get(json_object_get(root, "articles"), 0);
	const char *body = json_string_value(json_object_get(first, "body"));
	const char *last_line = strrchr(body, '\n') ? strrchr(body, '\n') + 1 : body;
	size_t tail = strlen(last_line) > 30 ? 30 : strlen(last_line);
	char *end = strndup(last_line + strlen(last_line) - tail, tail);
	char *entry = element(feed.body, "entry");
	if (!strpbrk(end, "<>&\"'"))
		cr_assert_not_null(strstr(entry, end), "the entry ends with the article's last words \"%s\"", end);
	cr_assert_gt(strlen(entry), strlen(body) / 2, "full content, not an excerpt");
	free(entry);
	free(end);
	json_decref(root);
	http_reply_free(&api);
	http_reply_free(&feed);
}

/* The <id> of the entry whose <link> points at article, or NULL. */
static char *entry_id(const char *feed, long article)
{
	char link[128];
	snprintf(link, sizeof(link), "/articles/%ld\"/>", article);
	const char *at = strstr(feed, link);
	if (!at)
		return NULL;
	const char *entry = NULL;
	for (const char *p = feed; (p = strstr(p, "<entry>")) && p < at; p++)
		entry = p;
	return entry ? element(entry, "id") : NULL;
}

Test(feeds, entry_ids_are_the_same_in_every_feed_and_after_new_articles)
{
	struct http_reply site_feed, district_feed;
	get("/feed.xml", 200, &site_feed);
	get("/districts/yangpu/feed.xml", 200, &district_feed);
	char *link = attribute(strstr(district_feed.body, "<entry>"), "<link rel=\"alternate\"", "href");
	long article = atol(strrchr(link, '/') + 1);
	char *in_site = entry_id(site_feed.body, article), *in_district = entry_id(district_feed.body, article);
	cr_assert_not_null(in_site);
	cr_assert_not_null(in_district);
	cr_assert_str_eq(in_site, in_district);
	char *expected;
	if (asprintf(&expected, "%s/articles/%ld", base, article) < 0)
		abort();
	cr_assert_str_eq(in_site, expected, "an entry's id is its article's address");

	static const char newer[] = "{\"title\":\"杨浦区又一新闻\",\"body\":\"更新的一篇。\",\"date\":\"2027-05-05\","
				    "\"district\":\"yangpu\"}\n";
	char *file = write_file(dir, "newer.jsonl", newer, sizeof(newer) - 1);
	import(file);
	free(file);
	struct http_reply again;
	get("/districts/yangpu/feed.xml", 200, &again);
	cr_assert_not_null(strstr(again.body, "杨浦区又一新闻"), "the new article is in the feed at once");
	char *later = entry_id(again.body, article);
	cr_assert_not_null(later);
	cr_assert_str_eq(later, in_district);
	free(later);
	http_reply_free(&again);
	free(expected);
	free(in_site);
	free(in_district);
	free(link);
	http_reply_free(&site_feed);
	http_reply_free(&district_feed);
}

Test(feeds, unknown_channels_have_no_feed)
{
	struct http_reply r;
	get("/districts/atlantis/feed.xml", 404, &r);
	http_reply_free(&r);
	get("/districts/Pudong/feed.xml", 404, &r);
	http_reply_free(&r);
	get("/industries/steel/feed.xml", 404, &r);
	http_reply_free(&r);
}

Test(feeds, every_page_head_advertises_the_site_feed)
{
	const char *pages[] = { "/", "/?page=2", "/articles/1", "/districts/pudong", "/industries/ic", "/search?q=%E6%8A%95%E8%B5%84",
				"/enterprises", "/dashboard", "/submit", "/contact", "/enterprises/join", "/admin/login",
				"/no-such-page" };
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		struct http_reply r;
		http_request(server.port, "GET", pages[i], &r);
		const char *head_end = strstr(r.body, "</head>");
		cr_assert_not_null(head_end, "%s has a head", pages[i]);
		const char *link = strstr(r.body, "<link rel=\"alternate\" type=\"application/atom+xml\"");
		cr_assert(link && link < head_end, "%s advertises a feed", pages[i]);
		char *href = attribute(r.body, "<link rel=\"alternate\" type=\"application/atom+xml\"", "href");
		cr_assert_str_eq(href, "/feed.xml", "%s", pages[i]);
		free(href);
		http_reply_free(&r);
	}
	struct http_reply r;
	get("/districts/pudong", 200, &r);
	cr_assert_not_null(strstr(r.body, "href=\"/districts/pudong/feed.xml\""), "a channel advertises its own feed");
	http_reply_free(&r);
	get("/industries/ic", 200, &r);
	cr_assert_not_null(strstr(r.body, "href=\"/industries/ic/feed.xml\""));
	http_reply_free(&r);
}

/* Fixed pages (home, directory, dashboard, three forms), 16 districts and
 * 13 industries. */
enum { FIXED_URLS = 6 + 16 + 13 };

Test(feeds, the_sitemap_is_valid_and_lists_every_article_and_channel)
{
	struct http_reply r;
	get("/sitemap.xml", 200, &r);
	char *problem = xml_invalid(r.body, "--schema", "tests/schemas/sitemap.xsd");
	cr_assert_null(problem, "sitemap: %s", problem);
	long total = article_total();
	cr_assert_eq(count_of(r.body, "<url>"), (size_t)(FIXED_URLS + total));
	char loc[256];
	for (long id = 1; id <= total; id++) {
		snprintf(loc, sizeof(loc), "<loc>%s/articles/%ld</loc><lastmod>", base, id);
		cr_assert_not_null(strstr(r.body, loc), "article %ld is listed with its date", id);
	}
	snprintf(loc, sizeof(loc), "<loc>%s/districts/chongming</loc>", base);
	cr_assert_not_null(strstr(r.body, loc));
	snprintf(loc, sizeof(loc), "<loc>%s/industries/ic</loc>", base);
	cr_assert_not_null(strstr(r.body, loc));
	cr_assert_null(strstr(r.body, "/admin"), "no staff pages");
	http_reply_free(&r);
	get("/sitemaps/1.xml", 404, &r);
	http_reply_free(&r);
}

Test(feeds_split, past_its_limit_the_sitemap_becomes_an_index_of_valid_parts)
{
	struct http_reply index;
	get("/sitemap.xml", 200, &index);
	char *problem = xml_invalid(index.body, "--schema", "tests/schemas/siteindex.xsd");
	cr_assert_null(problem, "index: %s", problem);
	long urls = FIXED_URLS + article_total(), parts = (urls + 9) / 10;
	cr_assert_eq(count_of(index.body, "<sitemap>"), (size_t)parts);

	char *seen = calloc(1, 1);
	size_t listed = 0;
	for (long i = 1; i <= parts; i++) {
		char path[64], loc[128];
		snprintf(path, sizeof(path), "/sitemaps/%ld.xml", i);
		snprintf(loc, sizeof(loc), "<loc>%s%s</loc>", base, path);
		cr_assert_not_null(strstr(index.body, loc), "the index links part %ld", i);
		struct http_reply part;
		get(path, 200, &part);
		problem = xml_invalid(part.body, "--schema", "tests/schemas/sitemap.xsd");
		cr_assert_null(problem, "part %ld: %s", i, problem);
		size_t n = count_of(part.body, "<url>");
		cr_assert(n >= 1 && n <= 10, "part %ld has %zu URLs", i, n);
		for (const char *p = part.body; (p = strstr(p, "<loc>")); p++) {
			char *one = element(p, "loc");
			char *key;
			if (asprintf(&key, "\n%s\n", one) < 0)
				abort();
			cr_assert_null(strstr(seen, key), "%s is listed twice", one);
			size_t len = strlen(seen);
			seen = realloc(seen, len + strlen(key) + 1);
			strcpy(seen + len, key + (len ? 1 : 0));
			free(key);
			free(one);
			listed++;
		}
		http_reply_free(&part);
	}
	cr_assert_eq(listed, (size_t)urls, "the parts together list every URL once");
	free(seen);
	http_reply_free(&index);

	const char *missing[] = { "/sitemaps/0.xml", "/sitemaps/01.xml", "/sitemaps/1.txt", "/sitemaps/x.xml" };
	for (size_t i = 0; i < sizeof(missing) / sizeof(missing[0]); i++) {
		struct http_reply r;
		get(missing[i], 404, &r);
		http_reply_free(&r);
	}
	char past[64];
	snprintf(past, sizeof(past), "/sitemaps/%ld.xml", parts + 1);
	struct http_reply r;
	get(past, 404, &r);
	http_reply_free(&r);
}

Test(feeds, robots_txt_keeps_crawlers_out_of_staff_pages_and_names_the_sitemap)
{
	struct http_reply r;
	get("/robots.txt", 200, &r);
	char *type = http_header(&r, "Content-Type");
	cr_assert_str_eq(type, "text/plain; charset=utf-8");
	free(type);
	cr_assert_not_null(strstr(r.body, "User-agent: *\n"));
	cr_assert_not_null(strstr(r.body, "\nDisallow: /admin\n"));
	cr_assert_not_null(strstr(r.body, "\nDisallow: /enterprises/edit/\n"), "private edit links stay private");
	char sitemap[128];
	snprintf(sitemap, sizeof(sitemap), "\nSitemap: %s/sitemap.xml\n", base);
	cr_assert_not_null(strstr(r.body, sitemap));
	http_reply_free(&r);
}

static void assert_canonical(const char *path, const char *canonical_path)
{
	struct http_reply r;
	get(path, 200, &r);
	char *href = attribute(r.body, "<link rel=\"canonical\"", "href");
	char *expected;
	if (asprintf(&expected, "%s%s", base, canonical_path) < 0)
		abort();
	cr_assert_str_eq(href, expected, "%s", path);
	char *og = attribute(r.body, "<meta property=\"og:url\"", "content");
	cr_assert_str_eq(og, expected);
	cr_assert_null(strstr(r.body, "noindex"), "%s is indexable", path);
	free(og);
	free(expected);
	free(href);
	http_reply_free(&r);
}

Test(feeds, pages_name_their_canonical_url)
{
	assert_canonical("/", "/");
	assert_canonical("/?page=2", "/?page=2");
	assert_canonical("/articles/1", "/articles/1");
	assert_canonical("/districts/pudong", "/districts/pudong");
	assert_canonical("/districts/pudong?page=1", "/districts/pudong");
	assert_canonical("/industries/ic", "/industries/ic");
	assert_canonical("/enterprises", "/enterprises");
	assert_canonical("/dashboard", "/dashboard");
}

Test(feeds, searches_filtered_lists_and_errors_are_not_indexed)
{
	const char *paths[] = { "/search?q=%E6%8A%95%E8%B5%84", "/enterprises?district=pudong", "/dashboard?industry=ic",
				"/admin/login", "/submit/status", "/articles/999999" };
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		struct http_reply r;
		http_request(server.port, "GET", paths[i], &r);
		cr_assert_not_null(strstr(r.body, "<meta name=\"robots\" content=\"noindex\">"), "%s", paths[i]);
		cr_assert_null(strstr(r.body, "rel=\"canonical\""), "%s", paths[i]);
		http_reply_free(&r);
	}
}

Test(feeds, each_page_has_its_own_title_and_description)
{
	const char *paths[] = { "/", "/?page=2", "/articles/1", "/articles/2", "/districts/pudong", "/districts/xuhui",
				"/industries/ic", "/enterprises", "/dashboard", "/submit" };
	enum { N = sizeof(paths) / sizeof(paths[0]) };
	char *titles[N], *descriptions[N];
	for (size_t i = 0; i < N; i++) {
		struct http_reply r;
		get(paths[i], 200, &r);
		titles[i] = element(r.body, "title");
		descriptions[i] = attribute(r.body, "<meta name=\"description\"", "content");
		cr_assert_gt(strlen(descriptions[i]), 10, "%s has a description", paths[i]);
		char *og_title = attribute(r.body, "<meta property=\"og:title\"", "content");
		cr_assert(strstr(titles[i], og_title) == titles[i], "og:title \"%s\" starts the title \"%s\"", og_title,
			  titles[i]);
		free(og_title);
		for (size_t k = 0; k < i; k++)
			cr_assert_str_neq(titles[i], titles[k], "%s and %s share a title", paths[i], paths[k]);
		http_reply_free(&r);
	}
	/* An article is described by its own first words. */
	cr_assert_str_neq(descriptions[2], descriptions[0]);
	cr_assert_str_neq(descriptions[2], descriptions[3]);
	for (size_t i = 0; i < N; i++) {
		free(titles[i]);
		free(descriptions[i]);
	}
}

/* The JSON-LD block of a page, parsed; asserts it ends where it should. */
static json_t *json_ld(const char *html)
{
	const char *open = "<script type=\"application/ld+json\">";
	const char *start = strstr(html, open);
	cr_assert_not_null(start, "no JSON-LD");
	start += strlen(open);
	const char *end = strstr(start, "</script>");
	cr_assert_not_null(end);
	cr_assert_null(memchr(start, '<', (size_t)(end - start)), "no < inside the block");
	json_error_t err;
	json_t *ld = json_loadb(start, (size_t)(end - start), 0, &err);
	cr_assert_not_null(ld, "JSON-LD does not parse: %s", err.text);
	return ld;
}

Test(feeds, article_pages_carry_news_article_json_ld_and_open_graph)
{
	struct http_reply api, page;
	get("/api/v1/articles/1", 200, &api);
	json_t *article = json_loads(api.body, 0, NULL);
	get("/articles/1", 200, &page);
	json_t *ld = json_ld(page.body);
	cr_assert_str_eq(json_string_value(json_object_get(ld, "@context")), "https://schema.org");
	cr_assert_str_eq(json_string_value(json_object_get(ld, "@type")), "NewsArticle");
	cr_assert_str_eq(json_string_value(json_object_get(ld, "headline")),
			 json_string_value(json_object_get(article, "title")));
	char *published;
	if (asprintf(&published, "%sT00:00:00+08:00", json_string_value(json_object_get(article, "date"))) < 0)
		abort();
	cr_assert_str_eq(json_string_value(json_object_get(ld, "datePublished")), published);
	char *url;
	if (asprintf(&url, "%s/articles/1", base) < 0)
		abort();
	cr_assert_str_eq(json_string_value(json_object_get(ld, "mainEntityOfPage")), url);
	cr_assert_str_eq(json_string_value(json_object_get(json_object_get(ld, "publisher"), "name")), "上海招商资讯");
	char *og_type = attribute(page.body, "<meta property=\"og:type\"", "content");
	cr_assert_str_eq(og_type, "article");
	char *time = attribute(page.body, "<meta property=\"article:published_time\"", "content");
	cr_assert_str_eq(time, published);
	free(time);
	free(og_type);
	free(url);
	free(published);
	json_decref(ld);
	json_decref(article);
	http_reply_free(&page);
	http_reply_free(&api);
}

Test(feeds, a_title_that_closes_script_tags_stays_inside_the_json_ld)
{
	struct http_reply search;
	get("/api/v1/search?q=%E9%97%AD%E5%90%88", 200, &search); /* 闭合: the hostile article's body */
	json_t *found = json_loads(search.body, 0, NULL);
	json_t *hit = json_array_get(json_object_get(found, "results"), 0);
	cr_assert_not_null(hit, "the hostile article is found");
	char path[64];
	snprintf(path, sizeof(path), "/articles/%lld", (long long)json_integer_value(json_object_get(hit, "id")));
	struct http_reply page;
	get(path, 200, &page);
	cr_assert_eq(count_of(page.body, "<script"), 1, "only the JSON-LD block is a script");
	json_t *ld = json_ld(page.body);
	cr_assert_str_eq(json_string_value(json_object_get(ld, "headline")), "</script><script>alert('ld')</script>");
	json_decref(ld);
	json_decref(found);
	http_reply_free(&page);
	http_reply_free(&search);
}

Test(feeds_domain, a_configured_address_is_used_for_every_absolute_link)
{
	struct http_reply r;
	get("/", 200, &r);
	char *canonical = attribute(r.body, "<link rel=\"canonical\"", "href");
	cr_assert_str_eq(canonical, "https://zs.example.cn/", "the trailing slash of the setting is not doubled");
	free(canonical);
	http_reply_free(&r);
	get("/feed.xml", 200, &r);
	char *id = element(r.body, "id");
	cr_assert_str_eq(id, "https://zs.example.cn/feed.xml");
	free(id);
	cr_assert_null(strstr(r.body, "127.0.0.1"), "nothing from the listening address");
	http_reply_free(&r);
	/* The Host header is the client's to forge: never in a link. */
	const char forged[] = "GET /sitemap.xml HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n";
	http_raw(server.port, forged, sizeof(forged) - 1, &r);
	cr_assert_eq(r.status, 200);
	cr_assert_null(strstr(r.body, "evil.example"));
	cr_assert_not_null(strstr(r.body, "<loc>https://zs.example.cn/articles/1</loc>"));
	http_reply_free(&r);
}

Test(feeds_domain, a_malformed_site_address_stops_the_server_with_a_message)
{
	const char *bad[] = { "javascript:alert(1)", "https://a b.cn", "https://zs.example.cn/?x=1", "ftp://zs.example.cn",
			      "https://", "https://zs.example.cn/\"><script>", "https://zs.example.cn/portal",
			      "http://:80", "https://user@zs.example.cn", "https://zs.example.cn//" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct run_result r;
		run_cmd((const char *[]){ zs_bin(), "serve", "--db", db, "--listen", "127.0.0.1:0", "--base-url", bad[i],
					  NULL },
			&r);
		cr_assert_neq(r.status, 0, "%s accepted", bad[i]);
		cr_assert_not_null(strstr(r.err, "网站地址"), "%s: %s", bad[i], r.err);
		run_result_free(&r);
	}
}

Test(feeds, pages_link_a_site_icon_that_is_served_for_a_year)
{
	struct http_reply page, icon;
	get("/", 200, &page);
	char *href = attribute(page.body, "<link rel=\"icon\"", "href");
	cr_assert(!strncmp(href, "/static/favicon.", 16), "%s", href);
	get(href, 200, &icon);
	char *type = http_header(&icon, "Content-Type"), *cache = http_header(&icon, "Cache-Control");
	cr_assert_str_eq(type, "image/svg+xml");
	cr_assert_str_eq(cache, "public, max-age=31536000, immutable");
	cr_assert_not_null(strstr(icon.body, "<svg"));
	free(cache);
	free(type);
	free(href);
	http_reply_free(&icon);
	http_reply_free(&page);
}

/* The articles a feed's entries link, in order, up to max. */
static size_t entry_articles(const char *feed, long out[], size_t max)
{
	size_t n = 0;
	for (const char *p = feed; n < max && (p = strstr(p, "<entry>")); p++) {
		char *link = attribute(p, "<link rel=\"alternate\"", "href");
		out[n++] = atol(strrchr(link, '/') + 1);
		free(link);
	}
	return n;
}

/* The ids of the API's search at path (one page), and its total. */
static size_t api_results(const char *path, long out[], size_t max, long *total)
{
	struct http_reply r;
	get(path, 200, &r);
	json_t *root = json_loads(r.body, 0, NULL);
	cr_assert_not_null(root, "%s", r.body);
	*total = (long)json_integer_value(json_object_get(root, "total"));
	json_t *results = json_object_get(root, "results");
	size_t n = 0;
	for (; n < max && n < json_array_size(results); n++)
		out[n] = (long)json_integer_value(json_object_get(json_array_get(results, n), "id"));
	json_decref(root);
	http_reply_free(&r);
	return n;
}

/* GETs the search feed at path (valid Atom) into r, and asserts that its
 * entries are the API's search at api (sorted by date): every match up to
 * 50, the newest first. */
static void assert_feed_of_search(const char *path, const char *api, struct http_reply *r)
{
	assert_valid_atom(path);
	get(path, 200, r);
	long total, newest[20], entries[60];
	size_t shown = api_results(api, newest, 20, &total);
	size_t n = entry_articles(r->body, entries, 60);
	cr_assert_eq(n, (size_t)(total < 50 ? total : 50), "%s: every match up to 50: %zu of %ld", path, n, total);
	for (size_t i = 0; i < shown; i++)
		cr_assert_eq(entries[i], newest[i], "%s: entry %zu is the search's %zu-th newest", path, i, i);
	char prev[11] = "9999-99-99";
	for (const char *p = r->body; (p = strstr(p, "<published>")); p++) {
		cr_assert_leq(strncmp(p + 11, prev, 10), 0, "entries newest first");
		memcpy(prev, p + 11, 10);
	}
}

Test(feeds, a_search_feed_is_valid_atom_of_its_matches_newest_first)
{
	struct http_reply r;
	assert_feed_of_search("/search/feed.xml?q=%E6%8A%95%E8%B5%84", "/api/v1/search?q=%E6%8A%95%E8%B5%84&sort=date", &r);
	cr_assert_gt(count_of(r.body, "<entry>"), 1, "the demo corpus has several matches");
	char *cache = http_header(&r, "Cache-Control");
	cr_assert_str_eq(cache, "public, max-age=300", "cached as the other feeds are");
	free(cache);
	char *self = fmt("<id>%s/search/feed.xml?q=%%E6%%8A%%95%%E8%%B5%%84</id>", base);
	cr_assert_not_null(strstr(r.body, self), "the feed's id is its own address");
	free(self);
	cr_assert_not_null(strstr(r.body, "<title>上海招商资讯：搜索“投资”</title>"), "%.600s", r.body);
	http_reply_free(&r);
}

Test(feeds, a_search_feed_keeps_the_search_s_filters)
{
	struct http_reply r;
	assert_feed_of_search("/search/feed.xml?q=%E6%8A%95%E8%B5%84&district=pudong&from=2020-01-01",
			      "/api/v1/search?q=%E6%8A%95%E8%B5%84&district=pudong&from=2020-01-01&sort=date", &r);
	cr_assert_eq(count_of(r.body, "<entry>"), count_of(r.body, "term=\"pudong\""), "every entry is Pudong's");
	cr_assert_not_null(strstr(r.body, "（浦东新区，2020-01-01 起）"), "the title says what the search is narrowed to");
	char *alternate = fmt("href=\"%s/search?q=%%E6%%8A%%95%%E8%%B5%%84&amp;district=pudong&amp;from=2020-01-01&amp;sort=date\"",
			      base);
	cr_assert_not_null(strstr(r.body, alternate), "it follows the same search, newest first");
	free(alternate);
	http_reply_free(&r);
}

Test(feeds, a_search_feed_with_nothing_found_is_valid_and_empty)
{
	static const char path[] = "/search/feed.xml?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA%E8%AF%8Dzzqx";
	assert_valid_atom(path);
	struct http_reply r;
	get(path, 200, &r);
	cr_assert_eq(count_of(r.body, "<entry>"), 0);
	http_reply_free(&r);
}

Test(feeds, a_search_feed_escapes_the_query_and_the_articles)
{
	/* "<script>alert(1)</script> & 粗体" finds the hostile article. */
	static const char path[] = "/search/feed.xml?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%20%26%20%E7%B2%97%E4%BD%93";
	struct http_reply r;
	get(path, 200, &r);
	char *problem = xml_invalid(r.body, "--relaxng", "tests/schemas/atom.rng");
	cr_assert_null(problem, "not valid Atom: %s", problem);
	cr_assert_null(strstr(r.body, "<script"), "no markup of the query or the articles is markup here");
	cr_assert_null(strstr(r.body, "<b>"));
	cr_assert_not_null(strstr(r.body, "搜索“&lt;script&gt;alert(1)&lt;/script&gt; &amp; 粗体”"), "%.800s", r.body);
	cr_assert_not_null(strstr(r.body, "<title>&lt;b&gt;粗体&lt;/b&gt; &amp; ]]&gt; 标题"), "the article, escaped once");
	http_reply_free(&r);
}

Test(feeds, a_search_feed_refuses_what_the_search_page_refuses_and_an_empty_query)
{
	char *long_q = repeat("%E6%B5%A6", 201), *too_long = fmt("/search/feed.xml?q=%s", long_q);
	const char *bad[] = {
		"/search/feed.xml", "/search/feed.xml?q=", "/search/feed.xml?q=%20%20", "/search/feed.xml?q=%21%3F%E3%80%82",
		too_long, "/search/feed.xml?q=%FF%FE", "/search/feed.xml?q=x&from=2026-02-30",
		"/search/feed.xml?q=x&to=tomorrow", "/search/feed.xml?q=x&district=atlantis",
		"/search/feed.xml?q=x&industry=steel",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct http_reply r;
		get(bad[i], 400, &r);
		char *type = http_header(&r, "Content-Type");
		cr_assert_str_eq(type, "text/html; charset=utf-8", "%s: a page saying what is wrong", bad[i]);
		free(type);
		http_reply_free(&r);
	}
	struct http_reply r;
	get("/search/feed.xml?q=", 400, &r);
	cr_assert_not_null(strstr(r.body, "订阅搜索需要搜索词"), "the 400 says what is missing");
	http_reply_free(&r);
	get(too_long, 400, &r);
	cr_assert_not_null(strstr(r.body, "搜索词不能超过 200 个字符"), "the search page's own message");
	http_reply_free(&r);
	free(too_long);
	free(long_q);
}

Test(feeds, a_results_page_links_the_feed_of_its_search)
{
	struct http_reply r;
	get("/search?q=%E6%8A%95%E8%B5%84&district=pudong&sort=date&page=1", 200, &r);
	const char *head_end = strstr(r.body, "</head>");
	static const char href[] = "href=\"/search/feed.xml?q=%E6%8A%95%E8%B5%84&amp;district=pudong\"";
	char *tag = fmt("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"搜索“投资”的最新结果\" %s>", href);
	const char *in_head = strstr(r.body, tag);
	cr_assert(in_head && in_head < head_end, "the head advertises the search's feed");
	free(tag);
	const char *link = strstr(r.body, "<a class=\"feed-link\" ");
	cr_assert(link && !strncmp(link + strlen("<a class=\"feed-link\" "), href, strlen(href)),
		  "a visible link to the same feed");
	cr_assert_not_null(strstr(link, ">订阅此搜索</a>"));
	http_reply_free(&r);
	get("/search", 200, &r);
	cr_assert_null(strstr(r.body, "/search/feed.xml"), "nothing searched, nothing to subscribe to");
	http_reply_free(&r);
}
