/* Integration tests for /metrics: Prometheus's text format, counters that
 * follow the requests made, gauges that agree with the site, and the page
 * kept for this machine. */
#include <criterion/criterion.h>
#include <regex.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static char *dir, *db;
static struct test_server server;

static void setup(void)
{
	dir = tmp_dir_new();
	if (asprintf(&db, "%s/metrics.db", dir) < 0)
		abort();
	struct run_result r;
	run_cmd((const char *[]){ zs_bin(), "import", "--db", db, "data/demo/articles.txt", NULL }, &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_result_free(&r);
	cr_assert(server_start(&server, db));
}

static void teardown(void)
{
	cr_expect_eq(server_stop(&server), 0);
	free(db);
	tmp_dir_remove(dir);
	unsetenv("ZHAOSHANG_TRUSTED_PROXY");
}

TestSuite(metrics, .init = setup, .fini = teardown, .timeout = 60);

static char *metrics(int port)
{
	struct http_reply r;
	http_request(port, "GET", "/metrics", &r);
	cr_assert_eq(r.status, 200, "%s", r.body);
	char *type = http_header(&r, "Content-Type");
	cr_assert_str_eq(type, "text/plain; version=0.0.4; charset=utf-8");
	free(type);
	char *body = strdup(r.body);
	http_reply_free(&r);
	return body;
}

/* The value of the sample written exactly as series ("name{labels}"), or 0. */
static double sample(const char *text, const char *series)
{
	size_t n = strlen(series);
	for (const char *p = text; (p = strstr(p, series)); p += n)
		if ((p == text || p[-1] == '\n') && p[n] == ' ')
			return strtod(p + n + 1, NULL);
	return 0;
}

static void get(const char *method, const char *path, int status)
{
	struct http_reply r;
	http_request(server.port, method, path, &r);
	cr_assert_eq(r.status, status, "%s %s", method, path);
	http_reply_free(&r);
}

Test(metrics, every_line_is_prometheus_text_format)
{
	get("GET", "/", 200);
	char *text = metrics(server.port);
	regex_t sample_line, comment;
	cr_assert_eq(regcomp(&sample_line,
			     "^[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"[^\"\\\\]*\",?)*\\})? "
			     "[-+]?([0-9.]+([eE][-+]?[0-9]+)?|Inf|NaN)$",
			     REG_EXTENDED | REG_NOSUB),
		     0);
	cr_assert_eq(regcomp(&comment, "^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$", REG_EXTENDED | REG_NOSUB), 0);
	size_t lines = 0;
	for (char *save = NULL, *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		regex_t *grammar = line[0] == '#' ? &comment : &sample_line;
		cr_assert_eq(regexec(grammar, line, 0, NULL, 0), 0, "not the text format: %s", line);
		lines++;
	}
	cr_assert_gt(lines, 20);
	regfree(&sample_line);
	regfree(&comment);
	free(text);
}

Test(metrics, request_counters_follow_the_requests_made)
{
	char *before = metrics(server.port);
	for (int i = 0; i < 3; i++)
		get("GET", "/articles/1", 200);
	get("POST", "/", 405);
	get("GET", "/no/such/page", 404);
	char *after = metrics(server.port);
	const char *article = "zhaoshang_http_requests_total{route=\"/articles/{}\",method=\"GET\",code=\"200\"}";
	cr_assert_eq(sample(after, article) - sample(before, article), 3);
	const char *refused = "zhaoshang_http_requests_total{route=\"/\",method=\"POST\",code=\"405\"}";
	cr_assert_eq(sample(after, refused) - sample(before, refused), 1);
	const char *lost = "zhaoshang_http_requests_total{route=\"none\",method=\"GET\",code=\"404\"}";
	cr_assert_eq(sample(after, lost) - sample(before, lost), 1);
	const char *count = "zhaoshang_http_request_duration_seconds_count{route=\"/articles/{}\"}";
	const char *inf = "zhaoshang_http_request_duration_seconds_bucket{route=\"/articles/{}\",le=\"+Inf\"}";
	cr_assert_eq(sample(after, count), sample(after, article), "the histogram counts what the counter does");
	cr_assert_eq(sample(after, inf), sample(after, count));
	/* Asked three times, the article page came from the cache at least twice. */
	const char *hits = "zhaoshang_cache_requests_total{result=\"hit\"}";
	cr_assert_geq(sample(after, hits) - sample(before, hits), 2);
	free(before);
	free(after);
}

Test(metrics, gauges_agree_with_the_site)
{
	char *text = metrics(server.port);
	struct http_reply r;
	http_request(server.port, "GET", "/api/v1/articles", &r);
	const char *total = strstr(r.body, "\"total\":");
	cr_assert_not_null(total);
	cr_assert_eq(sample(text, "zhaoshang_articles"), atof(total + 8));
	cr_assert_eq(sample(text, "zhaoshang_submissions{status=\"pending\"}"), 0);
	cr_assert_gt(sample(text, "zhaoshang_content_version"), 0);
	cr_assert_gt(sample(text, "zhaoshang_start_time_seconds"), 1.7e9);
	cr_assert_geq(sample(text, "zhaoshang_http_requests_in_flight"), 1, "the request asking is in flight");
	http_reply_free(&r);
	free(text);
}

Test(metrics, only_this_machine_may_read_them)
{
	/* Behind a proxy on this machine, a visitor from outside is refused. */
	setenv("ZHAOSHANG_TRUSTED_PROXY", "127.0.0.1", 1);
	struct test_server proxied;
	cr_assert(server_start(&proxied, db));
	const char outside[] = "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.7\r\nConnection: close\r\n\r\n";
	struct http_reply r;
	http_raw(proxied.port, outside, sizeof(outside) - 1, &r);
	cr_assert_eq(r.status, 403);
	cr_assert_not_null(strstr(r.body, "只对本机开放"));
	cr_assert_null(strstr(r.body, "zhaoshang_"));
	http_reply_free(&r);
	/* A proxy that names no client, or names it oddly, is a visitor too. */
	const char *const forwarded[] = { "", "X-Forwarded-For: \r\n", "X-Forwarded-For: garbage\r\n",
					  "X-Forwarded-For: 127.0.0.1\r\n" };
	for (size_t i = 0; i < sizeof(forwarded) / sizeof(forwarded[0]); i++) {
		char request[256];
		snprintf(request, sizeof(request), "GET /metrics HTTP/1.1\r\nHost: x\r\n%sConnection: close\r\n\r\n",
			 forwarded[i]);
		http_raw(proxied.port, request, strlen(request), &r);
		cr_assert_eq(r.status, 403, "through the proxy with \"%s\"", forwarded[i]);
		http_reply_free(&r);
	}
	cr_assert_eq(server_stop(&proxied), 0);
}

Test(metrics, a_forwarded_request_is_not_this_machine_even_without_a_trusted_proxy)
{
	/* A proxy on this machine that nobody declared: its requests say
	 * whom they carry. */
	const char *const headers[] = { "X-Forwarded-For: 203.0.113.7", "Forwarded: for=203.0.113.7", "X-Real-IP: 203.0.113.7" };
	for (size_t i = 0; i < sizeof(headers) / sizeof(headers[0]); i++) {
		char request[256];
		snprintf(request, sizeof(request), "GET /metrics HTTP/1.1\r\nHost: x\r\n%s\r\nConnection: close\r\n\r\n",
			 headers[i]);
		struct http_reply r;
		http_raw(server.port, request, strlen(request), &r);
		cr_assert_eq(r.status, 403, "%s", headers[i]);
		http_reply_free(&r);
	}
	free(metrics(server.port)); /* asked directly: allowed */
}

/* A database that answers reads but takes no write (here: another writer
 * holds the lock past the busy timeout; a full disk fails the same way)
 * is not healthy for forms: /healthz?write=1 says so, /healthz still
 * answers for reads, and /metrics counts the failed writes. */
Test(metrics, write_health_is_reported_apart_from_read_health)
{
	struct http_reply r;
	http_request(server.port, "GET", "/healthz?write=1", &r);
	cr_assert_eq(r.status, 200, "%s", r.body);
	cr_assert_str_eq(r.body, "ok\n");
	http_reply_free(&r);
	char *before = metrics(server.port);
	double failed = sample(before, "zhaoshang_database_write_failures_total");
	free(before);

	sqlite3 *writer;
	cr_assert_eq(sqlite3_open(db, &writer), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(writer, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(writer));
	http_request(server.port, "GET", "/healthz?write=1", &r);
	cr_assert_eq(r.status, 503, "%s", r.body);
	cr_assert_str_eq(r.body, "database reads, but takes no write\n");
	http_reply_free(&r);
	http_request(server.port, "GET", "/healthz", &r);
	cr_assert_eq(r.status, 200, "reads still work: %s", r.body);
	http_reply_free(&r);
	char *during = metrics(server.port);
	cr_assert_gt(sample(during, "zhaoshang_database_write_failures_total"), failed, "the failed write is counted");
	free(during);

	cr_assert_eq(sqlite3_exec(writer, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(writer);
	http_request(server.port, "GET", "/healthz?write=1", &r);
	cr_assert_eq(r.status, 200, "writable again: %s", r.body);
	http_reply_free(&r);
}
