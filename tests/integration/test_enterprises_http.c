/* Integration tests: enterprise onboarding (企业入驻), the directory and its
 * exports and the private edit link — over HTTP, as an
 * enterprise's browser, a reader's and an editor's would do it. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "client.h"
#include "content/credit_code.h"
#include "harness.h"
#include "site.h"
#include "util/buf.h"

static void setup(void)
{
	site_start("1000");
}

/* Three posts of each public form an hour. */
static void setup_low_rate(void)
{
	site_start("3");
}

/* Every suite has the same timeout (see test_submissions_input_http.c). */
TestSuite(enterprise, .init = setup, .fini = site_stop, .timeout = 60);
TestSuite(enterprise_input, .init = setup, .fini = site_stop, .timeout = 60);
TestSuite(enterprise_rate, .init = setup_low_rate, .fini = site_stop, .timeout = 60);

/* ---- helpers ---- */

/* first17 and its check character (computed by the library): a valid code. */
static void code_from(const char *first17, char out[19])
{
	cr_assert_eq(strlen(first17), 17, "%s", first17);
	memcpy(out, first17, 17);
	out[17] = credit_code_check_char(first17);
	out[18] = '\0';
	cr_assert_neq(out[17], 0, "%s", first17);
}

/* The n-th valid code of these tests: a Pudong enterprise (91 310115 …). */
static void valid_code(unsigned n, char out[19])
{
	char first17[18];
	snprintf(first17, sizeof(first17), "91310115MA1H7XY%02u", n % 100);
	code_from(first17, out);
}

/* What a registration form holds; NULL text fields are sent empty, as a
 * browser sends an empty input. */
struct reg {
	const char *name, *credit_code, *industry, *district;
	const char *seeking[8]; /* the ticked checkboxes, NULL-terminated */
	const char *description, *website, *contact_name, *phone, *email;
};

static const char contact_person[] = "王晓明", contact_phone[] = "021-61234567",
		  contact_email[] = "wang.xiaoming@example.com";
static const char chip_name[] = "上海临港芯片设计有限公司";
static const char chip_description[] = "专注于车规级芯片设计，计划在临港新片区设立研发中心。";
/* The demo corpus's Pudong article (data/demo/articles.txt). */
static const char pudong_article[] = "浦东新区集成电路产业集中签约14个项目";

static struct reg reg_of(const char *name, const char *code)
{
	return (struct reg){ .name = name,
			     .credit_code = code,
			     .industry = "ic",
			     .district = "pudong",
			     .seeking = { "office", "funding" },
			     .description = chip_description,
			     .website = "https://www.example.com/",
			     .contact_name = contact_person,
			     .phone = contact_phone,
			     .email = contact_email };
}

/* POSTs r to path as multipart (as the form's enctype says), with token
 * as csrf_token unless it is NULL. */
static void reg_post(struct client *c, const char *path, const char *token, const struct reg *r,
		     struct http_reply *reply)
{
	const char *f[64];
	size_t n = 0;
	if (token) {
		f[n++] = "csrf_token";
		f[n++] = token;
	}
	const char *before[][2] = { { "name", r->name },
				    { "credit_code", r->credit_code },
				    { "industry", r->industry },
				    { "district", r->district } };
	for (size_t i = 0; i < 4; i++) {
		f[n++] = before[i][0];
		f[n++] = before[i][1] ? before[i][1] : "";
	}
	for (size_t i = 0; r->seeking[i]; i++) {
		f[n++] = "seeking";
		f[n++] = r->seeking[i];
	}
	const char *after[][2] = { { "description", r->description },
				   { "website", r->website },
				   { "contact_name", r->contact_name },
				   { "phone", r->phone },
				   { "email", r->email } };
	for (size_t i = 0; i < 5; i++) {
		f[n++] = after[i][0];
		f[n++] = after[i][1] ? after[i][1] : "";
	}
	f[n] = NULL;
	client_post_multipart(c, path, f, reply);
}

/* Fills in the form at path (with its token) and sends it. */
static void reg_submit(struct client *c, const char *path, const struct reg *r, struct http_reply *reply)
{
	char *token = client_form_token(c, path);
	cr_assert_not_null(token, "%s has a form with a csrf_token", path);
	reg_post(c, path, token, r, reply);
	free(token);
}

/* Registers r; returns the edit link's token (caller frees). */
static char *register_ok(struct client *c, const struct reg *r)
{
	struct http_reply reply;
	reg_submit(c, "/enterprises/join", r, &reply);
	cr_assert_eq(reply.status, 303, "register %s: %d\n%s", r->name, reply.status, reply.body);
	char *location = http_header(&reply, "Location");
	static const char prefix[] = "/enterprises/edit/";
	cr_assert(location && !strncmp(location, prefix, sizeof(prefix) - 1), "Location: %s", location);
	const char *t = location + sizeof(prefix) - 1;
	size_t len = strcspn(t, "?");
	cr_assert_str_eq(t + len, "?new=1");
	cr_assert_gt(len, 20, "a long random token: %s", location);
	char *token = strndup(t, len);
	free(location);
	http_reply_free(&reply);
	return token;
}

/* The id of the newest registration waiting for review. */
static long newest_pending(struct client *staff)
{
	char *page = site_page(staff, "/admin/enterprises", 200);
	static const char link[] = "<h2><a href=\"/admin/enterprises/";
	const char *at = strstr(page, link);
	cr_assert_not_null(at, "the queue lists a registration:\n%s", page);
	long id = atol(at + sizeof(link) - 1);
	free(page);
	return id;
}

/* POSTs to /admin/enterprises/{id}/{action} with the CSRF token of the
 * enterprise's staff page (and a reason unless NULL); the status. */
static int decide(struct client *staff, long id, const char *action, const char *reason)
{
	char *page = fmt("/admin/enterprises/%ld", id), *path = fmt("/admin/enterprises/%ld/%s", id, action);
	char *html = site_page(staff, page, 200);
	char *token = csrf_in(html);
	cr_assert_not_null(token, "%s has the staff token", page);
	/* The revision the page showed (decided ones show no form: any will do). */
	static const char marker[] = "name=\"revision\" value=\"";
	const char *at = strstr(html, marker);
	char *revision = at ? strndup(at + sizeof(marker) - 1, strcspn(at + sizeof(marker) - 1, "\"")) : strdup("1");
	free(html);
	struct http_reply r;
	client_post(staff, path,
		    (const char *[]){ "csrf_token", token, "revision", revision, reason ? "reason" : NULL, reason, NULL }, &r);
	free(revision);
	int status = r.status;
	if (status == 303) {
		/* On to the next item waiting, or back to the queue. */
		char *location = http_header(&r, "Location");
		cr_assert(location && !strncmp(location, "/admin/enterprises", 18), "Location: %s", location);
		const char *done = strstr(location, "?done=");
		cr_assert(done && (strstr(done, "approved") || strstr(done, "rejected")), "Location: %s", location);
		cr_assert(!strcmp(action, "approve") == (strstr(done, "approved") != NULL), "Location: %s", location);
		free(location);
	}
	http_reply_free(&r);
	free(token);
	free(path);
	free(page);
	return status;
}

/* Registers r as visitor and approves it as staff; returns its id, and its
 * edit token in *token unless token is NULL. */
static long register_approved(struct client *visitor, struct client *staff, const struct reg *r, char **token)
{
	char *t = register_ok(visitor, r);
	long id = newest_pending(staff);
	cr_assert_eq(decide(staff, id, "approve", NULL), 303);
	if (token)
		*token = t;
	else
		free(t);
	return id;
}

static long pending_count(void)
{
	struct client staff;
	site_staff_login(&staff);
	long n = site_count_on(&staff, "/admin/enterprises");
	client_free(&staff);
	return n;
}

static json_t *api_get(struct client *c, const char *path, int status)
{
	struct http_reply r;
	client_get(c, path, &r);
	cr_assert_eq(r.status, status, "GET %s: %d, want %d\n%s", path, r.status, status, r.body);
	char *type = http_header(&r, "Content-Type");
	cr_assert(type && !strncmp(type, "application/json", 16), "GET %s: Content-Type %s", path, type);
	free(type);
	json_error_t err;
	json_t *j = json_loadb(r.body, r.body_len, 0, &err);
	cr_assert_not_null(j, "GET %s: %s\n%s", path, err.text, r.body);
	http_reply_free(&r);
	return j;
}

/* Whether GET path (an API list) has an enterprise named name. */
static bool api_lists(struct client *c, const char *path, const char *name)
{
	json_t *j = api_get(c, path, 200);
	json_t *results = json_object_get(j, "results"), *item;
	cr_assert(json_is_array(results), "%s", path);
	bool found = false;
	size_t i;
	json_array_foreach (results, i, item) {
		const char *n = json_string_value(json_object_get(item, "name"));
		if (n && !strcmp(n, name))
			found = true;
	}
	json_decref(j);
	return found;
}

/* Whether the directory page at path lists an enterprise named name. */
static bool directory_lists(struct client *c, const char *path, const char *name)
{
	char *entry = fmt("\">%s</a></h2>", name);
	bool has = site_page_has(c, path, entry);
	free(entry);
	return has;
}

/* ---- RFC 4180 ---- */

enum { CSV_ROWS = 64, CSV_COLS = 16 };

struct csv {
	char *cell[CSV_ROWS][CSV_COLS];
	size_t cols[CSV_ROWS];
	size_t rows;
	const char *problem; /* NULL when s was well-formed CSV */
};

/* Parses s: records end with CRLF; a quoted field may hold commas, line
 * breaks and doubled quotes. */
static void csv_parse(const char *s, size_t len, struct csv *out)
{
	memset(out, 0, sizeof(*out));
	struct buf cell = { 0 };
	size_t i = 0, col = 0;
	while (len > 0 && out->rows < CSV_ROWS) {
		buf_reset(&cell);
		buf_puts(&cell, "");
		if (i < len && s[i] == '"') {
			for (i++;; i++) {
				if (i >= len) {
					out->problem = "a quoted field is not closed";
					goto done;
				}
				if (s[i] == '"') {
					if (i + 1 < len && s[i + 1] == '"') {
						buf_putc(&cell, '"');
						i++;
						continue;
					}
					i++;
					break;
				}
				buf_putc(&cell, s[i]);
			}
		} else {
			for (; i < len && s[i] != ',' && s[i] != '\r' && s[i] != '\n'; i++) {
				if (s[i] == '"') {
					out->problem = "a quote inside an unquoted field";
					goto done;
				}
				buf_putc(&cell, s[i]);
			}
		}
		if (col < CSV_COLS)
			out->cell[out->rows][col] = strdup(buf_cstr(&cell));
		col++;
		if (i < len && s[i] == ',') {
			i++;
			continue;
		}
		out->cols[out->rows++] = col;
		col = 0;
		if (i == len)
			break;
		if (i + 1 < len && s[i] == '\r' && s[i + 1] == '\n') {
			i += 2;
			if (i == len)
				break;
			continue;
		}
		out->problem = "a record does not end with CRLF, or text follows a closing quote";
		break;
	}
done:
	buf_free(&cell);
}

static void csv_free(struct csv *c)
{
	for (size_t r = 0; r < CSV_ROWS; r++)
		for (size_t k = 0; k < CSV_COLS; k++)
			free(c->cell[r][k]);
}

Test(enterprise, the_csv_parser_of_these_tests_reads_rfc_4180)
{
	static const char text[] = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",,\"\"\r\n";
	struct csv c;
	csv_parse(text, strlen(text), &c);
	cr_assert_null(c.problem, "%s", c.problem);
	cr_assert_eq(c.rows, 2);
	cr_assert_eq(c.cols[0], 3);
	cr_assert_eq(c.cols[1], 3);
	cr_assert_str_eq(c.cell[0][1], "b,c");
	cr_assert_str_eq(c.cell[0][2], "say \"hi\"");
	cr_assert_str_eq(c.cell[1][0], "two\r\nlines");
	cr_assert_str_eq(c.cell[1][1], "");
	cr_assert_str_eq(c.cell[1][2], "");
	csv_free(&c);
	csv_parse("a\"b\r\n", 5, &c);
	cr_assert_not_null(c.problem);
	csv_free(&c);
	csv_parse("\"open\r\n", 7, &c);
	cr_assert_not_null(c.problem);
	csv_free(&c);
}

/* ---- register → pending → approved → listed ---- */

Test(enterprise, a_registration_is_pending_and_invisible_until_approved_then_listed_with_its_news)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	site_staff_login(&staff);
	char code[19];
	valid_code(1, code);
	struct reg r = reg_of(chip_name, code);
	char *token = register_ok(&visitor, &r);

	/* Where it lands: the private link, shown, and the status. */
	char *fresh = fmt("/enterprises/edit/%s?new=1", token), *edit = fmt("/enterprises/edit/%s", token);
	struct http_reply reply;
	client_get(&visitor, fresh, &reply);
	cr_assert_eq(reply.status, 200);
	char *cache = http_header(&reply, "Cache-Control");
	cr_assert_str_eq(cache, "no-store", "a private page is never cached");
	free(cache);
	cr_assert(strstr(reply.body, "专属修改链接"), "%s", reply.body);
	char *link = fmt(">http://127.0.0.1:%d%s</a>", site.server.port, edit);
	cr_assert(strstr(reply.body, link), "the page shows the link in full");
	free(link);
	cr_assert(strstr(reply.body, "待审核"));
	http_reply_free(&reply);

	/* Not public: not listed, not in the API, no profile. */
	long id = newest_pending(&staff);
	char *profile = fmt("/enterprises/%ld", id);
	cr_assert_not(directory_lists(&visitor, "/enterprises", chip_name));
	cr_assert(site_page_has(&visitor, "/enterprises", "名录中还没有企业"));
	cr_assert_not(api_lists(&visitor, "/api/v1/enterprises", chip_name));
	free(site_page(&visitor, profile, 404));
	/* Staff see it in the queue, with its contact. */
	char *detail = fmt("/admin/enterprises/%ld", id);
	char *page = site_page(&staff, detail, 200);
	cr_assert(strstr(page, chip_name) && strstr(page, code) && strstr(page, contact_phone) &&
			  strstr(page, contact_email) && strstr(page, "来自 127.0.0.1"),
		  "%s", page);
	free(page);
	cr_assert_eq(site_count_on(&staff, "/admin/enterprises"), 1);

	cr_assert_eq(decide(&staff, id, "approve", NULL), 303);
	cr_assert(site_page_has(&staff, detail, "已通过"));
	cr_assert_eq(site_count_on(&staff, "/admin/enterprises"), 0);
	cr_assert_eq(site_count_on(&staff, "/admin/enterprises?status=approved"), 1);
	cr_assert_eq(decide(&staff, id, "approve", NULL), 409, "approving twice");

	/* Listed in the directory and the API, with its public fields. */
	cr_assert(directory_lists(&visitor, "/enterprises", chip_name));
	json_t *j = api_get(&visitor, "/api/v1/enterprises", 200);
	cr_assert_eq(json_integer_value(json_object_get(j, "total")), 1);
	json_t *item = json_array_get(json_object_get(j, "results"), 0);
	cr_assert_eq(json_integer_value(json_object_get(item, "id")), id);
	cr_assert_str_eq(json_string_value(json_object_get(item, "name")), chip_name);
	cr_assert_str_eq(json_string_value(json_object_get(item, "credit_code")), code);
	cr_assert_str_eq(json_string_value(json_object_get(item, "district")), "pudong");
	cr_assert_str_eq(json_string_value(json_object_get(item, "industry")), "ic");
	cr_assert_str_eq(json_string_value(json_object_get(item, "description")), chip_description);
	json_t *seeking = json_object_get(item, "seeking");
	cr_assert_eq(json_array_size(seeking), 2);
	cr_assert_str_eq(json_string_value(json_array_get(seeking, 0)), "office");
	cr_assert_str_eq(json_string_value(json_array_get(seeking, 1)), "funding");
	json_decref(j);

	/* Its page: the profile, and its district's latest news. */
	page = site_page(&visitor, profile, 200);
	cr_assert(strstr(page, "<h1>上海临港芯片设计有限公司</h1>"), "%s", page);
	cr_assert(strstr(page, code) && strstr(page, chip_description) && strstr(page, "浦东新区") &&
			  strstr(page, "集成电路") && strstr(page, "办公、融资") && strstr(page, "https://www.example.com/"),
		  "%s", page);
	const char *related = strstr(page, "所在区的最新资讯");
	cr_assert_not_null(related, "%s", page);
	const char *industry_part = strstr(related, "所属行业的最新资讯");
	const char *news = strstr(related, pudong_article);
	cr_assert(news && news < industry_part, "the district's news lists the demo's Pudong article:\n%s", related);
	cr_assert(strstr(related, "<a href=\"/articles/"));
	cr_assert(industry_part && strstr(industry_part, pudong_article),
		  "the industry's news (集成电路) lists the demo's IC article:\n%s", related);
	free(page);
	cr_assert(site_page_has(&visitor, edit, "已通过"), "the enterprise sees it was approved");
	char *public_link = fmt("href=\"/enterprises/%ld\"", id);
	cr_assert(site_page_has(&visitor, edit, public_link));
	free(public_link);
	free(site_page(&visitor, "/enterprises/abc", 404));
	char *padded = fmt("/enterprises/0%ld", id);
	free(site_page(&visitor, padded, 404));
	free(padded);

	/* The audit log says who approved it. */
	page = site_page(&staff, "/admin/audit", 200);
	cr_assert(strstr(page, "通过企业入驻") && strstr(page, "<td>ed</td>"), "%s", page);
	free(page);

	free(detail);
	free(profile);
	free(edit);
	free(fresh);
	free(token);
	client_free(&visitor);
	client_free(&staff);
}

Test(enterprise, a_rejected_registration_shows_its_reason_on_the_edit_link_and_is_never_listed)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	site_staff_login(&staff);
	char code[19];
	valid_code(2, code);
	struct reg r = reg_of(chip_name, code);
	char *token = register_ok(&visitor, &r), *edit = fmt("/enterprises/edit/%s", token);
	long id = newest_pending(&staff);
	cr_assert_eq(decide(&staff, id, "reject", "  "), 400, "a reason is required");
	char *long_reason = repeat("因", 501);
	cr_assert_eq(decide(&staff, id, "reject", long_reason), 400, "500 characters at most");
	free(long_reason);
	cr_assert_eq(decide(&staff, id, "reject", "信用代码与营业执照不符"), 303);
	char *page = site_page(&visitor, edit, 200);
	cr_assert(strstr(page, "未通过") && strstr(page, "信用代码与营业执照不符"), "%s", page);
	free(page);
	cr_assert_not(directory_lists(&visitor, "/enterprises", chip_name));
	char *profile = fmt("/enterprises/%ld", id);
	free(site_page(&visitor, profile, 404));
	cr_assert_eq(decide(&staff, id, "approve", NULL), 409, "a rejected registration cannot be approved");
	cr_assert(site_page_has(&staff, "/admin/audit", "企业入驻不通过"));
	cr_assert(site_page_has(&staff, "/admin/enterprises?status=rejected", chip_name));

	/* Corrected through the link, it is back in the queue. */
	r.description = "已按营业执照更正。";
	struct http_reply reply;
	reg_submit(&visitor, edit, &r, &reply);
	cr_assert_eq(reply.status, 303, "%s", reply.body);
	http_reply_free(&reply);
	page = site_page(&visitor, edit, 200);
	cr_assert(strstr(page, "待审核"), "%s", page);
	cr_assert_null(strstr(page, "信用代码与营业执照不符"), "the old reason is gone");
	free(page);
	cr_assert_eq(newest_pending(&staff), id);
	cr_assert_eq(decide(&staff, id, "approve", NULL), 303);
	cr_assert(directory_lists(&visitor, "/enterprises", chip_name));
	free(profile);
	free(edit);
	free(token);
	client_free(&visitor);
	client_free(&staff);
}

/* ---- the directory ---- */

static const char logistics_name[] = "上海松江智慧物流有限公司", software_name[] = "深圳云端软件有限公司";

Test(enterprise, the_directory_filters_by_district_industry_and_seeking)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	site_staff_login(&staff);
	char codes[3][19];
	for (unsigned i = 0; i < 3; i++)
		valid_code(10 + i, codes[i]);
	struct reg chip = reg_of(chip_name, codes[0]);
	struct reg logistics = reg_of(logistics_name, codes[1]);
	logistics.district = "songjiang";
	logistics.industry = "gb-g";
	logistics.seeking[0] = "site";
	logistics.seeking[1] = "factory";
	logistics.description = "智能仓储与物流配送。";
	struct reg software = reg_of(software_name, codes[2]);
	software.district = "outside";
	software.industry = "gb-i";
	software.seeking[0] = "talent";
	software.seeking[1] = NULL;
	software.description = "云计算软件服务。";
	const struct reg *all[] = { &chip, &logistics, &software };
	long ids[3];
	for (size_t i = 0; i < 3; i++)
		ids[i] = register_approved(&visitor, &staff, all[i], NULL);

	static const struct {
		const char *query;
		bool chip, logistics, software;
	} cases[] = {
		{ "", true, true, true },
		{ "district=pudong", true, false, false },
		{ "district=songjiang", false, true, false },
		{ "district=outside", false, false, true },
		{ "district=huangpu", false, false, false },
		{ "industry=ic", true, false, false },
		{ "industry=gb-g", false, true, false },
		{ "industry=gb-i", false, false, true },
		{ "industry=gb-c", false, false, false },
		{ "seeking=office", true, false, false },
		{ "seeking=funding", true, false, false },
		{ "seeking=site", false, true, false },
		{ "seeking=factory", false, true, false },
		{ "seeking=talent", false, false, true },
		{ "seeking=policy", false, false, false },
		{ "district=pudong&industry=ic&seeking=funding", true, false, false },
		{ "district=pudong&seeking=factory", false, false, false },
		{ "district=songjiang&industry=ic", false, false, false },
		{ "district=&industry=&seeking=", true, true, true },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *page = fmt("/enterprises?%s", cases[i].query), *api = fmt("/api/v1/enterprises?%s", cases[i].query);
		const bool want[3] = { cases[i].chip, cases[i].logistics, cases[i].software };
		int expected = 0;
		for (size_t k = 0; k < 3; k++) {
			cr_assert_eq(directory_lists(&visitor, page, all[k]->name), want[k], "%s: %s", page, all[k]->name);
			cr_assert_eq(api_lists(&visitor, api, all[k]->name), want[k], "%s: %s", api, all[k]->name);
			expected += want[k];
		}
		json_t *j = api_get(&visitor, api, 200);
		cr_assert_eq(json_integer_value(json_object_get(j, "total")), expected, "%s", api);
		json_decref(j);
		if (!expected)
			cr_assert(site_page_has(&visitor, page, "没有符合条件的企业"), "%s", page);
		free(page);
		free(api);
	}
	/* The filter form keeps what was chosen. */
	char *page = site_page(&visitor, "/enterprises?district=songjiang&industry=gb-g&seeking=factory", 200);
	cr_assert(strstr(page, "value=\"songjiang\" selected") && strstr(page, "value=\"gb-g\" selected") &&
			  strstr(page, "value=\"factory\" selected"),
		  "%s", page);
	free(page);
	/* Not in Shanghai yet: said so, and no district news. */
	char *profile = fmt("/enterprises/%ld", ids[2]);
	page = site_page(&visitor, profile, 200);
	cr_assert(strstr(page, "尚未落户上海") && strstr(page, "信息传输、软件和信息技术服务业") &&
			  strstr(page, "暂无所在区的资讯"),
		  "%s", page);
	free(page);
	free(profile);

	/* Values outside the lists are refused, on the page and in the API. */
	const char *bad[] = { "district=atlantis", "industry=gb-z", "seeking=yacht", "page=0", "page=abc" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char *path = fmt("/enterprises?%s", bad[i]), *api = fmt("/api/v1/enterprises?%s", bad[i]);
		free(site_page(&visitor, path, 400));
		json_t *j = api_get(&visitor, api, 400);
		cr_assert(json_is_string(json_object_get(json_object_get(j, "error"), "code")), "%s", api);
		json_decref(j);
		free(path);
		free(api);
	}
	client_free(&visitor);
	client_free(&staff);
}

/* README: "district= slug or outside". A district's Chinese name is not a
 * slug: either refused, as /search does, or taken to mean that district —
 * not accepted and then silently matching nothing. */
Test(enterprise, a_district_filter_that_is_not_a_slug_is_refused_not_silently_empty)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	site_staff_login(&staff);
	char code[19];
	valid_code(15, code);
	struct reg r = reg_of(chip_name, code);
	register_approved(&visitor, &staff, &r, NULL);
	/* 浦东新区, 浦东; also on the page. */
	const char *paths[] = { "/api/v1/enterprises?district=%E6%B5%A6%E4%B8%9C%E6%96%B0%E5%8C%BA",
				"/api/v1/enterprises?district=%E6%B5%A6%E4%B8%9C",
				"/enterprises?district=%E6%B5%A6%E4%B8%9C%E6%96%B0%E5%8C%BA" };
	char seen[3][256];
	bool fine[3];
	for (size_t i = 0; i < 3; i++) {
		struct http_reply reply;
		client_get(&visitor, paths[i], &reply);
		fine[i] = reply.status == 400 || (reply.status == 200 && strstr(reply.body, chip_name));
		snprintf(seen[i], sizeof(seen[i]), "GET %s: %d %.100s", paths[i], reply.status,
			 strstr(reply.body, "<p class=\"count\">") ? strstr(reply.body, "<p class=\"count\">") : reply.body);
		http_reply_free(&reply);
	}
	client_free(&visitor);
	client_free(&staff);
	for (size_t i = 0; i < 3; i++)
		cr_assert(fine[i], "%s — neither refused nor listing the Pudong enterprise", seen[i]);
}

Test(enterprise, the_directory_is_searched_by_words_of_a_name_or_description_in_chinese)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	site_staff_login(&staff);
	char codes[3][19];
	for (unsigned i = 0; i < 3; i++)
		valid_code(20 + i, codes[i]);
	struct reg chip = reg_of(chip_name, codes[0]);
	struct reg logistics = reg_of(logistics_name, codes[1]);
	logistics.district = "songjiang";
	logistics.description = "智能仓储与物流配送。";
	register_approved(&visitor, &staff, &chip, NULL);
	register_approved(&visitor, &staff, &logistics, NULL);
	/* Pending: never found. */
	struct reg pending = reg_of("上海临港芯片封装测试有限公司", codes[2]);
	free(register_ok(&visitor, &pending));

	/* 芯片 */
	cr_assert(directory_lists(&visitor, "/enterprises?q=%E8%8A%AF%E7%89%87", chip_name));
	cr_assert_not(directory_lists(&visitor, "/enterprises?q=%E8%8A%AF%E7%89%87", logistics_name));
	cr_assert_not(site_page_has(&visitor, "/enterprises?q=%E8%8A%AF%E7%89%87", "芯片封装测试"), "pending");
	cr_assert(site_page_has(&visitor, "/enterprises?q=%E8%8A%AF%E7%89%87", "value=\"芯片\""), "the query is kept");
	cr_assert(api_lists(&visitor, "/api/v1/enterprises?q=%E8%8A%AF%E7%89%87", chip_name));
	cr_assert_not(api_lists(&visitor, "/api/v1/enterprises?q=%E8%8A%AF%E7%89%87", "上海临港芯片封装测试有限公司"));
	/* 物流 */
	cr_assert(directory_lists(&visitor, "/enterprises?q=%E7%89%A9%E6%B5%81", logistics_name));
	cr_assert_not(directory_lists(&visitor, "/enterprises?q=%E7%89%A9%E6%B5%81", chip_name));
	/* 研发中心: a word of the description only. */
	cr_assert(directory_lists(&visitor, "/enterprises?q=%E7%A0%94%E5%8F%91%E4%B8%AD%E5%BF%83", chip_name));
	/* As the article search: 設計 (traditional) = 设计, 临港 inside the name. */
	cr_assert(directory_lists(&visitor, "/enterprises?q=%E8%A8%AD%E8%A8%88", chip_name), "traditional characters");
	cr_assert(directory_lists(&visitor, "/enterprises?q=%E4%B8%B4%E6%B8%AF", chip_name));
	/* Two words must both match: 芯片 物流 finds neither. */
	cr_assert_not(directory_lists(&visitor, "/enterprises?q=%E8%8A%AF%E7%89%87+%E7%89%A9%E6%B5%81", chip_name));
	/* 光伏: in neither. */
	cr_assert(site_page_has(&visitor, "/enterprises?q=%E5%85%89%E4%BC%8F", "没有符合条件的企业"));
	json_t *j = api_get(&visitor, "/api/v1/enterprises?q=%E5%85%89%E4%BC%8F", 200);
	cr_assert_eq(json_integer_value(json_object_get(j, "total")), 0);
	cr_assert(json_is_null(json_object_get(j, "next")));
	json_decref(j);
	/* With a filter: 芯片 in Songjiang. */
	cr_assert_not(directory_lists(&visitor, "/enterprises?q=%E8%8A%AF%E7%89%87&district=songjiang", chip_name));
	/* Operators and quotes are plain text, never an error. */
	const char *odd[] = { "/enterprises?q=%22", "/enterprises?q=AND", "/enterprises?q=*", "/enterprises?q=(%E8%8A%AF" };
	for (size_t i = 0; i < sizeof(odd) / sizeof(odd[0]); i++)
		free(site_page(&visitor, odd[i], 200));
	client_free(&visitor);
	client_free(&staff);
}

Test(enterprise, the_directory_pages_by_twenty_with_a_next_link)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	site_staff_login(&staff);
	/* Empty: one page, and nothing after it. */
	json_t *j = api_get(&visitor, "/api/v1/enterprises", 200);
	cr_assert_eq(json_integer_value(json_object_get(j, "total")), 0);
	cr_assert(json_is_null(json_object_get(j, "next")));
	json_decref(j);
	free(site_page(&visitor, "/enterprises?page=2", 404));

	/* One: still one page. */
	char code[19];
	valid_code(30, code);
	struct reg r = reg_of(chip_name, code);
	register_approved(&visitor, &staff, &r, NULL);
	j = api_get(&visitor, "/api/v1/enterprises", 200);
	cr_assert_eq(json_integer_value(json_object_get(j, "total")), 1);
	cr_assert(json_is_null(json_object_get(j, "next")), "no next page with one result");
	json_decref(j);
	free(site_page(&visitor, "/enterprises?page=2", 404));
	json_decref(api_get(&visitor, "/api/v1/enterprises?page=2", 404));

	/* Twenty-one: a second page of one. The form's token is the visitor's,
	 * and the staff's the session's, so each is fetched once. */
	char *token = client_form_token(&visitor, "/enterprises/join");
	char names[20][64];
	for (unsigned i = 0; i < 20; i++) {
		char c[19];
		valid_code(31 + i, c);
		snprintf(names[i], sizeof(names[i]), "上海浦东第%u号科技有限公司", i + 1);
		struct reg more = reg_of(names[i], c);
		struct http_reply reply;
		reg_post(&visitor, "/enterprises/join", token, &more, &reply);
		cr_assert_eq(reply.status, 303, "%s", reply.body);
		http_reply_free(&reply);
	}
	char *staff_token = client_form_token(&staff, "/admin/enterprises/1");
	for (int round = 0; round < 2; round++) {
		char *queue = site_page(&staff, "/admin/enterprises", 200);
		static const char link[] = "<h2><a href=\"/admin/enterprises/";
		for (const char *at = strstr(queue, link); at; at = strstr(at + 1, link)) {
			char *approve = fmt("/admin/enterprises/%ld/approve", atol(at + sizeof(link) - 1));
			struct http_reply reply;
			client_post(&staff, approve, (const char *[]){ "csrf_token", staff_token, "revision", "1", NULL },
				    &reply);
			cr_assert_eq(reply.status, 303);
			http_reply_free(&reply);
			free(approve);
		}
		free(queue);
	}
	cr_assert_eq(site_count_on(&staff, "/admin/enterprises"), 0);
	j = api_get(&visitor, "/api/v1/enterprises", 200);
	cr_assert_eq(json_integer_value(json_object_get(j, "total")), 21);
	cr_assert_eq(json_array_size(json_object_get(j, "results")), 20);
	cr_assert_str_eq(json_string_value(json_object_get(j, "next")), "/api/v1/enterprises?page=2");
	json_decref(j);
	j = api_get(&visitor, "/api/v1/enterprises?page=2", 200);
	cr_assert_eq(json_array_size(json_object_get(j, "results")), 1);
	cr_assert(json_is_null(json_object_get(j, "next")));
	json_decref(j);
	j = api_get(&visitor, "/api/v1/enterprises?district=pudong&seeking=office", 200);
	cr_assert_str_eq(json_string_value(json_object_get(j, "next")),
			 "/api/v1/enterprises?district=pudong&seeking=office&page=2", "the next link keeps the filters");
	json_decref(j);
	char *page = site_page(&visitor, "/enterprises", 200);
	cr_assert(strstr(page, "共 21 家企业") && strstr(page, "href=\"/enterprises?page=2\""), "%s", page);
	free(page);
	page = site_page(&visitor, "/enterprises?page=2", 200);
	cr_assert_eq(count_of(page, "<article class=\"item\">"), 1);
	free(page);
	free(site_page(&visitor, "/enterprises?page=3", 404));
	free(staff_token);
	free(token);
	client_free(&visitor);
	client_free(&staff);
}

/* ---- contact details ---- */

static void assert_no_contact(const char *where, const char *text)
{
	const char *details[] = { contact_person, contact_phone, contact_email, "仅工作人员可见" };
	for (size_t i = 0; i < 4; i++)
		cr_assert_null(strstr(text, details[i]), "%s shows %s", where, details[i]);
}

Test(enterprise, contact_details_are_shown_to_signed_in_staff_only)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	site_staff_login(&staff);
	char code[19];
	valid_code(3, code);
	struct reg r = reg_of(chip_name, code);
	long id = register_approved(&visitor, &staff, &r, NULL);
	char *profile = fmt("/enterprises/%ld", id);
	const char *pages[] = { "/enterprises", profile, "/enterprises?q=%E8%8A%AF%E7%89%87", "/enterprises?district=pudong" };
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		char *page = site_page(&visitor, pages[i], 200);
		cr_assert(strstr(page, chip_name), "%s lists it", pages[i]);
		assert_no_contact(pages[i], page);
		free(page);
	}
	const char *api[] = { "/api/v1/enterprises", "/api/v1/enterprises?q=%E8%8A%AF%E7%89%87" };
	for (size_t i = 0; i < 2; i++) {
		json_t *j = api_get(&visitor, api[i], 200);
		char *text = json_dumps(j, 0);
		assert_no_contact(api[i], text);
		json_t *item = json_array_get(json_object_get(j, "results"), 0);
		cr_assert_not_null(item, "%s", text);
		const char *keys[] = { "phone", "email", "contact_name", "contact", "client_ip" };
		for (size_t k = 0; k < 5; k++)
			cr_assert_null(json_object_get(item, keys[k]), "%s has %s", api[i], keys[k]);
		free(text);
		json_decref(j);
	}
	/* Signed-in staff see them on the same page, which is then not cached. */
	struct http_reply reply;
	client_get(&staff, profile, &reply);
	cr_assert_eq(reply.status, 200);
	cr_assert(strstr(reply.body, "联系方式（仅工作人员可见）") && strstr(reply.body, contact_person) &&
			  strstr(reply.body, contact_phone) && strstr(reply.body, contact_email),
		  "%s", reply.body);
	char *cache = http_header(&reply, "Cache-Control");
	cr_assert_str_eq(cache, "no-store");
	free(cache);
	http_reply_free(&reply);
	/* A visitor carrying a made-up session cookie is still a visitor. */
	struct client forged;
	client_init(&forged, site.server.port);
	forged.cookies[0] = strdup("zs_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
	char *page = site_page(&forged, profile, 200);
	assert_no_contact("the profile with a forged session", page);
	free(page);
	client_free(&forged);
	free(profile);
	client_free(&visitor);
	client_free(&staff);
}

/* ---- CSV export ---- */

Test(enterprise, staff_export_the_directory_as_csv_that_excel_and_rfc_4180_read)
{
	struct client visitor, staff, anon;
	client_init(&visitor, site.server.port);
	client_init(&anon, site.server.port);
	site_staff_login(&staff);

	struct http_reply reply;
	client_get(&anon, "/admin/enterprises.csv", &reply);
	cr_assert_eq(reply.status, 303, "a session is required: %d", reply.status);
	char *location = http_header(&reply, "Location");
	cr_assert(location && !strncmp(location, "/admin/login?next=", 18), "%s", location);
	free(location);
	http_reply_free(&reply);

	char codes[3][19];
	for (unsigned i = 0; i < 3; i++)
		valid_code(40 + i, codes[i]);
	static const char tricky[] = "简介含有逗号,和\"双引号\"，\r\n还有第二行。";
	static const char tricky_stored[] = "简介含有逗号,和\"双引号\"，\n还有第二行。";
	static const char formula[] = "=HYPERLINK(\"http://evil.example/\",\"详情\")";
	struct reg first = reg_of(chip_name, codes[0]);
	first.description = tricky;
	struct reg second = reg_of("上海公式测试有限公司", codes[1]);
	second.description = formula;
	second.phone = "+86 138 1234 5678";
	second.district = "outside";
	second.seeking[0] = NULL;
	struct reg pending = reg_of("上海尚未审核有限公司", codes[2]);
	long ids[2] = { register_approved(&visitor, &staff, &first, NULL),
			register_approved(&visitor, &staff, &second, NULL) };
	free(register_ok(&visitor, &pending));

	client_get(&staff, "/admin/enterprises.csv", &reply);
	cr_assert_eq(reply.status, 200, "%s", reply.body);
	char *type = http_header(&reply, "Content-Type"), *disposition = http_header(&reply, "Content-Disposition");
	cr_assert(type && !strncmp(type, "text/csv", 8), "Content-Type: %s", type);
	cr_assert(disposition && !strncmp(disposition, "attachment", 10) && strstr(disposition, "filename="),
		  "Content-Disposition: %s", disposition);
	free(type);
	free(disposition);
	char *cache = http_header(&reply, "Cache-Control");
	cr_assert_str_eq(cache, "no-store", "the export holds contacts");
	free(cache);
	cr_assert(reply.body_len > 3 && !memcmp(reply.body, "\xef\xbb\xbf", 3), "starts with the UTF-8 BOM");
	cr_assert(strstr(reply.body, "\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"详情\"\")\""),
		  "the formula is quoted and starts with ': %s", reply.body);

	struct csv c;
	csv_parse(reply.body + 3, reply.body_len - 3, &c);
	cr_assert_null(c.problem, "%s in:\n%s", c.problem, reply.body);
	cr_assert_eq(c.rows, 3, "a header and one row per approved enterprise: %zu rows\n%s", c.rows, reply.body);
	size_t columns = c.cols[0];
	cr_assert_geq(columns, 10);
	cr_assert_str_eq(c.cell[0][0], "编号");
	size_t col_name = columns, col_description = columns, col_code = columns, col_phone = columns;
	for (size_t k = 0; k < columns && k < CSV_COLS; k++) {
		if (!strcmp(c.cell[0][k], "企业名称"))
			col_name = k;
		else if (!strcmp(c.cell[0][k], "企业简介"))
			col_description = k;
		else if (!strcmp(c.cell[0][k], "统一社会信用代码"))
			col_code = k;
		else if (!strcmp(c.cell[0][k], "联系电话"))
			col_phone = k;
	}
	cr_assert(col_name < columns && col_description < columns && col_code < columns && col_phone < columns,
		  "the header names its columns: %s", reply.body);
	for (size_t row = 1; row < c.rows; row++) {
		cr_assert_eq(c.cols[row], columns, "row %zu has %zu fields", row, c.cols[row]);
		const struct reg *r = atol(c.cell[row][0]) == ids[0] ? &first : &second;
		cr_assert(atol(c.cell[row][0]) == ids[0] || atol(c.cell[row][0]) == ids[1], "%s", c.cell[row][0]);
		cr_assert_str_eq(c.cell[row][col_name], r->name, "the Chinese name is intact");
		cr_assert_str_eq(c.cell[row][col_code], r->credit_code);
		if (r == &first) {
			cr_assert_str_eq(c.cell[row][col_description], tricky_stored,
					 "a comma, quotes and a line break survive");
			cr_assert_str_eq(c.cell[row][col_phone], contact_phone);
			bool district_named = false, seeking_named = false;
			for (size_t k = 0; k < columns; k++) {
				district_named |= strstr(c.cell[row][k], "浦东新区") != NULL;
				seeking_named |= strstr(c.cell[row][k], "办公、融资") != NULL;
			}
			cr_assert(district_named && seeking_named, "district and needs in Chinese");
		} else {
			char *want = fmt("'%s", formula);
			cr_assert_str_eq(c.cell[row][col_description], want, "a formula is exported as text");
			free(want);
			cr_assert_str_eq(c.cell[row][col_phone], "'+86 138 1234 5678", "a leading + is not a formula");
		}
	}
	cr_assert_null(strstr(reply.body, "上海尚未审核有限公司"), "pending registrations are not exported");
	csv_free(&c);
	http_reply_free(&reply);
	client_free(&visitor);
	client_free(&staff);
	client_free(&anon);
}

/* ---- the edit link ---- */

Test(enterprise, the_edit_link_shows_the_profile_and_changes_go_back_to_review)
{
	struct client visitor, staff, other;
	client_init(&visitor, site.server.port);
	client_init(&other, site.server.port);
	site_staff_login(&staff);
	char code[19];
	valid_code(4, code);
	struct reg r = reg_of(chip_name, code);
	char *token;
	long id = register_approved(&visitor, &staff, &r, &token);
	char *edit = fmt("/enterprises/edit/%s", token), *profile = fmt("/enterprises/%ld", id);

	/* It shows what was stored — to anyone holding the link. */
	char *page = site_page(&other, edit, 200);
	char *want[] = {
		fmt("value=\"%s\"", chip_name),
		fmt("value=\"%s\"", code),
		fmt(">%s</textarea>", chip_description),
		fmt("value=\"%s\"", contact_person),
		fmt("value=\"%s\"", contact_phone),
		fmt("value=\"%s\"", contact_email),
		fmt("value=\"https://www.example.com/\""),
		fmt("value=\"ic\" selected"),
		fmt("value=\"pudong\" selected"),
		fmt("value=\"office\" checked"),
		fmt("value=\"funding\" checked"),
		fmt("已通过"),
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		cr_assert(strstr(page, want[i]), "the edit page lacks %s", want[i]);
		free(want[i]);
	}
	cr_assert_null(strstr(page, "value=\"site\" checked"));
	free(page);

	/* The token is nowhere public, nor on staff pages. */
	char *detail = fmt("/admin/enterprises/%ld", id);
	const char *pages[] = { "/enterprises", profile, "/api/v1/enterprises", "/enterprises?q=%E8%8A%AF%E7%89%87" };
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		page = site_page(&visitor, pages[i], 200);
		cr_assert_null(strstr(page, token), "%s shows the edit token", pages[i]);
		free(page);
	}
	const char *staff_pages[] = { "/admin/enterprises?status=approved", detail, profile, "/admin/audit",
				      "/admin/enterprises.csv" };
	for (size_t i = 0; i < sizeof(staff_pages) / sizeof(staff_pages[0]); i++) {
		page = site_page(&staff, staff_pages[i], 200);
		cr_assert_null(strstr(page, token), "%s shows the edit token", staff_pages[i]);
		free(page);
	}

	/* A change: saved, waiting for review beside the approved revision,
	 * which stays listed as it was. */
	struct reg changed = r;
	changed.description = "二期扩产：新增封装测试产线。";
	changed.seeking[0] = "site";
	changed.seeking[1] = NULL;
	struct http_reply reply;
	reg_submit(&other, edit, &changed, &reply);
	cr_assert_eq(reply.status, 303, "%d %s", reply.status, reply.body);
	char *location = http_header(&reply, "Location");
	char *saved = fmt("%s?done=queued", edit);
	cr_assert_str_eq(location, saved);
	free(saved);
	http_reply_free(&reply);
	page = site_page(&other, location, 200);
	cr_assert(strstr(page, "修改待审核") && strstr(page, "仍显示原来已通过的内容"), "%s", page);
	cr_assert(strstr(page, ">二期扩产：新增封装测试产线。</textarea>") && strstr(page, "value=\"site\" checked"),
		  "the form shows the change: %s", page);
	free(page);
	free(location);
	cr_assert(directory_lists(&visitor, "/enterprises", chip_name), "still listed");
	cr_assert(api_lists(&visitor, "/api/v1/enterprises", chip_name));
	cr_assert(site_page_has(&visitor, profile, chip_description), "the approved revision is public");
	cr_assert_not(site_page_has(&visitor, profile, "二期扩产"), "the change is not, yet");
	cr_assert_eq(newest_pending(&staff), id);
	page = site_page(&staff, detail, 200);
	cr_assert(strstr(page, "待审核的修改") && strstr(page, "二期扩产：新增封装测试产线。") && strstr(page, chip_description),
		  "staff review the change beside what is public: %s", page);
	free(page);
	cr_assert_eq(decide(&staff, id, "approve", NULL), 303);
	cr_assert(site_page_has(&visitor, profile, "二期扩产：新增封装测试产线。"));
	cr_assert_not(site_page_has(&visitor, profile, chip_description));
	/* Search follows the change: 封装 (new) finds it, 研发中心 (old) no longer. */
	cr_assert(directory_lists(&visitor, "/enterprises?q=%E5%B0%81%E8%A3%85", chip_name));
	cr_assert_not(directory_lists(&visitor, "/enterprises?q=%E7%A0%94%E5%8F%91%E4%B8%AD%E5%BF%83", chip_name));

	/* Wrong or malformed links. */
	char *wrong = strdup(token);
	wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
	char *bad[] = {
		fmt("/enterprises/edit/%s", wrong),
		fmt("/enterprises/edit/%sA", token),
		fmt("/enterprises/edit/%.20s", token),
		fmt("/enterprises/edit/abc"),
		fmt("/enterprises/edit/%%3Cscript%%3E"),
		fmt("/enterprises/edit/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
	};
	char *form_token = client_form_token(&other, "/enterprises/join");
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		free(site_page(&other, bad[i], 404));
		reg_post(&other, bad[i], form_token, &changed, &reply);
		cr_assert_eq(reply.status, 404, "POST %s: %d", bad[i], reply.status);
		http_reply_free(&reply);
		free(bad[i]);
	}
	free(form_token);
	cr_assert_eq(site_count_on(&staff, "/admin/enterprises"), 0, "nothing went back to review");
	free(site_page(&other, "/enterprises/edit/", 404));

	free(wrong);
	free(detail);
	free(profile);
	free(edit);
	free(token);
	client_free(&visitor);
	client_free(&other);
	client_free(&staff);
}

/* The link is a password to the record, kept only as a hash: the access
 * log (standard error, usually kept by journald) must not hold it either. */
Test(enterprise, the_edit_token_is_not_written_to_the_access_log)
{
	struct client visitor;
	client_init(&visitor, site.server.port);
	char code[19];
	valid_code(17, code);
	struct reg r = reg_of(chip_name, code);
	char *token = register_ok(&visitor, &r), *edit = fmt("/enterprises/edit/%s", token);
	free(site_page(&visitor, edit, 200));
	struct http_reply reply;
	reg_submit(&visitor, edit, &r, &reply);
	cr_assert_eq(reply.status, 303);
	http_reply_free(&reply);
	/* The token in paths no route takes, too. */
	char *slash = fmt("%s/", edit), *encoded = fmt("/enterprises/edit/%s%%2Fx", token);
	free(site_page(&visitor, slash, 404));
	free(site_page(&visitor, encoded, 404));
	free(slash);
	free(encoded);
	/* Requests after these make sure their lines have been written. */
	free(site_page(&visitor, "/enterprises", 200));
	free(site_page(&visitor, "/healthz", 200));
	char *log = server_log(&site.server);
	bool logged = strstr(log, "/enterprises/edit/") != NULL, leaked = strstr(log, token) != NULL;
	char line[200] = "";
	const char *at = strstr(log, token);
	if (at) {
		const char *start = at;
		while (start > log && start[-1] != '\n')
			start--;
		snprintf(line, sizeof(line), "%.*s", (int)strcspn(start, "\n"), start);
	}
	free(log);
	free(edit);
	free(token);
	client_free(&visitor);
	cr_assert(logged, "the requests are logged (access log on)");
	cr_assert_not(leaked, "the server log holds the edit token in clear: %s", line);
}

/* ---- duplicate codes ---- */

Test(enterprise, a_code_already_registered_is_refused_beside_the_field)
{
	struct client visitor, other;
	client_init(&visitor, site.server.port);
	client_init(&other, site.server.port);
	char code[19], second_code[19];
	valid_code(5, code);
	valid_code(6, second_code);
	struct reg r = reg_of(chip_name, code);
	free(register_ok(&visitor, &r));

	/* Again, by someone else, as typed and with spaces. */
	char spaced[32];
	snprintf(spaced, sizeof(spaced), " %.4s %.4s %.4s %.4s %.2s ", code, code + 4, code + 8, code + 12, code + 16);
	const char *typed[] = { code, spaced };
	for (size_t i = 0; i < 2; i++) {
		struct reg again = reg_of("上海另一家芯片有限公司", typed[i]);
		struct http_reply reply;
		reg_submit(&other, "/enterprises/join", &again, &reply);
		cr_assert_eq(reply.status, 409, "\"%s\": %d", typed[i], reply.status);
		site_assert_field_error(reply.body, "credit_code", "已经登记过了");
		cr_assert(strstr(reply.body, "value=\"上海另一家芯片有限公司\""), "what was typed is kept");
		cr_assert(strstr(reply.body, "value=\"pudong\" selected") && strstr(reply.body, "value=\"office\" checked"));
		cr_assert_null(other.html_problem, "%s", other.html_problem);
		http_reply_free(&reply);
	}
	cr_assert_eq(pending_count(), 1);

	/* The spaced form of a new code is stored canonical. */
	char spaced_new[32];
	snprintf(spaced_new, sizeof(spaced_new), "%.6s %.6s %.6s", second_code, second_code + 6, second_code + 12);
	struct reg second = reg_of("上海第二家企业有限公司", spaced_new);
	char *token = register_ok(&other, &second), *edit = fmt("/enterprises/edit/%s", token);
	char *value = fmt("value=\"%s\"", second_code);
	cr_assert(site_page_has(&other, edit, value), "stored without spaces");
	free(value);

	/* Changing the second's code to the first's, through its link. */
	second.credit_code = code;
	second.description = "改过的简介";
	struct http_reply reply;
	reg_submit(&other, edit, &second, &reply);
	cr_assert(reply.status == 409 || reply.status == 400, "refused: %d", reply.status);
	site_assert_field_error(reply.body, "credit_code", "已经登记过了");
	cr_assert(strstr(reply.body, ">改过的简介</textarea>"), "what was typed is kept");
	http_reply_free(&reply);
	char *page = site_page(&other, edit, 200);
	value = fmt("value=\"%s\"", second_code);
	cr_assert(strstr(page, value) && !strstr(page, "改过的简介"), "nothing changed");
	free(value);
	free(page);
	/* Its own code, unchanged, is not a duplicate of itself. */
	second.credit_code = second_code;
	reg_submit(&other, edit, &second, &reply);
	cr_assert_eq(reply.status, 303, "%s", reply.body);
	http_reply_free(&reply);

	free(edit);
	free(token);
	client_free(&visitor);
	client_free(&other);
}

/* ---- who may see what ---- */

Test(enterprise, staff_pages_of_enterprises_and_messages_need_a_session)
{
	struct client anon, visitor, staff;
	client_init(&anon, site.server.port);
	client_init(&visitor, site.server.port);
	char code[19];
	valid_code(7, code);
	struct reg r = reg_of(chip_name, code);
	free(register_ok(&visitor, &r));
	const char *pages[] = { "/admin/enterprises",	   "/admin/enterprises?status=approved", "/admin/enterprises/1",
				"/admin/enterprises.csv", "/admin/messages",		      "/admin/messages?handled=1" };
	struct http_reply reply;
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		client_get(&anon, pages[i], &reply);
		cr_assert_eq(reply.status, 303, "%s: %d", pages[i], reply.status);
		char *location = http_header(&reply, "Location");
		cr_assert(location && !strncmp(location, "/admin/login?next=", 18), "%s → %s", pages[i], location);
		cr_assert_null(strstr(reply.body, chip_name));
		free(location);
		http_reply_free(&reply);
	}
	/* Posting without a session, even with a visitor's valid token. */
	char *token = client_form_token(&anon, "/enterprises/join");
	const char *posts[] = { "/admin/enterprises/1/approve", "/admin/enterprises/1/reject", "/admin/messages/1/handled" };
	for (size_t i = 0; i < 3; i++) {
		client_post(&anon, posts[i], (const char *[]){ "csrf_token", token, "reason", "x", NULL }, &reply);
		cr_assert_eq(reply.status, 303, "%s: %d", posts[i], reply.status);
		http_reply_free(&reply);
	}
	free(token);
	cr_assert_not(directory_lists(&visitor, "/enterprises", chip_name));
	cr_assert_eq(pending_count(), 1, "still pending");
	site_staff_login(&staff);
	free(site_page(&staff, "/admin/enterprises?status=bogus", 400));
	free(site_page(&staff, "/admin/enterprises/999", 404));
	cr_assert(site_page_has(&staff, "/admin/enterprises/1", chip_name), "staff may look at a pending one");
	cr_assert(site_page_has(&staff, "/enterprises/1", chip_name), "also on its public page");
	client_free(&anon);
	client_free(&visitor);
	client_free(&staff);
}

/* ---- bad input ---- */

/* c with every character made full width (Ａ, １), as a Chinese input
 * method types it (caller frees). */
static char *full_width(const char *s)
{
	struct buf b = { 0 };
	for (const char *p = s; *p; p++) {
		unsigned cp = 0xFEE0u + (unsigned char)*p;
		buf_putc(&b, (char)(0xE0 | (cp >> 12)));
		buf_putc(&b, (char)(0x80 | ((cp >> 6) & 0x3F)));
		buf_putc(&b, (char)(0x80 | (cp & 0x3F)));
	}
	return buf_detach(&b);
}

Test(enterprise_input, each_kind_of_wrong_credit_code_has_its_own_message)
{
	struct client c;
	client_init(&c, site.server.port);
	char code[19];
	valid_code(8, code);
	char forbidden[19], wrong_check[19], division[19];
	memcpy(forbidden, code, 19);
	forbidden[14] = 'O'; /* Y → O */
	memcpy(wrong_check, code, 19);
	wrong_check[17] = code[17] == '0' ? '1' : '0';
	char first17[18];
	memcpy(first17, "91310199MA1H7XY08", 18); /* 310199: no such district */
	code_from(first17, division);
	char *expected_check = fmt("应为“%c”而不是“%c”", code[17], wrong_check[17]);
	char short_code[18], long_code[20];
	memcpy(short_code, code, 17);
	short_code[17] = '\0';
	snprintf(long_code, sizeof(long_code), "%s0", code);

	const struct {
		const char *typed, *message;
	} cases[] = {
		{ "", "请填写统一社会信用代码" },
		{ forbidden, "第 15 位“O”不是统一社会信用代码允许的字符（代码中不使用 I、O、S、V、Z）" },
		{ short_code, "统一社会信用代码应为 18 位，填写的是 17 位" },
		{ long_code, "统一社会信用代码应为 18 位，填写的是 19 位" },
		{ wrong_check, expected_check },
		{ division, "第 3–8 位" },
		{ "91310115MA1H7XY0-X", "第 17 位“-”不是统一社会信用代码允许的字符" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct reg r = reg_of(chip_name, cases[i].typed);
		struct http_reply reply;
		reg_submit(&c, "/enterprises/join", &r, &reply);
		cr_assert_eq(reply.status, 400, "\"%s\": %d", cases[i].typed, reply.status);
		site_assert_field_error(reply.body, "credit_code", cases[i].message);
		if (*cases[i].typed) {
			char *value = fmt("value=\"%s\"", cases[i].typed);
			cr_assert(strstr(reply.body, value), "\"%s\" is kept", cases[i].typed);
			free(value);
		}
		cr_assert(strstr(reply.body, "aria-describedby=\"credit_code-hint credit_code-error\""),
			  "the field points at its message");
		/* Nothing else is wrong, so nothing else has a message. */
		cr_assert_null(strstr(reply.body, "id=\"name-error\""));
		cr_assert_null(strstr(reply.body, "id=\"phone-error\""));
		cr_assert_null(c.html_problem, "%s", c.html_problem);
		http_reply_free(&reply);
	}
	cr_assert_eq(pending_count(), 0);
	/* The right code, typed in groups, is accepted. */
	char spaced[32];
	snprintf(spaced, sizeof(spaced), "%.8s %.10s", code, code + 8);
	struct reg r = reg_of(chip_name, spaced);
	free(register_ok(&c, &r));
	free(expected_check);
	client_free(&c);
}

Test(enterprise_input, a_lower_case_or_full_width_code_and_a_bare_website_are_corrected_and_the_page_says_so)
{
	struct client c;
	client_init(&c, site.server.port);
	char code[19], lower[19];
	valid_code(12, code);
	memcpy(lower, code, 19);
	lower[8] = 'm', lower[9] = 'a'; /* MA → ma */
	struct reg r = reg_of(chip_name, lower);
	r.website = "www.example.cn";
	r.phone = "０２１－６１２３４５６７";
	r.email = "wang＠example。com";
	struct http_reply reply;
	reg_submit(&c, "/enterprises/join", &r, &reply);
	cr_assert_eq(reply.status, 303, "accepted: %d\n%s", reply.status, reply.body);
	char *location = http_header(&reply, "Location");
	http_reply_free(&reply);
	cr_assert(location && strstr(location, "fixed=1"), "the page after says values were corrected: %s", location);
	char *page = site_page(&c, location, 200);
	char *want[] = { fmt("value=\"%s\"", code), fmt("value=\"https://www.example.cn\""),
			 fmt("value=\"021-61234567\""), fmt("value=\"wang@example.com\""), fmt("已按通行格式自动更正") };
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		cr_assert(strstr(page, want[i]), "the edit page shows %s", want[i]);
		free(want[i]);
	}
	free(page);
	free(location);

	/* A full-width code is one too; a form with another mistake shows it
	 * corrected, with a note beside it. */
	char other[19];
	valid_code(14, other);
	char *fw = full_width(other);
	r = reg_of("", fw);
	reg_submit(&c, "/enterprises/join", &r, &reply);
	cr_assert_eq(reply.status, 400);
	site_assert_field_error(reply.body, "name", "请填写企业名称");
	cr_assert_null(site_field_error(reply.body, "credit_code"));
	char *value = fmt("value=\"%s\"", other);
	cr_assert(strstr(reply.body, value), "the code is shown corrected");
	cr_assert(strstr(reply.body, "id=\"credit_code-note\">已将全角字符改为半角。"), "with a note");
	cr_assert_null(c.html_problem, "%s", c.html_problem);
	http_reply_free(&reply);
	free(value);
	free(fw);
	client_free(&c);
}

Test(enterprise_input, a_phone_or_an_email_is_required_and_each_is_checked)
{
	struct client c;
	client_init(&c, site.server.port);
	char codes[3][19];
	for (unsigned i = 0; i < 3; i++)
		valid_code(50 + i, codes[i]);
	struct http_reply reply;
	struct reg r = reg_of(chip_name, codes[0]);
	r.phone = NULL;
	r.email = "  ";
	reg_submit(&c, "/enterprises/join", &r, &reply);
	cr_assert_eq(reply.status, 400);
	site_assert_field_error(reply.body, "phone", "请至少填写联系电话或电子邮箱中的一项");
	cr_assert(strstr(reply.body, "value=\"上海临港芯片设计有限公司\""), "what was typed is kept");
	http_reply_free(&reply);

	r.phone = "12345";
	r.email = "not-an-email";
	reg_submit(&c, "/enterprises/join", &r, &reply);
	cr_assert_eq(reply.status, 400);
	site_assert_field_error(reply.body, "phone", "联系电话应为手机号或带区号的固定电话");
	site_assert_field_error(reply.body, "email", "电子邮箱应为电子邮箱地址");
	cr_assert(strstr(reply.body, "value=\"12345\"") && strstr(reply.body, "value=\"not-an-email\""));
	http_reply_free(&reply);

	/* A wrong one is wrong even when the other is right. */
	r.phone = contact_phone;
	reg_submit(&c, "/enterprises/join", &r, &reply);
	cr_assert_eq(reply.status, 400);
	cr_assert_null(site_field_error(reply.body, "phone"));
	site_assert_field_error(reply.body, "email", "电子邮箱");
	http_reply_free(&reply);
	cr_assert_eq(pending_count(), 0);

	/* Either alone is enough. */
	r.email = NULL;
	free(register_ok(&c, &r));
	r = reg_of("上海只留邮箱有限公司", codes[1]);
	r.phone = NULL;
	free(register_ok(&c, &r));
	r = reg_of("上海手机号码有限公司", codes[2]);
	r.phone = "+86 138 1234 5678";
	r.email = NULL;
	free(register_ok(&c, &r));
	cr_assert_eq(pending_count(), 3);
	client_free(&c);
}

Test(enterprise_input, other_wrong_fields_get_messages_beside_them_and_keep_what_was_typed)
{
	struct client c;
	client_init(&c, site.server.port);
	char code[19];
	valid_code(9, code);
	struct reg r = reg_of("", code);
	r.industry = "gb-z";
	r.district = "atlantis";
	r.seeking[0] = "office";
	r.seeking[1] = "yacht";
	r.website = "javascript:alert(1)";
	r.contact_name = "";
	r.description = "简介<保留> & 原样";
	struct http_reply reply;
	reg_submit(&c, "/enterprises/join", &r, &reply);
	cr_assert_eq(reply.status, 400);
	site_assert_field_error(reply.body, "name", "请填写企业名称");
	site_assert_field_error(reply.body, "industry", "所属行业");
	site_assert_field_error(reply.body, "district", "所在区");
	site_assert_field_error(reply.body, "seeking", "需求");
	site_assert_field_error(reply.body, "website", "http://");
	site_assert_field_error(reply.body, "contact_name", "请填写联系人");
	cr_assert(strstr(reply.body, ">简介&lt;保留&gt; &amp; 原样</textarea>"), "the description is kept, escaped");
	cr_assert(strstr(reply.body, "value=\"javascript:alert(1)\""), "the website is kept (as text)");
	cr_assert(strstr(reply.body, "value=\"office\" checked"), "a valid need stays ticked");
	cr_assert(strstr(reply.body, "class=\"form-errors\""), "the summary above the form");
	cr_assert_null(c.html_problem, "%s", c.html_problem);
	http_reply_free(&reply);

	/* Other links that would run script, and a need ticked twice. */
	const char *scripts[] = { "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
				  "vbscript:msgbox(1)", "//evil.example/x", "https://evil.example/ x" };
	for (size_t i = 0; i < sizeof(scripts) / sizeof(scripts[0]); i++) {
		r = reg_of(chip_name, code);
		r.website = scripts[i];
		reg_submit(&c, "/enterprises/join", &r, &reply);
		cr_assert_eq(reply.status, 400, "website %s: %d", scripts[i], reply.status);
		site_assert_field_error(reply.body, "website", "网站");
		http_reply_free(&reply);
	}
	r = reg_of(chip_name, code);
	r.seeking[0] = "office";
	r.seeking[1] = "office";
	reg_submit(&c, "/enterprises/join", &r, &reply);
	cr_assert_eq(reply.status, 400);
	site_assert_field_error(reply.body, "seeking", "需求");
	http_reply_free(&reply);
	/* Any other field twice is malformed. */
	char *token = client_form_token(&c, "/enterprises/join");
	client_post_multipart(&c, "/enterprises/join",
			      (const char *[]){ "csrf_token", token, "name", "甲公司", "name", "乙公司", NULL }, &reply);
	cr_assert_eq(reply.status, 400);
	http_reply_free(&reply);
	free(token);
	cr_assert_eq(pending_count(), 0);

	/* Industries of both lists, and not yet in Shanghai, are accepted. */
	const char *industries[] = { "gb-a", "gb-t", "nev" };
	for (unsigned i = 0; i < 3; i++) {
		char other[19];
		valid_code(60 + i, other);
		char *name = fmt("上海行业测试%u有限公司", i);
		r = reg_of(name, other);
		r.industry = industries[i];
		r.district = i == 2 ? "outside" : "jingan";
		r.seeking[0] = NULL;
		r.description = NULL;
		r.website = NULL;
		free(register_ok(&c, &r));
		free(name);
	}
	client_free(&c);
}

Test(enterprise_input, field_limits_have_clear_messages)
{
	struct client c;
	client_init(&c, site.server.port);
	char code[19];
	valid_code(11, code);
	char *long_description = repeat("简", 2001), *long_name = repeat("名", 101);
	/* 2,000 characters once the browser's CRLF is one line break. */
	char *half = repeat("简", 999), *full_description = fmt("%s\r\n%s简", half, half);
	free(half);
	struct reg r = reg_of(long_name, code);
	r.description = long_description;
	struct http_reply reply;
	reg_submit(&c, "/enterprises/join", &r, &reply);
	cr_assert_eq(reply.status, 400);
	site_assert_field_error(reply.body, "description", "企业简介不能超过 2000 个字（现在 2001 个）");
	site_assert_field_error(reply.body, "name", "企业名称不能超过 100 个字（现在 101 个）");
	http_reply_free(&reply);
	cr_assert_eq(pending_count(), 0);
	r.name = chip_name;
	r.description = full_description;
	free(register_ok(&c, &r));
	free(long_name);
	free(full_description);
	free(long_description);
	client_free(&c);
}

Test(enterprise_input, invalid_utf_8_is_refused_and_stores_nothing)
{
	struct client c, staff;
	client_init(&c, site.server.port);
	char code[19];
	valid_code(12, code);
	const char *bad[] = { "\xff\xfe公司", "\xc0\xbc", "上海\xe4\xb8公司" };
	for (size_t i = 0; i < 3; i++) {
		struct reg r = reg_of(bad[i], code);
		struct http_reply reply;
		reg_submit(&c, "/enterprises/join", &r, &reply);
		cr_assert_eq(reply.status, 400, "case %zu: %d", i, reply.status);
		cr_assert(strstr(reply.body, "无效的字符编码"), "%s", reply.body);
		http_reply_free(&reply);
		r = reg_of(chip_name, code);
		r.description = bad[i];
		reg_submit(&c, "/enterprises/join", &r, &reply);
		cr_assert_eq(reply.status, 400, "description case %zu: %d", i, reply.status);
		http_reply_free(&reply);
		char *token = client_form_token(&c, "/contact");
		client_post_multipart(&c, "/contact",
				      (const char *[]){ "csrf_token", token, "name", "张三", "contact", "13812345678",
							"message", bad[i], NULL },
				      &reply);
		cr_assert_eq(reply.status, 400, "contact case %zu: %d", i, reply.status);
		http_reply_free(&reply);
		free(token);
	}
	cr_assert_eq(pending_count(), 0);
	site_staff_login(&staff);
	cr_assert_eq(site_count_on(&staff, "/admin/messages"), 0);
	/* In the query of the directory and its API. */
	free(site_page(&c, "/enterprises?q=%FF", 400));
	json_decref(api_get(&c, "/api/v1/enterprises?q=%C0%BC", 400));
	client_free(&c);
	client_free(&staff);
}

Test(enterprise_input, a_post_without_the_right_csrf_token_is_refused_and_stores_nothing)
{
	struct client visitor, other, stranger, staff;
	client_init(&visitor, site.server.port);
	client_init(&other, site.server.port);
	client_init(&stranger, site.server.port);
	char code[19];
	valid_code(13, code);
	struct reg r = reg_of(chip_name, code);
	char *token = client_form_token(&visitor, "/enterprises/join");
	char *others = client_form_token(&other, "/enterprises/join");
	cr_assert_not_null(token);
	cr_assert_str_neq(token, others);
	const char *forms[] = { "/enterprises/join", "/contact" };
	const char *bad[] = { NULL, "", "not-a-token", others };
	struct http_reply reply;
	for (size_t f = 0; f < 2; f++) {
		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			if (f == 0)
				reg_post(&visitor, forms[f], bad[i], &r, &reply);
			else
				client_post_multipart(&visitor, forms[f],
						      (const char *[]){ "name", "张三", "contact", "13812345678", "message",
									"你好", bad[i] ? "csrf_token" : NULL, bad[i], NULL },
						      &reply);
			cr_assert_eq(reply.status, 403, "%s case %zu: %d", forms[f], i, reply.status);
			cr_assert(strstr(reply.body, "页面已过期"), "a clear message: %s", reply.body);
			http_reply_free(&reply);
		}
	}
	/* The right token without the cookie it is bound to (a cross-site post). */
	reg_post(&stranger, "/enterprises/join", token, &r, &reply);
	cr_assert_eq(reply.status, 403);
	http_reply_free(&reply);
	client_post_multipart(&stranger, "/contact",
			      (const char *[]){ "csrf_token", token, "name", "张三", "contact", "13812345678", "message",
						"你好", NULL },
			      &reply);
	cr_assert_eq(reply.status, 403);
	http_reply_free(&reply);
	cr_assert_eq(pending_count(), 0, "nothing was stored");
	site_staff_login(&staff);
	cr_assert_eq(site_count_on(&staff, "/admin/messages"), 0, "nothing was stored");

	/* The edit link's form, and staff decisions. */
	char *edit_token = register_ok(&visitor, &r), *edit = fmt("/enterprises/edit/%s", edit_token);
	struct reg changed = r;
	changed.description = "未经许可的修改";
	reg_post(&stranger, edit, token, &changed, &reply);
	cr_assert_eq(reply.status, 403);
	http_reply_free(&reply);
	reg_post(&visitor, edit, NULL, &changed, &reply);
	cr_assert_eq(reply.status, 403);
	http_reply_free(&reply);
	cr_assert_not(site_page_has(&visitor, edit, "未经许可的修改"));
	long id = newest_pending(&staff);
	char *approve = fmt("/admin/enterprises/%ld/approve", id);
	client_post(&staff, approve, (const char *[]){ "csrf_token", token, NULL }, &reply);
	cr_assert_eq(reply.status, 403, "a visitor's token is not the session's");
	http_reply_free(&reply);
	client_post(&staff, approve, (const char *[]){ "x", "", NULL }, &reply);
	cr_assert_eq(reply.status, 403);
	http_reply_free(&reply);
	cr_assert_eq(site_count_on(&staff, "/admin/enterprises"), 1, "still pending");
	cr_assert_not(directory_lists(&visitor, "/enterprises", chip_name));
	free(approve);
	free(edit);
	free(edit_token);
	free(others);
	free(token);
	client_free(&visitor);
	client_free(&other);
	client_free(&stranger);
	client_free(&staff);
}

Test(enterprise_input, hostile_text_is_escaped_on_every_page_it_reaches)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	site_staff_login(&staff);
	char code[19];
	valid_code(14, code);
	static const char name[] = "<script>alert(1)</script>芯片公司";
	struct reg r = reg_of(name, code);
	r.description = "\"><img src=x onerror=alert(2)>简介'><svg onload=alert(3)>";
	r.contact_name = "</textarea><script>alert(4)</script>";
	r.website = "https://evil.example/\"onmouseover=\"alert(5)";
	/* Refused first (no phone or e-mail): the form shown again. */
	struct reg refused = r;
	refused.phone = NULL;
	refused.email = NULL;
	struct http_reply reply;
	reg_submit(&visitor, "/enterprises/join", &refused, &reply);
	cr_assert_eq(reply.status, 400);
	site_assert_no_payload("the join form", reply.body);
	cr_assert(strstr(reply.body, "&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
	http_reply_free(&reply);

	char *token = register_ok(&visitor, &r), *edit = fmt("/enterprises/edit/%s", token),
	     *fresh = fmt("%s?new=1", edit);
	long id = newest_pending(&staff);
	char *detail = fmt("/admin/enterprises/%ld", id), *profile = fmt("/enterprises/%ld", id);
	const char *before[] = { fresh, edit };
	for (size_t i = 0; i < 2; i++) {
		char *page = site_page(&visitor, before[i], 200);
		site_assert_no_payload(before[i], page);
		cr_assert(strstr(page, "&lt;script&gt;alert(1)&lt;/script&gt;"), "%s shows the name as text", before[i]);
		free(page);
	}
	const char *staff_pages[] = { "/admin/enterprises", detail, profile };
	for (size_t i = 0; i < 3; i++) {
		char *page = site_page(&staff, staff_pages[i], 200);
		site_assert_no_payload(staff_pages[i], page);
		cr_assert(strstr(page, "&lt;script&gt;alert(1)&lt;/script&gt;"), "%s shows the name as text",
			  staff_pages[i]);
		free(page);
	}
	cr_assert_eq(decide(&staff, id, "approve", NULL), 303);
	const char *public_pages[] = { "/enterprises", profile, "/enterprises?q=%E8%8A%AF%E7%89%87", edit };
	for (size_t i = 0; i < 4; i++) {
		char *page = site_page(&visitor, public_pages[i], 200);
		site_assert_no_payload(public_pages[i], page);
		cr_assert(strstr(page, "&lt;script&gt;alert(1)&lt;/script&gt;"), "%s shows the name as text",
			  public_pages[i]);
		free(page);
	}
	const char *after[] = { profile, "/admin/audit", "/admin/enterprises?status=approved" };
	for (size_t i = 0; i < 3; i++) {
		char *page = site_page(&staff, after[i], 200);
		site_assert_no_payload(after[i], page);
		free(page);
	}
	/* A query is shown back in the search box and the pager, escaped. */
	char *page = site_page(&visitor, "/enterprises?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%3E%3Cimg+src%3Dx%3E", 200);
	site_assert_no_payload("the directory with a hostile query", page);
	free(page);
	/* The API is JSON, not HTML: the text comes back exactly. */
	cr_assert(api_lists(&visitor, "/api/v1/enterprises", name));

	/* A reject reason is shown to the enterprise and in the audit log. */
	struct reg other = reg_of("上海第二家测试有限公司", NULL);
	char other_code[19];
	valid_code(16, other_code);
	other.credit_code = other_code;
	char *other_token = register_ok(&visitor, &other), *other_edit = fmt("/enterprises/edit/%s", other_token);
	cr_assert_eq(decide(&staff, newest_pending(&staff), "reject", "<script>alert(6)</script><iframe src=//evil>"),
		     303);
	page = site_page(&visitor, other_edit, 200);
	site_assert_no_payload("the edit page with a reason", page);
	free(page);
	page = site_page(&staff, "/admin/audit", 200);
	site_assert_no_payload("the audit log", page);
	free(page);
	free(other_edit);
	free(other_token);
	free(profile);
	free(detail);
	free(fresh);
	free(edit);
	free(token);
	client_free(&visitor);
	client_free(&staff);
}

/* ---- rate limits ---- */

Test(enterprise_rate, each_public_form_counts_its_own_posts_per_address_and_answers_429)
{
	struct client c;
	client_init(&c, site.server.port);
	char codes[2][19];
	valid_code(70, codes[0]);
	valid_code(71, codes[1]);
	struct reg r = reg_of(chip_name, codes[0]);
	char *token = register_ok(&c, &r), *edit = fmt("/enterprises/edit/%s", token);
	struct reg invalid = reg_of("", codes[1]);
	struct http_reply reply;
	for (int i = 0; i < 2; i++) {
		reg_submit(&c, "/enterprises/join", &invalid, &reply);
		cr_assert_eq(reply.status, 400, "post %d counts but is allowed", i + 2);
		http_reply_free(&reply);
	}
	struct reg valid = reg_of("上海第四次登记有限公司", codes[1]);
	reg_submit(&c, "/enterprises/join", &valid, &reply);
	cr_assert_eq(reply.status, 429, "%d", reply.status);
	char *retry = http_header(&reply, "Retry-After");
	cr_assert(retry && atol(retry) > 0 && atol(retry) <= 3600, "Retry-After: %s", retry);
	cr_assert(strstr(reply.body, "每小时最多 3 次"), "%s", reply.body);
	free(retry);
	http_reply_free(&reply);
	/* The edit link is the same form: limited too. */
	r.description = "第五次";
	reg_submit(&c, edit, &r, &reply);
	cr_assert_eq(reply.status, 429, "%d", reply.status);
	http_reply_free(&reply);
	cr_assert_eq(pending_count(), 1, "only the first was stored");
	cr_assert_not(site_page_has(&c, edit, "第五次"));
	/* Reading is not limited. */
	free(site_page(&c, "/enterprises/join", 200));
	free(site_page(&c, "/enterprises", 200));

	/* The contact form has its own count. */
	for (int i = 0; i < 3; i++) {
		site_contact_post(&c, (const char *[]){ "name", "", NULL }, &reply);
		cr_assert_eq(reply.status, 400, "contact post %d: %d", i + 1, reply.status);
		http_reply_free(&reply);
	}
	site_contact_post(&c, (const char *[]){ "name", "张三", "contact", "13812345678", "message", "你好", NULL }, &reply);
	cr_assert_eq(reply.status, 429);
	retry = http_header(&reply, "Retry-After");
	cr_assert(retry && atol(retry) > 0 && atol(retry) <= 3600, "Retry-After: %s", retry);
	free(retry);
	http_reply_free(&reply);
	struct client staff;
	site_staff_login(&staff);
	cr_assert_eq(site_count_on(&staff, "/admin/messages"), 0);
	/* Staff actions are not public forms. */
	cr_assert_eq(decide(&staff, newest_pending(&staff), "approve", NULL), 303);
	free(edit);
	free(token);
	client_free(&c);
	client_free(&staff);
}

/* ---- found by review ---- */

/* The revision a staff page shows for id. */
static char *revision_on(struct client *staff, long id)
{
	char *page = fmt("/admin/enterprises/%ld", id), *html = site_page(staff, page, 200);
	static const char marker[] = "name=\"revision\" value=\"";
	const char *at = strstr(html, marker);
	cr_assert_not_null(at, "%s shows its revision", page);
	char *revision = strndup(at + sizeof(marker) - 1, strcspn(at + sizeof(marker) - 1, "\""));
	free(html);
	free(page);
	return revision;
}

Test(enterprise, staff_approve_the_version_they_saw_not_a_later_edit)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	site_staff_login(&staff);
	char code[19];
	valid_code(41, code);
	struct reg r = reg_of("审核时的名称有限公司", code);
	char *token = register_ok(&visitor, &r), *edit = fmt("/enterprises/edit/%s", token);
	long id = newest_pending(&staff);
	char *seen = revision_on(&staff, id), *staff_token = client_form_token(&staff, "/admin/enterprises");
	/* The enterprise changes its record while the page is open. */
	r.name = "审核后偷换的名称有限公司";
	struct http_reply reply;
	reg_submit(&visitor, edit, &r, &reply);
	cr_assert_eq(reply.status, 303);
	http_reply_free(&reply);
	char *approve = fmt("/admin/enterprises/%ld/approve", id);
	client_post(&staff, approve, (const char *[]){ "csrf_token", staff_token, "revision", seen, NULL }, &reply);
	cr_assert_eq(reply.status, 409, "approving what was not seen");
	cr_assert(strstr(reply.body, "修改了登记信息"), "%s", reply.body);
	http_reply_free(&reply);
	cr_assert_not(site_page_has(&visitor, "/enterprises", "审核后偷换的名称有限公司"), "still pending");
	client_post(&staff, approve, (const char *[]){ "csrf_token", staff_token, NULL }, &reply);
	cr_assert_eq(reply.status, 400, "the revision is required");
	http_reply_free(&reply);
	cr_assert_eq(decide(&staff, id, "approve", NULL), 303, "approving the version now shown");
	cr_assert(site_page_has(&visitor, "/enterprises", "审核后偷换的名称有限公司"));
	cr_assert(site_page_has(&staff, "/admin/audit", "企业修改登记信息"), "the enterprise's own edits are audited");
	free(approve);
	free(staff_token);
	free(seen);
	free(edit);
	free(token);
	client_free(&visitor);
	client_free(&staff);
}

Test(enterprise, a_rejected_registration_does_not_hold_its_code)
{
	struct client squatter, owner, staff;
	client_init(&squatter, site.server.port);
	client_init(&owner, site.server.port);
	site_staff_login(&staff);
	char code[19];
	valid_code(42, code);
	struct reg fake = reg_of("冒名登记有限公司", code), real = reg_of("真正的企业有限公司", code);
	char *squat_token = register_ok(&squatter, &fake);
	long id = newest_pending(&staff);
	cr_assert_eq(decide(&staff, id, "reject", "与营业执照不符"), 303);
	char *owner_token = register_ok(&owner, &real);
	char *squat_edit = fmt("/enterprises/edit/%s", squat_token);
	free(site_page(&squatter, squat_edit, 404)); /* the squatter's link no longer opens it */
	cr_assert_eq(decide(&staff, newest_pending(&staff), "approve", NULL), 303);
	cr_assert(site_page_has(&owner, "/enterprises", "真正的企业有限公司"));
	/* A pending or approved registration still holds its code. */
	struct http_reply reply;
	reg_submit(&squatter, "/enterprises/join", &fake, &reply);
	cr_assert_eq(reply.status, 409);
	http_reply_free(&reply);
	free(squat_edit);
	free(owner_token);
	free(squat_token);
	client_free(&squatter);
	client_free(&owner);
	client_free(&staff);
}

Test(enterprise, an_email_address_cannot_add_fields_to_the_staff_mailto_link)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	site_staff_login(&staff);
	char code[19];
	valid_code(43, code);
	struct reg r = reg_of("邮件地址测试有限公司", code);
	r.email = "a?bcc=spy%40evil.cn&x=@example.com";
	free(register_ok(&visitor, &r));
	long id = newest_pending(&staff);
	cr_assert_eq(decide(&staff, id, "approve", NULL), 303);
	char *profile = fmt("/enterprises/%ld", id), *page = site_page(&staff, profile, 200);
	cr_assert_null(strstr(page, "mailto:a?"), "the address is percent-encoded in the link");
	cr_assert(strstr(page, "mailto:a%3Fbcc%3Dspy%2540evil.cn%26x%3D%40example.com"), "%s", strstr(page, "mailto:"));
	free(page);
	free(profile);
	client_free(&visitor);
	client_free(&staff);
}

Test(enterprise_input, short_websites_and_blank_checkboxes_are_read_as_meant)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	site_staff_login(&staff);
	char code[19];
	valid_code(44, code);
	struct reg r = reg_of("短网址测试有限公司", code);
	r.website = "http://a.cn";
	r.seeking[0] = "";
	r.seeking[1] = "site";
	r.seeking[2] = "";
	free(register_ok(&visitor, &r));
	cr_assert_eq(decide(&staff, newest_pending(&staff), "approve", NULL), 303);
	char *json = site_page(&visitor, "/api/v1/enterprises?q=%E7%9F%AD%E7%BD%91%E5%9D%80", 200);
	cr_assert(strstr(json, "\"seeking\":[\"site\"]"), "stored without the blanks: %s", json);
	cr_assert(strstr(json, "\"website\":\"http://a.cn\""), "%s", json);
	free(json);
	const char *bad[] = { "http://", "https://x", "http://.cn", "http://a." };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		valid_code(45 + (unsigned)i, code);
		r.credit_code = code;
		r.website = bad[i];
		struct http_reply reply;
		reg_submit(&visitor, "/enterprises/join", &r, &reply);
		cr_assert_eq(reply.status, 400, "website %s", bad[i]);
		cr_assert(strstr(reply.body, "id=\"website-error\""), "website %s", bad[i]);
		http_reply_free(&reply);
	}
	client_free(&visitor);
	client_free(&staff);
}

Test(enterprise_input, a_form_with_two_csrf_tokens_is_refused)
{
	struct client visitor;
	client_init(&visitor, site.server.port);
	char *token = client_form_token(&visitor, "/contact");
	struct http_reply reply;
	client_post(&visitor, "/contact",
		    (const char *[]){ "csrf_token", token, "csrf_token", token, "name", "张三", "contact", "13812345678",
				      "message", "你好", NULL },
		    &reply);
	cr_assert_eq(reply.status, 400);
	http_reply_free(&reply);
	free(token);
	client_free(&visitor);
}

Test(enterprise, the_sitemap_lists_an_enterprise_once_approved_and_its_profile_is_cached_for_the_public_only)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	site_staff_login(&staff);
	char code[19];
	valid_code(7, code);
	struct reg r = reg_of(chip_name, code);
	char *token = register_ok(&visitor, &r);
	free(token);
	long id = newest_pending(&staff);
	char *loc = fmt("/enterprises/%ld</loc>", id);
	cr_assert_not(site_page_has(&visitor, "/sitemap.xml", loc), "a pending registration is not listed");
	cr_assert_eq(decide(&staff, id, "approve", NULL), 303);
	cr_assert(site_page_has(&visitor, "/sitemap.xml", loc), "an approved one is, at once");

	/* The public profile is kept and revalidated; staff, who see the
	 * contact, get a page of their own, never kept, never given out. */
	char *profile = fmt("/enterprises/%ld", id);
	for (int round = 0; round < 2; round++) {
		struct http_reply pub, own;
		client_get(&visitor, profile, &pub);
		client_get(&staff, profile, &own);
		cr_assert_eq(pub.status, 200);
		cr_assert_eq(own.status, 200);
		char *etag = http_header(&pub, "ETag"), *staff_etag = http_header(&own, "ETag");
		cr_assert_not_null(etag, "the public page has a validator");
		cr_assert_null(staff_etag, "the staff page has none: it is no-store");
		cr_assert_null(strstr(pub.body, contact_phone), "round %d: no contact for the public", round);
		cr_assert_not_null(strstr(own.body, contact_phone), "round %d: staff see the contact", round);
		free(etag);
		free(staff_etag);
		http_reply_free(&pub);
		http_reply_free(&own);
	}
	free(profile);
	free(loc);
	client_free(&visitor);
	client_free(&staff);
}

Test(enterprise, registrations_waiting_for_review_leave_public_pages_as_they_were)
{
	/* Any visitor can register; only what is public may date the pages
	 * (and empty the response cache). Past the server's first second. */
	for (time_t start = time(NULL); time(NULL) <= start + 1;)
		usleep(20 * 1000);
	struct client visitor;
	client_init(&visitor, site.server.port);
	struct http_reply before, after;
	client_get(&visitor, "/", &before);
	char *dated = http_header(&before, "Last-Modified");
	cr_assert_not_null(dated);
	char code[19];
	valid_code(8, code);
	struct reg r = reg_of(chip_name, code);
	free(register_ok(&visitor, &r));
	client_get(&visitor, "/", &after);
	char *still = http_header(&after, "Last-Modified");
	cr_assert_not_null(still, "no change in public content to withhold the date for");
	cr_assert_str_eq(still, dated);
	free(still);
	free(dated);
	http_reply_free(&before);
	http_reply_free(&after);
	client_free(&visitor);
}

Test(enterprise, a_leaked_edit_link_can_be_replaced_and_the_old_one_stops_working)
{
	struct client owner, other;
	client_init(&owner, site.server.port);
	client_init(&other, site.server.port);
	char code[19];
	valid_code(9, code);
	struct reg r = reg_of(chip_name, code);
	char *token = register_ok(&owner, &r);
	char *edit = fmt("/enterprises/edit/%s", token), *rotate = fmt("/enterprises/edit/%s/rotate", token);
	char *page = site_page(&owner, edit, 200);
	char *action = fmt("action=\"%s\"", rotate);
	cr_assert_not_null(strstr(page, action), "the page offers a new link");
	free(action);
	free(page);

	/* A form posted from another site carries no valid token: nothing
	 * changes, the old link still works. */
	struct http_reply reply;
	free(site_page(&other, "/contact", 200)); /* a visitor cookie of its own */
	client_post(&other, rotate, (const char *[]){ "csrf_token", "forged", NULL }, &reply);
	cr_assert_eq(reply.status, 403);
	http_reply_free(&reply);
	free(site_page(&owner, edit, 200));

	char *csrf = client_form_token(&owner, edit);
	client_post(&owner, rotate, (const char *[]){ "csrf_token", csrf, NULL }, &reply);
	cr_assert_eq(reply.status, 303, "%s", reply.body);
	char *location = http_header(&reply, "Location");
	http_reply_free(&reply);
	static const char prefix[] = "/enterprises/edit/";
	cr_assert(location && !strncmp(location, prefix, sizeof(prefix) - 1), "%s", location);
	char *fresh = strndup(location + sizeof(prefix) - 1, strcspn(location + sizeof(prefix) - 1, "?"));
	cr_assert_str_neq(fresh, token, "a new link");
	cr_assert_str_eq(location + sizeof(prefix) - 1 + strlen(fresh), "?new=rotated");

	page = site_page(&owner, location, 200);
	char *shown = fmt("href=\"http://127.0.0.1:%d/enterprises/edit/%s\"", site.server.port, fresh);
	cr_assert_not_null(strstr(page, shown), "the new link is shown once, to keep");
	cr_assert_not_null(strstr(page, "原来的链接已失效"));
	free(shown);
	free(page);
	free(site_page(&owner, edit, 404)); /* the old one, at once */
	free(site_page(&owner, rotate, 405));

	struct client staff;
	site_staff_login(&staff);
	cr_assert(site_page_has(&staff, "/admin/audit", "企业更换修改链接"), "the change is audited");
	client_free(&staff);
	free(fresh);
	free(location);
	free(csrf);
	free(edit);
	free(rotate);
	free(token);
	client_free(&owner);
	client_free(&other);
}

/* The link of a fresh registration's page, in full as the site's public
 * address gives it, between its tag's > and < (caller frees). */
static char *shown_link(const char *page)
{
	const char *at = strstr(page, "id=\"edit-url\"");
	if (!at)
		return NULL;
	const char *start = strchr(at, '>');
	return start ? strndup(start + 1, strcspn(start + 1, "<")) : NULL;
}

Test(enterprise, the_private_link_is_shown_once_in_full_with_a_copy_button_and_a_mail_to_the_enterprise)
{
	struct client c;
	client_init(&c, site.server.port);
	char code[19];
	valid_code(15, code);
	struct reg r = reg_of(chip_name, code);
	char *token = register_ok(&c, &r);
	char *fresh = fmt("/enterprises/edit/%s?new=1", token), *edit = fmt("/enterprises/edit/%s", token);
	char *page = site_page(&c, fresh, 200);
	char *link = shown_link(page), *want = fmt("http://127.0.0.1:%d%s", site.server.port, edit);
	cr_assert_str_eq(link, want, "the full URL, to keep");
	char *href = fmt("href=\"%s\"", want);
	cr_assert(strstr(page, href));
	free(href);
	/* The copy button needs the script: hidden until it runs. */
	cr_assert(strstr(page, "data-copy=\"edit-url\" data-status=\"copy-status\" hidden>复制链接</button>"), "%s", page);
	const char *script = strstr(page, "<script src=\"/static/copy.");
	cr_assert_not_null(script, "the copy script is linked");
	char *src = strndup(script + 13, strcspn(script + 13, "\""));
	struct http_reply js;
	client_get(&c, src, &js);
	cr_assert_eq(js.status, 200, "%s", src);
	char *type = http_header(&js, "Content-Type");
	cr_assert(type && !strncmp(type, "text/javascript", 15), "%s", type);
	cr_assert(strstr(js.body, "navigator.clipboard"));
	free(type);
	http_reply_free(&js);
	free(src);
	/* A mail to the enterprise's own address with the link in its body. */
	const char *mailto = strstr(page, "href=\"mailto:");
	cr_assert_not_null(mailto, "a mailto: link, since an e-mail address was given");
	char *expected = fmt("href=\"mailto:wang.xiaoming%%40example.com?subject=");
	cr_assert(!strncmp(mailto, expected, strlen(expected)), "%.120s", mailto);
	free(expected);
	struct buf encoded = { 0 };
	for (const char *p = want; *p; p++)
		buf_printf(&encoded, strchr(":/", *p) ? "%%%02X" : "%c", (unsigned char)*p);
	const char *end = strchr(mailto + 6, '"');
	char *whole = strndup(mailto, (size_t)(end - mailto));
	cr_assert(strstr(whole, "&amp;body=") && strstr(whole, buf_cstr(&encoded)), "the body holds the link: %s", whole);
	free(whole);
	buf_free(&encoded);
	cr_assert(strstr(page, "本站不代发邮件"), "says the site sends no mail itself");
	free(page);

	/* Shown once: the page itself does not repeat it. */
	page = site_page(&c, edit, 200);
	cr_assert_null(strstr(page, "id=\"edit-url\""));
	cr_assert_null(strstr(page, "mailto:"));
	free(page);

	/* Without an e-mail address, no mail; a hostile one adds no fields. */
	valid_code(16, code);
	r = reg_of("只留电话有限公司", code);
	r.email = NULL;
	char *second = register_ok(&c, &r), *path = fmt("/enterprises/edit/%s?new=1", second);
	page = site_page(&c, path, 200);
	char *plain = shown_link(page);
	cr_assert_not_null(plain, "the link is shown");
	free(plain);
	cr_assert_null(strstr(page, "mailto:"));
	free(page);
	free(path);
	free(second);
	valid_code(18, code);
	r = reg_of("邮件地址测试二有限公司", code);
	r.email = "a?bcc=spy%40evil.cn&x=@example.com";
	second = register_ok(&c, &r);
	path = fmt("/enterprises/edit/%s?new=1", second);
	page = site_page(&c, path, 200);
	cr_assert(strstr(page, "href=\"mailto:a%3Fbcc%3Dspy%2540evil.cn%26x%3D%40example.com?subject="), "%s",
		  strstr(page, "mailto:"));
	free(page);
	free(path);
	free(second);
	free(link);
	free(want);
	free(edit);
	free(fresh);
	free(token);
	client_free(&c);
}

/* ---- an approved enterprise's edits wait beside it ---- */

/* Sends changed through the edit link at edit; asserts the redirect names done. */
static void edit_ok(struct client *c, const char *edit, const struct reg *changed, const char *done)
{
	struct http_reply reply;
	reg_submit(c, edit, changed, &reply);
	cr_assert_eq(reply.status, 303, "%d %s", reply.status, reply.body);
	char *location = http_header(&reply, "Location"), *want = fmt("%s?done=%s", edit, done);
	cr_assert_str_eq(location, want);
	free(want);
	free(location);
	http_reply_free(&reply);
}

Test(enterprise, a_rejected_edit_shows_its_reason_to_the_enterprise_and_the_approved_revision_stays)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	site_staff_login(&staff);
	char code[19];
	valid_code(19, code);
	struct reg r = reg_of(chip_name, code);
	char *token;
	long id = register_approved(&visitor, &staff, &r, &token);
	char *edit = fmt("/enterprises/edit/%s", token), *profile = fmt("/enterprises/%ld", id);
	struct reg changed = r;
	changed.name = "上海临港芯片设计（集团）有限公司";
	edit_ok(&visitor, edit, &changed, "queued");
	cr_assert_eq(decide(&staff, id, "reject", "名称与营业执照不符"), 303);
	char *page = site_page(&visitor, edit, 200);
	cr_assert(strstr(page, "修改未通过") && strstr(page, "名称与营业执照不符"), "%s", page);
	cr_assert(strstr(page, "value=\"上海临港芯片设计（集团）有限公司\""), "the form keeps the change to fix it");
	free(page);
	cr_assert(directory_lists(&visitor, "/enterprises", chip_name), "the approved revision is still listed");
	page = site_page(&visitor, profile, 200);
	cr_assert(strstr(page, "<h1>上海临港芯片设计有限公司</h1>"), "%s", page);
	free(page);
	cr_assert_eq(site_count_on(&staff, "/admin/enterprises"), 0, "nothing waits");
	cr_assert(site_page_has(&staff, "/admin/audit", "企业信息修改不通过"));

	/* Back to what is public: nothing to review. */
	edit_ok(&visitor, edit, &r, "unchanged");
	char *unchanged = fmt("%s?done=unchanged", edit);
	cr_assert(site_page_has(&visitor, unchanged, "没有需要审核的修改"));
	free(unchanged);
	cr_assert_not(site_page_has(&visitor, edit, "修改未通过"), "the turned-down edit is gone");
	cr_assert_eq(site_count_on(&staff, "/admin/enterprises"), 0);
	free(profile);
	free(edit);
	free(token);
	client_free(&visitor);
	client_free(&staff);
}

Test(enterprise, the_queue_shows_an_edit_with_what_it_changes_old_and_new)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	site_staff_login(&staff);
	char code[19];
	valid_code(20, code);
	struct reg r = reg_of(chip_name, code);
	char *token;
	long id = register_approved(&visitor, &staff, &r, &token);
	char *edit = fmt("/enterprises/edit/%s", token);
	struct reg changed = r;
	changed.website = "https://chip.example.cn/";
	changed.district = "minhang";
	edit_ok(&visitor, edit, &changed, "queued");
	char *queue = site_page(&staff, "/admin/enterprises", 200);
	cr_assert(strstr(queue, "信息修改") && strstr(queue, "修改了：所在区、网站"), "%s", queue);
	cr_assert_eq(site_count_on(&staff, "/admin/enterprises"), 1);
	free(queue);
	char *detail = fmt("/admin/enterprises/%ld", id), *page = site_page(&staff, detail, 200);
	cr_assert(strstr(page, "<tr><th scope=\"row\">所在区</th><td>浦东新区</td><td>闵行区</td></tr>"), "%s", page);
	cr_assert(strstr(page, "<td>https://www.example.com/</td><td>https://chip.example.cn/</td>"), "%s", page);
	cr_assert_null(strstr(page, "<th scope=\"row\">企业名称</th>"), "unchanged fields are not listed");
	cr_assert(strstr(page, "审核这项修改"));
	cr_assert_null(staff.html_problem, "%s", staff.html_problem);
	free(page);
	free(detail);
	free(edit);
	free(token);
	client_free(&visitor);
	client_free(&staff);
}

Test(enterprise, staff_approve_the_edit_they_saw_not_a_later_one)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	site_staff_login(&staff);
	char code[19];
	valid_code(21, code);
	struct reg r = reg_of(chip_name, code);
	char *token;
	long id = register_approved(&visitor, &staff, &r, &token);
	char *edit = fmt("/enterprises/edit/%s", token);
	struct reg changed = r;
	changed.description = "审核时看到的简介。";
	edit_ok(&visitor, edit, &changed, "queued");
	char *seen = revision_on(&staff, id), *staff_token = client_form_token(&staff, "/admin/enterprises");
	changed.description = "审核后偷换的简介。";
	edit_ok(&visitor, edit, &changed, "queued");
	char *profile = fmt("/enterprises/%ld", id), *approve = fmt("/admin/enterprises/%ld/approve", id),
	     *reject = fmt("/admin/enterprises/%ld/reject", id);
	struct http_reply reply;
	client_post(&staff, approve, (const char *[]){ "csrf_token", staff_token, "revision", seen, NULL }, &reply);
	cr_assert_eq(reply.status, 409, "approving what was not seen");
	cr_assert(strstr(reply.body, "修改了登记信息") && strstr(reply.body, "审核后偷换的简介。"), "the latest is shown: %s",
		  reply.body);
	http_reply_free(&reply);
	client_post(&staff, reject,
		    (const char *[]){ "csrf_token", staff_token, "revision", seen, "reason", "不符", NULL }, &reply);
	cr_assert_eq(reply.status, 409, "rejecting what was not seen");
	http_reply_free(&reply);
	cr_assert(site_page_has(&visitor, profile, chip_description), "nothing changed in public");
	cr_assert(site_page_has(&visitor, edit, "修改待审核"), "the later edit still waits");
	cr_assert_eq(decide(&staff, id, "approve", NULL), 303, "approving the edit now shown");
	cr_assert(site_page_has(&visitor, profile, "审核后偷换的简介。"));
	free(reject);
	free(approve);
	free(profile);
	free(staff_token);
	free(seen);
	free(edit);
	free(token);
	client_free(&visitor);
	client_free(&staff);
}

Test(enterprise, an_edit_waiting_for_review_leaves_public_pages_and_their_dates_as_they_were)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	site_staff_login(&staff);
	char code[19];
	valid_code(22, code);
	struct reg r = reg_of(chip_name, code);
	char *token;
	long id = register_approved(&visitor, &staff, &r, &token);
	char *edit = fmt("/enterprises/edit/%s", token), *profile = fmt("/enterprises/%ld", id);
	site_wait_next_second();
	struct http_reply before, after;
	client_get(&visitor, profile, &before);
	char *etag = http_header(&before, "ETag");
	cr_assert_not_null(etag);
	struct reg changed = r;
	changed.description = "二期扩产。";
	edit_ok(&visitor, edit, &changed, "queued");
	client_get(&visitor, profile, &after);
	char *still = http_header(&after, "ETag");
	cr_assert_str_eq(still, etag, "the cached profile stands");
	cr_assert_str_eq(after.body, before.body);
	free(still);
	http_reply_free(&after);
	cr_assert_eq(decide(&staff, id, "approve", NULL), 303);
	client_get(&visitor, profile, &after);
	still = http_header(&after, "ETag");
	cr_assert_str_neq(still, etag, "approving it changes the page");
	cr_assert(strstr(after.body, "二期扩产。"));
	free(still);
	free(etag);
	http_reply_free(&after);
	http_reply_free(&before);
	free(profile);
	free(edit);
	free(token);
	client_free(&visitor);
	client_free(&staff);
}

Test(enterprise, a_code_waiting_in_an_edit_is_refused_to_a_new_registration)
{
	struct client visitor, other, staff;
	client_init(&visitor, site.server.port);
	client_init(&other, site.server.port);
	site_staff_login(&staff);
	char code[19], next[19];
	valid_code(23, code);
	valid_code(24, next);
	struct reg r = reg_of(chip_name, code);
	char *token;
	register_approved(&visitor, &staff, &r, &token);
	char *edit = fmt("/enterprises/edit/%s", token);
	struct reg changed = r;
	changed.credit_code = next;
	edit_ok(&visitor, edit, &changed, "queued");
	struct reg rival = reg_of("上海抢注有限公司", next);
	struct http_reply reply;
	reg_submit(&other, "/enterprises/join", &rival, &reply);
	cr_assert_eq(reply.status, 409);
	site_assert_field_error(reply.body, "credit_code", "已经登记过了");
	http_reply_free(&reply);
	free(edit);
	free(token);
	client_free(&visitor);
	client_free(&other);
	client_free(&staff);
}

Test(enterprise, after_a_decision_staff_go_on_to_what_waits_next_then_back_to_the_queue)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	site_staff_login(&staff);
	char a[19], b[19];
	valid_code(25, a);
	valid_code(26, b);
	struct reg first = reg_of("上海第一家有限公司", a), second = reg_of("上海第二家有限公司", b);
	free(register_ok(&visitor, &first));
	long one = newest_pending(&staff);
	free(register_ok(&visitor, &second));
	long two = newest_pending(&staff);
	cr_assert_neq(one, two);
	char *token = client_form_token(&staff, "/admin/enterprises"), *revision = revision_on(&staff, two);
	char *approve = fmt("/admin/enterprises/%ld/approve", two);
	struct http_reply reply;
	client_post(&staff, approve, (const char *[]){ "csrf_token", token, "revision", revision, NULL }, &reply);
	cr_assert_eq(reply.status, 303);
	char *location = http_header(&reply, "Location"), *want = fmt("/admin/enterprises/%ld?done=approved", one);
	cr_assert_str_eq(location, want, "on to the one still waiting");
	http_reply_free(&reply);
	char *page = site_page(&staff, location, 200);
	cr_assert(strstr(page, "已通过：企业已出现在企业名录中。下面是下一项待审核的内容。") && strstr(page, "上海第一家有限公司"),
		  "%s", page);
	free(page);
	free(location);
	free(want);
	free(approve);
	free(revision);
	revision = revision_on(&staff, one);
	char *reject = fmt("/admin/enterprises/%ld/reject", one);
	client_post(&staff, reject, (const char *[]){ "csrf_token", token, "revision", revision, "reason", "资料不全", NULL },
		    &reply);
	cr_assert_eq(reply.status, 303);
	location = http_header(&reply, "Location");
	cr_assert_str_eq(location, "/admin/enterprises?done=rejected", "back to the queue: nothing waits");
	http_reply_free(&reply);
	cr_assert(site_page_has(&staff, location, "待审核的内容已全部处理完"));
	free(location);
	free(reject);
	free(revision);
	free(token);
	client_free(&visitor);
	client_free(&staff);
}

Test(enterprise_input, hostile_text_in_an_edit_is_escaped_in_the_queue_the_review_and_the_edit_page)
{
	struct client visitor, staff;
	client_init(&visitor, site.server.port);
	site_staff_login(&staff);
	char code[19];
	valid_code(27, code);
	struct reg r = reg_of(chip_name, code);
	char *token;
	long id = register_approved(&visitor, &staff, &r, &token);
	char *edit = fmt("/enterprises/edit/%s", token), *detail = fmt("/admin/enterprises/%ld", id);
	struct reg changed = r;
	changed.name = "<script>alert(1)</script>改名公司";
	changed.description = "\"><img src=x onerror=alert(2)>简介'><svg onload=alert(3)>";
	changed.website = "https://evil.example/\"onmouseover=\"alert(5)";
	edit_ok(&visitor, edit, &changed, "queued");
	const char *staff_pages[] = { "/admin/enterprises", detail };
	for (size_t i = 0; i < 2; i++) {
		char *page = site_page(&staff, staff_pages[i], 200);
		site_assert_no_payload(staff_pages[i], page);
		cr_assert(strstr(page, "&lt;script&gt;alert(1)&lt;/script&gt;改名公司"), "%s shows the new name as text",
			  staff_pages[i]);
		free(page);
	}
	char *page = site_page(&visitor, edit, 200);
	site_assert_no_payload("the edit page with an edit waiting", page);
	free(page);
	cr_assert_eq(decide(&staff, id, "reject", "<script>alert(6)</script><iframe src=//evil>"), 303);
	page = site_page(&visitor, edit, 200);
	site_assert_no_payload("the edit page with a rejected edit", page);
	cr_assert(strstr(page, "&lt;script&gt;alert(6)&lt;/script&gt;"), "the reason as text");
	free(page);
	cr_assert_null(staff.html_problem, "%s", staff.html_problem);
	cr_assert_null(visitor.html_problem, "%s", visitor.html_problem);
	free(detail);
	free(edit);
	free(token);
	client_free(&visitor);
	client_free(&staff);
}
