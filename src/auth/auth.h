/* auth: editor accounts (Argon2id passwords) and their login sessions.
 *
 * A session is a random 256-bit token, sent to the browser as a cookie and
 * stored only as its BLAKE2b hash. It ends after SESSION_IDLE_SECONDS
 * without use or SESSION_MAX_SECONDS after login, whichever comes first,
 * and on logout; logging in always makes a new token (the old one, if any,
 * ends), so a token planted before login is worthless after it. Each
 * session has its own CSRF secret for the forms it may post. */
#ifndef ZS_AUTH_AUTH_H
#define ZS_AUTH_AUTH_H

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

/* Account names: 1..32 of a-z 0-9 . _ - (they appear in URLs and logs).
 * On failure returns -1 with a Chinese sentence in err. */
int auth_check_name(struct str name, struct buf *err) __attribute__((warn_unused_result));
/* Passwords: valid UTF-8, 10 characters at least, 128 bytes at most. */
int auth_check_password(struct str password, struct buf *err) __attribute__((warn_unused_result));

/* Creates an account after checking name and password; -1 with a Chinese
 * message in err (a taken name included). */
int auth_user_add(struct store *s, struct str name, enum role role, struct str password, struct buf *err)
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
	LOGIN_ERROR,   /* the database failed; logged */
};

/* Checks name and password at time now and, if right, ends old_token's
 * session (may be NULL) and starts a new one, whose token is written to
 * token (NUL-terminated). Takes the same time whether or not the name
 * exists, so timing does not tell. */
enum login_result auth_login(struct store *s, struct str name, struct str password, const char *old_token,
			     int64_t now, char token[SESSION_TOKEN_CHARS + 1]) __attribute__((warn_unused_result));

/* The session of token at time now: STORE_OK and *out filled (strings in
 * arena), its idle clock restarted; STORE_NOT_FOUND for an unknown, expired
 * (then deleted) or malformed token, or a disabled account. */
enum store_rc auth_session(struct store *s, const char *token, int64_t now, struct arena *arena,
			   struct session *out) __attribute__((warn_unused_result));

/* Ends token's session (logout). Unknown tokens are ignored. */
void auth_logout(struct store *s, const char *token);

/* True when submitted is the session's CSRF token (constant time). */
bool auth_csrf_ok(const struct session *session, const char *submitted);

#endif
