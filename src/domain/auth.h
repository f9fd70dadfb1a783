/* auth: signing in — Argon2id passwords, login sessions, throttled attempts
 * — and the random tokens and CSRF checks the forms rely on.
 *
 * A session is a random 256-bit token, sent to the browser as a cookie and
 * stored only as its BLAKE2b hash. It ends after SESSION_IDLE_SECONDS
 * without use or SESSION_MAX_SECONDS after login, whichever comes first,
 * and on logout; logging in always makes a new token (the old one, if any,
 * ends), so a token planted before login is worthless after it. Each
 * session has its own CSRF secret for the forms it may post. */
#ifndef ZS_DOMAIN_AUTH_H
#define ZS_DOMAIN_AUTH_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/str.h"

enum {
	AUTH_NAME_MAX_CHARS = 32,
	AUTH_PASSWORD_MIN_CHARS = 10,
	AUTH_PASSWORD_MAX_BYTES = 128,
	SESSION_IDLE_SECONDS = 2 * 3600,
	SESSION_MAX_SECONDS = 12 * 3600,
	SESSION_TOKEN_CHARS = 43, /* 32 bytes, base64url without padding */
	CSRF_TOKEN_CHARS = 43,
};

enum role { ROLE_EDITOR, ROLE_ADMIN, ROLE__MAX };
extern const char *const role_names[ROLE__MAX]; /* "editor", "admin" */
/* The role called name, or ROLE__MAX for none (and for NULL). */
enum role auth_role_from_name(const char *name);

/* Account names: 1..32 of a-z 0-9 . _ -, not starting with a dot (they
 * appear in URLs and logs).
 * On failure returns -1 with a Chinese sentence in err. */
int auth_check_name(struct str name, struct buf *err) __attribute__((warn_unused_result));
/* Passwords: valid UTF-8, 10 characters at least, 128 bytes at most. */
int auth_check_password(struct str password, struct buf *err) __attribute__((warn_unused_result));

enum { AUTH_HASH_BYTES = 128 }; /* an Argon2id hash in libsodium's string form */

/* An account about to be created: its checked name and its password hash. */
struct new_user {
	char name[AUTH_NAME_MAX_CHARS + 1];
	enum role role;
	char hash[AUTH_HASH_BYTES];
};

/* Checks name and password and hashes the password (about 60 ms and
 * 64 MiB: do it outside any transaction); -1 with a Chinese message. The
 * account is stored by accounts_add (domain/accounts.h). */
int auth_new_user(struct str name, enum role role, struct str password, struct new_user *out, struct buf *err)
	__attribute__((warn_unused_result));

struct session {
	int64_t user_id;
	const char *user_name;
	enum role role;
	char csrf_token[CSRF_TOKEN_CHARS + 1]; /* for the hidden csrf_token field */
};

enum login_result {
	LOGIN_OK,
	LOGIN_REFUSED, /* wrong name or password, or a disabled account: not said which */
	LOGIN_LOCKED,  /* too many failures for this name or from this address */
	LOGIN_ERROR,   /* the database failed; logged */
};

/* Failed login attempts allowed in a window of LOGIN_WINDOW_SECONDS from
 * the first: per account name from one address, per name from anywhere,
 * and per address (a name that cannot be an account counts only against
 * its address). A name locks alike whether or not the account exists, so
 * a lock says nothing about who exists; past a limit every attempt is
 * LOGIN_LOCKED, even with the right password, until the window ends. Only
 * failures count: a successful login forgives the name's count, and does
 * not count toward the address's. */
enum {
	LOGIN_NAME_FAILURES = 10,
	LOGIN_NAME_ANYWHERE_FAILURES = 100,
	LOGIN_ADDRESS_FAILURES = 50,
	LOGIN_WINDOW_SECONDS = 15 * 60,
};

struct login_attempt {
	struct str name, password;
	const char *old_token; /* the browser's current session token, or NULL */
	const char *address; /* the client, as rate limits count it */
	int64_t now;
};

/* Checks the attempt's name and password and, if right, ends the old
 * session and starts a new one, whose token is written to token
 * (NUL-terminated). Takes the same time whether or not the name exists,
 * so timing does not tell. On LOGIN_LOCKED, *retry_after is how many
 * seconds remain. */
enum login_result auth_login(struct store *s, const struct login_attempt *a, char token[SESSION_TOKEN_CHARS + 1],
			     int64_t *retry_after) __attribute__((warn_unused_result));

/* The session of token at time now: STORE_OK and *out filled (strings in
 * arena), its idle clock restarted; STORE_NOT_FOUND for an unknown, expired
 * (then deleted) or malformed token, or a disabled account. */
enum store_rc auth_session(struct store *s, const char *token, int64_t now, struct arena *arena,
			   struct session *out) __attribute__((warn_unused_result));

/* Ends token's session (logout). Unknown tokens are ignored. */
void auth_logout(struct store *s, const char *token);

/* Forms posted by visitors who are not signed in (the submission form, the
 * login form) are bound to a random visitor id kept in a cookie: their
 * CSRF token is an HMAC of it under a server secret, so a page on another
 * site can neither read nor compute it. */
enum { RANDOM_TOKEN_CHARS = 43 };

/* A new random token: 256 bits, base64url (visitor ids, edit links). */
void auth_random_token(char out[RANDOM_TOKEN_CHARS + 1]);
/* How such a token is stored: its BLAKE2b-256 hash (sessions, edit links),
 * so a copy of the database opens no doors. */
void auth_token_hash(const char *token, unsigned char out[32]);
/* True when token has the shape auth_random_token gives. */
bool auth_token_shaped(const char *token);

/* The server's secret for visitors' tokens, made on first use and kept in
 * the database so that every thread and a restart agree. */
enum store_rc auth_form_key_load(struct store *s, unsigned char key[32]) __attribute__((warn_unused_result));

/* The CSRF token for visitor's forms; false when visitor is not an id
 * auth_random_token could have made. */
bool auth_visitor_csrf(const unsigned char key[32], const char *visitor, char out[CSRF_TOKEN_CHARS + 1]);

/* True when submitted equals the expected token (constant time). */
bool auth_csrf_ok(const char *expected, const char *submitted);

#endif
