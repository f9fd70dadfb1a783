/* routes: the URL table (after cgit's cmd.c), the checks every route gets
 * from it — who may call it, form bodies, CSRF — and the handlers of the
 * public pages. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "content/district.h"
#include "content/industry.h"
#include "http/address.h"
#include "http/cache.h"
#include "http/handlers.h"
#include "http/metrics.h"
#include "http/router.h"
#include "search/query.h"
#include "store/stats.h"
#include "store/throttle.h"
#include "util/assets.h"
#include "util/date.h"
#include "util/html.h"
#include "util/str.h"
#include "util/utf8.h"
#include "views/pagination.h"
#include "views/views.h"

enum { ALLOW_GET = 1 << HTTP_GET | 1 << HTTP_HEAD, ALLOW_POST = 1 << HTTP_POST };

/* Who may use a route. Staff routes load the session; without one a page
 * redirects to the login page and the API answers 401; with too low a
 * role, 403. */
enum access { PUBLIC, EDITOR, ADMIN };

struct route {
	const char *pattern; /* "{}" matches one non-empty path segment */
	unsigned methods;    /* bit per enum http_method */
	const char *allow;   /* the Allow header for other methods */
	enum access access;
	void (*handle)(struct request *req, struct response *res);
};

const char html_type[] = "text/html; charset=utf-8";
const char json_type[] = "application/json; charset=utf-8";
const char session_cookie[] = "zs_session";
static const char visitor_cookie[] = "zs_visitor";
enum { VISITOR_COOKIE_SECONDS = 30 * 24 * 3600, RATE_WINDOW_SECONDS = 3600 };

/* Set once by router_init, then only read. */
static unsigned char form_key[32];
static long form_rate;
static long sitemap_urls;

int router_init(struct store *s, long posts_per_hour, long urls_per_sitemap)
{
	form_rate = posts_per_hour;
	sitemap_urls = urls_per_sitemap;
	return auth_form_key_load(s, form_key) == STORE_OK ? 0 : -1;
}

struct view handler_view(struct request *req, struct response *res)
{
	return (struct view){ .store = req->store,
			      .arena = req->arena,
			      .out = res->body,
			      .session = req->session,
			      .csrf_token = req->session ? req->session->csrf_token : NULL };
}

void handler_reject(struct response *res, const char *code, const char *message)
{
	res->status = 400;
	res->error_code = code;
	res->error_message = message;
}

long handler_page_arg(struct request *req, struct response *res)
{
	const char *arg = request_query(req, "page");
	long page = 1;
	if (arg && !str_to_long(str_from(arg), 1, PAGE_MAX, &page)) {
		handler_reject(res, "invalid_page", arena_printf(req->arena, "页码应为 1 到 %d 之间的整数。", PAGE_MAX));
		return 0;
	}
	return page;
}

int64_t handler_id_param(struct request *req, struct response *res, int i)
{
	long id;
	/* One URL per thing: "/articles/007" is not "/articles/7". */
	if (req->params[i][0] == '0' || !str_to_long(str_from(req->params[i]), 1, INT64_MAX, &id)) {
		res->status = 404;
		return 0;
	}
	return id;
}

/* The visitor's CSRF token, or NULL when the browser sent no valid id. */
static const char *visitor_token(struct request *req, const char *visitor)
{
	char *token = arena_alloc(req->arena, CSRF_TOKEN_CHARS + 1);
	return auth_visitor_csrf(form_key, visitor, token) ? token : NULL;
}

const char *handler_form_token(struct request *req, struct response *res)
{
	res->cache_control = "no-store"; /* the page carries this visitor's token */
	if (req->session)
		return req->session->csrf_token;
	const char *token = visitor_token(req, request_cookie(req, visitor_cookie));
	if (token)
		return token;
	char *visitor = arena_alloc(req->arena, RANDOM_TOKEN_CHARS + 1);
	auth_random_token(visitor);
	response_set_cookie(req, res, visitor_cookie, visitor, VISITOR_COOKIE_SECONDS);
	return visitor_token(req, visitor);
}

bool handler_form_fields(struct request *req, struct response *res, const struct field_rule *rules, size_t n,
			 const char *raw[])
{
	for (size_t i = 0; i < n; i++) {
		if (rules[i].kind == FIELD_CHOICES) {
			raw[i] = request_form_joined(req, rules[i].name);
			continue;
		}
		if (request_form_count(req, rules[i].name) > 1) {
			handler_reject(res, "duplicate_field", "表单中有重复的字段。");
			return false;
		}
		raw[i] = request_form(req, rules[i].name);
	}
	return true;
}

const char *handler_reason(struct request *req)
{
	struct str reason = str_trim(str_from(request_form(req, "reason")));
	if (reason.len == 0 || utf8_length(reason.p, reason.len) > REASON_MAX_CHARS)
		return NULL;
	return arena_strndup(req->arena, reason.p, reason.len);
}

bool handler_rate_limit(struct request *req, struct response *res, const char *form)
{
	int64_t hits, resets_at;
	char key[96];
	snprintf(key, sizeof(key), "form:%s:%s", form, req->client_key);
	if (store_throttle(req->store, key, true, req->now, RATE_WINDOW_SECONDS, &hits, &resets_at) != STORE_OK) {
		res->status = 503;
		return false;
	}
	if (hits <= form_rate)
		return true;
	res->status = 429;
	res->retry_after = resets_at - req->now > 0 ? (long)(resets_at - req->now) : 1;
	res->error_code = "rate_limited";
	res->error_message = arena_printf(req->arena, "提交过于频繁：每小时最多 %ld 次，请 %ld 分钟后再试。", form_rate,
					  (res->retry_after + 59) / 60);
	return false;
}

/* An optional query argument: NULL when absent or empty. */
static const char *optional_arg(struct request *req, const char *name)
{
	const char *v = request_query(req, name);
	return v && *v ? v : NULL;
}

bool handler_query_ok(struct request *req, struct response *res, const char *q)
{
	switch (search_query_check(str_from(q))) {
	case QUERY_INVALID_UTF8:
		handler_reject(res, "invalid_encoding", "搜索词含有无效的字符编码。");
		return false;
	case QUERY_TOO_LONG:
		handler_reject(res, "query_too_long",
			       arena_printf(req->arena, "搜索词不能超过 %d 个字符，请缩短后再试。", SEARCH_QUERY_MAX_CHARS));
		return false;
	default:
		return true;
	}
}

/* Reads and checks the search parameters, for the page and the API alike.
 * False (with a 400 in res) on anything malformed. */
static bool search_args(struct request *req, struct response *res, struct search_request *out)
{
	*out = (struct search_request){ .q = request_query(req, "q") };
	if (!out->q)
		out->q = "";
	if (!handler_query_ok(req, res, out->q))
		return false;
	out->district = optional_arg(req, "district");
	if (out->district) {
		const struct district *d = district_lookup(str_from(out->district));
		if (!d || strcmp(d->slug, out->district)) {
			handler_reject(res, "invalid_district", "区的取值应为 16 个区的拼音之一，如 pudong。");
			return false;
		}
	}
	out->industry = optional_arg(req, "industry");
	if (out->industry && !industry_by_slug(str_from(out->industry))) {
		handler_reject(res, "unknown_industry", "行业的取值应为重点行业之一，如 ic（集成电路）或 nev（新能源汽车）。");
		return false;
	}
	const char *dates[2] = { optional_arg(req, "from"), optional_arg(req, "to") };
	for (int i = 0; i < 2; i++) {
		struct date d;
		if (dates[i] && date_parse(str_from(dates[i]), &d) != DATE_OK) {
			handler_reject(res, "invalid_date", "日期应为 YYYY-MM-DD 格式的真实日期。");
			return false;
		}
	}
	out->from = dates[0], out->to = dates[1];
	const char *sort = optional_arg(req, "sort");
	if (sort && strcmp(sort, "date") && strcmp(sort, "relevance")) {
		handler_reject(res, "invalid_sort", "排序方式应为 relevance（相关度）或 date（日期）。");
		return false;
	}
	out->by_date = sort && !strcmp(sort, "date");
	out->page = handler_page_arg(req, res);
	return out->page != 0;
}

bool handler_need_store(struct request *req, struct response *res)
{
	if (req->store)
		return true;
	res->status = 503;
	return false;
}

static void handle_home(struct request *req, struct response *res)
{
	long page = handler_page_arg(req, res);
	if (!page || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_home(&v, page);
}

static void handle_article(struct request *req, struct response *res)
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

static void handle_district(struct request *req, struct response *res)
{
	long page = handler_page_arg(req, res);
	if (!page || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_district(&v, req->params[0], page);
}

static void handle_industry(struct request *req, struct response *res)
{
	long page = handler_page_arg(req, res);
	if (!page || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_industry(&v, req->params[0], page);
}

static void handle_search(struct request *req, struct response *res)
{
	struct search_request r;
	if (!search_args(req, res, &r) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_search(&v, &r);
}

static void handle_api_search(struct request *req, struct response *res)
{
	struct search_request r;
	if (!search_args(req, res, &r) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->content_type = json_type;
	res->status = view_search_json(&v, &r);
}

/* Reads and checks the data monitor's filters; false (a 400) when wrong. */
static bool stats_args(struct request *req, struct response *res, struct stats_filter *f)
{
	*f = (struct stats_filter){ .from = optional_arg(req, "from"), .to = optional_arg(req, "to"),
				    .industry = optional_arg(req, "industry") };
	const char *dates[2] = { f->from, f->to };
	for (int i = 0; i < 2; i++) {
		struct date d;
		if (dates[i] && date_parse(str_from(dates[i]), &d) != DATE_OK) {
			handler_reject(res, "invalid_date", "日期应为 YYYY-MM-DD 格式的真实日期。");
			return false;
		}
	}
	if (f->industry && !industry_by_slug(str_from(f->industry))) {
		handler_reject(res, "unknown_industry", "行业的取值应为重点行业之一，如 ic（集成电路）或 nev（新能源汽车）。");
		return false;
	}
	return true;
}

void handle_dashboard(struct request *req, struct response *res)
{
	struct stats_filter f;
	if (!stats_args(req, res, &f) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_dashboard(&v, &f);
}

void handle_api_stats(struct request *req, struct response *res)
{
	struct stats_filter f;
	if (!stats_args(req, res, &f) || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->content_type = json_type;
	res->status = view_stats_json(&v, &f);
}

void handle_stats_csv(struct request *req, struct response *res)
{
	struct stats_filter f;
	if (!stats_args(req, res, &f) || !handler_need_store(req, res))
		return;
	const char *table = request_query(req, "table");
	struct view v = handler_view(req, res);
	res->status = view_stats_csv(&v, &f, table ? table : "districts");
	if (res->status != 200)
		return;
	res->content_type = "text/csv; charset=utf-8";
	res->content_disposition = arena_printf(req->arena, "attachment; filename=\"stats-%s.csv\"",
						 table ? table : "districts");
}

static void handle_api_articles(struct request *req, struct response *res)
{
	long page = handler_page_arg(req, res);
	if (!page || !handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->content_type = json_type;
	res->status = view_articles_json(&v, page);
	if (res->status == 404) {
		res->error_code = "page_out_of_range";
		res->error_message = "页码超出了范围。";
	}
}

static void handle_api_article(struct request *req, struct response *res)
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

static void handle_openapi(struct request *req, struct response *res)
{
	(void)req;
	const struct asset *a = asset_find("api/openapi.json");
	res->status = 200;
	res->content_type = json_type;
	buf_append(res->body, a->data, a->len);
}

static const char atom_type[] = "application/atom+xml; charset=utf-8";
static const char feed_cache[] = "public, max-age=300";

static void feed(struct request *req, struct response *res, enum feed_kind kind)
{
	if (!handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_feed(&v, kind, req->params[0], req->content_changed_at);
	res->content_type = atom_type;
	res->cache_control = feed_cache;
}

static void handle_feed(struct request *req, struct response *res)
{
	feed(req, res, FEED_SITE);
}

static void handle_district_feed(struct request *req, struct response *res)
{
	feed(req, res, FEED_DISTRICT);
}

static void handle_industry_feed(struct request *req, struct response *res)
{
	feed(req, res, FEED_INDUSTRY);
}

static void sitemap(struct request *req, struct response *res, long part)
{
	if (!handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_sitemap(&v, part, sitemap_urls);
	res->content_type = "application/xml; charset=utf-8";
	res->cache_control = "public, max-age=3600";
}

static void handle_sitemap(struct request *req, struct response *res)
{
	sitemap(req, res, 0);
}

static void handle_sitemap_part(struct request *req, struct response *res)
{
	/* "N.xml", N from 1, written the one way. */
	const char *name = req->params[0];
	size_t digits = strspn(name, "0123456789");
	long part;
	if (digits == 0 || name[0] == '0' || strcmp(name + digits, ".xml") ||
	    !str_to_long((struct str){ name, digits }, 1, PAGE_MAX, &part)) {
		res->status = 404;
		return;
	}
	sitemap(req, res, part);
}

static void handle_robots(struct request *req, struct response *res)
{
	struct view v = handler_view(req, res);
	view_robots(&v);
	res->status = 200;
	res->content_type = "text/plain; charset=utf-8";
	res->cache_control = "public, max-age=86400";
}

/* Whether req comes from a program on this machine itself: a loopback peer
 * that is not the reverse proxy and forwards no one's request. A proxy on
 * this machine that names no client cannot be told apart: it must not
 * pass /metrics on (README). */
static bool from_this_machine(struct request *req)
{
	return address_is_loopback(req->peer_ip) && !req->via_proxy && !request_header(req, "X-Forwarded-For") &&
	       !request_header(req, "Forwarded") && !request_header(req, "X-Real-IP");
}

/* Prometheus scrapes from this machine (or through an agent on it): other
 * clients are told no, since the figures describe the staff's queues. */
static void handle_metrics(struct request *req, struct response *res)
{
	if (!from_this_machine(req)) {
		res->status = 403;
		res->error_message = "监控数据只对本机开放。";
		return;
	}
	if (!handler_need_store(req, res))
		return;
	struct metrics_gauges g = { 0 };
	struct site_counts counts;
	struct cache_stats cs;
	if (store_content_version(req->store, &g.content_version, &g.content_changed_at) != STORE_OK ||
	    store_site_counts(req->store, &counts) != STORE_OK) {
		res->status = 503;
		return;
	}
	g.articles = counts.articles;
	memcpy(g.submissions, counts.submissions, sizeof(g.submissions));
	memcpy(g.enterprises, counts.enterprises, sizeof(g.enterprises));
	g.messages_unhandled = counts.messages_unhandled;
	cache_stats_read(&cs);
	g.cache_hits = cs.hits, g.cache_misses = cs.misses;
	g.cache_entries = (int64_t)cs.entries, g.cache_bytes = (int64_t)cs.bytes;
	metrics_write(res->body, &g);
	res->status = 200;
	res->content_type = "text/plain; version=0.0.4; charset=utf-8";
	res->cache_control = "no-store";
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

/* Pages link static files by their fingerprinted names, which change with
 * the bytes: kept for a year without asking again. The plain names still
 * answer, for links from elsewhere, but browsers check back on them. */
static void handle_static(struct request *req, struct response *res)
{
	const struct asset *a = asset_by_url(req->path);
	res->cache_control = "public, max-age=31536000, immutable";
	if (!a) {
		a = asset_find(arena_printf(req->arena, "static/%s", req->params[0]));
		res->cache_control = "public, max-age=300";
	}
	if (!a) {
		res->status = 404;
		res->cache_control = "no-cache";
		return;
	}
	res->status = 200;
	res->content_type = content_type_for(a->path);
	buf_append(res->body, a->data, a->len);
}

static const struct route routes[] = {
	{ "/", ALLOW_GET, "GET, HEAD", PUBLIC, handle_home },
	{ "/articles/{}", ALLOW_GET, "GET, HEAD", PUBLIC, handle_article },
	{ "/districts/{}", ALLOW_GET, "GET, HEAD", PUBLIC, handle_district },
	{ "/industries/{}", ALLOW_GET, "GET, HEAD", PUBLIC, handle_industry },
	{ "/healthz", ALLOW_GET, "GET, HEAD", PUBLIC, handle_healthz },
	{ "/metrics", ALLOW_GET, "GET, HEAD", PUBLIC, handle_metrics },
	{ "/static/{}", ALLOW_GET, "GET, HEAD", PUBLIC, handle_static },
	{ "/search", ALLOW_GET, "GET, HEAD", PUBLIC, handle_search },
	{ "/api/v1/search", ALLOW_GET, "GET, HEAD", PUBLIC, handle_api_search },
	{ "/submit", ALLOW_GET, "GET, HEAD, POST", PUBLIC, handle_submit_form },
	{ "/submit", ALLOW_POST, "GET, HEAD, POST", PUBLIC, handle_submit },
	{ "/submit/status", ALLOW_GET, "GET, HEAD", PUBLIC, handle_submit_status },
	{ "/admin", ALLOW_GET, "GET, HEAD", EDITOR, handle_admin_home },
	{ "/admin/login", ALLOW_GET, "GET, HEAD, POST", PUBLIC, handle_login_form },
	{ "/admin/login", ALLOW_POST, "GET, HEAD, POST", PUBLIC, handle_login },
	{ "/admin/logout", ALLOW_POST, "POST", EDITOR, handle_logout },
	{ "/admin/submissions", ALLOW_GET, "GET, HEAD", EDITOR, handle_admin_queue },
	{ "/admin/submissions/{}", ALLOW_GET, "GET, HEAD, POST", EDITOR, handle_admin_submission },
	{ "/admin/submissions/{}", ALLOW_POST, "GET, HEAD, POST", EDITOR, handle_admin_submission_edit },
	{ "/admin/submissions/{}/approve", ALLOW_POST, "POST", EDITOR, handle_admin_approve },
	{ "/admin/submissions/{}/reject", ALLOW_POST, "POST", EDITOR, handle_admin_reject },
	{ "/admin/audit", ALLOW_GET, "GET, HEAD", EDITOR, handle_admin_audit },
	{ "/admin/users", ALLOW_GET, "GET, HEAD, POST", ADMIN, handle_admin_users },
	{ "/admin/users", ALLOW_POST, "GET, HEAD, POST", ADMIN, handle_admin_user_add },
	{ "/admin/users/{}/disable", ALLOW_POST, "POST", ADMIN, handle_admin_user_disable },
	{ "/admin/users/{}/enable", ALLOW_POST, "POST", ADMIN, handle_admin_user_enable },
	{ "/admin/banned-words", ALLOW_GET, "GET, HEAD, POST", ADMIN, handle_admin_words },
	{ "/admin/banned-words", ALLOW_POST, "GET, HEAD, POST", ADMIN, handle_admin_words_save },
	{ "/api/v1/admin/submissions", ALLOW_GET, "GET, HEAD", EDITOR, handle_admin_queue_json },
	{ "/enterprises", ALLOW_GET, "GET, HEAD", PUBLIC, handle_enterprises },
	{ "/enterprises/join", ALLOW_GET, "GET, HEAD, POST", PUBLIC, handle_enterprise_join_form },
	{ "/enterprises/join", ALLOW_POST, "GET, HEAD, POST", PUBLIC, handle_enterprise_join },
	{ "/enterprises/edit/{}", ALLOW_GET, "GET, HEAD, POST", PUBLIC, handle_enterprise_edit_form },
	{ "/enterprises/edit/{}", ALLOW_POST, "GET, HEAD, POST", PUBLIC, handle_enterprise_edit },
	{ "/enterprises/edit/{}/rotate", ALLOW_POST, "POST", PUBLIC, handle_enterprise_edit_rotate },
	{ "/enterprises/{}", ALLOW_GET, "GET, HEAD", PUBLIC, handle_enterprise },
	{ "/api/v1/enterprises", ALLOW_GET, "GET, HEAD", PUBLIC, handle_api_enterprises },
	{ "/contact", ALLOW_GET, "GET, HEAD, POST", PUBLIC, handle_contact_form },
	{ "/contact", ALLOW_POST, "GET, HEAD, POST", PUBLIC, handle_contact },
	{ "/admin/enterprises", ALLOW_GET, "GET, HEAD", EDITOR, handle_admin_enterprises },
	{ "/admin/enterprises.csv", ALLOW_GET, "GET, HEAD", EDITOR, handle_admin_enterprises_csv },
	{ "/admin/enterprises/{}", ALLOW_GET, "GET, HEAD", EDITOR, handle_admin_enterprise },
	{ "/admin/enterprises/{}/approve", ALLOW_POST, "POST", EDITOR, handle_admin_enterprise_approve },
	{ "/admin/enterprises/{}/reject", ALLOW_POST, "POST", EDITOR, handle_admin_enterprise_reject },
	{ "/admin/messages", ALLOW_GET, "GET, HEAD", EDITOR, handle_admin_messages },
	{ "/admin/messages/{}/handled", ALLOW_POST, "POST", EDITOR, handle_admin_message_handled },
	{ "/dashboard", ALLOW_GET, "GET, HEAD", PUBLIC, handle_dashboard },
	{ "/admin/articles/{}/tags", ALLOW_GET, "GET, HEAD, POST", EDITOR, handle_admin_article_tags },
	{ "/admin/articles/{}/tags", ALLOW_POST, "GET, HEAD, POST", EDITOR, handle_admin_article_tags_save },
	{ "/api/v1/stats", ALLOW_GET, "GET, HEAD", PUBLIC, handle_api_stats },
	{ "/dashboard.csv", ALLOW_GET, "GET, HEAD", PUBLIC, handle_stats_csv },
	{ "/api/v1/articles", ALLOW_GET, "GET, HEAD", PUBLIC, handle_api_articles },
	{ "/api/v1/articles/{}", ALLOW_GET, "GET, HEAD", PUBLIC, handle_api_article },
	{ "/api/v1/openapi.json", ALLOW_GET, "GET, HEAD", PUBLIC, handle_openapi },
	{ "/feed.xml", ALLOW_GET, "GET, HEAD", PUBLIC, handle_feed },
	{ "/districts/{}/feed.xml", ALLOW_GET, "GET, HEAD", PUBLIC, handle_district_feed },
	{ "/industries/{}/feed.xml", ALLOW_GET, "GET, HEAD", PUBLIC, handle_industry_feed },
	{ "/sitemap.xml", ALLOW_GET, "GET, HEAD", PUBLIC, handle_sitemap },
	{ "/sitemaps/{}", ALLOW_GET, "GET, HEAD", PUBLIC, handle_sitemap_part },
	{ "/robots.txt", ALLOW_GET, "GET, HEAD", PUBLIC, handle_robots },
};

const char *router_pattern(size_t i)
{
	return i < sizeof(routes) / sizeof(routes[0]) ? routes[i].pattern : NULL;
}


const char *router_loggable_path(const char *path)
{
	/* An edit link's path is its key: whatever became of the request (a
	 * 404 for a trailing slash, a 413 before routing), log only its start. */
	static const char edit[] = "/enterprises/edit/";
	return strncmp(path, edit, sizeof(edit) - 1) ? path : "/enterprises/edit/…";
}

/* Matches path against pattern, capturing "{}" segments into req->params
 * (unless req is NULL). */
static bool route_match(const char *pattern, const char *path, struct request *req)
{
	size_t nparams = 0;
	while (*pattern && *path) {
		if (pattern[0] == '{' && pattern[1] == '}') {
			size_t seg = strcspn(path, "/");
			if (seg == 0 || nparams == ROUTE_MAX_PARAMS)
				return false;
			if (req)
				req->params[nparams] = arena_strndup(req->arena, path, seg);
			nparams++;
			path += seg;
			pattern += 2;
		} else if (*pattern++ != *path++) {
			return false;
		}
	}
	return *pattern == '\0' && *path == '\0';
}

int router_route_index(const char *path)
{
	for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]); i++)
		if (route_match(routes[i].pattern, path, NULL))
			return (int)i;
	return -1;
}

static bool is_api(const struct request *req)
{
	return !strncmp(req->path, "/api/", 5);
}

/* The API any site's scripts may read (no cookies count there): all of it
 * but the staff's. Errors included, so a script can read their message. */
static bool public_api(const struct request *req)
{
	return is_api(req) && strncmp(req->path, "/api/v1/admin", 13);
}

/* Staff routes get the session loaded here. Public routes, the login form
 * among them, do not (their forms carry the visitor's token whoever is
 * signed in), except a page that shows staff more and asks for it. */
void handler_load_session(struct request *req)
{
	struct session *session = ARENA_NEW(req->arena, struct session);
	if (req->store && auth_session(req->store, request_cookie(req, session_cookie), req->now, req->arena,
				       session) == STORE_OK)
		req->session = session;
}

/* Whether the route's access rule lets req through; else res says why. */
static bool allowed(const struct route *r, struct request *req, struct response *res)
{
	if (r->access == PUBLIC)
		return true;
	if (!req->session) {
		if (is_api(req)) {
			res->status = 401;
			res->error_code = "unauthorized";
			res->error_message = "需要登录。";
		} else {
			/* Back to this page after signing in (GET only: a form
			 * posted without a session cannot be replayed). */
			const char *next = req->method == HTTP_GET ? req->path : "/admin";
			struct buf *to = arena_buf(req->arena);
			buf_puts(to, "/admin/login?next=");
			url_escape(to, next, strlen(next));
			response_redirect(res, buf_cstr(to));
		}
		return false;
	}
	if (r->access == ADMIN && req->session->role != ROLE_ADMIN) {
		res->status = 403;
		res->error_code = "forbidden";
		res->error_message = "只有管理员可以使用此功能。";
		return false;
	}
	return true;
}

/* Every POST: a well-formed form in valid UTF-8 carrying the right CSRF
 * token. Nothing is stored when any of this fails. */
static bool form_ok(struct request *req, struct response *res)
{
	if (!req->form) {
		res->status = 415;
		res->error_code = "unsupported_media_type";
		res->error_message = "请以表单格式（application/x-www-form-urlencoded 或 multipart/form-data）提交。";
		return false;
	}
	if (req->form->problem) {
		handler_reject(res, "malformed_form", req->form->problem);
		return false;
	}
	for (size_t i = 0; i < req->form->n; i++) {
		const struct buf *v = req->form->fields[i].value;
		if (!utf8_valid(v->data, v->len, NULL) || !utf8_valid(req->form->fields[i].name,
									strlen(req->form->fields[i].name), NULL)) {
			handler_reject(res, "invalid_encoding", "提交的内容含有无效的字符编码（应为 UTF-8）。");
			return false;
		}
	}
	if (request_form_count(req, "csrf_token") > 1) {
		handler_reject(res, "duplicate_field", "表单中有重复的字段。");
		return false;
	}
	const char *expected = req->session ? req->session->csrf_token
					    : visitor_token(req, request_cookie(req, visitor_cookie));
	if (!auth_csrf_ok(expected, request_form(req, "csrf_token"))) {
		res->status = 403;
		res->error_code = "csrf_failed";
		res->error_message = "页面已过期或来源不明，提交未被接受。请返回上一页，刷新后重新提交（已填写的内容可先复制保存）。";
		return false;
	}
	return true;
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
		const struct route *match = NULL;
		for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
			const struct route *r = &routes[i];
			if (!route_match(r->pattern, req->path, req))
				continue;
			match = r;
			if (r->methods & (1u << req->method))
				break;
		}
		/* A preflight asks before conditional requests. */
		res->cors = public_api(req);
		if (match && req->method == HTTP_OPTIONS && res->cors) {
			res->status = 204;
			res->allow = match->allow;
			res->cache_control = NULL;
		} else if (match && !(match->methods & (1u << req->method))) {
			res->status = 405;
			res->allow = match->allow;
		} else if (match) {
			if (match->access != PUBLIC) {
				handler_load_session(req);
				res->cache_control = "no-store";
			}
			if (allowed(match, req, res) && (req->method != HTTP_POST || form_ok(req, res)))
				match->handle(req, res);
		}
	}
	if (res->status >= 400 && res->body->len == 0)
		router_error(req, res, res->status, res->error_code, res->error_message);
}

static const char *default_code(int status)
{
	switch (status) {
	case 400: return "bad_request";
	case 401: return "unauthorized";
	case 403: return "forbidden";
	case 404: return "not_found";
	case 405: return "method_not_allowed";
	case 413: return "payload_too_large";
	case 414: return "uri_too_long";
	case 415: return "unsupported_media_type";
	case 429: return "rate_limited";
	case 431: return "header_fields_too_large";
	case 503: return "unavailable";
	default: return "internal_error";
	}
}

void router_error(struct request *req, struct response *res, int status, const char *code, const char *message)
{
	struct view v = handler_view(req, res);
	res->status = status;
	res->cors = public_api(req);
	if (!res->cache_control || strcmp(res->cache_control, "no-store"))
		res->cache_control = "no-cache";
	if (is_api(req)) {
		res->content_type = json_type;
		view_error_json(&v, status, code ? code : default_code(status), message);
	} else {
		res->content_type = html_type;
		view_error(&v, status, message);
	}
}
