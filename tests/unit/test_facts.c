/* Unit tests for content/facts: money, counts, percentages and years in text. */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content/facts.h"
#include "harness.h"
#include "sink.h"
#include "util/utf8.h"

enum { MAX_FACTS = 64 };

static struct arena *arena;
static struct fact facts[MAX_FACTS];

static void setup(void)
{
	arena = arena_new();
}

static void teardown(void)
{
	arena_free(arena);
}

TestSuite(facts, .init = setup, .fini = teardown);

/* The tests link without libm. */
static double absolute(double x)
{
	return x < 0 ? -x : x;
}

static bool close_to(double x, double y)
{
	double scale = absolute(y) > 1 ? absolute(y) : 1;
	return absolute(x - y) <= 1e-9 * scale;
}

static size_t extract(const char *text)
{
	return facts_extract(str_from(text), arena, facts, MAX_FACTS);
}

static char *copy(struct str s)
{
	return arena_strndup(arena, s.p, s.len);
}

/* text holds exactly one fact, of this kind, value and unit, matching match. */
static void expect_one(const char *text, enum fact_kind kind, double value, const char *unit, const char *match)
{
	size_t n = extract(text);
	cr_assert_eq(n, 1, "%s: %zu facts, the first \"%s\"", text, n, n ? copy(facts[0].match) : "");
	cr_assert_eq(facts[0].kind, kind, "%s: kind %s", text, fact_kind_names[facts[0].kind]);
	cr_assert(close_to(facts[0].value, value), "%s: value %.17g, wanted %.17g", text,
		  facts[0].value, value);
	cr_assert_str_eq(facts[0].unit, unit, "%s", text);
	cr_assert_str_eq(copy(facts[0].match), match, "%s", text);
}

static void expect_none(const char *text)
{
	size_t n = extract(text);
	cr_assert_eq(n, 0, "%s: %zu facts, the first \"%s\"", text, n, n ? copy(facts[0].match) : "");
}

/* Money */

Test(facts, yuan_amounts_in_every_magnitude)
{
	expect_one("每户一次性补贴800元。", FACT_MONEY, 800, "CNY", "800元");
	expect_one("金融机构提供5000万元委托贷款。", FACT_MONEY, 50000000, "CNY", "5000万元");
	expect_one("项目总投资12亿元。", FACT_MONEY, 1200000000, "CNY", "12亿元");
	expect_one("追加投入3千万元。", FACT_MONEY, 30000000, "CNY", "3千万元");
	expect_one("首期安排2百万元。", FACT_MONEY, 2000000, "CNY", "2百万元");
	expect_one("全年实现产值2.5万亿元。", FACT_MONEY, 2.5e12, "CNY", "2.5万亿元");
	expect_one("注册资本1,200万元。", FACT_MONEY, 12000000, "CNY", "1,200万元");
	expect_one("到位资金5000万人民币。", FACT_MONEY, 50000000, "CNY", "5000万人民币");
}

Test(facts, bare_wan_and_yi_are_money_beside_a_money_word)
{
	expect_one("该住宅项目获5000万融资。", FACT_MONEY, 50000000, "CNY", "5000万");
	expect_one("项目总投资1.2亿，建设周期两年。", FACT_MONEY, 120000000, "CNY", "1.2亿");
	expect_one("贷款额度提高到3亿。", FACT_MONEY, 300000000, "CNY", "3亿");
}

Test(facts, bare_wan_and_yi_without_a_money_word_are_not_money)
{
	expect_none("常住人口达到300万。");
	/* the money word is in another clause */
	expect_none("总投资较大，服务人口300万。");
	/* a measure after the magnitude names what is counted */
	expect_none("投资带动就业1200万人。");
}

Test(facts, foreign_currencies_keep_their_currency)
{
	expect_one("签约金额3.5亿美元。", FACT_MONEY, 350000000, "USD", "3.5亿美元");
	expect_one("合同外资2000万美元。", FACT_MONEY, 20000000, "USD", "2000万美元");
	expect_one("单笔采购500美元。", FACT_MONEY, 500, "USD", "500美元");
	expect_one("欧洲企业投资8000万欧元。", FACT_MONEY, 80000000, "EUR", "8000万欧元");
	expect_one("日方出资12亿日元。", FACT_MONEY, 1200000000, "JPY", "12亿日元");
	expect_one("香港投资方注资3亿港元。", FACT_MONEY, 300000000, "HKD", "3亿港元");
	expect_one("另有6000万港币。", FACT_MONEY, 60000000, "HKD", "6000万港币");
}

Test(facts, full_width_digits_are_numbers)
{
	expect_one("区财政安排１２３万元。", FACT_MONEY, 1230000, "CNY", "１２３万元");
	expect_one("总投资１．５亿元。", FACT_MONEY, 150000000, "CNY", "１．５亿元");
	expect_one("新增１４个项目。", FACT_COUNT, 14, "个项目", "１４个项目");
	expect_one("满意率达８５％。", FACT_PERCENT, 85, "%", "８５％");
}

Test(facts, chinese_numerals_are_numbers)
{
	expect_one("授信五千万元。", FACT_MONEY, 50000000, "CNY", "五千万元");
	expect_one("发放三点五亿元专项贷款。", FACT_MONEY, 350000000, "CNY", "三点五亿元");
	expect_one("补助一百零五万元。", FACT_MONEY, 1050000, "CNY", "一百零五万元");
	expect_one("首批五万元已到账。", FACT_MONEY, 50000, "CNY", "五万元");
	expect_one("基金规模两万亿元。", FACT_MONEY, 2e12, "CNY", "两万亿元");
	expect_one("奖励三千元。", FACT_MONEY, 3000, "CNY", "三千元");
}

Test(facts, a_lone_chinese_digit_before_yuan_is_a_word)
{
	expect_none("打破城乡二元结构。");
	expect_none("推动投资主体一元化。");
}

Test(facts, taici_after_wan_is_a_count_not_money)
{
	expect_one("相关设施投资后每年可支撑约1.2万台次新能源车充电需求。", FACT_COUNT, 12000, "台次", "1.2万台次");
	expect_one("总投资带动客流1.2亿人次。", FACT_COUNT, 120000000, "人次", "1.2亿人次");
}

/* What an amount of money is */

/* The money fact of text that matches match has role, and there is one. */
static void expect_role(const char *text, const char *match, enum fact_role role)
{
	size_t n = extract(text);
	const struct fact *found = NULL;
	for (size_t i = 0; i < n; i++)
		if (facts[i].kind == FACT_MONEY && !strcmp(copy(facts[i].match), match))
			found = &facts[i];
	cr_assert_not_null(found, "%s: no money fact %s", text, match);
	cr_assert_eq(found->role, role, "%s: %s is %s, not %s", text, match, fact_role_names[found->role],
		     fact_role_names[role]);
}

Test(facts, an_output_forecast_beside_an_investment_is_not_investment)
{
	/* The approved article that raised 浦东's figure by 80亿, not 56亿. */
	const char *text = "浦东新区签约一批生物医药项目，项目总投资约56亿元，全部达产后年产值超过80亿元。";
	expect_role(text, "56亿元", FACT_ROLE_INVESTMENT);
	expect_role(text, "80亿元", FACT_ROLE_OUTPUT);
}

Test(facts, investment_is_named_before_the_amount)
{
	/* the demo corpus */
	expect_role("共签约14个项目，总投资约86亿元，涵盖芯片设计等环节。", "86亿元", FACT_ROLE_INVESTMENT);
	expect_role("其中一家高端模拟芯片企业计划投资12亿元建设研发总部和测试中心。", "12亿元", FACT_ROLE_INVESTMENT);
	expect_role("新能源汽车产业链新增企业62家，新增投资额约75亿元，同比增长12.4%。", "75亿元", FACT_ROLE_INVESTMENT);
	expect_role("推介会上共有7个项目完成签约，投资总额约4.3亿元。", "4.3亿元", FACT_ROLE_INVESTMENT);
	expect_role("发布重点项目10个，意向投资额约35亿元。", "35亿元", FACT_ROLE_INVESTMENT);
	expect_role("今年前三季度长宁区新设外资企业同比增长8.7%，实到外资3.6亿美元。", "3.6亿美元", FACT_ROLE_INVESTMENT);
	expect_role("新增注册企业180余家，新增固定资产投资约26亿元。", "26亿元", FACT_ROLE_INVESTMENT);
	/* unseen */
	expect_role("现场签约金额合计120亿元。", "120亿元", FACT_ROLE_INVESTMENT);
	expect_role("全年招商引资到位资金突破80亿元。", "80亿元", FACT_ROLE_INVESTMENT);
	expect_role("母公司追加投入3千万元扩建产线。", "3千万元", FACT_ROLE_INVESTMENT);
	expect_role("本次落地项目总金额约15亿元。", "15亿元", FACT_ROLE_INVESTMENT);
	expect_role("吸引社会资本5亿元投资。", "5亿元", FACT_ROLE_INVESTMENT);
}

Test(facts, output_and_revenue_are_not_investment)
{
	/* the demo corpus */
	expect_role("开工项目中，有4个为研发与生产一体化项目，预计全部达产后年产值可超过40亿元。", "40亿元", FACT_ROLE_OUTPUT);
	expect_role("据介绍，入驻企业预计年营业收入合计可达30亿元，新增就业岗位约2000个。", "30亿元", FACT_ROLE_OUTPUT);
	expect_role("预计三年内营业收入超过10亿元。", "10亿元", FACT_ROLE_OUTPUT);
	/* unseen */
	expect_role("该企业去年销售额突破12亿元。", "12亿元", FACT_ROLE_OUTPUT);
	expect_role("园区企业营收达到5.6亿元。", "5.6亿元", FACT_ROLE_OUTPUT);
	expect_role("项目建成后可实现10亿元产值。", "10亿元", FACT_ROLE_OUTPUT);
	expect_role("全区集成电路产业规模突破1000亿元。", "1000亿元", FACT_ROLE_OUTPUT);
}

Test(facts, tax_is_apart)
{
	expect_role("项目达产后预计年纳税超过2亿元。", "2亿元", FACT_ROLE_TAX);
	expect_role("总部企业去年实现税收收入1.5亿元。", "1.5亿元", FACT_ROLE_TAX);
	expect_role("投产后每年可贡献3000万元税收。", "3000万元", FACT_ROLE_TAX);
	expect_role("对新迁入企业给予最高500万元的税收返还。", "500万元", FACT_ROLE_OTHER);
}

Test(facts, the_size_of_a_fund_is_apart)
{
	/* the demo corpus */
	expect_role("并设立总规模10亿元的科创投资基金，支持优质成果在区内转化落地。", "10亿元", FACT_ROLE_FUND);
	expect_role("嘉定区还设立了规模5000万元的专项扶持资金，重点支持传感器企业。", "5000万元", FACT_ROLE_FUND);
	/* unseen */
	expect_role("产业引导基金首期规模20亿元。", "20亿元", FACT_ROLE_FUND);
	expect_role("全市安排3亿元专项资金。", "3亿元", FACT_ROLE_FUND);
	expect_role("该母基金资金规模达到50亿元。", "50亿元", FACT_ROLE_FUND);
}

Test(facts, subsidies_caps_loans_and_registered_capital_are_other)
{
	/* the demo corpus and the seed */
	expect_role("对新设立的机构总部给予最高5000万元的落户奖励。", "5000万元", FACT_ROLE_OTHER);
	expect_role("按实际费用的30%给予补贴，单家企业年度补贴最高1000万元。", "1000万元", FACT_ROLE_OTHER);
	expect_role("宝山区将在设备投资补贴等方面给予支持，单个项目最高可获得2000万元补贴。", "2000万元", FACT_ROLE_OTHER);
	expect_role("对符合条件的项目给予最高300万元的资金支持。", "300万元", FACT_ROLE_OTHER);
	expect_role("现场共有9家机构签署合作意向，涉及注册资本合计约45亿元。", "45亿元", FACT_ROLE_OTHER);
	expect_role("计划在区内设立区域总部，注册资本1.5亿美元。", "1.5亿美元", FACT_ROLE_OTHER);
	expect_role("金融机构提供5000万元委托贷款,期限6个月。", "5000万元", FACT_ROLE_OTHER);
	expect_role("推出供应链融资产品，首批授信额度8亿元。", "8亿元", FACT_ROLE_OTHER);
	expect_role("8家外资企业研发中心同时揭牌，合计研发投入预计超过1.5亿美元。", "1.5亿美元", FACT_ROLE_OTHER);
	/* unseen */
	expect_role("投资机构给予2000万元资金支持。", "2000万元", FACT_ROLE_OTHER);
	expect_role("对落地项目给予3000万元奖励。", "3000万元", FACT_ROLE_OTHER);
	expect_role("该企业近日完成5亿元B轮融资。", "5亿元", FACT_ROLE_OTHER);
	expect_role("新公司注册资金2000万元。", "2000万元", FACT_ROLE_OTHER);
}

Test(facts, an_amount_that_names_nothing_is_other)
{
	expect_role("区财政安排123万元。", "123万元", FACT_ROLE_OTHER);
	expect_role("首批五万元已到账。", "五万元", FACT_ROLE_OTHER);
	/* a role word in another clause says nothing about this one */
	expect_role("项目总投资较大，另安排5000万元。", "5000万元", FACT_ROLE_OTHER);
}

Test(facts, words_that_refer_back_take_the_role_the_sentence_named)
{
	/* the demo corpus */
	expect_role("现场有6个项目与投资机构达成初步投资意向，意向金额合计约2.6亿元。", "2.6亿元", FACT_ROLE_INVESTMENT);
	/* unseen */
	expect_role("项目总投资10亿元，其中一期3亿元。", "3亿元", FACT_ROLE_INVESTMENT);
	expect_role("园区年产值约30亿元，其中出口10亿元。", "10亿元", FACT_ROLE_OUTPUT);
}

Test(facts, a_trade_total_after_an_investment_is_not_investment)
{
	const char *text = "全区完成固定资产投资100亿元，进出口贸易总额达到500亿元。";
	expect_role(text, "100亿元", FACT_ROLE_INVESTMENT);
	expect_role(text, "500亿元", FACT_ROLE_OUTPUT);
}

Test(facts, only_money_has_a_role)
{
	size_t n = extract("总投资项目14个，投资额占比85%。");
	cr_assert_eq(n, 2);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(facts[i].role, FACT_ROLE_OTHER, "%s", copy(facts[i].match));
}

Test(facts, role_names_are_the_stored_and_api_names)
{
	cr_assert_str_eq(fact_role_names[FACT_ROLE_INVESTMENT], "investment");
	cr_assert_str_eq(fact_role_names[FACT_ROLE_OUTPUT], "output");
	cr_assert_str_eq(fact_role_names[FACT_ROLE_TAX], "tax");
	cr_assert_str_eq(fact_role_names[FACT_ROLE_FUND], "fund");
	cr_assert_str_eq(fact_role_names[FACT_ROLE_OTHER], "other");
	for (int r = 0; r < FACT_ROLE__MAX; r++)
		cr_assert_eq(fact_role_from_name(fact_role_names[r]), (enum fact_role)r);
	cr_assert_eq(fact_role_from_name("subsidy"), FACT_ROLE_OTHER);
	cr_assert_eq(fact_role_from_name(NULL), FACT_ROLE_OTHER);
}

/* Percentages */

Test(facts, percent_signs_ascii_and_full_width)
{
	expect_one("设备利用率稳定在85%以上。", FACT_PERCENT, 85, "%", "85%");
	expect_one("设备利用率稳定在85％以上。", FACT_PERCENT, 85, "%", "85％");
	expect_one("零售额同比增长12.5%。", FACT_PERCENT, 12.5, "%", "12.5%");
}

Test(facts, percent_in_words)
{
	expect_one("覆盖率达到百分之八十五。", FACT_PERCENT, 85, "%", "百分之八十五");
	expect_one("不良率控制在百分之零点五以内。", FACT_PERCENT, 0.5, "%", "百分之零点五");
	expect_one("审批环节平均提速超六成。", FACT_PERCENT, 60, "%", "六成");
	expect_one("本地配套率约三成五。", FACT_PERCENT, 35, "%", "三成五");
	expect_one("奖励金额较旧政策增长四分之一。", FACT_PERCENT, 25, "%", "四分之一");
	expect_one("增速提高2.5个百分点。", FACT_PERCENT, 2.5, "个百分点", "2.5个百分点");
}

Test(facts, cheng_inside_a_word_is_not_tenths)
{
	expect_none("组织三成员小组。");
	expect_none("政策一成不变。");
	expect_none("项目已经完成。");
}

/* Counts */

Test(facts, counts_keep_the_noun_they_count)
{
	expect_one("金山区举行14个产业项目集中开工活动。", FACT_COUNT, 14, "个产业项目", "14个产业项目");
	expect_one("初步整合147个项目集群。", FACT_COUNT, 147, "个项目", "147个项目");
	expect_one("已有37家龙头企业申报。", FACT_COUNT, 37, "家龙头企业", "37家龙头企业");
	expect_one("承接125个公共充电桩建设任务。", FACT_COUNT, 125, "个公共充电桩", "125个公共充电桩");
	expect_one("吸引3家新能源技术研发中心落户。", FACT_COUNT, 3, "家新能源技术研发中心", "3家新能源技术研发中心");
}

Test(facts, counts_in_chinese_numerals)
{
	expect_one("共十四个。", FACT_COUNT, 14, "个", "十四个");
	expect_one("新增二十三家企业。", FACT_COUNT, 23, "家企业", "二十三家企业");
	expect_one("建成一百零五座。", FACT_COUNT, 105, "座", "一百零五座");
	expect_one("联合四家核心实施单位。", FACT_COUNT, 4, "家核心实施单位", "四家核心实施单位");
}

Test(facts, measure_word_alone_when_no_known_noun_follows)
{
	expect_one("公共充电桩总量突破300台。", FACT_COUNT, 300, "台", "300台");
	expect_one("126项创新技术向周边城市输出。", FACT_COUNT, 126, "项", "126项");
}

Test(facts, durations_ordinals_ranges_and_one_of_are_not_counts)
{
	expect_none("贷款期限6个月。");
	expect_none("排名第3位。");
	expect_none("优质资源一个库。");
	expect_none("每个站点配置3-4台直流快充设备。");
	expect_none("几十家企业参加。");
	expect_none("三五个人。");
	expect_none("坚持五位一体。");
	expect_none("招商人员四处奔走。");
}

Test(facts, approximate_counts_keep_the_lower_bound)
{
	expect_one("服务100余家企业。", FACT_COUNT, 100, "家企业", "100余家企业");
	expect_one("吸引投资5000多万元。", FACT_MONEY, 50000000, "CNY", "5000多万元");
}

/* Years */

Test(facts, four_digits_and_nian_are_a_year_not_money)
{
	expect_one("2016年初，青浦区承接建设任务。", FACT_YEAR, 2016, "年", "2016年");
	expect_one("区财政安排2016万元。", FACT_MONEY, 20160000, "CNY", "2016万元");
	expect_one("作为二〇〇七年启动的项目。", FACT_YEAR, 2007, "年", "二〇〇七年");
}

Test(facts, a_year_in_a_date_counts_once)
{
	expect_one("2025年3月18日，项目开工。", FACT_YEAR, 2025, "年", "2025年");
}

Test(facts, other_numbers_before_nian_are_not_years)
{
	expect_none("第三轮三年行动计划。");
	expect_none("已有1000年历史。");
	expect_none("实施16年。");
}

/* What is not a fact */

Test(facts, dates_phones_codes_and_list_markers_yield_nothing)
{
	expect_none("发布日期2025-03-18。");
	expect_none("发布日期2025.03.18。");
	expect_none("发布日期2025/03/18。");
	expect_none("咨询电话13812345678。");
	expect_none("咨询电话021-12345678。");
	expect_none("一、项目背景 二、融资结构 1.风险控制");
	expect_none("在S20沪嘉高速桥孔下，5G网络全覆盖，V2G车网互动，60kW直流快充。");
	expect_none("按快充与慢充1:1比例配置充电桩。");
}

Test(facts, plain_text_has_no_facts)
{
	expect_none("浦东新区统计调查系统近日召开专题会议，围绕服务国家战略和区域发展需求，全面总结既往工作成果。");
	expect_none("");
}

/* Sentences, order, limits */

Test(facts, the_text_is_the_sentence_of_the_fact)
{
	const char *text = "项目方持有贷款意向文件。 金融机构提供5000万元委托贷款,期限6个月!\n第三句话。";
	cr_assert_eq(extract(text), 1);
	cr_assert_str_eq(copy(facts[0].text), "金融机构提供5000万元委托贷款,期限6个月!");
	cr_assert_eq(facts[0].match.p, strstr(text, "5000"), "match is a view into the input");
}

Test(facts, a_sentence_ends_at_a_line_break_or_the_end)
{
	cr_assert_eq(extract("开头\n  新增14个项目  \n结尾"), 1);
	cr_assert_str_eq(copy(facts[0].text), "新增14个项目");
	cr_assert_eq(extract("新增14个项目；另有3家企业"), 2);
	cr_assert_str_eq(copy(facts[0].text), "新增14个项目；");
	cr_assert_str_eq(copy(facts[1].text), "另有3家企业");
}

Test(facts, the_sentence_leaves_out_the_section_heading_that_opens_its_paragraph)
{
	/* the demo corpus, as the importer splits it into paragraphs */
	const char *text = "近日，松江区举行重大项目集中签约活动，总投资约168亿元。\n"
			   "一、先进制造占比提升 签约项目中先进制造业项目19个，其中投资额超10亿元的项目有6个。\n"
			   "（一）项目质量较高 开工项目中，有4个为研发与生产一体化项目。";
	size_t n = extract(text);
	cr_assert_eq(n, 5);
	cr_assert_str_eq(copy(facts[1].text), "签约项目中先进制造业项目19个，其中投资额超10亿元的项目有6个。");
	cr_assert_str_eq(copy(facts[2].text), "签约项目中先进制造业项目19个，其中投资额超10亿元的项目有6个。");
	cr_assert_str_eq(copy(facts[4].text), "开工项目中，有4个为研发与生产一体化项目。");
}

Test(facts, a_fact_in_a_heading_keeps_the_heading_as_its_text)
{
	cr_assert_eq(extract("一、新增投资50亿元 全区重点项目加快推进。"), 1);
	cr_assert_str_eq(copy(facts[0].text), "一、新增投资50亿元");
}

Test(facts, several_facts_in_one_sentence_come_in_order)
{
	const char *text = "2016年3月，全区125个点位完成选址论证，总投资1.2亿元，利用率达85%。";
	cr_assert_eq(extract(text), 4);
	enum fact_kind kinds[] = { FACT_YEAR, FACT_COUNT, FACT_MONEY, FACT_PERCENT };
	double values[] = { 2016, 125, 120000000, 85 };
	const char *matches[] = { "2016年", "125个点位", "1.2亿元", "85%" };
	for (size_t i = 0; i < 4; i++) {
		cr_assert_eq(facts[i].kind, kinds[i], "fact %zu", i);
		cr_assert_float_eq(facts[i].value, values[i], 1e-6, "fact %zu", i);
		cr_assert_str_eq(copy(facts[i].match), matches[i]);
		cr_assert_str_eq(copy(facts[i].text), text);
	}
}

Test(facts, stops_at_max)
{
	struct fact two[2];
	size_t n = facts_extract(str_from("1个、2个、3个、4个。"), arena, two, 2);
	cr_assert_eq(n, 2);
	cr_assert_float_eq(two[1].value, 2, 1e-9);
	cr_assert_eq(facts_extract(str_from("14个项目"), arena, two, 0), 0);
}

Test(facts, invalid_utf8_stops_and_keeps_what_came_before)
{
	const char *text = "投资5000万元。\xff\xfe共14个项目。";
	cr_assert_eq(extract(text), 1);
	cr_assert_float_eq(facts[0].value, 50000000, 1e-6);
	cr_assert_str_eq(copy(facts[0].text), "投资5000万元。");
	/* a truncated sequence right after a number */
	const char *cut = "新增14个\xe9\xa1";
	cr_assert_eq(extract(cut), 1);
	cr_assert_str_eq(copy(facts[0].match), "14个");
	cr_assert_eq(extract("\xc0\x80 14个项目"), 0);
}

Test(facts, kind_names_are_the_api_names)
{
	cr_assert_str_eq(fact_kind_names[FACT_MONEY], "money");
	cr_assert_str_eq(fact_kind_names[FACT_COUNT], "count");
	cr_assert_str_eq(fact_kind_names[FACT_PERCENT], "percent");
	cr_assert_str_eq(fact_kind_names[FACT_YEAR], "year");
}

/* The seed page */

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

/* Parses the seed into r; skips the test when it is not in this checkout. */
static void load_seed(struct recorder *r)
{
	const char *path = seed_path();
	size_t len;
	char *data = path ? slurp(path, &len) : NULL;
	if (!data)
		cr_skip_test("the seed (ZS_SEED or ../shared/seed) is not readable");
	struct parse_sink sink = recorder_sink(r);
	listing_parse((struct str){ data, len }, &sink);
	free(data);
	cr_assert_eq(r->nitems, 10);
}

static const struct recorded_item *seed_article(const struct recorder *r, const char *title_word)
{
	for (size_t i = 0; i < r->nitems; i++)
		if (strstr(r->items[i].title, title_word))
			return &r->items[i];
	cr_assert_fail("no seed article titled with %s", title_word);
	return NULL;
}

/* The first fact of this kind and value in the body, or NULL. */
static const struct fact *find(const char *body, enum fact_kind kind, double value)
{
	size_t n = extract(body);
	for (size_t i = 0; i < n; i++)
		if (facts[i].kind == kind && close_to(facts[i].value, value))
			return &facts[i];
	return NULL;
}

Test(facts, seed_baoshan_loan_is_fifty_million_yuan)
{
	struct recorder r;
	load_seed(&r);
	const struct recorded_item *a = seed_article(&r, "宝山");
	/* 金融机构提供5000万元委托贷款,期限6个月,… */
	const struct fact *f = find(a->body, FACT_MONEY, 50000000);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->unit, "CNY");
	cr_assert_str_eq(copy(f->match), "5000万元");
	cr_assert(strstr(copy(f->text), "委托贷款"), "%s", copy(f->text));
	/* 作为2007年启动的存量土地开发项目: a year, and not money */
	cr_assert_not_null(find(a->body, FACT_YEAR, 2007));
	cr_assert_null(find(a->body, FACT_MONEY, 20070000));
	/* the title: 上海宝山住宅项目获5000万融资助力开发 */
	cr_assert_not_null(find(a->title, FACT_MONEY, 50000000));
	recorder_free(&r);
}

Test(facts, seed_jinshan_starts_fourteen_projects)
{
	struct recorder r;
	load_seed(&r);
	const struct recorded_item *a = seed_article(&r, "金山");
	/* 上海金山区近日举行14个产业项目集中开工活动 */
	const struct fact *f = find(a->body, FACT_COUNT, 14);
	cr_assert_not_null(f);
	cr_assert(strstr(f->unit, "项目"), "unit %s", f->unit);
	cr_assert_str_eq(copy(f->match), "14个产业项目");
	/* 26个主要审批环节平均提速超六成 */
	cr_assert_not_null(find(a->body, FACT_COUNT, 26));
	cr_assert_not_null(find(a->body, FACT_PERCENT, 60));
	recorder_free(&r);
}

Test(facts, seed_qingpu_charging_and_chongming_projects)
{
	struct recorder r;
	load_seed(&r);
	const struct recorded_item *a = seed_article(&r, "充电");
	const struct fact *f = find(a->body, FACT_COUNT, 125);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->unit, "个公共充电桩");
	cr_assert_not_null(find(a->body, FACT_YEAR, 2016));
	cr_assert_not_null(find(a->body, FACT_PERCENT, 85));
	cr_assert_not_null(find(a->body, FACT_PERCENT, 47));
	f = find(a->body, FACT_COUNT, 12000);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->unit, "台次");
	/* 联合国家电网等四家核心实施单位 */
	f = find(a->body, FACT_COUNT, 4);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->unit, "家核心实施单位");
	/* 每个站点配置3-4台60kW直流快充设备: a range and a power rating */
	for (size_t i = 0, n = extract(a->body); i < n; i++) {
		char *m = copy(facts[i].match);
		cr_assert(strcmp(m, "4台") && strcmp(m, "3") && !strstr(m, "60"), "%s", m);
	}
	for (size_t i = 0, n = extract(a->body); i < n; i++)
		cr_assert_neq(facts[i].kind, FACT_MONEY, "no money in this article: %s", copy(facts[i].match));

	a = seed_article(&r, "崇明");
	f = find(a->body, FACT_COUNT, 147);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->unit, "个项目");
	a = seed_article(&r, "制造基地");
	f = find(a->body, FACT_COUNT, 37);
	cr_assert_not_null(f);
	cr_assert_str_eq(f->unit, "家龙头企业");
	recorder_free(&r);
}

Test(facts, seed_speed)
{
	struct recorder r;
	load_seed(&r);
	enum { ROUNDS = 2000 };
	size_t bytes = 0, chars = 0, found = 0;
	for (size_t i = 0; i < r.nitems; i++) {
		bytes += strlen(r.items[i].body);
		chars += utf8_length(r.items[i].body, strlen(r.items[i].body));
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int k = 0; k < ROUNDS; k++) {
		for (size_t i = 0; i < r.nitems; i++)
			found += facts_extract(str_from(r.items[i].body), arena, facts, MAX_FACTS);
		arena_reset(arena);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double us = (double)(t1.tv_sec - t0.tv_sec) * 1e6 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e3;
	double per_kchar = us / ((double)chars * ROUNDS / 1000);
	double per_article = us / ((double)r.nitems * ROUNDS);
	cr_log_info("facts: %.2f µs per 1,000 characters, %.2f µs per article (%zu chars, %zu bytes, %zu facts)",
		    per_kchar, per_article, chars / r.nitems, bytes / r.nitems, found / ROUNDS);
	/* Generous enough for sanitizer builds; catches a quadratic slip. */
	cr_assert_lt(per_kchar, 500, "%.2f µs per 1,000 characters", per_kchar);
	recorder_free(&r);
}
