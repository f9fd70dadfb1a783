/* review: what happens to a news submission — it comes in, editors edit it,
 * approve it (it becomes an article at once) or reject it; every editor's
 * action is written to the audit log in the same transaction. */
#ifndef ZS_MODERATION_REVIEW_H
#define ZS_MODERATION_REVIEW_H

#include "auth/auth.h"
#include "content/fields.h"
#include "content/submission.h"
#include "store/store.h"

/* Stores a submission from values checked against submission_fields,
 * pending, with its nearest duplicate found. On STORE_OK code holds its
 * tracking code and *id its id; it is committed (durable) on return. */
enum store_rc review_submit(struct store *s, const struct field_values *values, const char *client_ip, int64_t now,
			    char code[SUBMISSION_CODE_CHARS + 1], int64_t *id) __attribute__((warn_unused_result));

/* An editor's change to a pending submission's editable fields (values
 * checked against the first SUBMISSION_EDITABLE submission_fields).
 * STORE_NOT_FOUND when it is not there or no longer pending. */
enum store_rc review_edit(struct store *s, int64_t id, const struct field_values *values, const struct session *who,
			  int64_t now) __attribute__((warn_unused_result));

/* Publishes a pending submission as an article dated today (Shanghai
 * time). STORE_NOT_FOUND when it is not pending; STORE_DUPLICATE when the
 * same article exists; STORE_ERROR with a Chinese sentence in err when it
 * is not a valid article or the database failed. */
enum store_rc review_approve(struct store *s, int64_t id, const struct session *who, int64_t now,
			     int64_t *article_id, struct buf *err) __attribute__((warn_unused_result));

/* Rejects a pending submission with a reason the contributor will see. */
enum store_rc review_reject(struct store *s, int64_t id, const char *reason, const struct session *who,
			    int64_t now) __attribute__((warn_unused_result));

#endif
