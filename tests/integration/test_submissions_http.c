/* Integration tests: news submission and moderation over HTTP, as a
 * contributor's browser and an editor's would do it. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "harness.h"
#include "site.h"

static void setup(void)
{
	site_start("1000");
}

TestSuite(submit, .init = setup, .fini = site_stop, .timeout = 60);

static const char title[] = "临港新片区新能源项目集中签约";
/* What a search result shows of the title outside the <mark> of the query 集中签约. */
static const char title_unmarked[] = "临港新片区新能源项目";
static const char search_path[] = "/search?q=%E9%9B%86%E4%B8%AD%E7%AD%BE%E7%BA%A6";

Test(submit, a_submission_is_pending_and_invisible_until_approved_then_everywhere)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	client_init(&staff, site.server.port);
	char *code = site_submit(&visitor, title);

	char *path;
	cr_assert(asprintf(&path, "/submit/status?code=%s&new=1", code) > 0);
	char *status = site_page(&visitor, path, 200);
	cr_assert(strstr(status, code) && strstr(status, "待审核"), "%s", status);
	cr_assert(strstr(status, "class=\"tracking-code\""));
	free(status);

	/* Not public: not listed, not in its channel, not searchable. */
	cr_assert_not(site_page_has(&visitor, "/", title));
	cr_assert_not(site_page_has(&visitor, "/districts/pudong", title));
	cr_assert(site_page_has(&visitor, search_path, "找到"));
	cr_assert_not(site_page_has(&visitor, search_path, title_unmarked));
	cr_assert_not(site_page_has(&visitor, "/api/v1/search?q=%E4%B8%B4%E6%B8%AF", title));

	cr_assert(client_login(&staff, "ed", site_password));
	long id = site_newest_in_queue(&staff);
	char *detail;
	cr_assert(asprintf(&detail, "/admin/submissions/%ld", id) > 0);
	cr_assert(site_page_has(&staff, detail, title));
	cr_assert(site_page_has(&staff, detail, "13812345678"), "staff see the contact");

	char *approve;
	cr_assert(asprintf(&approve, "/admin/submissions/%ld/approve", id) > 0);
	cr_assert_eq(site_staff_post(&staff, approve, "x", ""), 303);
	cr_assert(site_page_has(&staff, detail, "已发布"));

	/* At once on the home page, its channel, search and the API. */
	cr_assert(site_page_has(&visitor, "/", title));
	cr_assert(site_page_has(&visitor, "/districts/pudong", title));
	cr_assert(site_page_has(&visitor, search_path, title_unmarked));
	cr_assert(site_page_has(&visitor, "/api/v1/search?q=%E4%B8%B4%E6%B8%AF", title));
	status = site_page(&visitor, path, 200);
	cr_assert(strstr(status, "已发布") && strstr(status, "href=\"/articles/"), "%s", status);
	free(status);
	cr_assert_not(site_page_has(&visitor, "/", "13812345678"), "the contact is never public");

	/* The audit log says who did it. */
	char *audit = site_page(&staff, "/admin/audit", 200);
	cr_assert(strstr(audit, "发布投稿") && strstr(audit, "<td>ed</td>"), "%s", audit);
	free(audit);
	/* Approving twice does not publish twice. */
	cr_assert_eq(site_staff_post(&staff, approve, "x", ""), 409);

	free(approve);
	free(detail);
	free(path);
	free(code);
	client_free(&visitor);
	client_free(&staff);
}

Test(submit, a_rejected_submission_shows_its_reason_and_is_never_published)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	client_init(&staff, site.server.port);
	char *code = site_submit(&visitor, title);
	cr_assert(client_login(&staff, "ed", site_password));
	long id = site_newest_in_queue(&staff);
	char *reject;
	cr_assert(asprintf(&reject, "/admin/submissions/%ld/reject", id) > 0);
	cr_assert_eq(site_staff_post(&staff, reject, "reason", "  "), 400, "a reason is required");
	cr_assert_eq(site_staff_post(&staff, reject, "reason", "内容与已发布文章重复"), 303);

	char *path;
	cr_assert(asprintf(&path, "/submit/status?code=%s", code) > 0);
	char *status = site_page(&visitor, path, 200);
	cr_assert(strstr(status, "未采用") && strstr(status, "内容与已发布文章重复"), "%s", status);
	free(status);
	cr_assert_not(site_page_has(&visitor, "/", title));
	char *approve;
	cr_assert(asprintf(&approve, "/admin/submissions/%ld/approve", id) > 0);
	cr_assert_eq(site_staff_post(&staff, approve, "x", ""), 409, "a rejected submission cannot be approved");
	cr_assert_not(site_page_has(&visitor, "/", title));
	cr_assert(site_page_has(&staff, "/admin/audit", "退回投稿"));
	cr_assert(site_page_has(&staff, "/admin/submissions?status=rejected", title));
	free(approve);
	free(path);
	free(reject);
	free(code);
	client_free(&visitor);
	client_free(&staff);
}

Test(submit, an_editor_can_edit_before_approving)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	client_init(&staff, site.server.port);
	free(site_submit(&visitor, title));
	cr_assert(client_login(&staff, "ed", site_password));
	long id = site_newest_in_queue(&staff);
	char *detail;
	cr_assert(asprintf(&detail, "/admin/submissions/%ld", id) > 0);
	char *token = client_form_token(&staff, detail);
	struct http_reply r;
	client_post(&staff, detail,
		    (const char *[]){ "csrf_token", token, "title", "", "body", site_body_text, "district", "pudong", NULL }, &r);
	cr_assert_eq(r.status, 400, "an empty title is refused");
	cr_assert(strstr(r.body, "请填写标题"));
	http_reply_free(&r);
	client_post(&staff, detail,
		    (const char *[]){ "csrf_token", token, "title", "编辑修改后的标题：临港签约", "body", site_body_text,
				      "district", "pudong", "industry", "", "source", "", NULL },
		    &r);
	cr_assert_eq(r.status, 303, "%s", r.body);
	http_reply_free(&r);
	char *approve;
	cr_assert(asprintf(&approve, "/admin/submissions/%ld/approve", id) > 0);
	cr_assert_eq(site_staff_post(&staff, approve, "x", ""), 303);
	cr_assert(site_page_has(&visitor, "/", "编辑修改后的标题：临港签约"));
	cr_assert(site_page_has(&staff, "/admin/audit", "修改投稿"));
	free(approve);
	free(token);
	free(detail);
	client_free(&visitor);
	client_free(&staff);
}

/* How many submissions the pending queue holds, read off the admin API. */
static long pending_count(void)
{
	struct client staff;
	client_init(&staff, site.server.port);
	cr_assert(client_login(&staff, "ed", site_password));
	char *json = site_page(&staff, "/api/v1/admin/submissions", 200);
	const char *total = strstr(json, "\"total\":");
	cr_assert_not_null(total, "%s", json);
	long n = atol(total + 8);
	free(json);
	client_free(&staff);
	return n;
}

Test(submit, a_post_without_the_right_csrf_token_is_refused_and_stores_nothing)
{
	struct client visitor, other;
	client_init(&visitor, site.server.port);
	client_init(&other, site.server.port);
	/* The form page sets the visitor cookie its token is bound to, and is
	 * never stored by a cache that might hand it to someone else. */
	struct http_reply first;
	client_get(&visitor, "/submit", &first);
	char *cookies = set_cookies(&first), *cache = http_header(&first, "Cache-Control");
	cr_assert(strstr(cookies, "zs_visitor=") && strstr(cookies, "HttpOnly") && strstr(cookies, "SameSite=Lax"),
		  "%s", cookies);
	cr_assert_str_eq(cache, "no-store");
	free(cookies);
	free(cache);
	http_reply_free(&first);
	char *token = client_form_token(&visitor, "/submit");
	char *others = client_form_token(&other, "/submit");
	cr_assert_str_neq(token, others, "each visitor has their own token");
	struct http_reply r;
	const char *bad[] = { NULL, "", "not-a-token", others };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		client_post(&visitor, "/submit", SITE_SUBMISSION(bad[i] ? bad[i] : "", title), &r);
		cr_assert_eq(r.status, 403, "case %zu: %d", i, r.status);
		cr_assert(strstr(r.body, "页面已过期"), "a clear message: %s", r.body);
		http_reply_free(&r);
	}
	/* No cookie at all (a cross-site form without the visitor's cookie). */
	struct client stranger;
	client_init(&stranger, site.server.port);
	client_post(&stranger, "/submit", SITE_SUBMISSION(token, title), &r);
	cr_assert_eq(r.status, 403);
	http_reply_free(&r);
	cr_assert_eq(pending_count(), 0, "nothing was stored");

	/* Staff actions too: a visitor's token is not the session's. */
	free(site_submit(&visitor, title));
	struct client staff;
	client_init(&staff, site.server.port);
	cr_assert(client_login(&staff, "ed", site_password));
	long id = site_newest_in_queue(&staff);
	char *approve;
	cr_assert(asprintf(&approve, "/admin/submissions/%ld/approve", id) > 0);
	client_post(&staff, approve, (const char *[]){ "csrf_token", token, NULL }, &r);
	cr_assert_eq(r.status, 403);
	http_reply_free(&r);
	client_post(&staff, approve, (const char *[]){ "x", "", NULL }, &r);
	cr_assert_eq(r.status, 403);
	http_reply_free(&r);
	cr_assert_eq(pending_count(), 1, "still pending");
	cr_assert_not(site_page_has(&visitor, "/", title));

	/* And signing in. */
	struct client login;
	client_init(&login, site.server.port);
	client_post(&login, "/admin/login", (const char *[]){ "username", "ed", "password", site_password, NULL }, &r);
	cr_assert_eq(r.status, 403);
	cr_assert_null(strstr(r.head, "zs_session="), "no session without the token");
	http_reply_free(&r);

	free(approve);
	free(token);
	free(others);
	client_free(&visitor);
	client_free(&other);
	client_free(&stranger);
	client_free(&staff);
	client_free(&login);
}

/* Submits a story whose body runs its sections together, as the seed's do. */
static const char sectioned_body[] =
	"一、项目概况 奉贤新城今日集中签约三个生物医药项目，总投资约二十亿元。二、下一步安排 区里将为项目提供从用地到审批的全程服务，推动尽快开工。";

Test(submit, the_review_page_previews_the_body_in_sections_as_the_article_will_show_it)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	client_init(&staff, site.server.port);
	char *token = client_form_token(&visitor, "/submit");
	struct http_reply r;
	client_post(&visitor, "/submit",
		    (const char *[]){ "csrf_token", token, "title", "奉贤新城签约三个生物医药项目", "body", sectioned_body,
				      "district", "fengxian", "contributor", "张三", "contact", "13812345678", NULL },
		    &r);
	cr_assert_eq(r.status, 303, "%s", r.body);
	http_reply_free(&r);
	cr_assert(client_login(&staff, "ed", site_password));
	long id = site_newest_in_queue(&staff);
	char *detail = fmt("/admin/submissions/%ld", id), *page = site_page(&staff, detail, 200);
	const char *preview = strstr(page, "class=\"preview\"");
	cr_assert_not_null(preview);
	cr_assert(strstr(preview, "<h2>一、项目概况</h2>") && strstr(preview, "<h2>二、下一步安排</h2>") &&
			  strstr(preview, "<p>奉贤新城今日集中签约三个生物医药项目，总投资约二十亿元。</p>"),
		  "sections, as the article page: %s", preview);
	free(page);
	char *approve = fmt("%s/approve", detail);
	cr_assert_eq(site_staff_post(&staff, approve, "x", ""), 303);
	char *article = site_page(&visitor, "/", 200);
	const char *link = strstr(article, "奉贤新城签约三个生物医药项目");
	cr_assert_not_null(link);
	const char *href = link;
	while (href > article && strncmp(href, "href=\"/articles/", 16))
		href--;
	char *path = strndup(href + 6, strcspn(href + 6, "\""));
	free(article);
	article = site_page(&visitor, path, 200);
	cr_assert(strstr(article, "<h2>一、项目概况</h2>") && strstr(article, "<h2>二、下一步安排</h2>"),
		  "the article shows what the preview did");
	free(article);
	free(path);
	free(approve);
	free(detail);
	free(token);
	client_free(&visitor);
	client_free(&staff);
}

Test(submit, the_edit_form_says_saving_does_not_publish)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	client_init(&staff, site.server.port);
	free(site_submit(&visitor, title));
	cr_assert(client_login(&staff, "ed", site_password));
	long id = site_newest_in_queue(&staff);
	char *detail = fmt("/admin/submissions/%ld", id), *page = site_page(&staff, detail, 200);
	cr_assert(strstr(page, "“保存修改”只保存，不会发布") && strstr(page, ">保存修改（不发布）</button>"), "%s", page);
	free(page);
	char *token = client_form_token(&staff, detail);
	struct http_reply r;
	client_post(&staff, detail,
		    (const char *[]){ "csrf_token", token, "title", "改过的标题：临港签约", "body", site_body_text, "district",
				      "pudong", "industry", "", "source", "", NULL },
		    &r);
	cr_assert_eq(r.status, 303);
	char *location = http_header(&r, "Location"), *want = fmt("%s?done=edited", detail);
	cr_assert_str_eq(location, want, "the same submission, to check before publishing");
	http_reply_free(&r);
	page = site_page(&staff, location, 200);
	cr_assert(strstr(page, "投稿仍待审核") && strstr(page, "<h1>改过的标题：临港签约</h1>"), "%s", page);
	free(page);
	cr_assert_not(site_page_has(&visitor, "/", "改过的标题"), "not published");
	free(want);
	free(location);
	free(token);
	free(detail);
	client_free(&visitor);
	client_free(&staff);
}

Test(submit, after_a_decision_the_editor_goes_on_to_the_next_submission_then_back_to_the_queue)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	client_init(&staff, site.server.port);
	free(site_submit(&visitor, "第一篇：嘉定氢能项目签约"));
	cr_assert(client_login(&staff, "ed", site_password));
	long first = site_newest_in_queue(&staff);
	free(site_submit(&visitor, "第二篇：松江科创走廊新项目"));
	long second = site_newest_in_queue(&staff);
	char *token = client_form_token(&staff, "/admin/submissions"), *approve = fmt("/admin/submissions/%ld/approve", second);
	struct http_reply r;
	client_post(&staff, approve, (const char *[]){ "csrf_token", token, NULL }, &r);
	cr_assert_eq(r.status, 303);
	char *location = http_header(&r, "Location"), *want = fmt("/admin/submissions/%ld?done=approved", first);
	cr_assert_str_eq(location, want, "on to the one still waiting");
	http_reply_free(&r);
	char *page = site_page(&staff, location, 200);
	cr_assert(strstr(page, "已发布：") && strstr(page, "下面是下一篇待审核的投稿") && strstr(page, "第一篇：嘉定氢能项目签约"),
		  "%s", page);
	free(page);
	free(location);
	char *reject = fmt("/admin/submissions/%ld/reject", first);
	client_post(&staff, reject, (const char *[]){ "csrf_token", token, "reason", "重复投稿", NULL }, &r);
	cr_assert_eq(r.status, 303);
	location = http_header(&r, "Location");
	cr_assert_str_eq(location, "/admin/submissions?done=rejected", "none left: the queue");
	http_reply_free(&r);
	cr_assert(site_page_has(&staff, location, "待审核的投稿已全部处理完"));
	free(location);
	free(reject);
	free(want);
	free(approve);
	free(token);
	client_free(&visitor);
	client_free(&staff);
}
