/* Integration tests for the JSON API against its OpenAPI document: every
 * path, method and status the document names is provoked and the answer
 * checked against the documented schema; errors share one shape. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site.h"

/* Numbers a fact extractor must find in it: 5000万元, 12家, 15%. */
static const char facts_jsonl[] =
	"{\"title\":\"闵行区签约重大项目\",\"body\":\"闵行区今日签约重大产业项目，总投资5000万元，引进12家企业，产值增长15%。\","
	"\"date\":\"2027-03-03\",\"district\":\"minhang\"}\n";

static void setup(void)
{
	site_start("1000");
	char *file = write_file(site.dir, "facts.jsonl", facts_jsonl, sizeof(facts_jsonl) - 1);
	struct run_result r;
	run_cmd((const char *[]){ zs_bin(), "import", "--db", site.db, "data/demo/articles.jsonl", file, NULL }, &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_result_free(&r);
	free(file);
}

TestSuite(api, .init = setup, .fini = site_stop, .timeout = 60);

static json_t *parse(const struct http_reply *r)
{
	json_error_t err;
	json_t *v = json_loads(r->body, 0, &err);
	cr_assert_not_null(v, "not JSON (%s): %.200s", err.text, r->body);
	return v;
}

/* ---- a JSON Schema subset: what openapi.json uses ---- */

static json_t *resolve(json_t *doc, json_t *schema)
{
	const char *ref = json_string_value(json_object_get(schema, "$ref"));
	if (!ref)
		return schema;
	cr_assert(!strncmp(ref, "#/", 2), "only local references: %s", ref);
	json_t *at = doc;
	char *copy = strdup(ref + 2), *save = NULL;
	for (char *part = strtok_r(copy, "/", &save); part; part = strtok_r(NULL, "/", &save))
		at = json_object_get(at, part);
	free(copy);
	cr_assert_not_null(at, "unresolved %s", ref);
	return resolve(doc, at);
}

static bool type_is(const char *type, json_t *v)
{
	if (!strcmp(type, "object"))
		return json_is_object(v);
	if (!strcmp(type, "array"))
		return json_is_array(v);
	if (!strcmp(type, "string"))
		return json_is_string(v);
	if (!strcmp(type, "integer"))
		return json_is_integer(v);
	if (!strcmp(type, "number"))
		return json_is_number(v);
	if (!strcmp(type, "boolean"))
		return json_is_boolean(v);
	cr_assert_fail("unknown type %s in the document", type);
	return false;
}

/* Asserts v matches schema; where says which value, for the message. */
static void validate(json_t *doc, json_t *schema, json_t *v, const char *where)
{
	schema = resolve(doc, schema);
	if (json_is_null(v)) {
		cr_assert(json_is_true(json_object_get(schema, "nullable")), "%s is null but not nullable", where);
		return;
	}
	const char *type = json_string_value(json_object_get(schema, "type"));
	if (type)
		cr_assert(type_is(type, v), "%s is not of type %s", where, type);
	json_t *choices = json_object_get(schema, "enum");
	if (choices) {
		bool found = false;
		size_t i;
		json_t *c;
		json_array_foreach(choices, i, c) found = found || json_equal(c, v);
		cr_assert(found, "%s is not one of the documented values", where);
	}
	json_t *min = json_object_get(schema, "minimum"), *max = json_object_get(schema, "maximum");
	if (min)
		cr_assert_geq(json_number_value(v), json_number_value(min), "%s below its minimum", where);
	if (max)
		cr_assert_leq(json_number_value(v), json_number_value(max), "%s above its maximum", where);
	const char *pattern = json_string_value(json_object_get(schema, "pattern"));
	if (pattern && json_is_string(v)) {
		regex_t re;
		cr_assert_eq(regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB), 0, "pattern %s", pattern);
		cr_assert_eq(regexec(&re, json_string_value(v), 0, NULL, 0), 0, "%s (\"%s\") does not match %s", where,
			     json_string_value(v), pattern);
		regfree(&re);
	}
	if (json_is_object(v)) {
		json_t *required = json_object_get(schema, "required"), *props = json_object_get(schema, "properties");
		size_t i;
		json_t *name;
		json_array_foreach(required, i, name)
			cr_assert_not_null(json_object_get(v, json_string_value(name)), "%s lacks %s", where,
					   json_string_value(name));
		const char *key;
		json_t *value;
		json_object_foreach(v, key, value) {
			json_t *sub = json_object_get(props, key);
			char *inner;
			if (asprintf(&inner, "%s.%s", where, key) < 0)
				abort();
			if (sub)
				validate(doc, sub, value, inner);
			else
				cr_assert(!json_is_false(json_object_get(schema, "additionalProperties")),
					  "%s is not documented", inner);
			free(inner);
		}
	}
	if (json_is_array(v)) {
		json_t *items = json_object_get(schema, "items"), *max_items = json_object_get(schema, "maxItems");
		if (max_items)
			cr_assert_leq(json_array_size(v), (size_t)json_integer_value(max_items), "%s is too long", where);
		size_t i;
		json_t *item;
		json_array_foreach(v, i, item) {
			char *inner;
			if (asprintf(&inner, "%s[%zu]", where, i) < 0)
				abort();
			validate(doc, items, item, inner);
			free(inner);
		}
	}
}

/* ---- how to provoke each documented answer ---- */

enum who { ANYONE, STAFF };

struct recipe {
	const char *path;   /* as the document names it */
	int status;
	const char *url;    /* a request that gets that status */
	enum who who;
};

/* For 304 the request repeats the 200's with If-None-Match. */
static const struct recipe recipes[] = {
	{ "/articles", 200, "/api/v1/articles?page=1", ANYONE },
	{ "/articles", 304, "/api/v1/articles?page=1", ANYONE },
	{ "/articles", 400, "/api/v1/articles?page=0", ANYONE },
	{ "/articles", 404, "/api/v1/articles?page=999", ANYONE },
	{ "/articles/{id}", 200, "/api/v1/articles/1", ANYONE },
	{ "/articles/{id}", 304, "/api/v1/articles/1", ANYONE },
	{ "/articles/{id}", 404, "/api/v1/articles/999999", ANYONE },
	{ "/search", 200, "/api/v1/search?q=%E9%97%B5%E8%A1%8C", ANYONE },
	{ "/search", 304, "/api/v1/search?q=%E9%97%B5%E8%A1%8C", ANYONE },
	{ "/search", 400, "/api/v1/search?q=x&from=2025-02-30", ANYONE },
	{ "/search", 404, "/api/v1/search?q=%E9%97%B5%E8%A1%8C&page=999", ANYONE },
	{ "/enterprises", 200, "/api/v1/enterprises", ANYONE },
	{ "/enterprises", 304, "/api/v1/enterprises", ANYONE },
	{ "/enterprises", 400, "/api/v1/enterprises?district=mars", ANYONE },
	{ "/enterprises", 404, "/api/v1/enterprises?page=999", ANYONE },
	{ "/stats", 200, "/api/v1/stats", ANYONE },
	{ "/stats", 304, "/api/v1/stats", ANYONE },
	{ "/stats", 400, "/api/v1/stats?industry=steel", ANYONE },
	{ "/openapi.json", 200, "/api/v1/openapi.json", ANYONE },
	{ "/openapi.json", 304, "/api/v1/openapi.json", ANYONE },
	{ "/admin/submissions", 200, "/api/v1/admin/submissions", STAFF },
	{ "/admin/submissions", 400, "/api/v1/admin/submissions?status=lost", STAFF },
	{ "/admin/submissions", 401, "/api/v1/admin/submissions", ANYONE },
	{ "/admin/submissions", 404, "/api/v1/admin/submissions?page=999", STAFF },
};
enum { RECIPES = sizeof(recipes) / sizeof(recipes[0]) };

static json_t *openapi(void)
{
	struct http_reply r;
	http_request(site.server.port, "GET", "/api/v1/openapi.json", &r);
	cr_assert_eq(r.status, 200);
	json_t *doc = parse(&r);
	http_reply_free(&r);
	cr_assert(!strncmp(json_string_value(json_object_get(doc, "openapi")), "3.", 2), "an OpenAPI 3 document");
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(json_object_get(doc, "servers"), 0), "url")),
			 "/api/v1");
	return doc;
}

static const struct recipe *recipe_for(const char *path, int status)
{
	for (size_t i = 0; i < RECIPES; i++)
		if (!strcmp(recipes[i].path, path) && recipes[i].status == status)
			return &recipes[i];
	return NULL;
}

Test(api, every_documented_answer_has_a_request_here_and_every_request_is_documented)
{
	json_t *doc = openapi(), *paths = json_object_get(doc, "paths");
	const char *path;
	json_t *item;
	size_t documented = 0;
	json_object_foreach(paths, path, item) {
		const char *method;
		json_t *op;
		json_object_foreach(item, method, op) {
			cr_assert_str_eq(method, "get", "the API only reads");
			const char *status;
			json_t *resp;
			json_object_foreach(json_object_get(op, "responses"), status, resp) {
				cr_assert_not_null(recipe_for(path, atoi(status)), "%s %s is not exercised", path, status);
				documented++;
			}
		}
	}
	cr_assert_eq(documented, RECIPES, "each request here answers a documented status");
	json_decref(doc);
}

static void send_as(struct client *c, const char *url, const char *if_none_match, struct http_reply *r)
{
	char *headers = NULL;
	if (if_none_match && asprintf(&headers, "If-None-Match: %s\r\n", if_none_match) < 0)
		abort();
	c->extra_headers = headers ? headers : "";
	client_get(c, url, r);
	c->extra_headers = "";
	free(headers);
}

Test(api, every_documented_path_and_status_answers_as_documented)
{
	json_t *doc = openapi(), *paths = json_object_get(doc, "paths");
	site_wait_next_second(); /* past the second of setup's import: Last-Modified is documented */
	struct client anyone, staff;
	client_init(&anyone, site.server.port);
	client_init(&staff, site.server.port);
	cr_assert(client_login(&staff, "ed", site_password));
	for (size_t i = 0; i < RECIPES; i++) {
		const struct recipe *rc = &recipes[i];
		struct client *c = rc->who == STAFF ? &staff : &anyone;
		char status_key[8];
		snprintf(status_key, sizeof(status_key), "%d", rc->status);
		json_t *doc_resp = resolve(doc, json_object_get(json_object_get(json_object_get(json_object_get(paths, rc->path),
											      "get"),
									      "responses"),
							       status_key));
		cr_assert_not_null(doc_resp, "%s %d is documented", rc->path, rc->status);
		struct http_reply r;
		char *etag = NULL;
		if (rc->status == 304) {
			send_as(c, rc->url, NULL, &r);
			etag = http_header(&r, "ETag");
			cr_assert_not_null(etag, "%s has an ETag", rc->url);
			http_reply_free(&r);
		}
		send_as(c, rc->url, etag, &r);
		cr_assert_eq(r.status, rc->status, "%s: %d, documented %d\n%s", rc->url, r.status, rc->status, r.body);
		json_t *headers = json_object_get(doc_resp, "headers");
		const char *name;
		json_t *h;
		json_object_foreach(headers, name, h) {
			char *value = http_header(&r, name);
			cr_assert_not_null(value, "%s %d lacks the documented %s", rc->url, rc->status, name);
			free(value);
		}
		json_t *schema = json_object_get(json_object_get(json_object_get(doc_resp, "content"), "application/json"),
						 "schema");
		if (rc->status == 304) {
			cr_assert_eq(r.body_len, 0, "a 304 has no body");
		} else {
			cr_assert_not_null(schema, "%s %d documents its body", rc->path, rc->status);
			char *type = http_header(&r, "Content-Type");
			cr_assert_str_eq(type, "application/json; charset=utf-8", "%s", rc->url);
			free(type);
			json_t *body = parse(&r);
			validate(doc, schema, body, rc->url);
			json_decref(body);
		}
		free(etag);
		http_reply_free(&r);
	}
	client_free(&anyone);
	client_free(&staff);
	json_decref(doc);
}

/* Not in the document's table, but every API error looks the same. */
Test(api, errors_of_every_kind_share_one_shape)
{
	json_t *doc = openapi(), *error = json_object_get(json_object_get(json_object_get(doc, "components"), "schemas"),
							  "Error");
	static const struct {
		const char *method, *url;
		int status;
		const char *code;
	} cases[] = {
		{ "GET", "/api/v1/articles/0", 404, "not_found" },
		{ "GET", "/api/v1/articles/abc", 404, "not_found" },
		{ "GET", "/api/v1/nothing-here", 404, "not_found" },
		{ "POST", "/api/v1/articles", 405, "method_not_allowed" },
		{ "DELETE", "/api/v1/articles/1", 405, "method_not_allowed" },
		{ "GET", "/api/v1/articles?page=abc", 400, "invalid_page" },
		{ "GET", "/api/v1/search?q=x&district=Pudong", 400, "invalid_district" },
		{ "GET", "/api/v1/search?q=x&sort=random", 400, "invalid_sort" },
		{ "GET", "/api/v1/stats?from=2025-13-01", 400, "invalid_date" },
		{ "GET", "/api/v1/stats?from=2025-09-01&to=2025-03-01", 400, "invalid_range" },
		{ "GET", "/api/v1/enterprises?seeking=gold", 400, "invalid_seeking" },
		{ "GET", "/api/v1/admin/submissions", 401, "unauthorized" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct http_reply r;
		http_request(site.server.port, cases[i].method, cases[i].url, &r);
		cr_assert_eq(r.status, cases[i].status, "%s %s: %d", cases[i].method, cases[i].url, r.status);
		json_t *body = parse(&r);
		validate(doc, error, body, cases[i].url);
		json_t *e = json_object_get(body, "error");
		cr_assert_str_eq(json_string_value(json_object_get(e, "code")), cases[i].code, "%s", cases[i].url);
		const char *message = json_string_value(json_object_get(e, "message"));
		cr_assert((unsigned char)message[0] >= 0x80, "the message is for people, in Chinese: %s", message);
		cr_assert_str_neq(message, "请求无法完成。", "%s: a message that says what went wrong", cases[i].url);
		json_decref(body);
		http_reply_free(&r);
	}
	json_decref(doc);
}

Test(api, next_links_walk_every_article_once)
{
	struct http_reply r;
	http_request(site.server.port, "GET", "/api/v1/articles", &r);
	json_t *page = parse(&r);
	http_reply_free(&r);
	json_int_t total = json_integer_value(json_object_get(page, "total"));
	cr_assert_gt(total, 20, "more than one page");
	char *seen = calloc((size_t)total + 1, 1);
	json_int_t count = 0, pages = 0;
	for (;;) {
		pages++;
		json_t *articles = json_object_get(page, "articles");
		cr_assert_leq(json_array_size(articles), 20);
		size_t i;
		json_t *a;
		json_array_foreach(articles, i, a) {
			json_int_t id = json_integer_value(json_object_get(a, "id"));
			cr_assert(id >= 1 && id <= total, "id %lld", (long long)id);
			cr_assert(!seen[id], "article %lld listed twice", (long long)id);
			seen[id] = 1;
			count++;
		}
		json_t *next = json_object_get(page, "next");
		if (json_is_null(next))
			break;
		http_request(site.server.port, "GET", json_string_value(next), &r);
		cr_assert_eq(r.status, 200, "%s", json_string_value(next));
		json_decref(page);
		page = parse(&r);
		http_reply_free(&r);
	}
	cr_assert_eq(count, total);
	cr_assert_eq(pages, json_integer_value(json_object_get(page, "pages")));
	free(seen);
	json_decref(page);
}

/* The article with the given title, found through the API's search. */
static json_t *article_titled(const char *q_escaped, const char *title)
{
	char url[256];
	snprintf(url, sizeof(url), "/api/v1/search?q=%s", q_escaped);
	struct http_reply r;
	http_request(site.server.port, "GET", url, &r);
	json_t *found = parse(&r);
	http_reply_free(&r);
	json_int_t id = 0;
	size_t i;
	json_t *hit;
	json_array_foreach(json_object_get(found, "results"), i, hit)
		if (!strcmp(json_string_value(json_object_get(hit, "title")), title))
			id = json_integer_value(json_object_get(hit, "id"));
	json_decref(found);
	cr_assert_gt(id, 0, "found \"%s\"", title);
	snprintf(url, sizeof(url), "/api/v1/articles/%lld", (long long)id);
	http_request(site.server.port, "GET", url, &r);
	cr_assert_eq(r.status, 200);
	json_t *a = parse(&r);
	http_reply_free(&r);
	return a;
}

static json_t *fact(json_t *article, const char *kind)
{
	size_t i;
	json_t *f;
	json_array_foreach(json_object_get(article, "facts"), i, f)
		if (!strcmp(json_string_value(json_object_get(f, "kind")), kind))
			return f;
	cr_assert_fail("no %s fact", kind);
	return NULL;
}

Test(api, an_article_object_carries_its_districts_and_facts_with_exact_values)
{
	json_t *a = article_titled("%E9%97%B5%E8%A1%8C", "闵行区签约重大项目");
	cr_assert_str_eq(json_string_value(json_object_get(a, "date")), "2027-03-03");
	json_t *districts = json_object_get(a, "districts");
	cr_assert_eq(json_array_size(districts), 1);
	cr_assert_str_eq(json_string_value(json_array_get(districts, 0)), "闵行区");
	json_t *money = fact(a, "money");
	cr_assert(json_is_integer(json_object_get(money, "value")), "whole yuan are an integer, not 5e+07");
	cr_assert_eq(json_integer_value(json_object_get(money, "value")), 50000000);
	cr_assert_str_eq(json_string_value(json_object_get(money, "unit")), "CNY");
	cr_assert_not_null(strstr(json_string_value(json_object_get(money, "text")), "总投资5000万元"));
	cr_assert_str_eq(json_string_value(json_object_get(money, "role")), "investment", "总投资 is investment");
	cr_assert_null(json_object_get(fact(a, "count"), "role"), "only money has a role");
	cr_assert_eq(json_integer_value(json_object_get(fact(a, "count"), "value")), 12);
	cr_assert_eq(json_number_value(json_object_get(fact(a, "percent"), "value")), 15);
	json_decref(a);
}

Test(api, the_data_monitor_gives_fact_amounts_in_whole_yuan)
{
	struct http_reply r;
	http_request(site.server.port, "GET", "/api/v1/stats?from=2027-01-01", &r);
	json_t *stats = parse(&r);
	http_reply_free(&r);
	bool seen = false;
	size_t i;
	json_t *f;
	json_array_foreach(json_object_get(stats, "latest_facts"), i, f) {
		if (strcmp(json_string_value(json_object_get(f, "kind")), "money"))
			continue;
		cr_assert(json_is_integer(json_object_get(f, "value")), "money as a whole number");
		seen = seen || json_integer_value(json_object_get(f, "value")) == 50000000;
	}
	cr_assert(seen, "the 5000万元 fact is among the latest, exactly");
	json_decref(stats);
}
