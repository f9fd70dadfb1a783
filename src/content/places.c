/* places: district tagging from names and well-known places. */
#include "content/places.h"

#include <string.h>

/* Places that belong to one district without doubt. Areas that straddle
 * districts (虹桥, 世博, G60) are left out: a wrong tag is worse than none. */
static const struct {
	const char *place, *district;
} places[] = {
	{ "陆家嘴", "pudong" },     { "张江", "pudong" },	   { "外高桥", "pudong" },   { "保税区", "pudong" },
	{ "临港", "pudong" },	    { "金桥", "pudong" },	   { "川沙", "pudong" },	    { "周浦", "pudong" },
	{ "康桥", "pudong" },	    { "朱家角", "qingpu" },    { "赵巷", "qingpu" },	    { "徐泾", "qingpu" },
	{ "练塘", "qingpu" },	    { "金泽", "qingpu" },	   { "莘庄", "minhang" },	    { "紫竹", "minhang" },
	{ "七宝", "minhang" },	    { "安亭", "jiading" },     { "南翔", "jiading" },	    { "马陆", "jiading" },
	{ "江桥", "jiading" },	    { "九亭", "songjiang" },   { "泗泾", "songjiang" },  { "佘山", "songjiang" },
	{ "洞泾", "songjiang" },    { "吴淞", "baoshan" },     { "顾村", "baoshan" },	    { "罗泾", "baoshan" },
	{ "大场", "baoshan" },	    { "月浦", "baoshan" },     { "杨行", "baoshan" },	    { "朱泾", "jinshan" },
	{ "枫泾", "jinshan" },	    { "亭林", "jinshan" },     { "南桥", "fengxian" },   { "奉浦", "fengxian" },
	{ "青村", "fengxian" },     { "庄行", "fengxian" },    { "长兴岛", "chongming" }, { "横沙", "chongming" },
	{ "陈家镇", "chongming" },  { "城桥", "chongming" },   { "外滩", "huangpu" },    { "人民广场", "huangpu" },
	{ "豫园", "huangpu" },	    { "新天地", "huangpu" },   { "徐家汇", "xuhui" },    { "漕河泾", "xuhui" },
	{ "龙华", "xuhui" },	    { "中山公园", "changning" }, { "临空", "changning" },  { "南京西路", "jingan" },
	{ "大宁", "jingan" },	    { "市北高新", "jingan" },  { "彭浦", "jingan" },	    { "桃浦", "putuo" },
	{ "真如", "putuo" },	    { "长风", "putuo" },	   { "北外滩", "hongkou" },  { "四川北路", "hongkou" },
	{ "大柏树", "hongkou" },    { "五角场", "yangpu" },    { "新江湾城", "yangpu" }, { "长阳创谷", "yangpu" },
};

static size_t count(struct str text, const char *needle)
{
	size_t n = 0, len = strlen(needle);
	const char *p = text.p, *end = text.p ? text.p + text.len : NULL;
	while (p && (size_t)(end - p) >= len) {
		const char *at = memmem(p, (size_t)(end - p), needle, len);
		if (!at)
			break;
		n++;
		p = at + len;
	}
	return n;
}

static size_t district_index(const char *slug)
{
	for (size_t i = 0; i < DISTRICT_COUNT; i++)
		if (!strcmp(districts[i].slug, slug))
			return i;
	return 0; /* the table names only real districts */
}

/* Moves the districts with score > 0 to out, the highest first (their
 * scores are spent). */
static void add_by_score(size_t score[DISTRICT_COUNT], struct district_tags *out)
{
	for (;;) {
		size_t best = DISTRICT_COUNT;
		for (size_t i = 0; i < DISTRICT_COUNT; i++)
			if (score[i] && (best == DISTRICT_COUNT || score[i] > score[best]))
				best = i;
		if (best == DISTRICT_COUNT)
			return;
		out->districts[out->n++] = &districts[best];
		score[best] = 0;
	}
}

static bool names_the_city(struct str text)
{
	return count(text, "上海") || count(text, "全市") || count(text, "本市");
}

/* Scores names (or places) found: in the title always; in the body when
 * named at least twice, or once when nothing is named more often and the
 * title is not about the city as a whole (where a single mention is an
 * example, not the subject). */
static bool score_mentions(const size_t in_title[DISTRICT_COUNT], const size_t in_body[DISTRICT_COUNT],
			   bool city_title, size_t score[DISTRICT_COUNT])
{
	bool any = false, any_title = false;
	size_t most = 0;
	for (size_t i = 0; i < DISTRICT_COUNT; i++) {
		any_title |= in_title[i] > 0;
		most = in_body[i] > most ? in_body[i] : most;
	}
	for (size_t i = 0; i < DISTRICT_COUNT; i++) {
		if (any_title)
			score[i] = in_title[i] ? in_title[i] * 1000 + in_body[i] : 0;
		else if (in_body[i] >= 2 || (in_body[i] == 1 && most == 1 && !city_title))
			score[i] = in_body[i];
		else
			score[i] = 0;
		any |= score[i] > 0;
	}
	return any;
}

void places_tag(struct str title, struct str body, struct district_tags *out)
{
	*out = (struct district_tags){ 0 };
	bool city_title = names_the_city(title);
	size_t in_title[DISTRICT_COUNT] = { 0 }, in_body[DISTRICT_COUNT] = { 0 }, score[DISTRICT_COUNT];
	for (size_t i = 0; i < DISTRICT_COUNT; i++) {
		/* The short name is a prefix of the full name, so it counts both. */
		in_title[i] = count(title, districts[i].short_name);
		in_body[i] = count(body, districts[i].short_name);
	}
	if (score_mentions(in_title, in_body, city_title, score)) {
		add_by_score(score, out);
		return;
	}
	/* No district named: its places, counted the same way. */
	memset(in_title, 0, sizeof(in_title));
	memset(in_body, 0, sizeof(in_body));
	for (size_t k = 0; k < sizeof(places) / sizeof(places[0]); k++) {
		size_t d = district_index(places[k].district);
		in_title[d] += count(title, places[k].place);
		/* A city-wide article's places in the body are its examples. */
		in_body[d] += city_title ? 0 : count(body, places[k].place);
	}
	if (score_mentions(in_title, in_body, city_title, score)) {
		add_by_score(score, out);
		return;
	}
	out->citywide = city_title || names_the_city(body);
}
