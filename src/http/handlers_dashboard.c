/* handlers_dashboard: the data monitor (数据监测), its figures as JSON and
 * as CSV. */
#include <string.h>

#include "http/handlers.h"
#include "http/params.h"
#include "views/dashboard.h"

enum { STATS_FROM, STATS_TO, STATS_INDUSTRY, STATS_TABLE, STATS__COUNT };
static const struct param_rule stats_params[STATS__COUNT] = {
	[STATS_FROM] = PARAM_DATE_RULE("from"),
	[STATS_TO] = PARAM_DATE_RULE("to"),
	[STATS_INDUSTRY] = PARAM_INDUSTRY_RULE,
	/* The view answers 404 for a table it does not have. */
	[STATS_TABLE] = { .name = "table", .kind = PARAM_TEXT },
};

/* The monitor's filters (and the CSV's table); false (a 400) when wrong.
 * A range that ends before it starts is refused when reversed_ok is
 * false; the page shows it itself, with the form to put it right. */
static bool stats_args(struct request *req, struct response *res, bool reversed_ok, struct stats_filter *f,
		       const char **table)
{
	struct param_values p;
	if (!params_read(req, res, stats_params, STATS__COUNT, &p))
		return false;
	*f = (struct stats_filter){ .from = p.text[STATS_FROM], .to = p.text[STATS_TO],
				    .industry = p.text[STATS_INDUSTRY] };
	*table = p.text[STATS_TABLE] ? p.text[STATS_TABLE] : "districts";
	if (!reversed_ok && f->from && f->to && strcmp(f->from, f->to) > 0) {
		handler_reject(res, "invalid_range", "起始日期（from）晚于截止日期（to），这个时间段不存在。");
		return false;
	}
	return true;
}

void handle_dashboard(struct request *req, struct response *res)
{
	struct stats_filter f;
	const char *table;
	if (!stats_args(req, res, true, &f, &table) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_dashboard(&v, &f);
}

void handle_api_stats(struct request *req, struct response *res)
{
	struct stats_filter f;
	const char *table;
	if (!stats_args(req, res, false, &f, &table) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->content_type = json_type;
	res->status = view_stats_json(&v, &f);
}

void handle_stats_csv(struct request *req, struct response *res)
{
	struct stats_filter f;
	const char *table;
	if (!stats_args(req, res, false, &f, &table) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_stats_csv(&v, &f, table);
	if (res->status != 200)
		return;
	res->content_type = "text/csv; charset=utf-8";
	res->content_disposition = arena_printf(req->arena, "attachment; filename=\"stats-%s.csv\"", table);
}
