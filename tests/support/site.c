/* site: the test site's set-up and the workflow steps tests share. */
#include "site.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct site site;
const char site_password[] = "correct-horse-battery";
const char site_body_text[] =
	"临港新片区今日举行新能源产业项目集中签约仪式，共有十二个项目落地，总投资超过八十亿元，涵盖动力电池、氢能装备和智能网联汽车零部件等领域。\n"
	"二、相关负责人表示，新片区将持续优化营商环境，为签约企业提供从用地、审批到人才引进的全周期服务，推动项目早开工、早投产、早见效。";

static void run_ok(const char *const argv[])
{
	struct run_result r;
	run_cmd(argv, &r);
	cr_assert_eq(r.status, 0, "%s %s failed: %s", argv[1], argv[2], r.err);
	run_result_free(&r);
}

void import_into(const char *db, const char *const *files)
{
	const char *argv[16] = { zs_bin(), "import", "--db", db };
	size_t n = 4;
	for (; *files && n < 15; files++)
		argv[n++] = *files;
	argv[n] = NULL;
	struct run_result r;
	run_cmd(argv, &r);
	cr_assert_eq(r.status, 0, "import failed: %s", r.err);
	run_result_free(&r);
}

void site_add_user(const char *name, const char *role)
{
	setenv("ZHAOSHANG_PASSWORD", site_password, 1);
	run_ok((const char *[]){ zs_bin(), "user", "add", name, "--role", role, "--db", site.db, NULL });
}

void site_start(const char *form_rate)
{
	site.dir = tmp_dir_new();
	if (asprintf(&site.db, "%s/site.db", site.dir) < 0)
		abort();
	run_ok((const char *[]){ zs_bin(), "import", "--db", site.db, "data/demo/articles.txt", NULL });
	site_add_user("ed", "editor");
	site_add_user("boss", "admin");
	setenv("ZHAOSHANG_FORM_RATE", form_rate, 1);
	cr_assert(server_start(&site.server, site.db), "server did not start");
}

void site_restart(void)
{
	cr_assert(server_start(&site.server, site.db), "server did not start again");
}

void site_wait_next_second(void)
{
	time_t start = time(NULL);
	while (time(NULL) == start)
		usleep(20 * 1000);
}

void site_stop(void)
{
	if (site.server.log_path) {
		char *log = server_log(&site.server);
		int status = server_stop(&site.server);
		cr_expect_eq(status, 0, "server exited with %d; its log:\n%s", status, log);
		free(log);
	}
	free(site.db);
	tmp_dir_remove(site.dir);
	memset(&site, 0, sizeof(site));
}

char *site_submit(struct client *c, const char *title)
{
	char *token = client_form_token(c, "/submit");
	cr_assert_not_null(token, "the form has a csrf_token");
	struct http_reply r;
	client_post(c, "/submit", SITE_SUBMISSION(token, title), &r);
	cr_assert_eq(r.status, 303, "submit: %d %s", r.status, r.body);
	char *location = http_header(&r, "Location");
	cr_assert_not_null(location);
	const char *code = strstr(location, "code=");
	cr_assert_not_null(code, "%s", location);
	char *out = strndup(code + 5, strcspn(code + 5, "&"));
	free(location);
	free(token);
	http_reply_free(&r);
	return out;
}

char *site_page(struct client *c, const char *path, int status)
{
	struct http_reply r;
	client_get(c, path, &r);
	cr_assert_eq(r.status, status, "GET %s: %d, want %d\n%s", path, r.status, status, r.body);
	char *body = strdup(r.body);
	http_reply_free(&r);
	cr_assert_null(c->html_problem, "%s", c->html_problem);
	return body;
}

bool site_page_has(struct client *c, const char *path, const char *text)
{
	char *body = site_page(c, path, 200);
	bool has = strstr(body, text) != NULL;
	free(body);
	return has;
}

long site_newest_in_queue(struct client *staff)
{
	char *body = site_page(staff, "/admin/submissions", 200);
	static const char link[] = "<h2><a href=\"/admin/submissions/";
	const char *at = strstr(body, link);
	cr_assert_not_null(at, "the queue lists a submission:\n%s", body);
	long id = atol(at + sizeof(link) - 1);
	free(body);
	return id;
}

int site_staff_post(struct client *staff, const char *path, const char *name, const char *value)
{
	char *token = client_form_token(staff, "/admin/submissions");
	cr_assert_not_null(token);
	struct http_reply r;
	client_post(staff, path, (const char *[]){ "csrf_token", token, name, value, NULL }, &r);
	int status = r.status;
	http_reply_free(&r);
	free(token);
	return status;
}

void site_contact_post(struct client *c, const char *const *fields, struct http_reply *reply)
{
	char *token = client_form_token(c, "/contact");
	cr_assert_not_null(token, "the contact form has a csrf_token");
	const char *all[24] = { "csrf_token", token };
	size_t n = 2;
	for (size_t i = 0; fields[i] && n < 22; i++)
		all[n++] = fields[i];
	all[n] = NULL;
	client_post_multipart(c, "/contact", all, reply);
	free(token);
}

void site_assert_no_payload(const char *where, const char *html)
{
	static const char *const raw[] = { "<script>alert", "<img src=x", "<svg onload", "</textarea><script",
					   "\"onmouseover=\"", "<iframe" };
	for (size_t i = 0; i < sizeof(raw) / sizeof(raw[0]); i++)
		cr_assert_null(strstr(html, raw[i]), "%s shows %s raw", where, raw[i]);
}

void site_staff_login(struct client *staff)
{
	client_init(staff, site.server.port);
	cr_assert(client_login(staff, "ed", site_password));
}

long site_count_on(struct client *staff, const char *path)
{
	char *page = site_page(staff, path, 200);
	const char *at = strstr(page, "<p class=\"count\">");
	cr_assert_not_null(at, "%s", page);
	at = strstr(at, "共 ");
	cr_assert_not_null(at, "%s", page);
	long n = atol(at + strlen("共 "));
	free(page);
	return n;
}

char *site_field_error(const char *html, const char *field)
{
	char *marker = fmt("id=\"%s-error\">", field);
	const char *at = strstr(html, marker);
	char *out = NULL;
	if (at) {
		at += strlen(marker);
		const char *end = strstr(at, "</p>");
		out = strndup(at, end ? (size_t)(end - at) : strlen(at));
	}
	free(marker);
	return out;
}

void site_assert_field_error(const char *html, const char *field, const char *part)
{
	char *error = site_field_error(html, field);
	cr_assert_not_null(error, "no message beside %s in:\n%.600s", field,
			   strstr(html, "form-errors") ? strstr(html, "form-errors") : html);
	cr_assert(strstr(error, part), "beside %s: \"%s\", want \"%s\"", field, error, part);
	free(error);
}
