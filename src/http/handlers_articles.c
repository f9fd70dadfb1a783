/* handlers_articles: the news — the newest articles, one article, and the
 * district and industry channels. */
#include "http/handlers.h"
#include "http/params.h"
#include "views/articles.h"

static const struct param_rule list_params[] = { PARAM_PAGE_RULE };

/* The page number of a listing; 0 (and a 400) when malformed. */
static long list_page(struct request *req, struct response *res)
{
	struct param_values p;
	return params_read(req, res, list_params, 1, &p) ? p.number[0] : 0;
}

void handle_home(struct request *req, struct response *res)
{
	long page = list_page(req, res);
	if (!page || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_home(&v, page);
}

void handle_article(struct request *req, struct response *res)
{
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !handler_need_store(req, res))
		return;
	/* Staff get a link to correct the tags: only a cookie costs a lookup. */
	if (request_cookie(req, session_cookie)) {
		handler_load_session(req);
		if (req->session)
			res->cache_control = "no-store";
	}
	struct view v = handler_view(req, res);
	res->status = view_article(&v, id);
}

void handle_districts(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_districts_index(&v);
}

void handle_industries(struct request *req, struct response *res)
{
	if (!handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_industries_index(&v);
}

void handle_district(struct request *req, struct response *res)
{
	long page = list_page(req, res);
	if (!page || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_district(&v, req->params[0], page);
}

void handle_industry(struct request *req, struct response *res)
{
	long page = list_page(req, res);
	if (!page || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_industry(&v, req->params[0], page);
}
