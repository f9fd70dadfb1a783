/* Unit tests for content/paragraph: sections at enumerators, and only there. */
#include <criterion/criterion.h>
#include <string.h>

#include "content/paragraph.h"

static char *split(const char *text)
{
	struct buf out = { 0 };
	paragraphs_split(str_from(text), &out);
	return buf_detach(&out);
}

Test(paragraph, splits_at_section_enumerators_after_a_sentence)
{
	char *p = split("导语。 一、第一节 内容。 二、第二节 内容。 三、第三节 内容。");
	cr_assert_str_eq(p, "导语。\n一、第一节 内容。\n二、第二节 内容。\n三、第三节 内容。");
	free(p);
}

Test(paragraph, splits_without_a_space_after_a_full_stop)
{
	char *p = split("导语。一、甲 文。二、乙 文。");
	cr_assert_str_eq(p, "导语。\n一、甲 文。\n二、乙 文。");
	free(p);
}

Test(paragraph, does_not_split_inside_words)
{
	char *p = split("统一、规范地推进，做到一、二线联动。");
	cr_assert_str_eq(p, "统一、规范地推进，做到一、二线联动。");
	free(p);
}

Test(paragraph, ignores_numbers_out_of_sequence)
{
	char *p = split("导语。 一、甲 文。 三、跳号 文。 二、乙 文。");
	cr_assert_str_eq(p, "导语。\n一、甲 文。 三、跳号 文。\n二、乙 文。");
	free(p);
}

Test(paragraph, splits_bracketed_subsections_and_restarts_them)
{
	char *p = split("一、甲 （一）子一 文。 （二）子二 文。 二、乙 （一）子一 文。");
	cr_assert_str_eq(p, "一、甲\n（一）子一 文。\n（二）子二 文。\n二、乙\n（一）子一 文。");
	free(p);
}

Test(paragraph, keeps_lines_as_paragraphs_and_drops_blank_ones)
{
	char *p = split("  第一段。 \n\n\u3000第二段。\n");
	cr_assert_str_eq(p, "第一段。\n第二段。");
	free(p);
}

Test(paragraph, reads_numerals_up_to_ninety_nine)
{
	size_t len;
	cr_assert_eq(chinese_numeral(str_from("一、"), &len), 1);
	cr_assert_eq(chinese_numeral(str_from("十、"), &len), 10);
	cr_assert_eq(chinese_numeral(str_from("十一、"), &len), 11);
	cr_assert_eq(len, 6);
	cr_assert_eq(chinese_numeral(str_from("二十、"), &len), 20);
	cr_assert_eq(chinese_numeral(str_from("九十九、"), &len), 99);
	cr_assert_eq(chinese_numeral(str_from("甲"), &len), 0);
}

Test(paragraph, section_ten_follows_nine)
{
	static const char *const numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一" };
	struct buf in = { 0 }, want = { 0 };
	buf_puts(&in, "导语。");
	buf_puts(&want, "导语。");
	for (size_t i = 0; i < 11; i++) {
		buf_printf(&in, " %s、节 文。", numerals[i]);
		buf_printf(&want, "\n%s、节 文。", numerals[i]);
	}
	char *p = split(buf_cstr(&in));
	cr_assert_str_eq(p, buf_cstr(&want));
	free(p);
	buf_free(&in);
	buf_free(&want);
}

Test(paragraph, heading_is_the_short_title_before_the_first_space)
{
	struct str h, rest;
	cr_assert_eq(paragraph_heading(str_from("一、党建引领筑牢统计根基 会议强调要把政治建设贯穿全过程。"), &h, &rest),
		     HEADING_SECTION);
	cr_assert(str_eq_cstr(h, "一、党建引领筑牢统计根基"));
	cr_assert(str_eq_cstr(rest, "会议强调要把政治建设贯穿全过程。"));
	cr_assert_eq(paragraph_heading(str_from("（二）子标题 正文"), &h, &rest), HEADING_SUBSECTION);
	cr_assert(str_eq_cstr(h, "（二）子标题"));
}

Test(paragraph, long_first_sentence_is_not_a_heading)
{
	struct str h, rest;
	const char *p = "一、在投资准入方面，审批改革持续深化，进一步缩减负面清单、扩大开放领域，并推动外资项目全流程"
			"便利化办理，企业普遍反映办事时间明显缩短 其他内容";
	cr_assert_eq(paragraph_heading(str_from(p), &h, &rest), HEADING_NONE);
	cr_assert_eq(paragraph_heading(str_from("普通段落 没有编号"), &h, &rest), HEADING_NONE);
}

Test(paragraph, bracket_without_a_numeral_is_plain_text)
{
	char *p = split("导语（甲方） (abc) （ 文。");
	cr_assert_str_eq(p, "导语（甲方） (abc) （ 文。");
	free(p);
	struct str h, rest;
	cr_assert_eq(paragraph_heading(str_from("(abc"), &h, &rest), HEADING_NONE);
}
