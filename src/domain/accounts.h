/* accounts: creating staff accounts, and admins disabling and re-enabling
 * them. */
#ifndef ZS_DOMAIN_ACCOUNTS_H
#define ZS_DOMAIN_ACCOUNTS_H

#include <stdbool.h>
#include <stdint.h>

#include "domain/auth.h"
#include "domain/domain.h"
#include "util/buf.h"
#include "util/str.h"

/* Stores the account u (checked and hashed by auth_new_user), audited as
 * who's when who is set (the command line adds accounts unaudited).
 * STORE_DUPLICATE when the name is taken; err says so, in Chinese, for
 * that and for STORE_ERROR. */
enum store_rc accounts_add(struct store *s, const struct new_user *u, const struct actor *who, int64_t now,
			   struct buf *err) __attribute__((warn_unused_result));

/* Both: checks name and password (STORE_INVALID with err when wrong),
 * hashes the password before the transaction, and adds the account as
 * accounts_add does. */
enum store_rc accounts_create(struct store *s, struct str name, enum role role, struct str password,
			      const struct actor *who, int64_t now, struct buf *err) __attribute__((warn_unused_result));

/* Disables an account, ending its sessions, or enables it again.
 * STORE_NOT_FOUND for an unknown name. */
enum store_rc accounts_set_disabled(struct store *s, const char *name, bool disabled, const struct actor *who,
				    int64_t now) __attribute__((warn_unused_result));

#endif
