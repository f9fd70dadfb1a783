/* routes: the URL table (after cgit's cmd.c) and the handlers that turn
 * parsed URL parts into view calls. */
#include <stdint.h>
#include <string.h>

#include "assets.h"
#include "content/district.h"
#include "content/industry.h"
#include "search/query.h"
#include "util/date.h"
#include "http/router.h"
#include "util/str.h"
#include "util/utf8.h"
#include "views/pagination.h"
#include "views/views.h"

enum { ALLOW_GET = 1 << HTTP_GET | 1 << HTTP_HEAD };

struct route {
	const char *pattern; /* "{}" matches one non-empty path segment */
	unsigned methods;    /* bit per enum http_method */
	const char *allow;   /* the Allow header for other methods */
	void (*handle)(struct request *req, struct response *res);
};

static const char html_type[] = "text/html; charset=utf-8";
static const char json_type[] = "application/json; charset=utf-8";

static struct view view_of(struct request *req, struct response *res)
{
	return (struct view){ req->store, req->arena, res->body };
}

static void reject(struct response *res, const char *code, const char *message)
{
	res->status = 400;
	res->error_code = code;
	res->error_message = message;
}

/* The page query argument: 1 when absent; 0 (and a 400) when malformed. */
static long page_arg(struct request *req, struct response *res)
{
	const char *arg = request_query(req, "page");
	long page = 1;
	if (arg && !str_to_long(str_from(arg), 1, PAGE_MAX, &page)) {
		reject(res, "invalid_page", arena_printf(req->arena, "页码应为 1 到 %d 之间的整数。", PAGE_MAX));
		return 0;
	}
	return page;
}

/* An optional query argument: NULL when absent or empty. */
static const char *optional_arg(struct request *req, const char *name)
{
	const char *v = request_query(req, name);
	return v && *v ? v : NULL;
}

/* Reads and checks the search parameters, for the page and the API alike.
 * False (with a 400 in res) on anything malformed. */
static bool search_args(struct request *req, struct response *res, struct search_request *out)
{
	*out = (struct search_request){ .q = request_query(req, "q") };
	if (!out->q)
		out->q = "";
	switch (search_query_check(str_from(out->q))) {
	case QUERY_INVALID_UTF8:
		reject(res, "invalid_encoding", "搜索词含有无效的字符编码。");
		return false;
	case QUERY_TOO_LONG:
		reject(res, "query_too_long",
		       arena_printf(req->arena, "搜索词不能超过 %d 个字符，请缩短后再试。", SEARCH_QUERY_MAX_CHARS));
		return false;
	default:
		break;
	}
	out->district = optional_arg(req, "district");
	if (out->district) {
		const struct district *d = district_lookup(str_from(out->district));
		if (!d || strcmp(d->slug, out->district)) {
			reject(res, "invalid_district", "区的取值应为 16 个区的拼音之一，如 pudong。");
			return false;
		}
	}
	out->industry = optional_arg(req, "industry");
	if (out->industry && !industry_by_slug(str_from(out->industry))) {
		reject(res, "unknown_industry", "行业的取值应为重点行业之一，如 ic（集成电路）或 nev（新能源汽车）。");
		return false;
	}
	const char *dates[2] = { optional_arg(req, "from"), optional_arg(req, "to") };
	for (int i = 0; i < 2; i++) {
		struct date d;
		if (dates[i] && date_parse(str_from(dates[i]), &d) != DATE_OK) {
			reject(res, "invalid_date", "日期应为 YYYY-MM-DD 格式的真实日期。");
			return false;
		}
	}
	out->from = dates[0], out->to = dates[1];
	const char *sort = optional_arg(req, "sort");
	if (sort && strcmp(sort, "date") && strcmp(sort, "relevance")) {
		reject(res, "invalid_sort", "排序方式应为 relevance（相关度）或 date（日期）。");
		return false;
	}
	out->by_date = sort && !strcmp(sort, "date");
	out->page = page_arg(req, res);
	return out->page != 0;
}

static bool need_store(struct request *req, struct response *res)
{
	if (req->store)
		return true;
	res->status = 503;
	return false;
}

static void handle_home(struct request *req, struct response *res)
{
	long page = page_arg(req, res);
	if (!page || !need_store(req, res))
		return;
	struct view v = view_of(req, res);
	res->status = view_home(&v, page);
}

static void handle_article(struct request *req, struct response *res)
{
	long id;
	/* One URL per article: "/articles/007" is not "/articles/7". */
	if (req->params[0][0] == '0' || !str_to_long(str_from(req->params[0]), 1, INT64_MAX, &id)) {
		res->status = 404;
		return;
	}
	if (!need_store(req, res))
		return;
	struct view v = view_of(req, res);
	res->status = view_article(&v, id);
}

static void handle_district(struct request *req, struct response *res)
{
	long page = page_arg(req, res);
	if (!page || !need_store(req, res))
		return;
	struct view v = view_of(req, res);
	res->status = view_district(&v, req->params[0], page);
}

static void handle_search(struct request *req, struct response *res)
{
	struct search_request r;
	if (!search_args(req, res, &r) || !need_store(req, res))
		return;
	struct view v = view_of(req, res);
	res->status = view_search(&v, &r);
}

static void handle_api_search(struct request *req, struct response *res)
{
	struct search_request r;
	if (!search_args(req, res, &r) || !need_store(req, res))
		return;
	struct view v = view_of(req, res);
	res->content_type = json_type;
	res->status = view_search_json(&v, &r);
}

static void handle_healthz(struct request *req, struct response *res)
{
	bool ok = req->store && store_ping(req->store);
	res->status = ok ? 200 : 503;
	res->content_type = "text/plain; charset=utf-8";
	res->cache_control = "no-store";
	buf_puts(res->body, ok ? "ok\n" : "database unavailable\n");
}

static const char *content_type_for(const char *path)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
		{ ".css", "text/css; charset=utf-8" },
		{ ".js", "text/javascript; charset=utf-8" },
		{ ".svg", "image/svg+xml" },
		{ ".txt", "text/plain; charset=utf-8" },
	};
	const char *dot = strrchr(path, '.');
	for (size_t i = 0; dot && i < sizeof(types) / sizeof(types[0]); i++)
		if (!strcmp(dot, types[i].ext))
			return types[i].type;
	return "application/octet-stream";
}

static void handle_static(struct request *req, struct response *res)
{
	const struct asset *a = asset_find(arena_printf(req->arena, "static/%s", req->params[0]));
	if (!a) {
		res->status = 404;
		return;
	}
	res->status = 200;
	res->content_type = content_type_for(a->path);
	res->cache_control = "public, max-age=3600";
	buf_append(res->body, a->data, a->len);
}

static const struct route routes[] = {
	{ "/", ALLOW_GET, "GET, HEAD", handle_home },
	{ "/articles/{}", ALLOW_GET, "GET, HEAD", handle_article },
	{ "/districts/{}", ALLOW_GET, "GET, HEAD", handle_district },
	{ "/healthz", ALLOW_GET, "GET, HEAD", handle_healthz },
	{ "/static/{}", ALLOW_GET, "GET, HEAD", handle_static },
	{ "/search", ALLOW_GET, "GET, HEAD", handle_search },
	{ "/api/v1/search", ALLOW_GET, "GET, HEAD", handle_api_search },
};

/* Matches path against pattern, capturing "{}" segments into req->params. */
static bool route_match(const char *pattern, const char *path, struct request *req)
{
	size_t nparams = 0;
	while (*pattern && *path) {
		if (pattern[0] == '{' && pattern[1] == '}') {
			size_t seg = strcspn(path, "/");
			if (seg == 0 || nparams == ROUTE_MAX_PARAMS)
				return false;
			req->params[nparams++] = arena_strndup(req->arena, path, seg);
			path += seg;
			pattern += 2;
		} else if (*pattern++ != *path++) {
			return false;
		}
	}
	return *pattern == '\0' && *path == '\0';
}

void router_dispatch(struct request *req, struct response *res)
{
	res->status = 404;
	res->content_type = html_type;
	res->cache_control = "no-cache";
	if (!utf8_valid(req->path, strlen(req->path), NULL)) {
		res->status = 400;
		res->error_message = "请求地址含有无效的字符编码。";
	} else {
		for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
			const struct route *r = &routes[i];
			if (!route_match(r->pattern, req->path, req))
				continue;
			if (!(r->methods & (1u << req->method))) {
				res->status = 405;
				res->allow = r->allow;
				break;
			}
			r->handle(req, res);
			break;
		}
	}
	if (res->status >= 400 && res->body->len == 0)
		router_error(req, res, res->status, res->error_code, res->error_message);
}

static const char *default_code(int status)
{
	switch (status) {
	case 400: return "bad_request";
	case 404: return "not_found";
	case 405: return "method_not_allowed";
	case 413: return "payload_too_large";
	case 503: return "unavailable";
	default: return "internal_error";
	}
}

void router_error(struct request *req, struct response *res, int status, const char *code, const char *message)
{
	struct view v = view_of(req, res);
	res->status = status;
	res->cache_control = "no-cache";
	if (!strncmp(req->path, "/api/", 5)) {
		res->content_type = json_type;
		view_error_json(&v, status, code ? code : default_code(status), message ? message : "请求无法完成。");
	} else {
		res->content_type = html_type;
		view_error(&v, status, message);
	}
}
