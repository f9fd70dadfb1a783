/* Integration tests: what every form does when its page has expired — a
 * post whose CSRF token no longer matches (the visitor cookie cleared or
 * expired, or staff signed in again elsewhere) gets its form back with
 * what was typed and a fresh token that works, as a 403, and nothing is
 * stored — and the error summary a browser focuses. Over HTTP, as the
 * browsers of a visitor, an enterprise and an editor would do it. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "content/credit_code.h"
#include "harness.h"
#include "site.h"

static void setup(void)
{
	site_start("1000");
}

/* Two posts of each public form an hour. */
static void setup_low_rate(void)
{
	site_start("2");
}

TestSuite(expired, .init = setup, .fini = site_stop, .timeout = 60);
TestSuite(expired_rate, .init = setup_low_rate, .fini = site_stop, .timeout = 60);

static const char expired_message[] = "页面已过期";
static const char title[] = "奉贤美丽健康产业园新签约三个项目";

/* The token of the form at path, after which the browser loses its
 * cookies: the page was left open past them (caller frees). */
static char *token_then_expire(struct client *c, const char *path)
{
	char *token = client_form_token(c, path);
	cr_assert_not_null(token, "%s has a form", path);
	client_forget_cookies(c);
	return token;
}

/* Asserts reply is the form again: 403, the message, a fresh token other
 * than old, set in a new visitor cookie when visitor, and no HTML mistakes
 * (c's). Returns the fresh token (caller frees). */
static char *assert_shown_again(struct client *c, const struct http_reply *reply, const char *old, bool visitor)
{
	cr_assert_eq(reply->status, 403, "%d\n%s", reply->status, reply->body);
	cr_assert(strstr(reply->body, expired_message), "says why: %s", reply->body);
	cr_assert(strstr(reply->body, "class=\"form-errors\""), "in the summary above the form");
	char *fresh = csrf_in(reply->body);
	cr_assert_not_null(fresh, "the form again, with a token");
	cr_assert_str_neq(fresh, old, "a fresh token");
	if (visitor) {
		char *cookies = set_cookies(reply);
		cr_assert(cookies && strstr(cookies, "zs_visitor="), "the cookie the token is bound to: %s", cookies);
		free(cookies);
	}
	char *cache = http_header(reply, "Cache-Control");
	cr_assert_str_eq(cache, "no-store", "it carries the visitor's token");
	free(cache);
	cr_assert_null(c->html_problem, "%s", c->html_problem);
	return fresh;
}

static long staff_count(const char *path)
{
	struct client staff;
	site_staff_login(&staff);
	long n = site_count_on(&staff, path);
	client_free(&staff);
	return n;
}

/* A valid unified social credit code, the n-th of these tests. */
static void valid_code(unsigned n, char out[19])
{
	snprintf(out, 18, "91310120MA1H7XY%02u", n % 100);
	out[17] = credit_code_check_char(out);
	out[18] = '\0';
}

/* A registration's fields with token (NULL-terminated pairs). */
#define REGISTRATION(token, name, code)                                                                      \
	(const char *[]){ "csrf_token", (token), "name", (name), "credit_code", (code), "industry", "ic",         \
			  "district", "fengxian", "seeking", "site", "description", "化妆品研发与生产。", "website", \
			  "www.example.cn", "contact_name", "赵女士", "phone", "021-5712 3456", "email", "",       \
			  NULL }

/* ---- public forms ---- */

Test(expired, the_submission_form_comes_back_with_what_was_typed_and_a_token_that_works)
{
	struct client c;
	client_init(&c, site.server.port);
	char *old = token_then_expire(&c, "/submit");
	struct http_reply reply;
	client_post_multipart(&c, "/submit", SITE_SUBMISSION(old, title), &reply);
	char *fresh = assert_shown_again(&c, &reply, old, true);
	char *value = fmt("value=\"%s\"", title);
	cr_assert(strstr(reply.body, value), "the title typed");
	cr_assert(strstr(reply.body, "value=\"pudong\" selected") && strstr(reply.body, "value=\"13812345678\""));
	cr_assert(strstr(reply.body, ">临港新片区今日举行新能源产业项目集中签约仪式"), "the body typed");
	free(value);
	http_reply_free(&reply);
	cr_assert_eq(staff_count("/admin/submissions"), 0, "nothing was stored");

	client_post_multipart(&c, "/submit", SITE_SUBMISSION(fresh, title), &reply);
	cr_assert_eq(reply.status, 303, "sent again with the fresh token: %d", reply.status);
	http_reply_free(&reply);
	cr_assert_eq(staff_count("/admin/submissions"), 1);
	free(fresh);
	free(old);
	client_free(&c);
}

Test(expired, a_form_that_comes_back_also_shows_what_else_is_wrong)
{
	struct client c;
	client_init(&c, site.server.port);
	char *old = token_then_expire(&c, "/submit");
	const char **fields = SITE_SUBMISSION(old, "");
	struct http_reply reply;
	client_post_multipart(&c, "/submit", fields, &reply);
	free(assert_shown_again(&c, &reply, old, true));
	site_assert_field_error(reply.body, "title", "请填写标题");
	http_reply_free(&reply);
	free(old);
	client_free(&c);
}

Test(expired, the_registration_form_comes_back_and_registers_nothing)
{
	struct client c;
	client_init(&c, site.server.port);
	char code[19];
	valid_code(1, code);
	char *old = token_then_expire(&c, "/enterprises/join");
	struct http_reply reply;
	client_post_multipart(&c, "/enterprises/join", REGISTRATION(old, "上海美妆科技有限公司", code), &reply);
	char *fresh = assert_shown_again(&c, &reply, old, true);
	char *value = fmt("value=\"%s\"", code);
	cr_assert(strstr(reply.body, "value=\"上海美妆科技有限公司\"") && strstr(reply.body, value) &&
			  strstr(reply.body, "value=\"fengxian\" selected") && strstr(reply.body, "value=\"site\" checked") &&
			  strstr(reply.body, ">化妆品研发与生产。</textarea>"),
		  "what was typed: %s", reply.body);
	cr_assert(strstr(reply.body, "value=\"https://www.example.cn\""), "corrected as it would be when sent");
	free(value);
	http_reply_free(&reply);
	cr_assert_eq(staff_count("/admin/enterprises"), 0, "nothing was stored");
	client_post_multipart(&c, "/enterprises/join", REGISTRATION(fresh, "上海美妆科技有限公司", code), &reply);
	cr_assert_eq(reply.status, 303, "%d", reply.status);
	http_reply_free(&reply);
	cr_assert_eq(staff_count("/admin/enterprises"), 1);
	free(fresh);
	free(old);
	client_free(&c);
}

/* Registers through c; the edit page's path (caller frees). */
static char *registered(struct client *c, const char *name, unsigned n)
{
	char code[19];
	valid_code(n, code);
	char *token = client_form_token(c, "/enterprises/join");
	struct http_reply reply;
	client_post_multipart(c, "/enterprises/join", REGISTRATION(token, name, code), &reply);
	cr_assert_eq(reply.status, 303, "%d %s", reply.status, reply.body);
	char *location = http_header(&reply, "Location");
	char *edit = strndup(location, strcspn(location, "?"));
	free(location);
	free(token);
	http_reply_free(&reply);
	return edit;
}

Test(expired, the_edit_form_comes_back_behind_its_link_and_changes_nothing)
{
	struct client c;
	client_init(&c, site.server.port);
	char *edit = registered(&c, "上海美妆科技有限公司", 2);
	char code[19];
	valid_code(2, code);
	char *old = token_then_expire(&c, edit);
	struct http_reply reply;
	client_post_multipart(&c, edit, REGISTRATION(old, "上海美妆科技（集团）有限公司", code), &reply);
	char *fresh = assert_shown_again(&c, &reply, old, true);
	cr_assert(strstr(reply.body, "value=\"上海美妆科技（集团）有限公司\""), "the change typed");
	http_reply_free(&reply);
	cr_assert_not(site_page_has(&c, edit, "（集团）"), "nothing changed");
	client_post_multipart(&c, edit, REGISTRATION(fresh, "上海美妆科技（集团）有限公司", code), &reply);
	cr_assert_eq(reply.status, 303, "%d", reply.status);
	http_reply_free(&reply);
	cr_assert(site_page_has(&c, edit, "（集团）"));

	/* A link that does not work is still a 404, token or not. */
	client_forget_cookies(&c);
	client_post_multipart(&c, "/enterprises/edit/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			      REGISTRATION(old, "冒名", code), &reply);
	cr_assert_eq(reply.status, 404);
	cr_assert_null(csrf_in(reply.body), "no form behind a dead link");
	http_reply_free(&reply);
	free(fresh);
	free(old);
	free(edit);
	client_free(&c);
}

Test(expired, replacing_the_link_from_an_expired_page_keeps_the_link_and_says_so)
{
	struct client c;
	client_init(&c, site.server.port);
	char *edit = registered(&c, "上海美妆科技有限公司", 3), *rotate = fmt("%s/rotate", edit);
	char *old = token_then_expire(&c, edit);
	struct http_reply reply;
	client_post(&c, rotate, (const char *[]){ "csrf_token", old, NULL }, &reply);
	free(assert_shown_again(&c, &reply, old, true));
	cr_assert(strstr(reply.body, "修改链接没有更换"), "%s", reply.body);
	cr_assert(strstr(reply.body, "value=\"上海美妆科技有限公司\""), "the record as stored");
	http_reply_free(&reply);
	free(site_page(&c, edit, 200)); /* the old link still works */
	free(old);
	free(rotate);
	free(edit);
	client_free(&c);
}

Test(expired, the_contact_form_comes_back_and_sends_nothing)
{
	struct client c;
	client_init(&c, site.server.port);
	char *old = token_then_expire(&c, "/contact");
	struct http_reply reply;
	client_post_multipart(&c, "/contact",
			      (const char *[]){ "csrf_token", old, "name", "钱先生", "contact", "13912345678", "subject",
						"厂房咨询", "message", "想了解奉贤的标准厂房。", NULL },
			      &reply);
	char *fresh = assert_shown_again(&c, &reply, old, true);
	cr_assert(strstr(reply.body, "value=\"钱先生\"") && strstr(reply.body, "value=\"厂房咨询\"") &&
			  strstr(reply.body, ">想了解奉贤的标准厂房。</textarea>"),
		  "%s", reply.body);
	http_reply_free(&reply);
	cr_assert_eq(staff_count("/admin/messages"), 0, "nothing was sent");
	client_post_multipart(&c, "/contact",
			      (const char *[]){ "csrf_token", fresh, "name", "钱先生", "contact", "13912345678", "message",
						"想了解奉贤的标准厂房。", NULL },
			      &reply);
	cr_assert_eq(reply.status, 303);
	http_reply_free(&reply);
	cr_assert_eq(staff_count("/admin/messages"), 1);
	free(fresh);
	free(old);
	client_free(&c);
}

Test(expired, the_login_form_comes_back_with_the_name_but_never_the_password)
{
	struct client c;
	client_init(&c, site.server.port);
	char *old = token_then_expire(&c, "/admin/login");
	struct http_reply reply;
	client_post(&c, "/admin/login",
		    (const char *[]){ "csrf_token", old, "username", "ed", "password", site_password, "next",
				      "/admin/enterprises", NULL },
		    &reply);
	char *fresh = assert_shown_again(&c, &reply, old, true);
	cr_assert(strstr(reply.body, "value=\"ed\""), "the name typed");
	cr_assert_null(strstr(reply.body, site_password), "never the password");
	cr_assert(strstr(reply.body, "name=\"next\" value=\"/admin/enterprises\""), "where it was going");
	cr_assert_null(strstr(reply.head, "zs_session="), "not signed in");
	http_reply_free(&reply);
	client_post(&c, "/admin/login",
		    (const char *[]){ "csrf_token", fresh, "username", "ed", "password", site_password, "next",
				      "/admin/enterprises", NULL },
		    &reply);
	cr_assert_eq(reply.status, 303);
	char *location = http_header(&reply, "Location");
	cr_assert_str_eq(location, "/admin/enterprises");
	free(location);
	http_reply_free(&reply);
	free(fresh);
	free(old);
	client_free(&c);
}

/* ---- staff forms: the session's token changes when staff sign in again ---- */

/* The token of staff's page at path, after which they sign in again (in
 * another tab, say): the page's token is the old session's (caller frees). */
static char *staff_token_then_sign_in_again(struct client *staff, const char *path)
{
	char *html = site_page(staff, path, 200), *token = csrf_in(html);
	free(html);
	cr_assert_not_null(token);
	client_forget_cookies(staff);
	cr_assert(client_login(staff, "ed", site_password));
	return token;
}

Test(expired, an_editors_changes_to_a_submission_come_back_and_change_nothing)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	site_staff_login(&staff);
	free(site_submit(&visitor, title));
	long id = site_newest_in_queue(&staff);
	char *page = fmt("/admin/submissions/%ld", id);
	char *old = staff_token_then_sign_in_again(&staff, page);
	struct http_reply reply;
	client_post_multipart(&staff, page,
			      (const char *[]){ "csrf_token", old, "title", "编辑改过的标题", "body", site_body_text,
						"district", "fengxian", "industry", "", "source", "", NULL },
			      &reply);
	char *fresh = assert_shown_again(&staff, &reply, old, false);
	cr_assert(strstr(reply.body, "value=\"编辑改过的标题\""), "the changes typed");
	http_reply_free(&reply);
	cr_assert_not(site_page_has(&staff, page, "<h1>编辑改过的标题</h1>"), "nothing changed");
	client_post_multipart(&staff, page,
			      (const char *[]){ "csrf_token", fresh, "title", "编辑改过的标题", "body", site_body_text,
						"district", "fengxian", "industry", "", "source", "", NULL },
			      &reply);
	cr_assert_eq(reply.status, 303);
	http_reply_free(&reply);
	free(fresh);
	free(old);
	free(page);
	client_free(&visitor);
	client_free(&staff);
}

Test(expired, a_decision_from_an_expired_page_is_not_made_and_the_page_comes_back)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	site_staff_login(&staff);
	free(site_submit(&visitor, title));
	long id = site_newest_in_queue(&staff);
	char *page = fmt("/admin/submissions/%ld", id), *approve = fmt("%s/approve", page),
	     *reject = fmt("%s/reject", page);
	char *old = staff_token_then_sign_in_again(&staff, page);
	struct http_reply reply;
	client_post(&staff, approve, (const char *[]){ "csrf_token", old, NULL }, &reply);
	free(assert_shown_again(&staff, &reply, old, false));
	cr_assert(strstr(reply.body, "刚才的操作没有执行"), "%s", reply.body);
	http_reply_free(&reply);
	client_post(&staff, reject, (const char *[]){ "csrf_token", old, "reason", "重复", NULL }, &reply);
	free(assert_shown_again(&staff, &reply, old, false));
	http_reply_free(&reply);
	cr_assert_eq(site_count_on(&staff, "/admin/submissions"), 1, "still pending");
	cr_assert_not(site_page_has(&visitor, "/", title), "not published");

	/* An enterprise's too. */
	char *edit = registered(&visitor, "上海美妆科技有限公司", 4);
	char *detail = fmt("/admin/enterprises/%ld", 1L), *decide = fmt("%s/approve", detail);
	free(old);
	old = staff_token_then_sign_in_again(&staff, detail);
	client_post(&staff, decide, (const char *[]){ "csrf_token", old, "revision", "1", NULL }, &reply);
	free(assert_shown_again(&staff, &reply, old, false));
	cr_assert(strstr(reply.body, "上海美妆科技有限公司"), "the enterprise as it is now");
	http_reply_free(&reply);
	cr_assert_eq(site_count_on(&staff, "/admin/enterprises"), 1, "still pending");
	free(decide);
	free(detail);
	free(edit);
	free(old);
	free(reject);
	free(approve);
	free(page);
	client_free(&visitor);
	client_free(&staff);
}

/* ---- what is never shown again ---- */

Test(expired, a_post_another_site_sent_gets_no_form_back)
{
	struct client c;
	client_init(&c, site.server.port);
	free(site_page(&c, "/submit", 200)); /* the visitor's own cookie */
	const char *sites[] = { "Sec-Fetch-Site: cross-site\r\n", "Sec-Fetch-Site: same-site\r\n" };
	for (size_t i = 0; i < 2; i++) {
		c.extra_headers = sites[i];
		struct http_reply reply;
		client_post_multipart(&c, "/submit", SITE_SUBMISSION("forged", "别的网站填好的标题"), &reply);
		cr_assert_eq(reply.status, 403, "%s", sites[i]);
		cr_assert_null(strstr(reply.body, "别的网站填好的标题"), "nothing it sent comes back");
		char *token = csrf_in(reply.body);
		cr_assert_null(token, "no form with a working token for another site to have filled in");
		http_reply_free(&reply);
	}
	c.extra_headers = "Sec-Fetch-Site: same-origin\r\n";
	struct http_reply reply;
	client_post_multipart(&c, "/submit", SITE_SUBMISSION("stale", title), &reply);
	cr_assert_eq(reply.status, 403);
	char *token = csrf_in(reply.body);
	cr_assert_not_null(token, "our own page, expired, comes back");
	free(token);
	http_reply_free(&reply);
	cr_assert_eq(staff_count("/admin/submissions"), 0);
	client_free(&c);
}

Test(expired_rate, a_post_refused_for_its_token_is_not_counted_against_the_hourly_limit)
{
	struct client c;
	client_init(&c, site.server.port);
	for (int i = 0; i < 4; i++) {
		struct http_reply reply;
		client_post_multipart(&c, "/submit", SITE_SUBMISSION("stale", title), &reply);
		cr_assert_eq(reply.status, 403, "post %d: %d", i, reply.status);
		http_reply_free(&reply);
	}
	free(site_submit(&c, title));
	free(site_submit(&c, title)); /* the limit is two */
	client_free(&c);
}
/* ---- the error summary ---- */

Test(expired, a_form_with_errors_opens_on_its_summary)
{
	struct client c;
	client_init(&c, site.server.port);
	char *token = client_form_token(&c, "/contact");
	struct http_reply reply;
	client_post_multipart(&c, "/contact",
			      (const char *[]){ "csrf_token", token, "name", "", "contact", "x", "message", "你好", NULL },
			      &reply);
	cr_assert_eq(reply.status, 400);
	cr_assert(strstr(reply.body, "<div class=\"form-errors\" id=\"form-errors\" role=\"alert\" tabindex=\"-1\" autofocus>"),
		  "focus goes to the summary without script: %s", reply.body);
	cr_assert_eq(count_of(reply.body, "autofocus"), 1, "one element has it");
	cr_assert(strstr(reply.body, "<a href=\"#name\">"), "each message leads to its field");
	http_reply_free(&reply);
	char *page = site_page(&c, "/contact", 200);
	cr_assert_null(strstr(page, "autofocus"), "a fresh form takes no focus");
	free(page);
	free(token);
	client_free(&c);
}
