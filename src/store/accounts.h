/* accounts: staff accounts and their login sessions. */
#ifndef ZS_STORE_ACCOUNTS_H
#define ZS_STORE_ACCOUNTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* An editor account as stored. Strings in the arena of the call. */
struct user {
	int64_t id;
	const char *name;
	const char *role;          /* "editor" or "admin" */
	const char *password_hash; /* libsodium's crypto_pwhash_str form */
	bool disabled;
};

/* A session row, found by the hash of its token. */
struct session_row {
	int64_t user_id;
	const char *user_name;
	const char *role;
	unsigned char csrf[32];
	int64_t created_at, last_seen; /* unix seconds */
};

/* STORE_DUPLICATE when the name is taken. */
enum store_rc store_user_add(struct store *s, const char *name, const char *role, const char *password_hash)
	__attribute__((warn_unused_result));
enum store_rc store_user_by_name(struct store *s, const char *name, struct arena *arena, struct user *out)
	__attribute__((warn_unused_result));
/* Every account (password_hash left empty), by name. */
enum store_rc store_users_list(struct store *s, struct arena *arena, struct user **out, size_t *n)
	__attribute__((warn_unused_result));
/* Disables or re-enables an account; disabling ends its sessions.
 * STORE_NOT_FOUND for an unknown name. */
enum store_rc store_user_set_disabled(struct store *s, const char *name, bool disabled)
	__attribute__((warn_unused_result));

enum store_rc store_session_add(struct store *s, const unsigned char token_hash[32], int64_t user_id,
				const unsigned char csrf[32], int64_t now) __attribute__((warn_unused_result));
/* STORE_NOT_FOUND also when the user has been disabled. */
enum store_rc store_session_get(struct store *s, const unsigned char token_hash[32], struct arena *arena,
				struct session_row *out) __attribute__((warn_unused_result));
enum store_rc store_session_touch(struct store *s, const unsigned char token_hash[32], int64_t now)
	__attribute__((warn_unused_result));
enum store_rc store_session_delete(struct store *s, const unsigned char token_hash[32])
	__attribute__((warn_unused_result));

#endif
