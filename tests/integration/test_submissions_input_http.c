/* Integration tests: what the submission form does with bad and hostile
 * input — messages, limits, encodings, rate limits, escaping — and that
 * an acknowledged submission survives the server being killed. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "client.h"
#include "site.h"
#include "util/buf.h"

static void setup(void)
{
	site_start("1000");
}

/* Three posts an hour, behind a proxy on 127.0.0.1 that names clients in
 * X-Forwarded-For. */
static void setup_low_rate(void)
{
	setenv("ZHAOSHANG_TRUSTED_PROXY", "127.0.0.1", 1);
	site_start("3");
}

TestSuite(submit_input, .init = setup, .fini = site_stop, .timeout = 60);
/* A suite of its own: a test's .init runs after its suite's, not instead.
 * Every suite has the same timeout: with suites of different timeouts
 * running side by side, Criterion 2.4's runner leaks a block, which the
 * sanitizer build reports as a failure. */
TestSuite(submit_rate, .init = setup_low_rate, .fini = site_stop, .timeout = 60);

/* Posts fields (with the visitor's token put first) as the form does:
 * multipart, so that 50,000 Chinese characters fit in 256 KiB (url-encoded
 * each would take nine bytes). */
static void post_form(struct client *c, const char *const *fields, struct http_reply *r)
{
	char *token = client_form_token(c, "/submit");
	const char *all[32] = { "csrf_token", token };
	size_t n = 2;
	for (size_t i = 0; fields[i] && n < 30; i++)
		all[n++] = fields[i];
	all[n] = NULL;
	client_post_multipart(c, "/submit", all, r);
	free(token);
}

Test(submit_input, wrong_fields_get_messages_beside_them_and_keep_what_was_typed)
{
	struct client c;
	client_init(&c, site.server.port);
	struct http_reply r;
	post_form(&c,
		  (const char *[]){ "title", "", "body", "正文<已经>写好了 & 保留", "district", "atlantis", "industry",
				    "ic", "source", "javascript:alert(1)", "contributor", "张三", "contact", "not a phone", NULL },
		  &r);
	cr_assert_eq(r.status, 400);
	cr_assert(strstr(r.body, "id=\"title-error\">请填写标题。"), "%s", r.body);
	cr_assert(strstr(r.body, "id=\"district-error\">"), "an unknown district");
	cr_assert(strstr(r.body, "id=\"source-error\">"), "a javascript: link");
	cr_assert(strstr(r.body, "id=\"contact-error\">"), "not a phone or e-mail");
	cr_assert(strstr(r.body, ">正文&lt;已经&gt;写好了 &amp; 保留</textarea>"), "the body is kept, escaped");
	cr_assert(strstr(r.body, "value=\"张三\""), "the name is kept");
	cr_assert(strstr(r.body, "value=\"ic\" selected"), "the industry stays chosen");
	cr_assert(strstr(r.body, "value=\"not a phone\""));
	cr_assert_null(c.html_problem, "%s", c.html_problem);
	http_reply_free(&r);
	client_free(&c);
}

Test(submit_input, field_limits_have_clear_messages)
{
	struct client c;
	client_init(&c, site.server.port);
	struct http_reply r;
	char *long_title = repeat("标", 201), *long_body = repeat("字", 50001), *full_body = repeat("字", 50000);
	post_form(&c,
		  (const char *[]){ "title", long_title, "body", long_body, "contributor", "张三", "contact",
				    "zhang@example.com", NULL },
		  &r);
	cr_assert_eq(r.status, 400);
	cr_assert(strstr(r.body, "标题不能超过 200 个字（现在 201 个）"), "%.300s", strstr(r.body, "form-errors"));
	cr_assert(strstr(r.body, "正文不能超过 50000 个字（现在 50001 个）"));
	http_reply_free(&r);
	post_form(&c,
		  (const char *[]){ "title", "五万字的正文", "body", full_body, "contributor", "张三", "contact",
				    "zhang@example.com", NULL },
		  &r);
	cr_assert_eq(r.status, 303, "50,000 characters are allowed");
	http_reply_free(&r);
	free(long_title);
	free(long_body);
	free(full_body);
	client_free(&c);
}

Test(submit_input, malformed_bodies_are_refused_with_the_right_status)
{
	struct client c;
	client_init(&c, site.server.port);
	char *token = client_form_token(&c, "/submit");
	struct http_reply r;
	struct buf body = { 0 };

	/* Invalid UTF-8 in a field (%FF), and an overlong encoding of "<". */
	const char *bad_utf8[] = { "title=%FF%FE", "title=%C0%BC" };
	for (size_t i = 0; i < 2; i++) {
		buf_reset(&body);
		buf_printf(&body, "csrf_token=%s&%s&body=x&contributor=x&contact=13812345678", token, bad_utf8[i]);
		client_post_body(&c, "/submit", "application/x-www-form-urlencoded", body.data, body.len, &r);
		cr_assert_eq(r.status, 400, "case %zu: %d", i, r.status);
		cr_assert(strstr(r.body, "无效的字符编码"));
		http_reply_free(&r);
	}
	/* The same field twice. */
	buf_reset(&body);
	buf_printf(&body, "csrf_token=%s&title=a&title=b", token);
	client_post_body(&c, "/submit", "application/x-www-form-urlencoded", body.data, body.len, &r);
	cr_assert_eq(r.status, 400);
	http_reply_free(&r);
	/* Not a form at all. */
	client_post_body(&c, "/submit", "application/json", "{\"title\":\"x\"}", 13, &r);
	cr_assert_eq(r.status, 415);
	http_reply_free(&r);
	/* Over 256 KiB. */
	char *huge = repeat("a", 300 * 1024);
	buf_reset(&body);
	buf_printf(&body, "csrf_token=%s&body=%s", token, huge);
	client_post_body(&c, "/submit", "application/x-www-form-urlencoded", body.data, body.len, &r);
	cr_assert_eq(r.status, 413);
	cr_assert(strstr(r.body, "256 KiB"));
	http_reply_free(&r);
	free(huge);

	/* multipart/form-data works like a browser sends it. */
	buf_reset(&body);
	const char *parts[][2] = { { "csrf_token", token },     { "title", "多部分表单投稿：松江项目" },
				   { "body", "松江区签约项目。" }, { "contributor", "赵六" },
				   { "contact", "13812345678" } };
	for (size_t i = 0; i < 5; i++)
		buf_printf(&body, "--XyZ\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n", parts[i][0],
			   parts[i][1]);
	buf_puts(&body, "--XyZ--\r\n");
	client_post_body(&c, "/submit", "multipart/form-data; boundary=XyZ", body.data, body.len, &r);
	cr_assert_eq(r.status, 303, "%d %s", r.status, r.body);
	http_reply_free(&r);
	/* A file upload is not something this form takes. */
	buf_reset(&body);
	buf_printf(&body,
		   "--XyZ\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n%s\r\n"
		   "--XyZ\r\nContent-Disposition: form-data; name=\"body\"; filename=\"a.exe\"\r\n"
		   "Content-Type: application/octet-stream\r\n\r\nMZ\r\n--XyZ--\r\n",
		   token);
	client_post_body(&c, "/submit", "multipart/form-data; boundary=XyZ", body.data, body.len, &r);
	cr_assert_eq(r.status, 400);
	http_reply_free(&r);
	/* A part without a name, alone or after a named one, to any path:
	 * the body is read before routing. */
	const char *nameless[] = {
		"--XyZ\r\nContent-Disposition: form-data\r\n\r\n2\r\n--XyZ--\r\n",
		"--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
		"--XyZ\r\nContent-Disposition: form-data\r\n\r\n2\r\n--XyZ--\r\n",
	};
	const char *paths[] = { "/submit", "/no-such-page" };
	for (size_t i = 0; i < 2; i++) {
		client_post_body(&c, paths[i], "multipart/form-data; boundary=XyZ", nameless[i], strlen(nameless[i]), &r);
		cr_assert_eq(r.status, i == 0 ? 400 : 404, "nameless part %zu: %d", i, r.status);
		http_reply_free(&r);
	}
	free(site_page(&c, "/submit", 200)); /* still serving */
	buf_free(&body);
	free(token);
	client_free(&c);
}

Test(submit_rate, posts_past_the_hourly_limit_get_429_with_retry_after)
{
	struct client c;
	client_init(&c, site.server.port);
	struct http_reply r;
	for (int i = 0; i < 3; i++) {
		post_form(&c, (const char *[]){ "title", "", NULL }, &r);
		cr_assert_eq(r.status, 400, "post %d counts but is allowed", i);
		http_reply_free(&r);
	}
	post_form(&c, SITE_SUBMISSION("", "第四次投稿") + 2, &r);
	cr_assert_eq(r.status, 429);
	char *retry = http_header(&r, "Retry-After");
	cr_assert(retry && atol(retry) > 0 && atol(retry) <= 3600, "Retry-After: %s", retry);
	cr_assert(strstr(r.body, "每小时最多 3 次"), "%s", r.body);
	free(retry);
	http_reply_free(&r);
	/* Reading pages is not limited. */
	free(site_page(&c, "/submit", 200));
	client_free(&c);
}

/* Posts an invalid form (it counts all the same) as the client the proxy
 * names; returns the status. */
static int post_as(const char *forwarded_for)
{
	struct client c;
	client_init(&c, site.server.port);
	char header[128];
	snprintf(header, sizeof(header), "X-Forwarded-For: %s\r\n", forwarded_for);
	c.extra_headers = header;
	struct http_reply r;
	post_form(&c, (const char *[]){ "title", "", NULL }, &r);
	int status = r.status;
	http_reply_free(&r);
	client_free(&c);
	return status;
}

Test(submit_rate, behind_the_proxy_each_client_has_its_own_limit)
{
	for (int i = 0; i < 3; i++)
		cr_assert_eq(post_as("198.51.100.1"), 400);
	cr_assert_eq(post_as("198.51.100.1"), 429);
	cr_assert_eq(post_as("198.51.100.2"), 400, "another client is not limited by the first");
	cr_assert_eq(post_as("198.51.100.9, 198.51.100.1"), 429, "only the address the proxy saw counts");
	/* An IPv6 host can take any address in its /64: one limit for all. */
	for (int i = 0; i < 3; i++)
		cr_assert_eq(post_as("2001:db8:1:2::1"), 400);
	cr_assert_eq(post_as("2001:db8:1:2:ffff::7"), 429);
	cr_assert_eq(post_as("2001:db8:1:3::1"), 400);
}

Test(submit_rate, without_a_trusted_proxy_the_header_is_ignored)
{
	site_stop();
	unsetenv("ZHAOSHANG_TRUSTED_PROXY");
	site_start("3");
	const char *claimed[] = { "198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4" };
	for (int i = 0; i < 3; i++)
		cr_assert_eq(post_as(claimed[i]), 400);
	cr_assert_eq(post_as(claimed[3]), 429, "a client cannot name itself anew to escape the limit");
}

Test(submit_input, an_acknowledged_submission_survives_kill_9)
{
	struct client c;
	client_init(&c, site.server.port);
	char *code = site_submit(&c, "断电前最后一篇投稿");
	/* No chance to finish anything: the answer has been sent, that is all. */
	kill(site.server.pid, SIGKILL);
	waitpid(site.server.pid, NULL, 0);
	site.server.pid = 0;
	free(site.server.log_path);
	site_restart();
	client_free(&c);
	client_init(&c, site.server.port);
	char *path;
	cr_assert(asprintf(&path, "/submit/status?code=%s", code) > 0);
	char *page = site_page(&c, path, 200);
	cr_assert(strstr(page, "断电前最后一篇投稿") && strstr(page, "待审核"), "%s", page);
	free(page);
	free(path);
	free(code);
	client_free(&c);
}

Test(submit_input, unknown_tracking_codes_are_404_and_codes_read_loosely)
{
	struct client c;
	client_init(&c, site.server.port);
	char *code = site_submit(&c, "查询码测试投稿");
	free(site_page(&c, "/submit/status?code=ZS-00000-00000", 404));
	free(site_page(&c, "/submit/status?code=%3Cscript%3E", 404));
	free(site_page(&c, "/submit/status", 200));
	/* As a person might type it: lower case, no dashes. */
	char loose[32];
	size_t n = 0;
	for (const char *p = code; *p; p++)
		if (*p != '-')
			loose[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	loose[n] = '\0';
	char *path;
	cr_assert(asprintf(&path, "/submit/status?code=%s", loose) > 0);
	cr_assert(site_page_has(&c, path, "查询码测试投稿"));
	free(path);
	free(code);
	client_free(&c);
}

/* Classic payloads: each must come back only as text. */
static const char *const payloads[] = {
	"<script>alert(1)</script>",
	"\"><img src=x onerror=alert(2)>",
	"'><svg onload=alert(3)>",
	"</textarea><script>alert(4)</script>",
	"<a href=\"javascript:alert(5)\">x</a>",
	"{{csrf_token}}<iframe src=//evil>",
};

Test(submit_input, hostile_text_is_escaped_on_every_page_it_reaches)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	client_init(&staff, site.server.port);
	cr_assert(client_login(&staff, "ed", site_password));
	struct buf body = { 0 };
	for (size_t i = 0; i < sizeof(payloads) / sizeof(payloads[0]); i++)
		buf_printf(&body, "浦东新区招商项目说明第 %zu 段：%s\n", i, payloads[i]);
	char *title = NULL;
	if (asprintf(&title, "浦东签约 %s%s", payloads[0], payloads[1]) < 0)
		abort();
	char *token = client_form_token(&visitor, "/submit");
	struct http_reply r;
	client_post(&visitor, "/submit",
		    (const char *[]){ "csrf_token", token, "title", title, "body", buf_cstr(&body), "source", payloads[2],
				      "contributor", payloads[3], "contact", "x@example.com", NULL },
		    &r);
	cr_assert_eq(r.status, 303, "%s", r.body);
	char *location = http_header(&r, "Location");
	http_reply_free(&r);
	char *page = site_page(&visitor, location, 200);
	site_assert_no_payload("the status page", page);
	cr_assert(strstr(page, "&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
	free(page);

	/* A form re-shown with an error keeps the payloads as text too. */
	client_post(&visitor, "/submit",
		    (const char *[]){ "csrf_token", token, "title", "", "body", buf_cstr(&body), "contributor", payloads[3],
				      "contact", payloads[4], NULL },
		    &r);
	cr_assert_eq(r.status, 400);
	site_assert_no_payload("the form", r.body);
	http_reply_free(&r);

	long id = site_newest_in_queue(&staff);
	char *detail;
	cr_assert(asprintf(&detail, "/admin/submissions/%ld", id) > 0);
	const char *staff_pages[] = { "/admin/submissions", detail };
	for (size_t i = 0; i < 2; i++) {
		page = site_page(&staff, staff_pages[i], 200);
		site_assert_no_payload(staff_pages[i], page);
		free(page);
	}
	char *reject;
	cr_assert(asprintf(&reject, "/admin/submissions/%ld/reject", id) > 0);
	/* The reason (shown to the contributor and in the audit log). */
	cr_assert_eq(site_staff_post(&staff, reject, "reason", payloads[5]), 303);
	page = site_page(&visitor, location, 200);
	site_assert_no_payload("the status page with a reason", page);
	free(page);
	page = site_page(&staff, "/admin/audit", 200);
	site_assert_no_payload("the audit log", page);
	free(page);

	/* Published: the article, home page and search. */
	free(site_submit(&visitor, "另一篇投稿"));
	client_post(&visitor, "/submit",
		    (const char *[]){ "csrf_token", token, "title", title, "body", buf_cstr(&body), "district", "pudong",
				      "contributor", "张三", "contact", "x@example.com", NULL },
		    &r);
	cr_assert_eq(r.status, 303);
	http_reply_free(&r);
	id = site_newest_in_queue(&staff);
	char *approve;
	cr_assert(asprintf(&approve, "/admin/submissions/%ld/approve", id) > 0);
	cr_assert_eq(site_staff_post(&staff, approve, "x", ""), 303);
	const char *public_pages[] = { "/", "/districts/pudong", "/search?q=%E6%B5%A6%E4%B8%9C%E7%AD%BE%E7%BA%A6",
				       "/api/v1/search?q=%E6%B5%A6%E4%B8%9C%E7%AD%BE%E7%BA%A6" };
	for (size_t i = 0; i < 4; i++) {
		page = site_page(&visitor, public_pages[i], 200);
		if (i < 3)
			site_assert_no_payload(public_pages[i], page);
		cr_assert(strstr(page, "alert(1)"), "%s shows the submitted title", public_pages[i]);
		free(page);
	}
	page = site_page(&staff, detail, 200);
	free(page);
	free(approve);
	free(reject);
	free(detail);
	free(location);
	free(token);
	free(title);
	buf_free(&body);
	client_free(&visitor);
	client_free(&staff);
}
