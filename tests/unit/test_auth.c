/* Unit tests for auth: account rules, login, and the session lifecycle. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "domain/accounts.h"
#include "domain/auth.h"
#include "harness.h"
#include "store/accounts.h"

static char *dir;
static struct store *store;
static struct arena *arena;
static struct buf err;
static const int64_t T0 = 1764000000; /* a fixed "now" */

static void setup(void)
{
	dir = tmp_dir_new();
	char path[4200];
	snprintf(path, sizeof(path), "%s/a.db", dir);
	err = (struct buf){ 0 };
	cr_assert_eq(store_open(path, &store, &err), STORE_OK, "%s", buf_cstr(&err));
	cr_assert_eq(accounts_create(store, STR_LIT("alice"), ROLE_ADMIN, STR_LIT("correct horse battery"), 0, &err), STORE_OK,
		     "%s", buf_cstr(&err));
	arena = arena_new();
}

static void teardown(void)
{
	arena_free(arena);
	store_close(store);
	tmp_dir_remove(dir);
	buf_free(&err);
}

TestSuite(auth, .init = setup, .fini = teardown, .timeout = 60);

static char *login(const char *name, const char *password, const char *old, enum login_result want)
{
	static char token[SESSION_TOKEN_CHARS + 1];
	struct login_attempt a = { str_from(name), str_from(password), old, "192.0.2.1", T0 };
	int64_t retry_after = 0;
	cr_assert_eq(auth_login(store, &a, token, &retry_after), want, "login %s", name);
	return token;
}

Test(auth, names_and_passwords_follow_the_rules)
{
	cr_assert_eq(auth_check_name(STR_LIT("editor.zhang-1"), &err), 0);
	cr_assert_eq(auth_check_name(STR_LIT(""), &err), -1);
	cr_assert_eq(auth_check_name(STR_LIT("Alice"), &err), -1);
	cr_assert_eq(auth_check_name(STR_LIT("张三"), &err), -1);
	cr_assert_eq(auth_check_name(STR_LIT("a/b"), &err), -1);
	/* Path segments a browser would resolve away in /admin/users/NAME/… */
	cr_assert_eq(auth_check_name(STR_LIT(".."), &err), -1);
	cr_assert_eq(auth_check_name(STR_LIT("."), &err), -1);
	cr_assert_eq(auth_check_name(STR_LIT(".hidden"), &err), -1);
	cr_assert_eq(auth_check_name(STR_LIT("a.b"), &err), 0);
	cr_assert_eq(auth_check_password(STR_LIT("短密码"), &err), -1);
	cr_assert_eq(auth_check_password(STR_LIT("十个汉字组成的密码口令"), &err), 0, "characters, not bytes");
	cr_assert_eq(auth_check_password((struct str){ "0123456789\xff", 11 }, &err), -1);
}

Test(auth, a_taken_name_is_refused)
{
	buf_reset(&err);
	cr_assert_eq(accounts_create(store, STR_LIT("alice"), ROLE_EDITOR, STR_LIT("another password"), 0, &err), STORE_DUPLICATE);
	cr_assert_not_null(strstr(buf_cstr(&err), "已被使用"), "%s", buf_cstr(&err));
}

Test(auth, passwords_are_stored_as_argon2id)
{
	struct user u;
	cr_assert_eq(store_user_by_name(store, "alice", arena, &u), STORE_OK);
	cr_assert(!strncmp(u.password_hash, "$argon2id$", 10), "%s", u.password_hash);
	cr_assert_null(strstr(u.password_hash, "correct horse"));
}

Test(auth, login_gives_a_session_with_role_and_csrf_token)
{
	char *token = login("alice", "correct horse battery", NULL, LOGIN_OK);
	cr_assert_eq(strlen(token), SESSION_TOKEN_CHARS);
	struct session s;
	cr_assert_eq(auth_session(store, token, T0 + 60, arena, &s), STORE_OK);
	cr_assert_str_eq(s.user_name, "alice");
	cr_assert_eq(s.role, ROLE_ADMIN);
	cr_assert_eq(strlen(s.csrf_token), CSRF_TOKEN_CHARS);
	cr_assert(auth_csrf_ok(s.csrf_token, s.csrf_token));
	cr_assert_not(auth_csrf_ok(s.csrf_token, NULL));
	cr_assert_not(auth_csrf_ok(s.csrf_token, ""));
	char wrong[CSRF_TOKEN_CHARS + 1];
	memcpy(wrong, s.csrf_token, sizeof(wrong));
	wrong[5] = wrong[5] == 'A' ? 'B' : 'A';
	cr_assert_not(auth_csrf_ok(s.csrf_token, wrong));
}

Test(auth, wrong_password_and_unknown_user_are_refused_alike)
{
	login("alice", "wrong password!", NULL, LOGIN_REFUSED);
	login("nobody", "correct horse battery", NULL, LOGIN_REFUSED);
	login("", "", NULL, LOGIN_REFUSED);
}

Test(auth, a_disabled_account_cannot_log_in_or_keep_its_session)
{
	char token[SESSION_TOKEN_CHARS + 1];
	strcpy(token, login("alice", "correct horse battery", NULL, LOGIN_OK));
	char path[4200];
	snprintf(path, sizeof(path), "%s/a.db", dir);
	sqlite3 *db;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, "UPDATE users SET disabled = 1", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	struct session s;
	cr_assert_eq(auth_session(store, token, T0 + 1, arena, &s), STORE_NOT_FOUND);
	login("alice", "correct horse battery", NULL, LOGIN_REFUSED);
}

Test(auth, idle_sessions_expire)
{
	char token[SESSION_TOKEN_CHARS + 1];
	strcpy(token, login("alice", "correct horse battery", NULL, LOGIN_OK));
	struct session s;
	cr_assert_eq(auth_session(store, token, T0 + SESSION_IDLE_SECONDS, arena, &s), STORE_OK);
	cr_assert_eq(auth_session(store, token, T0 + 2 * SESSION_IDLE_SECONDS + 1, arena, &s), STORE_NOT_FOUND);
	cr_assert_eq(auth_session(store, token, T0 + 1, arena, &s), STORE_NOT_FOUND, "an expired session is deleted");
}

Test(auth, sessions_end_at_the_absolute_limit_however_busy)
{
	char token[SESSION_TOKEN_CHARS + 1];
	strcpy(token, login("alice", "correct horse battery", NULL, LOGIN_OK));
	struct session s;
	int64_t t = T0;
	for (; t <= T0 + SESSION_MAX_SECONDS; t += SESSION_IDLE_SECONDS / 2)
		cr_assert_eq(auth_session(store, token, t, arena, &s), STORE_OK, "at +%lld s", (long long)(t - T0));
	cr_assert_eq(auth_session(store, token, T0 + SESSION_MAX_SECONDS + 1, arena, &s), STORE_NOT_FOUND);
}

Test(auth, login_rotates_and_logout_ends_the_session)
{
	char first[SESSION_TOKEN_CHARS + 1], second[SESSION_TOKEN_CHARS + 1];
	strcpy(first, login("alice", "correct horse battery", NULL, LOGIN_OK));
	strcpy(second, login("alice", "correct horse battery", first, LOGIN_OK));
	cr_assert_str_neq(first, second);
	struct session s;
	cr_assert_eq(auth_session(store, first, T0, arena, &s), STORE_NOT_FOUND, "the old token still works");
	cr_assert_eq(auth_session(store, second, T0, arena, &s), STORE_OK);
	auth_logout(store, second);
	cr_assert_eq(auth_session(store, second, T0, arena, &s), STORE_NOT_FOUND);
}

Test(auth, tokens_are_stored_only_as_hashes)
{
	char *token = login("alice", "correct horse battery", NULL, LOGIN_OK);
	char path[4200];
	snprintf(path, sizeof(path), "%s/a.db", dir);
	sqlite3 *db;
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM sessions WHERE instr(token_hash, ?1) > 0"
					    " OR CAST(token_hash AS TEXT) = ?1", -1, &st, NULL),
		     SQLITE_OK);
	sqlite3_bind_text(st, 1, token, -1, SQLITE_STATIC);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_eq(sqlite3_column_int(st, 0), 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

Test(auth, malformed_tokens_find_nothing)
{
	struct session s;
	const char *bad[] = { NULL, "", "short", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			      "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" };
	for (size_t i = 0; i < 5; i++)
		cr_assert_eq(auth_session(store, bad[i], T0, arena, &s), STORE_NOT_FOUND, "case %zu", i);
	auth_logout(store, "not a token");
}

Test(auth, a_name_that_is_not_valid_never_matches_an_account)
{
	char token[SESSION_TOKEN_CHARS + 1];
	const struct str names[] = { { "alice\0junk", 10 }, STR_LIT("ALICE"), STR_LIT("alice ") };
	int64_t retry_after;
	for (size_t i = 0; i < 3; i++) {
		struct login_attempt a = { names[i], STR_LIT("correct horse battery"), NULL, "192.0.2.1", T0 };
		cr_assert_eq(auth_login(store, &a, token, &retry_after), LOGIN_REFUSED, "name %zu", i);
	}
}
