/* Unit tests for content/enterprise (the registration and contact forms'
 * rules) and content/sector (GB/T 4754-2017's sections and the focus
 * industries as one list). Phone and e-mail themselves are in test_fields.c. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "content/credit_code.h"
#include "content/enterprise.h"
#include "content/sector.h"

static struct arena *arena;

static void setup(void)
{
	arena = arena_new();
}

static void teardown(void)
{
	arena_free(arena);
}

TestSuite(enterprise, .init = setup, .fini = teardown);

/* A valid code computed here: "91310115MA1H7XY0" + digit + its check character. */
static const char *valid_code(void)
{
	static char code[19];
	memcpy(code, "91310115MA1H7XY05", 17);
	code[17] = credit_code_check_char(code);
	code[18] = '\0';
	cr_assert_neq(code[17], 0);
	return code;
}

/* A complete, valid registration; tests change one field at a time. */
static void valid_form(const char *raw[ENT__COUNT])
{
	memset(raw, 0, sizeof(const char *) * ENT__COUNT);
	raw[ENT_NAME] = "上海临港芯片设计有限公司";
	raw[ENT_CREDIT_CODE] = valid_code();
	raw[ENT_INDUSTRY] = "ic";
	raw[ENT_DISTRICT] = "pudong";
	raw[ENT_SEEKING] = "office,funding";
	raw[ENT_DESCRIPTION] = "车规级芯片设计。";
	raw[ENT_WEBSITE] = "https://www.example.com/";
	raw[ENT_CONTACT_NAME] = "王晓明";
	raw[ENT_PHONE] = "021-61234567";
	raw[ENT_EMAIL] = "wang@example.com";
}

/* Checks raw and asserts that exactly the fields in `wrong` (ENT__COUNT-terminated) have messages. */
static struct field_values check_expecting(const char *const raw[ENT__COUNT], const int *wrong)
{
	struct field_values v;
	size_t n = enterprise_check(raw, arena, &v);
	size_t expected = 0;
	for (const int *w = wrong; *w != ENT__COUNT; w++)
		expected++;
	cr_assert_eq(n, v.nerrors);
	for (int i = 0; i < ENT__COUNT; i++) {
		bool want = false;
		for (const int *w = wrong; *w != ENT__COUNT; w++)
			want |= *w == i;
		cr_assert_eq(v.error[i] != NULL, want, "%s: %s", enterprise_fields[i].name,
			     v.error[i] ? v.error[i] : "(no message)");
	}
	cr_assert_eq(n, expected, "%zu messages, want %zu", n, expected);
	return v;
}

#define NONE ((const int[]){ ENT__COUNT })
#define ONLY(field) ((const int[]){ (field), ENT__COUNT })

Test(enterprise, the_form_fields_are_the_ones_the_brief_names_in_order)
{
	static const char *const names[] = { "name",	"credit_code", "industry",     "district", "seeking",
					     "description", "website",	   "contact_name", "phone",    "email" };
	for (int i = 0; i < ENT__COUNT; i++)
		cr_assert_str_eq(enterprise_fields[i].name, names[i]);
}

Test(enterprise, a_complete_registration_passes_trimmed)
{
	const char *raw[ENT__COUNT];
	valid_form(raw);
	raw[ENT_NAME] = "  上海临港芯片设计有限公司\u3000";
	struct field_values v = check_expecting(raw, NONE);
	cr_assert_str_eq(v.value[ENT_NAME], "上海临港芯片设计有限公司");
	cr_assert_str_eq(v.value[ENT_CREDIT_CODE], valid_code());
	cr_assert_str_eq(v.value[ENT_SEEKING], "office,funding");
}

Test(enterprise, name_code_industry_district_and_contact_person_are_required)
{
	const int required[] = { ENT_NAME, ENT_CREDIT_CODE, ENT_INDUSTRY, ENT_DISTRICT, ENT_CONTACT_NAME };
	for (size_t i = 0; i < sizeof(required) / sizeof(required[0]); i++) {
		const char *raw[ENT__COUNT];
		valid_form(raw);
		for (int blank = 0; blank < 3; blank++) {
			raw[required[i]] = blank == 0 ? NULL : blank == 1 ? "" : "   ";
			struct field_values v = check_expecting(raw, ONLY(required[i]));
			cr_assert(strstr(v.error[required[i]], "请填写"), "%s: %s", enterprise_fields[required[i]].name,
				  v.error[required[i]]);
			cr_assert(strstr(v.error[required[i]], enterprise_fields[required[i]].label));
		}
	}
	/* All of them at once, and nothing else. */
	const char *raw[ENT__COUNT] = { 0 };
	raw[ENT_PHONE] = "13812345678";
	check_expecting(raw, (const int[]){ ENT_NAME, ENT_CREDIT_CODE, ENT_INDUSTRY, ENT_DISTRICT, ENT_CONTACT_NAME,
					    ENT__COUNT });
}

Test(enterprise, seeking_description_and_website_are_optional)
{
	const char *raw[ENT__COUNT];
	valid_form(raw);
	raw[ENT_SEEKING] = NULL;
	raw[ENT_DESCRIPTION] = "";
	raw[ENT_WEBSITE] = " ";
	struct field_values v = check_expecting(raw, NONE);
	cr_assert_null(v.value[ENT_SEEKING]);
	cr_assert_null(v.value[ENT_DESCRIPTION]);
	cr_assert_null(v.value[ENT_WEBSITE]);
}

Test(enterprise, a_phone_or_an_email_is_enough_and_neither_is_a_message_at_the_phone)
{
	const char *raw[ENT__COUNT];
	valid_form(raw);
	raw[ENT_EMAIL] = NULL;
	check_expecting(raw, NONE);
	valid_form(raw);
	raw[ENT_PHONE] = "";
	check_expecting(raw, NONE);

	valid_form(raw);
	raw[ENT_PHONE] = NULL;
	raw[ENT_EMAIL] = "  ";
	struct field_values v = check_expecting(raw, ONLY(ENT_PHONE));
	cr_assert_str_eq(v.error[ENT_PHONE], "请至少填写联系电话或电子邮箱中的一项。");
}

Test(enterprise, a_wrong_phone_or_email_is_wrong_even_when_the_other_is_right)
{
	const char *raw[ENT__COUNT];
	valid_form(raw);
	raw[ENT_PHONE] = "12345";
	struct field_values v = check_expecting(raw, ONLY(ENT_PHONE));
	cr_assert(strstr(v.error[ENT_PHONE], "手机号"), "%s", v.error[ENT_PHONE]);
	cr_assert_str_eq(v.value[ENT_PHONE], "12345", "what was typed is kept");

	valid_form(raw);
	raw[ENT_EMAIL] = "wang@";
	v = check_expecting(raw, ONLY(ENT_EMAIL));
	cr_assert(strstr(v.error[ENT_EMAIL], "电子邮箱"), "%s", v.error[ENT_EMAIL]);

	/* Wrong and no other: the message says what is wrong with it, once. */
	valid_form(raw);
	raw[ENT_PHONE] = "12345";
	raw[ENT_EMAIL] = NULL;
	v = check_expecting(raw, ONLY(ENT_PHONE));
	cr_assert_null(strstr(v.error[ENT_PHONE], "至少"), "%s", v.error[ENT_PHONE]);
	valid_form(raw);
	raw[ENT_PHONE] = NULL;
	raw[ENT_EMAIL] = "not-an-email";
	check_expecting(raw, ONLY(ENT_EMAIL));
}

Test(enterprise, seeking_is_any_of_six_values_each_once)
{
	const char *ok[] = { "site", "office", "factory", "funding", "policy", "talent",
			     "site,office,factory,funding,policy,talent", "talent,site" };
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		const char *raw[ENT__COUNT];
		valid_form(raw);
		raw[ENT_SEEKING] = ok[i];
		check_expecting(raw, NONE);
	}
	const char *bad[] = { "yacht", "office,yacht", "office,office", "Office", "site,talent,site", "办公",
			      "office;funding" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *raw[ENT__COUNT];
		valid_form(raw);
		raw[ENT_SEEKING] = bad[i];
		struct field_values v = check_expecting(raw, ONLY(ENT_SEEKING));
		cr_assert(strstr(v.error[ENT_SEEKING], "需求"), "%s: %s", bad[i], v.error[ENT_SEEKING]);
	}
}

Test(enterprise, district_is_a_slug_or_outside)
{
	const char *ok[] = { "pudong", "huangpu", "chongming", "outside" };
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		const char *raw[ENT__COUNT];
		valid_form(raw);
		raw[ENT_DISTRICT] = ok[i];
		check_expecting(raw, NONE);
	}
	const char *bad[] = { "atlantis", "浦东新区", "浦东", "Pudong", "Outside", "shanghai" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *raw[ENT__COUNT];
		valid_form(raw);
		raw[ENT_DISTRICT] = bad[i];
		check_expecting(raw, ONLY(ENT_DISTRICT));
	}
}

Test(enterprise, industry_is_a_gb_section_or_a_focus_industry)
{
	const char *ok[] = { "gb-a", "gb-c", "gb-t", "ic", "nev" };
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		const char *raw[ENT__COUNT];
		valid_form(raw);
		raw[ENT_INDUSTRY] = ok[i];
		check_expecting(raw, NONE);
	}
	const char *bad[] = { "gb-z", "gb-u", "GB-C", "gb-", "c", "制造业", "gb-c x" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *raw[ENT__COUNT];
		valid_form(raw);
		raw[ENT_INDUSTRY] = bad[i];
		struct field_values v = check_expecting(raw, ONLY(ENT_INDUSTRY));
		cr_assert(strstr(v.error[ENT_INDUSTRY], "所属行业"), "%s", v.error[ENT_INDUSTRY]);
	}
}

Test(enterprise, the_credit_code_is_checked_in_full_with_the_reason)
{
	char wrong[19];
	memcpy(wrong, valid_code(), 19);
	wrong[17] = wrong[17] == '0' ? '1' : '0';
	const char *raw[ENT__COUNT];
	valid_form(raw);
	raw[ENT_CREDIT_CODE] = wrong;
	struct field_values v = check_expecting(raw, ONLY(ENT_CREDIT_CODE));
	char expected[64];
	snprintf(expected, sizeof(expected), "应为“%c”", valid_code()[17]);
	cr_assert(strstr(v.error[ENT_CREDIT_CODE], "统一社会信用代码有误：") && strstr(v.error[ENT_CREDIT_CODE], expected),
		  "%s", v.error[ENT_CREDIT_CODE]);
	cr_assert_str_eq(v.value[ENT_CREDIT_CODE], wrong, "what was typed is kept");

	/* Spaces inside are what people type; the check ignores them. */
	char spaced[32];
	snprintf(spaced, sizeof(spaced), "%.6s %.6s %.6s", valid_code(), valid_code() + 6, valid_code() + 12);
	valid_form(raw);
	raw[ENT_CREDIT_CODE] = spaced;
	check_expecting(raw, NONE);
}

Test(enterprise, lengths_and_links_are_checked)
{
	char long_name[400] = "";
	for (int i = 0; i < 101; i++)
		strcat(long_name, "名");
	const char *raw[ENT__COUNT];
	valid_form(raw);
	raw[ENT_NAME] = long_name;
	struct field_values v = check_expecting(raw, ONLY(ENT_NAME));
	cr_assert(strstr(v.error[ENT_NAME], "不能超过 100 个字（现在 101 个）"), "%s", v.error[ENT_NAME]);
	long_name[300] = '\0'; /* 100 characters */
	check_expecting(raw, NONE);

	const char *links[] = { "javascript:alert(1)", "data:text/html,x", "ftp://example.com/", "https://exa mple.com/",
				"//example.com/", "localhost:8080", "无" };
	for (size_t i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
		valid_form(raw);
		raw[ENT_WEBSITE] = links[i];
		check_expecting(raw, ONLY(ENT_WEBSITE));
	}
	valid_form(raw);
	raw[ENT_CONTACT_NAME] = "王\n晓明";
	check_expecting(raw, ONLY(ENT_CONTACT_NAME));
	valid_form(raw);
	raw[ENT_DESCRIPTION] = "第一行\r\n第二行";
	v = check_expecting(raw, NONE);
	cr_assert_str_eq(v.value[ENT_DESCRIPTION], "第一行\n第二行", "CRLF becomes LF");
}

Test(enterprise, seeking_labels_are_chinese_joined_by_the_enumeration_comma)
{
	cr_assert_str_eq(enterprise_seeking_labels("office,funding", arena), "办公、融资");
	cr_assert_str_eq(enterprise_seeking_labels("site,office,factory,funding,policy,talent", arena),
			 "选址、办公、厂房、融资、政策咨询、人才");
	cr_assert_str_eq(enterprise_seeking_labels("talent", arena), "人才");
	cr_assert_str_eq(enterprise_seeking_labels("", arena), "");
	cr_assert_str_eq(enterprise_seeking_labels(NULL, arena), "");
	cr_assert_str_eq(enterprise_seeking_labels("office,yacht,policy", arena), "办公、政策咨询", "unknown values skipped");
	cr_assert_str_eq(enterprise_seeking_labels("yacht", arena), "");
}

Test(enterprise, place_names_for_slugs_and_outside)
{
	cr_assert(strstr(enterprise_place_name("pudong"), "浦东新区"));
	cr_assert(strstr(enterprise_place_name("chongming"), "崇明区"));
	cr_assert_str_eq(enterprise_place_name("outside"), "尚未落户上海");
	cr_assert_null(enterprise_place_name(NULL));
	cr_assert_null(enterprise_place_name("atlantis"));
	cr_assert_null(enterprise_place_name(""));
}

Test(enterprise, the_twenty_sections_of_gb_t_4754_2017)
{
	static const char *const names[SECTION_COUNT] = {
		"农、林、牧、渔业",
		"采矿业",
		"制造业",
		"电力、热力、燃气及水生产和供应业",
		"建筑业",
		"批发和零售业",
		"交通运输、仓储和邮政业",
		"住宿和餐饮业",
		"信息传输、软件和信息技术服务业",
		"金融业",
		"房地产业",
		"租赁和商务服务业",
		"科学研究和技术服务业",
		"水利、环境和公共设施管理业",
		"居民服务、修理和其他服务业",
		"教育",
		"卫生和社会工作",
		"文化、体育和娱乐业",
		"公共管理、社会保障和社会组织",
		"国际组织",
	};
	for (int i = 0; i < SECTION_COUNT; i++) {
		char slug[8];
		snprintf(slug, sizeof(slug), "gb-%c", 'a' + i);
		cr_assert_str_eq(sections[i].slug, slug);
		cr_assert_eq(sections[i].section, 'A' + i);
		cr_assert_str_eq(sections[i].name, names[i], "section %c", 'A' + i);
		cr_assert_str_eq(sector_name(slug), names[i], "%s", slug);
	}
}

Test(enterprise, sector_names_cover_focus_industries_and_nothing_else)
{
	cr_assert_str_eq(sector_name("ic"), "集成电路");
	cr_assert_not_null(sector_name("nev"));
	const char *unknown[] = { "gb-z", "gb-u", "GB-A", "gb-", "", "a", "集成电路" };
	for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++)
		cr_assert_null(sector_name(unknown[i]), "%s", unknown[i]);
	cr_assert_null(sector_name(NULL));
}

/* ---- what is corrected rather than refused ---- */

/* raw with field set to typed, checked: no messages expected. */
static struct field_values fixed(int field, const char *typed)
{
	const char *raw[ENT__COUNT];
	valid_form(raw);
	raw[field] = typed;
	return check_expecting(raw, NONE);
}

Test(enterprise, a_website_without_its_scheme_is_taken_as_https_with_a_note)
{
	struct field_values v = fixed(ENT_WEBSITE, "www.example.cn");
	cr_assert_str_eq(v.value[ENT_WEBSITE], "https://www.example.cn");
	cr_assert_not_null(v.note[ENT_WEBSITE]);
	cr_assert(strstr(v.note[ENT_WEBSITE], "https://"), "%s", v.note[ENT_WEBSITE]);
	v = fixed(ENT_WEBSITE, "example.cn:8080/about");
	cr_assert_str_eq(v.value[ENT_WEBSITE], "https://example.cn:8080/about");
}

Test(enterprise, an_upper_case_scheme_is_read_in_lower_case)
{
	struct field_values v = fixed(ENT_WEBSITE, "HTTPS://WWW.EXAMPLE.CN/");
	cr_assert_str_eq(v.value[ENT_WEBSITE], "https://WWW.EXAMPLE.CN/");
	v = fixed(ENT_WEBSITE, "Http://a.cn");
	cr_assert_str_eq(v.value[ENT_WEBSITE], "http://a.cn");
}

Test(enterprise, a_website_typed_in_full_width_is_folded)
{
	struct field_values v = fixed(ENT_WEBSITE, "ｗｗｗ。ｅｘａｍｐｌｅ。ｃｎ");
	cr_assert_str_eq(v.value[ENT_WEBSITE], "https://www.example.cn");
	cr_assert(strstr(v.note[ENT_WEBSITE], "全角") && strstr(v.note[ENT_WEBSITE], "https://"), "%s",
		  v.note[ENT_WEBSITE]);
}

Test(enterprise, a_complete_website_has_no_note)
{
	struct field_values v = fixed(ENT_WEBSITE, "https://www.example.cn");
	cr_assert_null(v.note[ENT_WEBSITE]);
}

Test(enterprise, a_lower_case_credit_code_is_upper_cased_with_a_note)
{
	char lower[19];
	memcpy(lower, valid_code(), 19);
	for (int i = 0; i < 18; i++)
		if (lower[i] >= 'A' && lower[i] <= 'Z')
			lower[i] = (char)(lower[i] - 'A' + 'a');
	struct field_values v = fixed(ENT_CREDIT_CODE, lower);
	cr_assert_str_eq(v.value[ENT_CREDIT_CODE], valid_code());
	cr_assert_str_eq(v.note[ENT_CREDIT_CODE], "已将小写字母改为大写。");
}

Test(enterprise, a_full_width_credit_code_is_folded_and_stored_canonical)
{
	/* Each character's full-width form, and spaces between groups. */
	char typed[128] = "";
	const char *code = valid_code();
	for (int i = 0; i < 18; i++) {
		char c[4] = { (char)0xef, 0, 0, 0 };
		unsigned cp = 0xfee0u + (unsigned char)code[i];
		c[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		c[2] = (char)(0x80 | (cp & 0x3f));
		strcat(typed, c);
		if (i == 7)
			strcat(typed, "　");
	}
	struct field_values v = fixed(ENT_CREDIT_CODE, typed);
	cr_assert_str_eq(v.value[ENT_CREDIT_CODE], code);
	cr_assert_str_eq(v.note[ENT_CREDIT_CODE], "已将全角字符改为半角。");
}

Test(enterprise, a_corrected_credit_code_that_is_still_wrong_keeps_what_was_typed)
{
	char wrong[19];
	memcpy(wrong, valid_code(), 19);
	wrong[17] = wrong[17] == '0' ? '1' : '0';
	wrong[8] = 'm';
	const char *raw[ENT__COUNT];
	valid_form(raw);
	raw[ENT_CREDIT_CODE] = wrong;
	struct field_values v = check_expecting(raw, ONLY(ENT_CREDIT_CODE));
	cr_assert(strstr(v.error[ENT_CREDIT_CODE], "校验位"), "%s", v.error[ENT_CREDIT_CODE]);
	cr_assert_str_eq(v.value[ENT_CREDIT_CODE], wrong);
	cr_assert_null(v.note[ENT_CREDIT_CODE]);
}

Test(enterprise, full_width_digits_and_dashes_in_a_phone_number_are_folded)
{
	struct field_values v = fixed(ENT_PHONE, "０２１－６１２３　４５６７");
	cr_assert_str_eq(v.value[ENT_PHONE], "021-6123 4567");
	cr_assert_str_eq(v.note[ENT_PHONE], "已将全角字符改为半角。");
	v = fixed(ENT_PHONE, "（021）61234567");
	cr_assert_str_eq(v.value[ENT_PHONE], "(021)61234567");
	v = fixed(ENT_PHONE, "021—61234567");
	cr_assert_str_eq(v.value[ENT_PHONE], "021-61234567");
	v = fixed(ENT_PHONE, "＋８６　１３８１２３４５６７８");
	cr_assert_str_eq(v.value[ENT_PHONE], "+86 13812345678");
}

Test(enterprise, a_full_width_at_sign_and_dots_in_an_email_are_folded)
{
	struct field_values v = fixed(ENT_EMAIL, "wang＠example。com");
	cr_assert_str_eq(v.value[ENT_EMAIL], "wang@example.com");
	cr_assert_not_null(v.note[ENT_EMAIL]);
	v = fixed(ENT_EMAIL, "ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ");
	cr_assert_str_eq(v.value[ENT_EMAIL], "wang@example.com");
}

Test(enterprise, names_and_descriptions_keep_their_full_width_characters)
{
	const char *raw[ENT__COUNT];
	valid_form(raw);
	raw[ENT_NAME] = "上海ＡＢＣ１２３科技有限公司";
	raw[ENT_DESCRIPTION] = "主营：芯片（车规级），年产能１００万片。";
	struct field_values v = check_expecting(raw, NONE);
	cr_assert_str_eq(v.value[ENT_NAME], "上海ＡＢＣ１２３科技有限公司");
	cr_assert_str_eq(v.value[ENT_DESCRIPTION], "主营：芯片（车规级），年产能１００万片。");
	cr_assert_null(v.note[ENT_NAME]);
}
