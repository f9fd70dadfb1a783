/* Unit tests for content/places: districts by name and by place, and 全市. */
#include <criterion/criterion.h>

#include "content/places.h"

static struct district_tags tag(const char *title, const char *body)
{
	struct district_tags t;
	places_tag(str_from(title), str_from(body), &t);
	return t;
}

static void expect(struct district_tags t, const char *const *slugs, size_t n)
{
	cr_assert_eq(t.n, n, "%zu districts, want %zu", t.n, n);
	for (size_t i = 0; i < n; i++)
		cr_assert_str_eq(t.districts[i]->slug, slugs[i], "district %zu", i);
}

Test(places, a_district_named_in_the_title_is_the_article_s)
{
	expect(tag("宝山区发放5000万元委托贷款", "支持中小企业发展。"), (const char *[]){ "baoshan" }, 1);
	expect(tag("金山14个产业项目集中开工", ""), (const char *[]){ "jinshan" }, 1);
	expect(tag("浦东新区与闵行区联合招商", "闵行区……闵行……"), (const char *[]){ "minhang", "pudong" }, 2);
}

Test(places, a_passing_mention_in_the_body_is_not_a_tag_when_another_dominates)
{
	expect(tag("新能源项目签约", "青浦区今天签约……青浦区还将……与徐汇区的经验相比……青浦"),
	       (const char *[]){ "qingpu" }, 1);
	expect(tag("项目签约", "奉贤区举办签约会。"), (const char *[]){ "fengxian" }, 1);
}

Test(places, well_known_places_give_their_district)
{
	expect(tag("陆家嘴金融城新政发布", "支持总部经济。"), (const char *[]){ "pudong" }, 1);
	expect(tag("张江科学城再添新项目", ""), (const char *[]){ "pudong" }, 1);
	expect(tag("临港新片区发布人才新政", ""), (const char *[]){ "pudong" }, 1);
	expect(tag("朱家角古镇文旅项目开工", "赵巷商业商务区同步推进。"), (const char *[]){ "qingpu" }, 1);
	expect(tag("外高桥保税区进口博览会溢出效应", ""), (const char *[]){ "pudong" }, 1);
}

Test(places, an_explicit_name_outweighs_a_place)
{
	/* 静安 is named; 张江 is only where its partner is. */
	expect(tag("静安区企业与张江药企合作", "静安区将提供支持。"), (const char *[]){ "jingan" }, 1);
	expect(tag("松江综合保税区扩区", ""), (const char *[]){ "songjiang" }, 1);
}

Test(places, shanghai_as_a_whole_is_citywide_not_a_district)
{
	/* Districts and places once each, as examples in a city-wide article. */
	struct district_tags examples = tag("上海打造全球卓越制造基地", "在临港新片区形成产业链；浦东新区试点智能工厂；张江科学城引进研发中心。");
	cr_assert_eq(examples.n, 0, "%zu districts", examples.n);
	cr_assert(examples.citywide);
	struct district_tags t = tag("上海出台优化营商环境8.0版方案", "全市将推出一批改革举措。");
	cr_assert_eq(t.n, 0);
	cr_assert(t.citywide);
	t = tag("项目签约", "签约仪式举行。");
	cr_assert_eq(t.n, 0);
	cr_assert_not(t.citywide, "nothing says where");
	t = tag("上海市浦东新区签约", "");
	cr_assert(!t.citywide && t.n == 1, "a district named is not citywide");
}
