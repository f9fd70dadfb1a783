/* Integration tests: HTTP as a client meets it — validators and 304s, the
 * response cache following content changes, content codings, keep-alive and
 * pipelining, the site's own answers at its limits, security and caching
 * headers, slow clients, and CORS — over raw sockets to the real server. */
#define ZLIB_CONST
#include <arpa/inet.h>
#include <brotli/decode.h>
#include <criterion/criterion.h>
#include <errno.h>
#include <jansson.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "harness.h"
#include "site.h"
#include "util/buf.h"

static char *dir, *db;
static struct test_server server;

static void setup(void)
{
	dir = tmp_dir_new();
	if (asprintf(&db, "%s/protocol.db", dir) < 0)
		abort();
	import_into(db, (const char *[]){ seed_or_demo_path(), "data/demo/articles.txt", "data/demo/articles.jsonl", NULL });
	cr_assert(server_start(&server, db), "server did not start");
}

static void teardown(void)
{
	char *log = server_log(&server);
	int status = server_stop(&server);
	cr_expect_eq(status, 0, "server exited with %d; its log:\n%s", status, log);
	free(log);
	free(db);
	tmp_dir_remove(dir);
}

TestSuite(protocol, .init = setup, .fini = teardown, .timeout = 60);

/* method path on a connection of its own, with extra header lines (each
 * ending in \r\n, or ""), read until the server closes it. */
static void request_with(const char *method, const char *path, const char *headers, struct http_reply *r)
{
	struct buf req = { 0 };
	buf_printf(&req, "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\n%sConnection: close\r\n\r\n", method, path, headers);
	http_raw(server.port, req.data, req.len, r);
	buf_free(&req);
}

static void get_with(const char *path, const char *headers, struct http_reply *r)
{
	request_with("GET", path, headers, r);
}

/* Whether the reply ended with its head: nothing came after the blank line. */
static bool nothing_after_head(const struct http_reply *r)
{
	return r->body_len == 0 && r->raw_len == strlen(r->head) + 4;
}

static void expect_security_headers(const struct http_reply *r, const char *what)
{
	char *nosniff = http_header(r, "X-Content-Type-Options"), *csp = http_header(r, "Content-Security-Policy");
	char *referrer = http_header(r, "Referrer-Policy"), *frame = http_header(r, "X-Frame-Options");
	cr_assert_not_null(nosniff, "%s: no X-Content-Type-Options\n%s", what, r->head);
	cr_assert_str_eq(nosniff, "nosniff", "%s", what);
	cr_assert_not_null(csp, "%s: no Content-Security-Policy\n%s", what, r->head);
	cr_assert_null(strstr(csp, "unsafe-inline"), "%s: CSP allows inline code: %s", what, csp);
	cr_assert_not_null(strstr(csp, "default-src"), "%s: CSP without default-src: %s", what, csp);
	cr_assert_not_null(referrer, "%s: no Referrer-Policy\n%s", what, r->head);
	cr_assert(frame || strstr(csp, "frame-ancestors"), "%s: may be framed\n%s", what, r->head);
	free(nosniff);
	free(csp);
	free(referrer);
	free(frame);
}

/* ---- dates ---- */

static bool parse_http_date(const char *s, time_t *t)
{
	struct tm tm = { 0 };
	const char *end = s ? strptime(s, "%a, %d %b %Y %H:%M:%S GMT", &tm) : NULL;
	if (!end || *end)
		return false;
	*t = timegm(&tm);
	return true;
}

static void format_http_date(time_t t, char out[64])
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 64, "%a, %d %b %Y %H:%M:%S GMT", &tm);
}

/* ---- conditional requests ---- */

/* Responses that carry validators: a page of each kind and the machine-read ones. */
static const char *const validated_paths[] = { "/", "/articles/1", "/feed.xml", "/search/feed.xml?q=%E6%8A%95%E8%B5%84",
						"/api/v1/articles" };
enum { VALIDATED_PATHS = sizeof(validated_paths) / sizeof(validated_paths[0]) };

struct validators {
	char *etag, *last_modified;
	size_t body_len;
};

/* GET path (identity coding): a 200 with ETag and Last-Modified. */
static void validators_of(const char *path, struct validators *v)
{
	struct http_reply r;
	get_with(path, "", &r);
	cr_assert_eq(r.status, 200, "GET %s: %d", path, r.status);
	v->etag = http_header(&r, "ETag");
	v->last_modified = http_header(&r, "Last-Modified");
	cr_assert_not_null(v->etag, "GET %s has no ETag\n%s", path, r.head);
	cr_assert_not_null(v->last_modified, "GET %s has no Last-Modified\n%s", path, r.head);
	cr_assert_gt(r.body_len, 0);
	v->body_len = r.body_len;
	http_reply_free(&r);
}

static void validators_free(struct validators *v)
{
	free(v->etag);
	free(v->last_modified);
}

/* GET path with one header line; the status it got. */
static int status_with(const char *path, const char *header)
{
	struct http_reply r;
	get_with(path, header, &r);
	int status = r.status;
	if (status == 200)
		cr_assert_gt(r.body_len, 0, "GET %s with %s: a 200 without a body", path, header);
	http_reply_free(&r);
	return status;
}

Test(protocol, cacheable_responses_have_weak_etag_and_last_modified)
{
	for (size_t i = 0; i < VALIDATED_PATHS; i++) {
		struct validators v;
		validators_of(validated_paths[i], &v);
		size_t n = strlen(v.etag);
		cr_assert(n > 5 && !strncmp(v.etag, "W/\"", 3) && v.etag[n - 1] == '"', "%s: ETag %s", validated_paths[i],
			  v.etag);
		cr_assert(strchr(v.etag + 3, '"') == v.etag + n - 1, "%s: ETag %s has a quote inside", validated_paths[i],
			  v.etag);
		time_t t;
		cr_assert(parse_http_date(v.last_modified, &t), "%s: Last-Modified %s is no HTTP date", validated_paths[i],
			  v.last_modified);
		cr_assert_leq(t, time(NULL), "%s: Last-Modified %s is in the future", validated_paths[i], v.last_modified);
		validators_free(&v);
	}
}

Test(protocol, matching_etag_gets_304_without_a_body)
{
	for (size_t i = 0; i < VALIDATED_PATHS; i++) {
		const char *path = validated_paths[i];
		struct validators v;
		validators_of(path, &v);
		char header[256];
		snprintf(header, sizeof(header), "If-None-Match: %s\r\n", v.etag);
		struct http_reply r;
		get_with(path, header, &r);
		cr_assert_eq(r.status, 304, "GET %s with %s: %d", path, header, r.status);
		cr_assert(nothing_after_head(&r), "GET %s: the 304 sent %zu bytes after its head", path, r.body_len);
		char *etag = http_header(&r, "ETag"), *length = http_header(&r, "Content-Length");
		cr_assert_not_null(etag, "the 304 to %s has no ETag", path);
		cr_assert_str_eq(etag, v.etag, "%s", path);
		/* The 200's length, or 0 as libmicrohttpd 0.9.75 writes for an
		 * empty body (see not_modified_if_current in src/http/cache.c). */
		if (length)
			cr_assert(strtoull(length, NULL, 10) == 0 || strtoull(length, NULL, 10) == v.body_len,
				  "%s: the 304 says Content-Length %s, the 200 had %zu bytes", path, length, v.body_len);
		free(etag);
		free(length);
		http_reply_free(&r);
		validators_free(&v);
	}
}

Test(protocol, etag_in_a_list_gets_304)
{
	for (size_t i = 0; i < VALIDATED_PATHS; i++) {
		struct validators v;
		validators_of(validated_paths[i], &v);
		char header[256];
		snprintf(header, sizeof(header), "If-None-Match: \"x\", %s\r\n", v.etag);
		cr_assert_eq(status_with(validated_paths[i], header), 304, "GET %s with %s", validated_paths[i], header);
		validators_free(&v);
	}
}

Test(protocol, if_none_match_star_gets_304)
{
	for (size_t i = 0; i < VALIDATED_PATHS; i++)
		cr_assert_eq(status_with(validated_paths[i], "If-None-Match: *\r\n"), 304, "GET %s", validated_paths[i]);
}

/* The tag with its last hex digit changed: a near miss, not a stranger. */
static void near_miss(const char *etag, char *out, size_t size)
{
	snprintf(out, size, "%s", etag);
	size_t n = strlen(out);
	cr_assert_gt(n, 4);
	out[n - 2] = out[n - 2] == '0' ? '1' : '0';
}

Test(protocol, other_etag_gets_200)
{
	for (size_t i = 0; i < VALIDATED_PATHS; i++) {
		struct validators v;
		validators_of(validated_paths[i], &v);
		char wrong[128], header[256];
		near_miss(v.etag, wrong, sizeof(wrong));
		snprintf(header, sizeof(header), "If-None-Match: %s\r\n", wrong);
		cr_assert_eq(status_with(validated_paths[i], header), 200, "GET %s with %s", validated_paths[i], header);
		validators_free(&v);
	}
}

Test(protocol, if_modified_since_last_modified_gets_304)
{
	for (size_t i = 0; i < VALIDATED_PATHS; i++) {
		struct validators v;
		validators_of(validated_paths[i], &v);
		char header[128];
		snprintf(header, sizeof(header), "If-Modified-Since: %s\r\n", v.last_modified);
		cr_assert_eq(status_with(validated_paths[i], header), 304, "GET %s with %s", validated_paths[i], header);
		validators_free(&v);
	}
}

Test(protocol, if_modified_since_before_last_modified_gets_200)
{
	for (size_t i = 0; i < VALIDATED_PATHS; i++) {
		struct validators v;
		validators_of(validated_paths[i], &v);
		time_t t;
		cr_assert(parse_http_date(v.last_modified, &t));
		char older[64], header[128];
		format_http_date(t - 1, older);
		snprintf(header, sizeof(header), "If-Modified-Since: %s\r\n", older);
		cr_assert_eq(status_with(validated_paths[i], header), 200, "GET %s with %s (Last-Modified %s)",
			     validated_paths[i], header, v.last_modified);
		validators_free(&v);
	}
}

Test(protocol, if_none_match_wins_over_if_modified_since)
{
	for (size_t i = 0; i < VALIDATED_PATHS; i++) {
		struct validators v;
		validators_of(validated_paths[i], &v);
		char wrong[128], header[384];
		near_miss(v.etag, wrong, sizeof(wrong));
		snprintf(header, sizeof(header), "If-None-Match: %s\r\nIf-Modified-Since: %s\r\n", wrong, v.last_modified);
		cr_assert_eq(status_with(validated_paths[i], header), 200, "GET %s with\n%s", validated_paths[i], header);
		validators_free(&v);
	}
}

Test(protocol, unreadable_if_modified_since_gets_200)
{
	static const char *const dates[] = { "If-Modified-Since: garbage\r\n", "If-Modified-Since: \r\n",
					     "If-Modified-Since: Fri, 99 Foo 2026 99:99:99 GMT\r\n" };
	for (size_t i = 0; i < VALIDATED_PATHS; i++)
		for (size_t d = 0; d < 3; d++)
			cr_assert_eq(status_with(validated_paths[i], dates[d]), 200, "GET %s with %s", validated_paths[i],
				     dates[d]);
}

Test(protocol, no_store_pages_have_no_etag_and_ignore_if_none_match)
{
	static const char *const paths[] = { "/submit", "/admin/login" };
	for (size_t i = 0; i < 2; i++) {
		struct http_reply r;
		get_with(paths[i], "If-None-Match: *\r\n", &r);
		cr_assert_eq(r.status, 200, "GET %s with If-None-Match: *: %d", paths[i], r.status);
		cr_assert_not_null(strstr(r.body, "name=\"csrf_token\""), "%s came back without its form", paths[i]);
		char *cc = http_header(&r, "Cache-Control"), *etag = http_header(&r, "ETag");
		cr_assert_not_null(cc);
		cr_assert_str_eq(cc, "no-store", "%s", paths[i]);
		cr_assert_null(etag, "%s has ETag %s", paths[i], etag);
		free(cc);
		http_reply_free(&r);
	}
}

/* ---- content changes ---- */

static const char new_title[] = "协议测试：宝山区新材料产业园签约十个项目";

/* Imports one article, dated after everything else, while the server runs. */
static void import_new_article(void)
{
	struct buf line = { 0 };
	buf_printf(&line,
		   "{\"title\":\"%s\",\"body\":\"宝山区新材料产业园今日集中签约十个项目，总投资约二十亿元。\","
		   "\"date\":\"2027-06-01\",\"district\":\"baoshan\"}\n",
		   new_title);
	char *file = write_file(dir, "new.jsonl", line.data, line.len);
	import_into(db, (const char *[]){ file, NULL });
	free(file);
	buf_free(&line);
}

/* path is cached before the import; afterwards the client's old copy is
 * stale and the new article is in the fresh one. */
static void new_article_reaches(const char *path)
{
	struct http_reply before;
	for (int i = 0; i < 2; i++) { /* the second comes from the response cache */
		get_with(path, "", &before);
		cr_assert_eq(before.status, 200, "GET %s: %d", path, before.status);
		cr_assert_null(strstr(before.body, new_title), "%s has the article before its import", path);
		if (i == 0)
			http_reply_free(&before);
	}
	char *old = http_header(&before, "ETag");
	cr_assert_not_null(old);
	http_reply_free(&before);

	import_new_article();
	char header[256];
	snprintf(header, sizeof(header), "If-None-Match: %s\r\n", old);
	struct http_reply after;
	get_with(path, header, &after);
	cr_assert_eq(after.status, 200, "GET %s with the pre-import ETag: %d", path, after.status);
	cr_assert_not_null(strstr(after.body, new_title), "%s does not show the imported article", path);
	char *now = http_header(&after, "ETag");
	cr_assert_not_null(now);
	cr_assert_str_neq(now, old, "%s kept its ETag across the import", path);
	free(now);
	free(old);
	http_reply_free(&after);
}

Test(protocol, import_while_running_changes_the_home_page)
{
	new_article_reaches("/");
}

Test(protocol, import_while_running_changes_the_feed)
{
	new_article_reaches("/feed.xml");
}

Test(protocol, import_while_running_changes_the_article_api)
{
	new_article_reaches("/api/v1/articles");
}

/* ---- content codings ---- */

/* The href of the page's stylesheet link (caller frees). */
static char *stylesheet_href(void)
{
	struct http_reply r;
	get_with("/", "", &r);
	cr_assert_eq(r.status, 200);
	const char *link = strstr(r.body, "<link rel=\"stylesheet\" href=\"");
	cr_assert_not_null(link, "the home page links no stylesheet");
	link += strlen("<link rel=\"stylesheet\" href=\"");
	char *href = strndup(link, strcspn(link, "\""));
	http_reply_free(&r);
	cr_assert(!strncmp(href, "/static/", 8) && strcmp(href, "/static/style.css"), "not fingerprinted: %s", href);
	return href;
}

enum { CODED_PATHS = 5 };

/* What compresses: pages, the feed, the API and a stylesheet. */
static void coded_paths(const char *paths[CODED_PATHS], char **css)
{
	*css = stylesheet_href();
	const char *p[CODED_PATHS] = { "/", "/articles/1", "/feed.xml", "/api/v1/articles", *css };
	memcpy(paths, p, sizeof(p));
}

/* The body of path in identity coding, asking for it by name. */
static void identity_of(const char *path, struct http_reply *r)
{
	get_with(path, "Accept-Encoding: identity\r\n", r);
	cr_assert_eq(r->status, 200, "GET %s: %d", path, r->status);
	char *coding = http_header(r, "Content-Encoding");
	cr_assert_null(coding, "GET %s in identity came as %s", path, coding);
	cr_assert_geq(r->body_len, 256, "%s is too small to be worth compressing", path);
}

static bool same_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
	return alen == blen && memcmp(a, b, alen) == 0;
}

/* A gzip (or zlib) stream decoded into a malloc'ed *out; false when in is
 * not exactly one whole stream. */
static bool gunzip(const char *in, size_t len, char **out, size_t *out_len)
{
	z_stream z = { 0 };
	if (inflateInit2(&z, 15 + 32) != Z_OK)
		return false;
	size_t cap = 4 * len + 4096, used = 0;
	char *p = malloc(cap);
	z.next_in = (const Bytef *)in;
	z.avail_in = (uInt)len;
	int rc = Z_OK;
	while (rc == Z_OK) {
		if (cap - used < 4096)
			p = realloc(p, cap *= 2);
		z.next_out = (Bytef *)p + used;
		z.avail_out = (uInt)(cap - used);
		rc = inflate(&z, Z_NO_FLUSH);
		used = (size_t)((char *)z.next_out - p);
	}
	*out_len = used;
	*out = p;
	bool whole = rc == Z_STREAM_END && z.avail_in == 0;
	inflateEnd(&z);
	return whole;
}

/* A brotli stream decoded into a malloc'ed *out of at most max bytes. */
static bool unbrotli(const char *in, size_t len, size_t max, char **out, size_t *out_len)
{
	*out = malloc(max + 1);
	*out_len = max;
	return BrotliDecoderDecompress(len, (const uint8_t *)in, out_len, (uint8_t *)*out) ==
	       BROTLI_DECODER_RESULT_SUCCESS;
}

static void expect_vary_on_encoding(const struct http_reply *r, const char *path)
{
	char *vary = http_header(r, "Vary");
	cr_assert_not_null(vary, "GET %s: no Vary\n%s", path, r->head);
	cr_assert_not_null(strcasestr(vary, "Accept-Encoding"), "GET %s: Vary: %s", path, vary);
	free(vary);
}

/* GET path accepting coding; its Content-Encoding, asserted to be coding. */
static void get_coded(const char *path, const char *accept, const char *coding, struct http_reply *r)
{
	char header[128];
	snprintf(header, sizeof(header), "Accept-Encoding: %s\r\n", accept);
	get_with(path, header, r);
	cr_assert_eq(r->status, 200, "GET %s: %d", path, r->status);
	char *got = http_header(r, "Content-Encoding");
	cr_assert_not_null(got, "GET %s with %s: no Content-Encoding", path, header);
	cr_assert_str_eq(got, coding, "GET %s with %s", path, header);
	free(got);
	char *length = http_header(r, "Content-Length");
	cr_assert_not_null(length);
	cr_assert_eq(strtoull(length, NULL, 10), r->body_len, "GET %s: Content-Length %s for %zu bytes", path, length,
		     r->body_len);
	free(length);
}

Test(protocol, gzip_body_inflates_to_the_identity_body)
{
	const char *paths[CODED_PATHS];
	char *css;
	coded_paths(paths, &css);
	for (size_t i = 0; i < CODED_PATHS; i++) {
		struct http_reply plain, gz;
		identity_of(paths[i], &plain);
		get_coded(paths[i], "gzip", "gzip", &gz);
		expect_vary_on_encoding(&gz, paths[i]);
		cr_assert(gz.body_len > 2 && (unsigned char)gz.body[0] == 0x1f && (unsigned char)gz.body[1] == 0x8b,
			  "GET %s: the gzip body is not a gzip member", paths[i]);
		cr_assert_lt(gz.body_len, plain.body_len, "GET %s: gzip made it no smaller", paths[i]);
		char *out;
		size_t n;
		cr_assert(gunzip(gz.body, gz.body_len, &out, &n), "GET %s: the body does not inflate", paths[i]);
		cr_assert(same_bytes(out, n, plain.body, plain.body_len),
			  "GET %s: inflated %zu bytes differ from the %zu identity bytes", paths[i], n, plain.body_len);
		free(out);
		http_reply_free(&plain);
		http_reply_free(&gz);
	}
	free(css);
}

Test(protocol, br_body_decodes_to_the_identity_body)
{
	const char *paths[CODED_PATHS];
	char *css;
	coded_paths(paths, &css);
	for (size_t i = 0; i < CODED_PATHS; i++) {
		struct http_reply plain, br;
		identity_of(paths[i], &plain);
		get_coded(paths[i], "br", "br", &br);
		expect_vary_on_encoding(&br, paths[i]);
		cr_assert_lt(br.body_len, plain.body_len, "GET %s: br made it no smaller", paths[i]);
		char *out;
		size_t n;
		cr_assert(unbrotli(br.body, br.body_len, plain.body_len + 1, &out, &n),
			  "GET %s: the body does not decode as brotli (to at most %zu bytes)", paths[i], plain.body_len + 1);
		cr_assert(same_bytes(out, n, plain.body, plain.body_len),
			  "GET %s: decoded %zu bytes differ from the %zu identity bytes", paths[i], n, plain.body_len);
		free(out);
		http_reply_free(&plain);
		http_reply_free(&br);
	}
	free(css);
}

/* GET path with the header line; asserts an identity body equal to plain's. */
static void expect_identity(const char *path, const char *header, const struct http_reply *plain)
{
	struct http_reply r;
	get_with(path, header, &r);
	cr_assert_eq(r.status, 200, "GET %s with %s: %d", path, header, r.status);
	char *coding = http_header(&r, "Content-Encoding");
	cr_assert_null(coding, "GET %s with \"%s\" came as %s", path, header, coding);
	cr_assert(same_bytes(r.body, r.body_len, plain->body, plain->body_len),
		  "GET %s with \"%s\": %zu bytes, not the %zu identity bytes", path, header, r.body_len, plain->body_len);
	http_reply_free(&r);
}

/* expect_identity for every coded path with the header line given. */
static void expect_identity_everywhere(const char *header)
{
	const char *paths[CODED_PATHS];
	char *css;
	coded_paths(paths, &css);
	for (size_t i = 0; i < CODED_PATHS; i++) {
		struct http_reply plain;
		identity_of(paths[i], &plain);
		expect_identity(paths[i], header, &plain);
		http_reply_free(&plain);
	}
	free(css);
}

Test(protocol, refused_codings_get_the_identity_body)
{
	expect_identity_everywhere("Accept-Encoding: gzip;q=0, br;q=0\r\n");
}

Test(protocol, no_accept_encoding_gets_the_identity_body)
{
	expect_identity_everywhere("");
}

Test(protocol, higher_weight_wins_the_coding)
{
	const char *paths[CODED_PATHS];
	char *css;
	coded_paths(paths, &css);
	for (size_t i = 0; i < CODED_PATHS; i++) {
		struct http_reply plain, r;
		identity_of(paths[i], &plain);
		get_coded(paths[i], "br;q=0.5, gzip", "gzip", &r);
		char *out;
		size_t n;
		cr_assert(gunzip(r.body, r.body_len, &out, &n), "GET %s: the body does not inflate", paths[i]);
		cr_assert(same_bytes(out, n, plain.body, plain.body_len), "GET %s: inflated body differs", paths[i]);
		free(out);
		http_reply_free(&plain);
		http_reply_free(&r);
	}
	free(css);
}

Test(protocol, no_store_pages_are_never_compressed)
{
	static const char *const paths[] = { "/submit", "/admin/login" };
	for (size_t i = 0; i < 2; i++) {
		struct http_reply r;
		get_with(paths[i], "Accept-Encoding: gzip, br\r\n", &r);
		cr_assert_eq(r.status, 200, "GET %s: %d", paths[i], r.status);
		char *cc = http_header(&r, "Cache-Control"), *coding = http_header(&r, "Content-Encoding");
		cr_assert_not_null(cc);
		cr_assert_str_eq(cc, "no-store", "%s", paths[i]);
		cr_assert_null(coding, "%s, which carries a CSRF token, came as %s", paths[i], coding);
		cr_assert(!strncmp(r.body, "<!DOCTYPE html>", 15), "%s: the body is not plain HTML", paths[i]);
		cr_assert_not_null(strstr(r.body, "name=\"csrf_token\""), "%s", paths[i]);
		free(cc);
		http_reply_free(&r);
	}
}

/* Both present and equal. */
static void expect_same_header(const struct http_reply *get, const struct http_reply *head, const char *name,
			       const char *path)
{
	char *a = http_header(get, name), *b = http_header(head, name);
	cr_assert_not_null(a, "GET %s has no %s", path, name);
	cr_assert_not_null(b, "HEAD %s has no %s\n%s", path, name, head->head);
	cr_assert_str_eq(b, a, "HEAD %s: %s differs from GET's", path, name);
	free(a);
	free(b);
}

Test(protocol, head_has_the_headers_of_get_and_no_body)
{
	const char *paths[CODED_PATHS];
	char *css;
	coded_paths(paths, &css);
	static const char *const accepts[] = { "Accept-Encoding: gzip\r\n", "Accept-Encoding: br\r\n" };
	for (size_t a = 0; a < 2; a++)
		for (size_t i = 0; i < CODED_PATHS; i++) {
			struct http_reply get, head;
			get_with(paths[i], accepts[a], &get);
			request_with("HEAD", paths[i], accepts[a], &head);
			cr_assert_eq(get.status, 200);
			cr_assert_eq(head.status, 200, "HEAD %s: %d", paths[i], head.status);
			cr_assert(nothing_after_head(&head), "HEAD %s sent %zu body bytes", paths[i], head.body_len);
			expect_same_header(&get, &head, "Content-Length", paths[i]);
			expect_same_header(&get, &head, "ETag", paths[i]);
			expect_same_header(&get, &head, "Content-Encoding", paths[i]);
			http_reply_free(&get);
			http_reply_free(&head);
		}
	free(css);
}

/* ---- one connection, several requests ---- */

/* A connection of our own: what it received and has not been read yet. */
struct conn {
	int fd;
	char *in;
	size_t len, cap;
};

static bool conn_open(struct conn *c)
{
	*c = (struct conn){ .fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), .cap = 65536 };
	c->in = malloc(c->cap);
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons((uint16_t)server.port) };
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return c->fd >= 0 && connect(c->fd, (struct sockaddr *)&addr, sizeof(addr)) == 0;
}

static void conn_close(struct conn *c)
{
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
	free(c->in);
	c->in = NULL;
}

static bool conn_send(struct conn *c, const char *data, size_t len)
{
	for (size_t sent = 0; sent < len;) {
		ssize_t n = send(c->fd, data + sent, len - sent, MSG_NOSIGNAL);
		if (n <= 0)
			return false;
		sent += (size_t)n;
	}
	return true;
}

static long ms_since(const struct timespec *t0)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t0->tv_sec) * 1000 + (now.tv_nsec - t0->tv_nsec) / 1000000;
}

/* Reads the next response on c into r within timeout_ms. A response to
 * HEAD (no_body) or a 1xx, 204 or 304 ends with its head; any other is
 * framed by its Content-Length. False when the connection closed, the time
 * ran out, or the framing is missing. Never asserts (threads use it). */
static bool conn_read(struct conn *c, bool no_body, int timeout_ms, struct http_reply *r)
{
	memset(r, 0, sizeof(*r));
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	size_t body_len = 0;
	for (;;) {
		const char *end = memmem(c->in, c->len, "\r\n\r\n", 4);
		if (end && !r->head) {
			size_t head_len = (size_t)(end - c->in);
			r->head = strndup(c->in, head_len);
			if (!strncmp(r->head, "HTTP/1.", 7) && head_len > 12)
				r->status = atoi(r->head + 9);
			if (!(no_body || r->status < 200 || r->status == 204 || r->status == 304)) {
				char *length = http_header(r, "Content-Length");
				if (!length)
					break;
				body_len = strtoull(length, NULL, 10);
				free(length);
			}
		}
		if (r->head) {
			size_t need = strlen(r->head) + 4 + body_len;
			if (c->len >= need) {
				r->body = malloc(body_len + 1);
				memcpy(r->body, c->in + need - body_len, body_len);
				r->body[body_len] = '\0';
				r->body_len = body_len;
				r->raw_len = need;
				memmove(c->in, c->in + need, c->len - need);
				c->len -= need;
				return true;
			}
		}
		long left = timeout_ms - ms_since(&t0);
		struct pollfd pfd = { c->fd, POLLIN, 0 };
		if (left <= 0 || poll(&pfd, 1, (int)left) <= 0)
			break;
		if (c->cap - c->len < 4096)
			c->in = realloc(c->in, c->cap *= 2);
		ssize_t n = recv(c->fd, c->in + c->len, c->cap - c->len, 0);
		if (n <= 0)
			break;
		c->len += (size_t)n;
	}
	if (!r->body)
		r->body = calloc(1, 1);
	return false;
}

static void expect_type(const struct http_reply *r, const char *type, const char *what)
{
	char *got = http_header(r, "Content-Type");
	cr_assert_not_null(got, "%s: no Content-Type", what);
	cr_assert_str_eq(got, type, "%s", what);
	free(got);
}

Test(protocol, keep_alive_answers_requests_in_turn)
{
	struct conn c;
	cr_assert(conn_open(&c), "connect: %s", strerror(errno));
	static const char first[] = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
	static const char second[] = "GET /robots.txt HTTP/1.1\r\nHost: a\r\n\r\n";
	struct http_reply r;
	cr_assert(conn_send(&c, first, sizeof(first) - 1));
	cr_assert(conn_read(&c, false, 5000, &r), "no complete first response");
	cr_assert_eq(r.status, 200);
	expect_type(&r, "text/html; charset=utf-8", "first");
	char *connection = http_header(&r, "Connection");
	cr_assert(!connection || strcasecmp(connection, "close"), "the first response closes the connection");
	free(connection);
	http_reply_free(&r);
	cr_assert(conn_send(&c, second, sizeof(second) - 1), "the connection was closed after one request");
	cr_assert(conn_read(&c, false, 5000, &r), "no second response on the same connection");
	cr_assert_eq(r.status, 200);
	expect_type(&r, "text/plain; charset=utf-8", "second");
	cr_assert_not_null(strstr(r.body, "Disallow: /admin"), "the second response is not robots.txt");
	http_reply_free(&r);
	conn_close(&c);
}

Test(protocol, pipelined_requests_come_back_in_order)
{
	struct conn c;
	cr_assert(conn_open(&c), "connect: %s", strerror(errno));
	static const char three[] = "GET / HTTP/1.1\r\nHost: a\r\n\r\n"
				    "GET /robots.txt HTTP/1.1\r\nHost: a\r\n\r\n"
				    "GET /api/v1/articles?page=1 HTTP/1.1\r\nHost: a\r\n\r\n";
	cr_assert(conn_send(&c, three, sizeof(three) - 1), "one send of three requests");
	struct http_reply r[3];
	for (int i = 0; i < 3; i++)
		cr_assert(conn_read(&c, false, 5000, &r[i]), "response %d of 3 did not come (status %d)", i + 1, r[i].status);
	for (int i = 0; i < 3; i++)
		cr_assert_eq(r[i].status, 200, "response %d: %d", i + 1, r[i].status);
	expect_type(&r[0], "text/html; charset=utf-8", "first");
	cr_assert_not_null(strstr(r[0].body, "</html>"), "the home page is whole");
	expect_type(&r[1], "text/plain; charset=utf-8", "second");
	cr_assert_not_null(strstr(r[1].body, "Disallow: /admin"));
	expect_type(&r[2], "application/json; charset=utf-8", "third");
	cr_assert_not_null(strstr(r[2].body, "\"page\":1"), "%.200s", r[2].body);
	cr_assert_eq(c.len, 0, "%zu bytes more than three responses", c.len);
	for (int i = 0; i < 3; i++)
		http_reply_free(&r[i]);
	conn_close(&c);
}

Test(protocol, pipelined_304_between_two_200s)
{
	struct validators v;
	validators_of("/", &v);
	struct buf req = { 0 };
	buf_printf(&req,
		   "GET /robots.txt HTTP/1.1\r\nHost: a\r\n\r\n"
		   "GET / HTTP/1.1\r\nHost: a\r\nIf-None-Match: %s\r\n\r\n"
		   "GET /api/v1/articles?page=1 HTTP/1.1\r\nHost: a\r\n\r\n",
		   v.etag);
	struct conn c;
	cr_assert(conn_open(&c), "connect: %s", strerror(errno));
	cr_assert(conn_send(&c, req.data, req.len));
	struct http_reply r[3];
	for (int i = 0; i < 3; i++)
		cr_assert(conn_read(&c, false, 5000, &r[i]), "response %d of 3 did not come (status %d)", i + 1, r[i].status);
	cr_assert_eq(r[0].status, 200);
	cr_assert_not_null(strstr(r[0].body, "Disallow: /admin"));
	cr_assert_eq(r[1].status, 304);
	cr_assert_eq(r[2].status, 200, "after the 304: %d\n%s", r[2].status, r[2].head);
	expect_type(&r[2], "application/json; charset=utf-8", "third");
	cr_assert_not_null(strstr(r[2].body, "\"page\":1"));
	cr_assert_eq(c.len, 0, "%zu bytes more than three responses", c.len);
	for (int i = 0; i < 3; i++)
		http_reply_free(&r[i]);
	conn_close(&c);
	buf_free(&req);
	validators_free(&v);
}

/* ---- limits: the site's own answers ---- */

static void expect_still_serving(const char *after)
{
	struct http_reply r;
	http_request(server.port, "GET", "/healthz", &r);
	cr_assert_eq(r.status, 200, "after %s the server no longer answers (%d)", after, r.status);
	cr_assert_str_eq(r.body, "ok\n");
	http_reply_free(&r);
}

/* The site's error page: status, the security headers, in Chinese, saying message. */
static void expect_site_page(const struct http_reply *r, int status, const char *message, const char *what)
{
	cr_assert_eq(r->status, status, "%s: %d, expected %d\n%s", what, r->status, status, r->head);
	expect_security_headers(r, what);
	expect_type(r, "text/html; charset=utf-8", what);
	cr_assert_not_null(strstr(r->body, "<html lang=\"zh-CN\">"), "%s: not the site's page:\n%.300s", what, r->body);
	cr_assert_not_null(strstr(r->body, message), "%s: no \"%s\" in the page", what, message);
	char *problem = html_check(r->body);
	cr_assert_null(problem, "%s: %s", what, problem);
}

/* The API's error: status, the security headers, {"error":{"code","message"}}. */
static void expect_api_error(const struct http_reply *r, int status, const char *what)
{
	cr_assert_eq(r->status, status, "%s: %d, expected %d\n%s", what, r->status, status, r->head);
	expect_security_headers(r, what);
	expect_type(r, "application/json; charset=utf-8", what);
	json_error_t e;
	json_t *j = json_loads(r->body, 0, &e);
	cr_assert_not_null(j, "%s: not JSON (%s): %.200s", what, e.text, r->body);
	json_t *error = json_object_get(j, "error");
	const char *code = json_string_value(json_object_get(error, "code"));
	const char *message = json_string_value(json_object_get(error, "message"));
	cr_assert(code && *code && message && *message, "%s: %s", what, r->body);
	cr_assert_str_neq(code, "internal_error", "%s: a client's mistake has its own code", what);
	json_decref(j);
}

/* A request line whose path and query come to more than 8 KiB. */
static void long_url_request(const char *path_and_key, struct buf *req)
{
	buf_printf(req, "GET %s", path_and_key);
	for (int i = 0; i < 9 * 1024; i++)
		buf_putc(req, 'a');
	buf_puts(req, " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
}

Test(protocol, url_over_8_kib_gets_the_site_414_page)
{
	struct buf req = { 0 };
	long_url_request("/?pad=", &req);
	struct http_reply r;
	http_raw(server.port, req.data, req.len, &r);
	expect_site_page(&r, 414, "请求地址过长", "a 9 KiB query");
	http_reply_free(&r);
	buf_free(&req);
	expect_still_serving("a 414");
}

Test(protocol, api_url_over_8_kib_gets_a_json_414)
{
	struct buf req = { 0 };
	long_url_request("/api/v1/search?q=", &req);
	struct http_reply r;
	http_raw(server.port, req.data, req.len, &r);
	expect_api_error(&r, 414, "a 9 KiB API query");
	http_reply_free(&r);
	buf_free(&req);
	expect_still_serving("a 414");
}

Test(protocol, headers_over_16_kib_get_the_site_431_page)
{
	struct buf req = { 0 };
	buf_puts(&req, "GET / HTTP/1.1\r\nHost: a\r\nX-Big: ");
	for (int i = 0; i < 20 * 1024; i++)
		buf_putc(&req, 'b');
	buf_puts(&req, "\r\nConnection: close\r\n\r\n");
	struct http_reply r;
	http_raw(server.port, req.data, req.len, &r);
	expect_site_page(&r, 431, "请求头过大", "a 20 KiB header");
	http_reply_free(&r);
	buf_free(&req);
	expect_still_serving("a 431");
}

Test(protocol, over_100_header_lines_get_the_site_431_page)
{
	struct buf req = { 0 };
	buf_puts(&req, "GET / HTTP/1.1\r\nHost: a\r\n");
	for (int i = 0; i < 120; i++)
		buf_printf(&req, "X-Line-%d: v\r\n", i);
	buf_puts(&req, "Connection: close\r\n\r\n");
	cr_assert_lt(req.len, 4096, "few bytes: it is the count that is over");
	struct http_reply r;
	http_raw(server.port, req.data, req.len, &r);
	expect_site_page(&r, 431, "请求头过大", "122 header lines");
	http_reply_free(&r);
	buf_free(&req);
	expect_still_serving("a 431");
}

/* A POST announcing 300 KiB, sending none of it: refused from the head. */
static void oversized_post(const char *path, struct http_reply *r)
{
	char req[512];
	int n = snprintf(req, sizeof(req),
			 "POST %s HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded\r\n"
			 "Content-Length: %d\r\nConnection: close\r\n\r\n",
			 path, 300 * 1024);
	http_raw(server.port, req, (size_t)n, r);
}

Test(protocol, body_over_256_kib_gets_the_site_413_page)
{
	struct http_reply r;
	oversized_post("/", &r);
	expect_site_page(&r, 413, "256 KiB", "a 300 KiB body");
	http_reply_free(&r);
	expect_still_serving("a 413");
}

Test(protocol, api_body_over_256_kib_gets_a_json_413)
{
	struct http_reply r;
	oversized_post("/api/v1/search", &r);
	expect_api_error(&r, 413, "a 300 KiB body to the API");
	http_reply_free(&r);
	expect_still_serving("a 413");
}

/* ---- headers on every kind of response ---- */

Test(protocol, security_headers_on_every_kind_of_response)
{
	char *css = stylesheet_href();
	char static_req[256];
	snprintf(static_req, sizeof(static_req), "GET %s HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", css);
	const struct {
		const char *request;
		int status;
	} kinds[] = {
		{ "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", 200 },
		{ "GET / HTTP/1.1\r\nHost: a\r\nIf-None-Match: *\r\nConnection: close\r\n\r\n", 304 },
		{ "GET /nope HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", 404 },
		{ "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 405 },
		{ "GET /?page=abc HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", 400 },
		{ "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", 400 }, /* no Host: refused before routing */
		{ static_req, 200 },
		{ "GET /static/style.css HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", 200 },
		{ "GET /feed.xml HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", 200 },
		{ "GET /api/v1/articles HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", 200 },
		{ "GET /api/v1/articles/999999 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", 404 },
		{ "GET /admin HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", 303 },
		{ "OPTIONS /api/v1/articles HTTP/1.1\r\nHost: a\r\nOrigin: https://example.org\r\n"
		  "Access-Control-Request-Method: GET\r\nConnection: close\r\n\r\n",
		  204 },
		{ "GET /healthz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", 200 },
	};
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		struct http_reply r;
		http_raw(server.port, kinds[i].request, strlen(kinds[i].request), &r);
		char what[128];
		snprintf(what, sizeof(what), "%.*s", (int)strcspn(kinds[i].request, "\r"), kinds[i].request);
		cr_assert_eq(r.status, kinds[i].status, "%s: %d, expected %d", what, r.status, kinds[i].status);
		expect_security_headers(&r, what);
		http_reply_free(&r);
	}
	free(css);
}

/* ---- Cache-Control per route ---- */

/* The Cache-Control of GET path, which must answer status (caller frees). */
static char *cache_control_of(const char *path, int status)
{
	struct http_reply r;
	get_with(path, "", &r);
	cr_assert_eq(r.status, status, "GET %s: %d, expected %d", path, r.status, status);
	char *cc = http_header(&r, "Cache-Control");
	cr_assert_not_null(cc, "GET %s has no Cache-Control", path);
	http_reply_free(&r);
	return cc;
}

static void expect_cache_control(const char *path, int status, const char *expected)
{
	char *cc = cache_control_of(path, status);
	cr_assert_str_eq(cc, expected, "GET %s", path);
	free(cc);
}

Test(protocol, fingerprinted_stylesheet_is_immutable_for_a_year)
{
	char *css = stylesheet_href();
	expect_cache_control(css, 200, "public, max-age=31536000, immutable");
	free(css);
}

Test(protocol, plain_stylesheet_name_is_kept_for_less)
{
	char *cc = cache_control_of("/static/style.css", 200);
	const char *age = strstr(cc, "max-age=");
	cr_assert_not_null(age, "%s", cc);
	long secs = atol(age + strlen("max-age="));
	cr_assert(secs > 0 && secs < 31536000, "/static/style.css: %s", cc);
	cr_assert_null(strstr(cc, "immutable"), "/static/style.css: %s", cc);
	free(cc);
}

Test(protocol, form_pages_are_no_store)
{
	expect_cache_control("/admin/login", 200, "no-store");
	expect_cache_control("/submit", 200, "no-store");
}

Test(protocol, staff_redirect_is_no_store)
{
	expect_cache_control("/admin/submissions", 303, "no-store");
}

Test(protocol, pages_are_no_cache)
{
	expect_cache_control("/", 200, "no-cache");
	expect_cache_control("/articles/1", 200, "no-cache");
	expect_cache_control("/districts/pudong", 200, "no-cache");
}

Test(protocol, feed_is_public_for_five_minutes)
{
	expect_cache_control("/feed.xml", 200, "public, max-age=300");
}

Test(protocol, sitemap_is_public)
{
	char *cc = cache_control_of("/sitemap.xml", 200);
	cr_assert(!strncmp(cc, "public", 6) && strstr(cc, "max-age="), "/sitemap.xml: %s", cc);
	free(cc);
}

Test(protocol, healthz_is_no_store)
{
	expect_cache_control("/healthz", 200, "no-store");
}

/* ---- slow clients ---- */

enum { SLOW_CLIENTS = 40, NORMAL_REQUESTS = 20, DRIP_MS = 200, DRIP_FOR_MS = 3000, NORMAL_WITHIN_MS = 1000 };

struct normal_run {
	int status[NORMAL_REQUESTS];
	long ms[NORMAL_REQUESTS];
	int done; /* requests made; a failure ends the run */
};

/* Requests a page every 100 ms; each may take at most 2 s, so the run ends
 * within seconds whatever the server does. */
static void *normal_requests(void *arg)
{
	struct normal_run *run = arg;
	static const char req[] = "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";
	for (int i = 0; i < NORMAL_REQUESTS; i++) {
		struct timespec t0;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		struct conn c;
		struct http_reply r = { 0 };
		bool ok = conn_open(&c) && conn_send(&c, req, sizeof(req) - 1) && conn_read(&c, false, 2000, &r);
		run->status[i] = ok ? r.status : 0;
		run->ms[i] = ms_since(&t0);
		run->done = i + 1;
		http_reply_free(&r);
		conn_close(&c);
		if (run->status[i] != 200)
			break;
		poll(NULL, 0, 100);
	}
	return NULL;
}

Test(protocol, slow_header_senders_do_not_hold_up_others)
{
	static const char start[] = "GET / HTTP/1.1\r\nHost: x\r\n";
	static const char drip[] = "X-Slowly-Sent-Header: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
	struct conn slow[SLOW_CLIENTS];
	for (int i = 0; i < SLOW_CLIENTS; i++) {
		cr_assert(conn_open(&slow[i]), "slow client %d: connect: %s", i, strerror(errno));
		cr_assert(conn_send(&slow[i], start, sizeof(start) - 1));
	}
	struct normal_run run = { 0 };
	pthread_t normal;
	cr_assert_eq(pthread_create(&normal, NULL, normal_requests, &run), 0);
	for (int step = 0; step < DRIP_FOR_MS / DRIP_MS; step++) {
		poll(NULL, 0, DRIP_MS);
		for (int i = 0; i < SLOW_CLIENTS; i++) /* a refused byte is the server's business */
			(void)send(slow[i].fd, &drip[step % (sizeof(drip) - 1)], 1, MSG_NOSIGNAL | MSG_DONTWAIT);
	}
	pthread_join(normal, NULL);
	for (int i = 0; i < SLOW_CLIENTS; i++)
		conn_close(&slow[i]);
	cr_assert_eq(run.done, NORMAL_REQUESTS, "request %d of %d failed: status %d after %ld ms", run.done,
		     NORMAL_REQUESTS, run.status[run.done - 1], run.ms[run.done - 1]);
	for (int i = 0; i < NORMAL_REQUESTS; i++) {
		cr_assert_eq(run.status[i], 200, "request %d: %d", i + 1, run.status[i]);
		cr_assert_lt(run.ms[i], NORMAL_WITHIN_MS, "request %d took %ld ms beside %d slow clients", i + 1,
			     run.ms[i], SLOW_CLIENTS);
	}
	expect_still_serving("the slow clients left");
}

/* ---- CORS ---- */

Test(protocol, public_api_is_readable_from_any_origin_with_its_etag)
{
	struct http_reply r;
	get_with("/api/v1/articles", "Origin: https://example.org\r\n", &r);
	cr_assert_eq(r.status, 200);
	char *origin = http_header(&r, "Access-Control-Allow-Origin");
	char *expose = http_header(&r, "Access-Control-Expose-Headers");
	cr_assert_not_null(origin, "%s", r.head);
	cr_assert_str_eq(origin, "*");
	cr_assert_not_null(expose, "%s", r.head);
	cr_assert_not_null(strcasestr(expose, "ETag"), "Access-Control-Expose-Headers: %s", expose);
	free(origin);
	free(expose);
	http_reply_free(&r);
}

Test(protocol, api_preflight_gets_204_allowing_get_and_conditional_headers)
{
	struct http_reply r;
	request_with("OPTIONS", "/api/v1/articles",
		     "Origin: https://example.org\r\nAccess-Control-Request-Method: GET\r\n"
		     "Access-Control-Request-Headers: if-none-match\r\n",
		     &r);
	cr_assert_eq(r.status, 204, "%s", r.head);
	cr_assert(nothing_after_head(&r), "the 204 has a body of %zu bytes", r.body_len);
	char *origin = http_header(&r, "Access-Control-Allow-Origin");
	char *methods = http_header(&r, "Access-Control-Allow-Methods");
	char *headers = http_header(&r, "Access-Control-Allow-Headers");
	cr_assert_not_null(origin, "%s", r.head);
	cr_assert_str_eq(origin, "*");
	cr_assert_not_null(methods, "%s", r.head);
	cr_assert_not_null(strstr(methods, "GET"), "Access-Control-Allow-Methods: %s", methods);
	cr_assert_not_null(headers, "%s", r.head);
	cr_assert_not_null(strcasestr(headers, "If-None-Match"), "Access-Control-Allow-Headers: %s", headers);
	free(origin);
	free(methods);
	free(headers);
	http_reply_free(&r);
}

Test(protocol, staff_api_is_not_shared_across_origins)
{
	static const char *const methods[] = { "GET", "OPTIONS" };
	static const int statuses[] = { 401, 405 }; /* no session; no preflight for staff */
	for (size_t i = 0; i < 2; i++) {
		struct http_reply r;
		request_with(methods[i], "/api/v1/admin/submissions",
			     "Origin: https://example.org\r\nAccess-Control-Request-Method: GET\r\n", &r);
		cr_assert_eq(r.status, statuses[i], "%s /api/v1/admin/submissions: %d", methods[i], r.status);
		char *origin = http_header(&r, "Access-Control-Allow-Origin");
		cr_assert_null(origin, "%s /api/v1/admin/submissions allows origin %s", methods[i], origin);
		http_reply_free(&r);
	}
}

Test(protocol, options_on_a_page_is_405)
{
	struct http_reply r;
	request_with("OPTIONS", "/", "Origin: https://example.org\r\nAccess-Control-Request-Method: GET\r\n", &r);
	cr_assert_eq(r.status, 405, "OPTIONS /: %d", r.status);
	char *allow = http_header(&r, "Allow"), *origin = http_header(&r, "Access-Control-Allow-Origin");
	cr_assert_not_null(allow);
	cr_assert_str_eq(allow, "GET, HEAD");
	cr_assert_null(origin, "OPTIONS / allows origin %s", origin);
	free(allow);
	http_reply_free(&r);
}

/* ---- found in review ---- */

Test(protocol, each_coding_has_its_own_etag_and_a_304_vouches_for_that_one_only)
{
	struct http_reply plain, br, again;
	get_with("/", "", &plain);
	char *identity_tag = http_header(&plain, "ETag");
	char header[256];
	/* A client holding the identity copy asks for brotli now: it gets
	 * the brotli bytes, not a 304 that would relabel its copy. */
	snprintf(header, sizeof(header), "Accept-Encoding: br\r\nIf-None-Match: %s\r\n", identity_tag);
	get_with("/", header, &br);
	cr_assert_eq(br.status, 200);
	char *coding = http_header(&br, "Content-Encoding"), *br_tag = http_header(&br, "ETag");
	cr_assert_str_eq(coding, "br");
	cr_assert_str_neq(br_tag, identity_tag);
	snprintf(header, sizeof(header), "Accept-Encoding: br\r\nIf-None-Match: %s\r\n", br_tag);
	get_with("/", header, &again);
	cr_assert_eq(again.status, 304);
	char *again_coding = http_header(&again, "Content-Encoding"), *type = http_header(&again, "Content-Type");
	cr_assert_null(again_coding, "a 304 describes no body: no Content-Encoding");
	cr_assert_null(type, "nor Content-Type");
	free(again_coding);
	free(type);
	free(coding);
	free(br_tag);
	free(identity_tag);
	http_reply_free(&again);
	http_reply_free(&br);
	http_reply_free(&plain);
}

Test(protocol, an_if_modified_since_in_the_future_is_ignored)
{
	char date[64], header[128];
	format_http_date(time(NULL) + 86400, date);
	snprintf(header, sizeof(header), "If-Modified-Since: %s\r\n", date);
	cr_assert_eq(status_with("/", header), 200, "a date this server never gave out");
}

Test(protocol, during_the_second_of_a_change_no_last_modified_is_given_after_it_that_second_is)
{
	/* Two changes within one second would share a date: a client holding
	 * the first would be told by If-Modified-Since its copy is current.
	 * (Changes in the server's first second are dated by its start.) */
	for (time_t start = time(NULL); time(NULL) == start;)
		usleep(20 * 1000);
	for (int attempt = 0; attempt < 5; attempt++) {
		struct buf line = { 0 };
		buf_printf(&line, "{\"title\":\"秒内变化第%d次\",\"body\":\"正文。\",\"date\":\"2027-02-0%d\"}\n", attempt,
			   attempt + 1);
		char *file = write_file(dir, "second.jsonl", line.data, line.len);
		buf_free(&line);
		time_t before = time(NULL);
		import_into(db, (const char *[]){ file, NULL });
		free(file);
		struct http_reply r;
		get_with("/", "", &r);
		time_t after = time(NULL);
		char *last = http_header(&r, "Last-Modified");
		http_reply_free(&r);
		if (before != after) {
			free(last);
			continue; /* the second turned over: try again */
		}
		cr_assert_null(last, "Last-Modified given in the second of the change");
		while (time(NULL) == before)
			usleep(20 * 1000);
		get_with("/", "", &r);
		last = http_header(&r, "Last-Modified");
		char expected[64];
		format_http_date(before, expected);
		cr_assert_not_null(last, "the second is over: the date is sure");
		cr_assert_str_eq(last, expected);
		free(last);
		http_reply_free(&r);
		return;
	}
	cr_skip_test("every attempt crossed a second; nothing to check");
}

Test(protocol, one_address_cannot_hold_every_connection)
{
	enum { LIMIT = 100, TRIED = LIMIT + 10 }; /* CONNECTIONS_PER_ADDRESS in src/http/server.c */
	static struct conn held[TRIED];
	for (int i = 0; i < TRIED; i++) {
		cr_assert(conn_open(&held[i]), "connection %d", i);
		static const char partial[] = "GET / HTTP/1.1\r\nHost: x\r\n";
		conn_send(&held[i], partial, sizeof(partial) - 1);
	}
	/* The server closes those past its limit at once; the rest wait. */
	usleep(300 * 1000);
	int open = 0;
	for (int i = 0; i < TRIED; i++) {
		char byte;
		ssize_t n = recv(held[i].fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
		open += n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
	}
	cr_assert_eq(open, LIMIT, "%d of %d connections from one address kept", open, TRIED);
	for (int i = 0; i < TRIED; i++)
		conn_close(&held[i]);
	/* Freed slots serve again. */
	for (int waited = 0; waited < 2000; waited += 50) {
		struct http_reply ok;
		http_request(server.port, "GET", "/healthz", &ok);
		int status = ok.status;
		http_reply_free(&ok);
		if (status == 200)
			return;
		usleep(50 * 1000);
	}
	cr_assert_fail("the server does not answer after the held connections closed");
}

Test(protocol, api_errors_are_readable_by_scripts_of_other_sites)
{
	const char *paths[] = { "/api/v1/no-such-thing", "/api/v1/articles/0", "/api/v1/articles?page=0" };
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		struct http_reply r;
		get_with(paths[i], "", &r);
		cr_assert_geq(r.status, 400, "%s", paths[i]);
		char *origin = http_header(&r, "Access-Control-Allow-Origin");
		cr_assert_not_null(origin, "%s: %d without CORS", paths[i], r.status);
		cr_assert_str_eq(origin, "*");
		free(origin);
		http_reply_free(&r);
	}
	struct buf req = { 0 };
	long_url_request("/api/v1/search?q=", &req);
	struct http_reply r;
	http_raw(server.port, req.data, req.len, &r);
	cr_assert_eq(r.status, 414);
	char *origin = http_header(&r, "Access-Control-Allow-Origin");
	cr_assert_not_null(origin, "a 414 from the API is readable too");
	free(origin);
	http_reply_free(&r);
	buf_free(&req);
}
