/* district: the fixed table of districts (slugs are part of the public URLs). */
#include "content/district.h"

#include <string.h>

const struct district districts[DISTRICT_COUNT] = {
	{ "huangpu", "黄浦区", "黄浦" },   { "xuhui", "徐汇区", "徐汇" },
	{ "changning", "长宁区", "长宁" }, { "jingan", "静安区", "静安" },
	{ "putuo", "普陀区", "普陀" },     { "hongkou", "虹口区", "虹口" },
	{ "yangpu", "杨浦区", "杨浦" },    { "minhang", "闵行区", "闵行" },
	{ "baoshan", "宝山区", "宝山" },   { "jiading", "嘉定区", "嘉定" },
	{ "pudong", "浦东新区", "浦东" },  { "jinshan", "金山区", "金山" },
	{ "songjiang", "松江区", "松江" }, { "qingpu", "青浦区", "青浦" },
	{ "fengxian", "奉贤区", "奉贤" },  { "chongming", "崇明区", "崇明" },
};

const struct district *district_lookup(struct str key)
{
	for (size_t i = 0; i < DISTRICT_COUNT; i++) {
		const struct district *d = &districts[i];
		if (str_eq_cstr(key, d->slug) || str_eq_cstr(key, d->name) || str_eq_cstr(key, d->short_name))
			return d;
	}
	return NULL;
}

static bool contains(struct str text, const char *needle)
{
	return memmem(text.p, text.len, needle, strlen(needle)) != NULL;
}

size_t district_find_in_text(struct str text, const struct district **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < DISTRICT_COUNT && n < max; i++) {
		/* The short name is a prefix of the full name, so it covers both. */
		if (contains(text, districts[i].short_name))
			out[n++] = &districts[i];
	}
	return n;
}
