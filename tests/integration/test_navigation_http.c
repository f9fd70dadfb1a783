/* Integration tests for finding and reading things: the main navigation on
 * every page, the channel indexes, breadcrumbs and feed links, an article's
 * facts after its text with related reading beside the week's most read,
 * and who runs the site in every footer. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "harness.h"
#include "site.h"

static void setup(void)
{
	setenv("ZHAOSHANG_READS_FLUSH", "0", 1);
	setenv("ZHAOSHANG_TRUSTED_PROXY", "127.0.0.1", 1);
	setenv("ZHAOSHANG_ORG_NAME", "上海市某某区投资促进中心", 1);
	setenv("ZHAOSHANG_ORG_PHONE", "021-5555 0100", 1);
	setenv("ZHAOSHANG_ORG_ADDRESS", "", 1);
	site_start("1000");
	import_into(site.db, (const char *[]){ "data/demo/articles.jsonl", NULL });
}

static void teardown(void)
{
	site_stop();
	unsetenv("ZHAOSHANG_READS_FLUSH");
	unsetenv("ZHAOSHANG_TRUSTED_PROXY");
	unsetenv("ZHAOSHANG_ORG_NAME");
	unsetenv("ZHAOSHANG_ORG_PHONE");
	unsetenv("ZHAOSHANG_ORG_ADDRESS");
}

TestSuite(navigation, .init = setup, .fini = teardown, .timeout = 60);

static const char *const sections[][2] = {
	{ "/", "新闻" },
	{ "/districts", "区县" },
	{ "/industries", "行业" },
	{ "/dashboard", "数据监测" },
	{ "/enterprises", "企业名录" },
	{ "/enterprises/join", "企业入驻" },
	{ "/submit", "我要投稿" },
	{ "/contact", "联系我们" },
};
enum { SECTIONS = sizeof(sections) / sizeof(sections[0]) };

/* The main navigation's markup, cut out of page. */
static char *main_nav(const char *page)
{
	const char *start = strstr(page, "<nav class=\"main-nav\"");
	cr_assert_not_null(start, "no main navigation");
	const char *end = strstr(start, "</nav>");
	cr_assert_not_null(end);
	return strndup(start, (size_t)(end - start));
}

Test(navigation, every_kind_of_page_links_every_section_and_marks_its_own)
{
	struct client c;
	client_init(&c, site.server.port);
	static const char *const pages[][2] = {
		{ "/", "/" }, { "/articles/1", "/" }, { "/districts", "/districts" }, { "/districts/pudong", "/districts" },
		{ "/industries", "/industries" }, { "/industries/ic", "/industries" }, { "/dashboard", "/dashboard" },
		{ "/enterprises", "/enterprises" }, { "/enterprises/join", "/enterprises/join" }, { "/submit", "/submit" },
		{ "/contact", "/contact" }, { "/search?q=浦东", NULL }, { "/nope", NULL },
	};
	for (size_t p = 0; p < sizeof(pages) / sizeof(pages[0]); p++) {
		struct http_reply r;
		client_get(&c, pages[p][0], &r);
		char *nav = main_nav(r.body);
		for (size_t i = 0; i < SECTIONS; i++) {
			char *plain = fmt("<a href=\"%s\">%s</a>", sections[i][0], sections[i][1]);
			char *current = fmt("<a href=\"%s\" aria-current=\"page\">%s</a>", sections[i][0], sections[i][1]);
			bool is_current = pages[p][1] && !strcmp(pages[p][1], sections[i][0]);
			cr_assert_not_null(strstr(nav, is_current ? current : plain), "%s: %s %s", pages[p][0], sections[i][1],
					   is_current ? "is current" : "is a plain link");
			free(plain);
			free(current);
		}
		cr_assert_eq(count_of(nav, "aria-current"), pages[p][1] ? 1u : 0u, "%s", pages[p][0]);
		free(nav);
		http_reply_free(&r);
	}
	client_free(&c);
}

Test(navigation, the_district_index_lists_all_sixteen_with_counts_news_and_feeds)
{
	struct client c;
	client_init(&c, site.server.port);
	char *page = site_page(&c, "/districts", 200);
	static const char *const slugs[] = { "huangpu", "xuhui",   "changning", "jingan",  "putuo",    "hongkou",
					     "yangpu",  "minhang", "baoshan",   "jiading", "pudong",   "jinshan",
					     "songjiang", "qingpu", "fengxian", "chongming" };
	for (size_t i = 0; i < 16; i++) {
		char *link = fmt("<a href=\"/districts/%s\">", slugs[i]), *feed = fmt("href=\"/districts/%s/feed.xml\"", slugs[i]);
		cr_assert_not_null(strstr(page, link), "%s", slugs[i]);
		cr_assert_not_null(strstr(page, feed), "%s's feed", slugs[i]);
		free(link);
		free(feed);
	}
	/* The demo corpus has two Pudong articles: the count and a title. */
	cr_assert_not_null(strstr(page, "浦东新区</a> <span class=\"n\">"));
	cr_assert_not_null(strstr(page, "<link rel=\"canonical\""), "an index is a page to find");
	free(page);
	client_free(&c);
}

Test(navigation, the_industry_index_lists_every_focus_industry)
{
	struct client c;
	client_init(&c, site.server.port);
	char *page = site_page(&c, "/industries", 200);
	cr_assert_not_null(strstr(page, "<a href=\"/industries/ic\">集成电路</a>"));
	cr_assert_not_null(strstr(page, "<a href=\"/industries/agriculture\">现代农业</a>"));
	cr_assert_eq(count_of(page, "<p class=\"channel-feed\"><a href=\"/industries/"), 13u, "a feed for each industry");
	free(page);
	client_free(&c);
}

Test(navigation, breadcrumbs_lead_back_to_the_indexes_and_home)
{
	struct client c;
	client_init(&c, site.server.port);
	static const char *const pages[][2] = {
		{ "/districts/pudong", "<a href=\"/districts\">区县频道</a>" },
		{ "/industries/ic", "<a href=\"/industries\">行业频道</a>" },
		{ "/", "<p class=\"crumbs\"><a href=\"/\">首页</a> › 最新资讯" },
		{ "/search?q=浦东", "<p class=\"crumbs\"><a href=\"/\">首页</a> › 搜索" },
		{ "/enterprises", "<p class=\"crumbs\"><a href=\"/\">首页</a> › 企业名录" },
	};
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++)
		cr_assert(site_page_has(&c, pages[i][0], pages[i][1]), "%s", pages[i][0]);
	client_free(&c);
}

Test(navigation, news_lists_show_a_subscribe_link_to_their_own_feed)
{
	struct client c;
	client_init(&c, site.server.port);
	cr_assert(site_page_has(&c, "/", "<a class=\"feed-link\" href=\"/feed.xml\">订阅</a>"));
	cr_assert(site_page_has(&c, "/districts/pudong", "<a class=\"feed-link\" href=\"/districts/pudong/feed.xml\">订阅</a>"));
	cr_assert(site_page_has(&c, "/industries/ic", "<a class=\"feed-link\" href=\"/industries/ic/feed.xml\">订阅</a>"));
	client_free(&c);
}

Test(navigation, every_footer_names_who_runs_the_site_and_only_what_is_set)
{
	struct client c;
	client_init(&c, site.server.port);
	const char *pages[] = { "/", "/articles/1", "/contact", "/nope" };
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		struct http_reply r;
		client_get(&c, pages[i], &r);
		const char *footer = strstr(r.body, "<footer");
		cr_assert_not_null(footer, "%s", pages[i]);
		cr_assert_not_null(strstr(footer, "<dt>主办单位</dt><dd>上海市某某区投资促进中心</dd>"), "%s", pages[i]);
		cr_assert_not_null(strstr(footer, "<dt>电话</dt><dd>021-5555 0100</dd>"), "%s", pages[i]);
		cr_assert_null(strstr(footer, "<dt>地址</dt>"), "an empty setting is not shown: %s", pages[i]);
		http_reply_free(&r);
	}
	client_free(&c);
}

/* The id of the first article linked from page after marker. */
static long first_article_after(const char *page, const char *marker)
{
	const char *at = strstr(page, marker);
	cr_assert_not_null(at, "no %s", marker);
	at = strstr(at, "href=\"/articles/");
	cr_assert_not_null(at);
	return atol(at + strlen("href=\"/articles/"));
}

/* The page of the first article a search for query finds (caller frees). */
static char *found_article(struct client *c, const char *query)
{
	char *search_path = fmt("/search?q=%s", query), *search = site_page(c, search_path, 200);
	char *path = fmt("/articles/%ld", first_article_after(search, "class=\"item-title\""));
	char *page = site_page(c, path, 200);
	free(search);
	free(search_path);
	free(path);
	return page;
}

Test(navigation, an_article_puts_its_text_before_its_facts_and_each_sentence_once)
{
	struct client c;
	client_init(&c, site.server.port);
	/* The demo's Songjiang article states three figures in its first sentence. */
	char *page = found_article(&c, "G60科创走廊");
	const char *body = strstr(page, "<div class=\"story-body\">"), *facts = strstr(page, "<section class=\"facts-panel\"");
	cr_assert(body && facts && body < facts, "the news comes first, the facts after it");
	const char *sentence = "近日，松江区举行G60科创走廊重大项目集中签约活动";
	cr_assert_eq(count_of(facts, sentence), 1u, "a sentence stating several facts is shown once");
	cr_assert_not_null(strstr(page, "<input type=\"radio\" name=\"font-size\" id=\"fs-large\""), "字号 大/中/小");
	free(page);
	client_free(&c);
}

Test(navigation, the_facts_panel_names_each_amount_by_what_it_is)
{
	struct client c;
	client_init(&c, site.server.port);
	/* The demo's Minhang article: 总投资约28亿元, then 年产值可超过40亿元. */
	char *page = found_article(&c, "闵行区生物医药产业园");
	const char *facts = strstr(page, "<section class=\"facts-panel\"");
	cr_assert_not_null(facts);
	const char *investment = strstr(facts, "<span class=\"fact-label\">投资</span> <strong>28亿元</strong>");
	const char *output = strstr(facts, "<span class=\"fact-label\">产值/营收</span> <strong>40亿元</strong>");
	cr_assert_not_null(investment, "the investment is called investment");
	cr_assert_not_null(output, "the output forecast is not called investment");
	cr_assert_lt(investment, output, "investment first");
	free(page);
	client_free(&c);
}

Test(navigation, related_reading_lists_articles_sharing_its_district_never_itself)
{
	struct client c;
	client_init(&c, site.server.port);
	char *list = site_page(&c, "/districts/pudong", 200);
	long first = first_article_after(list, "class=\"item-title\""), second;
	const char *next = strstr(strstr(list, "class=\"item-title\"") + 1, "class=\"item-title\"");
	cr_assert_not_null(next, "the demo has two Pudong articles");
	second = first_article_after(next, "class=\"item-title\"");
	free(list);
	char *path = fmt("/articles/%ld", first), *page = site_page(&c, path, 200);
	const char *related = strstr(page, "<section class=\"related-reading\"");
	cr_assert_not_null(related);
	char *other = fmt("href=\"/articles/%ld\"", second), *self = fmt("href=\"/articles/%ld\"", first);
	const char *end = strstr(related, "</section>");
	char *section = strndup(related, (size_t)(end - related));
	cr_assert_not_null(strstr(section, other), "the other Pudong article");
	cr_assert_null(strstr(section, self), "not itself");
	free(section);
	free(other);
	free(self);
	free(page);
	free(path);
	client_free(&c);
}

/* Reads path as a browser at address would. */
static void read_as(const char *address, const char *path)
{
	struct client c;
	client_init(&c, site.server.port);
	char *headers = fmt("User-Agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0\r\nX-Forwarded-For: %s\r\n", address);
	c.extra_headers = headers;
	free(site_page(&c, path, 200));
	c.extra_headers = "";
	free(headers);
	client_free(&c);
}

/* The ids in the side column's 本周热点, in order, up to max. */
static size_t most_read(long out[], size_t max)
{
	struct client c;
	client_init(&c, site.server.port);
	char *page = site_page(&c, "/", 200);
	size_t n = 0;
	const char *at = strstr(page, "<ol class=\"most-read\">");
	const char *end = at ? strstr(at, "</ol>") : NULL;
	while (at && n < max && (at = strstr(at, "href=\"/articles/")) && at < end) {
		at += strlen("href=\"/articles/");
		out[n++] = atol(at);
	}
	free(page);
	client_free(&c);
	return n;
}

Test(navigation, the_week_s_most_read_counts_readers_not_reloads_and_shows_at_once)
{
	long none[8];
	cr_assert_eq(most_read(none, 8), 0, "nothing read yet: no list");
	/* Article 2 by three readers, one of whom reloads; article 1 by one. */
	read_as("198.51.100.1", "/articles/2");
	read_as("198.51.100.1", "/articles/2");
	read_as("198.51.100.1", "/articles/2");
	read_as("198.51.100.2", "/articles/2");
	read_as("198.51.100.3", "/articles/2");
	read_as("198.51.100.9", "/articles/1");
	long ids[8];
	size_t n = most_read(ids, 8);
	cr_assert_eq(n, 2, "the home page, cached before, shows the new list");
	cr_assert_eq(ids[0], 2);
	cr_assert_eq(ids[1], 1);
	/* Two more readers of article 1 put it first. */
	read_as("198.51.100.10", "/articles/1");
	read_as("198.51.100.11", "/articles/1");
	read_as("198.51.100.12", "/articles/1");
	n = most_read(ids, 8);
	cr_assert_eq(ids[0], 1, "4 readers before 3");
}

Test(navigation, lists_mark_city_wide_news_and_name_a_source_when_known)
{
	struct client c;
	client_init(&c, site.server.port);
	char *page = site_page(&c, "/?page=1", 200);
	/* The demo's 上海发布新一轮招商引资服务保障措施 is about the whole city. */
	const char *item = strstr(page, "上海发布新一轮招商引资服务保障措施");
	cr_assert_not_null(item);
	const char *end = strstr(item, "</article>");
	char *entry = strndup(item, (size_t)(end - item));
	cr_assert_not_null(strstr(entry, "<span class=\"tag citywide\">全市</span>"), "%s", entry);
	cr_assert_not_null(strstr(entry, "来源：上海市商务委员会"), "%s", entry);
	free(entry);
	free(page);
	client_free(&c);
}
