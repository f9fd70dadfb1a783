/* params: one reader for every route's query parameters. */
#include "http/params.h"

#include <stdlib.h>
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

static bool refuse(struct param_error *err, const char *code, const char *message)
{
	*err = (struct param_error){ code, message };
	return false;
}

/* The index of raw among rule's choices, or -1. */
static long choice_of(const struct param_rule *r, const char *raw)
{
	for (size_t c = 0; raw && c < r->nchoices; c++)
		if (r->choices[c] && !strcmp(raw, r->choices[c]))
			return (long)c;
	return -1;
}

/* Reads one parameter; false (err filled) when it is wrong. */
static bool parse_one(const struct param_rule *r, const char *raw, struct arena *arena, struct param_values *out,
		      size_t i, struct param_error *err)
{
	bool given = raw && *raw;
	switch (r->kind) {
	case PARAM_QUERY:
		switch (search_query_check(str_from(raw))) {
		case QUERY_INVALID_UTF8:
			return refuse(err, "invalid_encoding", "搜索词含有无效的字符编码。");
		case QUERY_TOO_LONG:
			return refuse(err, "query_too_long",
				      arena_printf(arena, "搜索词不能超过 %d 个字符，请缩短后再试。", SEARCH_QUERY_MAX_CHARS));
		default:
			out->text[i] = raw ? raw : "";
			return true;
		}
	case PARAM_TEXT:
		out->text[i] = raw;
		return true;
	case PARAM_SLUG:
		if (given && !r->valid(raw))
			return refuse(err, r->code, r->message);
		out->text[i] = given ? raw : NULL;
		return true;
	case PARAM_DATE: {
		struct date d;
		if (given && date_parse(str_from(raw), &d) != DATE_OK)
			return refuse(err, "invalid_date", "日期应为 YYYY-MM-DD 格式的真实日期。");
		out->text[i] = given ? raw : NULL;
		return true;
	}
	case PARAM_INT:
		out->number[i] = r->fallback;
		if (raw && !str_to_long(str_from(raw), r->min, r->max, &out->number[i]))
			return refuse(err, r->code,
				      arena_printf(arena, "%s应为 %ld 到 %ld 之间的整数。", r->label, r->min, r->max));
		return true;
	case PARAM_CHOICE: {
		long c = given ? choice_of(r, raw) : r->fallback;
		if (c < 0)
			return refuse(err, r->code, r->message);
		out->number[i] = c;
		return true;
	}
	case PARAM_FLAG:
		out->number[i] = raw && !strcmp(raw, "1");
		return true;
	case PARAM_NOTICE: {
		long c = choice_of(r, raw);
		out->text[i] = c >= 0 ? r->notices[c] : NULL;
		return true;
	}
	}
	return true;
}

bool params_parse(const struct param_rule *rules, size_t n, const char *const raw[], struct arena *arena,
		  struct param_values *out, struct param_error *err)
{
	if (n > PARAMS_MAX)
		abort();
	*out = (struct param_values){ 0 };
	for (size_t i = 0; i < n; i++)
		if (!parse_one(&rules[i], raw[i], arena, out, i, err))
			return false;
	return true;
}

bool params_read(struct request *req, struct response *res, const struct param_rule *rules, size_t n,
		 struct param_values *out)
{
	const char *raw[PARAMS_MAX];
	for (size_t i = 0; i < n && i < PARAMS_MAX; i++)
		raw[i] = request_query(req, rules[i].name);
	struct param_error err;
	if (params_parse(rules, n, raw, req->arena, out, &err))
		return true;
	res->status = 400;
	res->error_code = err.code;
	res->error_message = err.message;
	return false;
}
