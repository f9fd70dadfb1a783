/* handlers_search: the search page, the same search as JSON and as an
 * Atom feed, and editors' report of what visitors searched for. */
#include "http/handlers.h"
#include "http/params.h"
#include "http/searches.h"
#include "views/search.h"
#include "views/search_report.h"

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

/* The search asked for, read with the first n of search_params; false
 * (and a 400) when it is malformed. */
static bool search_args(struct request *req, struct response *res, size_t n, struct search_request *out)
{
	struct param_values p;
	if (!params_read(req, res, search_params, n, &p))
		return false;
	*out = (struct search_request){
		.q = p.text[SEARCH_Q],
		.district = p.text[SEARCH_DISTRICT],
		.industry = p.text[SEARCH_INDUSTRY],
		.from = p.text[SEARCH_FROM],
		.to = p.text[SEARCH_TO],
		.by_date = n > SEARCH_SORT && p.number[SEARCH_SORT] == 1,
		.page = n > SEARCH_PAGE ? p.number[SEARCH_PAGE] : 1,
	};
	return true;
}

void handle_search(struct request *req, struct response *res)
{
	struct search_request r;
	if (!search_args(req, res, SEARCH__COUNT, &r) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	int64_t matches;
	res->status = view_search(&v, &r, &matches);
	/* For the search report: what was searched for, once (page 1). */
	if (res->status == 200 && r.page == 1 && matches >= 0)
		res->tally = matches ? TALLY_SEARCH_FOUND : TALLY_SEARCH_FOUND_NOTHING;
}

void handle_search_feed(struct request *req, struct response *res)
{
	struct search_request r;
	/* What to search for and in what; a feed has one order (newest
	 * first) and no pages, so sort and page are not read. */
	if (!search_args(req, res, SEARCH_SORT, &r) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_search_feed(&v, &r, req->content_changed_at);
	if (res->status == 400)
		handler_reject(res, "empty_query",
			       "订阅搜索需要搜索词：请在 q 中写上要订阅的关键词，例如 /search/feed.xml?q=充电桩。");
	else
		handler_atom(res);
}

void handle_api_search(struct request *req, struct response *res)
{
	struct search_request r;
	if (!search_args(req, res, SEARCH__COUNT, &r) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->content_type = json_type;
	res->status = view_search_json(&v, &r);
}

/* The report reads what is counted so far: written first, not waited for. */
static struct view report_view(struct request *req, struct response *res)
{
	searches_flush(req->store, req->now);
	return handler_view(req, res);
}

void handle_admin_search_report(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	struct view v = report_view(req, res);
	res->status = view_admin_search_report(&v, req->now);
}

void handle_admin_search_report_csv(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	struct view v = report_view(req, res);
	res->status = view_admin_search_report_csv(&v, req->now);
	if (res->status != 200)
		return;
	res->content_type = "text/csv; charset=utf-8";
	res->content_disposition = "attachment; filename=\"search-report.csv\"";
}
