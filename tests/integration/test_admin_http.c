/* Integration tests: staff sign-in, sessions, roles, throttling, accounts
 * and the checks an editor sees — over HTTP against the real server. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "site.h"
#include "util/buf.h"

static void setup(void)
{
	site_start("1000");
}

TestSuite(admin, .init = setup, .fini = site_stop, .timeout = 60);

static int login_status(struct client *c, const char *name, const char *password, struct http_reply *r)
{
	char *token = client_form_token(c, "/admin/login");
	client_post(c, "/admin/login", (const char *[]){ "csrf_token", token, "username", name, "password", password, NULL },
		    r);
	free(token);
	return r->status;
}

Test(admin, staff_pages_need_a_session_and_the_right_role)
{
	struct client anon, editor, admin;
	client_init(&anon, site.server.port);
	const char *pages[] = { "/admin", "/admin/submissions", "/admin/submissions/1", "/admin/audit", "/admin/users",
				"/admin/banned-words" };
	struct http_reply r;
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		client_get(&anon, pages[i], &r);
		cr_assert_eq(r.status, 303, "%s: %d", pages[i], r.status);
		char *location = http_header(&r, "Location");
		cr_assert(location && !strncmp(location, "/admin/login?next=", 18), "%s → %s", pages[i], location);
		free(location);
		http_reply_free(&r);
	}
	/* A state change without a session goes nowhere. */
	client_post(&anon, "/admin/submissions/1/approve", (const char *[]){ "csrf_token", "x", NULL }, &r);
	cr_assert_eq(r.status, 303);
	http_reply_free(&r);
	client_get(&anon, "/api/v1/admin/submissions", &r);
	cr_assert_eq(r.status, 401);
	cr_assert(strstr(r.body, "\"code\":\"unauthorized\""), "%s", r.body);
	http_reply_free(&r);

	client_init(&editor, site.server.port);
	cr_assert(client_login(&editor, "ed", site_password));
	cr_assert(site_page_has(&editor, "/admin/submissions", "投稿审核"));
	free(site_page(&editor, "/admin/users", 403));
	free(site_page(&editor, "/admin/banned-words", 403));
	free(site_page(&editor, "/api/v1/admin/submissions", 200));
	cr_assert_eq(site_staff_post(&editor, "/admin/users", "username", "mallory"), 403);

	client_init(&admin, site.server.port);
	cr_assert(client_login(&admin, "boss", site_password));
	cr_assert(site_page_has(&admin, "/admin/users", "ed"));
	client_free(&anon);
	client_free(&editor);
	client_free(&admin);
}

Test(admin, the_session_cookie_is_httponly_lax_and_secure_behind_tls)
{
	struct client c;
	client_init(&c, site.server.port);
	struct http_reply r;
	cr_assert_eq(login_status(&c, "ed", site_password, &r), 303);
	char *cookies = set_cookies(&r);
	const char *line = strstr(cookies, "zs_session=");
	cr_assert_not_null(line, "%s", cookies);
	cr_assert(strstr(line, "HttpOnly") && strstr(line, "SameSite=Lax"), "%s", line);
	cr_assert_null(strstr(line, "Secure"), "not over plain HTTP: %s", line);
	cr_assert_eq(strlen(client_cookie(&c, "zs_session")), 43, "256 random bits, base64url");
	free(cookies);
	http_reply_free(&r);

	struct client tls;
	client_init(&tls, site.server.port);
	tls.extra_headers = "X-Forwarded-Proto: https\r\n";
	cr_assert_eq(login_status(&tls, "ed", site_password, &r), 303);
	cookies = set_cookies(&r);
	cr_assert(!strncmp(cookies, "__Host-zs_session=", 18) && strstr(cookies, "; Secure"), "%s", cookies);
	free(cookies);
	http_reply_free(&r);
	free(site_page(&tls, "/admin/submissions", 200));
	/* Over TLS a cookie without the prefix (planted from elsewhere) is not read. */
	struct client planted;
	client_init(&planted, site.server.port);
	planted.extra_headers = tls.extra_headers;
	if (asprintf(&planted.cookies[0], "zs_session=%s", client_cookie(&tls, "__Host-zs_session")) < 0)
		abort();
	free(site_page(&planted, "/admin/submissions", 303));
	client_free(&planted);
	client_free(&c);
	client_free(&tls);
}

Test(admin, after_signing_in_only_staff_pages_are_a_destination)
{
	const char *next[][2] = {
		{ "/admin/audit", "/admin/audit" },
		{ "//evil.example/admin", "/admin/submissions" },
		{ "https://evil.example/", "/admin/submissions" },
		{ "/admin/../search", "/admin/submissions" },
		{ "/admin/./audit", "/admin/submissions" },
		{ "/admin\\evil", "/admin/submissions" },
	};
	for (size_t i = 0; i < sizeof(next) / sizeof(next[0]); i++) {
		struct client c;
		client_init(&c, site.server.port);
		char *token = client_form_token(&c, "/admin/login");
		struct http_reply r;
		client_post(&c, "/admin/login",
			    (const char *[]){ "csrf_token", token, "username", "ed", "password", site_password, "next",
					      next[i][0], NULL },
			    &r);
		cr_assert_eq(r.status, 303);
		char *location = http_header(&r, "Location");
		cr_assert_str_eq(location, next[i][1], "next=%s", next[i][0]);
		free(location);
		http_reply_free(&r);
		free(token);
		client_free(&c);
	}
}

Test(admin, login_rotates_the_session_and_logout_ends_it)
{
	struct client c;
	client_init(&c, site.server.port);
	/* A token planted before login (session fixation) is never kept. */
	static const char planted[] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
	c.cookies[0] = strdup("zs_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
	char *form_token = client_form_token(&c, "/admin/login");
	struct http_reply r;
	client_post(&c, "/admin/login",
		    (const char *[]){ "csrf_token", form_token, "username", "ed", "password", site_password, NULL }, &r);
	cr_assert_eq(r.status, 303);
	http_reply_free(&r);
	cr_assert_str_neq(client_cookie(&c, "zs_session"), planted);
	char *first = strdup(client_cookie(&c, "zs_session"));
	/* Signing in again (the login form still open in another tab) gives a
	 * new token and ends the old session. */
	client_post(&c, "/admin/login",
		    (const char *[]){ "csrf_token", form_token, "username", "ed", "password", site_password, NULL }, &r);
	cr_assert_eq(r.status, 303);
	http_reply_free(&r);
	cr_assert_str_neq(client_cookie(&c, "zs_session"), first, "a new token on every login");
	struct client old;
	client_init(&old, site.server.port);
	if (asprintf(&old.cookies[0], "zs_session=%s", first) < 0)
		abort();
	free(site_page(&old, "/admin/submissions", 303));
	free(form_token);

	char *token = client_form_token(&c, "/admin/submissions");
	char *current = strdup(client_cookie(&c, "zs_session"));
	client_post(&c, "/admin/logout", (const char *[]){ "csrf_token", token, NULL }, &r);
	cr_assert_eq(r.status, 303);
	char *cookies = set_cookies(&r);
	cr_assert(strstr(cookies, "zs_session=;") && strstr(cookies, "Max-Age=0"), "the cookie is cleared: %s", cookies);
	free(cookies);
	http_reply_free(&r);
	free(old.cookies[0]);
	if (asprintf(&old.cookies[0], "zs_session=%s", current) < 0)
		abort();
	free(site_page(&old, "/admin/submissions", 303));
	free(current);
	free(token);
	free(first);
	client_free(&c);
	client_free(&old);
}

Test(admin, wrong_passwords_lock_the_name_without_telling_who_exists)
{
	struct client c;
	client_init(&c, site.server.port);
	struct http_reply r;
	char *first_refusal = NULL;
	for (int i = 0; i < 10; i++) {
		cr_assert_eq(login_status(&c, "ed", "wrong password", &r), 401, "attempt %d", i);
		cr_assert(strstr(r.body, "用户名或密码错误"));
		if (!first_refusal)
			first_refusal = strdup(strstr(r.body, "<main"));
		http_reply_free(&r);
	}
	cr_assert_eq(login_status(&c, "ed", site_password, &r), 429, "locked, even with the right password");
	char *retry = http_header(&r, "Retry-After");
	cr_assert(retry && atol(retry) > 0 && atol(retry) <= 900, "Retry-After: %s", retry);
	cr_assert(strstr(r.body, "登录失败次数过多"));
	cr_assert_null(strstr(r.head, "zs_session="));
	free(retry);
	http_reply_free(&r);

	/* A name that does not exist is answered word for word the same. */
	cr_assert_eq(login_status(&c, "nobody", "wrong password", &r), 401);
	char *echoed = strstr(r.body, "value=\"nobody\"");
	cr_assert_not_null(echoed, "the name typed is kept");
	memmove(echoed + strlen("value=\"ed\""), echoed + strlen("value=\"nobody\""),
		strlen(echoed + strlen("value=\"nobody\"")) + 1);
	memcpy(echoed, "value=\"ed\"", strlen("value=\"ed\""));
	cr_assert_str_eq(strstr(r.body, "<main"), first_refusal, "same page for an unknown name but the name typed");
	http_reply_free(&r);
	for (int i = 0; i < 9; i++) {
		cr_assert_eq(login_status(&c, "nobody", "wrong password", &r), 401);
		http_reply_free(&r);
	}
	cr_assert_eq(login_status(&c, "nobody", "wrong password", &r), 429, "unknown names lock alike");
	http_reply_free(&r);
	/* A form without its password field is a refusal like any other. */
	char *token = client_form_token(&c, "/admin/login");
	client_post(&c, "/admin/login", (const char *[]){ "csrf_token", token, "username", "boss", NULL }, &r);
	cr_assert_eq(r.status, 401);
	http_reply_free(&r);
	free(token);
	/* Another account is not locked by them. */
	cr_assert_eq(login_status(&c, "boss", site_password, &r), 303);
	http_reply_free(&r);
	free(first_refusal);
	client_free(&c);
}

Test(admin, admins_add_and_disable_editors_from_the_web)
{
	struct client admin, newbie;
	client_init(&admin, site.server.port);
	cr_assert(client_login(&admin, "boss", site_password));
	char *token = client_form_token(&admin, "/admin/users");
	struct http_reply r;
	client_post(&admin, "/admin/users",
		    (const char *[]){ "csrf_token", token, "username", "Bad Name", "password", "long-enough-1", "role",
				      "editor", NULL },
		    &r);
	cr_assert_eq(r.status, 400, "names are checked");
	http_reply_free(&r);
	client_post(&admin, "/admin/users",
		    (const char *[]){ "csrf_token", token, "username", "newbie", "password", "short", "role", "editor", NULL },
		    &r);
	cr_assert_eq(r.status, 400, "passwords are checked");
	cr_assert(strstr(r.body, "newbie"), "the name typed is kept");
	http_reply_free(&r);
	client_post(&admin, "/admin/users",
		    (const char *[]){ "csrf_token", token, "username", "newbie", "password", "long-enough-1", "role", "editor",
				      NULL },
		    &r);
	cr_assert_eq(r.status, 303, "%s", r.body);
	http_reply_free(&r);
	client_post(&admin, "/admin/users",
		    (const char *[]){ "csrf_token", token, "username", "newbie", "password", "long-enough-1", "role", "editor",
				      NULL },
		    &r);
	cr_assert_eq(r.status, 400, "a taken name");
	cr_assert(strstr(r.body, "已被使用"));
	http_reply_free(&r);

	client_init(&newbie, site.server.port);
	cr_assert(client_login(&newbie, "newbie", "long-enough-1"));
	free(site_page(&newbie, "/admin/submissions", 200));
	cr_assert_eq(site_staff_post(&admin, "/admin/users/newbie/disable", "x", ""), 303);
	free(site_page(&newbie, "/admin/submissions", 303)); /* its session ended */
	cr_assert_not(client_login(&newbie, "newbie", "long-enough-1"), "a disabled account cannot sign in");
	cr_assert_eq(site_staff_post(&admin, "/admin/users/boss/disable", "x", ""), 409, "not oneself");
	cr_assert_eq(site_staff_post(&admin, "/admin/users/ghost/disable", "x", ""), 404);
	cr_assert_eq(site_staff_post(&admin, "/admin/users/newbie/enable", "x", ""), 303);
	cr_assert(client_login(&newbie, "newbie", "long-enough-1"));

	char *audit = site_page(&admin, "/admin/audit", 200);
	cr_assert(strstr(audit, "添加账号") && strstr(audit, "停用账号") && strstr(audit, "启用账号"), "%s", audit);
	free(audit);
	free(token);
	client_free(&admin);
	client_free(&newbie);
}

Test(admin, the_queue_flags_duplicates_banned_words_links_and_missing_districts)
{
	struct client visitor, admin;
	client_init(&visitor, site.server.port);
	client_init(&admin, site.server.port);
	cr_assert(client_login(&admin, "boss", site_password));

	/* A demo article, lightly edited, comes back as a submission. */
	char *article = site_page(&visitor, "/articles/1", 200);
	const char *h1 = strstr(article, "<h1>");
	cr_assert_not_null(h1);
	char *article_title = strndup(h1 + 4, strcspn(h1 + 4, "<"));
	struct buf body = { 0 };
	for (const char *p = strstr(article, "<p>"); p; p = strstr(p + 3, "<p>")) {
		size_t n = strcspn(p + 3, "<");
		buf_append(&body, p + 3, n);
		buf_putc(&body, '\n');
	}
	free(article);
	char *token = client_form_token(&visitor, "/submit");
	struct http_reply r;
	client_post(&visitor, "/submit",
		    (const char *[]){ "csrf_token", token, "title", article_title, "body", buf_cstr(&body), "contributor",
				      "李四", "contact", "li@example.com", NULL },
		    &r);
	cr_assert_eq(r.status, 303, "%s", r.body);
	http_reply_free(&r);
	long id = site_newest_in_queue(&admin);
	char *detail;
	cr_assert(asprintf(&detail, "/admin/submissions/%ld", id) > 0);
	char *page = site_page(&admin, detail, 200);
	cr_assert(strstr(page, "疑似重复") && strstr(page, "href=\"/articles/1\""), "links the article it repeats:\n%s", page);
	free(page);

	/* Banned words: the admin's list applies to what is already queued. */
	cr_assert_eq(site_staff_post(&admin, "/admin/banned-words", "words", "代开发票\nSPAM词\n"), 303);
	client_post(&visitor, "/submit",
		    (const char *[]){ "csrf_token", token, "title", "优惠：代开发票", "body",
				      "请访问 http://spam.example.com/a http://spam.example.com/b http://spam.example.com/c "
				      "http://spam.example.com/d http://spam.example.com/e ｓｐａｍ词",
				      "contributor", "王五", "contact", "13912345678", NULL },
		    &r);
	cr_assert_eq(r.status, 303);
	http_reply_free(&r);
	id = site_newest_in_queue(&admin);
	free(detail);
	cr_assert(asprintf(&detail, "/admin/submissions/%ld", id) > 0);
	page = site_page(&admin, detail, 200);
	cr_assert(strstr(page, "含敏感词") && strstr(page, "代开发票") && strstr(page, "SPAM词"), "%s", page);
	cr_assert(strstr(page, "链接过多") && strstr(page, "未注明区"), "%s", page);
	cr_assert_null(strstr(page, "疑似重复"));
	cr_assert_null(strstr(page, "正文过短"));
	free(page);

	client_post(&visitor, "/submit",
		    (const char *[]){ "csrf_token", token, "title", "浦东新区消息", "body", "浦东新区今天签约了 1.2.3 个项目。",
				      "contributor", "王五", "contact", "13912345678", NULL },
		    &r);
	cr_assert_eq(r.status, 303);
	http_reply_free(&r);
	id = site_newest_in_queue(&admin);
	free(detail);
	cr_assert(asprintf(&detail, "/admin/submissions/%ld", id) > 0);
	page = site_page(&admin, detail, 200);
	cr_assert(strstr(page, "正文过短") && strstr(page, "数字有误") && strstr(page, "1.2.3"), "%s", page);
	cr_assert_null(strstr(page, "未注明区"), "the district is named in the text");
	free(page);
	cr_assert(site_page_has(&admin, "/admin/audit", "修改敏感词"));
	free(detail);
	free(token);
	free(article_title);
	buf_free(&body);
	client_free(&visitor);
	client_free(&admin);
}
