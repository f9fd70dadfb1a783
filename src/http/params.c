/* params: one reader for every route's query parameters. */
#include "http/params.h"

#include <string.h>

#include "content/district.h"
#include "content/industry.h"
#include "search/query.h"
#include "util/date.h"
#include "util/str.h"

bool params_is_district(const char *slug)
{
	const struct district *d = district_lookup(str_from(slug));
	return d && !strcmp(d->slug, slug);
}

bool params_is_industry(const char *slug)
{
	return industry_by_slug(str_from(slug)) != NULL;
}

static bool refuse(struct response *res, const char *code, const char *message)
{
	res->status = 400;
	res->error_code = code;
	res->error_message = message;
	return false;
}

/* Reads one parameter; false (and the 400) when it is wrong. */
static bool read_one(struct request *req, struct response *res, const struct param_rule *r, const char *raw,
		     struct param_values *out, size_t i)
{
	bool given = raw && *raw;
	switch (r->kind) {
	case PARAM_QUERY:
		switch (search_query_check(str_from(raw))) {
		case QUERY_INVALID_UTF8:
			return refuse(res, "invalid_encoding", "搜索词含有无效的字符编码。");
		case QUERY_TOO_LONG:
			return refuse(res, "query_too_long",
				      arena_printf(req->arena, "搜索词不能超过 %d 个字符，请缩短后再试。",
						   SEARCH_QUERY_MAX_CHARS));
		default:
			out->text[i] = raw ? raw : "";
			return true;
		}
	case PARAM_TEXT:
		out->text[i] = raw;
		return true;
	case PARAM_SLUG:
		if (given && !r->valid(raw))
			return refuse(res, r->code, r->message);
		out->text[i] = given ? raw : NULL;
		return true;
	case PARAM_DATE: {
		struct date d;
		if (given && date_parse(str_from(raw), &d) != DATE_OK)
			return refuse(res, "invalid_date", "日期应为 YYYY-MM-DD 格式的真实日期。");
		out->text[i] = given ? raw : NULL;
		return true;
	}
	case PARAM_INT:
		out->number[i] = r->fallback;
		if (raw && !str_to_long(str_from(raw), r->min, r->max, &out->number[i]))
			return refuse(res, r->code,
				      arena_printf(req->arena, "%s应为 %ld 到 %ld 之间的整数。", r->label, r->min, r->max));
		return true;
	case PARAM_CHOICE:
		out->number[i] = r->fallback;
		for (size_t c = 0; given && c < r->nchoices; c++)
			if (r->choices[c] && !strcmp(raw, r->choices[c])) {
				out->number[i] = (long)c;
				return true;
			}
		if (given && !r->lenient)
			return refuse(res, r->code, r->message);
		return true;
	case PARAM_FLAG:
		out->number[i] = raw && !strcmp(raw, "1");
		return true;
	}
	return true;
}

bool params_read(struct request *req, struct response *res, const struct param_rule *rules, size_t n,
		 struct param_values *out)
{
	*out = (struct param_values){ 0 };
	for (size_t i = 0; i < n && i < PARAMS_MAX; i++)
		if (!read_one(req, res, &rules[i], request_query(req, rules[i].name), out, i))
			return false;
	return true;
}
