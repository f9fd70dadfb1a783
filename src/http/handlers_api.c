/* handlers_api: the articles API (/api/v1/articles) and the API's own
 * OpenAPI document. The other families answer their own API routes. */
#include "http/handlers.h"
#include "http/params.h"
#include "util/assets.h"
#include "views/api.h"

static const struct param_rule list_params[] = { PARAM_PAGE_RULE };

void handle_api_articles(struct request *req, struct response *res)
{
	struct param_values p;
	if (!params_read(req, res, list_params, 1, &p) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->content_type = json_type;
	res->status = view_articles_json(&v, p.number[0]);
	if (res->status == 404) {
		res->error_code = "page_out_of_range";
		res->error_message = "页码超出了范围。";
	}
}

void handle_api_article(struct request *req, struct response *res)
{
	int64_t id = handler_id_param(req, res, 0);
	if (!id || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->content_type = json_type;
	res->status = view_article_json(&v, id);
	if (res->status == 404)
		res->error_message = "没有这篇文章。";
}

void handle_openapi(struct request *req, struct response *res)
{
	(void)req;
	const struct asset *a = asset_find("api/openapi.json");
	res->status = 200;
	res->content_type = json_type;
	buf_append(res->body, a->data, a->len);
}
