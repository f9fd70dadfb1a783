/* Integration tests for contact (联系我们) over HTTP: the form, its
 * messages in the staff inbox, wrong fields, and hostile text. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "client.h"
#include "harness.h"
#include "site.h"
#include "util/buf.h"
#include "util/date.h"

static void setup(void)
{
	site_start("1000");
}

TestSuite(contact, .init = setup, .fini = site_stop, .timeout = 60);

/* A site whose office is configured, in the environment as an operator
 * would (every setting reads one). */
static void setup_office(void)
{
	setenv("ZHAOSHANG_ORG_NAME", "浦东新区投资促进服务中心", 1);
	setenv("ZHAOSHANG_ORG_ADDRESS", "上海市浦东新区世纪大道 100 号 8 楼", 1);
	setenv("ZHAOSHANG_ORG_PHONE", "021-5555 0100", 1);
	setenv("ZHAOSHANG_ORG_EMAIL", "invest@pudong.example", 1);
	setenv("ZHAOSHANG_ORG_HOURS", "工作日 9:00–17:30", 1);
	site_start("1000");
}

/* Only a phone number set. */
static void setup_phone_only(void)
{
	setenv("ZHAOSHANG_ORG_PHONE", "021-5555 0100 转 8001", 1);
	site_start("1000");
}

TestSuite(contact_office, .init = setup_office, .fini = site_stop, .timeout = 60);
TestSuite(contact_phone, .init = setup_phone_only, .fini = site_stop, .timeout = 60);

Test(contact_office, the_contact_page_shows_the_office_address_phone_email_and_hours)
{
	struct client c;
	client_init(&c, site.server.port);
	char *page = site_page(&c, "/contact", 200);
	const char *office = strstr(page, "class=\"office\"");
	cr_assert_not_null(office, "%s", page);
	const char *want[] = { "浦东新区投资促进服务中心", "<dt>地址</dt><dd>上海市浦东新区世纪大道 100 号 8 楼</dd>",
			       "<a href=\"tel:021-55550100\">021-5555 0100</a>",
			       "<a href=\"mailto:invest%40pudong.example\">invest@pudong.example</a>",
			       "<dt>办公时间</dt><dd>工作日 9:00–17:30</dd>" };
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		cr_assert(strstr(office, want[i]), "the office shows %s:\n%s", want[i], office);
	const char *form = strstr(page, "<form class=\"form\" action=\"/contact\"");
	cr_assert(form && office < form, "above the form");
	free(page);
	/* And after sending, beside the confirmation. */
	struct http_reply reply;
	site_contact_post(&c, (const char *[]){ "name", "李四", "contact", "13812345678", "message", "你好", NULL }, &reply);
	char *location = http_header(&reply, "Location");
	http_reply_free(&reply);
	page = site_page(&c, location, 200);
	cr_assert(strstr(page, "留言已收到") && strstr(page, "tel:021-55550100"), "%s", page);
	free(page);
	free(location);
	cr_assert_null(c.html_problem, "%s", c.html_problem);
	client_free(&c);
}

Test(contact_phone, only_what_is_configured_is_shown)
{
	struct client c;
	client_init(&c, site.server.port);
	char *page = site_page(&c, "/contact", 200);
	const char *office = strstr(page, "class=\"office\"");
	cr_assert_not_null(office, "a phone number alone is worth showing");
	cr_assert(strstr(office, "<a href=\"tel:021-55550100\">021-5555 0100 转 8001</a>"), "the extension is not dialled: %s",
		  office);
	cr_assert_null(strstr(page, "<dt>地址</dt>"));
	cr_assert_null(strstr(page, "<dt>电子邮箱</dt>"));
	cr_assert_null(strstr(page, "<dt>办公时间</dt>"));
	free(page);
	client_free(&c);
}

Test(contact, without_an_office_configured_the_page_shows_none)
{
	struct client c;
	client_init(&c, site.server.port);
	char *page = site_page(&c, "/contact", 200);
	cr_assert_null(strstr(page, "class=\"office\""), "nothing to show: %s", page);
	free(page);
	client_free(&c);
}

Test(contact, the_confirmation_gives_a_reference_number_staff_find_in_the_inbox)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	struct http_reply reply;
	site_contact_post(&visitor,
			  (const char *[]){ "name", "王五", "contact", "13812345678", "subject", "厂房", "message", "你好", NULL },
			  &reply);
	cr_assert_eq(reply.status, 303);
	char *location = http_header(&reply, "Location");
	http_reply_free(&reply);
	char *page = site_page(&visitor, location, 200);
	const char *at = strstr(page, "留言编号：<strong class=\"reference\">");
	cr_assert_not_null(at, "%s", page);
	at = strchr(at, '>') + 1;
	char *reference = strndup(at, strcspn(at, "<"));
	cr_assert(!strncmp(reference, "LY-", 3) && strlen(reference) >= 9, "%s", reference);
	free(page);
	site_staff_login(&staff);
	page = site_page(&staff, "/admin/messages", 200);
	char *shown = fmt("<span class=\"reference\">%s</span>", reference);
	cr_assert(strstr(page, shown), "the inbox shows %s: %s", reference, page);
	free(shown);
	free(page);
	/* The number is only ever the page's own: a reference that is not one is refused. */
	free(site_page(&visitor, "/contact?sent=1&ref=abc", 400));
	page = site_page(&visitor, "/contact?sent=1", 200);
	cr_assert(strstr(page, "留言已收到") && !strstr(page, "留言编号"), "no number without one");
	free(page);
	free(reference);
	free(location);
	client_free(&visitor);
	client_free(&staff);
}

/* ---- contact (联系我们) ---- */

Test(contact, a_message_reaches_the_staff_inbox_and_is_marked_handled)
{
	struct client visitor, staff, anon;
	client_init(&visitor, site.server.port);
	client_init(&anon, site.server.port);
	char before[11], after[11];
	date_shanghai_day(time(NULL), before);
	struct http_reply reply;
	site_contact_post(&visitor,
		     (const char *[]){ "name", "李四", "organization", "某某投资管理有限公司", "contact", "li.si@example.com",
				       "subject", "咨询临港新片区落户政策", "message",
				       "我们计划在临港设立研发中心。\r\n请问有哪些扶持政策？", NULL },
		     &reply);
	cr_assert_eq(reply.status, 303, "%s", reply.body);
	char *location = http_header(&reply, "Location");
	cr_assert(location && !strncmp(location, "/contact?sent=1&ref=", 20), "%s", location);
	http_reply_free(&reply);
	cr_assert(site_page_has(&visitor, location, "留言已收到"));
	free(location);
	date_shanghai_day(time(NULL), after);

	/* Not for the public. */
	client_get(&anon, "/admin/messages", &reply);
	cr_assert_eq(reply.status, 303);
	cr_assert_null(strstr(reply.body, "咨询临港新片区落户政策"));
	http_reply_free(&reply);

	site_staff_login(&staff);
	char *page = site_page(&staff, "/admin/messages", 200);
	cr_assert(strstr(page, "咨询临港新片区落户政策") && strstr(page, "李四") && strstr(page, "某某投资管理有限公司") &&
			  strstr(page, "li.si@example.com"),
		  "%s", page);
	cr_assert(strstr(page, "<p>我们计划在临港设立研发中心。</p>") && strstr(page, "<p>请问有哪些扶持政策？</p>"),
		  "each line a paragraph: %s", page);
	cr_assert(strstr(page, "来自 127.0.0.1"), "where it came from: %s", page);
	cr_assert(strstr(page, before) || strstr(page, after), "when it came (%s): %s", before, page);
	static const char action[] = "action=\"/admin/messages/";
	const char *at = strstr(page, action);
	cr_assert_not_null(at, "%s", page);
	long id = atol(at + sizeof(action) - 1);
	free(page);
	cr_assert_eq(site_count_on(&staff, "/admin/messages"), 1);

	char *handled = fmt("/admin/messages/%ld/handled", id);
	char *visitor_token = client_form_token(&visitor, "/contact");
	client_post(&staff, handled, (const char *[]){ "csrf_token", visitor_token, NULL }, &reply);
	cr_assert_eq(reply.status, 403, "not with a visitor's token");
	http_reply_free(&reply);
	free(visitor_token);
	cr_assert_eq(site_count_on(&staff, "/admin/messages"), 1);

	char *token = client_form_token(&staff, "/admin/messages");
	client_post(&staff, handled, (const char *[]){ "csrf_token", token, NULL }, &reply);
	cr_assert_eq(reply.status, 303);
	location = http_header(&reply, "Location");
	http_reply_free(&reply);
	page = site_page(&staff, location, 200);
	cr_assert(strstr(page, "已标记为已处理") && strstr(page, "没有留言"), "%s", page);
	free(page);
	free(location);
	cr_assert_eq(site_count_on(&staff, "/admin/messages"), 0);
	cr_assert_eq(site_count_on(&staff, "/admin/messages?handled=1"), 1);
	page = site_page(&staff, "/admin/messages?handled=1", 200);
	cr_assert(strstr(page, "咨询临港新片区落户政策"), "%s", page);
	char *by = fmt("ed 于 %s", before), *by_after = fmt("ed 于 %s", after);
	cr_assert(strstr(page, by) || strstr(page, by_after), "who handled it, and when: %s", page);
	cr_assert_null(strstr(page, action), "no button to handle it again");
	free(by);
	free(by_after);
	free(page);

	/* Twice is refused, and nothing changes. */
	client_post(&staff, handled, (const char *[]){ "csrf_token", token, NULL }, &reply);
	cr_assert_neq(reply.status, 303);
	cr_assert(reply.status >= 400 && reply.status < 500, "%d", reply.status);
	http_reply_free(&reply);
	client_post(&staff, "/admin/messages/999/handled", (const char *[]){ "csrf_token", token, NULL }, &reply);
	cr_assert_eq(reply.status, 404);
	http_reply_free(&reply);
	page = site_page(&staff, "/admin/audit", 200);
	cr_assert_eq(count_of(page, "处理留言"), 1, "the audit log: %s", page);
	free(page);
	free(token);
	free(handled);
	client_free(&visitor);
	client_free(&staff);
	client_free(&anon);
}

Test(contact, wrong_fields_get_messages_and_keep_what_was_typed)
{
	struct client c, staff;
	client_init(&c, site.server.port);
	struct http_reply reply;
	site_contact_post(&c,
		     (const char *[]){ "name", "", "organization", "某某公司", "contact", "not a phone", "subject",
				       "关于<合作> & 对接", "message", "留言<保留>", NULL },
		     &reply);
	cr_assert_eq(reply.status, 400);
	site_assert_field_error(reply.body, "name", "请填写姓名");
	site_assert_field_error(reply.body, "contact", "联系方式应为手机号");
	cr_assert(strstr(reply.body, "value=\"关于&lt;合作&gt; &amp; 对接\"") && strstr(reply.body, "value=\"not a phone\"") &&
			  strstr(reply.body, ">留言&lt;保留&gt;</textarea>") && strstr(reply.body, "value=\"某某公司\""),
		  "%s", reply.body);
	cr_assert_null(strstr(reply.body, "留言已收到"));
	cr_assert_null(c.html_problem, "%s", c.html_problem);
	http_reply_free(&reply);

	char *long_message = repeat("留", 5001);
	site_contact_post(&c, (const char *[]){ "name", "张三", "contact", "13812345678", "message", long_message, NULL }, &reply);
	cr_assert_eq(reply.status, 400);
	site_assert_field_error(reply.body, "message", "留言内容不能超过 5000 个字（现在 5001 个）");
	http_reply_free(&reply);
	free(long_message);
	site_contact_post(&c, (const char *[]){ "name", "张三", "contact", "13812345678", "message", "   ", NULL }, &reply);
	cr_assert_eq(reply.status, 400);
	site_assert_field_error(reply.body, "message", "请填写留言内容");
	http_reply_free(&reply);
	site_staff_login(&staff);
	cr_assert_eq(site_count_on(&staff, "/admin/messages"), 0, "nothing was stored");
	/* A landline is a contact too. */
	site_contact_post(&c, (const char *[]){ "name", "张三", "contact", "021-61234567", "message", "你好", NULL }, &reply);
	cr_assert_eq(reply.status, 303);
	http_reply_free(&reply);
	cr_assert_eq(site_count_on(&staff, "/admin/messages"), 1);
	client_free(&c);
	client_free(&staff);
}

Test(contact, hostile_text_in_a_message_is_escaped_on_every_page_it_reaches)
{
	struct client c, staff;
	client_init(&c, site.server.port);
	site_staff_login(&staff);
	const char *fields[] = { "name",    "<script>alert(1)</script>",
				 "organization", "\"><img src=x onerror=alert(2)>",
				 "contact", "x@example.com",
				 "subject", "<svg onload=alert(3)>",
				 "message", "</textarea><script>alert(4)</script>\n第二段<iframe src=//evil>",
				 NULL };
	struct http_reply reply;
	/* Refused (no contact), the form is shown again with all of it. */
	const char *refused[12];
	memcpy(refused, fields, sizeof(fields));
	refused[5] = "";
	site_contact_post(&c, refused, &reply);
	cr_assert_eq(reply.status, 400);
	site_assert_no_payload("the contact form", reply.body);
	cr_assert(strstr(reply.body, "&lt;/textarea&gt;&lt;script&gt;alert(4)"), "shown as text");
	http_reply_free(&reply);

	site_contact_post(&c, fields, &reply);
	cr_assert_eq(reply.status, 303);
	http_reply_free(&reply);
	char *page = site_page(&staff, "/admin/messages", 200);
	site_assert_no_payload("the inbox", page);
	cr_assert(strstr(page, "&lt;svg onload=alert(3)&gt;") && strstr(page, "&lt;script&gt;alert(1)&lt;/script&gt;"),
		  "%s", page);
	static const char action[] = "action=\"/admin/messages/";
	long id = atol(strstr(page, action) + sizeof(action) - 1);
	free(page);
	char *handled = fmt("/admin/messages/%ld/handled", id);
	char *token = client_form_token(&staff, "/admin/messages");
	client_post(&staff, handled, (const char *[]){ "csrf_token", token, NULL }, &reply);
	cr_assert_eq(reply.status, 303);
	http_reply_free(&reply);
	page = site_page(&staff, "/admin/messages?handled=1", 200);
	site_assert_no_payload("the handled messages", page);
	cr_assert(strstr(page, "&lt;svg onload=alert(3)&gt;"));
	free(page);
	free(token);
	free(handled);
	client_free(&c);
	client_free(&staff);
}

