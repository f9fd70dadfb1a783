/* facts: one left-to-right pass over the text, no regex library. Wherever a
 * number can start (an ASCII or full-width digit, a Chinese numeral, or
 * 百分之/千分之/万分之) the number is read whole, then the words after it
 * decide what it is, in this order:
 *
 *   N分之M, 百分之M              percent (M/N × 100)
 *   N% / N％                     percent
 *   YYYY年 (1900–2099)           year; four digits only, so 2016万元 is money
 *   六成, 三成五                  percent (60, 35)
 *   N [余|多] [十百千万亿…] then
 *     a currency                 money (元 人民币 美元 美金 欧元 日元 港元 港币)
 *     个百分点                    percent (percentage points)
 *     a measure word [+ noun]    count (个 家 项 座 台 辆 套 栋 批 所 条 名 位 户 处 台次 人次)
 *     nothing of those, but the number holds 万 or 亿 and its clause names
 *     money (投资, 融资, 贷款 …)  money in yuan: 总投资1.2亿, 获5000万融资
 *
 * Anything else is not a fact and the whole number is skipped, so no span
 * yields two facts. Digits that are not quantities are skipped whole too:
 * runs joined by - / : ~ or a second dot (dates 2025-03-18, 2025.03.18,
 * ranges 3-4台, ratios 1:1), runs touching Latin letters (S20, 5G, 60kW),
 * runs of more than ten digits or with a leading zero (phone numbers, codes),
 * and ordinals or approximations (第三, 几十, 数十, 三五个). 余/多 after a
 * number keep it as a lower bound (100余家企业 → 100). A lone 一 before a
 * measure word means "a" (一个库), a lone digit before 元 is a word (二元结构),
 * and durations (6个月) are not counts.
 *
 * An amount of money then gets its role from the words around it in its
 * clause (up to a comma or the sentence's end; a 、 or ： does not end it):
 *
 *   the nearer of the last role word before it (总投资约86亿元, 年产值超过
 *   40亿元, 最高5000万元) and the first after it, in its noun phrase, before
 *   another number or a 、 (2000万元补贴, 10亿元的科创投资基金); after wins a
 *   tie: 最高可获得2000万元补贴.
 *   no such word, but a word that refers back (金额, 合计, 其中, 规模 …):
 *   the last role word before it in the sentence (达成投资意向，意向金额
 *   合计约2.6亿元 is investment; 总投资10亿元，其中一期3亿元 too).
 *   nothing: other.
 *
 * Words are matched longest first, and a phrase that holds a role word but
 * names something else (投资机构, 招商引资, 投入使用, 研发投入) stands for
 * itself: "投资机构给予2000万元资金支持" is other. Subsidies, caps, loans,
 * financing and registered capital are other; only investment is summed
 * by the data monitor. */
#include "content/facts.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "content/paragraph.h"
#include "util/utf8.h"

const char *const fact_kind_names[FACT__MAX] = { "money", "count", "percent", "year" };

/* Code points the scanner tests one at a time. */
enum {
	CP_LING = 0x96f6,      /* 零 */
	CP_LING_ZERO = 0x3007, /* 〇 */
	CP_YI = 0x4e00,        /* 一 */
	CP_ER = 0x4e8c,        /* 二 */
	CP_LIANG = 0x4e24,     /* 两 */
	CP_SAN = 0x4e09,       /* 三 */
	CP_SI = 0x56db,        /* 四 */
	CP_WU = 0x4e94,        /* 五 */
	CP_LIU = 0x516d,       /* 六 */
	CP_QI = 0x4e03,        /* 七 */
	CP_BA = 0x516b,        /* 八 */
	CP_JIU = 0x4e5d,       /* 九 */
	CP_SHI = 0x5341,       /* 十 */
	CP_BAI = 0x767e,       /* 百 */
	CP_QIAN = 0x5343,      /* 千 */
	CP_WAN = 0x4e07,       /* 万 */
	CP_YI_100M = 0x4ebf,   /* 亿 */
	CP_DIAN = 0x70b9,      /* 点, a decimal point between Chinese digits */
	CP_DI = 0x7b2c,        /* 第, makes an ordinal */
	CP_JI = 0x51e0,        /* 几 */
	CP_SHU = 0x6570,       /* 数 */
};

struct word {
	const char *s;
	size_t len;
	const char *unit; /* what a match stands for, where that differs */
};

#define W(s) { s, sizeof(s) - 1, NULL }
#define WU(s, u) { s, sizeof(s) - 1, u }
#define AT(p, end, lit) at((p), (end), (lit), sizeof(lit) - 1)

/* Currencies after a number (and its magnitude). */
static const struct word currencies[] = {
	WU("美元", "USD"), WU("美金", "USD"), WU("欧元", "EUR"), WU("日元", "JPY"),
	WU("港元", "HKD"), WU("港币", "HKD"), WU("人民币", "CNY"), WU("元", "CNY"),
};

/* After 元, characters that make it part of a word: 元素, 元件, 元宇宙. */
static const struct word not_yuan[] = { W("素"), W("件"), W("宇") };

/* Measure words, longer before their prefixes; the unit is the word itself. */
static const struct word classifiers[] = {
	W("台次"), W("人次"), W("个"), W("家"), W("项"), W("座"), W("台"), W("辆"), W("套"),
	W("栋"), W("批"), W("所"), W("条"), W("名"), W("位"), W("户"), W("处"),
};

/* After a measure word, phrases that make it a duration or an idiom, not a
 * count of things: 6个月, 24个小时, 五位一体. */
static const struct word not_counts[] = {
	W("个月"), W("个多月"), W("个小时"), W("个工作日"), W("个季度"), W("个星期"), W("个年头"), W("位一体"),
};

/* Nouns a count is usually about. The unit runs from the measure word through
 * the first of these within a few characters (14个产业项目 → 个产业项目,
 * 125个公共充电桩建设任务 → 个公共充电桩); without one it is the measure word
 * alone. */
static const struct word count_nouns[] = {
	W("项目"), W("企业"), W("公司"), W("集团"), W("总部"), W("单位"), W("机构"), W("银行"),
	W("研究院"), W("实验室"), W("中心"), W("基地"), W("园区"), W("开发区"), W("示范区"), W("孵化器"),
	W("平台"), W("产业链"), W("产业园"), W("生产线"), W("产线"), W("工厂"), W("厂房"), W("楼宇"),
	W("载体"), W("充电桩"), W("充电站"), W("站点"), W("点位"), W("场站"), W("停车场"), W("车位"),
	W("街镇"), W("乡镇"), W("街道"), W("省份"), W("城市"), W("国家"), W("地区"), W("小区"),
	W("行业"), W("领域"), W("指标"), W("事权"), W("事项"), W("环节"), W("工程"), W("设备"),
	W("学校"), W("医院"), W("人才"), W("专家"), W("团队"), W("岗位"), W("员工"), W("商户"),
	W("门店"), W("网点"), W("品牌"), W("专利"), W("案例"), W("活动"), W("会议"), W("措施"),
	W("政策"), W("文件"), W("规章"), W("任务"),
};

/* Words that make a bare 万 or 亿 in the same clause an amount of yuan. */
static const struct word money_words[] = {
	W("投资"), W("资金"), W("贷款"), W("总额"), W("融资"), W("产值"), W("营收"), W("规模"),
	W("收入"), W("金额"), W("资本"), W("出资"), W("募资"), W("基金"), W("销售额"), W("零售额"),
	W("营业额"), W("成交额"), W("税收"), W("预算"), W("补贴"),
};

/* After a bare 万/亿, words that say what is being counted is not money
 * even in a money clause: 投资带动1200万人, 产值规模300万吨. */
static const struct word not_money[] = {
	W("人"), W("吨"), W("亩"), W("平方"), W("千瓦"), W("度"), W("次"), W("件"),
	W("张"), W("株"), W("只"), W("头"), W("份"), W("公里"), W("米"), W("册"),
};

/* Function words that end a noun phrase after a measure word; only ones
 * seldom found inside nouns (共 is in 公共, 中 in 集中). */
static const struct word phrase_breaks[] = {
	W("的"), W("向"), W("在"), W("于"), W("对"), W("从"), W("为"), W("将"), W("已"), W("由"),
	W("把"), W("被"), W("让"), W("使"), W("与"), W("和"), W("及"), W("并"), W("等"), W("或"),
};

/* After 成, characters that make it part of a word (三成员, 一成不变), not tenths. */
static const struct word not_tenths[] = {
	W("员"), W("为"), W("立"), W("果"), W("本"), W("功"), W("交"), W("效"), W("长"), W("熟"),
	W("就"), W("型"), W("品"), W("绩"), W("都"), W("分"), W("套"), W("片"), W("群"), W("批"),
	W("不"), W("了"), W("文"), W("色"), W("年"), W("人"), W("语"), W("器"), W("事"), W("全"),
	W("败"), W("行"), W("材"), W("真"), W("家"), W("名"),
};

/* Where a role word tells what an amount is: before it in its clause,
 * after it (the noun it measures), or, for a word that refers back to
 * what the sentence named before (金额, 其中), neither by itself. A word
 * with none stands for itself and names no role (投资机构). */
enum { BEFORE = 1, AFTER = 2, REFER = 4 };

struct role_word {
	const char *s;
	size_t len;
	enum fact_role role;
	unsigned where;
};

#define RW(s, role, where) { s, sizeof(s) - 1, FACT_ROLE_##role, where }

/* Matched longest first at each character, so 投资基金 is a fund, 税收收入
 * tax and 财政收入 not output; order does not matter. */
static const struct role_word role_words[] = {
	/* investment */
	RW("总投资", INVESTMENT, BEFORE), RW("投资总额", INVESTMENT, BEFORE), RW("投资额", INVESTMENT, BEFORE),
	RW("投资", INVESTMENT, BEFORE | AFTER), RW("投资意向", INVESTMENT, BEFORE), RW("签约额", INVESTMENT, BEFORE),
	RW("签约金额", INVESTMENT, BEFORE), RW("签约总额", INVESTMENT, BEFORE), RW("签约", INVESTMENT, BEFORE),
	RW("引资", INVESTMENT, BEFORE), RW("外资", INVESTMENT, BEFORE), RW("到位资金", INVESTMENT, BEFORE),
	RW("投入", INVESTMENT, BEFORE), RW("出资", INVESTMENT, BEFORE), RW("注资", INVESTMENT, BEFORE),
	RW("增资", INVESTMENT, BEFORE), RW("落地", INVESTMENT, BEFORE),
	/* phrases that hold an investment word and name something else */
	RW("投资机构", OTHER, 0), RW("投资者", OTHER, 0), RW("投资人", OTHER, 0), RW("投资方", OTHER, 0),
	RW("投资推介", OTHER, 0), RW("投资促进", OTHER, 0), RW("投资环境", OTHER, 0), RW("投资服务", OTHER, 0),
	RW("投资公司", OTHER, 0), RW("投资集团", OTHER, 0), RW("招商引资", OTHER, 0), RW("外资企业", OTHER, 0),
	RW("外资机构", OTHER, 0), RW("投入使用", OTHER, 0), RW("投入运营", OTHER, 0), RW("投入生产", OTHER, 0),
	RW("投资收益", OTHER, BEFORE), RW("研发投入", OTHER, BEFORE),
	/* output */
	RW("产值", OUTPUT, BEFORE | AFTER), RW("营收", OUTPUT, BEFORE | AFTER), RW("营业收入", OUTPUT, BEFORE | AFTER),
	RW("销售收入", OUTPUT, BEFORE | AFTER), RW("收入", OUTPUT, BEFORE | AFTER), RW("销售额", OUTPUT, BEFORE | AFTER),
	RW("销售", OUTPUT, BEFORE), RW("营业额", OUTPUT, BEFORE | AFTER), RW("产出", OUTPUT, BEFORE),
	RW("交易额", OUTPUT, BEFORE | AFTER), RW("成交额", OUTPUT, BEFORE | AFTER), RW("零售额", OUTPUT, BEFORE | AFTER),
	RW("出口额", OUTPUT, BEFORE), RW("进出口额", OUTPUT, BEFORE), RW("贸易额", OUTPUT, BEFORE),
	RW("增加值", OUTPUT, BEFORE), RW("生产总值", OUTPUT, BEFORE), RW("经济总量", OUTPUT, BEFORE),
	RW("产业规模", OUTPUT, BEFORE), RW("集群规模", OUTPUT, BEFORE), RW("交易规模", OUTPUT, BEFORE),
	RW("贸易总额", OUTPUT, BEFORE), RW("进出口总额", OUTPUT, BEFORE), RW("出口总额", OUTPUT, BEFORE),
	RW("进口总额", OUTPUT, BEFORE), RW("销售总额", OUTPUT, BEFORE), RW("营业总额", OUTPUT, BEFORE),
	RW("交易总额", OUTPUT, BEFORE), RW("成交总额", OUTPUT, BEFORE),
	RW("财政收入", OTHER, BEFORE), RW("可支配收入", OTHER, BEFORE),
	/* tax */
	RW("税收", TAX, BEFORE | AFTER), RW("税收收入", TAX, BEFORE | AFTER), RW("纳税", TAX, BEFORE),
	RW("缴税", TAX, BEFORE), RW("税额", TAX, BEFORE), RW("利税", TAX, BEFORE | AFTER), RW("税金", TAX, BEFORE),
	RW("税费", TAX, BEFORE), RW("减税", OTHER, BEFORE), RW("退税", OTHER, BEFORE), RW("免税", OTHER, BEFORE),
	RW("税收优惠", OTHER, BEFORE | AFTER), RW("税收返还", OTHER, BEFORE | AFTER), RW("税收减免", OTHER, BEFORE | AFTER),
	/* the size of a fund */
	RW("基金", FUND, BEFORE | AFTER), RW("投资基金", FUND, BEFORE | AFTER), RW("基金规模", FUND, BEFORE),
	RW("资金规模", FUND, BEFORE), RW("管理规模", FUND, BEFORE), RW("专项资金", FUND, BEFORE | AFTER),
	RW("引导资金", FUND, BEFORE | AFTER), RW("扶持资金", FUND, BEFORE | AFTER), RW("产业资金", FUND, BEFORE | AFTER),
	RW("资金池", FUND, BEFORE | AFTER),
	/* other: subsidies and rewards, caps, loans and financing, capital */
	RW("补贴", OTHER, BEFORE | AFTER), RW("补助", OTHER, BEFORE | AFTER), RW("奖励", OTHER, BEFORE | AFTER),
	RW("奖补", OTHER, BEFORE | AFTER), RW("资助", OTHER, BEFORE | AFTER), RW("扶持", OTHER, BEFORE | AFTER),
	RW("支持", OTHER, BEFORE | AFTER), RW("贴息", OTHER, BEFORE | AFTER), RW("奖金", OTHER, BEFORE | AFTER),
	RW("最高", OTHER, BEFORE), RW("上限", OTHER, BEFORE), RW("不超过", OTHER, BEFORE), RW("封顶", OTHER, AFTER),
	RW("注册资本", OTHER, BEFORE), RW("注册资金", OTHER, BEFORE), RW("资本金", OTHER, BEFORE),
	RW("贷款", OTHER, BEFORE | AFTER), RW("授信", OTHER, BEFORE | AFTER), RW("信贷", OTHER, BEFORE | AFTER),
	RW("融资", OTHER, BEFORE | AFTER), RW("担保", OTHER, BEFORE | AFTER), RW("预算", OTHER, BEFORE),
	RW("经费", OTHER, BEFORE | AFTER), RW("费用", OTHER, BEFORE | AFTER), RW("租金", OTHER, BEFORE),
	RW("收购", OTHER, BEFORE), RW("并购", OTHER, BEFORE), RW("估值", OTHER, BEFORE), RW("市值", OTHER, BEFORE),
	RW("成本", OTHER, BEFORE), RW("价格", OTHER, BEFORE), RW("消费券", OTHER, AFTER), RW("罚款", OTHER, BEFORE | AFTER),
	/* words that refer back to what the sentence named */
	RW("金额", OTHER, REFER), RW("总额", OTHER, REFER), RW("合计", OTHER, REFER), RW("共计", OTHER, REFER),
	RW("累计", OTHER, REFER), RW("总计", OTHER, REFER), RW("其中", OTHER, REFER), RW("分别", OTHER, REFER),
	RW("规模", OTHER, REFER), RW("额度", OTHER, REFER),
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct scan {
	const char *start, *end; /* the valid UTF-8 prefix of the input */
	struct arena *arena;
};

/* A number as read, before anything after it. */
struct number {
	const char *start, *end;
	double value;    /* Arabic: the digits as an integer, see scale */
	double scale;    /* 10^(digits after the decimal point), so 3.5亿 is exact */
	unsigned chars;  /* Chinese: characters read */
	bool chinese;
	bool lone;       /* one Chinese digit alone: 一个 means "a", 二元 is a word */
	bool positional; /* Chinese digits side by side: a year (二〇二五) or a range (三五个) */
	bool plain4;     /* four Arabic digits, no separators: maybe a year */
	bool big;        /* holds 万 or 亿 */
};

static bool at(const char *p, const char *end, const char *lit, size_t n)
{
	return (size_t)(end - p) >= n && memcmp(p, lit, n) == 0;
}

/* The word of list that starts at p, or NULL. */
static const struct word *word_at(const char *p, const char *end, const struct word *list, size_t n)
{
	if (end - p < 3)
		return NULL; /* every word is at least one Chinese character */
	for (size_t i = 0; i < n; i++) /* the first two bytes settle most misses */
		if (list[i].s[0] == p[0] && list[i].s[1] == p[1] && at(p, end, list[i].s, list[i].len))
			return &list[i];
	return NULL;
}

/* Decodes the code point at p (0 at the end). The input was validated, so
 * this only assembles bits. */
static inline uint32_t cp_at(const char *s, const char *end, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	if (s >= end) {
		*len = 0;
		return 0;
	}
	if (p[0] < 0x80) {
		*len = 1;
		return p[0];
	}
	if (p[0] < 0xe0) {
		*len = 2;
		return (uint32_t)(p[0] & 0x1f) << 6 | (p[1] & 0x3f);
	}
	if (p[0] < 0xf0) {
		*len = 3;
		return (uint32_t)(p[0] & 0x0f) << 12 | (uint32_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
	}
	*len = 4;
	return (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3f) << 12 | (uint32_t)(p[2] & 0x3f) << 6 |
	       (p[3] & 0x3f);
}

/* The code point ending just before p, and where it starts; 0 at the start. */
static uint32_t cp_before(const char *start, const char *p, const char **at_out)
{
	if (p <= start) {
		*at_out = start;
		return 0;
	}
	const char *q = p - 1;
	while (q > start && ((unsigned char)*q & 0xc0) == 0x80)
		q--;
	size_t len;
	*at_out = q;
	return cp_at(q, p, &len);
}

static bool is_latin(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool is_digit(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0xff10 && c <= 0xff19);
}

static bool is_han(uint32_t c)
{
	return c >= 0x4e00 && c <= 0x9fff;
}

/* Ends a sentence: 。！？；!?; and line breaks. */
static inline bool is_sentence_end(uint32_t c)
{
	return c == 0x3002 || c == 0xff01 || c == 0xff1f || c == 0xff1b || c == '!' || c == '?' || c == ';' ||
	       c == '\n' || c == '\r';
}

/* Ends a clause: a sentence end or ，,、：: */
static bool is_clause_end(uint32_t c)
{
	return is_sentence_end(c) || c == 0xff0c || c == ',' || c == 0x3001 || c == 0xff1a || c == ':';
}

/* An ASCII or full-width digit at p: its value and length, or -1. */
static int digit_at(const char *p, const char *end, size_t *len)
{
	if (p < end && *p >= '0' && *p <= '9') {
		*len = 1;
		return *p - '0';
	}
	const unsigned char *u = (const unsigned char *)p;
	if (end - p >= 3 && u[0] == 0xef && u[1] == 0xbc && u[2] >= 0x90 && u[2] <= 0x99) {
		*len = 3;
		return u[2] - 0x90;
	}
	return -1;
}

static bool digit_follows(const char *p, const char *end)
{
	size_t len;
	return digit_at(p, end, &len) >= 0;
}

/* A decimal point (. or ．): its length, or 0. */
static size_t decimal_point_at(const char *p, const char *end)
{
	if (p < end && *p == '.')
		return 1;
	return AT(p, end, "．") ? 3 : 0;
}

/* Joins digit groups into a date, range, ratio or code: . - / : ~ _ and
 * their full-width forms. Its length, or 0. */
static size_t joiner_at(const char *p, const char *end)
{
	if (p < end && (*p == '.' || *p == '-' || *p == '/' || *p == ':' || *p == '~' || *p == '_'))
		return 1;
	if (AT(p, end, "．") || AT(p, end, "－") || AT(p, end, "／") || AT(p, end, "：") || AT(p, end, "～"))
		return 3;
	return 0;
}

/* Three digits and no fourth: a thousands group after a comma. */
static bool thousands_group(const char *p, const char *end)
{
	for (int i = 0; i < 3; i++) {
		size_t len;
		if (digit_at(p, end, &len) < 0)
			return false;
		p += len;
	}
	return !digit_follows(p, end);
}

/* The end of a run of digits, Latin letters and joiners between them. */
static const char *skip_run(const char *p, const char *end)
{
	for (;;) {
		size_t len;
		if (digit_at(p, end, &len) >= 0) {
			p += len;
		} else if (p < end && is_latin((unsigned char)*p)) {
			p++;
		} else if ((len = joiner_at(p, end)) && p + len < end &&
			   (digit_follows(p + len, end) || is_latin((unsigned char)p[len]))) {
			p += len;
		} else {
			return p;
		}
	}
}

static inline int cn_digit(uint32_t c)
{
	switch (c) {
	case CP_LING: case CP_LING_ZERO: return 0;
	case CP_YI: return 1;
	case CP_ER: case CP_LIANG: return 2;
	case CP_SAN: return 3;
	case CP_SI: return 4;
	case CP_WU: return 5;
	case CP_LIU: return 6;
	case CP_QI: return 7;
	case CP_BA: return 8;
	case CP_JIU: return 9;
	default: return -1;
	}
}

/* 十 百 千 万 亿 as multipliers; 0 for anything else. */
static inline double cn_unit(uint32_t c)
{
	switch (c) {
	case CP_SHI: return 10;
	case CP_BAI: return 100;
	case CP_QIAN: return 1000;
	case CP_WAN: return 1e4;
	case CP_YI_100M: return 1e8;
	default: return 0;
	}
}

/* A Chinese numeral may start with a digit other than 零 or with 十 (十四);
 * 百, 千, 万 and 亿 alone start words (千家万户, 万家), not numbers. */
static inline bool cn_starts_number(uint32_t c)
{
	return (cn_digit(c) > 0) || c == CP_SHI;
}

/* Reads Arabic digits at p: ASCII or full-width, with thousands commas and
 * one decimal point (. or ．). Returns false when the run is not a quantity
 * (see the top of the file); *skip is then where scanning resumes. */
static bool parse_arabic(const struct scan *sc, const char *p, struct number *n, const char **skip)
{
	const char *q = p, *end = sc->end;
	double mant = 0, scale = 1;
	int digits = 0, int_digits = 0;
	bool fraction = false, commas = false, leading_zero = false;
	for (;;) {
		size_t len;
		int d = digit_at(q, end, &len);
		if (d >= 0) {
			leading_zero |= digits == 0 && d == 0;
			mant = mant * 10 + d;
			digits++;
			if (fraction)
				scale *= 10;
			else
				int_digits++;
			q += len;
		} else if (!fraction && q < end && *q == ',' && int_digits > 0 && thousands_group(q + 1, end)) {
			commas = true;
			q++;
		} else if (!fraction && (len = decimal_point_at(q, end)) && digit_follows(q + len, end)) {
			fraction = true;
			q += len;
		} else {
			break;
		}
	}
	*skip = skip_run(q, end);
	const char *before_at;
	uint32_t before = cp_before(sc->start, p, &before_at);
	const char *joined_at;
	bool after_joiner = before_at < p && joiner_at(before_at, end) &&
			    is_digit(cp_before(sc->start, before_at, &joined_at));
	size_t len;
	uint32_t after = cp_at(q, end, &len);
	if (is_latin(before) || is_latin(after) || after_joiner || *skip != q)
		return false; /* a code, a date, a range */
	if (digits > 15 || (!commas && int_digits > 10) || (leading_zero && int_digits > 1))
		return false; /* a phone number or an identifier */
	if (before == CP_DI)
		return false; /* an ordinal */
	*n = (struct number){ .start = p, .end = q, .value = mant, .scale = scale };
	n->plain4 = int_digits == 4 && !fraction && !commas;
	return true;
}

/* Reads a Chinese numeral at p (一百零五, 二十三, 三点五亿, 两万亿, 二〇二五). */
static void parse_chinese(const struct scan *sc, const char *p, struct number *n)
{
	const char *q = p, *end = sc->end;
	double total = 0, section = 0, digit = 0, frac = 0;
	bool have_digit = false;
	uint32_t prev = 0;
	*n = (struct number){ .start = p, .scale = 1, .chinese = true };
	while (q < end) {
		size_t len, next_len;
		uint32_t c = cp_at(q, end, &len);
		int d = cn_digit(c);
		double u = cn_unit(c);
		if (d >= 0 && frac > 0) {
			digit += d * frac;
			frac /= 10;
		} else if (d >= 0 && have_digit && cn_digit(prev) == 0 && (total > 0 || section > 0)) {
			digit = d; /* 一百零五: 零 holds an empty place */
		} else if (d >= 0 && have_digit) {
			digit = digit * 10 + d;
			n->positional = true;
		} else if (d >= 0) {
			digit = d;
			have_digit = true;
		} else if (c == CP_DIAN && have_digit && frac == 0 && cn_digit(cp_at(q + len, end, &next_len)) >= 0) {
			frac = 0.1;
		} else if (u > 0 && u < 1e4 && frac == 0) {
			section += (have_digit ? digit : 1) * u;
			digit = 0;
			have_digit = false;
		} else if (u == 1e4) {
			total += (section + digit) * u;
			section = digit = frac = 0;
			have_digit = false;
			n->big = true;
		} else if (u == 1e8) {
			total = (total + section + digit) * u;
			section = digit = frac = 0;
			have_digit = false;
			n->big = true;
		} else {
			break;
		}
		prev = c;
		q += len;
		n->chars++;
	}
	n->end = q;
	n->value = total + section + digit;
	n->lone = n->chars == 1 && cn_digit(prev) >= 0;
}

/* Reads the number at p for fraction numerators: Chinese or Arabic. */
static bool parse_any(const struct scan *sc, const char *p, struct number *n)
{
	size_t len;
	uint32_t c = cp_at(p, sc->end, &len);
	if (cn_digit(c) >= 0 || c == CP_SHI) {
		parse_chinese(sc, p, n);
		return !n->positional;
	}
	const char *skip;
	return digit_follows(p, sc->end) && parse_arabic(sc, p, n, &skip);
}

/* True when a word of money_words is in the clause around [from, to). */
static bool clause_names_money(const struct scan *sc, const char *from, const char *to)
{
	enum { REACH = 40 }; /* characters each way */
	const char *cs = from, *ce = to, *prev;
	for (int i = 0; i < REACH; i++) {
		if (is_clause_end(cp_before(sc->start, cs, &prev)) || prev == cs)
			break;
		cs = prev;
	}
	for (int i = 0; i < REACH && ce < sc->end; i++) {
		size_t len;
		if (is_clause_end(cp_at(ce, sc->end, &len)))
			break;
		ce += len;
	}
	for (size_t i = 0; i < COUNT(money_words); i++)
		if (memmem(cs, (size_t)(ce - cs), money_words[i].s, money_words[i].len))
			return true;
	return false;
}

/* Where the noun phrase after a measure word ends (see count_nouns); p if
 * no known noun comes before a break. */
static const char *noun_phrase_end(const char *p, const char *end)
{
	enum { REACH = 10 }; /* characters */
	const char *q = p;
	for (int i = 0; i < REACH && q < end; i++) {
		size_t len;
		uint32_t c = cp_at(q, end, &len);
		if (!is_han(c))
			break;
		/* nouns first: 中心 is a noun though 中 breaks a phrase */
		const struct word *w = word_at(q, end, count_nouns, COUNT(count_nouns));
		if (w)
			return q + w->len;
		if (word_at(q, end, phrase_breaks, COUNT(phrase_breaks)))
			break;
		q += len;
	}
	return p;
}

static void set(struct fact *f, enum fact_kind kind, double value, const char *unit, const char *start,
		const char *end)
{
	f->kind = kind;
	f->value = value;
	f->unit = unit;
	f->match = (struct str){ start, (size_t)(end - start) };
}

/* A fraction: den分之num. */
static bool read_fraction(const struct scan *sc, const char *start, double den, const char *num_at, struct fact *f)
{
	struct number num;
	if (den <= 0 || !parse_any(sc, num_at, &num))
		return false;
	set(f, FACT_PERCENT, num.value / num.scale * 100 / den, "%", start, num.end);
	return true;
}

/* 六成 → 60, 三成五 → 35: a lone Chinese digit (or 十) and 成. */
static bool read_tenths(const struct scan *sc, const struct number *n, struct fact *f)
{
	const char *q = n->end, *end = sc->end;
	if (n->chars != 1 || !AT(q, end, "成"))
		return false;
	q += sizeof("成") - 1;
	if (word_at(q, end, not_tenths, COUNT(not_tenths)))
		return false;
	double value = n->value * 10;
	size_t len;
	int d = cn_digit(cp_at(q, end, &len));
	if (d > 0) {
		size_t next_len;
		uint32_t next = cp_at(q + len, end, &next_len);
		if (cn_digit(next) < 0 && cn_unit(next) == 0) {
			value += d;
			q += len;
		}
	}
	set(f, FACT_PERCENT, value, "%", n->start, q);
	return true;
}

/* Decides what the number n is from what follows it; false if nothing. */
static bool read_fact(const struct scan *sc, const struct number *n, struct fact *f)
{
	const char *q = n->end, *end = sc->end;
	size_t len;
	if (n->chinese && !n->positional && AT(q, end, "分之"))
		return read_fraction(sc, n->start, n->value, q + sizeof("分之") - 1, f);
	if (!n->positional && (AT(q, end, "%") || AT(q, end, "％"))) {
		set(f, FACT_PERCENT, n->value / n->scale, "%", n->start, q + (*q == '%' ? 1 : 3));
		return true;
	}
	if (AT(q, end, "年") && (n->plain4 || (n->positional && n->chars == 4)) && n->value >= 1900 &&
	    n->value <= 2099) {
		set(f, FACT_YEAR, n->value, "年", n->start, q + sizeof("年") - 1);
		return true;
	}
	if (n->positional)
		return false;
	if (n->chinese && read_tenths(sc, n, f))
		return true;

	if (AT(q, end, "余") || AT(q, end, "多"))
		q += sizeof("余") - 1;
	double magnitude = 1, u;
	bool big = n->big;
	while ((u = cn_unit(cp_at(q, end, &len))) > 0) {
		magnitude *= u;
		big |= u >= 1e4;
		q += len;
	}
	double value = n->value * magnitude / n->scale;
	bool scaled = magnitude > 1 || n->big;

	const struct word *w = word_at(q, end, currencies, COUNT(currencies));
	if (w && !(n->lone && !scaled) &&
	    !(AT(q, end, "元") && word_at(q + w->len, end, not_yuan, COUNT(not_yuan)))) {
		set(f, FACT_MONEY, value, w->unit, n->start, q + w->len);
		return true;
	}
	if (!scaled && AT(q, end, "个百分点")) {
		set(f, FACT_PERCENT, value, "个百分点", n->start, q + sizeof("个百分点") - 1);
		return true;
	}
	w = word_at(q, end, classifiers, COUNT(classifiers));
	/* 一个, 一家 mean "a"; 四处 means "everywhere" */
	bool idiom = (n->lone && n->value == 1) || AT(n->start, end, "四处");
	if (w && !idiom && !word_at(q, end, not_counts, COUNT(not_counts))) {
		const char *unit = w->s, *phrase_end = q + w->len;
		if (w->len == sizeof("个") - 1) { /* not after 台次, 人次 */
			phrase_end = noun_phrase_end(phrase_end, end);
			if (phrase_end != q + w->len)
				unit = arena_strndup(sc->arena, q, (size_t)(phrase_end - q));
		}
		set(f, FACT_COUNT, value, unit, n->start, phrase_end);
		return true;
	}
	if (big && !word_at(q, end, not_money, COUNT(not_money)) && clause_names_money(sc, n->start, q)) {
		set(f, FACT_MONEY, value, "CNY", n->start, q);
		return true;
	}
	return false;
}

/* The longest role word that starts at p and ends by end, or NULL. */
static const struct role_word *role_word_at(const char *p, const char *end)
{
	const struct role_word *best = NULL;
	if (end - p < 3)
		return NULL;
	for (size_t i = 0; i < COUNT(role_words); i++) {
		const struct role_word *w = &role_words[i];
		if (w->s[0] == p[0] && w->s[1] == p[1] && (!best || w->len > best->len) && at(p, end, w->s, w->len))
			best = w;
	}
	return best;
}

/* A role word as found: which, and where it ends (before) or starts (after). */
struct role_hit {
	const struct role_word *word;
	const char *at;
};

/* Scans [p, end) for role words left to right, each word whole: the last
 * one that tells with where (before the amount) into *last, and whether a
 * word that refers back was seen. */
static bool scan_before(const char *p, const char *end, unsigned where, struct role_hit *last)
{
	bool refer = false;
	*last = (struct role_hit){ 0 };
	while (p < end) {
		size_t len;
		const struct role_word *w = role_word_at(p, end);
		if (!w) {
			cp_at(p, end, &len);
			p += len;
			continue;
		}
		p += w->len;
		refer |= (w->where & REFER) != 0;
		if (w->where & where)
			*last = (struct role_hit){ w, p };
	}
	return refer;
}

/* Characters in [p, end). */
static size_t chars_between(const char *p, const char *end)
{
	size_t n = 0;
	for (size_t len; p < end; p += len, n++)
		cp_at(p, end, &len);
	return n;
}

/* Ends the part of a clause role words are read from: a sentence end or
 * a comma; 总投资：5亿元 and 产值、税收 keep theirs. */
static bool ends_role_clause(uint32_t c)
{
	return is_sentence_end(c) || c == 0xff0c || c == ',';
}

/* What the amount [from, to) in the sentence starting at sentence is (see
 * the top of the file). */
static enum fact_role money_role(const struct scan *sc, const char *sentence, const char *from, const char *to)
{
	enum { REACH = 40, AFTER_REACH = 12 }; /* characters */
	const char *cs = from, *prev;
	for (int i = 0; i < REACH && cs > sentence; i++) {
		if (ends_role_clause(cp_before(sentence, cs, &prev)))
			break;
		cs = prev;
	}
	struct role_hit before;
	bool refer = scan_before(cs, from, BEFORE, &before);

	struct role_hit after = { 0 };
	const char *q = to;
	for (int i = 0; i < AFTER_REACH && q < sc->end && !after.word; i++) {
		size_t len;
		uint32_t c = cp_at(q, sc->end, &len);
		if (ends_role_clause(c) || c == 0x3001 || is_digit(c))
			break;
		const struct role_word *w = role_word_at(q, sc->end);
		if (w && (w->where & AFTER))
			after = (struct role_hit){ w, q };
		q += w ? w->len : len;
	}

	if (before.word && after.word)
		return chars_between(to, after.at) <= chars_between(before.at, from) ? after.word->role : before.word->role;
	if (after.word)
		return after.word->role;
	if (before.word)
		return before.word->role;
	if (!refer)
		return FACT_ROLE_OTHER;
	scan_before(sentence, cs, BEFORE, &before);
	return before.word ? before.word->role : FACT_ROLE_OTHER;
}

/* The sentence text without a section heading that opens it, unless the
 * fact f is in the heading: the paragraph "一、先进制造占比提升 签约项目中…"
 * is one line, so its first sentence would start with the heading. */
static struct str without_heading(struct str text, const struct fact *f)
{
	struct str heading, rest;
	if (paragraph_heading(text, &heading, &rest) == HEADING_NONE)
		return text;
	return f->match.p >= rest.p ? rest : str_trim(heading);
}

/* Where the sentence holding p ends: after its closing mark, or before a line break. */
static const char *sentence_end(const char *p, const char *end)
{
	while (p < end) {
		size_t len;
		uint32_t c = cp_at(p, end, &len);
		if (c == '\n' || c == '\r')
			return p;
		if (is_sentence_end(c))
			return p + len;
		p += len;
	}
	return end;
}

/* Tries for a fact at p, where a number may start. Returns where scanning
 * resumes; *found says whether f was filled. */
static const char *try_at(const struct scan *sc, const char *p, uint32_t c, struct fact *f, bool *found)
{
	struct number n;
	const char *prev_at, *skip;
	uint32_t before = cp_before(sc->start, p, &prev_at);
	size_t len;
	*found = false;
	if (is_digit(c)) {
		if (!parse_arabic(sc, p, &n, &skip))
			return skip;
	} else if (cn_starts_number(c)) {
		parse_chinese(sc, p, &n);
		/* 第三, 几十, 数十, and a numeral inside a longer one (千三) */
		if (before == CP_DI || before == CP_JI || before == CP_SHU || before == CP_DIAN ||
		    cn_unit(before) > 0 || cn_digit(before) == 0)
			return n.end;
	} else {
		/* 百分之, 千分之, 万分之 */
		cp_at(p, sc->end, &len);
		*found = read_fraction(sc, p, cn_unit(c), p + len + sizeof("分之") - 1, f);
		return *found ? p + f->match.len : p + len;
	}
	*found = read_fact(sc, &n, f);
	return *found ? f->match.p + f->match.len : n.end;
}

/* The length of the longest prefix of s that is valid UTF-8 without NUL, as
 * utf8_valid() finds it; this one checks the common one- and three-byte
 * characters inline (E1–EC, EE, EF leads can be neither overlong nor
 * surrogates), where calling utf8_decode() per character took a third of the
 * extraction's time. */
static size_t valid_prefix(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned char c = p[i];
		if (c < 0x80 && c != 0) {
			i++;
		} else if (c >= 0xe1 && c <= 0xef && c != 0xed && n - i >= 3 && (p[i + 1] & 0xc0) == 0x80 &&
			   (p[i + 2] & 0xc0) == 0x80) {
			i += 3;
		} else {
			uint32_t cp;
			size_t len = c ? utf8_decode(s + i, n - i, &cp) : 0;
			if (len == 0)
				break;
			i += len;
		}
	}
	return i;
}

size_t facts_extract(struct str text, struct arena *arena, struct fact *out, size_t max)
{
	if (!text.p || max == 0)
		return 0;
	struct scan sc = { text.p, text.p + valid_prefix(text.p, text.len), arena };
	const char *p = sc.start, *sentence = sc.start, *sentence_stop = NULL;
	size_t n = 0;
	while (p < sc.end && n < max) {
		/* Every character that matters is ASCII or has one of these lead
		 * bytes (。 E3, numerals E4 E5 E7, full-width forms EF, all three
		 * bytes long); the rest are stepped over undecoded. */
		unsigned char b = (unsigned char)*p;
		uint32_t c;
		size_t len;
		if (b < 0x80) {
			c = b, len = 1;
		} else if (b == 0xe3 || b == 0xe4 || b == 0xe5 || b == 0xe7 || b == 0xef) {
			c = (uint32_t)(b & 0x0f) << 12 | (uint32_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
			len = 3;
		} else {
			p += b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
			continue;
		}
		bool candidate = is_digit(c) || cn_starts_number(c) ||
				 ((c == CP_BAI || c == CP_QIAN || c == CP_WAN) && AT(p + len, sc.end, "分之"));
		if (!candidate) {
			if (is_sentence_end(c))
				sentence = p + len;
			p += len;
			continue;
		}
		bool found;
		struct fact *f = &out[n];
		p = try_at(&sc, p, c, f, &found);
		if (!found)
			continue;
		if (!sentence_stop || sentence_stop < p || sentence_stop <= sentence)
			sentence_stop = sentence_end(p, sc.end);
		f->text = without_heading(str_trim((struct str){ sentence, (size_t)(sentence_stop - sentence) }), f);
		f->role = f->kind == FACT_MONEY ? money_role(&sc, f->text.p, f->match.p, f->match.p + f->match.len)
						: FACT_ROLE_OTHER;
		n++;
	}
	return n;
}
