/* Unit tests for content/article: validation and normalisation of one item. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "content/article.h"
#include "store/articles.h"
#include "util/date.h"

static struct arena *arena;
static struct buf err;

static void setup(void)
{
	arena = arena_new();
	err = (struct buf){ 0 };
}

static void teardown(void)
{
	arena_free(arena);
	buf_free(&err);
}

TestSuite(article, .init = setup, .fini = teardown);

static struct article_input input(const char *title, const char *body, const char *date)
{
	return (struct article_input){ .title = str_from(title), .body = str_from(body), .date = str_from(date) };
}

static void expect_error(struct article_input in, const char *fragment)
{
	struct article a;
	buf_reset(&err);
	cr_assert_eq(article_prepare(&in, arena, &a, &err), -1, "accepted; wanted error with %s", fragment);
	cr_assert(strstr(buf_cstr(&err), fragment), "error \"%s\" lacks \"%s\"", buf_cstr(&err), fragment);
}

Test(article, prepares_a_good_item)
{
	struct article a;
	struct article_input in = input(" 静安区新政 ", "导语。 一、要点 内容。", "2025-03-01");
	cr_assert_eq(article_prepare(&in, arena, &a, &err), 0, "%s", buf_cstr(&err));
	cr_assert_str_eq(a.title, "静安区新政");
	cr_assert_str_eq(a.body, "导语。\n一、要点 内容。");
	cr_assert_str_eq(a.date, "2025-03-01");
	cr_assert_eq(a.ndistricts, 1);
	cr_assert_str_eq(a.districts[0], "jingan");
}

Test(article, title_of_200_characters_is_fine_but_201_is_not)
{
	struct buf title = { 0 };
	for (int i = 0; i < 200; i++)
		buf_puts(&title, "标");
	struct article a;
	struct article_input in = input(buf_cstr(&title), "正文", "2025-03-01");
	cr_assert_eq(article_prepare(&in, arena, &a, &err), 0, "%s", buf_cstr(&err));
	buf_puts(&title, "题");
	expect_error(input(buf_cstr(&title), "正文", "2025-03-01"), "标题过长：201 个字符");
	buf_free(&title);
}

Test(article, rejects_empty_parts)
{
	expect_error(input("", "正文", "2025-03-01"), "标题为空");
	expect_error(input("标题", " \u3000 ", "2025-03-01"), "正文为空");
	expect_error(input("标题", "正文", ""), "缺少日期");
}

Test(article, rejects_impossible_dates_saying_why)
{
	expect_error(input("标题", "正文", "2025-02-30"), "日历上没有这一天");
	expect_error(input("标题", "正文", "30/02/2025"), "YYYY-MM-DD");
}

Test(article, refuses_dates_past_the_end_of_next_year)
{
	expect_error(input("标题", "正文", "2999-12-31"), "不像新闻的日期");
	int next = date_shanghai_year((int64_t)time(NULL)) + 1;
	char last[24], first_after[24];
	snprintf(last, sizeof(last), "%04d-12-31", next);
	snprintf(first_after, sizeof(first_after), "%04d-01-01", next + 1);
	struct article a;
	struct article_input in = input("标题", "正文", last);
	cr_assert_eq(article_prepare(&in, arena, &a, &err), 0, "%s is next year's last day: %s", last, buf_cstr(&err));
	expect_error(input("标题", "正文", first_after), "不像新闻的日期");
}

Test(article, rejects_invalid_utf8)
{
	expect_error(input("标\xff题", "正文", "2025-03-01"), "UTF-8");
	expect_error(input("标题", "正\xc0\x80文", "2025-03-01"), "UTF-8");
}

Test(article, rejects_a_body_over_the_limit)
{
	struct buf body = { 0 };
	for (int i = 0; i < ARTICLE_BODY_MAX_CHARS + 1; i++)
		buf_putc(&body, 'x');
	expect_error(input("标题", buf_cstr(&body), "2025-03-01"), "正文过长");
	buf_free(&body);
}

Test(article, accepts_only_web_links)
{
	struct article_input in = input("标题", "正文", "2025-03-01");
	in.url = STR_LIT("javascript:alert(1)");
	expect_error(in, "原文链接无效");
	in.url = STR_LIT("https://example.org/a b");
	expect_error(in, "原文链接无效");
	in.url = STR_LIT("https://example.org/news/1");
	struct article a;
	cr_assert_eq(article_prepare(&in, arena, &a, &err), 0, "%s", buf_cstr(&err));
	cr_assert_str_eq(a.url, "https://example.org/news/1");
}

Test(article, district_field_wins_over_the_title)
{
	struct article_input in = input("浦东与闵行联动", "正文", "2025-03-01");
	struct article a;
	cr_assert_eq(article_prepare(&in, arena, &a, &err), 0);
	cr_assert_eq(a.ndistricts, 2);
	in.district = STR_LIT("闵行区");
	cr_assert_eq(article_prepare(&in, arena, &a, &err), 0);
	cr_assert_eq(a.ndistricts, 1);
	cr_assert_str_eq(a.districts[0], "minhang");
	in.district = STR_LIT("pudong");
	cr_assert_eq(article_prepare(&in, arena, &a, &err), 0);
	cr_assert_str_eq(a.districts[0], "pudong");
	in.district = STR_LIT("atlantis");
	expect_error(in, "未知的区“atlantis”");
}

Test(article, hash_ignores_whitespace_but_not_words)
{
	struct article a, b, c;
	struct article_input in1 = input("标题", "导语。 一、甲 文。", "2025-03-01");
	struct article_input in2 = input(" 标题", "导语。一、甲文。\n", "2025-03-01");
	struct article_input in3 = input("标题", "导语。 一、乙 文。", "2025-03-01");
	cr_assert_eq(article_prepare(&in1, arena, &a, &err), 0);
	cr_assert_eq(article_prepare(&in2, arena, &b, &err), 0);
	cr_assert_eq(article_prepare(&in3, arena, &c, &err), 0);
	cr_assert_eq(memcmp(a.content_hash, b.content_hash, 16), 0);
	cr_assert_neq(memcmp(a.content_hash, c.content_hash, 16), 0);
}

Test(article, control_characters_are_refused_except_newline_and_tab_in_the_body)
{
	expect_error(input("标题", "正文\x1b[31m红", "2025-03-01"), "正文含有控制字符");
	expect_error(input("标题", "正文\x0b中间", "2025-03-01"), "正文含有控制字符");
	struct article_input in = input("标题", "正文", "2025-03-01");
	in.source = STR_LIT("来源\n第二行");
	expect_error(in, "来源含有换行或控制字符");
	struct article a;
	struct article_input ok = input("标题", "第一段\n\t第二段", "2025-03-01");
	cr_assert_eq(article_prepare(&ok, arena, &a, &err), 0, "%s", buf_cstr(&err));
}

Test(article, messages_never_echo_control_characters)
{
	expect_error(input("标题", "正文", "x\x1b[31m\nfake.jsonl:9: forged"), "日期“x\\x1b[31m\\x0afake.jsonl:9: forged”无效");
	struct article_input in = input("标题", "正文", "2025-03-01");
	in.district = STR_LIT("\x1b]0;pwn\x07");
	expect_error(in, "未知的区“\\x1b]0;pwn\\x07”");
}
