/* client: cookies, forms and CSRF tokens over harness.c's raw HTTP. */
#include "client.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/buf.h"

void client_init(struct client *c, int port)
{
	memset(c, 0, sizeof(*c));
	c->port = port;
	c->extra_headers = "";
}

void client_free(struct client *c)
{
	for (size_t i = 0; i < CLIENT_MAX_COOKIES; i++)
		free(c->cookies[i]);
	free(c->html_problem);
	memset(c, 0, sizeof(*c));
}

void client_forget_cookies(struct client *c)
{
	for (size_t i = 0; i < CLIENT_MAX_COOKIES; i++) {
		free(c->cookies[i]);
		c->cookies[i] = NULL;
	}
}

const char *client_cookie(const struct client *c, const char *name)
{
	size_t n = strlen(name);
	for (size_t i = 0; i < CLIENT_MAX_COOKIES; i++)
		if (c->cookies[i] && !strncmp(c->cookies[i], name, n) && c->cookies[i][n] == '=')
			return c->cookies[i] + n + 1;
	return NULL;
}

char *set_cookies(const struct http_reply *r)
{
	struct buf out = { 0 };
	for (const char *line = r->head; line && *line;) {
		const char *eol = strstr(line, "\r\n");
		size_t len = eol ? (size_t)(eol - line) : strlen(line);
		if (len > 11 && !strncasecmp(line, "Set-Cookie:", 11)) {
			const char *v = line + 11;
			while (*v == ' ')
				v++;
			buf_append(&out, v, (size_t)(line + len - v));
			buf_putc(&out, '\n');
		}
		line = eol ? eol + 2 : NULL;
	}
	return buf_detach(&out);
}

/* Keeps each cookie the reply sets; Max-Age=0 removes it. */
static void keep_cookies(struct client *c, const struct http_reply *r)
{
	char *all = set_cookies(r), *save = NULL;
	for (char *line = strtok_r(all, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		size_t pair = strcspn(line, ";"), name = strcspn(line, "=");
		if (name >= pair)
			continue;
		bool gone = strstr(line, "Max-Age=0") != NULL;
		for (size_t i = 0; i < CLIENT_MAX_COOKIES; i++) {
			if (c->cookies[i] && !strncmp(c->cookies[i], line, name + 1)) {
				free(c->cookies[i]);
				c->cookies[i] = NULL;
			}
		}
		for (size_t i = 0; !gone && i < CLIENT_MAX_COOKIES; i++) {
			if (!c->cookies[i]) {
				c->cookies[i] = strndup(line, pair);
				break;
			}
		}
	}
	free(all);
}

static void send_request(struct client *c, const char *method, const char *path, const char *content_type,
			 const char *body, size_t len, struct http_reply *r)
{
	struct buf req = { 0 };
	buf_printf(&req, "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n%s", method, path, c->extra_headers);
	bool any = false;
	for (size_t i = 0; i < CLIENT_MAX_COOKIES; i++) {
		if (!c->cookies[i])
			continue;
		buf_puts(&req, any ? "; " : "Cookie: ");
		buf_puts(&req, c->cookies[i]);
		any = true;
	}
	if (any)
		buf_puts(&req, "\r\n");
	if (body)
		buf_printf(&req, "Content-Type: %s\r\nContent-Length: %zu\r\n", content_type, len);
	buf_puts(&req, "\r\n");
	if (body)
		buf_append(&req, body, len);
	http_raw(c->port, req.data, req.len, r);
	buf_free(&req);
	keep_cookies(c, r);
	char *type = http_header(r, "Content-Type");
	if (type && !strncmp(type, "text/html", 9) && r->body_len && !c->html_problem) {
		char *problem = html_check(r->body);
		if (problem && asprintf(&c->html_problem, "%s %s: %s", method, path, problem) < 0)
			abort();
		free(problem);
	}
	free(type);
}

void client_get(struct client *c, const char *path, struct http_reply *r)
{
	send_request(c, "GET", path, NULL, NULL, 0, r);
}

char *form_escape(const char *s)
{
	struct buf out = { 0 };
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-._~", *p))
			buf_putc(&out, (char)*p);
		else if (*p == ' ')
			buf_putc(&out, '+');
		else
			buf_printf(&out, "%%%02X", *p);
	}
	return buf_detach(&out);
}

void client_post(struct client *c, const char *path, const char *const *fields, struct http_reply *r)
{
	struct buf body = { 0 };
	for (size_t i = 0; fields[i]; i += 2) {
		char *name = form_escape(fields[i]), *value = form_escape(fields[i + 1]);
		buf_printf(&body, "%s%s=%s", i ? "&" : "", name, value);
		free(name);
		free(value);
	}
	client_post_body(c, path, "application/x-www-form-urlencoded", body.data ? body.data : "", body.len, r);
	buf_free(&body);
}

void client_post_multipart(struct client *c, const char *path, const char *const *fields, struct http_reply *r)
{
	static const char boundary[] = "----zhaoshang-test-boundary-7MA4YWxkTrZu0gW";
	struct buf body = { 0 };
	for (size_t i = 0; fields[i]; i += 2)
		buf_printf(&body, "--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n", boundary, fields[i],
			   fields[i + 1]);
	buf_printf(&body, "--%s--\r\n", boundary);
	char type[128];
	snprintf(type, sizeof(type), "multipart/form-data; boundary=%s", boundary);
	client_post_body(c, path, type, body.data, body.len, r);
	buf_free(&body);
}

void client_post_body(struct client *c, const char *path, const char *content_type, const char *body, size_t len,
		      struct http_reply *r)
{
	send_request(c, "POST", path, content_type, body, len, r);
}

char *csrf_in(const char *html)
{
	static const char marker[] = "name=\"csrf_token\" value=\"";
	const char *at = html ? strstr(html, marker) : NULL;
	if (!at)
		return NULL;
	at += sizeof(marker) - 1;
	return strndup(at, strcspn(at, "\""));
}

char *client_form_token(struct client *c, const char *path)
{
	struct http_reply r;
	client_get(c, path, &r);
	char *token = csrf_in(r.body);
	http_reply_free(&r);
	return token;
}

bool client_login(struct client *c, const char *name, const char *password)
{
	char *token = client_form_token(c, "/admin/login");
	struct http_reply r;
	client_post(c, "/admin/login",
		    (const char *[]){ "csrf_token", token ? token : "", "username", name, "password", password, NULL }, &r);
	bool ok = r.status == 303;
	http_reply_free(&r);
	free(token);
	return ok;
}
