/* Unit tests for store/audit: the log of what staff (and enterprises
 * through their links) changed. */
#include <criterion/criterion.h>

#include "store/audit.h"
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

TestSuite(store_audit, .init = setup, .fini = teardown);

static void add(int64_t at, const char *action, const char *target)
{
	cr_assert_eq(store_audit_add(store, at, 1, "editor", action, target, NULL), STORE_OK);
}

Test(store_audit, a_new_log_is_empty)
{
	struct audit_entry *e;
	size_t n = 99;
	int64_t total = -1;
	cr_assert_eq(store_audit_list(store, 0, 10, arena, &e, &n, &total), STORE_OK);
	cr_assert_eq(n, 0);
	cr_assert_eq(total, 0);
}

Test(store_audit, an_entry_keeps_who_what_which_and_when)
{
	cr_assert_eq(store_audit_add(store, T0, 7, "editor", "submission.reject", "submission:12", "来源不明"), STORE_OK);
	size_t n;
	struct audit_entry *e = fixture_audit(&fx, &n);
	cr_assert_eq(n, 1);
	cr_assert_gt(e[0].id, 0);
	cr_assert_eq(e[0].at, T0);
	cr_assert_str_eq(e[0].user_name, "editor");
	cr_assert_str_eq(e[0].action, "submission.reject");
	cr_assert_str_eq(e[0].target, "submission:12");
	cr_assert_str_eq(e[0].detail, "来源不明");
}

Test(store_audit, entries_come_newest_first)
{
	add(T0, "user.add", "user:a");
	add(T0 + 10, "user.disable", "user:a");
	add(T0 + 10, "user.enable", "user:a");
	size_t n;
	struct audit_entry *e = fixture_audit(&fx, &n);
	cr_assert_eq(n, 3);
	cr_assert_str_eq(e[0].action, "user.enable", "at the same second the later entry comes first");
	cr_assert_str_eq(e[1].action, "user.disable");
	cr_assert_str_eq(e[2].action, "user.add");
}

Test(store_audit, the_log_comes_in_pages_with_the_total)
{
	for (int i = 0; i < 5; i++)
		add(T0 + i, "message.handle", arena_printf(arena, "message:%d", i));
	struct audit_entry *e;
	size_t n;
	int64_t total;
	cr_assert_eq(store_audit_list(store, 1, 2, arena, &e, &n, &total), STORE_OK);
	cr_assert_eq(total, 5);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(e[0].target, "message:3");
	cr_assert_str_eq(e[1].target, "message:2");
	cr_assert_eq(store_audit_list(store, 4, 2, arena, &e, &n, &total), STORE_OK);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(e[0].target, "message:0");
	cr_assert_eq(store_audit_list(store, 5, 2, arena, &e, &n, &total), STORE_OK);
	cr_assert_eq(n, 0);
	cr_assert_eq(total, 5);
}

Test(store_audit, someone_without_an_account_is_logged_by_name)
{
	cr_assert_eq(store_audit_add(store, T0, 0, "（企业，经修改链接）", "enterprise.edit", "enterprise:3", "192.0.2.9"),
		     STORE_OK);
	size_t n;
	struct audit_entry *e = fixture_audit(&fx, &n);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(e[0].user_name, "（企业，经修改链接）");
	cr_assert_str_eq(e[0].detail, "192.0.2.9");
}

Test(store_audit, an_entry_without_detail_has_none)
{
	add(T0, "user.add", "user:a");
	size_t n;
	struct audit_entry *e = fixture_audit(&fx, &n);
	cr_assert_null(e[0].detail);
}
