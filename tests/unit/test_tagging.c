/* Unit tests: what tagging stores with an article — its facts and whether
 * it is city-wide — and reads back. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "content/article.h"
#include "domain/import.h"
#include "harness.h"
#include "store/articles.h"

static char *dir;
static struct store *store;
static struct arena *arena;
static struct buf err;

static void setup(void)
{
	dir = tmp_dir_new();
	char path[4200];
	snprintf(path, sizeof(path), "%s/t.db", dir);
	err = (struct buf){ 0 };
	cr_assert_eq(store_open(path, &store, &err), STORE_OK, "%s", buf_cstr(&err));
	arena = arena_new();
}

static void teardown(void)
{
	arena_free(arena);
	store_close(store);
	tmp_dir_remove(dir);
	buf_free(&err);
}

TestSuite(tagging, .init = setup, .fini = teardown, .timeout = 60);

/* Prepares and stores an article; returns it as read back. */
static struct article stored(const char *title, const char *body)
{
	struct article_input in = { .title = str_from(title), .body = str_from(body), .date = STR_LIT("2025-08-28") };
	struct article a, back;
	cr_assert_eq(article_prepare(&in, arena, &a, &err), 0, "%s", buf_cstr(&err));
	int64_t id;
	cr_assert_eq(store_article_insert(store, &a, &id), STORE_OK);
	cr_assert_eq(store_article_get(store, id, arena, &back), STORE_OK);
	return back;
}

Test(tagging, facts_are_stored_in_order_with_their_sentences)
{
	struct article a = stored("宝山区住宅项目获融资", "金融机构提供5000万元委托贷款，期限6个月。全区14个产业项目集中开工，超六成已投产。");
	cr_assert_geq(a.nfacts, 3);
	size_t money = a.nfacts, count = a.nfacts, percent = a.nfacts;
	for (size_t i = 0; i < a.nfacts; i++) {
		if (!strcmp(a.facts[i].kind, "money") && money == a.nfacts)
			money = i;
		if (!strcmp(a.facts[i].kind, "count") && count == a.nfacts)
			count = i;
		if (!strcmp(a.facts[i].kind, "percent") && percent == a.nfacts)
			percent = i;
	}
	cr_assert_lt(money, count, "in text order");
	cr_assert_eq(a.facts[money].value, 50000000.0);
	cr_assert_str_eq(a.facts[money].unit, "CNY");
	cr_assert_str_eq(a.facts[money].match, "5000万元");
	cr_assert(strstr(a.facts[money].sentence, "委托贷款"), "%s", a.facts[money].sentence);
	cr_assert_eq(a.facts[count].value, 14.0);
	cr_assert(strstr(a.facts[count].unit, "项目"), "%s", a.facts[count].unit);
	cr_assert_eq(a.facts[percent].value, 60.0);
	cr_assert_not(a.citywide);
	cr_assert_eq(a.ndistricts, 1);
	cr_assert_str_eq(a.districts[0], "baoshan");
}

Test(tagging, a_city_wide_article_is_marked_so_and_has_no_district)
{
	struct article a = stored("上海打造全球卓越制造基地", "在临港新片区形成产业链；浦东新区试点智能工厂；全市推进技改。");
	cr_assert_eq(a.ndistricts, 0);
	cr_assert(a.citywide);
	struct article plain = stored("项目签约", "签约仪式举行。");
	cr_assert_not(plain.citywide);
	cr_assert_eq(plain.nfacts, 0);
}

Test(tagging, the_seed_s_baoshan_and_jinshan_articles_give_their_key_figures)
{
	const char *seed = seed_path();
	if (!seed)
		cr_skip_test("../shared/seed is not in this checkout");
	struct import_result r;
	cr_assert_eq(import_file(store, seed, false, &r, &err), 0, "%s", buf_cstr(&err));
	bool baoshan = false, jinshan = false;
	for (int64_t id = 1; id <= (int64_t)r.added; id++) {
		struct article a;
		cr_assert_eq(store_article_get(store, id, arena, &a), STORE_OK);
		for (size_t i = 0; i < a.nfacts; i++) {
			/* From reading the articles: 宝山's 5000万元委托贷款, 金山's 14个产业项目. */
			if (strstr(a.title, "宝山") && !strcmp(a.facts[i].kind, "money") && a.facts[i].value == 50000000.0)
				baoshan = true;
			if (strstr(a.title, "金山") && !strcmp(a.facts[i].kind, "count") && a.facts[i].value == 14.0 &&
			    strstr(a.facts[i].unit, "项目"))
				jinshan = true;
		}
	}
	cr_assert(baoshan, "the Baoshan article's 50,000,000 yuan");
	cr_assert(jinshan, "the Jinshan article's 14 projects");
}

Test(tagging, each_seed_article_gets_the_districts_its_text_is_about)
{
	const char *seed = seed_path();
	if (!seed)
		cr_skip_test("../shared/seed is not in this checkout");
	/* From reading each article: the district its title names; 上海保税区
	 * is the Waigaoqiao bonded zone in 浦东; the finance ranking and the
	 * manufacturing strategy are about Shanghai as a whole (their bodies
	 * name 浦东, 临港 and 张江 only as examples). */
	static const struct {
		const char *title_part, *district; /* NULL: city-wide */
	} expected[] = {
		{ "浦东新区统计调查", "pudong" }, { "普陀区出", "putuo" },	  { "青浦深化充电", "qingpu" },
		{ "青浦赵巷", "qingpu" },	  { "金山14个产业项目", "jinshan" }, { "上海宝山住宅", "baoshan" },
		{ "上海保税区", "pudong" },	  { "上海持续领跑", NULL },	  { "上海崇明生态", "chongming" },
		{ "全球卓越制造基地", NULL },
	};
	struct import_result r;
	cr_assert_eq(import_file(store, seed, false, &r, &err), 0, "%s", buf_cstr(&err));
	cr_assert_eq(r.added, 10);
	for (size_t k = 0; k < sizeof(expected) / sizeof(expected[0]); k++) {
		bool found = false;
		for (int64_t id = 1; id <= 10; id++) {
			struct article a;
			cr_assert_eq(store_article_get(store, id, arena, &a), STORE_OK);
			if (!strstr(a.title, expected[k].title_part))
				continue;
			found = true;
			if (expected[k].district) {
				cr_assert_eq(a.ndistricts, 1, "%s: %zu districts", a.title, a.ndistricts);
				cr_assert_str_eq(a.districts[0], expected[k].district, "%s", a.title);
				cr_assert_not(a.citywide, "%s", a.title);
			} else {
				cr_assert_eq(a.ndistricts, 0, "%s: %zu districts", a.title, a.ndistricts);
				cr_assert(a.citywide, "%s is about Shanghai as a whole", a.title);
			}
		}
		cr_assert(found, "no seed article titled with %s", expected[k].title_part);
	}
}
