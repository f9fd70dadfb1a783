/* Unit tests for content/article_tags and content/decision: the staff
 * forms' rules — districts and industries by slug, each once, industries
 * three at most; a revision is a whole number. */
#include <criterion/criterion.h>
#include <string.h>

#include "content/article_tags.h"
#include "content/decision.h"

static struct arena *arena;

static void setup(void)
{
	arena = arena_new();
}

static void teardown(void)
{
	arena_free(arena);
}

TestSuite(article_tags, .init = setup, .fini = teardown);

static size_t check(const char *districts, const char *industries, const char *citywide, struct field_values *v)
{
	const char *raw[TAGS__COUNT] = { districts, industries, citywide };
	return fields_check(article_tag_fields, TAGS__COUNT, raw, arena, v);
}

Test(article_tags, known_slugs_each_once_make_the_choice_in_the_order_given)
{
	struct field_values v;
	cr_assert_eq(check("pudong,jingan", "nev,ic", NULL, &v), 0);
	struct tag_choice c = article_tags_choice(&v, arena);
	cr_assert_eq(c.ndistricts, 2);
	cr_assert_str_eq(c.districts[0], "pudong");
	cr_assert_str_eq(c.districts[1], "jingan");
	cr_assert_eq(c.nindustries, 2);
	cr_assert_str_eq(c.industries[0], "nev", "the editor's order: strongest first");
	cr_assert_not(c.citywide);
}

Test(article_tags, unknown_names_repeats_and_a_fourth_industry_are_refused)
{
	struct field_values v;
	cr_assert_eq(check("浦东新区", NULL, NULL, &v), 1, "a district's name is not its slug");
	cr_assert_not_null(v.error[TAGS_DISTRICT]);
	cr_assert_eq(check("pudong,pudong", NULL, NULL, &v), 1, "a district twice");
	cr_assert_eq(check(NULL, "ic,steel-of-the-future", NULL, &v), 1);
	cr_assert_eq(check(NULL, "ic,nev,biomedicine,ai", NULL, &v), 1);
	cr_assert_not_null(strstr(v.error[TAGS_INDUSTRY], "最多选 3 个"), "%s", v.error[TAGS_INDUSTRY]);
	cr_assert_eq(check(NULL, NULL, "yes", &v), 1, "citywide is 1 or nothing");
}

Test(article_tags, city_wide_only_without_districts)
{
	struct field_values v;
	cr_assert_eq(check(NULL, "ic", "1", &v), 0);
	cr_assert(article_tags_choice(&v, arena).citywide);
	cr_assert_eq(check("xuhui", "ic", "1", &v), 0);
	cr_assert_not(article_tags_choice(&v, arena).citywide, "a district makes it not city-wide");
}

Test(article_tags, blank_checkboxes_choose_nothing)
{
	struct field_values v;
	cr_assert_eq(check("", "", NULL, &v), 0);
	struct tag_choice c = article_tags_choice(&v, arena);
	cr_assert_eq(c.ndistricts + c.nindustries, 0);
}

Test(article_tags, a_revision_is_a_positive_whole_number)
{
	const char *good[] = { "1", "42", "9223372036854775807" }, *bad[] = { "0", "-3", "1.0", "abc", "9223372036854775808" };
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		struct field_values v;
		const char *raw[DECISION__COUNT] = { good[i], NULL };
		cr_assert_eq(fields_check(decision_fields, DECISION__COUNT, raw, arena, &v), 0, "revision=%s", good[i]);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct field_values v;
		const char *raw[DECISION__COUNT] = { bad[i], NULL };
		cr_assert_eq(fields_check(decision_fields, DECISION__COUNT, raw, arena, &v), 1, "revision=%s", bad[i]);
	}
}

Test(article_tags, a_reason_has_five_hundred_characters_at_most)
{
	struct buf *b = arena_buf(arena);
	for (int i = 0; i < DECISION_REASON_MAX_CHARS; i++)
		buf_puts(b, "因");
	struct field_values v;
	const char *raw[DECISION__COUNT] = { NULL, buf_cstr(b) };
	cr_assert_eq(fields_check(decision_fields, DECISION__COUNT, raw, arena, &v), 0);
	buf_puts(b, "因");
	raw[DECISION_REASON] = buf_cstr(b);
	cr_assert_eq(fields_check(decision_fields, DECISION__COUNT, raw, arena, &v), 1);
}
