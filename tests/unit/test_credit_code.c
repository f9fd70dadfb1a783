/* Unit tests for content/credit_code: unified social credit codes (GB
 * 32100-2015) as typed into a form, and the message for each mistake. */
#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "content/credit_code.h"
#include "util/utf8.h"

static const char set[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* first17 followed by its check character, computed by the module. */
static const char *with_check(const char *first17)
{
	static char out[8][19];
	static size_t next;
	char *code = out[next++ % 8];
	cr_assert_eq(strlen(first17), 17, "%s", first17);
	memcpy(code, first17, 17);
	code[17] = credit_code_check_char(first17);
	code[18] = '\0';
	cr_assert_neq(code[17], 0, "%s", first17);
	return code;
}

/* The same code with its last character replaced by a wrong one. */
static const char *with_wrong_check(const char *first17)
{
	static char code[19];
	memcpy(code, with_check(first17), 19);
	code[17] = set[(strchr(set, code[17]) - set + 1) % 31];
	return code;
}

static struct credit_code_result check(const char *text)
{
	return credit_code_check(text);
}

static const char *message(const char *text)
{
	static char out[256];
	struct credit_code_result r = check(text);
	credit_code_message(&r, text, out, sizeof(out));
	return out;
}

static void assert_valid(const char *text, const char *canonical)
{
	struct credit_code_result r = check(text);
	cr_assert_eq(r.error, CREDIT_CODE_OK, "\"%s\": error %d at %d (%s)", text, r.error, r.position, message(text));
	cr_assert_eq(r.position, 0, "%s", text);
	cr_assert_str_eq(r.code, canonical, "%s", text);
}

static void assert_error(const char *text, enum credit_code_error error, int position)
{
	struct credit_code_result r = check(text);
	cr_assert_eq(r.error, error, "\"%s\": error %d, not %d (%s)", text, r.error, error, message(text));
	cr_assert_eq(r.position, position, "\"%s\": position %d, not %d", text, r.position, position);
}

static void assert_message_has(const char *text, const char *part)
{
	const char *m = message(text);
	cr_assert_not_null(strstr(m, part), "\"%s\": \"%s\" lacks \"%s\"", text, m, part);
}

/* ---- the check character ---- */

/* Written from the standard's formula, not from the module's table. */
static char reference_check(const char *first17)
{
	int sum = 0, weight = 1;
	for (int i = 0; i < 17; i++) {
		sum += (int)(strchr(set, first17[i]) - set) * weight;
		weight = weight * 3 % 31;
	}
	int c = 31 - sum % 31;
	return set[c == 31 ? 0 : c];
}

Test(credit_code, check_char_follows_the_standards_formula)
{
	char first17[18] = "91310115MA1K3GA78";
	cr_assert_eq(credit_code_check_char(first17), 'N');
	/* Every character of the set at every position. */
	for (int pos = 0; pos < 17; pos++) {
		for (int v = 0; v < 31; v++) {
			strcpy(first17, "91310115MA1K3GA78");
			first17[pos] = set[v];
			cr_assert_eq(credit_code_check_char(first17), reference_check(first17), "%s", first17);
		}
	}
}

Test(credit_code, check_char_zero_stands_for_31)
{
	/* The 17th character moves the sum through every residue, so one of
	 * them makes it a multiple of 31: that code's check is '0', not
	 * set[31] (past the end). */
	char first17[18] = "91310115MA1K3GA7_";
	bool seen[31] = { false };
	int zeros = 0;
	for (int v = 0; v < 31; v++) {
		first17[16] = set[v];
		char c = credit_code_check_char(first17);
		cr_assert_not_null(strchr(set, c), "%s: %d", first17, c);
		seen[strchr(set, c) - set] = true;
		zeros += c == '0';
	}
	cr_assert_eq(zeros, 1);
	for (int v = 0; v < 31; v++)
		cr_assert(seen[v], "'%c' never the check", set[v]);
}

Test(credit_code, check_char_is_0_when_the_first_17_are_not_from_the_set)
{
	cr_assert_eq(credit_code_check_char("91310115MA1K3GAO8"), 0);
	cr_assert_eq(credit_code_check_char("91310115ma1k3ga78"), 0);
	cr_assert_eq(credit_code_check_char("91310115MA1K3GA7-"), 0);
	cr_assert_eq(credit_code_check_char("9131011 MA1K3GA78"), 0);
	const char with_nul[17] = "9131011";
	cr_assert_eq(credit_code_check_char(with_nul), 0);
}

/* ---- valid codes ---- */

Test(credit_code, codes_found_in_public_records_are_valid)
{
	/* Printed on invoices and in public lists. Each passes the check,
	 * which a made-up code does once in 31 times. */
	const char *real[] = {
		"91310115MA1K3GA78N", /* 浦东新区 */
		"91310108684009849G", /* 闸北区, before its merger into 静安 */
		"91310108775213458Q",
		"91310230MA1K2JK072", /* 崇明县, before it became 崇明区 */
		"91310230MA1JTWAK98",
		"913102300764281266",
		"51100000500009247D", /* a national association (民政部): 100000 */
		"51100000500012681T",
		"92500105MAC817EJ5D", /* a 个体工商户 in 重庆江北区 */
	};
	for (size_t i = 0; i < sizeof(real) / sizeof(real[0]); i++)
		assert_valid(real[i], real[i]);
}

Test(credit_code, every_shanghai_district_is_valid)
{
	static const char *const districts[] = { "01", "04", "05", "06", "07", "09", "10", "12",
						 "13", "14", "15", "16", "17", "18", "20", "51" };
	for (size_t i = 0; i < 16; i++) {
		char first17[18];
		snprintf(first17, sizeof(first17), "913101%sMA1FL2B3X", districts[i]);
		const char *code = with_check(first17);
		assert_valid(code, code);
	}
}

Test(credit_code, the_city_of_shanghai_is_valid)
{
	const char *code = with_check("91310000MA1FL5UW0");
	assert_valid(code, code);
	code = with_check("12310000425006587");
	assert_valid(code, code);
}

Test(credit_code, codes_from_other_provinces_are_valid)
{
	const char *first17[] = {
		"91110108MA01ABC12", /* 北京海淀 */
		"91110000100010433", /* 北京市 */
		"91440300MA5DC1234", /* 深圳 */
		"91440101MA59XY0P1", /* 广州 */
		"91330106MA27WKH3R", /* 杭州西湖 */
		"91654002MA77T8P1J", /* 伊犁: prefecture 40 */
		"91469027MA5T12345", /* 海南省直辖县: prefecture 90 */
		"91810000MA0012345", /* 香港 */
	};
	for (size_t i = 0; i < sizeof(first17) / sizeof(first17[0]); i++) {
		const char *code = with_check(first17[i]);
		assert_valid(code, code);
	}
}

Test(credit_code, every_authority_and_category_of_the_standard_is_valid)
{
	const char *pairs[] = { "11", "12", "13", "19", "21", "29", "31", "32", "33", "34", "35", "39", "41", "49",
				"51", "52", "53", "59", "61", "62", "69", "71", "72", "79", "81", "89", "91", "92",
				"93", "A1", "A9", "N1", "N2", "N3", "N9", "Y1" };
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		char first17[18];
		snprintf(first17, sizeof(first17), "%s310115MA1K3GA78", pairs[i]);
		const char *code = with_check(first17);
		assert_valid(code, code);
	}
}

Test(credit_code, spaces_anywhere_are_ignored)
{
	assert_valid("9131 0115 MA1K 3GA7 8N", "91310115MA1K3GA78N");
	assert_valid("  91310115MA1K3GA78N  ", "91310115MA1K3GA78N");
	assert_valid("9 1 3 1 0 1 1 5 M A 1 K 3 G A 7 8 N", "91310115MA1K3GA78N");
}

/* ---- empty ---- */

Test(credit_code, nothing_typed_is_empty)
{
	assert_error("", CREDIT_CODE_EMPTY, 0);
	assert_error("     ", CREDIT_CODE_EMPTY, 0);
	assert_error(NULL, CREDIT_CODE_EMPTY, 0);
	cr_assert_str_eq(check("").code, "");
}

/* ---- length ---- */

Test(credit_code, seventeen_or_nineteen_characters_are_the_wrong_length)
{
	assert_error("91310115MA1K3GA78", CREDIT_CODE_LENGTH, 0);
	assert_error("91310115MA1K3GA78NN", CREDIT_CODE_LENGTH, 0);
	assert_error("9", CREDIT_CODE_LENGTH, 0);
	cr_assert_str_eq(check("91310115MA1K3GA78").code, "");
}

Test(credit_code, the_length_message_gives_the_count_without_spaces)
{
	assert_message_has("91310115MA1K3GA78", "应为 18 位");
	assert_message_has("91310115MA1K3GA78", "17 位");
	assert_message_has("9131 0115 MA1K 3GA7 8NN", "19 位");
}

/* ---- characters ---- */

Test(credit_code, each_letter_the_standard_leaves_out_is_refused_where_it_is)
{
	struct {
		const char *text;
		int position;
		const char *quoted;
	} bad[] = {
		{ "91310115MA1K3GI78N", 15, "第 15 位“I”" }, { "91310115MO1K3GA78N", 10, "第 10 位“O”" },
		{ "91310115MA1K3SA78N", 14, "第 14 位“S”" }, { "9131011VMA1K3GA78N", 8, "第 8 位“V”" },
		{ "Z1310115MA1K3GA78N", 1, "第 1 位“Z”" },   { "91310115MA1K3GA78O", 18, "第 18 位“O”" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_error(bad[i].text, CREDIT_CODE_BAD_CHARACTER, bad[i].position);
		assert_message_has(bad[i].text, bad[i].quoted);
		assert_message_has(bad[i].text, "不是统一社会信用代码允许的字符");
		assert_message_has(bad[i].text, "I、O、S、V、Z");
	}
}

Test(credit_code, the_brief_example_message_is_produced_word_for_word)
{
	cr_assert_str_eq(message("9131O115MA1K3GA78N"),
			 "第 5 位“O”不是统一社会信用代码允许的字符（代码中不使用 I、O、S、V、Z）");
}

Test(credit_code, a_position_counts_characters_not_spaces)
{
	assert_error("9131 011O MA1K 3GA7 8N", CREDIT_CODE_BAD_CHARACTER, 8);
	assert_message_has("9131 011O MA1K 3GA7 8N", "第 8 位“O”");
}

Test(credit_code, punctuation_and_chinese_characters_are_refused_and_quoted)
{
	assert_error("91310115-MA1K3GA78N", CREDIT_CODE_BAD_CHARACTER, 9);
	assert_message_has("91310115-MA1K3GA78N", "第 9 位“-”");
	assert_message_has("91310115-MA1K3GA78N", "数字和大写字母");
	assert_error("代码91310115MA1K3GA78N", CREDIT_CODE_BAD_CHARACTER, 1);
	assert_message_has("代码91310115MA1K3GA78N", "第 1 位“代”");
	/* A character, not the length, is reported: it is what to fix. */
	assert_error("91310115MA1K3GA78N。", CREDIT_CODE_BAD_CHARACTER, 19);
}

Test(credit_code, invisible_and_broken_characters_are_described_not_quoted)
{
	const char *zero_width = "91310115\xe2\x80\x8bMA1K3GA78N";
	assert_error(zero_width, CREDIT_CODE_BAD_CHARACTER, 9);
	assert_message_has(zero_width, "第 9 位是看不见的字符");
	cr_assert_null(strstr(message(zero_width), "\xe2\x80\x8b"));

	const char *broken = "91310115\xffMA1K3GA78N";
	assert_error(broken, CREDIT_CODE_BAD_CHARACTER, 9);
	const char *m = message(broken);
	cr_assert(utf8_valid(m, strlen(m), NULL), "%s", m);

	assert_error("91310115MA1K3GA78N\t", CREDIT_CODE_BAD_CHARACTER, 19);
	m = message("91310115MA1K3GA78N\t");
	cr_assert_null(strchr(m, '\t'), "%s", m);
}

Test(credit_code, lower_case_is_refused_not_corrected)
{
	assert_error("91310115ma1k3ga78n", CREDIT_CODE_LOWER_CASE, 9);
	cr_assert_str_eq(check("91310115ma1k3ga78n").code, "");
	assert_message_has("91310115ma1k3ga78n", "字母应为大写");
	assert_message_has("91310115ma1k3ga78n", "第 9 位“m”");
	assert_message_has("91310115ma1k3ga78n", "“M”");
	assert_error("91310115MA1K3GA78n", CREDIT_CODE_LOWER_CASE, 18);
}

Test(credit_code, a_lower_case_letter_the_standard_leaves_out_is_a_bad_character)
{
	assert_error("91310115Mo1K3GA78N", CREDIT_CODE_BAD_CHARACTER, 10);
	assert_message_has("91310115Mo1K3GA78N", "I、O、S、V、Z");
}

Test(credit_code, the_first_wrong_character_is_reported_whatever_its_kind)
{
	assert_error("9131011Om1K3GA78N", CREDIT_CODE_BAD_CHARACTER, 8);
	assert_error("9131011mO1K3GA78N", CREDIT_CODE_LOWER_CASE, 8);
}

Test(credit_code, full_width_digits_ask_for_half_width_input)
{
	const char *text = "９１３１０１１５ＭＡ１Ｋ３ＧＡ７８Ｎ";
	assert_error(text, CREDIT_CODE_FULL_WIDTH, 1);
	assert_message_has(text, "请切换到半角输入");
	assert_message_has(text, "第 1 位“９”");
}

Test(credit_code, full_width_letters_among_half_width_ones_are_found)
{
	const char *text = "91310115ＭＡ1K3GA78N";
	assert_error(text, CREDIT_CODE_FULL_WIDTH, 9);
	assert_message_has(text, "第 9 位“Ｍ”");
	assert_message_has(text, "请切换到半角输入");
	/* Full-width lower case is still full width first. */
	assert_error("91310115ｍa1K3GA78N", CREDIT_CODE_FULL_WIDTH, 9);
}

Test(credit_code, full_width_is_reported_before_an_earlier_lower_case_letter)
{
	/* The whole code was most likely typed in full-width mode. */
	assert_error("91310115mA1K3GA7８N", CREDIT_CODE_FULL_WIDTH, 17);
}

Test(credit_code, a_full_width_space_is_named)
{
	const char *text = "91310115　MA1K3GA78N";
	assert_error(text, CREDIT_CODE_FULL_WIDTH, 9);
	assert_message_has(text, "全角空格");
}

/* ---- positions 1-2 ---- */

Test(credit_code, an_authority_that_does_not_exist_is_refused_at_position_1)
{
	const char *first17[] = { "B1310115MA1K3GA78", "01310115MA1K3GA78", "M1310115MA1K3GA78" };
	for (size_t i = 0; i < 3; i++) {
		const char *code = with_check(first17[i]);
		assert_error(code, CREDIT_CODE_AUTHORITY, 1);
		assert_message_has(code, "第 1 位（登记管理部门代码）");
		char quoted[16];
		snprintf(quoted, sizeof(quoted), "“%c”", code[0]);
		assert_message_has(code, quoted);
	}
}

Test(credit_code, a_category_the_authority_does_not_have_is_refused_at_position_2)
{
	const char *first17[] = {
		"99310115MA1K3GA78", /* 工商 has only 1, 2, 3 */
		"94310115MA1K3GA78", "14310115MA1K3GA78", "54310115MA1K3GA78",
		"Y2310115MA1K3GA78", /* 其他: only 1 */
		"A2310115MA1K3GA78", "90310115MA1K3GA78", "9A310115MA1K3GA78",
	};
	for (size_t i = 0; i < sizeof(first17) / sizeof(first17[0]); i++)
		assert_error(with_check(first17[i]), CREDIT_CODE_AUTHORITY, 2);
}

Test(credit_code, the_category_message_lists_what_the_authority_allows)
{
	const char *code = with_check("99310115MA1K3GA78");
	assert_message_has(code, "第 2 位（机构类别代码）“9”");
	assert_message_has(code, "工商");
	assert_message_has(code, "1、2 或 3");
	code = with_check("Y2310115MA1K3GA78");
	assert_message_has(code, "只能是 1");
}

/* ---- positions 3-8 ---- */

Test(credit_code, a_division_outside_any_province_is_refused)
{
	assert_error(with_check("91001234MA1K3GA78"), CREDIT_CODE_DIVISION, 3);
	assert_error(with_check("91991234MA1K3GA78"), CREDIT_CODE_DIVISION, 3);
	assert_error(with_check("91191234MA1K3GA78"), CREDIT_CODE_DIVISION, 4);
	assert_error(with_check("91721234MA1K3GA78"), CREDIT_CODE_DIVISION, 4);
	const char *code = with_check("91991234MA1K3GA78");
	assert_message_has(code, "“991234”");
	assert_message_has(code, "“99”不是省级行政区划代码");
}

Test(credit_code, a_shanghai_division_must_be_the_city_or_a_district)
{
	assert_error(with_check("91319901MA1K3GA78"), CREDIT_CODE_DIVISION, 5);
	assert_error(with_check("91310199MA1K3GA78"), CREDIT_CODE_DIVISION, 7);
	assert_error(with_check("91310102MA1K3GA78"), CREDIT_CODE_DIVISION, 8);
	assert_error(with_check("91310100MA1K3GA78"), CREDIT_CODE_DIVISION, 8);
	assert_error(with_check("91310103MA1K3GA78"), CREDIT_CODE_DIVISION, 8); /* 卢湾, gone before codes began */
	assert_error(with_check("91310119MA1K3GA78"), CREDIT_CODE_DIVISION, 8); /* 南汇, likewise */
	const char *code = with_check("91310199MA1K3GA78");
	assert_message_has(code, "“310199”");
	assert_message_has(code, "310000");
}

Test(credit_code, a_prefecture_above_90_is_refused)
{
	assert_error(with_check("91449100MA1K3GA78"), CREDIT_CODE_DIVISION, 5);
	assert_message_has(with_check("91449100MA1K3GA78"), "“91”不是地市级代码");
}

Test(credit_code, only_100000_starts_with_10)
{
	assert_error(with_check("51100100500009247"), CREDIT_CODE_DIVISION, 6);
	assert_error(with_check("51101000500009247"), CREDIT_CODE_DIVISION, 5);
}

Test(credit_code, a_letter_in_the_division_is_refused_where_it_is)
{
	const char *code = with_check("9131011AMA1K3GA78");
	assert_error(code, CREDIT_CODE_DIVISION, 8);
	assert_message_has(code, "第 8 位“A”应为数字");
}

Test(credit_code, a_wrong_division_still_gives_the_canonical_code)
{
	const char *code = with_check("91310199MA1K3GA78");
	cr_assert_str_eq(check(code).code, code);
}

/* ---- position 18 ---- */

Test(credit_code, a_wrong_check_character_is_refused_with_the_right_one)
{
	const char *first17[] = { "91310115MA1K3GA78", "91310000MA1FL5UW0", "91110108MA01ABC12", "51100000500009247" };
	for (size_t i = 0; i < 4; i++) {
		const char *code = with_wrong_check(first17[i]);
		struct credit_code_result r = check(code);
		cr_assert_eq(r.error, CREDIT_CODE_CHECK, "%s", code);
		cr_assert_eq(r.position, 18);
		cr_assert_eq(r.expected_check, credit_code_check_char(first17[i]), "%s", code);
		cr_assert_str_eq(r.code, code);
	}
}

Test(credit_code, the_check_message_names_both_characters)
{
	cr_assert_str_eq(message("91310115MA1K3GA785"), "校验位（第 18 位）应为“N”而不是“5”，请核对代码是否抄错");
}

Test(credit_code, a_typo_in_the_body_is_caught_by_the_check)
{
	assert_error("91310115MA1K3GA79N", CREDIT_CODE_CHECK, 18);
	assert_error("91310115AM1K3GA78N", CREDIT_CODE_CHECK, 18);
}

/* ---- messages ---- */

Test(credit_code, every_message_is_one_sentence_without_a_full_stop_and_fits_256_bytes)
{
	const char *texts[] = {
		"",
		"９１３１０１１５ＭＡ１Ｋ３ＧＡ７８Ｎ",
		"91310115ma1k3ga78n",
		"91310115MA1K3GA7",
		"9131O115MA1K3GA78N",
		with_check("A2310115MA1K3GA78"),
		with_check("9A310115MA1K3GA78"),
		with_check("91310199MA1K3GA78"),
		with_check("91449100MA1K3GA78"),
		with_check("51100100500009247"),
		"91310115MA1K3GA785",
		"91310115MA1K3GA78N",
	};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		char out[256];
		struct credit_code_result r = check(texts[i]);
		memset(out, 'x', sizeof(out));
		credit_code_message(&r, texts[i], out, sizeof(out));
		size_t len = strnlen(out, sizeof(out));
		cr_assert_lt(len, sizeof(out) - 1, "\"%s\": message may have been cut", texts[i]);
		cr_assert_gt(len, 0);
		cr_assert(utf8_valid(out, len, NULL), "%s", out);
		cr_assert(len < 3 || strcmp(out + len - 3, "。"), "\"%s\" ends with a full stop", out);
		cr_assert_null(strchr(out, '\n'));
	}
}

Test(credit_code, a_short_buffer_gets_a_whole_number_of_characters)
{
	struct credit_code_result r = check("9131O115MA1K3GA78N");
	for (size_t n = 1; n < 40; n++) {
		char out[40];
		credit_code_message(&r, "9131O115MA1K3GA78N", out, n);
		cr_assert_lt(strlen(out), n);
		cr_assert(utf8_valid(out, strlen(out), NULL), "n = %zu", n);
	}
	char untouched = 'u';
	credit_code_message(&r, "9131O115MA1K3GA78N", &untouched, 0);
	cr_assert_eq(untouched, 'u');
}

Test(credit_code, a_message_without_the_text_still_says_where)
{
	struct credit_code_result r = check("9131O115MA1K3GA78N");
	char out[256];
	credit_code_message(&r, NULL, out, sizeof(out));
	cr_assert_not_null(strstr(out, "第 5 位"), "%s", out);
	r = check("91310115MA1K3GA78");
	credit_code_message(&r, NULL, out, sizeof(out));
	cr_assert_not_null(strstr(out, "18 位"), "%s", out);
}

/* ---- fixing what was typed ---- */

/* credit_code_fix's result for text, and what it wrote in *out. */
static int fix(const char *text, const char **out)
{
	static char buf[128];
	cr_assert_lt(strlen(text), sizeof(buf));
	int fixed = credit_code_fix(text, buf);
	*out = buf;
	return fixed;
}

Test(credit_code, fixing_makes_a_full_width_code_half_width)
{
	const char *out;
	cr_assert_eq(fix("９１３１０１１５ＭＡ１Ｋ３ＧＡ７８Ｎ", &out), CREDIT_CODE_FIXED_WIDTH);
	cr_assert_str_eq(out, "91310115MA1K3GA78N");
	assert_valid(out, "91310115MA1K3GA78N");
}

Test(credit_code, fixing_upper_cases_lower_case_letters)
{
	const char *out;
	cr_assert_eq(fix("91310115ma1k3ga78n", &out), CREDIT_CODE_FIXED_CASE);
	cr_assert_str_eq(out, "91310115MA1K3GA78N");
}

Test(credit_code, fixing_says_both_when_both_were_needed)
{
	const char *out;
	cr_assert_eq(fix("91310115ｍａ1K3GA78N", &out), CREDIT_CODE_FIXED_WIDTH | CREDIT_CODE_FIXED_CASE);
	cr_assert_str_eq(out, "91310115MA1K3GA78N");
}

Test(credit_code, fixing_turns_a_full_width_space_into_a_space_the_check_ignores)
{
	const char *out;
	cr_assert_eq(fix("91310115　MA1K3GA78N", &out), CREDIT_CODE_FIXED_WIDTH);
	cr_assert_str_eq(out, "91310115 MA1K3GA78N");
	assert_valid(out, "91310115MA1K3GA78N");
}

Test(credit_code, fixing_leaves_lower_case_letters_no_code_holds_for_the_message_to_quote)
{
	const char *out;
	cr_assert_eq(fix("91310115Mo1K3GA78N", &out), 0);
	cr_assert_str_eq(out, "91310115Mo1K3GA78N");
	assert_message_has(out, "第 10 位“o”");
	/* Its full-width form is folded, but stays lower case. */
	cr_assert_eq(fix("91310115Mｏ1K3GA78N", &out), CREDIT_CODE_FIXED_WIDTH);
	cr_assert_str_eq(out, "91310115Mo1K3GA78N");
}

Test(credit_code, fixing_keeps_what_it_cannot_read_for_the_check_to_refuse)
{
	const char *out;
	cr_assert_eq(fix("9131\xff" "0115-MA中", &out), 0);
	cr_assert_str_eq(out, "9131\xff" "0115-MA中");
	cr_assert_eq(fix("", &out), 0);
	cr_assert_str_eq(out, "");
	char none[1];
	cr_assert_eq(credit_code_fix(NULL, none), 0);
	cr_assert_str_eq(none, "");
}
