/* contact: the contact form (联系我们) and the staff inbox of its messages. */
#include <string.h>

#include "content/contact.h"
#include "store/messages.h"
#include "util/html.h"
#include "views/contact.h"
#include "views/views_internal.h"

enum { INBOX_PAGE_SIZE = 30 };

/* "tel:021-55550100" for "021-5555 0100": the digits, + and dashes, up
 * to an extension (# x 转 ,), which a dialler would not take. */
static const char *tel_href(struct arena *arena, const char *phone)
{
	struct buf *b = arena_buf(arena);
	buf_puts(b, "tel:");
	for (const char *p = phone; *p && !strchr("#xX,", *p) && strncmp(p, "转", 3); p++)
		if ((*p >= '0' && *p <= '9') || *p == '+' || *p == '-')
			buf_putc(b, *p);
	return buf_cstr(b);
}

/* The office as configured: only what is set. */
static void add_office(struct view *v, struct tv *data)
{
	const struct site_info *org = page_site_info();
	bool any = *org->address || *org->phone || *org->email || *org->hours;
	tv_put_bool(data, "office", any);
	if (*org->phone)
		tv_put_str(data, "tel_href", tel_href(v->arena, org->phone));
	if (*org->email) {
		struct buf *href = arena_buf(v->arena);
		buf_puts(href, "mailto:");
		url_escape(href, org->email, strlen(org->email));
		tv_put_str(data, "mail_href", buf_cstr(href));
	}
}

int view_contact(struct view *v, const struct field_values *values, bool sent, int64_t reference)
{
	struct tv *data = page_data(v, "联系我们", "联系上海招商资讯：投资咨询、合作与意见反馈。", NULL);
	page_set_canonical(v, data, "/contact");
	tv_put_bool(data, "sent", sent);
	if (sent && reference) {
		char ref[CONTACT_REFERENCE_SIZE];
		contact_reference(reference, ref);
		tv_put_str(data, "reference", arena_strdup(v->arena, ref));
	}
	add_office(v, data);
	page_add_form(data, contact_fields, MSG__COUNT, values);
	int status = page_render(v, "contact", data);
	return status == 200 && values && values->nerrors ? 400 : status;
}

int view_admin_messages(struct view *v, bool handled, long page, const char *notice)
{
	struct message *list;
	size_t n;
	int64_t total;
	if (store_messages_list(v->store, handled, pagination_offset(page, INBOX_PAGE_SIZE), INBOX_PAGE_SIZE, v->arena,
				&list, &n, &total) != STORE_OK)
		return 500;
	struct pagination p = pagination_make(total, INBOX_PAGE_SIZE, page);
	if (!pagination_in_range(&p))
		return 404;
	struct tv *data = page_staff_data(v, handled ? "留言：已处理" : "留言：待处理", "messages", notice);
	tv_put_bool(data, "handled", handled);
	tv_put_int(data, "total", total);
	struct tv *items = tv_put_list(data, "messages");
	for (size_t i = 0; i < n; i++) {
		const struct message *m = &list[i];
		struct tv *item = tv_list_add_object(items);
		tv_put_int(item, "id", m->id);
		char ref[CONTACT_REFERENCE_SIZE];
		contact_reference(m->id, ref);
		tv_put_str(item, "reference", arena_strdup(v->arena, ref));
		tv_put_str(item, "name", m->name);
		tv_put_str(item, "organization", m->organization);
		tv_put_str(item, "contact", m->contact);
		tv_put_str(item, "subject", m->subject);
		tv_put_str(item, "client_ip", m->client_ip);
		page_put_time(v, item, "created", m->created_at);
		if (m->handled_at) {
			page_put_time(v, item, "handled", m->handled_at);
			tv_put_str(item, "handled_by", m->handled_by);
		}
		page_add_lines(v, item, "paragraphs", m->message);
	}
	page_add_pagination(data, &p, handled ? "/admin/messages?handled=1&" : "/admin/messages?");
	return page_render(v, "admin_messages", data);
}
