/* Unit tests for content/district: the fixed slugs and finding names in text. */
#include <criterion/criterion.h>
#include <string.h>

#include "content/district.h"

Test(district, has_the_sixteen_slugs_of_the_brief_in_order)
{
	static const char *const slugs[] = { "huangpu", "xuhui", "changning", "jingan", "putuo", "hongkou",
					     "yangpu", "minhang", "baoshan", "jiading", "pudong", "jinshan",
					     "songjiang", "qingpu", "fengxian", "chongming" };
	for (size_t i = 0; i < DISTRICT_COUNT; i++)
		cr_assert_str_eq(districts[i].slug, slugs[i]);
}

Test(district, looks_up_by_slug_full_name_and_short_name)
{
	cr_assert_str_eq(district_lookup(str_from("pudong"))->name, "浦东新区");
	cr_assert_str_eq(district_lookup(str_from("浦东新区"))->slug, "pudong");
	cr_assert_str_eq(district_lookup(str_from("浦东"))->slug, "pudong");
	cr_assert_str_eq(district_lookup(str_from("静安区"))->slug, "jingan");
}

Test(district, unknown_names_are_not_found)
{
	cr_assert_null(district_lookup(str_from("")));
	cr_assert_null(district_lookup(str_from("Pudong")));
	cr_assert_null(district_lookup(str_from("浦东新")));
	cr_assert_null(district_lookup(str_from("上海市")));
}

Test(district, finds_every_district_named_in_a_title)
{
	const struct district *found[DISTRICT_COUNT];
	size_t n = district_find_in_text(str_from("浦东与闵行区联动 青浦赵巷"), found, DISTRICT_COUNT);
	cr_assert_eq(n, 3);
	cr_assert_str_eq(found[0]->slug, "minhang");
	cr_assert_str_eq(found[1]->slug, "pudong");
	cr_assert_str_eq(found[2]->slug, "qingpu");
	cr_assert_eq(district_find_in_text(str_from("上海保税区行政审批改革"), found, DISTRICT_COUNT), 0);
	cr_assert_eq(district_find_in_text(str_from("浦东新区、浦东"), found, 1), 1);
}
