/* Unit tests for content/industry: keyword tagging, strongest first. */
#include <criterion/criterion.h>

#include <string.h>

#include "content/industry.h"

static size_t tag(const char *title, const char *body, const struct industry **out)
{
	return industry_tag(str_from(title), str_from(body), out, 3);
}

Test(industry, title_keywords_win)
{
	const struct industry *out[3];
	size_t n = tag("浦东新区集成电路产业集中签约", "签约项目涉及芯片设计。", out);
	cr_assert_geq(n, 1);
	cr_assert_str_eq(out[0]->slug, "ic");
}

Test(industry, synonyms_count_and_the_strongest_comes_first)
{
	const struct industry *out[3];
	size_t n = tag("青浦深化充电基础设施布局", "公共充电桩建设……充电桩覆盖……探索车网互动，并引入融资。", out);
	cr_assert_geq(n, 1);
	cr_assert_str_eq(out[0]->slug, "nev");
	for (size_t i = 0; i < n; i++)
		cr_assert_str_neq(out[i]->slug, "finance", "one body mention is not enough");
}

Test(industry, one_body_mention_is_not_a_tag)
{
	const struct industry *out[3];
	cr_assert_eq(tag("区政府召开工作会议", "会上提到了旅游。", out), 0);
}

Test(industry, slugs_are_unique_and_found)
{
	for (size_t i = 0; i < INDUSTRY_COUNT; i++) {
		cr_assert_eq(industry_by_slug(str_from(industries[i].slug)), &industries[i]);
		cr_assert_not_null(industries[i].keywords[0], "%s has no keywords", industries[i].slug);
	}
	cr_assert_null(industry_by_slug(str_from("集成电路")));
}

Test(industry, a_keyword_inside_another_counts_once)
{
	const struct industry *out[3];
	cr_assert_eq(tag("区政府工作会议", "推动生物医药发展。", out), 0);
	cr_assert_eq(tag("区政府工作会议", "该区房地产市场平稳。", out), 0);
	cr_assert_eq(tag("区政府工作会议", "发展现代农业。", out), 0);
	/* No keyword may contain another of any industry, or one mention
	 * would count twice. */
	for (size_t i = 0; i < INDUSTRY_COUNT; i++)
		for (const char *const *a = industries[i].keywords; *a; a++)
			for (size_t j = 0; j < INDUSTRY_COUNT; j++)
				for (const char *const *b = industries[j].keywords; *b; b++)
					cr_assert(a == b || !strstr(*a, *b), "\"%s\" contains \"%s\"", *a, *b);
}
