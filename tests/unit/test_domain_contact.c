/* Unit tests for domain/contact: visitors' messages and staff marking them
 * handled. */
#include <criterion/criterion.h>

#include "content/contact.h"
#include "domain/contact.h"
#include "store/messages.h"
#include "store_fixture.h"

static struct store_fixture fx;
static struct store *store;
static struct arena *arena;
static struct actor editor;
static const int64_t T0 = 1795795199; /* a fixed "now" */

static void setup(void)
{
	store_fixture_open(&fx);
	store = fx.store;
	arena = fx.arena;
	editor = fixture_staff(&fx, "editor");
}

static void teardown(void)
{
	store_fixture_close(&fx);
}

TestSuite(domain_contact, .init = setup, .fini = teardown);

/* Sends a checked message from the contact form; its id. */
static int64_t send_message(const char *subject)
{
	const char *raw[MSG__COUNT] = { 0 };
	raw[MSG_NAME] = "李四";
	raw[MSG_ORGANIZATION] = "某投资公司";
	raw[MSG_CONTACT] = "lisi@example.com";
	raw[MSG_SUBJECT] = subject;
	raw[MSG_MESSAGE] = "想了解临港的厂房政策。";
	struct field_values v;
	cr_assert_eq(fields_check(contact_fields, MSG__COUNT, raw, arena, &v), 0);
	int64_t id = 0;
	cr_assert_eq(contact_send(store, &v, "192.0.2.3", T0, &id), STORE_OK);
	cr_assert_gt(id, 0);
	return id;
}

static struct message *list(bool handled, size_t *n)
{
	struct message *out;
	int64_t total;
	cr_assert_eq(store_messages_list(store, handled, 0, 10, arena, &out, n, &total), STORE_OK);
	return out;
}

static size_t audit_count(void)
{
	size_t n;
	fixture_audit(&fx, &n);
	return n;
}

Test(domain_contact, a_sent_message_waits_open_and_is_not_audited)
{
	int64_t id = send_message("厂房咨询");
	size_t n;
	struct message *m = list(false, &n);
	cr_assert_eq(n, 1);
	cr_assert_eq(m[0].id, id);
	cr_assert_str_eq(m[0].name, "李四");
	cr_assert_str_eq(m[0].organization, "某投资公司");
	cr_assert_str_eq(m[0].contact, "lisi@example.com");
	cr_assert_str_eq(m[0].subject, "厂房咨询");
	cr_assert_str_eq(m[0].message, "想了解临港的厂房政策。");
	cr_assert_str_eq(m[0].client_ip, "192.0.2.3");
	cr_assert_eq(m[0].created_at, T0);
	cr_assert_eq(audit_count(), 0, "a visitor's message is not a staff action");
}

Test(domain_contact, a_sent_message_is_committed_on_return)
{
	send_message("厂房咨询");
	struct store *other = store_fixture_connect(&fx);
	struct message *m;
	size_t n;
	int64_t total;
	cr_assert_eq(store_messages_list(other, false, 0, 10, arena, &m, &n, &total), STORE_OK);
	cr_assert_eq(total, 1);
	store_close(other);
}

Test(domain_contact, marking_a_message_handled_is_audited_with_who)
{
	int64_t id = send_message("厂房咨询");
	cr_assert_eq(contact_mark_handled(store, id, &editor, T0 + 60), STORE_OK);
	size_t n;
	struct message *m = list(true, &n);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(m[0].handled_by, "editor");
	cr_assert_eq(m[0].handled_at, T0 + 60);
	struct audit_entry *e = fixture_audit(&fx, &n);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(e[0].action, "message.handle");
	cr_assert_str_eq(e[0].target, arena_printf(arena, "message:%lld", (long long)id));
	cr_assert_str_eq(e[0].user_name, "editor");
	cr_assert_eq(e[0].at, T0 + 60);
}

Test(domain_contact, marking_handled_twice_is_not_found_the_second_time)
{
	int64_t id = send_message("厂房咨询");
	struct actor other = fixture_staff(&fx, "other");
	cr_assert_eq(contact_mark_handled(store, id, &editor, T0 + 60), STORE_OK);
	cr_assert_eq(contact_mark_handled(store, id, &other, T0 + 120), STORE_NOT_FOUND);
	size_t n;
	struct message *m = list(true, &n);
	cr_assert_str_eq(m[0].handled_by, "editor");
	cr_assert_eq(audit_count(), 1, "the second marking was audited");
}

Test(domain_contact, marking_an_unknown_message_writes_nothing)
{
	cr_assert_eq(contact_mark_handled(store, 999, &editor, T0), STORE_NOT_FOUND);
	cr_assert_eq(audit_count(), 0);
}
