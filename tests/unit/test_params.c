/* Unit tests for http/params: one reader for every route's query
 * parameters — what each kind accepts, what it refuses with which code,
 * and what absence means. */
#include <criterion/criterion.h>
#include <string.h>

#include "http/params.h"

static struct arena *arena;

static void setup(void)
{
	arena = arena_new();
}

static void teardown(void)
{
	arena_free(arena);
}

TestSuite(params, .init = setup, .fini = teardown);

static const char *const sorts[] = { "relevance", "date" };
static const char *const done_names[] = { "saved", "added" };
static const char *const done_notices[] = { "已保存。", "已添加。" };

enum { P_Q, P_DISTRICT, P_FROM, P_SORT, P_PAGE, P_FLAG, P_DONE, P_STATUS, P__COUNT };
static const struct param_rule rules[P__COUNT] = {
	[P_Q] = { .name = "q", .kind = PARAM_QUERY },
	[P_DISTRICT] = PARAM_DISTRICT_RULE,
	[P_FROM] = PARAM_DATE_RULE("from"),
	[P_SORT] = { .name = "sort", .kind = PARAM_CHOICE, .choices = sorts, .nchoices = PARAMS_COUNT(sorts),
		     .code = "invalid_sort", .message = "排序方式不对。" },
	[P_PAGE] = PARAM_PAGE_RULE,
	[P_FLAG] = { .name = "handled", .kind = PARAM_FLAG },
	[P_DONE] = PARAM_NOTICE_RULE(done_names, done_notices),
	[P_STATUS] = PARAM_STATUS_RULE,
};

/* Parses raw (P__COUNT values, NULL for absent); on refusal err is set. */
static bool parse(const char *const raw[P__COUNT], struct param_values *v, struct param_error *err)
{
	return params_parse(rules, P__COUNT, raw, arena, v, err);
}

static struct param_values accepted(const char *const raw[P__COUNT])
{
	struct param_values v;
	struct param_error err = { 0 };
	cr_assert(parse(raw, &v, &err), "refused: %s %s", err.code, err.message);
	return v;
}

static const char *refused_code(const char *const raw[P__COUNT])
{
	struct param_values v;
	struct param_error err = { 0 };
	cr_assert_not(parse(raw, &v, &err));
	cr_assert_not_null(err.message, "a refusal says why");
	return err.code;
}

Test(params, nothing_given_reads_as_each_kinds_default)
{
	const char *raw[P__COUNT] = { 0 };
	struct param_values v = accepted(raw);
	cr_assert_str_eq(v.text[P_Q], "", "no search words is an empty query");
	cr_assert_null(v.text[P_DISTRICT]);
	cr_assert_null(v.text[P_FROM]);
	cr_assert_eq(v.number[P_SORT], 0, "the first choice by default");
	cr_assert_eq(v.number[P_PAGE], 1);
	cr_assert_eq(v.number[P_FLAG], 0);
	cr_assert_null(v.text[P_DONE]);
	cr_assert_eq(v.number[P_STATUS], REVIEW_PENDING);
}

Test(params, good_values_are_read)
{
	const char *raw[P__COUNT] = { "浦东 招商", "pudong", "2026-02-28", "date", "3", "1", "added", "rejected" };
	struct param_values v = accepted(raw);
	cr_assert_str_eq(v.text[P_Q], "浦东 招商");
	cr_assert_str_eq(v.text[P_DISTRICT], "pudong");
	cr_assert_str_eq(v.text[P_FROM], "2026-02-28");
	cr_assert_eq(v.number[P_SORT], 1);
	cr_assert_eq(v.number[P_PAGE], 3);
	cr_assert_eq(v.number[P_FLAG], 1);
	cr_assert_str_eq(v.text[P_DONE], "已添加。");
	cr_assert_eq(v.number[P_STATUS], REVIEW_REJECTED);
}

Test(params, empty_slugs_dates_and_choices_are_absent)
{
	const char *raw[P__COUNT] = { "", "", "", "", NULL, "", "", "" };
	struct param_values v = accepted(raw);
	cr_assert_null(v.text[P_DISTRICT]);
	cr_assert_null(v.text[P_FROM]);
	cr_assert_eq(v.number[P_SORT], 0);
	cr_assert_eq(v.number[P_STATUS], REVIEW_PENDING);
}

Test(params, each_wrong_value_gets_its_own_code)
{
	cr_assert_str_eq(refused_code((const char *[P__COUNT]){ [P_Q] = "\xff" }), "invalid_encoding");
	char long_query[700] = "";
	for (int i = 0; i < 201; i++)
		strcat(long_query, "字");
	cr_assert_str_eq(refused_code((const char *[P__COUNT]){ [P_Q] = long_query }), "query_too_long");
	cr_assert_str_eq(refused_code((const char *[P__COUNT]){ [P_DISTRICT] = "浦东" }), "invalid_district",
			 "a name is not a slug");
	cr_assert_str_eq(refused_code((const char *[P__COUNT]){ [P_DISTRICT] = "Pudong" }), "invalid_district");
	cr_assert_str_eq(refused_code((const char *[P__COUNT]){ [P_FROM] = "2026-02-30" }), "invalid_date");
	cr_assert_str_eq(refused_code((const char *[P__COUNT]){ [P_FROM] = "2026-2-3" }), "invalid_date");
	cr_assert_str_eq(refused_code((const char *[P__COUNT]){ [P_SORT] = "newest" }), "invalid_sort");
	cr_assert_str_eq(refused_code((const char *[P__COUNT]){ [P_STATUS] = "Pending" }), "invalid_status");
}

Test(params, a_page_is_a_whole_number_in_range_and_an_empty_one_is_wrong)
{
	const char *bad[] = { "0", "-1", "1.5", "abc", "1000001", "", " 2" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct param_values v;
		struct param_error err = { 0 };
		cr_assert_not(parse((const char *[P__COUNT]){ [P_PAGE] = bad[i] }, &v, &err), "page=%s", bad[i]);
		cr_assert_str_eq(err.code, "invalid_page");
		cr_assert_str_eq(err.message, "页码应为 1 到 1000000 之间的整数。");
	}
	cr_assert_eq(accepted((const char *[P__COUNT]){ [P_PAGE] = "1000000" }).number[P_PAGE], 1000000);
}

Test(params, an_unknown_notice_is_no_notice_not_an_error)
{
	struct param_values v = accepted((const char *[P__COUNT]){ [P_DONE] = "<script>" });
	cr_assert_null(v.text[P_DONE], "the page never echoes what the URL says");
}

Test(params, only_1_raises_a_flag)
{
	cr_assert_eq(accepted((const char *[P__COUNT]){ [P_FLAG] = "true" }).number[P_FLAG], 0);
	cr_assert_eq(accepted((const char *[P__COUNT]){ [P_FLAG] = "1" }).number[P_FLAG], 1);
}

Test(params, the_first_wrong_parameter_in_table_order_is_reported)
{
	cr_assert_str_eq(refused_code((const char *[P__COUNT]){ [P_DISTRICT] = "x", [P_PAGE] = "0" }), "invalid_district");
}
