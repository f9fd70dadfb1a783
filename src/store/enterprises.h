/* enterprises: enterprise registrations (企业入驻) and the directory of the
 * approved ones. */
#ifndef ZS_STORE_ENTERPRISES_H
#define ZS_STORE_ENTERPRISES_H

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
/* Saves the enterprise's own changes (by id); it goes back to pending.
 * STORE_DUPLICATE when the new credit code belongs to another. */
enum store_rc store_enterprise_update(struct store *s, const struct enterprise *e, int64_t now)
	__attribute__((warn_unused_result));
/* Moves a pending registration at revision to status; STORE_NOT_FOUND
 * when it is not pending or has been edited since (another revision). */
enum store_rc store_enterprise_decide(struct store *s, int64_t id, int64_t revision, enum review_status status,
				      const char *reason, int64_t now) __attribute__((warn_unused_result));
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
