/* Unit tests for store/accounts: staff accounts and their login sessions. */
#include <criterion/criterion.h>
#include <string.h>

#include "domain/accounts.h"
#include "domain/auth.h"
#include "store/accounts.h"
#include "store_fixture.h"

static struct store_fixture fx;
static struct store *store;
static struct arena *arena;
static struct buf err;
static const int64_t T0 = 1795795199; /* a fixed "now" */
static const char PASSWORD[] = "correct horse battery";
static const char HASH[] = "$argon2id$v=19$m=65536,t=2,p=1$not-a-hash";

static void setup(void)
{
	store_fixture_open(&fx);
	store = fx.store;
	arena = fx.arena;
	err = (struct buf){ 0 };
	fixture_staff(&fx, "editor");
}

static void teardown(void)
{
	store_fixture_close(&fx);
	buf_free(&err);
}

TestSuite(store_accounts, .init = setup, .fini = teardown, .timeout = 60);

/* An account with a real password, for the test that logs in. */
static void add_alice(void)
{
	cr_assert_eq(accounts_create(store, STR_LIT("alice"), ROLE_EDITOR, str_from(PASSWORD), NULL, T0, &err), STORE_OK, "%s",
		     buf_cstr(&err));
}

static enum login_result try_login(const char *name, const char *password, const char *ip, int64_t now,
				   int64_t *retry_after)
{
	char token[SESSION_TOKEN_CHARS + 1];
	struct login_attempt a = { str_from(name), str_from(password), NULL, ip, now };
	int64_t ignored;
	return auth_login(store, &a, token, retry_after ? retry_after : &ignored);
}

/* The id of account name. */
static int64_t user_id(const char *name)
{
	struct user u;
	cr_assert_eq(store_user_by_name(store, name, arena, &u), STORE_OK, "%s", name);
	return u.id;
}

/* A session for name whose token hash and CSRF secret are filled with the
 * byte tag. */
static void add_session(const char *name, unsigned char tag, int64_t now)
{
	unsigned char hash[32], csrf[32];
	memset(hash, tag, sizeof(hash));
	memset(csrf, tag ^ 0xff, sizeof(csrf));
	cr_assert_eq(store_session_add(store, hash, user_id(name), csrf, now), STORE_OK);
}

static enum store_rc get_session(unsigned char tag, struct session_row *out)
{
	unsigned char hash[32];
	memset(hash, tag, sizeof(hash));
	return store_session_get(store, hash, arena, out);
}

/* ---- accounts ---- */

Test(store_accounts, disabling_an_account_ends_its_sessions)
{
	add_alice();
	char token[SESSION_TOKEN_CHARS + 1];
	struct login_attempt a = { STR_LIT("alice"), str_from(PASSWORD), NULL, "192.0.2.1", T0 };
	int64_t retry_after;
	cr_assert_eq(auth_login(store, &a, token, &retry_after), LOGIN_OK);
	struct session s;
	cr_assert_eq(auth_session(store, token, T0 + 1, arena, &s), STORE_OK);
	cr_assert_eq(store_user_set_disabled(store, "alice", true), STORE_OK);
	cr_assert_eq(auth_session(store, token, T0 + 2, arena, &s), STORE_NOT_FOUND);
	/* Ended, not merely hidden while the account is disabled. */
	cr_assert_eq(store_user_set_disabled(store, "alice", false), STORE_OK);
	cr_assert_eq(auth_session(store, token, T0 + 3, arena, &s), STORE_NOT_FOUND);
	cr_assert_eq(try_login("alice", PASSWORD, "192.0.2.1", T0 + 4, NULL), LOGIN_OK, "re-enabled");
}

Test(store_accounts, a_disabled_account_is_listed_as_such)
{
	cr_assert_eq(store_user_set_disabled(store, "editor", true), STORE_OK);
	struct user *users;
	size_t n;
	cr_assert_eq(store_users_list(store, arena, &users, &n), STORE_OK);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(users[0].name, "editor");
	cr_assert(users[0].disabled);
	cr_assert_str_eq(users[0].password_hash, "");
}

Test(store_accounts, disabling_an_unknown_account_finds_nothing)
{
	cr_assert_eq(store_user_set_disabled(store, "nobody", true), STORE_NOT_FOUND);
	cr_assert_eq(store_user_set_disabled(store, "nobody", false), STORE_NOT_FOUND);
}

Test(store_accounts, a_taken_name_is_a_duplicate_and_the_first_account_stays)
{
	cr_assert_eq(store_user_add(store, "editor", "admin", "$argon2id$other"), STORE_DUPLICATE);
	struct user u;
	cr_assert_eq(store_user_by_name(store, "editor", arena, &u), STORE_OK);
	cr_assert_str_eq(u.role, "editor");
	cr_assert_str_eq(u.password_hash, HASH);
}

Test(store_accounts, an_account_is_found_by_name_with_its_role_and_hash)
{
	cr_assert_eq(store_user_add(store, "boss", "admin", "$argon2id$boss"), STORE_OK);
	struct user u;
	cr_assert_eq(store_user_by_name(store, "boss", arena, &u), STORE_OK);
	cr_assert_str_eq(u.name, "boss");
	cr_assert_str_eq(u.role, "admin");
	cr_assert_str_eq(u.password_hash, "$argon2id$boss");
	cr_assert_not(u.disabled);
	cr_assert_neq(u.id, user_id("editor"));
	cr_assert_eq(store_user_by_name(store, "nobody", arena, &u), STORE_NOT_FOUND);
}

Test(store_accounts, accounts_are_listed_by_name_without_their_password_hashes)
{
	cr_assert_eq(store_user_add(store, "zhao", "admin", HASH), STORE_OK);
	cr_assert_eq(store_user_add(store, "bob", "editor", HASH), STORE_OK);
	struct user *users;
	size_t n;
	cr_assert_eq(store_users_list(store, arena, &users, &n), STORE_OK);
	cr_assert_eq(n, 3);
	const char *names[] = { "bob", "editor", "zhao" }, *roles[] = { "editor", "editor", "admin" };
	for (size_t i = 0; i < 3; i++) {
		cr_assert_str_eq(users[i].name, names[i], "account %zu", i);
		cr_assert_str_eq(users[i].role, roles[i], "account %zu", i);
		cr_assert_str_eq(users[i].password_hash, "", "%s's hash is listed", users[i].name);
		cr_assert_not(users[i].disabled);
	}
}

/* ---- sessions ---- */

Test(store_accounts, a_session_is_found_by_its_token_hash_with_its_account)
{
	add_session("editor", 0x11, T0);
	struct session_row row;
	cr_assert_eq(get_session(0x11, &row), STORE_OK);
	cr_assert_eq(row.user_id, user_id("editor"));
	cr_assert_str_eq(row.user_name, "editor");
	cr_assert_str_eq(row.role, "editor");
	unsigned char csrf[32];
	memset(csrf, 0x11 ^ 0xff, sizeof(csrf));
	cr_assert_eq(memcmp(row.csrf, csrf, 32), 0);
	cr_assert_eq(row.created_at, T0);
	cr_assert_eq(row.last_seen, T0);
	cr_assert_eq(get_session(0x22, &row), STORE_NOT_FOUND);
}

Test(store_accounts, touching_a_session_moves_only_its_last_seen)
{
	add_session("editor", 0x11, T0);
	add_session("editor", 0x22, T0);
	unsigned char hash[32];
	memset(hash, 0x11, sizeof(hash));
	cr_assert_eq(store_session_touch(store, hash, T0 + 300), STORE_OK);
	struct session_row row;
	cr_assert_eq(get_session(0x11, &row), STORE_OK);
	cr_assert_eq(row.created_at, T0);
	cr_assert_eq(row.last_seen, T0 + 300);
	cr_assert_eq(get_session(0x22, &row), STORE_OK);
	cr_assert_eq(row.last_seen, T0, "the other session was touched too");
}

Test(store_accounts, a_deleted_session_is_gone_and_only_it)
{
	add_session("editor", 0x11, T0);
	add_session("editor", 0x22, T0);
	unsigned char hash[32];
	memset(hash, 0x11, sizeof(hash));
	cr_assert_eq(store_session_delete(store, hash), STORE_OK);
	struct session_row row;
	cr_assert_eq(get_session(0x11, &row), STORE_NOT_FOUND);
	cr_assert_eq(get_session(0x22, &row), STORE_OK);
}

Test(store_accounts, disabling_an_account_ends_its_sessions_only)
{
	cr_assert_eq(store_user_add(store, "bob", "editor", HASH), STORE_OK);
	add_session("editor", 0x11, T0);
	add_session("bob", 0x22, T0);
	cr_assert_eq(store_user_set_disabled(store, "bob", true), STORE_OK);
	struct session_row row;
	cr_assert_eq(get_session(0x22, &row), STORE_NOT_FOUND);
	cr_assert_eq(get_session(0x11, &row), STORE_OK, "another account's session ended");
	struct user u;
	cr_assert_eq(store_user_by_name(store, "bob", arena, &u), STORE_OK);
	cr_assert(u.disabled);
	cr_assert_eq(store_user_set_disabled(store, "bob", false), STORE_OK);
	cr_assert_eq(get_session(0x22, &row), STORE_NOT_FOUND, "re-enabling brought the session back");
}

Test(store_accounts, a_session_of_a_disabled_account_is_not_found)
{
	/* Even one that outlived the disabling (say, added by a login racing it). */
	cr_assert_eq(store_user_set_disabled(store, "editor", true), STORE_OK);
	add_session("editor", 0x11, T0);
	struct session_row row;
	cr_assert_eq(get_session(0x11, &row), STORE_NOT_FOUND);
}
