/* Unit tests for content/industry: which industries an article is about,
 * weighed by the article's length and its title, strongest first. */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content/article.h"
#include "content/industry.h"
#include "content/parse.h"
#include "harness.h"
#include "sink.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/utf8.h"

static const struct industry *out[3];

static size_t tag(const char *title, const char *body)
{
	return industry_tag(str_from(title), str_from(body), out, 3);
}

/* True when the n industries in out include slug. */
static bool has(size_t n, const char *slug)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(out[i]->slug, slug))
			return true;
	return false;
}

/* A body of exactly chars characters: text, then a character no word holds. */
static char *padded(const char *text, size_t chars)
{
	size_t have = utf8_length(text, strlen(text));
	cr_assert_leq(have, chars);
	char *pad = repeat("好", chars - have), *body = fmt("%s%s", text, pad);
	free(pad);
	return body;
}

/* A neutral sentence of 20 characters that names no industry. */
#define NEUTRAL "区里将持续优化营商环境，提升企业服务效率。"

/* The rule */

Test(industry, title_keywords_win)
{
	size_t n = tag("浦东新区集成电路产业集中签约", "签约项目涉及芯片设计。");
	cr_assert_geq(n, 1);
	cr_assert_str_eq(out[0]->slug, "ic");
}

Test(industry, synonyms_count_and_the_strongest_comes_first)
{
	size_t n = tag("青浦深化充电基础设施布局", "公共充电桩建设……充电桩覆盖……探索车网互动，并引入融资。");
	cr_assert_geq(n, 1);
	cr_assert_str_eq(out[0]->slug, "nev");
	cr_assert_not(has(n, "finance"), "one related word is not enough");
}

Test(industry, a_short_article_naming_an_industry_once_is_tagged_with_it)
{
	size_t n = tag("安亭镇举办招商推介会",
		       "嘉定区安亭镇近日举办招商推介会，重点推介安亭汽车城新能源汽车零部件产业园的载体资源和扶持政策，"
		       "现场签约项目5个，总投资约12亿元。镇投资促进办公室表示，将为落户企业提供用地、审批和人才等全流程服务。");
	cr_assert_eq(n, 1);
	cr_assert_str_eq(out[0]->slug, "nev");
}

Test(industry, one_keyword_is_enough_up_to_500_characters)
{
	char *at_500 = padded("推动生物医药发展。", 500), *at_501 = padded("推动生物医药发展。", 501);
	cr_assert_eq(tag("区政府工作会议", at_500), 1);
	cr_assert_str_eq(out[0]->slug, "biomedicine");
	cr_assert_eq(tag("区政府工作会议", at_501), 0, "501 characters need a weight of 3");
	free(at_500);
	free(at_501);
}

Test(industry, a_passing_mention_in_a_long_article_is_no_tag)
{
	char *filler = repeat(NEUTRAL, 75); /* 1,500 characters */
	char *body = fmt("%s会上还提到，区内生物医药企业数量稳步增长。%s", filler, filler);
	cr_assert_gt(utf8_length(body, strlen(body)), 3000);
	cr_assert_eq(tag("区政府召开全区工作会议", body), 0);
	free(body);
	free(filler);
}

Test(industry, a_long_article_needs_one_keyword_per_500_characters)
{
	/* 3,000 characters: a weight of 12, six keywords, is enough; five are not. */
	char *five = padded("生物医药、创新药、医疗器械、细胞治疗、基因治疗", 3000);
	char *six = padded("生物医药、创新药、医疗器械、细胞治疗、基因治疗、疫苗", 3000);
	cr_assert_eq(tag("区政府工作会议", five), 0);
	cr_assert_eq(tag("区政府工作会议", six), 1);
	cr_assert_str_eq(out[0]->slug, "biomedicine");
	free(five);
	free(six);
}

Test(industry, a_title_mention_always_counts)
{
	char *body = repeat(NEUTRAL, 150); /* 3,000 characters naming no industry */
	cr_assert_eq(tag("松江区生物医药产业推介会举行", body), 1);
	cr_assert_str_eq(out[0]->slug, "biomedicine");
	free(body);
}

Test(industry, a_title_mention_counts_beside_a_stronger_industry)
{
	size_t n = tag("浦东新区集成电路项目签约 涉及人工智能",
		       "本次签约的集成电路项目涵盖芯片设计、晶圆制造和封装测试，半导体材料企业也有落户。");
	cr_assert_eq(n, 2);
	cr_assert_str_eq(out[0]->slug, "ic");
	cr_assert_str_eq(out[1]->slug, "ai");
}

Test(industry, a_related_word_alone_is_no_tag)
{
	/* 闵行's 企业服务直通车: logistics is a complaint here, not an industry. */
	cr_assert_eq(tag("企业服务直通车走进园区", "对企业反映的用工招聘、物流交通等问题，由区里牵头逐项跟踪办理。"), 0);
}

Test(industry, related_words_alone_never_tag_but_add_to_a_named_industry)
{
	const char *body = "新引进的企业从事冷链物流和城市配送物流，预计年营业收入5亿元。";
	cr_assert_eq(tag("园区新引进一批企业", body), 0);
	cr_assert_eq(tag("园区新引进一批物流企业", body), 1);
	cr_assert_str_eq(out[0]->slug, "services");
	/* 现代服务业 is a keyword: the two 物流 add to it. */
	cr_assert_eq(tag("园区新引进一批企业", "发展现代服务业：新引进的企业从事冷链物流和城市配送物流。"), 1);
	cr_assert_str_eq(out[0]->slug, "services");
}

Test(industry, a_real_estate_article_that_mentions_financing_once_is_not_finance)
{
	size_t n = tag("宝山区一住宅项目开工", "该住宅项目总建筑面积约12万平方米，开发企业已落实融资，预计明年交付。");
	cr_assert_eq(n, 1);
	cr_assert_str_eq(out[0]->slug, "real-estate");
	n = tag("青浦区数字物流企业集中入驻",
		"15家物流企业入驻物流产业园，园区联合金融机构推出供应链融资产品，首批授信额度8亿元。");
	cr_assert_eq(n, 1, "金融机构 and 融资 in passing: %zu tags", n);
	cr_assert_str_eq(out[0]->slug, "services");
}

Test(industry, a_passing_keyword_beside_a_dominant_industry_is_no_tag)
{
	/* 徐汇's AI conference opens 医疗、教育、文旅 scenes to AI firms. */
	size_t n = tag("徐汇区人工智能产业大会发布新政",
		       "对租用公共算力平台的人工智能企业给予补贴；区内医疗、教育、文旅等领域将发布应用场景清单；"
		       "全区人工智能企业已超过1200家，大模型备案数量居全市前列。");
	cr_assert_eq(n, 1);
	cr_assert_str_eq(out[0]->slug, "ai");
}

Test(industry, new_energy_vehicles_are_not_new_energy)
{
	size_t n = tag("嘉定区招商推介会举行", "新能源汽车整车和零部件企业集中签约，新能源汽车产业链再添新项目。");
	cr_assert_eq(n, 1);
	cr_assert_str_eq(out[0]->slug, "nev");
	n = tag("奉贤区招商推介会举行", "新能源项目集中签约，涵盖分布式光伏、海上风电和新型储能。");
	cr_assert_eq(n, 1);
	cr_assert_str_eq(out[0]->slug, "green");
}

Test(industry, new_energy_alone_counts_half)
{
	cr_assert_eq(tag("区政府工作会议", "会议提到新能源。"), 0);
	cr_assert_eq(tag("松江区新能源项目签约", "签约仪式举行。"), 1);
	cr_assert_str_eq(out[0]->slug, "green");
}

Test(industry, biomedicine_counts_once_and_medicine_alone_counts)
{
	/* Were 生物医药 also read as 医药, 501 characters would reach a weight of 4. */
	char *body = padded("推动生物医药发展。", 501);
	cr_assert_eq(tag("区政府工作会议", body), 0);
	free(body);
	cr_assert_eq(tag("区政府工作会议", "医药企业集中签约。"), 1);
	cr_assert_str_eq(out[0]->slug, "biomedicine");
}

Test(industry, a_word_of_two_industries_counts_for_both)
{
	size_t n = tag("松江区重大项目签约", "签约项目涉及集成电路装备。");
	cr_assert_eq(n, 2);
	cr_assert_str_eq(out[0]->slug, "ic", "ties go to the list's order at one place");
	cr_assert_str_eq(out[1]->slug, "equipment");
	n = tag("宝山区机器人产业园签约", "签约项目涉及整机和零部件。");
	cr_assert(has(n, "ai") && has(n, "equipment"), "%zu tags", n);
}

Test(industry, ties_go_to_the_industry_named_first)
{
	size_t n = tag("浦东新区外资研发中心揭牌", "揭牌的研发中心涉及新材料、生物医药和高端装备等领域。");
	cr_assert_eq(n, 3);
	cr_assert_str_eq(out[0]->slug, "materials");
	cr_assert_str_eq(out[1]->slug, "biomedicine");
	cr_assert_str_eq(out[2]->slug, "equipment");
}

Test(industry, a_short_list_of_many_industries_keeps_the_first_three_named)
{
	size_t n = tag("上海发布产业政策", "政策支持集成电路、生物医药、人工智能、新能源汽车、高端装备、新材料等产业发展。");
	cr_assert_eq(n, 3);
	cr_assert_str_eq(out[0]->slug, "ic");
	cr_assert_str_eq(out[1]->slug, "biomedicine");
	cr_assert_str_eq(out[2]->slug, "ai");
}

Test(industry, a_long_policy_article_listing_many_industries_once_is_about_none)
{
	char *filler = repeat(NEUTRAL, 30); /* 600 characters */
	char *body = fmt("%s重点支持集成电路、生物医药、人工智能、新能源汽车、高端装备、新材料等产业。%s", filler, filler);
	cr_assert_eq(tag("上海发布新一轮招商引资服务保障措施", body), 0);
	free(body);
	free(filler);
}

Test(industry, a_policy_article_s_title_industry_comes_first)
{
	char *filler = repeat(NEUTRAL, 30);
	char *body = fmt("%s重点支持集成电路、生物医药、人工智能、新能源汽车、高端装备、新材料等产业。%s", filler, filler);
	cr_assert_eq(tag("上海发布促进新材料产业发展若干措施", body), 1);
	cr_assert_str_eq(out[0]->slug, "materials");
	free(body);
	free(filler);
}

Test(industry, each_industry_s_name_in_a_title_tags_it_first)
{
	for (size_t i = 0; i < INDUSTRY_COUNT; i++) {
		char *title = fmt("%s产业项目集中签约", industries[i].name);
		size_t n = tag(title, "签约仪式举行。");
		cr_assert_geq(n, 1, "%s", title);
		cr_assert_eq(out[0], &industries[i], "%s: %s first", title, out[0]->slug);
		free(title);
	}
}

Test(industry, stores_at_most_max)
{
	const struct industry *one[1];
	struct str t = str_from("集成电路与生物医药产业签约"), b = str_from("芯片和创新药项目。");
	cr_assert_eq(industry_tag(t, b, one, 1), 1);
	cr_assert_str_eq(one[0]->slug, "ic");
	cr_assert_eq(industry_tag(t, b, one, 0), 0);
}

Test(industry, empty_and_broken_text_tags_nothing)
{
	cr_assert_eq(industry_tag((struct str){ NULL, 0 }, (struct str){ NULL, 0 }, out, 3), 0);
	/* 芯片 cut after its first byte, and stray continuation bytes */
	cr_assert_eq(tag("\xe8", "\x8a\xaf\xe7\x89\x87\xe8"), 0);
}

Test(industry, slugs_are_unique_and_found)
{
	for (size_t i = 0; i < INDUSTRY_COUNT; i++) {
		cr_assert_eq(industry_by_slug(str_from(industries[i].slug)), &industries[i]);
		cr_assert_not_null(industries[i].keywords[0], "%s has no keywords", industries[i].slug);
	}
	cr_assert_null(industry_by_slug(str_from("集成电路")));
}

Test(industry, word_lists_end_in_room_and_hold_each_word_once)
{
	for (size_t i = 0; i < INDUSTRY_COUNT; i++) {
		const char *const *lists[2] = { industries[i].keywords, industries[i].related };
		for (size_t l = 0; l < 2; l++) {
			cr_assert_null(lists[l][INDUSTRY_KEYWORDS_MAX - 1], "%s: list %zu is full", industries[i].slug, l);
			for (size_t a = 0; lists[l][a]; a++) {
				cr_assert(strlen(lists[l][a]) > 0 && strlen(lists[l][a]) < 256, "%s", lists[l][a]);
				for (size_t m = 0; m < 2; m++)
					for (size_t b = 0; lists[m][b]; b++)
						cr_assert(&lists[l][a] == &lists[m][b] || strcmp(lists[l][a], lists[m][b]),
							  "%s lists \"%s\" twice", industries[i].slug, lists[l][a]);
			}
		}
	}
}

/* The demo corpus and the seed, read article by article */

/* What an article is about, decided by reading it: want holds the
 * industries it is really about, strongest first (want[0] must come
 * first); may those a reader could also file it under, which are neither
 * required nor wrong. */
struct expectation {
	const char *title_part;
	const char *want[4];
	const char *may[4];
};

static const struct expectation demo[] = {
	/* data/demo/articles.txt */
	{ "浦东新区集成电路产业", { "ic" }, { NULL } },
	{ "黄浦区举办金融服务业", { "finance" }, { NULL } },
	/* 文旅 is one of the scenes opened to AI firms. */
	{ "徐汇区人工智能产业生态", { "ai" }, { NULL } },
	/* 融资 is one of the firms' requests. */
	{ "长宁区数字经济", { "software" }, { NULL } },
	{ "静安区专业服务业", { "services" }, { NULL } },
	/* A science park shows itself to 智能制造 and 软件信息 firms. */
	{ "普陀区科创园区", { "equipment", "software" }, { NULL } },
	/* Shipping services; 航运金融 is one of four fields. */
	{ "虹口北外滩航运", { "services" }, { "finance" } },
	/* University spin-offs in 新材料 and 生物技术 meet investors. */
	{ "杨浦区高校科技成果", { "materials", "biomedicine" }, { "finance" } },
	{ "闵行区生物医药产业园", { "biomedicine" }, { NULL } },
	{ "宝山区新材料产业", { "materials" }, { NULL } },
	{ "嘉定区新能源汽车", { "nev" }, { NULL } },
	{ "金山区化工新材料", { "materials" }, { NULL } },
	/* Advanced manufacturing (19 of 25 projects), in 工业互联网,
	 * 集成电路装备, 新能源 and 生物医药. */
	{ "松江G60", { "equipment", "ic", "biomedicine" }, { "green" } },
	/* Logistics firms; one sentence on a bank's supply-chain loans. */
	{ "青浦区数字物流", { "services" }, { NULL } },
	/* data/demo/articles.jsonl */
	/* 美丽健康 (cosmetics, health food, medical-aesthetics devices). */
	{ "奉贤区美丽健康", { "biomedicine" }, { NULL } },
	{ "崇明区现代农业", { "agriculture" }, { "tourism" } },
	/* Investment services for every project: no industry. */
	{ "上海发布新一轮招商引资", { NULL }, { NULL } },
	/* R&D centres of 生物医药, 高端装备 and consumer-goods firms. */
	{ "浦东新区外资研发中心", { "biomedicine", "equipment" }, { NULL } },
	/* Officials visit parks; 物流交通 is a complaint. */
	{ "闵行区“企业服务直通车”", { NULL }, { NULL } },
	/* MEMS 芯片设计 and 封装测试. */
	{ "嘉定区智能传感器", { "ic" }, { NULL } },
	{ "松江区文旅产业", { "tourism" }, { NULL } },
	/* Trade fairs: 商贸, 会展物流; hotels. */
	{ "青浦区会展经济", { "services" }, { "tourism" } },
	{ "徐汇滨江文化创意", { "tourism" }, { NULL } },
	/* Industrial robots: AI and equipment. */
	{ "宝山区机器人产业园", { "ai", "equipment" }, { NULL } },
	{ "金山区乡村振兴", { "agriculture", "tourism" }, { NULL } },
	/* Foreign firms on the business climate; 信息技术 is one of their fields. */
	{ "长宁区外资企业圆桌会", { NULL }, { NULL } },
};

static const struct expectation seed[] = {
	/* A statistics bureau's meeting; 数字经济 and 大数据 are its tools. */
	{ "浦东新区统计调查", { NULL }, { NULL } },
	/* Clearing illegal buildings to restore 生态环境. */
	{ "普陀区出", { "green" }, { NULL } },
	/* Charging piles; a section on 绿色经济: 低碳, 碳排放, 光伏. */
	{ "青浦深化充电", { "nev", "green" }, { NULL } },
	/* 现代服务业 hub; its park grows 软件信息. */
	{ "青浦赵巷", { "services", "software" }, { NULL } },
	/* Faster approvals; the 14 projects' fields are listed once. */
	{ "金山14个产业项目", { NULL }, { "equipment" } },
	/* A housing project's bridge loan. */
	{ "上海宝山住宅", { "real-estate", "finance" }, { NULL } },
	/* Administrative approvals: no industry. */
	{ "上海保税区", { NULL }, { NULL } },
	{ "上海持续领跑", { "finance" }, { NULL } },
	/* The eco-island's laws: green investment, 生态农业 among its fields. */
	{ "上海崇明生态", { "green" }, { "agriculture" } },
	/* 技改 and 智能制造; a supply-chain finance platform and robot lines
	 * are its examples. */
	{ "全球卓越制造基地", { "equipment" }, { "finance", "ai" } },
};

static bool listed(const char *const *list, size_t n, const char *slug)
{
	for (size_t i = 0; i < n && list[i]; i++)
		if (!strcmp(list[i], slug))
			return true;
	return false;
}

/* Appends to misses a line saying how a's industries miss e, if they do. */
static void check(const struct expectation *e, const struct article *a, struct buf *misses)
{
	bool ok = !e->want[0] || (a->nindustries && !strcmp(a->industries[0], e->want[0]));
	for (size_t i = 0; e->want[i]; i++)
		ok = ok && listed(a->industries, a->nindustries, e->want[i]);
	for (size_t i = 0; i < a->nindustries; i++)
		ok = ok && (listed(e->want, 4, a->industries[i]) || listed(e->may, 4, a->industries[i]));
	if (ok)
		return;
	buf_printf(misses, "\n%s: tagged", a->title);
	for (size_t i = 0; i < a->nindustries; i++)
		buf_printf(misses, " %s", a->industries[i]);
	buf_puts(misses, "; wanted");
	for (size_t i = 0; e->want[i]; i++)
		buf_printf(misses, " %s", e->want[i]);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	rewind(f);
	char *data = malloc(*len + 1);
	cr_assert_eq(fread(data, 1, *len, f), *len);
	data[*len] = '\0';
	fclose(f);
	return data;
}

/* Reads the articles of a listing (or, with jsonl, JSON Lines) file into r;
 * false when the file cannot be read. */
static bool load(struct recorder *r, const char *path, bool jsonl)
{
	size_t len;
	char *data = path ? slurp(path, &len) : NULL;
	struct parse_sink sink = recorder_sink(r);
	if (!data)
		return false;
	(jsonl ? jsonl_parse : listing_parse)((struct str){ data, len }, &sink);
	free(data);
	cr_assert_eq(r->nerrors, 0, "%s: %s", path, r->nerrors ? r->errors[0] : "");
	return true;
}

/* The article of one of the nr files titled with part. */
static const struct recorded_item *titled(const struct recorder *r, size_t nr, const char *part)
{
	const struct recorded_item *found = NULL;
	for (size_t f = 0; f < nr; f++)
		for (size_t i = 0; i < r[f].nitems; i++)
			if (strstr(r[f].items[i].title, part)) {
				cr_assert_null(found, "two articles titled with %s", part);
				found = &r[f].items[i];
			}
	cr_assert_not_null(found, "no article titled with %s", part);
	return found;
}

/* Prepares each article of the nr files as the importer does and checks it
 * against the n expectations, which must cover them exactly; returns the
 * misses, one a line (the caller frees). */
static char *misses_of(const struct recorder *r, size_t nr, const struct expectation *e, size_t n)
{
	size_t items = 0;
	for (size_t f = 0; f < nr; f++)
		items += r[f].nitems;
	cr_assert_eq(items, n, "%zu articles, %zu expectations", items, n);
	struct arena *arena = arena_new();
	struct buf misses = { 0 }, err = { 0 };
	for (size_t k = 0; k < n; k++) {
		const struct recorded_item *it = titled(r, nr, e[k].title_part);
		struct article_input in = { .title = str_from(it->title), .body = str_from(it->body),
					    .date = str_from(it->date), .district = str_from(it->district),
					    .source = str_from(it->source) };
		struct article a;
		cr_assert_eq(article_prepare(&in, arena, &a, &err), 0, "%s: %s", it->title, buf_cstr(&err));
		check(&e[k], &a, &misses);
	}
	arena_free(arena);
	buf_free(&err);
	char *s = strdup(buf_cstr(&misses));
	buf_free(&misses);
	return s;
}

Test(industry, each_demo_article_gets_the_industries_its_text_is_about)
{
	struct recorder r[2];
	cr_assert(load(&r[0], "data/demo/articles.txt", false));
	cr_assert(load(&r[1], "data/demo/articles.jsonl", true));
	char *misses = misses_of(r, 2, demo, sizeof(demo) / sizeof(demo[0]));
	cr_expect_str_empty(misses, "%s", misses);
	free(misses);
	recorder_free(&r[0]);
	recorder_free(&r[1]);
}

Test(industry, each_seed_article_gets_the_industries_its_text_is_about)
{
	struct recorder r;
	if (!load(&r, seed_path(), false))
		cr_skip_test("../shared/seed is not in this checkout");
	char *misses = misses_of(&r, 1, seed, sizeof(seed) / sizeof(seed[0]));
	cr_expect_str_empty(misses, "%s", misses);
	free(misses);
	recorder_free(&r);
}

Test(industry, an_article_that_names_an_industry_in_its_title_is_tagged)
{
	struct recorder r[3];
	cr_assert(load(&r[0], "data/demo/articles.txt", false));
	cr_assert(load(&r[1], "data/demo/articles.jsonl", true));
	load(&r[2], seed_path(), false);
	for (size_t f = 0; f < 3; f++) {
		for (size_t i = 0; i < r[f].nitems; i++) {
			const struct recorded_item *it = &r[f].items[i];
			bool named = false;
			for (size_t k = 0; k < INDUSTRY_COUNT && !named; k++)
				for (size_t w = 0; industries[k].keywords[w] && !named; w++)
					named = strstr(it->title, industries[k].keywords[w]) != NULL;
			if (named)
				cr_expect_gt(tag(it->title, it->body), 0, "%s", it->title);
		}
		recorder_free(&r[f]);
	}
}

/* Speed */

Test(industry, seed_speed)
{
	struct recorder r;
	if (!load(&r, seed_path(), false))
		cr_skip_test("../shared/seed is not in this checkout");
	enum { ROUNDS = 2000 };
	size_t chars = 0, found = 0;
	for (size_t i = 0; i < r.nitems; i++)
		chars += utf8_length(r.items[i].body, strlen(r.items[i].body));
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int k = 0; k < ROUNDS; k++)
		for (size_t i = 0; i < r.nitems; i++)
			found += tag(r.items[i].title, r.items[i].body);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double us = (double)(t1.tv_sec - t0.tv_sec) * 1e6 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e3;
	double per_kchar = us / ((double)chars * ROUNDS / 1000);
	cr_log_info("industry_tag: %.2f µs per 1,000 characters, %.2f µs per article (%zu chars, %zu tags)",
		    per_kchar, us / ((double)r.nitems * ROUNDS), chars / r.nitems, found / ROUNDS);
	/* Generous enough for sanitizer builds; catches a quadratic slip. */
	cr_assert_lt(per_kchar, 500, "%.2f µs per 1,000 characters", per_kchar);
	recorder_free(&r);
}
