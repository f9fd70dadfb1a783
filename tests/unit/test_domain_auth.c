/* Unit tests for domain/auth: account rules, login and the session
 * lifecycle, login throttling, and the random tokens and CSRF checks the
 * forms rely on. Each test has a database of its own. */
#include <criterion/criterion.h>
#include <pthread.h>
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
static const int64_t T0 = 1795795199; /* 2026-11-27T15:59:59Z: a fixed "now" */
static const char PASSWORD[] = "correct horse battery";

static char *db_path(const char *name)
{
	return arena_printf(arena, "%s/%s", dir, name);
}

static void setup(void)
{
	dir = tmp_dir_new();
	arena = arena_new();
	err = (struct buf){ 0 };
	cr_assert_eq(store_open(db_path("a.db"), &store, &err), STORE_OK, "%s", buf_cstr(&err));
}

/* The session tests all sign in as alice, an admin. */
static void setup_with_admin(void)
{
	setup();
	cr_assert_eq(accounts_create(store, STR_LIT("alice"), ROLE_ADMIN, STR_LIT("correct horse battery"), NULL, 0, &err), STORE_OK,
		     "%s", buf_cstr(&err));
}

static void teardown(void)
{
	arena_free(arena);
	store_close(store);
	tmp_dir_remove(dir);
	buf_free(&err);
}

TestSuite(domain_auth, .init = setup, .fini = teardown, .timeout = 60);
TestSuite(domain_auth_sessions, .init = setup_with_admin, .fini = teardown, .timeout = 60);

/* An account with a real password, for the throttling tests that log in:
 * hashing it costs an Argon2 run (about 0.1 s), so the others do without. */
static void add_alice(void)
{
	cr_assert_eq(accounts_create(store, STR_LIT("alice"), ROLE_EDITOR, str_from(PASSWORD), NULL, T0, &err), STORE_OK, "%s",
		     buf_cstr(&err));
}

/* ---- account rules, login and sessions ---- */

static char *login(const char *name, const char *password, const char *old, enum login_result want)
{
	static char token[SESSION_TOKEN_CHARS + 1];
	struct login_attempt a = { str_from(name), str_from(password), old, "192.0.2.1", T0 };
	int64_t retry_after = 0;
	cr_assert_eq(auth_login(store, &a, token, &retry_after), want, "login %s", name);
	return token;
}

Test(domain_auth_sessions, names_and_passwords_follow_the_rules)
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

Test(domain_auth_sessions, a_taken_name_is_refused)
{
	buf_reset(&err);
	cr_assert_eq(accounts_create(store, STR_LIT("alice"), ROLE_EDITOR, STR_LIT("another password"), NULL, 0, &err), STORE_DUPLICATE);
	cr_assert_not_null(strstr(buf_cstr(&err), "已被使用"), "%s", buf_cstr(&err));
}

Test(domain_auth_sessions, passwords_are_stored_as_argon2id)
{
	struct user u;
	cr_assert_eq(store_user_by_name(store, "alice", arena, &u), STORE_OK);
	cr_assert(!strncmp(u.password_hash, "$argon2id$", 10), "%s", u.password_hash);
	cr_assert_null(strstr(u.password_hash, "correct horse"));
}

Test(domain_auth_sessions, login_gives_a_session_with_role_and_csrf_token)
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

Test(domain_auth_sessions, wrong_password_and_unknown_user_are_refused_alike)
{
	login("alice", "wrong password!", NULL, LOGIN_REFUSED);
	login("nobody", "correct horse battery", NULL, LOGIN_REFUSED);
	login("", "", NULL, LOGIN_REFUSED);
}

Test(domain_auth_sessions, a_disabled_account_cannot_log_in_or_keep_its_session)
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

Test(domain_auth_sessions, idle_sessions_expire)
{
	char token[SESSION_TOKEN_CHARS + 1];
	strcpy(token, login("alice", "correct horse battery", NULL, LOGIN_OK));
	struct session s;
	cr_assert_eq(auth_session(store, token, T0 + SESSION_IDLE_SECONDS, arena, &s), STORE_OK);
	cr_assert_eq(auth_session(store, token, T0 + 2 * SESSION_IDLE_SECONDS + 1, arena, &s), STORE_NOT_FOUND);
	cr_assert_eq(auth_session(store, token, T0 + 1, arena, &s), STORE_NOT_FOUND, "an expired session is deleted");
}

Test(domain_auth_sessions, sessions_end_at_the_absolute_limit_however_busy)
{
	char token[SESSION_TOKEN_CHARS + 1];
	strcpy(token, login("alice", "correct horse battery", NULL, LOGIN_OK));
	struct session s;
	int64_t t = T0;
	for (; t <= T0 + SESSION_MAX_SECONDS; t += SESSION_IDLE_SECONDS / 2)
		cr_assert_eq(auth_session(store, token, t, arena, &s), STORE_OK, "at +%lld s", (long long)(t - T0));
	cr_assert_eq(auth_session(store, token, T0 + SESSION_MAX_SECONDS + 1, arena, &s), STORE_NOT_FOUND);
}

Test(domain_auth_sessions, login_rotates_and_logout_ends_the_session)
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

Test(domain_auth_sessions, tokens_are_stored_only_as_hashes)
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

Test(domain_auth_sessions, malformed_tokens_find_nothing)
{
	struct session s;
	const char *bad[] = { NULL, "", "short", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			      "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" };
	for (size_t i = 0; i < 5; i++)
		cr_assert_eq(auth_session(store, bad[i], T0, arena, &s), STORE_NOT_FOUND, "case %zu", i);
	auth_logout(store, "not a token");
}

Test(domain_auth_sessions, a_name_that_is_not_valid_never_matches_an_account)
{
	char token[SESSION_TOKEN_CHARS + 1];
	const struct str names[] = { { "alice\0junk", 10 }, STR_LIT("ALICE"), STR_LIT("alice ") };
	int64_t retry_after;
	for (size_t i = 0; i < 3; i++) {
		struct login_attempt a = { names[i], STR_LIT("correct horse battery"), NULL, "192.0.2.1", T0 };
		cr_assert_eq(auth_login(store, &a, token, &retry_after), LOGIN_REFUSED, "name %zu", i);
	}
}

Test(domain_auth_sessions, a_login_without_the_old_token_leaves_other_sessions_alone)
{
	/* Two browsers: signing in on the second does not sign out the first. */
	char first[SESSION_TOKEN_CHARS + 1], second[SESSION_TOKEN_CHARS + 1];
	strcpy(first, login("alice", "correct horse battery", NULL, LOGIN_OK));
	strcpy(second, login("alice", "correct horse battery", NULL, LOGIN_OK));
	cr_assert_str_neq(first, second);
	struct session s1, s2;
	cr_assert_eq(auth_session(store, first, T0 + 1, arena, &s1), STORE_OK);
	cr_assert_eq(auth_session(store, second, T0 + 1, arena, &s2), STORE_OK);
	cr_assert_eq(s1.user_id, s2.user_id);
	cr_assert_str_neq(s1.csrf_token, s2.csrf_token, "each session has its own CSRF secret");
}

/* ---- login throttling ---- */

static enum login_result try_login(const char *name, const char *password, const char *ip, int64_t now,
				   int64_t *retry_after)
{
	char token[SESSION_TOKEN_CHARS + 1];
	struct login_attempt a = { str_from(name), str_from(password), NULL, ip, now };
	int64_t ignored;
	return auth_login(store, &a, token, retry_after ? retry_after : &ignored);
}

/* A wrong password. Checking one costs an Argon2 run; one longer than
 * AUTH_PASSWORD_MAX_BYTES is refused without it, and counts alike. */
static const char WRONG[] = "wrong password!";
static char overlong[AUTH_PASSWORD_MAX_BYTES + 2];

static const char *cheap_wrong(void)
{
	memset(overlong, 'x', AUTH_PASSWORD_MAX_BYTES + 1);
	overlong[AUTH_PASSWORD_MAX_BYTES + 1] = '\0';
	return overlong;
}

/* times failed logins for name from ip, each refused. */
static void fail_logins(const char *name, const char *password, const char *ip, int64_t now, int times)
{
	for (int i = 0; i < times; i++)
		cr_assert_eq(try_login(name, password, ip, now, NULL), LOGIN_REFUSED, "%s failure %d", name, i + 1);
}

Test(domain_auth, too_many_failures_lock_an_account_even_with_the_right_password)
{
	add_alice();
	fail_logins("alice", WRONG, "192.0.2.1", T0, LOGIN_NAME_FAILURES);
	int64_t retry_after = -1;
	cr_assert_eq(try_login("alice", PASSWORD, "192.0.2.1", T0 + 10, &retry_after), LOGIN_LOCKED);
	cr_assert_gt(retry_after, 0);
	cr_assert_leq(retry_after, LOGIN_WINDOW_SECONDS);
	cr_assert_eq(retry_after, LOGIN_WINDOW_SECONDS - 10, "the window runs from the first failure");
	/* Someone else failing cannot lock the owner out from elsewhere... */
	cr_assert_eq(try_login("alice", PASSWORD, "198.51.100.9", T0 + 10, NULL), LOGIN_OK,
		     "failures from one address lock the name there only");
}

Test(domain_auth, guesses_spread_over_addresses_lock_the_name_everywhere)
{
	add_alice();
	/* ...but guessing spread over many addresses locks the name. */
	char ip[32];
	for (int i = 0; i < LOGIN_NAME_ANYWHERE_FAILURES / LOGIN_NAME_FAILURES; i++) {
		snprintf(ip, sizeof(ip), "203.0.113.%d", i + 1);
		fail_logins("alice", cheap_wrong(), ip, T0, LOGIN_NAME_FAILURES);
	}
	int64_t retry_after = -1;
	cr_assert_eq(try_login("alice", PASSWORD, "198.51.100.9", T0 + 10, &retry_after), LOGIN_LOCKED);
	cr_assert_eq(retry_after, LOGIN_WINDOW_SECONDS - 10);
	cr_assert_eq(try_login("alice", PASSWORD, "198.51.100.9", T0 + LOGIN_WINDOW_SECONDS, NULL), LOGIN_OK,
		     "until the window ends");
}

Test(domain_auth, a_login_without_a_password_field_is_refused)
{
	add_alice();
	char token[SESSION_TOKEN_CHARS + 1];
	struct login_attempt a = { STR_LIT("alice"), { NULL, 0 }, NULL, "192.0.2.1", T0 };
	int64_t retry_after;
	cr_assert_eq(auth_login(store, &a, token, &retry_after), LOGIN_REFUSED);
}

/* One thread's share of parallel wrong logins, on its own connection. */
struct racer {
	pthread_t thread;
	int refused, locked;
};

static void *race(void *arg)
{
	struct racer *r = arg;
	struct store *own;
	struct buf why = { 0 };
	if (store_open(db_path("a.db"), &own, &why) != STORE_OK)
		return NULL;
	for (int i = 0; i < 5; i++) {
		char token[SESSION_TOKEN_CHARS + 1];
		struct login_attempt a = { STR_LIT("alice"), STR_LIT("wrong password!"), NULL, "192.0.2.1", T0 };
		int64_t retry_after;
		enum login_result res = auth_login(own, &a, token, &retry_after);
		r->refused += res == LOGIN_REFUSED;
		r->locked += res == LOGIN_LOCKED;
	}
	store_close(own);
	buf_free(&why);
	return NULL;
}

Test(domain_auth, parallel_attempts_cannot_pass_the_limit)
{
	/* Each attempt is counted before its password is checked, so attempts
	 * racing while others hash cannot all slip under the limit. */
	add_alice();
	struct racer racers[4] = { 0 };
	for (int i = 0; i < 4; i++)
		cr_assert_eq(pthread_create(&racers[i].thread, NULL, race, &racers[i]), 0);
	int refused = 0, locked = 0;
	for (int i = 0; i < 4; i++) {
		pthread_join(racers[i].thread, NULL);
		refused += racers[i].refused;
		locked += racers[i].locked;
	}
	cr_assert_eq(refused + locked, 20, "every attempt answered");
	cr_assert_eq(refused, LOGIN_NAME_FAILURES, "exactly the allowed guesses were checked: %d", refused);
}

Test(domain_auth, a_name_that_does_not_exist_locks_alike)
{
	fail_logins("nobody", cheap_wrong(), "192.0.2.1", T0, LOGIN_NAME_FAILURES);
	int64_t retry_after = -1;
	cr_assert_eq(try_login("nobody", PASSWORD, "192.0.2.1", T0 + 10, &retry_after), LOGIN_LOCKED);
	cr_assert_gt(retry_after, 0);
	cr_assert_leq(retry_after, LOGIN_WINDOW_SECONDS);
	cr_assert_eq(retry_after, LOGIN_WINDOW_SECONDS - 10);
}

Test(domain_auth, overlong_passwords_count_as_failures)
{
	add_alice();
	fail_logins("alice", cheap_wrong(), "192.0.2.1", T0, LOGIN_NAME_FAILURES);
	cr_assert_eq(try_login("alice", PASSWORD, "192.0.2.1", T0, NULL), LOGIN_LOCKED);
}

Test(domain_auth, a_locked_name_does_not_lock_other_names_from_the_address)
{
	add_alice();
	fail_logins("nobody", cheap_wrong(), "192.0.2.1", T0, LOGIN_NAME_FAILURES);
	cr_assert_eq(try_login("nobody", PASSWORD, "192.0.2.1", T0, NULL), LOGIN_LOCKED);
	cr_assert_eq(try_login("alice", PASSWORD, "192.0.2.1", T0, NULL), LOGIN_OK);
}

Test(domain_auth, an_address_is_locked_after_its_own_limit)
{
	add_alice();
	/* Failures spread over names, none reaching its own limit; the last
	 * one allowed is still only refused. */
	const int per_name = LOGIN_NAME_FAILURES - 1;
	int done = 0;
	for (int k = 0; done < LOGIN_ADDRESS_FAILURES; k++) {
		char name[16];
		snprintf(name, sizeof(name), "guess%d", k);
		int times = LOGIN_ADDRESS_FAILURES - done < per_name ? LOGIN_ADDRESS_FAILURES - done : per_name;
		fail_logins(name, cheap_wrong(), "192.0.2.1", T0, times);
		done += times;
	}
	int64_t retry_after = -1;
	cr_assert_eq(try_login("alice", PASSWORD, "192.0.2.1", T0 + 1, &retry_after), LOGIN_LOCKED);
	cr_assert_gt(retry_after, 0);
	cr_assert_leq(retry_after, LOGIN_WINDOW_SECONDS);
	cr_assert_eq(try_login("", "", "192.0.2.1", T0 + 1, NULL), LOGIN_LOCKED, "with no name either");
	cr_assert_eq(try_login("alice", PASSWORD, "198.51.100.9", T0 + 1, NULL), LOGIN_OK,
		     "the account itself is not locked");
}

Test(domain_auth, the_lock_ends_with_its_window)
{
	add_alice();
	fail_logins("alice", cheap_wrong(), "192.0.2.1", T0, LOGIN_NAME_FAILURES);
	cr_assert_eq(try_login("alice", PASSWORD, "192.0.2.1", T0 + LOGIN_WINDOW_SECONDS - 1, NULL), LOGIN_LOCKED);
	cr_assert_eq(try_login("alice", PASSWORD, "192.0.2.1", T0 + LOGIN_WINDOW_SECONDS, NULL), LOGIN_OK);
}

Test(domain_auth, a_successful_login_clears_the_names_failures)
{
	add_alice();
	fail_logins("alice", cheap_wrong(), "192.0.2.1", T0, LOGIN_NAME_FAILURES - 1);
	cr_assert_eq(try_login("alice", PASSWORD, "192.0.2.1", T0 + 1, NULL), LOGIN_OK);
	/* The full allowance again: without the reset the second would lock. */
	fail_logins("alice", cheap_wrong(), "192.0.2.1", T0 + 2, LOGIN_NAME_FAILURES);
	cr_assert_eq(try_login("alice", cheap_wrong(), "192.0.2.1", T0 + 2, NULL), LOGIN_LOCKED);
}


/* ---- visitors' CSRF tokens ---- */

Test(domain_auth, the_form_key_is_kept_in_the_database)
{
	unsigned char a[32], b[32], c[32];
	cr_assert_eq(auth_form_key_load(store, a), STORE_OK);
	cr_assert_eq(auth_form_key_load(store, b), STORE_OK);
	cr_assert_eq(memcmp(a, b, 32), 0);
	store_close(store);
	store = NULL;
	cr_assert_eq(store_open(db_path("a.db"), &store, &err), STORE_OK, "%s", buf_cstr(&err));
	cr_assert_eq(auth_form_key_load(store, c), STORE_OK);
	cr_assert_eq(memcmp(a, c, 32), 0, "a restart changed the key");
	static const unsigned char zero[32];
	cr_assert_neq(memcmp(a, zero, 32), 0);
}

Test(domain_auth, each_database_has_its_own_form_key)
{
	unsigned char a[32], b[32];
	cr_assert_eq(auth_form_key_load(store, a), STORE_OK);
	struct store *other;
	cr_assert_eq(store_open(db_path("other.db"), &other, &err), STORE_OK, "%s", buf_cstr(&err));
	cr_assert_eq(auth_form_key_load(other, b), STORE_OK);
	store_close(other);
	cr_assert_neq(memcmp(a, b, 32), 0);
}

Test(domain_auth, a_visitors_token_depends_on_the_visitor_and_the_key)
{
	unsigned char key[32], other_key[32];
	memset(key, 1, sizeof(key));
	memset(other_key, 2, sizeof(other_key));
	char v1[RANDOM_TOKEN_CHARS + 1], v2[RANDOM_TOKEN_CHARS + 1];
	auth_random_token(v1);
	auth_random_token(v2);
	cr_assert_eq(strlen(v1), RANDOM_TOKEN_CHARS);
	cr_assert_str_neq(v1, v2);
	char t1[CSRF_TOKEN_CHARS + 1], t1again[CSRF_TOKEN_CHARS + 1], t2[CSRF_TOKEN_CHARS + 1],
		t1other[CSRF_TOKEN_CHARS + 1];
	cr_assert(auth_visitor_csrf(key, v1, t1));
	cr_assert(auth_visitor_csrf(key, v1, t1again));
	cr_assert(auth_visitor_csrf(key, v2, t2));
	cr_assert(auth_visitor_csrf(other_key, v1, t1other));
	cr_assert_eq(strlen(t1), CSRF_TOKEN_CHARS);
	cr_assert_str_eq(t1, t1again);
	cr_assert_str_neq(t1, t2);
	cr_assert_str_neq(t1, t1other);
	cr_assert_str_neq(t1, v1, "the token is not the cookie");
	cr_assert(auth_csrf_ok(t1, t1again));
	cr_assert_not(auth_csrf_ok(t1, t2));
}

Test(domain_auth, malformed_visitor_ids_get_no_token)
{
	unsigned char key[32];
	memset(key, 1, sizeof(key));
	char ok[RANDOM_TOKEN_CHARS + 1];
	auth_random_token(ok);
	char short_id[RANDOM_TOKEN_CHARS], long_id[RANDOM_TOKEN_CHARS + 2];
	memcpy(short_id, ok, RANDOM_TOKEN_CHARS - 1);
	short_id[RANDOM_TOKEN_CHARS - 1] = '\0';
	memcpy(long_id, ok, RANDOM_TOKEN_CHARS);
	long_id[RANDOM_TOKEN_CHARS] = 'A';
	long_id[RANDOM_TOKEN_CHARS + 1] = '\0';
	char bad_chars[4][RANDOM_TOKEN_CHARS + 1];
	const char replacements[4] = { '+', '/', '=', ' ' };
	for (int i = 0; i < 4; i++) {
		memcpy(bad_chars[i], ok, sizeof(ok));
		bad_chars[i][7] = replacements[i];
	}
	const char *bad[] = { NULL, "", short_id, long_id, bad_chars[0], bad_chars[1], bad_chars[2], bad_chars[3] };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char out[CSRF_TOKEN_CHARS + 1] = "untouched";
		cr_assert_not(auth_visitor_csrf(key, bad[i], out), "case %zu", i);
	}
	/* 43 bytes, one of them part of a two-byte character. */
	char multibyte[RANDOM_TOKEN_CHARS + 1];
	memcpy(multibyte, ok, sizeof(ok));
	memcpy(multibyte + 10, "\xc3\xa9", 2);
	char out[CSRF_TOKEN_CHARS + 1];
	cr_assert_not(auth_visitor_csrf(key, multibyte, out));
	cr_assert(auth_visitor_csrf(key, ok, out));
}

Test(domain_auth, csrf_tokens_must_match_exactly)
{
	unsigned char key[32];
	memset(key, 7, sizeof(key));
	char v[RANDOM_TOKEN_CHARS + 1], t[CSRF_TOKEN_CHARS + 1];
	auth_random_token(v);
	cr_assert(auth_visitor_csrf(key, v, t));
	cr_assert(auth_csrf_ok(t, t));
	cr_assert_not(auth_csrf_ok(t, NULL));
	cr_assert_not(auth_csrf_ok(t, ""));
	cr_assert_not(auth_csrf_ok(NULL, t));
	cr_assert_not(auth_csrf_ok(NULL, NULL));
	cr_assert_not(auth_csrf_ok("", ""));
	for (size_t i = 0; i < CSRF_TOKEN_CHARS; i += 6) {
		char wrong[CSRF_TOKEN_CHARS + 1];
		memcpy(wrong, t, sizeof(wrong));
		wrong[i] = wrong[i] == 'A' ? 'B' : 'A';
		cr_assert_not(auth_csrf_ok(t, wrong), "differs at %zu", i);
	}
	char prefix[CSRF_TOKEN_CHARS];
	memcpy(prefix, t, CSRF_TOKEN_CHARS - 1);
	prefix[CSRF_TOKEN_CHARS - 1] = '\0';
	cr_assert_not(auth_csrf_ok(t, prefix));
	char longer[CSRF_TOKEN_CHARS + 2];
	memcpy(longer, t, CSRF_TOKEN_CHARS);
	longer[CSRF_TOKEN_CHARS] = 'A';
	longer[CSRF_TOKEN_CHARS + 1] = '\0';
	cr_assert_not(auth_csrf_ok(t, longer));
}


/* ---- found by the hostile review (issue 14) ---- */

Test(domain_auth, right_passwords_never_count_toward_the_address_limit)
{
	add_alice();
	/* More good logins from one address than it may fail. */
	for (int i = 0; i < LOGIN_ADDRESS_FAILURES + 3; i++)
		cr_assert_eq(try_login("alice", PASSWORD, "192.0.2.77", T0 + i, NULL), LOGIN_OK, "good login %d", i + 1);
	/* And its failures still count from zero. */
	fail_logins("bob", cheap_wrong(), "192.0.2.77", T0 + 100, LOGIN_NAME_FAILURES);
}

Test(domain_auth, malformed_names_count_against_their_own_address_only)
{
	/* One attempt with a name that cannot be an account from each of many
	 * addresses: they shared one key before, so the next address was locked. */
	for (int i = 0; i < LOGIN_NAME_FAILURES + 2; i++) {
		char ip[32];
		snprintf(ip, sizeof(ip), "198.51.100.%d", i + 1);
		cr_assert_eq(try_login("No Such Name!", cheap_wrong(), ip, T0, NULL), LOGIN_REFUSED, "address %d", i + 1);
	}
	cr_assert_eq(try_login("No Such Name!", cheap_wrong(), "203.0.113.9", T0, NULL), LOGIN_REFUSED,
		     "a new address is not locked by others' mistakes");
	/* Per address, the address limit still holds. */
	fail_logins("Also Bad!", cheap_wrong(), "203.0.113.10", T0, LOGIN_ADDRESS_FAILURES);
	cr_assert_eq(try_login("Also Bad!", cheap_wrong(), "203.0.113.10", T0, NULL), LOGIN_LOCKED);
}
