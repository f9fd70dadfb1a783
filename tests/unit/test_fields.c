/* Unit tests for content/fields (phone, e-mail and the per-field checks of
 * the submission form) and content/submission (tracking codes, and a
 * submission turned into an article). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/fields.h"
#include "content/submission.h"
#include "store/articles.h"
#include "store/submissions.h"

static struct arena *arena;

static void setup(void)
{
	arena = arena_new();
}

static void teardown(void)
{
	arena_free(arena);
}

TestSuite(fields, .init = setup, .fini = teardown);

/* ---- phone numbers ---- */

Test(fields, mainland_mobiles_are_phones)
{
	const char *ok[] = { "13812345678", "+86 138 1234 5678", "0086-13812345678", "+8613812345678",
			     "19912345678" };
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		cr_assert(field_is_phone(str_from(ok[i])), "%s", ok[i]);
}

Test(fields, landlines_with_their_area_code_are_phones)
{
	const char *ok[] = { "021-61234567", "(021)6123 4567", "0571-88886666", "021 6123 4567", "02161234567" };
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		cr_assert(field_is_phone(str_from(ok[i])), "%s", ok[i]);
}

Test(fields, a_landline_may_have_an_extension_after_a_hash)
{
	cr_assert(field_is_phone(STR_LIT("021-61234567#8001")));
}

/* The header promises "an optional extension"; a dash before it is how
 * extensions are most often written (and printed on business cards). */
Test(fields, a_landline_may_have_an_extension_after_a_dash)
{
	cr_assert(field_is_phone(STR_LIT("021-61234567-8001")), "021-61234567-8001 refused");
}

Test(fields, malformed_numbers_are_not_phones)
{
	const char *bad[] = {
		"12345678901",          /* second digit 2: no such mobile */
		"1381234567",           /* ten digits */
		"1381234567a",          /* a letter */
		"phone",                /* letters */
		"021--61234567",        /* a doubled dash */
		"",                     /* empty */
		"13812345678901234567", /* twenty digits */
		"02161234567890123456", /* twenty digits, landline-like */
		"+86",                  /* the country code alone */
		"0086",                 /* likewise */
		"61234567",             /* a landline without its area code */
		"021-61234567#",        /* an extension with no digits */
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		cr_assert_not(field_is_phone(str_from(bad[i])), "\"%s\" taken for a phone", bad[i]);
	cr_assert_not(field_is_phone((struct str){ NULL, 0 }));
}

/* ---- e-mail ---- */

Test(fields, plausible_addresses_are_emails)
{
	cr_assert(field_is_email(STR_LIT("name@example.com")));
	cr_assert(field_is_email(STR_LIT("a.b-c+tag@sub.example.com.cn")));
}

Test(fields, implausible_addresses_are_not_emails)
{
	char long_local[80];
	memset(long_local, 'a', 65);
	strcpy(long_local + 65, "@example.com");
	const char *bad[] = {
		"name.example.com",  "@example.com",      "name@",       "name@localhost", "name@exa mple.com",
		"name@@example.com", "\"name\"@x.com",    long_local,    "name＠example.com", "",
		"name@example.",     "name@.example.com", "na me@x.com",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		cr_assert_not(field_is_email(str_from(bad[i])), "\"%s\" taken for an e-mail", bad[i]);
}

Test(fields, a_64_character_local_part_is_still_an_email)
{
	char addr[80];
	memset(addr, 'a', 64);
	strcpy(addr + 64, "@example.com");
	cr_assert(field_is_email(str_from(addr)));
}

/* ---- the submission form's checks ---- */

/* A complete, valid form; tests change one field. */
static void valid_form(const char *raw[SUB__COUNT])
{
	for (size_t i = 0; i < SUB__COUNT; i++)
		raw[i] = NULL;
	raw[SUB_TITLE] = "浦东新区集成电路产业集中签约14个项目";
	raw[SUB_BODY] = "近日，浦东新区举行集成电路产业项目集中签约活动。\r\n共签约14个项目，总投资约86亿元。";
	raw[SUB_DISTRICT] = "pudong";
	raw[SUB_INDUSTRY] = "ic";
	raw[SUB_SOURCE] = "https://example.gov.cn/a";
	raw[SUB_CONTRIBUTOR] = "张三";
	raw[SUB_CONTACT] = "13812345678";
}

static struct field_values check(const char *raw[SUB__COUNT])
{
	struct field_values v;
	size_t n = fields_check(submission_fields, SUB__COUNT, raw, arena, &v);
	cr_assert_eq(n, v.nerrors);
	return v;
}

/* Checks the form with field set to value; returns field's error (NULL if
 * none) and asserts no other field has one. */
static const char *error_for(enum submission_field field, const char *value)
{
	const char *raw[SUB__COUNT];
	valid_form(raw);
	raw[field] = value;
	struct field_values v = check(raw);
	for (size_t i = 0; i < SUB__COUNT; i++)
		if (i != (size_t)field)
			cr_assert_null(v.error[i], "field %zu: %s", i, v.error[i]);
	cr_assert_eq(v.nerrors, v.error[field] ? 1u : 0u);
	return v.error[field];
}

/* A string of n copies of the UTF-8 character c, in the arena. */
static const char *repeat(const char *c, size_t n)
{
	size_t len = strlen(c);
	char *s = arena_alloc(arena, n * len + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(s + i * len, c, len);
	s[n * len] = '\0';
	return s;
}

Test(fields, a_valid_form_has_no_errors)
{
	const char *raw[SUB__COUNT];
	valid_form(raw);
	struct field_values v = check(raw);
	cr_assert_eq(v.nerrors, 0);
	for (size_t i = 0; i < SUB__COUNT; i++)
		cr_assert_null(v.error[i], "field %zu: %s", i, v.error[i]);
	cr_assert_str_eq(v.value[SUB_DISTRICT], "pudong");
	cr_assert_str_eq(v.value[SUB_CONTACT], "13812345678");
}

Test(fields, values_are_trimmed_of_spaces_and_ideographic_spaces)
{
	const char *raw[SUB__COUNT];
	valid_form(raw);
	raw[SUB_TITLE] = " \t\u3000浦东新区集成电路产业集中签约\u3000 \n";
	raw[SUB_CONTRIBUTOR] = "\u3000\u3000张三  ";
	raw[SUB_CONTACT] = "  name@example.com\u3000";
	struct field_values v = check(raw);
	cr_assert_eq(v.nerrors, 0, "%s", v.error[SUB_TITLE] ? v.error[SUB_TITLE] : "");
	cr_assert_str_eq(v.value[SUB_TITLE], "浦东新区集成电路产业集中签约");
	cr_assert_str_eq(v.value[SUB_CONTRIBUTOR], "张三");
	cr_assert_str_eq(v.value[SUB_CONTACT], "name@example.com");
}

Test(fields, a_contact_typed_in_full_width_is_folded_with_a_note)
{
	const char *raw[SUB__COUNT];
	valid_form(raw);
	raw[SUB_CONTACT] = "１３８１２３４５６７８";
	struct field_values v = check(raw);
	cr_assert_eq(v.nerrors, 0, "%s", v.error[SUB_CONTACT] ? v.error[SUB_CONTACT] : "");
	cr_assert_str_eq(v.value[SUB_CONTACT], "13812345678");
	cr_assert_str_eq(v.note[SUB_CONTACT], "已将全角字符改为半角。");
	raw[SUB_CONTACT] = "ｎａｍｅ＠ｅｘａｍｐｌｅ。ｃｏｍ";
	v = check(raw);
	cr_assert_eq(v.nerrors, 0);
	cr_assert_str_eq(v.value[SUB_CONTACT], "name@example.com");
}

Test(fields, a_contact_that_is_neither_after_folding_keeps_what_was_typed)
{
	const char *raw[SUB__COUNT];
	valid_form(raw);
	raw[SUB_CONTACT] = "微信ｚｈａｎｇｓａｎ";
	struct field_values v = check(raw);
	cr_assert_eq(v.nerrors, 1);
	cr_assert_str_eq(v.value[SUB_CONTACT], "微信ｚｈａｎｇｓａｎ");
	cr_assert_null(v.note[SUB_CONTACT]);
}

Test(fields, a_title_keeps_its_full_width_characters)
{
	const char *raw[SUB__COUNT];
	valid_form(raw);
	raw[SUB_TITLE] = "ＡＩ产业园签约１２个项目";
	struct field_values v = check(raw);
	cr_assert_eq(v.nerrors, 0);
	cr_assert_str_eq(v.value[SUB_TITLE], "ＡＩ产业园签约１２个项目");
	cr_assert_null(v.note[SUB_TITLE]);
}

Test(fields, crlf_in_the_body_becomes_lf)
{
	const char *raw[SUB__COUNT];
	valid_form(raw);
	raw[SUB_BODY] = "第一段。\r\n第二段。\r\n\r\n第三段。\r第四段。";
	struct field_values v = check(raw);
	cr_assert_eq(v.nerrors, 0);
	cr_assert_str_eq(v.value[SUB_BODY], "第一段。\n第二段。\n\n第三段。\n第四段。");
}

Test(fields, empty_optional_fields_are_null_and_fine)
{
	const char *raw[SUB__COUNT];
	valid_form(raw);
	raw[SUB_DISTRICT] = NULL;
	raw[SUB_INDUSTRY] = "";
	raw[SUB_SOURCE] = " \u3000 ";
	struct field_values v = check(raw);
	cr_assert_eq(v.nerrors, 0);
	cr_assert_null(v.value[SUB_DISTRICT]);
	cr_assert_null(v.value[SUB_INDUSTRY]);
	cr_assert_null(v.value[SUB_SOURCE]);
}

Test(fields, a_missing_required_field_is_named_by_its_label)
{
	const char *e = error_for(SUB_TITLE, NULL);
	cr_assert_not_null(e);
	cr_assert_not_null(strstr(e, "标题"), "%s", e);
	e = error_for(SUB_TITLE, "  \u3000 ");
	cr_assert_not_null(e, "only spaces count as missing");
	cr_assert_not_null(strstr(e, "标题"), "%s", e);
	e = error_for(SUB_CONTACT, "");
	cr_assert_not_null(e);
	cr_assert_not_null(strstr(e, "联系方式"), "%s", e);
	e = error_for(SUB_BODY, NULL);
	cr_assert_not_null(e);
	cr_assert_not_null(strstr(e, "正文"), "%s", e);
	e = error_for(SUB_CONTRIBUTOR, NULL);
	cr_assert_not_null(e);
	cr_assert_not_null(strstr(e, "投稿人"), "%s", e);
}

Test(fields, all_missing_fields_are_reported_together)
{
	const char *raw[SUB__COUNT] = { 0 };
	struct field_values v = check(raw);
	cr_assert_eq(v.nerrors, 4, "title, body, contributor and contact are required");
	cr_assert_not_null(v.error[SUB_TITLE]);
	cr_assert_not_null(v.error[SUB_BODY]);
	cr_assert_not_null(v.error[SUB_CONTRIBUTOR]);
	cr_assert_not_null(v.error[SUB_CONTACT]);
}

Test(fields, a_title_over_200_characters_is_refused_with_the_limit)
{
	cr_assert_null(error_for(SUB_TITLE, repeat("标", 200)));
	const char *e = error_for(SUB_TITLE, repeat("标", 201));
	cr_assert_not_null(e);
	cr_assert_not_null(strstr(e, "200"), "%s", e);
}

Test(fields, a_body_of_50000_characters_is_fine_and_50001_is_not)
{
	cr_assert_null(error_for(SUB_BODY, repeat("文", 50000)));
	const char *e = error_for(SUB_BODY, repeat("文", 50001));
	cr_assert_not_null(e);
	cr_assert_not_null(strstr(e, "50000"), "%s", e);
}

Test(fields, a_title_with_a_newline_or_control_character_is_refused)
{
	cr_assert_not_null(error_for(SUB_TITLE, "第一行\n第二行"));
	cr_assert_not_null(error_for(SUB_TITLE, "第一行\r\n第二行"));
	cr_assert_not_null(error_for(SUB_TITLE, "响铃\a标题"));
	cr_assert_not_null(error_for(SUB_TITLE, "删除\x7f标题"));
	cr_assert_not_null(error_for(SUB_BODY, "正文\x01含控制字符"));
	cr_assert_null(error_for(SUB_BODY, "正文\t含制表符"));
}

Test(fields, invalid_utf8_is_refused)
{
	cr_assert_not_null(error_for(SUB_TITLE, "标题\xff"));
	cr_assert_not_null(error_for(SUB_BODY, "\xe4\xb8正文"));
	cr_assert_not_null(error_for(SUB_CONTRIBUTOR, "\xc0\xaf"));
}

Test(fields, a_district_must_be_a_slug_from_the_list)
{
	cr_assert_null(error_for(SUB_DISTRICT, "pudong"));
	cr_assert_null(error_for(SUB_DISTRICT, "huangpu"));
	const char *bad[] = { "Pudong", "浦东新区", "浦东", "nowhere" };
	for (size_t i = 0; i < 4; i++) {
		const char *e = error_for(SUB_DISTRICT, bad[i]);
		cr_assert_not_null(e, "%s", bad[i]);
		cr_assert_not_null(strstr(e, "请从列表中选择"), "%s: %s", bad[i], e);
	}
}

Test(fields, an_industry_must_be_a_known_slug)
{
	cr_assert_null(error_for(SUB_INDUSTRY, "ic"));
	cr_assert_null(error_for(SUB_INDUSTRY, "real-estate"));
	const char *e = error_for(SUB_INDUSTRY, "quantum");
	cr_assert_not_null(e);
	cr_assert_not_null(strstr(e, "请从列表中选择"), "%s", e);
	cr_assert_not_null(error_for(SUB_INDUSTRY, "集成电路"));
	cr_assert_not_null(error_for(SUB_INDUSTRY, "IC"));
}

Test(fields, a_source_link_must_be_http_without_spaces)
{
	cr_assert_null(error_for(SUB_SOURCE, "https://example.gov.cn/a"));
	cr_assert_null(error_for(SUB_SOURCE, "http://example.gov.cn/a?b=c&d=e"));
	const char *bad[] = { "javascript:alert(1)", "data:text/html,x", "http://x.cn/a b", "JavaScript:alert(1)",
			      "vbscript:msgbox(1)", "ftp://example.com/a" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		cr_assert_not_null(error_for(SUB_SOURCE, bad[i]), "%s accepted", bad[i]);
}

Test(fields, a_source_name_is_fine_up_to_200_characters)
{
	cr_assert_null(error_for(SUB_SOURCE, "浦东新区投资促进服务中心"));
	cr_assert_null(error_for(SUB_SOURCE, repeat("源", 200)));
	const char *e = error_for(SUB_SOURCE, repeat("源", 201));
	cr_assert_not_null(e);
	cr_assert_not_null(strstr(e, "200"), "%s", e);
}

Test(fields, a_contact_must_be_a_phone_or_an_email)
{
	cr_assert_null(error_for(SUB_CONTACT, "13812345678"));
	cr_assert_null(error_for(SUB_CONTACT, "021-61234567"));
	cr_assert_null(error_for(SUB_CONTACT, "name@example.com"));
	cr_assert_not_null(error_for(SUB_CONTACT, "abc"));
	cr_assert_not_null(error_for(SUB_CONTACT, "12345678901"));
}

Test(fields, a_field_that_fails_keeps_what_was_typed)
{
	const char *raw[SUB__COUNT];
	valid_form(raw);
	raw[SUB_DISTRICT] = " nowhere ";
	raw[SUB_CONTACT] = "abc";
	raw[SUB_SOURCE] = "javascript:alert(1)";
	raw[SUB_TITLE] = repeat("标", 201);
	struct field_values v = check(raw);
	cr_assert_eq(v.nerrors, 4);
	cr_assert_str_eq(v.value[SUB_DISTRICT], "nowhere");
	cr_assert_str_eq(v.value[SUB_CONTACT], "abc");
	cr_assert_str_eq(v.value[SUB_SOURCE], "javascript:alert(1)");
	cr_assert_str_eq(v.value[SUB_TITLE], raw[SUB_TITLE]);
}

/* ---- tracking codes ---- */

static bool is_crockford(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'L' && c != 'O' && c != 'U');
}

static void assert_code_shape(const char *code)
{
	cr_assert_eq(strlen(code), SUBMISSION_CODE_CHARS, "%s", code);
	cr_assert(!strncmp(code, "ZS-", 3), "%s", code);
	cr_assert_eq(code[8], '-', "%s", code);
	for (size_t i = 3; i < SUBMISSION_CODE_CHARS; i++)
		if (i != 8)
			cr_assert(is_crockford(code[i]), "%s: '%c'", code, code[i]);
}

static int compare_codes(const void *a, const void *b)
{
	return strcmp(a, b);
}

Test(fields, new_codes_have_the_shape_and_are_distinct)
{
	enum { N = 1000 };
	char(*codes)[SUBMISSION_CODE_CHARS + 1] = arena_alloc(arena, N * sizeof(*codes));
	for (size_t i = 0; i < N; i++) {
		submission_new_code(codes[i]);
		assert_code_shape(codes[i]);
	}
	qsort(codes, N, sizeof(*codes), compare_codes);
	for (size_t i = 1; i < N; i++)
		cr_assert_str_neq(codes[i - 1], codes[i], "drawn twice");
}

Test(fields, new_codes_use_every_character_position_randomly)
{
	/* Across 1,000 codes each of the ten positions takes many values:
	 * a position stuck at one character would cut the 50 bits. */
	bool seen[SUBMISSION_CODE_CHARS][128] = { { false } };
	for (size_t i = 0; i < 1000; i++) {
		char code[SUBMISSION_CODE_CHARS + 1];
		submission_new_code(code);
		for (size_t k = 3; k < SUBMISSION_CODE_CHARS; k++)
			seen[k][(unsigned char)code[k] & 127] = true;
	}
	for (size_t k = 3; k < SUBMISSION_CODE_CHARS; k++) {
		if (k == 8)
			continue;
		size_t n = 0;
		for (size_t c = 0; c < 128; c++)
			n += seen[k][c];
		cr_assert_eq(n, 32, "position %zu takes %zu values", k, n);
	}
}

Test(fields, a_new_code_parses_to_itself)
{
	char code[SUBMISSION_CODE_CHARS + 1], out[SUBMISSION_CODE_CHARS + 1];
	for (int i = 0; i < 100; i++) {
		submission_new_code(code);
		cr_assert(submission_code_parse(code, out), "%s", code);
		cr_assert_str_eq(out, code);
	}
}

Test(fields, codes_are_read_as_people_type_them)
{
	const char *typed[] = {
		"ZS-AB12C-DE34F", "zs-ab12c-de34f", "ZSAB12CDE34F",       " zs ab12c de34f ",
		"ZS-AB12C-DE34F ", "zs ab 12 c-de 34 f", "ZS-ab12c-de34f",
	};
	for (size_t i = 0; i < sizeof(typed) / sizeof(typed[0]); i++) {
		char out[SUBMISSION_CODE_CHARS + 1] = "";
		cr_assert(submission_code_parse(typed[i], out), "\"%s\" refused", typed[i]);
		cr_assert_str_eq(out, "ZS-AB12C-DE34F", "\"%s\"", typed[i]);
	}
}

Test(fields, a_code_that_itself_starts_with_zs_is_read_with_or_without_the_prefix)
{
	/* Once in 1,024 codes the random part starts with Z and S. */
	const char *typed[] = { "ZS-ZS123-45678", "zszs12345678", "ZS12345678", "zs123-45678" };
	for (size_t i = 0; i < sizeof(typed) / sizeof(typed[0]); i++) {
		char out[SUBMISSION_CODE_CHARS + 1] = "";
		cr_assert(submission_code_parse(typed[i], out), "\"%s\" refused", typed[i]);
		cr_assert_str_eq(out, "ZS-ZS123-45678", "\"%s\"", typed[i]);
	}
}

Test(fields, o_i_and_l_are_read_as_digits)
{
	char out[SUBMISSION_CODE_CHARS + 1];
	cr_assert(submission_code_parse("ZS-OoIiL-lO0I1", out));
	cr_assert_str_eq(out, "ZS-00111-10011");
}

Test(fields, what_cannot_be_a_code_is_refused)
{
	const char *bad[] = {
		"ZS-AB12C-DE34",   /* nine characters */
		"ZS-AB12C-DE34FG", /* eleven */
		"ZS-AB12C-DE3UF",  /* U is not Crockford */
		"ZS-AB12C-DE3*F",  /* nor is * */
		"",                /* empty */
		"ZS-",             /* the prefix alone */
		"ZS-AB12C-DE34F-", /* fine: dashes are ignored; checked below */
	};
	char out[SUBMISSION_CODE_CHARS + 1];
	for (size_t i = 0; i < 6; i++)
		cr_assert_not(submission_code_parse(bad[i], out), "\"%s\" accepted", bad[i]);
	cr_assert(submission_code_parse(bad[6], out));
	cr_assert_not(submission_code_parse(NULL, out));
	cr_assert_not(submission_code_parse("ZS-\xe4\xb8\xad" "2C-DE34F", out));
}

/* ---- a submission becomes an article ---- */

static struct submission a_submission(void)
{
	return (struct submission){
		.title = "黄浦区举办集成电路产业招商推介会",
		.body = "日前，区里举办集成电路产业招商推介会，芯片设计企业和半导体设备企业参加。\n"
			"会上介绍了集成电路产业的扶持措施。",
		.district = "pudong",
		.industry = "finance",
		.source = "https://example.gov.cn/a",
		.contributor = "张三",
		.contact = "13812345678",
		.status = REVIEW_PENDING,
	};
}

Test(fields, the_chosen_district_wins_over_the_title)
{
	struct submission sub = a_submission();
	struct article a;
	struct buf err = { 0 };
	cr_assert_eq(submission_to_article(&sub, "2026-11-27", arena, &a, &err), 0, "%s", buf_cstr(&err));
	cr_assert_eq(a.ndistricts, 1);
	cr_assert_str_eq(a.districts[0], "pudong");
	cr_assert_str_eq(a.date, "2026-11-27");
	cr_assert_str_eq(a.title, sub.title);
	buf_free(&err);
}

Test(fields, without_a_chosen_district_the_title_names_it)
{
	struct submission sub = a_submission();
	sub.district = NULL;
	struct article a;
	struct buf err = { 0 };
	cr_assert_eq(submission_to_article(&sub, "2026-11-27", arena, &a, &err), 0, "%s", buf_cstr(&err));
	cr_assert_eq(a.ndistricts, 1);
	cr_assert_str_eq(a.districts[0], "huangpu");
	buf_free(&err);
}

Test(fields, the_chosen_industry_comes_first_even_when_the_text_says_otherwise)
{
	struct submission sub = a_submission();
	struct article a;
	struct buf err = { 0 };
	cr_assert_eq(submission_to_article(&sub, "2026-11-27", arena, &a, &err), 0, "%s", buf_cstr(&err));
	cr_assert_geq(a.nindustries, 2, "the text's own tag is kept after the chosen one");
	cr_assert_str_eq(a.industries[0], "finance");
	cr_assert_str_eq(a.industries[1], "ic");
	for (size_t i = 1; i < a.nindustries; i++)
		cr_assert_str_neq(a.industries[i], "finance", "listed twice");
	buf_free(&err);
}

Test(fields, a_chosen_industry_the_text_also_has_moves_first_once)
{
	struct submission sub = a_submission();
	sub.title = "区政府召开集成电路和人工智能产业推进会";
	sub.body = "会议研究集成电路、芯片、半导体产业发展，也提到人工智能和大模型。";
	sub.industry = "ai";
	struct article a;
	struct buf err = { 0 };
	cr_assert_eq(submission_to_article(&sub, "2026-11-27", arena, &a, &err), 0, "%s", buf_cstr(&err));
	cr_assert_eq(a.nindustries, 2);
	cr_assert_str_eq(a.industries[0], "ai");
	cr_assert_str_eq(a.industries[1], "ic");
	buf_free(&err);
}

Test(fields, a_link_source_becomes_the_url_and_a_name_the_source)
{
	struct submission sub = a_submission();
	struct article a;
	struct buf err = { 0 };
	cr_assert_eq(submission_to_article(&sub, "2026-11-27", arena, &a, &err), 0, "%s", buf_cstr(&err));
	cr_assert_str_eq(a.url, "https://example.gov.cn/a");
	cr_assert_null(a.source);

	sub.source = "浦东新区投资促进服务中心";
	cr_assert_eq(submission_to_article(&sub, "2026-11-27", arena, &a, &err), 0, "%s", buf_cstr(&err));
	cr_assert_str_eq(a.source, "浦东新区投资促进服务中心");
	cr_assert_null(a.url);

	sub.source = NULL;
	cr_assert_eq(submission_to_article(&sub, "2026-11-27", arena, &a, &err), 0, "%s", buf_cstr(&err));
	cr_assert_null(a.source);
	cr_assert_null(a.url);
	buf_free(&err);
}

Test(fields, a_submission_that_is_not_a_valid_article_says_why)
{
	struct submission sub = a_submission();
	sub.body = "";
	struct article a;
	struct buf err = { 0 };
	cr_assert_eq(submission_to_article(&sub, "2026-11-27", arena, &a, &err), -1);
	cr_assert_gt(err.len, 0);
	buf_free(&err);
}

Test(fields, a_submissions_body_is_previewed_split_as_its_article_will_be)
{
	struct buf out = { 0 };
	submission_article_body("  一、项目概况 临港新片区签约十二个项目。二、下一步 将加快开工。\n另起一段。 ", &out);
	cr_assert_str_eq(buf_cstr(&out), "一、项目概况 临港新片区签约十二个项目。\n二、下一步 将加快开工。\n另起一段。");
	buf_free(&out);
}
