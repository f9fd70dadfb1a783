/* submissions: a news submission's way — it comes in, editors edit it,
 * approve it (it becomes an article at once) or reject it. */
#ifndef ZS_DOMAIN_SUBMISSIONS_H
#define ZS_DOMAIN_SUBMISSIONS_H

#include <stdint.h>

#include "content/fields.h"
#include "content/submission.h"
#include "domain/domain.h"
#include "util/buf.h"

/* Stores a submission from values checked against submission_fields,
 * pending, with its nearest duplicate found. On STORE_OK code holds its
 * tracking code and *id its id; it is committed (durable) on return. */
enum store_rc submissions_submit(struct store *s, const struct field_values *values, const char *client_ip,
				 int64_t now, char code[SUBMISSION_CODE_CHARS + 1], int64_t *id)
	__attribute__((warn_unused_result));

/* An editor's change to a pending submission's editable fields (values
 * checked against the first SUBMISSION_EDITABLE submission_fields).
 * STORE_NOT_FOUND when it is not there or no longer pending. */
enum store_rc submissions_edit(struct store *s, int64_t id, const struct field_values *values,
			       const struct actor *who, int64_t now) __attribute__((warn_unused_result));

/* Publishes a pending submission as an article dated today (Shanghai
 * time); *next (unless NULL) gets the submission first in the queue after
 * it, or 0 when none waits. STORE_NOT_FOUND when it is not pending;
 * STORE_DUPLICATE when the same article exists; STORE_INVALID with a
 * Chinese sentence in err when it is not a valid article. */
enum store_rc submissions_approve(struct store *s, int64_t id, const struct actor *who, int64_t now,
				  int64_t *article_id, struct buf *err, int64_t *next) __attribute__((warn_unused_result));

/* Rejects a pending submission with a reason the contributor will see;
 * *next as for submissions_approve. */
enum store_rc submissions_reject(struct store *s, int64_t id, const char *reason, const struct actor *who,
				 int64_t now, int64_t *next) __attribute__((warn_unused_result));

#endif
