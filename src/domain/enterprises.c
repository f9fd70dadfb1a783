/* enterprises: registration, edit links and review, one transaction each. */
#include "domain/enterprises.h"

#include "content/enterprise.h"

/* How the audit log names an enterprise acting through its edit link (it
 * has no account); the detail says from where. */
static const struct actor by_link = { 0, "（企业，经修改链接）" };

enum store_rc enterprises_register(struct store *s, const struct field_values *values, const char *client_ip,
				   int64_t now, char token[RANDOM_TOKEN_CHARS + 1], int64_t *id)
{
	struct enterprise e = enterprise_from_values(values, client_ip);
	unsigned char hashed[32];
	auth_random_token(token);
	auth_token_hash(token, hashed);
	enum store_rc rc = store_begin(s);
	if (rc == STORE_OK)
		rc = store_enterprise_insert(s, &e, hashed, now, id);
	/* The enterprise's own registration: staff decide it, audited then. */
	return domain_finish(s, rc, &(struct change){ .now = now });
}

enum store_rc enterprises_by_link(struct store *s, const char *token, struct arena *arena, struct enterprise *out)
{
	if (!auth_token_shaped(token))
		return STORE_NOT_FOUND;
	unsigned char hashed[32];
	auth_token_hash(token, hashed);
	return store_enterprise_by_token(s, hashed, arena, out);
}

/* An approved enterprise's change: filed beside its public revision, or
 * dropped when it comes back to what is public. */
static enum store_rc file_edit(struct store *s, const struct enterprise *current, const struct enterprise *changed,
			       int64_t now, enum enterprise_edit_result *result)
{
	if (enterprise_changes(current, changed, NULL) == 0) {
		*result = ENTERPRISE_EDIT_WITHDRAWN;
		return store_enterprise_edit_drop(s, current->id);
	}
	*result = ENTERPRISE_EDIT_QUEUED;
	/* Sent again as it waits: the revision staff have open stays right. */
	struct arena *arena = arena_new();
	struct enterprise waiting;
	enum store_rc rc = store_enterprise_edit_get(s, current->id, arena, &waiting);
	bool same = rc == STORE_OK && waiting.status == REVIEW_PENDING && enterprise_changes(&waiting, changed, NULL) == 0;
	arena_free(arena);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return rc;
	int64_t revision;
	return same ? STORE_OK : store_enterprise_edit_save(s, changed, now, &revision);
}

enum store_rc enterprises_edit(struct store *s, const char *token, const struct field_values *values,
			       const char *client_ip, int64_t now, enum enterprise_edit_result *result)
{
	struct arena *arena = arena_new();
	struct enterprise current;
	char target[DOMAIN_TARGET_SIZE] = "";
	*result = ENTERPRISE_EDIT_SAVED;
	enum store_rc rc = store_begin(s);
	if (rc == STORE_OK)
		rc = enterprises_by_link(s, token, arena, &current);
	if (rc == STORE_OK) {
		struct enterprise changed = enterprise_from_values(values, current.client_ip);
		changed.id = current.id;
		domain_target(target, "enterprise", current.id);
		if (current.status == REVIEW_APPROVED) {
			changed.client_ip = client_ip;
			rc = file_edit(s, &current, &changed, now, result);
		} else {
			rc = store_enterprise_update(s, &changed, now);
		}
	}
	rc = domain_finish(s, rc,
			   &(struct change){ &by_link, now, "enterprise.edit", target, client_ip });
	arena_free(arena);
	return rc;
}

enum store_rc enterprises_replace_link(struct store *s, const char *token, const char *client_ip, int64_t now,
				       char fresh[RANDOM_TOKEN_CHARS + 1])
{
	struct arena *arena = arena_new();
	struct enterprise e;
	unsigned char old_hash[32], new_hash[32];
	char target[DOMAIN_TARGET_SIZE] = "";
	auth_random_token(fresh);
	auth_token_hash(fresh, new_hash);
	enum store_rc rc = store_begin(s);
	if (rc == STORE_OK)
		rc = enterprises_by_link(s, token, arena, &e);
	if (rc == STORE_OK) {
		domain_target(target, "enterprise", e.id);
		auth_token_hash(token, old_hash);
		rc = store_enterprise_token_replace(s, old_hash, new_hash);
	}
	rc = domain_finish(s, rc, &(struct change){ &by_link, now, "enterprise.link", target, client_ip });
	arena_free(arena);
	return rc;
}

/* The enterprise first in the review queue, or 0 (into *next). */
static enum store_rc queue_head(struct store *s, int64_t *next)
{
	struct arena *arena = arena_new();
	struct enterprise_review *items;
	size_t n;
	int64_t total;
	enum store_rc rc = store_enterprise_queue(s, 0, 1, arena, &items, &n, &total);
	*next = rc == STORE_OK && n ? items[0].current.id : 0;
	arena_free(arena);
	return rc;
}

enum store_rc enterprises_decide(struct store *s, int64_t id, int64_t revision, enum review_status status,
				 const char *reason, const struct actor *who, int64_t now, struct enterprise_decision *out)
{
	struct arena *arena = arena_new();
	struct enterprise e;
	struct enterprise_decision d = { 0 };
	char target[DOMAIN_TARGET_SIZE];
	enum store_rc rc = store_begin(s);
	if (rc == STORE_OK)
		rc = store_enterprise_get(s, id, arena, &e);
	if (rc == STORE_OK && e.status == REVIEW_APPROVED) {
		d.edit = true;
		rc = status == REVIEW_APPROVED ? store_enterprise_edit_approve(s, id, revision, now)
					       : store_enterprise_edit_reject(s, id, revision, reason, now);
	} else if (rc == STORE_OK) {
		rc = store_enterprise_decide(s, id, revision, status, reason, now);
	}
	if (rc == STORE_OK)
		rc = queue_head(s, &d.next);
	static const char *const actions[2][2] = { { "enterprise.reject", "enterprise.approve" },
						   { "enterprise.reject_edit", "enterprise.approve_edit" } };
	const char *action = actions[d.edit][status == REVIEW_APPROVED];
	rc = domain_finish(s, rc, &(struct change){ who, now, action, domain_target(target, "enterprise", id), reason });
	arena_free(arena);
	if (out)
		*out = d;
	return rc;
}
