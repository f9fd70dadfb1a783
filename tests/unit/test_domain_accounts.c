/* Unit tests for domain/accounts: creating staff accounts, and admins
 * disabling and enabling them, each change with its one audit record. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "domain/accounts.h"
#include "store/accounts.h"
#include "store_fixture.h"

static struct store_fixture fx;
static struct store *store;
static struct arena *arena;
static struct buf err;
static struct actor boss;
static const int64_t T0 = 1795795199; /* a fixed "now" */

static void setup(void)
{
	store_fixture_open(&fx);
	store = fx.store;
	arena = fx.arena;
	err = (struct buf){ 0 };
	boss = fixture_staff(&fx, "boss");
}

static void teardown(void)
{
	store_fixture_close(&fx);
	buf_free(&err);
}

TestSuite(domain_accounts, .init = setup, .fini = teardown, .timeout = 60);

/* An account as auth_new_user would give it, without paying for Argon2. */
static struct new_user new_user(const char *name, enum role role)
{
	struct new_user u = { .role = role };
	snprintf(u.name, sizeof(u.name), "%s", name);
	snprintf(u.hash, sizeof(u.hash), "$argon2id$v=19$m=65536,t=2,p=1$%s", name);
	return u;
}

static enum store_rc add(const char *name, enum role role, const struct actor *who)
{
	struct new_user u = new_user(name, role);
	buf_reset(&err);
	return accounts_add(store, &u, who, T0, &err);
}

static size_t audit_count(void)
{
	size_t n;
	fixture_audit(&fx, &n);
	return n;
}

Test(domain_accounts, adding_an_account_is_audited_as_who_added_it)
{
	cr_assert_eq(add("carol", ROLE_ADMIN, &boss), STORE_OK, "%s", buf_cstr(&err));
	struct user u;
	cr_assert_eq(store_user_by_name(store, "carol", arena, &u), STORE_OK);
	cr_assert_str_eq(u.role, "admin");
	cr_assert_str_eq(u.password_hash, "$argon2id$v=19$m=65536,t=2,p=1$carol");
	size_t n;
	struct audit_entry *e = fixture_audit(&fx, &n);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(e[0].action, "user.add");
	cr_assert_str_eq(e[0].target, "user:carol");
	cr_assert_str_eq(e[0].user_name, "boss");
	cr_assert_eq(e[0].at, T0);
}

Test(domain_accounts, a_taken_name_is_refused_says_so_and_writes_nothing)
{
	cr_assert_eq(add("carol", ROLE_EDITOR, &boss), STORE_OK);
	cr_assert_eq(add("carol", ROLE_ADMIN, &boss), STORE_DUPLICATE);
	cr_assert_not_null(strstr(buf_cstr(&err), "carol"), "%s", buf_cstr(&err));
	cr_assert_not_null(strstr(buf_cstr(&err), "已被使用"), "%s", buf_cstr(&err));
	struct user u;
	cr_assert_eq(store_user_by_name(store, "carol", arena, &u), STORE_OK);
	cr_assert_str_eq(u.role, "editor", "the first account was changed");
	cr_assert_eq(audit_count(), 1, "the refused account was audited");
}

Test(domain_accounts, the_command_line_adds_accounts_unaudited)
{
	cr_assert_eq(add("carol", ROLE_EDITOR, NULL), STORE_OK);
	struct user u;
	cr_assert_eq(store_user_by_name(store, "carol", arena, &u), STORE_OK);
	cr_assert_eq(audit_count(), 0);
}

Test(domain_accounts, an_invalid_name_or_password_creates_no_account)
{
	cr_assert_eq(accounts_create(store, STR_LIT("Carol"), ROLE_EDITOR, STR_LIT("long enough password"), NULL, T0, &err),
		     STORE_INVALID);
	cr_assert_gt(err.len, 0, "no reason given");
	buf_reset(&err);
	cr_assert_eq(accounts_create(store, STR_LIT("carol"), ROLE_EDITOR, STR_LIT("short"), NULL, T0, &err), STORE_INVALID);
	cr_assert_gt(err.len, 0, "no reason given");
	struct user *users;
	size_t n;
	cr_assert_eq(store_users_list(store, arena, &users, &n), STORE_OK);
	cr_assert_eq(n, 1, "only boss");
	cr_assert_eq(audit_count(), 0);
}

Test(domain_accounts, disabling_is_audited_and_ends_the_accounts_sessions)
{
	cr_assert_eq(add("carol", ROLE_EDITOR, NULL), STORE_OK);
	struct user u;
	cr_assert_eq(store_user_by_name(store, "carol", arena, &u), STORE_OK);
	unsigned char hash[32], csrf[32] = { 0 };
	memset(hash, 7, sizeof(hash));
	cr_assert_eq(store_session_add(store, hash, u.id, csrf, T0), STORE_OK);
	cr_assert_eq(accounts_set_disabled(store, "carol", true, &boss, T0 + 1), STORE_OK);
	cr_assert_eq(store_user_by_name(store, "carol", arena, &u), STORE_OK);
	cr_assert(u.disabled);
	struct session_row row;
	cr_assert_eq(store_session_get(store, hash, arena, &row), STORE_NOT_FOUND);
	size_t n;
	struct audit_entry *e = fixture_audit(&fx, &n);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(e[0].action, "user.disable");
	cr_assert_str_eq(e[0].target, "user:carol");
	cr_assert_str_eq(e[0].user_name, "boss");
	cr_assert_eq(e[0].at, T0 + 1);
}

Test(domain_accounts, enabling_again_is_audited_as_such)
{
	cr_assert_eq(add("carol", ROLE_EDITOR, NULL), STORE_OK);
	cr_assert_eq(accounts_set_disabled(store, "carol", true, &boss, T0), STORE_OK);
	cr_assert_eq(accounts_set_disabled(store, "carol", false, &boss, T0 + 1), STORE_OK);
	struct user u;
	cr_assert_eq(store_user_by_name(store, "carol", arena, &u), STORE_OK);
	cr_assert_not(u.disabled);
	size_t n;
	struct audit_entry *e = fixture_audit(&fx, &n);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(e[0].action, "user.enable");
	cr_assert_str_eq(e[1].action, "user.disable");
}

Test(domain_accounts, disabling_an_unknown_account_writes_nothing)
{
	cr_assert_eq(accounts_set_disabled(store, "nobody", true, &boss, T0), STORE_NOT_FOUND);
	cr_assert_eq(accounts_set_disabled(store, "nobody", false, &boss, T0), STORE_NOT_FOUND);
	cr_assert_eq(audit_count(), 0);
}
