/* Unit tests for store/messages: what visitors send through the contact
 * form, open until staff handle it. */
#include <criterion/criterion.h>

#include "store/messages.h"
#include "store_fixture.h"

static struct store_fixture fx;
static struct store *store;
static struct arena *arena;
static const int64_t T0 = 1795795199; /* a fixed "now" */

static void setup(void)
{
	store_fixture_open(&fx);
	store = fx.store;
	arena = fx.arena;
}

static void teardown(void)
{
	store_fixture_close(&fx);
}

TestSuite(store_messages, .init = setup, .fini = teardown);

static int64_t send_message(const char *subject, int64_t now)
{
	struct message m = { .name = "李四", .organization = "某投资公司", .contact = "lisi@example.com",
			     .subject = subject, .message = "想了解临港的厂房政策。", .client_ip = "192.0.2.3" };
	int64_t id = 0;
	cr_assert_eq(store_message_insert(store, &m, now, &id), STORE_OK);
	cr_assert_gt(id, 0);
	return id;
}

static struct message *list(bool handled, int64_t offset, int limit, size_t *n, int64_t *total)
{
	struct message *out;
	cr_assert_eq(store_messages_list(store, handled, offset, limit, arena, &out, n, total), STORE_OK);
	return out;
}

Test(store_messages, a_message_is_listed_open_with_what_was_sent)
{
	int64_t id = send_message("厂房咨询", T0);
	size_t n;
	int64_t total;
	struct message *m = list(false, 0, 10, &n, &total);
	cr_assert_eq(total, 1);
	cr_assert_eq(n, 1);
	cr_assert_eq(m[0].id, id);
	cr_assert_str_eq(m[0].name, "李四");
	cr_assert_str_eq(m[0].organization, "某投资公司");
	cr_assert_str_eq(m[0].contact, "lisi@example.com");
	cr_assert_str_eq(m[0].subject, "厂房咨询");
	cr_assert_str_eq(m[0].message, "想了解临港的厂房政策。");
	cr_assert_str_eq(m[0].client_ip, "192.0.2.3");
	cr_assert_eq(m[0].created_at, T0);
	cr_assert_eq(m[0].handled_at, 0);
	cr_assert_null(m[0].handled_by);
	list(true, 0, 10, &n, &total);
	cr_assert_eq(total, 0);
}

Test(store_messages, optional_fields_left_out_come_back_null)
{
	struct message m = { .name = "李四", .contact = "13812345678", .message = "你好。", .client_ip = "192.0.2.3" };
	int64_t id;
	cr_assert_eq(store_message_insert(store, &m, T0, &id), STORE_OK);
	size_t n;
	int64_t total;
	struct message *out = list(false, 0, 10, &n, &total);
	cr_assert_null(out[0].organization);
	cr_assert_null(out[0].subject);
}

Test(store_messages, open_messages_come_newest_first_in_pages)
{
	int64_t a = send_message("一", T0), b = send_message("二", T0 + 1), c = send_message("三", T0 + 2);
	size_t n;
	int64_t total;
	struct message *m = list(false, 0, 2, &n, &total);
	cr_assert_eq(total, 3);
	cr_assert_eq(n, 2);
	cr_assert_eq(m[0].id, c);
	cr_assert_eq(m[1].id, b);
	m = list(false, 2, 2, &n, &total);
	cr_assert_eq(n, 1);
	cr_assert_eq(m[0].id, a);
}

Test(store_messages, handling_moves_a_message_to_the_handled_list)
{
	int64_t a = send_message("一", T0), b = send_message("二", T0 + 1);
	cr_assert_eq(store_message_handle(store, a, "editor", T0 + 60), STORE_OK);
	size_t n;
	int64_t total;
	struct message *m = list(false, 0, 10, &n, &total);
	cr_assert_eq(total, 1);
	cr_assert_eq(m[0].id, b);
	m = list(true, 0, 10, &n, &total);
	cr_assert_eq(total, 1);
	cr_assert_eq(n, 1);
	cr_assert_eq(m[0].id, a);
	cr_assert_eq(m[0].handled_at, T0 + 60);
	cr_assert_str_eq(m[0].handled_by, "editor");
}

Test(store_messages, a_message_is_handled_only_once)
{
	int64_t id = send_message("一", T0);
	cr_assert_eq(store_message_handle(store, id, "editor", T0 + 60), STORE_OK);
	cr_assert_eq(store_message_handle(store, id, "boss", T0 + 120), STORE_NOT_FOUND);
	size_t n;
	int64_t total;
	struct message *m = list(true, 0, 10, &n, &total);
	cr_assert_str_eq(m[0].handled_by, "editor", "the second handling overwrote the first");
	cr_assert_eq(m[0].handled_at, T0 + 60);
}

Test(store_messages, handling_an_unknown_message_finds_nothing)
{
	send_message("一", T0);
	cr_assert_eq(store_message_handle(store, 999, "editor", T0), STORE_NOT_FOUND);
	size_t n;
	int64_t total;
	list(false, 0, 10, &n, &total);
	cr_assert_eq(total, 1);
}
