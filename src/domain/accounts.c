/* accounts: account changes, each with its audit record. */
#include "domain/accounts.h"

#include <sodium.h>
#include <stdio.h>

#include "store/accounts.h"

/* "user:NAME", the audit log's name for an account. */
static const char *user_target(char out[DOMAIN_TARGET_SIZE], const char *name)
{
	snprintf(out, DOMAIN_TARGET_SIZE, "user:%s", name);
	return out;
}

enum store_rc accounts_add(struct store *s, const struct new_user *u, const struct actor *who, int64_t now,
			   struct buf *err)
{
	char target[DOMAIN_TARGET_SIZE];
	enum store_rc rc = store_begin(s);
	if (rc == STORE_OK)
		rc = store_user_add(s, u->name, role_names[u->role], u->hash);
	rc = domain_finish(s, rc, &(struct change){ who, now, "user.add", user_target(target, u->name), NULL });
	if (rc == STORE_DUPLICATE)
		buf_printf(err, "用户名“%s”已被使用", u->name);
	else if (rc != STORE_OK)
		buf_puts(err, "写入数据库失败");
	return rc;
}

enum store_rc accounts_create(struct store *s, struct str name, enum role role, struct str password,
			      const struct actor *who, int64_t now, struct buf *err)
{
	struct new_user u;
	enum store_rc rc = auth_new_user(name, role, password, &u, err) == 0 ? accounts_add(s, &u, who, now, err)
									     : STORE_INVALID;
	sodium_memzero(&u, sizeof(u));
	return rc;
}

enum store_rc accounts_set_disabled(struct store *s, const char *name, bool disabled, const struct actor *who,
				    int64_t now)
{
	char target[DOMAIN_TARGET_SIZE];
	enum store_rc rc = store_begin(s);
	if (rc == STORE_OK)
		rc = store_user_set_disabled(s, name, disabled);
	return domain_finish(s, rc,
			     &(struct change){ who, now, disabled ? "user.disable" : "user.enable",
					       user_target(target, name), NULL });
}
