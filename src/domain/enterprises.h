/* enterprises: an enterprise's registration (企业入驻), its private edit
 * link, its own edits and the staff's decision. */
#ifndef ZS_DOMAIN_ENTERPRISES_H
#define ZS_DOMAIN_ENTERPRISES_H

#include <stdint.h>

#include "content/fields.h"
#include "domain/auth.h"
#include "domain/domain.h"
#include "store/enterprises.h"

/* Stores a pending registration from values checked by enterprise_check.
 * On STORE_OK, token holds its private edit link's key (never stored in
 * the clear: show it once) and *id its id. STORE_DUPLICATE when the credit
 * code is registered already (pending or approved). */
enum store_rc enterprises_register(struct store *s, const struct field_values *values, const char *client_ip,
				   int64_t now, char token[RANDOM_TOKEN_CHARS + 1], int64_t *id)
	__attribute__((warn_unused_result));

/* The enterprise whose edit link has key token (strings in arena);
 * STORE_NOT_FOUND for any other string. */
enum store_rc enterprises_by_link(struct store *s, const char *token, struct arena *arena, struct enterprise *out)
	__attribute__((warn_unused_result));

/* What became of an enterprise's own change (enterprises_edit). */
enum enterprise_edit_result {
	ENTERPRISE_EDIT_SAVED,     /* a registration not yet approved, changed in place: back to review */
	ENTERPRISE_EDIT_QUEUED,    /* an approved enterprise's change, waiting for review beside its
				    * approved revision, which stays public */
	ENTERPRISE_EDIT_WITHDRAWN, /* the same as the approved revision: the edit waiting (if any) is
				    * dropped, nothing is left to review */
};

/* The enterprise's own change through the link with key token (values as
 * for enterprises_register), into *result. Audited with the client's
 * address. STORE_NOT_FOUND when the link no longer works, STORE_DUPLICATE
 * when the new credit code belongs to another enterprise or waits in
 * another's edit. Public pages change only when staff approve. */
enum store_rc enterprises_edit(struct store *s, const char *token, const struct field_values *values,
			       const char *client_ip, int64_t now, enum enterprise_edit_result *result)
	__attribute__((warn_unused_result));

/* Replaces the edit link with key token by a new one (into fresh): the old
 * one stops working at once. STORE_NOT_FOUND when it was replaced
 * meanwhile. */
enum store_rc enterprises_replace_link(struct store *s, const char *token, const char *client_ip, int64_t now,
				       char fresh[RANDOM_TOKEN_CHARS + 1]) __attribute__((warn_unused_result));

/* What a staff decision was about, and what waits after it. */
struct enterprise_decision {
	bool edit;    /* an approved enterprise's edit, not a registration */
	int64_t next; /* the enterprise first in the review queue now, or 0 when it is empty */
};

/* Staff decide what enterprise id has waiting at the revision they saw —
 * its registration, or, once approved, its edit: approved (an edit then
 * replaces the public revision), or rejected with a reason the enterprise
 * will see (a rejected edit leaves the public revision as it was). Into
 * *out (unless NULL). STORE_NOT_FOUND when nothing waits at that revision
 * (decided already, or edited since); STORE_DUPLICATE when an edit's
 * credit code is held by another enterprise. */
enum store_rc enterprises_decide(struct store *s, int64_t id, int64_t revision, enum review_status status,
				 const char *reason, const struct actor *who, int64_t now, struct enterprise_decision *out)
	__attribute__((warn_unused_result));

#endif
