/* Unit tests for the moderation flags: text/simhash (near duplicates, on
 * real articles) and content/checks. */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/checks.h"
#include "harness.h"
#include "sink.h"
#include "text/simhash.h"
#include "util/buf.h"
#include "util/utf8.h"

/* ---- SimHash over real articles ---- */

/* The articles of a listing file, each as title and body concatenated. */
struct corpus {
	char *text[SINK_MAX];
	size_t n;
};

static void corpus_load(const char *path, struct corpus *c)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s", path);
	struct buf data = { 0 };
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(&data, chunk, n);
	fclose(f);
	struct recorder r;
	struct parse_sink sink = recorder_sink(&r);
	listing_parse(buf_str(&data), &sink);
	cr_assert_eq(r.nerrors, 0, "%s: line %zu: %s", path, r.error_lines[0], r.errors[0]);
	cr_assert_geq(r.nitems, 10, "%s", path);
	c->n = r.nitems;
	for (size_t i = 0; i < r.nitems; i++) {
		struct buf t = { 0 };
		buf_puts(&t, r.items[i].title);
		buf_puts(&t, r.items[i].body);
		c->text[i] = buf_detach(&t);
	}
	recorder_free(&r);
	buf_free(&data);
}

static void corpus_free(struct corpus *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->text[i]);
}

static int distance(const char *a, const char *b)
{
	return simhash_distance(simhash_text(str_from(a)), simhash_text(str_from(b)));
}

static bool is_han(uint32_t c)
{
	return c >= 0x4e00 && c <= 0x9fff;
}

/* Replaces k ideographs, spread evenly over the text, with another one. */
static char *change_chars(const char *text, size_t k)
{
	size_t len = strlen(text), han = 0, seen = 0, changed = 0;
	for (size_t i = 0; i < len;) {
		uint32_t c;
		i += utf8_decode(text + i, len - i, &c);
		han += is_han(c);
	}
	struct buf b = { 0 };
	for (size_t i = 0; i < len;) {
		uint32_t c;
		size_t n = utf8_decode(text + i, len - i, &c);
		if (is_han(c) && changed < k && seen++ == han * (changed + 1) / (k + 1)) {
			buf_puts(&b, c == 0x67d0 ? "甲" : "某");
			changed++;
		} else {
			buf_append(&b, text + i, n);
		}
		i += n;
	}
	return buf_detach(&b);
}

/* Deletes the sentence (up to and with its 。) around the middle of text. */
static char *delete_sentence(const char *text)
{
	size_t len = strlen(text), start = 0, end = len;
	for (const char *p = text; (p = strstr(p, "。")); p += strlen("。")) {
		size_t after = (size_t)(p - text) + strlen("。");
		if (after <= len / 2) {
			start = after;
		} else {
			end = after;
			break;
		}
	}
	struct buf b = { 0 };
	buf_append(&b, text, start);
	buf_append(&b, text + end, len - end);
	return buf_detach(&b);
}

/* Changes every digit of the first number: 14 becomes 47, 2025 becomes 5358. */
static char *change_number(const char *text)
{
	char *out = strdup(text);
	for (char *p = strpbrk(out, "0123456789"); p && *p >= '0' && *p <= '9'; p++)
		*p = (char)('0' + (*p - '0' + 3) % 10);
	return out;
}

/* Adds a sentence after the first one. */
static char *add_sentence(const char *text)
{
	const char *p = strstr(text, "。");
	size_t at = p ? (size_t)(p - text) + strlen("。") : strlen(text);
	struct buf b = { 0 };
	buf_append(&b, text, at);
	buf_puts(&b, "记者了解到，相关配套政策将于年内陆续出台。");
	buf_puts(&b, text + at);
	return buf_detach(&b);
}

/* Applies edit to text, freeing text. */
static char *then(char *text, char *(*edit)(const char *))
{
	char *out = edit(text);
	free(text);
	return out;
}

static void assert_different_articles_are_not_near(const struct corpus *c, const char *name)
{
	int lowest = 64;
	for (size_t i = 0; i < c->n; i++) {
		for (size_t j = i + 1; j < c->n; j++) {
			int d = distance(c->text[i], c->text[j]);
			cr_expect_gt(d, SIMHASH_NEAR_DISTANCE, "%s articles %zu and %zu: distance %d", name, i, j, d);
			lowest = d < lowest ? d : lowest;
		}
	}
	cr_log_info("%s: different articles at distance %d or more", name, lowest);
}

static const char *seed_or_skip(void)
{
	const char *path = seed_path();
	if (!path)
		cr_skip_test("no seed: set ZS_SEED or check out ../shared/seed");
	return path;
}

Test(checks, simhash_seed_article_with_small_edits_is_near)
{
	struct corpus c;
	corpus_load(seed_or_skip(), &c);
	int highest = 0;
	for (size_t i = 0; i < c.n; i++) {
		char *copy = change_chars(c.text[i], 5);
		copy = then(copy, delete_sentence);
		copy = then(copy, change_number);
		copy = then(copy, add_sentence);
		int d = distance(c.text[i], copy);
		cr_expect_leq(d, SIMHASH_NEAR_DISTANCE, "seed article %zu: distance %d", i, d);
		highest = d > highest ? d : highest;
		free(copy);
	}
	cr_log_info("seed: edited copies at distance %d or less", highest);
	corpus_free(&c);
}

Test(checks, simhash_different_seed_articles_are_not_near)
{
	struct corpus c;
	corpus_load(seed_or_skip(), &c);
	assert_different_articles_are_not_near(&c, "seed");
	corpus_free(&c);
}

/* The demo articles are a fifth as long as the seed's: one sentence is a
 * fifth of the text, so the small edits are fewer (see simhash.h). */
Test(checks, simhash_demo_article_with_small_edits_is_near)
{
	struct corpus c;
	corpus_load("data/demo/articles.txt", &c);
	for (size_t i = 0; i < c.n; i++) {
		char *copy = then(change_chars(c.text[i], 3), change_number);
		cr_assert_str_neq(copy, c.text[i]);
		int d = distance(c.text[i], copy);
		cr_expect_leq(d, SIMHASH_NEAR_DISTANCE, "demo article %zu, characters and number changed: %d", i, d);
		free(copy);
		copy = add_sentence(c.text[i]);
		d = distance(c.text[i], copy);
		cr_expect_leq(d, SIMHASH_NEAR_DISTANCE, "demo article %zu, sentence added: %d", i, d);
		free(copy);
	}
	corpus_free(&c);
}

Test(checks, simhash_different_demo_articles_are_not_near)
{
	struct corpus c;
	corpus_load("data/demo/articles.txt", &c);
	assert_different_articles_are_not_near(&c, "demo");
	corpus_free(&c);
}

/* ---- SimHash details ---- */

static uint64_t hash(const char *text)
{
	return simhash_text(str_from(text));
}

Test(checks, simhash_of_nothing_is_zero)
{
	cr_assert_eq(hash(""), 0);
	cr_assert_eq(hash(" \t\n，。、“”《》…—·！？\u3000"), 0);
}

Test(checks, simhash_ignores_punctuation_spaces_case_and_width)
{
	cr_assert_eq(hash("浦东新区，集成电路 产业。"), hash("浦东新区集成电路产业"));
	cr_assert_eq(hash("“G60”科创走廊（松江）"), hash("G60科创走廊松江"));
	cr_assert_eq(hash("ＡＢＣ公司２０２５年"), hash("abc公司2025年"));
	cr_assert_eq(hash("Shanghai Pudong"), hash("shanghaipudong"));
	cr_assert_eq(hash("浦\u200b东新区"), hash("浦东新区"), "invisible characters are dropped");
	cr_assert_neq(hash("浦东新区"), hash("浦西新区"));
}

Test(checks, simhash_short_text_is_one_shingle)
{
	cr_assert_neq(hash("沪"), 0);
	cr_assert_neq(hash("浦东"), 0);
	cr_assert_neq(hash("浦东"), hash("浦西"));
	cr_assert_eq(hash("浦，东"), hash("浦东"));
}

Test(checks, simhash_distance_counts_differing_bits)
{
	cr_assert_eq(simhash_distance(0, 0), 0);
	cr_assert_eq(simhash_distance(0, UINT64_MAX), 64);
	cr_assert_eq(simhash_distance(0xb, 0x1), 2);
	cr_assert_eq(simhash_distance(UINT64_C(1) << 63, 1), 2);
}

/* ---- too short ---- */

/* n ideographs, each followed by sep. */
static char *han_text(size_t n, const char *sep)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < n; i++) {
		buf_puts(&b, i % 2 ? "商" : "招");
		buf_puts(&b, sep);
	}
	return buf_detach(&b);
}

Test(checks, body_under_80_characters_is_too_short)
{
	char *t79 = han_text(79, ""), *t80 = han_text(80, "");
	cr_assert(check_too_short(str_from(t79)));
	cr_assert_not(check_too_short(str_from(t80)));
	cr_assert(check_too_short(str_from("")));
	free(t79), free(t80);
}

Test(checks, whitespace_does_not_count_towards_length)
{
	char *spaced79 = han_text(79, " \u3000\n"), *spaced80 = han_text(80, "\t");
	cr_assert(check_too_short(str_from(spaced79)));
	cr_assert_not(check_too_short(str_from(spaced80)));
	free(spaced79), free(spaced80);
}

/* ---- mostly links ---- */

static bool links(const char *body)
{
	return check_mostly_links(str_from(body));
}

Test(checks, body_of_urls_is_mostly_links)
{
	cr_assert(links("优惠 http://spam.example/a?x=1 https://spam.example/b\n"
			"WWW.SPAM.EXAMPLE/c  http://spam.example/d 点击"));
	cr_assert(links("https://a.example"));
}

Test(checks, article_with_one_link_is_not_mostly_links)
{
	cr_assert_not(links("黄浦区在外滩金融集聚带举办金融服务业招商推介会，来自银行、证券、保险等领域的"
			    "120余家机构代表参加。详情见https://www.shanghai.gov.cn/invest/2025/notice.html，"
			    "区商务委相关负责人表示，黄浦区将继续优化金融营商环境，推动财富管理、绿色金融"
			    "和金融科技等业态集聚发展。会上，区金融办介绍了支持持牌金融机构及其专业子公司"
			    "落户的扶持措施，对新设立的机构总部给予最高5000万元的落户奖励。现场共有9家机构"
			    "签署合作意向，涉及注册资本合计约45亿元。"));
	cr_assert_not(links(""));
}

Test(checks, link_share_of_30_percent_is_mostly_links)
{
	/* The link is 30 characters and stops at the ideograph after it; the
	 * whitespace counts for neither side. */
	char *text69 = han_text(69, ""), *text70 = han_text(70, "");
	char body[1024];
	const char *link = "www.example.com/abcdefghijklmn"; /* 30 characters */
	snprintf(body, sizeof(body), " %s\n%s招 ", text69, link);
	cr_assert(links(body), "30 of 100");
	snprintf(body, sizeof(body), " %s\n%s招 ", text70, link);
	cr_assert_not(links(body), "30 of 101");
	free(text69), free(text70);
}

Test(checks, five_links_in_a_short_body_are_mostly_links)
{
	char *text = han_text(300, "");
	struct buf b = { 0 };
	buf_puts(&b, text);
	for (int i = 0; i < 5; i++)
		buf_printf(&b, " http://x.cn/%d ", i);
	cr_assert(links(buf_cstr(&b)), "5 links, 300 + 5 × 13 characters");
	buf_reset(&b);
	buf_puts(&b, text);
	for (int i = 0; i < 4; i++)
		buf_printf(&b, " http://x.cn/%d ", i);
	cr_assert_not(links(buf_cstr(&b)), "4 links");
	free(text);
	text = han_text(500, "");
	buf_reset(&b);
	buf_puts(&b, text);
	for (int i = 0; i < 5; i++)
		buf_printf(&b, " http://x.cn/%d ", i);
	cr_assert_not(links(buf_cstr(&b)), "5 links in 565 characters");
	free(text);
	buf_free(&b);
}

Test(checks, link_ends_at_quotes_and_angle_brackets)
{
	/* Each link is "www." alone: 4 characters of 15, under 30 percent. */
	cr_assert_not(links("<www.\"abcdefghi"));
	cr_assert_not(links("www.>abcdefghij"));
	cr_assert(links("www.abcdefghij"));
}

/* ---- banned words ---- */

static const char *const banned[] = { "test", "", "赌博", NULL, "ｖｉｐ通道", "\u200b", "代开发票" };
enum { NBANNED = sizeof(banned) / sizeof(banned[0]) };

static size_t banned_in_list(const char *text, const char *const *words, size_t nwords, const char **found,
			     size_t max_found)
{
	struct word_list *list = word_list_new(words, nwords);
	size_t n = check_banned_words(str_from(text), list, found, max_found);
	word_list_free(list);
	return n;
}

static size_t banned_in(const char *text, const char **found)
{
	return banned_in_list(text, banned, NBANNED, found, NBANNED);
}

Test(checks, banned_words_match_ignoring_case_and_width)
{
	const char *found[NBANNED];
	cr_assert_eq(banned_in("这是一个ＴＥＳＴ", found), 1);
	cr_assert_eq(found[0], banned[0], "found points into the list");
	cr_assert_eq(banned_in("Test 一下", found), 1);
	cr_assert_eq(banned_in("开通VIP通道", found), 1);
	cr_assert_str_eq(found[0], "ｖｉｐ通道");
	cr_assert_eq(banned_in("赌\u200b博", found), 1, "an invisible character does not split a word");
}

Test(checks, banned_words_are_found_in_list_order)
{
	const char *found[NBANNED];
	cr_assert_eq(banned_in("可代开发票，线上赌博，TEST", found), 3);
	cr_assert_eq(found[0], banned[0]);
	cr_assert_eq(found[1], banned[2]);
	cr_assert_eq(found[2], banned[6]);
	cr_assert_eq(banned_in_list("代开发票 赌博", banned, NBANNED, found, 1), 1);
	cr_assert_eq(found[0], banned[2], "max_found keeps the first in list order");
}

Test(checks, empty_banned_words_match_nothing)
{
	const char *found[NBANNED];
	const char *const empty[] = { "", NULL, "\u200b" };
	cr_assert_eq(banned_in_list("浦东新区", empty, 3, found, 3), 0);
	cr_assert_eq(banned_in("", found), 0);
}

Test(checks, unrelated_text_has_no_banned_words)
{
	const char *found[NBANNED];
	cr_assert_eq(banned_in("浦东新区举行集成电路产业项目集中签约活动，共签约14个项目，总投资约86亿元，"
			       "涵盖芯片设计、先进封装、测试中心和装备零部件等环节。发票管理规范，"
			       "Invest Shanghai news.",
			       found),
		     0, "first found: %s", found[0]);
}

/* ---- numbers that do not parse ---- */

enum { MAX_BAD = 8 };

/* The flagged numbers of text, joined by " | ". */
static char *bad_numbers(const char *text)
{
	struct str found[MAX_BAD];
	size_t n = check_bad_numbers(str_from(text), found, MAX_BAD);
	struct buf b = { 0 };
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_puts(&b, " | ");
		buf_put_str(&b, found[i]);
	}
	return buf_detach(&b);
}

static void assert_bad(const char *text, const char *expected)
{
	char *got = bad_numbers(text);
	cr_assert_str_eq(got, expected, "in %s: flagged \"%s\", expected \"%s\"", text, got, expected);
	free(got);
}

Test(checks, number_with_two_decimal_points_is_bad)
{
	assert_bad("增长1.2.3倍", "1.2.3");
	assert_bad("增长１．２．３倍", "１．２．３");
	assert_bad("2025.13.01发布", "2025.13.01");
	assert_bad("2025.02.30发布", "2025.02.30");
	assert_bad("25.06.01发布", "25.06.01");
}

Test(checks, number_with_malformed_grouping_is_bad)
{
	assert_bad("投资5,00万元", "5,00");
	assert_bad("投资1,2345元", "1,2345");
	assert_bad("投资1234,567元", "1234,567");
	assert_bad("投资1.234,5元", "1.234,5");
	assert_bad("投资5，00万元", "5，00");
}

Test(checks, number_with_two_separators_in_a_row_is_bad)
{
	assert_bad("增长1.,5倍", "1.,5");
	assert_bad("增长1,.5倍", "1,.5");
	assert_bad("投资1,,000元", "1,,000");
}

Test(checks, number_mixing_ascii_and_full_width_digits_is_bad)
{
	assert_bad("共1２3个", "1２3");
	assert_bad("共１2个", "１2");
}

Test(checks, doubled_magnitude_word_is_bad)
{
	assert_bad("投资5000万万元", "5000万万");
	assert_bad("规模3亿亿元", "3亿亿");
	assert_bad("规模1.2.3亿亿元", "1.2.3亿亿");
	assert_bad("规模1万亿元", "");
}

Test(checks, well_formed_numbers_are_not_bad)
{
	assert_bad("奖励5,000万元，融资1.2亿，占比85%，2025.06.01起，新增１４个，投资3.5亿美元。", "");
	assert_bad("1,234,567.89元；5，000万元；2025.6.1；２０２５．０６．０１；2024.02.29；１．５亿", "");
	assert_bad("14个项目,总投资约86亿元。截至2025.", "");
	assert_bad("共1.5.", "");
}

Test(checks, bad_numbers_are_found_in_order_up_to_the_limit)
{
	assert_bad("甲1.2.3，乙5,00，丙正常的12，丁1２", "1.2.3 | 5,00 | 1２");
	struct str found[1];
	struct str text = str_from("甲1.2.3，乙5,00");
	cr_assert_eq(check_bad_numbers(text, found, 1), 1);
	cr_assert(str_eq_cstr(found[0], "1.2.3"));
	cr_assert_eq(found[0].p, text.p + strlen("甲"), "a view into text");
}
