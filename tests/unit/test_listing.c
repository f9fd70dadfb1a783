/* Unit tests for the listing parser: the seed page, and every malformed shape. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "sink.h"

static void parse_text(const char *text, struct recorder *r)
{
	struct parse_sink sink = recorder_sink(r);
	listing_parse(str_from(text), &sink);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	rewind(f);
	char *data = malloc(*len + 1);
	cr_assert_eq(fread(data, 1, *len, f), *len);
	data[*len] = '\0';
	fclose(f);
	return data;
}

/* Titles read off the seed page, in order. */
static const char *const seed_titles[10] = {
	"浦东新区统计调查工作锚定高质量发展新目标",
	"普陀区出“组合拳”优生态强治理促招商引资",
	"青浦深化充电基础设施布局优化城市服务功能",
	"青浦赵巷商区能级提升科学规划引领区域发展",
	"提升服务效率 金山14个产业项目集中开工",
	"上海宝山住宅项目获5000万融资助力开发",
	"上海保税区行政审批改革驱动招商引资新高度",
	"上海持续领跑全国省域财政金融竞争力前三甲",
	"上海崇明生态法规促进招商引资与可持续发展",
	"上海打造全球卓越制造基地的智能化转型路径",
};

Test(listing, seed_yields_its_ten_articles_and_not_the_footer)
{
	const char *path = seed_path();
	if (!path)
		cr_skip_test("../shared/seed is not in this checkout");
	size_t len;
	char *data = slurp(path, &len);
	struct recorder r;
	struct parse_sink sink = recorder_sink(&r);
	listing_parse((struct str){ data, len }, &sink);
	cr_assert_eq(r.nerrors, 0, "first error: line %zu: %s", r.error_lines[0], r.errors[0]);
	cr_assert_eq(r.nitems, 10);
	for (size_t i = 0; i < 10; i++) {
		cr_assert_str_eq(r.items[i].title, seed_titles[i]);
		cr_assert_str_eq(r.items[i].date, "2025-08-28");
		cr_assert_eq(r.items[i].line, 2 + 4 * i, "item %zu at line %zu", i, r.items[i].line);
		cr_assert(strlen(r.items[i].body) > 300, "body %zu too short", i);
		cr_assert_null(strstr(r.items[i].body, "点我投稿"));
	}
	cr_assert(!strncmp(r.items[0].body, "浦东新区统计调查系统近日召开专题会议", strlen("浦东新区统计调查系统近日召开专题会议")));
	const char *end = "区域产业链协同效率显著提升。";
	cr_assert_str_eq(r.items[9].body + strlen(r.items[9].body) - strlen(end), end);
	recorder_free(&r);
	free(data);
}

Test(listing, demo_corpus_parses_cleanly)
{
	size_t len;
	char *data = slurp("data/demo/articles.txt", &len);
	struct recorder r;
	struct parse_sink sink = recorder_sink(&r);
	listing_parse((struct str){ data, len }, &sink);
	cr_assert_eq(r.nerrors, 0, "line %zu: %s", r.error_lines[0], r.errors[0]);
	cr_assert_geq(r.nitems, 12);
	recorder_free(&r);
	free(data);
}

Test(listing, accepts_crlf_and_a_byte_order_mark)
{
	struct recorder r;
	parse_text("\xef\xbb\xbf-\r\n标题\r\n正文。\r\n2025-01-02\r\n", &r);
	cr_assert_eq(r.nerrors, 0);
	cr_assert_eq(r.nitems, 1);
	cr_assert_str_eq(r.items[0].title, "标题");
	cr_assert_str_eq(r.items[0].date, "2025-01-02");
	recorder_free(&r);
}

Test(listing, missing_date_is_reported_at_its_item)
{
	struct recorder r;
	parse_text("-\n甲\n正文甲\n2025-01-01\n-\n乙\n正文乙\n-\n丙\n正文丙\n2025-01-03\n", &r);
	cr_assert_eq(r.nitems, 2);
	cr_assert_eq(r.nerrors, 1);
	cr_assert_eq(r.error_lines[0], 6);
	cr_assert(strstr(r.errors[0], "缺少日期"), "%s", r.errors[0]);
	recorder_free(&r);
}

Test(listing, missing_date_on_the_last_item_before_the_footer)
{
	struct recorder r;
	parse_text("-\n甲\n正文甲\n有想补充的信息?点我投稿\n\n- 联系我们\n", &r);
	cr_assert_eq(r.nitems, 0);
	cr_assert_eq(r.nerrors, 1);
	cr_assert_eq(r.error_lines[0], 2);
	recorder_free(&r);
}

Test(listing, empty_body_is_reported)
{
	struct recorder r;
	parse_text("-\n标题\n2025-01-01\n", &r);
	cr_assert_eq(r.nitems, 0);
	cr_assert_eq(r.nerrors, 1);
	cr_assert(strstr(r.errors[0], "正文为空"), "%s", r.errors[0]);
	recorder_free(&r);
}

Test(listing, invalid_utf8_is_reported_with_its_line)
{
	struct recorder r;
	parse_text("-\n标题\n正文\xff\xfe坏了\n2025-01-01\n-\n好\n正文\n2025-01-02\n", &r);
	cr_assert_eq(r.nerrors, 1);
	cr_assert_eq(r.error_lines[0], 3);
	cr_assert(strstr(r.errors[0], "UTF-8"), "%s", r.errors[0]);
	cr_assert_eq(r.nitems, 1);
	cr_assert_str_eq(r.items[0].title, "好");
	recorder_free(&r);
}

Test(listing, text_between_items_is_an_error_but_a_footer_is_not)
{
	struct recorder r;
	parse_text("-\n甲\n正文\n2025-01-01\n杂乱的文字\n-\n乙\n正文\n2025-01-02\n页脚\n- 联系我们\n", &r);
	cr_assert_eq(r.nitems, 2);
	cr_assert_eq(r.nerrors, 1);
	cr_assert_eq(r.error_lines[0], 5);
	recorder_free(&r);
}

Test(listing, text_before_the_first_separator_is_an_error)
{
	struct recorder r;
	parse_text("前言\n-\n甲\n正文\n2025-01-01\n", &r);
	cr_assert_eq(r.nerrors, 1);
	cr_assert_eq(r.error_lines[0], 1);
	cr_assert_eq(r.nitems, 1);
	recorder_free(&r);
}

Test(listing, impossible_date_is_reported_at_the_date_line)
{
	struct recorder r;
	parse_text("-\n标题\n正文\n2025-02-30\n-\n乙\n正文\n2025-02-28\n", &r);
	cr_assert_eq(r.nitems, 1);
	cr_assert_str_eq(r.items[0].title, "乙");
	cr_assert_eq(r.nerrors, 1);
	cr_assert_eq(r.error_lines[0], 4);
	cr_assert(strstr(r.errors[0], "日期“2025-02-30”无效：日历上没有这一天"), "%s", r.errors[0]);
	recorder_free(&r);
}

Test(listing, empty_input_yields_nothing)
{
	struct recorder r;
	parse_text("", &r);
	cr_assert_eq(r.nitems + r.nerrors, 0);
	recorder_free(&r);
}

Test(listing, dangling_separator_is_reported)
{
	struct recorder r;
	parse_text("-\n甲\n正文\n2025-01-01\n-\n", &r);
	cr_assert_eq(r.nitems, 1);
	cr_assert_eq(r.nerrors, 1);
	recorder_free(&r);
}

Test(listing, other_date_shapes_are_reported_at_their_line)
{
	const char *shapes[] = { "2025/01/01", "20250101", "2025.1.1" };
	for (size_t i = 0; i < 3; i++) {
		struct recorder r;
		char text[128];
		snprintf(text, sizeof(text), "-\n标题\n正文\n%s\n", shapes[i]);
		parse_text(text, &r);
		cr_assert_eq(r.nerrors, 1, "%s", shapes[i]);
		cr_assert_eq(r.error_lines[0], 4, "%s reported at line %zu", shapes[i], r.error_lines[0]);
		cr_assert(strstr(r.errors[0], "YYYY-MM-DD"), "%s: %s", shapes[i], r.errors[0]);
		recorder_free(&r);
	}
}
