/* enterprises: enterprise registrations (企业入驻) and the directory of the
 * approved ones. */
#ifndef ZS_STORE_ENTERPRISES_H
#define ZS_STORE_ENTERPRISES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* An enterprise as stored. Strings in the arena of the call; optional ones
 * NULL when empty. */
struct enterprise {
	int64_t id;
	const char *name, *credit_code;
	const char *industry;  /* a sector slug (content/sector.h) */
	const char *district;  /* a district slug or "outside" */
	const char *seeking;   /* comma-joined choices, "" for none */
	const char *description, *website;
	const char *contact_name, *phone, *email;
	enum review_status status;
	const char *reason;    /* why it was rejected */
	const char *client_ip;
	int64_t created_at, updated_at;
	int64_t revision;      /* counts the enterprise's own edits */
};

/* Stores a pending registration with the hash of its edit token.
 * STORE_DUPLICATE when its credit code is held by a pending or approved
 * registration; a rejected one's place is taken (its link stops working). */
enum store_rc store_enterprise_insert(struct store *s, const struct enterprise *e, const unsigned char token_hash[32],
				      int64_t now, int64_t *id) __attribute__((warn_unused_result));
enum store_rc store_enterprise_get(struct store *s, int64_t id, struct arena *arena, struct enterprise *out)
	__attribute__((warn_unused_result));
enum store_rc store_enterprise_by_token(struct store *s, const unsigned char token_hash[32], struct arena *arena,
					struct enterprise *out) __attribute__((warn_unused_result));
/* Replaces an enterprise's edit link: the one hashed old_hash stops
 * working. STORE_NOT_FOUND when no enterprise has it (any more). */
enum store_rc store_enterprise_token_replace(struct store *s, const unsigned char old_hash[32],
					     const unsigned char new_hash[32]) __attribute__((warn_unused_result));
/* Saves the enterprise's own changes (by id) to a registration not yet
 * approved; it goes back to pending. STORE_DUPLICATE when the new credit
 * code belongs to another enterprise or another's edit waiting for review. */
enum store_rc store_enterprise_update(struct store *s, const struct enterprise *e, int64_t now)
	__attribute__((warn_unused_result));
/* Moves a pending registration at revision to status; STORE_NOT_FOUND
 * when it is not pending or has been edited since (another revision). */
enum store_rc store_enterprise_decide(struct store *s, int64_t id, int64_t revision, enum review_status status,
				      const char *reason, int64_t now) __attribute__((warn_unused_result));
/* ---- an approved enterprise's own edits (migration 14) ----
 * An approved enterprise that changes its record keeps its approved
 * revision public; the change waits beside it as its one edit — pending,
 * or rejected with a reason until it edits again — as a struct enterprise
 * whose id is the enterprise's, status REVIEW_PENDING or REVIEW_REJECTED
 * and revision the edit's own: one past the public revision, or past the
 * edit it replaced. Nothing here changes what public pages show but
 * store_enterprise_edit_approve. */

/* Files e (e->id an approved enterprise; e->client_ip where it came from)
 * as that enterprise's pending edit, replacing its pending or rejected
 * one; *revision gets the edit's. STORE_DUPLICATE when the credit code
 * belongs to another enterprise or another's pending edit;
 * STORE_NOT_FOUND when the enterprise is not approved. */
enum store_rc store_enterprise_edit_save(struct store *s, const struct enterprise *e, int64_t now, int64_t *revision)
	__attribute__((warn_unused_result));
/* The enterprise's edit, pending or rejected; STORE_NOT_FOUND for none. */
enum store_rc store_enterprise_edit_get(struct store *s, int64_t id, struct arena *arena, struct enterprise *out)
	__attribute__((warn_unused_result));
/* Drops the enterprise's edit, if it has one. */
enum store_rc store_enterprise_edit_drop(struct store *s, int64_t id) __attribute__((warn_unused_result));
/* Makes the pending edit at revision the public revision (its fields, its
 * revision, updated now) and drops it. STORE_NOT_FOUND when there is no
 * pending edit at revision; STORE_DUPLICATE when its credit code is held
 * by another enterprise (nothing written). */
enum store_rc store_enterprise_edit_approve(struct store *s, int64_t id, int64_t revision, int64_t now)
	__attribute__((warn_unused_result));
/* Rejects the pending edit at revision with reason; the public revision
 * stays. STORE_NOT_FOUND when there is no pending edit at revision. */
enum store_rc store_enterprise_edit_reject(struct store *s, int64_t id, int64_t revision, const char *reason,
					   int64_t now) __attribute__((warn_unused_result));

/* One item of the review queue: a registration waiting for its first
 * decision, or an approved enterprise's edit waiting beside it. */
struct enterprise_review {
	struct enterprise current; /* the registration, or the public revision */
	bool has_edit;
	struct enterprise edit;    /* when has_edit: what is waiting */
};

/* One page of the review queue, the most recently sent first; *total
 * counts all pages. */
enum store_rc store_enterprise_queue(struct store *s, int64_t offset, int limit, struct arena *arena,
				     struct enterprise_review **out, size_t *n, int64_t *total)
	__attribute__((warn_unused_result));

/* Calls each for every enterprise in status, by id, in one consistent
 * read; each returns non-zero to stop. The enterprise lives during the call. */
enum store_rc store_enterprises_each(struct store *s, enum review_status status,
				     int (*each)(void *ctx, const struct enterprise *e), void *ctx)
	__attribute__((warn_unused_result));

struct enterprise_filter {
	enum review_status status;
	const char *match;    /* an FTS5 expression (search/query.h) over name and description, or NULL */
	const char *district, *industry, *seeking; /* or NULL */
};

/* One page of enterprises: by relevance when matching, else the most
 * recently updated first; *total counts all pages. */
enum store_rc store_enterprises_list(struct store *s, const struct enterprise_filter *f, int64_t offset, int limit,
				     struct arena *arena, struct enterprise **out, size_t *n, int64_t *total)
	__attribute__((warn_unused_result));

#endif
