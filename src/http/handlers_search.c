/* handlers_search: the search page and the same search as JSON. */
#include "http/handlers.h"
#include "http/params.h"
#include "views/search.h"

enum { SEARCH_Q, SEARCH_DISTRICT, SEARCH_INDUSTRY, SEARCH_FROM, SEARCH_TO, SEARCH_SORT, SEARCH_PAGE, SEARCH__COUNT };

static const char *const sorts[] = { "relevance", "date" };

static const struct param_rule search_params[SEARCH__COUNT] = {
	[SEARCH_Q] = { .name = "q", .kind = PARAM_QUERY },
	[SEARCH_DISTRICT] = PARAM_DISTRICT_RULE,
	[SEARCH_INDUSTRY] = PARAM_INDUSTRY_RULE,
	[SEARCH_FROM] = PARAM_DATE_RULE("from"),
	[SEARCH_TO] = PARAM_DATE_RULE("to"),
	[SEARCH_SORT] = { .name = "sort", .kind = PARAM_CHOICE, .choices = sorts, .nchoices = PARAMS_COUNT(sorts),
			  .code = "invalid_sort", .message = "排序方式应为 relevance（相关度）或 date（日期）。" },
	[SEARCH_PAGE] = PARAM_PAGE_RULE,
};

/* The search asked for; false (and a 400) when it is malformed. */
static bool search_args(struct request *req, struct response *res, struct search_request *out)
{
	struct param_values p;
	if (!params_read(req, res, search_params, SEARCH__COUNT, &p))
		return false;
	*out = (struct search_request){
		.q = p.text[SEARCH_Q],
		.district = p.text[SEARCH_DISTRICT],
		.industry = p.text[SEARCH_INDUSTRY],
		.from = p.text[SEARCH_FROM],
		.to = p.text[SEARCH_TO],
		.by_date = p.number[SEARCH_SORT] == 1,
		.page = p.number[SEARCH_PAGE],
	};
	return true;
}

void handle_search(struct request *req, struct response *res)
{
	struct search_request r;
	if (!search_args(req, res, &r) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_search(&v, &r);
}

void handle_api_search(struct request *req, struct response *res)
{
	struct search_request r;
	if (!search_args(req, res, &r) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->content_type = json_type;
	res->status = view_search_json(&v, &r);
}
