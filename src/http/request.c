/* request: what handlers read from a request and set on a response, over
 * libmicrohttpd — query, form fields, cookies, headers, redirects. */
#include "http/http.h"

#include <microhttpd.h>
#include <string.h>

#include "http/request_internal.h"

const char *request_query(const struct request *req, const char *name)
{
	return MHD_lookup_connection_value(req->conn, MHD_GET_ARGUMENT_KIND, name);
}

/* Over TLS cookies carry the __Host- prefix: the browser then takes them
 * only from this very host over HTTPS, so a sibling subdomain or a plain
 * HTTP response cannot plant one (a planted visitor cookie would let its
 * planter forge that visitor's forms). */
static const char *cookie_name(const struct request *req, const char *name)
{
	return req->https ? arena_printf(req->arena, "__Host-%s", name) : name;
}

const char *request_cookie(const struct request *req, const char *name)
{
	return MHD_lookup_connection_value(req->conn, MHD_COOKIE_KIND, cookie_name(req, name));
}

const char *request_header(const struct request *req, const char *name)
{
	return MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, name);
}

static struct form_field *form_find(const struct form *form, const char *name)
{
	for (size_t i = 0; form && i < form->n; i++)
		if (!strcmp(form->fields[i].name, name))
			return (struct form_field *)&form->fields[i];
	return NULL;
}

const char *request_form(const struct request *req, const char *name)
{
	struct form_field *f = form_find(req->form, name);
	return f ? buf_cstr(f->value) : NULL;
}

size_t request_form_count(const struct request *req, const char *name)
{
	size_t n = 0;
	for (size_t i = 0; req->form && i < req->form->n; i++)
		n += !strcmp(req->form->fields[i].name, name);
	return n;
}

const char *request_form_joined(const struct request *req, const char *name)
{
	struct buf *joined = NULL;
	for (size_t i = 0; req->form && i < req->form->n; i++) {
		if (strcmp(req->form->fields[i].name, name))
			continue;
		if (!joined)
			joined = arena_buf(req->arena);
		else
			buf_putc(joined, ',');
		buf_put_str(joined, buf_str(req->form->fields[i].value));
	}
	return joined ? buf_cstr(joined) : NULL;
}

/* Called by MHD's post processor for each piece of a field: a new field
 * starts at off 0, long values come in several pieces. */
static enum MHD_Result on_form_data(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
				    const char *content_type, const char *transfer_encoding, const char *data,
				    uint64_t off, size_t size)
{
	(void)kind, (void)content_type, (void)transfer_encoding;
	struct request *req = cls;
	struct form *form = req->form;
	if (form->problem)
		return MHD_NO;
	if (!key) { /* a multipart part with no name= */
		form->problem = "表单中有没有名称的字段。";
		return MHD_NO;
	}
	if (filename) {
		form->problem = "表单不接受上传文件。";
		return MHD_NO;
	}
	/* A value in pieces continues the last field; a field may repeat (a
	 * set of checkboxes), which handlers allow only where they expect it. */
	struct form_field *f = off && form->n ? &form->fields[form->n - 1] : NULL;
	if (!f) {
		if (form->n == FORM_MAX_FIELDS) {
			form->problem = "表单字段过多。";
			return MHD_NO;
		}
		f = &form->fields[form->n++];
		f->name = arena_strdup(req->arena, key);
		f->value = arena_buf(req->arena);
	}
	buf_append(f->value, data, size);
	return MHD_YES;
}

bool form_start(struct request *req)
{
	/* MHD picks the parser from Content-Type and returns NULL for types
	 * that are not forms: such a POST has no form (req->form stays NULL). */
	req->form = ARENA_NEW(req->arena, struct form);
	req->form_parser = MHD_create_post_processor(req->conn, 16 * 1024, on_form_data, req);
	if (!req->form_parser)
		req->form = NULL;
	return req->form_parser != NULL;
}

void form_feed(struct request *req, const char *data, size_t len)
{
	if (req->form_parser && !req->form->problem && MHD_post_process(req->form_parser, data, len) != MHD_YES &&
	    !req->form->problem)
		req->form->problem = "表单内容格式不正确。";
}

void form_finish(struct request *req)
{
	if (!req->form_parser)
		return;
	/* The last field is only handed over here. */
	if (MHD_destroy_post_processor(req->form_parser) != MHD_YES && !req->form->problem)
		req->form->problem = "表单内容不完整。";
	req->form_parser = NULL;
}

void response_set_cookie(struct request *req, struct response *res, const char *name, const char *value,
			 long max_age)
{
	for (size_t i = 0; i < RESPONSE_MAX_COOKIES; i++) {
		if (res->set_cookie[i])
			continue;
		res->set_cookie[i] = arena_printf(req->arena, "%s=%s; Path=/; Max-Age=%ld; HttpOnly; SameSite=Lax%s",
						  cookie_name(req, name), value, max_age, req->https ? "; Secure" : "");
		return;
	}
}

void response_redirect(struct response *res, const char *location)
{
	res->status = 303;
	res->location = location;
}
