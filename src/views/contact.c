/* contact: the contact form (联系我们) and the staff inbox of its messages. */
#include "content/contact.h"
#include "store/messages.h"
#include "views/contact.h"
#include "views/views_internal.h"

enum { INBOX_PAGE_SIZE = 30 };

int view_contact(struct view *v, const struct field_values *values, bool sent)
{
	struct tv *data = page_data(v, "联系我们", "联系上海招商资讯：投资咨询、合作与意见反馈。", NULL);
	page_set_canonical(v, data, "/contact");
	tv_put_bool(data, "sent", sent);
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
