/* domain: the one way a workflow's transaction ends. */
#include "domain/domain.h"

#include <inttypes.h>
#include <stdio.h>

#include "store/audit.h"

const char *domain_target(char out[DOMAIN_TARGET_SIZE], const char *kind, int64_t id)
{
	snprintf(out, DOMAIN_TARGET_SIZE, "%s:%" PRId64, kind, id);
	return out;
}

enum store_rc domain_finish(struct store *s, enum store_rc rc, const struct change *c)
{
	if (rc == STORE_OK && c->who &&
	    store_audit_add(s, c->now, c->who->user_id, c->who->name, c->action, c->target, c->detail) != STORE_OK)
		rc = STORE_ERROR;
	if (rc == STORE_OK && store_commit(s) == STORE_OK)
		return STORE_OK;
	store_rollback(s);
	return rc == STORE_OK ? STORE_ERROR : rc;
}
