/* server: libmicrohttpd glue — request lifecycle, per-thread database
 * connections, access log, and graceful shutdown. */
#include "http/server.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "domain/import.h"
#include "http/address.h"
#include "http/cache.h"
#include "http/handlers.h"
#include "http/metrics.h"
#include "http/reads.h"
#include "http/searches.h"
#include "http/request_internal.h"
#include "http/router.h"
#include "util/date.h"
#include "util/html.h"
#include "util/log.h"
#include "util/mem.h"
#include "views/views.h"

enum {
	BODY_MAX = 256 * 1024,          /* no route takes more */
	BODY_DISCARD_MAX = 4 * BODY_MAX, /* past this an oversized body is cut off, not drained */
	CONNECTION_TIMEOUT_S = 30,      /* idle keep-alive connections are closed after this */
	CONNECTION_LIMIT = 4096,
	/* Without a proxy in front, one address may not hold more than this:
	 * a client trickling bytes keeps its connections alive, and could
	 * otherwise take every slot. (Behind a proxy all come from it.) */
	CONNECTIONS_PER_ADDRESS = 100,
	DRAIN_TIMEOUT_MS = 5000,        /* how long shutdown waits for requests in flight */
	LISTEN_SHOWN_SIZE = 300,        /* "HOST:PORT" as listened on */
	URL_MAX = 8 * 1024,             /* path and query; longer is a 414 */
	HEADERS_MAX = 16 * 1024,        /* all header lines; more is a 431 */
	HEADER_COUNT_MAX = 100,
	/* Per connection, for the request head MHD reads: room for our own
	 * limits above to answer first (with this site's page and headers). */
	CONNECTION_MEMORY = 64 * 1024,
};

static const char *db_path;
static bool access_log;
static atomic_int in_flight;
static atomic_bool stopping; /* once set, responses close their connections */

static const char body_too_large[] = "请求内容超过 256 KiB 的上限。";

/* Each pool thread opens its own SQLite connection on first use; all are
 * closed at shutdown, after the threads have stopped. */
static __thread struct store *thread_store;
static pthread_mutex_t stores_lock = PTHREAD_MUTEX_INITIALIZER;
static struct store **stores;
static size_t nstores;

static struct store *store_for_thread(void)
{
	if (thread_store)
		return thread_store;
	struct buf err = { 0 };
	struct store *s;
	if (store_open(db_path, &s, &err) != STORE_OK) {
		log_error("%s", buf_cstr(&err));
		buf_free(&err);
		return NULL;
	}
	buf_free(&err);
	pthread_mutex_lock(&stores_lock);
	stores = xrealloc(stores, (nstores + 1) * sizeof(*stores));
	stores[nstores++] = s;
	pthread_mutex_unlock(&stores_lock);
	thread_store = s;
	return s;
}

static void close_stores(void)
{
	for (size_t i = 0; i < nstores; i++)
		store_close(stores[i]);
	free(stores);
	stores = NULL;
	nstores = 0;
}

static enum http_method parse_method(const char *m)
{
	if (!strcmp(m, MHD_HTTP_METHOD_GET))
		return HTTP_GET;
	if (!strcmp(m, MHD_HTTP_METHOD_HEAD))
		return HTTP_HEAD;
	if (!strcmp(m, MHD_HTTP_METHOD_POST))
		return HTTP_POST;
	if (!strcmp(m, MHD_HTTP_METHOD_OPTIONS))
		return HTTP_OPTIONS;
	return HTTP_OTHER;
}

static const char *trusted_proxy;

/* Sets who the request comes from: its peer, and the client (the peer, or
 * the one a trusted proxy names). */
static void set_addresses(struct MHD_Connection *conn, struct request *req)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *peer = ci ? ci->client_addr : NULL;
	req->peer_ip = address_peer(peer, req->arena);
	req->via_proxy = trusted_proxy && !strcmp(req->peer_ip, trusted_proxy);
	req->client_ip = address_client(peer, request_header(req, "X-Forwarded-For"), trusted_proxy, req->arena);
}

static enum MHD_Result add_query_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	struct buf *key_buf = cls;
	url_escape(key_buf, key, strlen(key));
	if (value) {
		buf_putc(key_buf, '=');
		url_escape(key_buf, value, strlen(value));
	}
	buf_putc(key_buf, '&');
	return MHD_YES;
}

/* The path and its query arguments in the order sent, re-encoded: what
 * the cache files a response under. */
static const char *cache_key(struct MHD_Connection *conn, struct request *req)
{
	struct buf *key = arena_buf(req->arena);
	url_escape(key, req->path, strlen(req->path)); /* a decoded path may hold '?' */
	buf_putc(key, '?');
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, add_query_arg, key);
	return buf_cstr(key);
}

static struct request *request_new(struct MHD_Connection *conn, const char *url, const char *method)
{
	struct arena *arena = arena_new();
	struct request *req = ARENA_NEW(arena, struct request);
	req->arena = arena;
	req->conn = conn;
	req->method_name = arena_strdup(arena, method);
	req->method = parse_method(method);
	req->path = arena_strdup(arena, url);
	set_addresses(conn, req);
	req->client_key = address_rate_key(req->client_ip, arena);
	/* TLS ends at a proxy in front, if anywhere; trusting its header can
	 * only add Secure to cookies, which helps no attacker. */
	const char *proto = request_header(req, "X-Forwarded-Proto");
	req->https = proto && !strcasecmp(proto, "https");
	req->accepts = encoding_negotiate(request_header(req, "Accept-Encoding"));
	if (req->method == HTTP_GET || req->method == HTTP_HEAD)
		req->cache_key = cache_key(conn, req);
	req->now = (int64_t)time(NULL);
	clock_gettime(CLOCK_MONOTONIC, &req->started);
	atomic_fetch_add(&in_flight, 1);
	metrics_request_started();
	return req;
}

static const char *const security_headers[][2] = {
	{ "X-Content-Type-Options", "nosniff" },
	{ "X-Frame-Options", "DENY" },
	{ "Referrer-Policy", "strict-origin-when-cross-origin" },
	{ "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
				     "script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'" },
};

static enum MHD_Result send_response(struct MHD_Connection *conn, struct request *req, struct response *res)
{
	/* The body lives in the request's arena, which outlives the sending. */
	struct MHD_Response *r =
		MHD_create_response_from_buffer(res->body->len, res->body->data, MHD_RESPMEM_PERSISTENT);
	if (!r)
		return MHD_NO;
	/* A 304 describes no body of its own (RFC 9110 §15.4.5). */
	bool has_body = res->status != 304;
	if (has_body)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, res->content_type);
	if (res->cache_control)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, res->cache_control);
	if (res->allow)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, res->allow);
	if (res->location)
		MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, res->location);
	if (res->content_disposition && has_body)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_DISPOSITION, res->content_disposition);
	if (res->retry_after > 0) {
		char secs[24];
		snprintf(secs, sizeof(secs), "%ld", res->retry_after);
		MHD_add_response_header(r, MHD_HTTP_HEADER_RETRY_AFTER, secs);
	}
	if (res->etag)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, res->etag);
	if (res->last_modified) {
		char date[HTTP_DATE_SIZE];
		date_http_format(res->last_modified, date);
		MHD_add_response_header(r, MHD_HTTP_HEADER_LAST_MODIFIED, date);
	}
	if (res->encoding != ENCODING_IDENTITY && has_body)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_ENCODING, encoding_name(res->encoding));
	if (res->vary_encoding)
		MHD_add_response_header(r, MHD_HTTP_HEADER_VARY, MHD_HTTP_HEADER_ACCEPT_ENCODING);
	if (res->cors) {
		MHD_add_response_header(r, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		MHD_add_response_header(r, "Access-Control-Expose-Headers", "ETag");
		if (req->method == HTTP_OPTIONS) {
			MHD_add_response_header(r, "Access-Control-Allow-Methods", res->allow);
			MHD_add_response_header(r, "Access-Control-Allow-Headers", "If-None-Match, If-Modified-Since");
			MHD_add_response_header(r, "Access-Control-Max-Age", "86400");
		}
	}
	for (size_t i = 0; i < RESPONSE_MAX_COOKIES && res->set_cookie[i]; i++)
		MHD_add_response_header(r, MHD_HTTP_HEADER_SET_COOKIE, res->set_cookie[i]);
	for (size_t i = 0; i < sizeof(security_headers) / sizeof(security_headers[0]); i++)
		MHD_add_response_header(r, security_headers[i][0], security_headers[i][1]);
	if (res->close || atomic_load(&stopping))
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
	enum MHD_Result ret = MHD_queue_response(conn, (unsigned)res->status, r);
	MHD_destroy_response(r);
	if (ret == MHD_YES) {
		req->status = res->status;
		req->sent_bytes = res->body->len;
		req->tally = res->tally;
	}
	return ret;
}

struct header_counts {
	unsigned content_length, transfer_encoding, host, all;
	size_t bytes;
};

static enum MHD_Result count_header(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	struct header_counts *n = cls;
	n->content_length += !strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH);
	n->transfer_encoding += !strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING);
	n->host += !strcasecmp(key, MHD_HTTP_HEADER_HOST);
	n->all++;
	n->bytes += strlen(key) + (value ? strlen(value) : 0) + 4; /* ": " and CRLF */
	return MHD_YES;
}

static enum MHD_Result count_url_bytes(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	*(size_t *)cls += strlen(key) + (value ? strlen(value) : 0) + 2;
	return MHD_YES;
}

/* Refuses requests whose framing a proxy in front might read differently
 * (RFC 9112 §6.3): the way requests get smuggled past it. Returns the status
 * to answer with, or 0 when the request may go on. */
static int check_framing(struct MHD_Connection *conn, const char *url, const char *version, const char **message)
{
	size_t url_bytes = strlen(url);
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, count_url_bytes, &url_bytes);
	if (url_bytes > URL_MAX) {
		*message = "请求地址过长（上限 8 KiB）。";
		return 414;
	}
	struct header_counts n = { 0 };
	MHD_get_connection_values(conn, MHD_HEADER_KIND, count_header, &n);
	if (n.bytes > HEADERS_MAX || n.all > HEADER_COUNT_MAX) {
		*message = "请求头过大（上限 16 KiB、100 行）。";
		return 431;
	}
	if (n.content_length > 1 || (n.content_length && n.transfer_encoding)) {
		*message = "请求的长度信息自相矛盾（重复的 Content-Length，或同时带有 Transfer-Encoding）。";
		return 400;
	}
	if (n.host > 1) {
		*message = "请求带有多个 Host 头。";
		return 400;
	}
	if (n.host == 0 && !strcmp(version, MHD_HTTP_VERSION_1_1)) {
		/* RFC 9112 §3.2: an HTTP/1.1 request without Host is a 400. */
		*message = "请求缺少 Host 头。";
		return 400;
	}
	const char *length = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (length && strtoull(length, NULL, 10) > BODY_MAX) {
		*message = body_too_large;
		return 413;
	}
	return 0;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
				  const char *version, const char *upload_data, size_t *upload_data_size,
				  void **con_cls)
{
	(void)cls, (void)upload_data;
	struct request *req = *con_cls;
	struct response res = { 0 };
	if (!req) {
		req = *con_cls = request_new(conn, url, method);
		const char *message = NULL;
		int status = check_framing(conn, url, version, &message);
		if (status == 0) {
			if (req->method == HTTP_POST)
				form_start(req);
			/* Answering on the first call makes MHD 0.9.75 close the
			 * connection after the response, so wait one call to keep
			 * it alive. A refusal, below, is meant to close it. */
			return MHD_YES;
		}
		res.body = arena_buf(req->arena);
		res.close = true;
		router_error(req, &res, status, NULL, message);
		return send_response(conn, req, &res);
	}
	if (*upload_data_size) {
		/* A form body is parsed as it comes; any other is counted and
		 * dropped. MHD cannot answer before the body is in, so an
		 * oversized one (chunked, with no Content-Length to refuse early)
		 * is drained up to a cap, then cut. */
		req->body_bytes += *upload_data_size;
		if (req->body_bytes <= BODY_MAX)
			form_feed(req, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return req->body_bytes <= BODY_DISCARD_MAX ? MHD_YES : MHD_NO;
	}
	form_finish(req);
	res.body = arena_buf(req->arena);
	if (req->body_bytes > BODY_MAX) {
		res.close = true;
		router_error(req, &res, 413, NULL, body_too_large);
		return send_response(conn, req, &res);
	}
	req->store = store_for_thread();
	if (req->store && req->cache_key &&
	    store_content_version(req->store, &req->content_version, &req->content_changed_at) != STORE_OK)
		req->content_version = 0; /* logged; answered without the cache */
	if (!cache_answer(req, &res)) {
		router_dispatch(req, &res);
		cache_finish(req, &res);
	}
	return send_response(conn, req, &res);
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Access log: client, request, status, bytes, time. Control characters in the
 * path are replaced so a request cannot forge log lines. */
static void log_access(const struct request *req)
{
	struct buf line = { 0 };
	buf_put_printable(&line, req->method_name, strnlen(req->method_name, 16));
	buf_putc(&line, ' ');
	const char *path = router_loggable_path(req->path);
	buf_put_printable(&line, path, strnlen(path, 512));
	double ms = seconds_since(&req->started) * 1e3;
	log_info("%s \"%s\" %d %zu %.2fms", req->client_ip, buf_cstr(&line), req->status, req->sent_bytes, ms);
	buf_free(&line);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)cls, (void)conn, (void)toe;
	struct request *req = *con_cls;
	if (!req)
		return;
	if (access_log && req->status)
		log_access(req);
	/* Unanswered requests (the client left) are not counted, as in the
	 * log; a HEAD's body is never sent. */
	if (req->status)
		metrics_request_done(router_route_index(req->path), (int)req->method, req->status,
				     seconds_since(&req->started), req->method == HTTP_HEAD ? 0 : req->sent_bytes);
	else
		metrics_request_abandoned();
	/* A read, counted once the page is on its way (from the cache or not). */
	if (req->status == 200 && req->method == HTTP_GET)
		reads_note(req->store, reads_article_of(req->path), req->client_key, request_header(req, "User-Agent"),
			   req->now);
	if (req->status == 200 && req->method == HTTP_GET && req->tally != TALLY_NONE)
		searches_note(req->store, request_query(req, "q"), req->tally == TALLY_SEARCH_FOUND_NOTHING,
			      req->client_key, request_header(req, "User-Agent"), req->now);
	form_finish(req);
	arena_free(req->arena);
	*con_cls = NULL;
	atomic_fetch_sub(&in_flight, 1);
}

__attribute__((format(printf, 2, 0))) static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	char msg[512];
	vsnprintf(msg, sizeof(msg), fmt, ap);
	msg[strcspn(msg, "\n")] = '\0';
	log_error("http: %s", msg);
}

/* Percent-decodes a URL path or query value in place, as MHD would, except
 * that %00 stays as it is: a NUL would cut the string short, so that
 * "/articles/1%00junk" became "/articles/1". */
static size_t unescape_url(void *cls, struct MHD_Connection *conn, char *s)
{
	(void)cls, (void)conn;
	char *out = s;
	for (const char *in = s; *in; in++) {
		if (in[0] == '%' && isxdigit((unsigned char)in[1]) && isxdigit((unsigned char)in[2])) {
			char hex[3] = { in[1], in[2], '\0' };
			char c = (char)strtol(hex, NULL, 16);
			if (c != '\0') {
				*out++ = c;
				in += 2;
				continue;
			}
		}
		*out++ = *in;
	}
	*out = '\0';
	return (size_t)(out - s);
}

/* Splits "HOST:PORT" (HOST may be "[v6]") and resolves it. */
static struct addrinfo *resolve_listen(const char *listen)
{
	const char *colon = strrchr(listen, ':');
	if (!colon || colon == listen || !colon[1]) {
		log_error("监听地址“%s”应为 HOST:PORT，例如 127.0.0.1:8080", listen);
		return NULL;
	}
	char host[256];
	size_t hlen = (size_t)(colon - listen);
	if (listen[0] == '[' && colon[-1] == ']') {
		listen++;
		hlen -= 2;
	}
	if (hlen >= sizeof(host)) {
		log_error("监听地址“%s”过长", listen);
		return NULL;
	}
	memcpy(host, listen, hlen);
	host[hlen] = '\0';
	struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
				  .ai_flags = AI_PASSIVE | AI_NUMERICSERV };
	struct addrinfo *ai = NULL;
	int rc = getaddrinfo(host, colon + 1, &hints, &ai);
	if (rc != 0) {
		log_error("无法解析监听地址“%s”：%s", listen, gai_strerror(rc));
		return NULL;
	}
	return ai;
}

/* Binds and listens on opts' address ourselves, so the port (chosen by
 * the system when 0) is known before the first request; writes
 * "HOST:PORT" as listened on into shown. */
static int open_listener(const char *listen_on, char *shown, size_t shown_size)
{
	struct addrinfo *ai = resolve_listen(listen_on);
	if (!ai)
		return -1;
	int fd = socket(ai->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	int on = 1;
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) < 0 ||
	    bind(fd, ai->ai_addr, ai->ai_addrlen) < 0 || listen(fd, SOMAXCONN) < 0) {
		log_error("无法在 %s 上监听（地址被占用或无权限？）", listen_on);
		if (fd >= 0)
			close(fd);
		freeaddrinfo(ai);
		return -1;
	}
	freeaddrinfo(ai);
	struct sockaddr_storage bound;
	socklen_t len = sizeof(bound);
	unsigned port = 0;
	if (getsockname(fd, (struct sockaddr *)&bound, &len) == 0)
		port = ntohs(bound.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&bound)->sin6_port
							 : ((struct sockaddr_in *)&bound)->sin_port);
	snprintf(shown, shown_size, "%.*s:%u", (int)(strrchr(listen_on, ':') - listen_on), listen_on, port);
	return fd;
}

/* The site's public address as configured — a scheme and a host with an
 * optional port, since pages link from the root — checked and without a
 * trailing slash (in static storage), or NULL after logging why it is not
 * one. */
static const char *base_url_check(const char *url)
{
	static char checked[512];
	bool http = !strncmp(url, "http://", 7), https = !strncmp(url, "https://", 8);
	const char *host = url + (https ? 8 : 7);
	size_t len = strlen(url);
	if (len > 0 && url[len - 1] == '/')
		len--;
	bool clean = len < sizeof(checked) && (size_t)(host - url) < len && host[0] != ':';
	for (size_t i = (size_t)(host - url); clean && i < len; i++)
		clean = (unsigned char)url[i] > ' ' && url[i] != 0x7f && !strchr("\"'<>\\^`{|}?#/@", url[i]);
	if (!(http || https) || !clean) {
		log_error("网站地址“%s”应为 http:// 或 https:// 加域名（可带端口），不带路径和参数，例如 https://zhaoshang.example.cn",
			  url);
		return NULL;
	}
	memcpy(checked, url, len);
	checked[len] = '\0';
	return checked;
}

static unsigned cpu_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (unsigned)n : 1;
}

static void wait_for_drain(void)
{
	for (int waited = 0; atomic_load(&in_flight) > 0 && waited < DRAIN_TIMEOUT_MS; waited += 10)
		usleep(10 * 1000);
}

/* The trusted proxy's address as inet_ntop writes peers' (static
 * storage); -1 after logging when it is not an IP address. */
static int set_trusted_proxy(const char *address)
{
	static char proxy[INET6_ADDRSTRLEN];
	trusted_proxy = NULL;
	if (!address)
		return 0;
	unsigned char bytes[16];
	int family = strchr(address, ':') ? AF_INET6 : AF_INET;
	if (inet_pton(family, address, bytes) != 1 || !inet_ntop(family, bytes, proxy, sizeof(proxy))) {
		log_error("可信代理地址“%s”不是有效的 IP 地址", address);
		return -1;
	}
	trusted_proxy = proxy;
	return 0;
}

/* Opens the database once before accepting anyone — migrating it, taking
 * out what a dead import left half-written, and reading what the handlers
 * keep from it; -1 after logging why not. */
static int check_database(const struct server_options *opts)
{
	struct buf err = { 0 };
	struct store *probe;
	int rc = -1;
	if (store_open(db_path, &probe, &err) != STORE_OK) {
		log_error("%s", buf_cstr(&err));
	} else if (import_recover(probe, (int64_t)time(NULL)) < 0) {
		log_error("无法撤回数据库 %s 中未完成的导入", db_path);
		store_close(probe);
	} else {
		rc = handlers_init(probe, opts->form_rate, opts->sitemap_urls);
		if (rc < 0)
			log_error("无法读取数据库 %s 中的表单密钥", db_path);
		store_close(probe);
	}
	buf_free(&err);
	return rc;
}

/* Compiles the templates for the site at base_url, or by default at the
 * address listened on (shown); -1 after logging why not. */
static int start_views(const char *base_url, const char *shown, const struct site_info *site)
{
	static char default_base[sizeof("http://") + LISTEN_SHOWN_SIZE];
	snprintf(default_base, sizeof(default_base), "http://%s", shown);
	if (!base_url && strncmp(shown, "127.", 4) && strncmp(shown, "[::1]", 5) && strncmp(shown, "localhost:", 10))
		log_info("warning: feeds, sitemaps and canonical links will name %s; set --base-url (ZHAOSHANG_BASE_URL) "
			 "to the site's public address",
			 default_base);
	struct buf err = { 0 };
	int rc = views_init(base_url ? base_url : default_base, site, &err);
	if (rc < 0)
		log_error("模板编译失败：%s", buf_cstr(&err));
	buf_free(&err);
	return rc;
}

static struct MHD_Daemon *start_daemon(int listener, unsigned threads)
{
	unsigned flags = MHD_USE_EPOLL | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG | MHD_USE_ITC;
	return MHD_start_daemon(
		flags, 0, NULL, NULL, on_request, NULL, MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, NULL,
		MHD_OPTION_UNESCAPE_CALLBACK, unescape_url, NULL, MHD_OPTION_LISTEN_SOCKET, listener,
		MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)CONNECTION_TIMEOUT_S,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)CONNECTION_LIMIT, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
		trusted_proxy ? 0U : (unsigned)CONNECTIONS_PER_ADDRESS, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
		(size_t)CONNECTION_MEMORY, MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_END);
}

/* Stops accepting, lets requests in flight finish (DRAIN_TIMEOUT_MS at
 * most) and stops the daemon. */
static void stop_daemon(struct MHD_Daemon *d)
{
	atomic_store(&stopping, true);
	MHD_socket quiesced = MHD_quiesce_daemon(d);
	wait_for_drain();
	MHD_stop_daemon(d);
	if (quiesced != MHD_INVALID_SOCKET)
		close(quiesced); /* else MHD closed it */
}

int server_run(const struct server_options *opts)
{
	int rc = -1, listener = -1;
	char shown[LISTEN_SHOWN_SIZE];
	db_path = opts->db_path;
	access_log = opts->access_log;
	const char *base_url = NULL;
	if (set_trusted_proxy(opts->trusted_proxy) < 0 || check_database(opts) < 0 ||
	    (opts->base_url && !(base_url = base_url_check(opts->base_url))))
		goto out;
	listener = open_listener(opts->listen, shown, sizeof(shown));
	if (listener < 0 || start_views(base_url, shown, &opts->site) < 0)
		goto out;
	cache_init((int64_t)time(NULL));
	metrics_init((int64_t)time(NULL), router_pattern);
	reads_init(opts->reads_flush_seconds);
	searches_init(opts->reads_flush_seconds);
	/* Signals are taken by sigwait() below, never by the pool threads. */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	unsigned threads = opts->threads ? opts->threads : cpu_count();
	struct MHD_Daemon *d = start_daemon(listener, threads);
	if (!d) {
		log_error("无法在 %s 上启动服务", opts->listen);
		goto out;
	}
	listener = -1; /* the daemon's now */
	log_info("listening on http://%s/ (%u threads, database %s)", shown, threads, db_path);
	int sig = 0;
	sigwait(&stop, &sig);
	log_info("received %s: finishing requests in flight", sig == SIGINT ? "SIGINT" : "SIGTERM");
	stop_daemon(d);
	/* The pool has stopped: no one else uses the store. */
	reads_flush(nstores ? stores[0] : NULL, (int64_t)time(NULL));
	searches_flush(nstores ? stores[0] : NULL, (int64_t)time(NULL));
	log_info("stopped");
	rc = 0;
out:
	if (listener >= 0)
		close(listener);
	close_stores();
	cache_shutdown();
	views_shutdown();
	return rc;
}
