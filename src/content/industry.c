/* industry: a curated word list per industry, and reading an article for
 * them. Words are plain substrings, so a synonym inside a longer word still
 * counts (芯片 in 芯片设计, 地产 in 房地产); where two words overlap the
 * longer one is read, so a word may sit inside another (医药 in 生物医药,
 * 新能源 in 新能源汽车, 金融 in 金融机构) and one mention still counts once.
 * A word that belongs to two industries is listed under both (机器人: AI and
 * equipment; 会展: exhibitions are tourism and trade services); otherwise it
 * is listed under the one a reader would file it under.
 *
 * Precision comes before recall: a keyword names the industry; a word an
 * article says of any company (融资, 物流, 大数据 as a tool) is related: it
 * adds weight to an industry that the title or a keyword names, and never
 * tags one by itself. Two characters that straddle a word boundary still
 * match (强化工程 holds 化工, which is therefore no word). */
#include "content/industry.h"

#include <string.h>

#include "util/utf8.h"

#define WORDS(...) { __VA_ARGS__, NULL }

const struct industry industries[INDUSTRY_COUNT] = {
	{ "ic", "集成电路",
	  WORDS("集成电路", "芯片", "半导体", "晶圆", "封装测试", "先进封装", "集成电路装备"),
	  /* MEMS sensors are chips (嘉定's 智能传感器产业园); not every sensor is. */
	  WORDS("传感器") },
	{ "biomedicine", "生物医药",
	  WORDS("生物医药", "医药", "医疗器械", "创新药", "生物制药", "细胞治疗", "基因治疗", "生物技术",
		"生命健康", "疫苗",
		/* 奉贤's cosmetics, health food and medical-aesthetics devices:
		 * of the focus industries, the nearest. */
		"美丽健康"),
	  WORDS(NULL) },
	{ "ai", "人工智能", WORDS("人工智能", "大模型", "机器人", "算力", "智能算法", "机器视觉", "具身智能"),
	  WORDS(NULL) },
	{ "nev", "新能源汽车",
	  WORDS("新能源汽车", "新能源车", "电动汽车", "智能网联汽车", "智能网联", "充电桩", "充电设施",
		"充电基础设施", "动力电池", "车网互动", "汽车零部件", "汽车产业", "汽车城"),
	  /* The portal's only car industry, but 汽车 is also traffic. */
	  WORDS("汽车", "整车") },
	{ "equipment", "高端装备与智能制造",
	  WORDS("高端装备", "智能制造", "智能工厂", "技术改造", "技改", "集成电路装备", "智能装备",
		"工业互联网", "机器人", "装备制造", "航空航天"),
	  /* 先进制造业 is any modern manufacturing; 首台套 the first use of new equipment. */
	  WORDS("先进制造", "首台套") },
	{ "materials", "新材料", WORDS("新材料", "先进材料", "复合材料", "高分子材料", "碳纤维", "精细化学品"),
	  WORDS("化学品") },
	{ "software", "软件和信息服务", WORDS("软件", "信息服务", "云计算"),
	  /* Said of any office that uses computers (统计调查 with 大数据). */
	  WORDS("数字经济", "大数据", "信息技术") },
	{ "finance", "金融", WORDS("金融", "资本市场", "证券", "资产管理", "财富管理", "期货"),
	  /* What every company needs: a 住宅 project's 融资 is a real-estate story. */
	  WORDS("金融机构", "融资", "贷款", "基金", "银行", "保险") },
	{ "real-estate", "房地产", WORDS("地产", "住宅", "楼盘", "商品房", "开发贷", "房住不炒"), WORDS("土地开发") },
	{ "tourism", "文旅", WORDS("文旅", "旅游", "文化创意", "文创", "会展", "演艺", "影视", "文化产业"),
	  WORDS("度假", "民宿", "酒店") },
	{ "services", "现代服务业", WORDS("现代服务业", "专业服务", "航运", "会展"),
	  /* 物流 is also every company's deliveries (用工招聘、物流交通等问题). */
	  WORDS("商贸", "物流", "商务区", "跨境电商", "供应链管理") },
	{ "green", "绿色低碳",
	  WORDS("低碳", "碳排放", "光伏", "节能", "生态环境", "绿色发展", "减碳", "碳中和", "碳达峰", "双碳",
		"风电", "储能", "氢能"),
	  /* 新能源 alone is energy (新能源汽车 is read as the longer word);
	   * it is often a list item, so it only counts half. */
	  WORDS("新能源", "环保", "生态文明", "绿色经济", "绿色交通") },
	{ "agriculture", "现代农业", WORDS("农业", "乡村振兴", "种源"), WORDS("农产品") },
};

const struct industry *industry_by_slug(struct str slug)
{
	for (size_t i = 0; i < INDUSTRY_COUNT; i++)
		if (str_eq_cstr(slug, industries[i].slug))
			return &industries[i];
	return NULL;
}

enum {
	KEYWORD_WEIGHT = 2,
	RELATED_WEIGHT = 1,
	TITLE_FACTOR = 3,
	/* Body weight an industry needs per this many characters of body. */
	CHARS_PER_WEIGHT = 250,
	/* A body-only industry needs 1/RIVAL_SHARE of the best score. */
	RIVAL_SHARE = 4,
};

/* What one industry's words added up to. */
struct tally {
	size_t title;   /* weight of its words in the title */
	size_t body;    /* weight of its words in the body */
	size_t first;   /* offset of its first word, the body's after the title's */
	bool mentioned; /* any word at all */
	bool named;     /* a keyword in the body */
};

enum { WORDS_MAX = INDUSTRY_COUNT * 2 * INDUSTRY_KEYWORDS_MAX, BUCKETS = 64 };

/* Every word of the lists, chained by the last byte of its first
 * character, so reading a text tries at each character only the few words
 * that can start there. */
struct lexicon {
	struct {
		const char *text;
		unsigned char len;
		unsigned char industry;
		unsigned char weight;
		short chain; /* the next word in this bucket, or -1 */
	} words[WORDS_MAX];
	short bucket[BUCKETS]; /* first word, or -1 */
};

/* Bytes of the character at p (at most n), and its bucket. */
static size_t char_at(const char *p, size_t n, size_t *bucket)
{
	unsigned char c = (unsigned char)p[0];
	size_t len = c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	if (len > n)
		len = n;
	*bucket = (unsigned char)p[len - 1] % BUCKETS;
	return len;
}

static void lexicon_init(struct lexicon *lx)
{
	for (size_t b = 0; b < BUCKETS; b++)
		lx->bucket[b] = -1;
	short n = 0;
	for (size_t i = 0; i < INDUSTRY_COUNT; i++)
		for (size_t l = 0; l < 2; l++) {
			const char *const *list = l ? industries[i].related : industries[i].keywords;
			for (size_t k = 0; k < INDUSTRY_KEYWORDS_MAX && list[k]; k++) {
				size_t b;
				char_at(list[k], strlen(list[k]), &b);
				lx->words[n].text = list[k];
				lx->words[n].len = (unsigned char)strlen(list[k]);
				lx->words[n].industry = (unsigned char)i;
				lx->words[n].weight = l ? RELATED_WEIGHT : KEYWORD_WEIGHT;
				lx->words[n].chain = lx->bucket[b];
				lx->bucket[b] = n++;
			}
		}
}

/* Adds to tally the weight of each industry's words in text, reading at
 * each character the longest word that starts there; base is text's offset
 * for first, and in_title says which weight to add to. */
static void read_words(const struct lexicon *lx, struct str text, size_t base, bool in_title,
		       struct tally tally[INDUSTRY_COUNT])
{
	for (size_t at = 0; at < text.len;) {
		size_t bucket, step = char_at(text.p + at, text.len - at, &bucket), longest = 0;
		for (short w = lx->bucket[bucket]; w >= 0; w = lx->words[w].chain) {
			size_t len = lx->words[w].len;
			if (len > longest && len <= text.len - at && !memcmp(text.p + at, lx->words[w].text, len))
				longest = len;
		}
		if (!longest) {
			at += step;
			continue;
		}
		/* The same word may be listed by several industries. */
		for (short w = lx->bucket[bucket]; w >= 0; w = lx->words[w].chain) {
			if (lx->words[w].len != longest || memcmp(text.p + at, lx->words[w].text, longest))
				continue;
			struct tally *t = &tally[lx->words[w].industry];
			*(in_title ? &t->title : &t->body) += lx->words[w].weight;
			t->named = t->named || (!in_title && lx->words[w].weight == KEYWORD_WEIGHT);
			if (!t->mentioned)
				t->first = base + at;
			t->mentioned = true;
		}
		at += longest;
	}
}

size_t industry_tag(struct str title, struct str body, const struct industry **out, size_t max)
{
	struct lexicon lx;
	lexicon_init(&lx);
	struct tally tally[INDUSTRY_COUNT] = { 0 };
	read_words(&lx, title, 0, true, tally);
	read_words(&lx, body, title.len, false, tally);
	size_t chars = utf8_length(body.p, body.len);

	size_t score[INDUSTRY_COUNT] = { 0 }, best = 0;
	for (size_t i = 0; i < INDUSTRY_COUNT; i++) {
		const struct tally *t = &tally[i];
		if (t->title || (t->named && t->body * CHARS_PER_WEIGHT >= chars))
			score[i] = TITLE_FACTOR * t->title + t->body;
		if (score[i] > best)
			best = score[i];
	}
	for (size_t i = 0; i < INDUSTRY_COUNT; i++)
		if (!tally[i].title && score[i] * RIVAL_SHARE < best)
			score[i] = 0;

	size_t n = 0;
	while (n < max) {
		size_t pick = INDUSTRY_COUNT;
		for (size_t i = 0; i < INDUSTRY_COUNT; i++)
			if (score[i] && (pick == INDUSTRY_COUNT || score[i] > score[pick] ||
					 (score[i] == score[pick] && tally[i].first < tally[pick].first)))
				pick = i;
		if (pick == INDUSTRY_COUNT)
			break;
		out[n++] = &industries[pick];
		score[pick] = 0;
	}
	return n;
}
