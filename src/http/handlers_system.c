/* handlers_system: what keeps the site running rather than what it shows
 * — /healthz, /metrics — and the static files. */
#include <string.h>

#include "http/address.h"
#include "http/cache.h"
#include "http/handlers.h"
#include "http/metrics.h"
#include "http/params.h"
#include "util/assets.h"

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
void handle_metrics(struct request *req, struct response *res)
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
	g.failed_writes = store_failed_writes();
	metrics_write(res->body, &g);
	res->status = 200;
	res->content_type = "text/plain; version=0.0.4; charset=utf-8";
	res->cache_control = "no-store";
}

static const struct param_rule health_params[] = { { .name = "write", .kind = PARAM_FLAG } };

/* Reads, and with ?write=1 writes too: a database that still answers
 * queries may take no write (a full disk), and a load balancer that only
 * reads would send it every form. */
void handle_healthz(struct request *req, struct response *res)
{
	struct param_values p;
	if (!params_read(req, res, health_params, 1, &p))
		return;
	bool read = req->store && store_ping(req->store);
	bool write = read && (!p.number[0] || store_check_write(req->store, req->now) == STORE_OK);
	res->status = read && write ? 200 : 503;
	res->content_type = "text/plain; charset=utf-8";
	res->cache_control = "no-store";
	buf_puts(res->body, !read ? "database unavailable\n" : !write ? "database reads, but takes no write\n" : "ok\n");
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
void handle_static(struct request *req, struct response *res)
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
