/* industry: a curated keyword list per industry. Keywords are plain
 * substrings, so a synonym inside a longer word still counts (芯片 in
 * 芯片设计, 地产 in 房地产); so that one mention counts once, no keyword
 * contains another (a test checks). A term belonging to two industries is
 * listed under the one a reader would file it under. */
#include "content/industry.h"

#include <string.h>

#define KEYWORDS(...) ((const char *const[]){ __VA_ARGS__, NULL })

const struct industry industries[INDUSTRY_COUNT] = {
	{ "ic", "集成电路", KEYWORDS("集成电路", "芯片", "半导体", "晶圆", "封装测试") },
	{ "biomedicine", "生物医药", KEYWORDS("医药", "医疗器械", "创新药", "生物制药", "细胞治疗") },
	{ "ai", "人工智能", KEYWORDS("人工智能", "大模型", "机器人", "算力", "智能算法") },
	{ "nev", "新能源汽车", KEYWORDS("新能源汽车", "电动汽车", "充电桩", "充电设施", "动力电池", "智能网联", "车网互动") },
	{ "equipment", "高端装备与智能制造", KEYWORDS("高端装备", "智能制造", "智能工厂", "技术改造", "技改") },
	{ "materials", "新材料", KEYWORDS("新材料", "复合材料", "精细化学品") },
	{ "software", "软件和信息服务", KEYWORDS("软件", "信息服务", "数字经济", "大数据", "云计算", "信息技术") },
	{ "finance", "金融", KEYWORDS("金融", "融资", "贷款", "基金", "银行", "资本市场") },
	{ "real-estate", "房地产", KEYWORDS("地产", "住宅", "楼盘", "商品房") },
	{ "tourism", "文旅", KEYWORDS("文旅", "旅游", "文化创意", "文创", "会展", "演艺") },
	{ "services", "现代服务业", KEYWORDS("现代服务业", "专业服务", "商贸", "物流", "航运", "商务区") },
	{ "green", "绿色低碳", KEYWORDS("低碳", "碳排放", "光伏", "节能", "生态环境", "绿色发展") },
	{ "agriculture", "现代农业", KEYWORDS("农业", "乡村振兴", "种源") },
};

const struct industry *industry_by_slug(struct str slug)
{
	for (size_t i = 0; i < INDUSTRY_COUNT; i++)
		if (str_eq_cstr(slug, industries[i].slug))
			return &industries[i];
	return NULL;
}

static unsigned occurrences(struct str text, const char *needle)
{
	unsigned n = 0;
	size_t len = strlen(needle);
	for (const char *p = text.p, *end = text.p + text.len; p && p < end;) {
		p = memmem(p, (size_t)(end - p), needle, len);
		if (p) {
			n++;
			p += len;
		}
	}
	return n;
}

size_t industry_tag(struct str title, struct str body, const struct industry **out, size_t max)
{
	unsigned score[INDUSTRY_COUNT] = { 0 };
	for (size_t i = 0; i < INDUSTRY_COUNT; i++) {
		unsigned in_title = 0, in_body = 0;
		for (const char *const *k = industries[i].keywords; *k; k++) {
			in_title += occurrences(title, *k);
			in_body += occurrences(body, *k);
		}
		if (in_title || in_body >= 2)
			score[i] = 3 * in_title + in_body;
	}
	size_t n = 0;
	while (n < max) {
		size_t best = INDUSTRY_COUNT;
		for (size_t i = 0; i < INDUSTRY_COUNT; i++)
			if (score[i] && (best == INDUSTRY_COUNT || score[i] > score[best]))
				best = i;
		if (best == INDUSTRY_COUNT)
			break;
		out[n++] = &industries[best];
		score[best] = 0;
	}
	return n;
}
