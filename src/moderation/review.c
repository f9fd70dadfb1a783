/* review: the submission workflow over the store, one transaction per step. */
#include "moderation/review.h"

#include <inttypes.h>
#include <string.h>
#include <stdio.h>
#include <time.h>

#include "content/article.h"
#include "store/articles.h"
#include "store/audit.h"
#include "store/submissions.h"
#include "text/simhash.h"
#include "util/date.h"

enum { SUBMIT_CODE_ATTEMPTS = 4 }; /* a clash in 2^50 codes is rare; four in a row is a broken RNG */

/* Fills the fingerprint and nearest duplicate of sub's text. */
static enum store_rc find_near(struct store *s, struct submission *sub)
{
	sub->simhash = simhash_article(str_from(sub->title), str_from(sub->body));
	return store_near_duplicates(s, sub->simhash, SIMHASH_NEAR_DISTANCE, sub->id, &sub->near_article_id,
				     &sub->near_submission_id, &sub->near_distance);
}

enum store_rc review_submit(struct store *s, const struct field_values *values, const char *client_ip, int64_t now,
			    char code[SUBMISSION_CODE_CHARS + 1], int64_t *id)
{
	struct submission sub = {
		.title = values->value[SUB_TITLE],
		.body = values->value[SUB_BODY],
		.district = values->value[SUB_DISTRICT],
		.industry = values->value[SUB_INDUSTRY],
		.source = values->value[SUB_SOURCE],
		.contributor = values->value[SUB_CONTRIBUTOR],
		.contact = values->value[SUB_CONTACT],
		.client_ip = client_ip,
		.tracking_code = code,
	};
	if (store_begin(s) != STORE_OK)
		return STORE_ERROR;
	enum store_rc rc = find_near(s, &sub);
	for (int i = 0; rc == STORE_OK && i < SUBMIT_CODE_ATTEMPTS; i++) {
		submission_new_code(code);
		rc = store_submission_insert(s, &sub, now, id);
		if (rc != STORE_DUPLICATE)
			break;
	}
	if (rc == STORE_OK && store_commit(s) == STORE_OK)
		return STORE_OK;
	store_rollback(s);
	return STORE_ERROR;
}

static enum store_rc audit(struct store *s, int64_t now, const struct session *who, const char *action, int64_t id,
			   const char *detail)
{
	char target[40];
	snprintf(target, sizeof(target), "submission:%" PRId64, id);
	return store_audit_add(s, now, who->user_id, who->user_name, action, target, detail);
}

/* Commits when rc is STORE_OK, else rolls back; returns the outcome. */
static enum store_rc finish(struct store *s, enum store_rc rc)
{
	if (rc == STORE_OK && store_commit(s) == STORE_OK)
		return STORE_OK;
	store_rollback(s);
	return rc == STORE_OK ? STORE_ERROR : rc;
}

enum store_rc review_edit(struct store *s, int64_t id, const struct field_values *values, const struct session *who,
			  int64_t now)
{
	struct arena *arena = arena_new();
	struct submission sub;
	if (store_begin(s) != STORE_OK) {
		arena_free(arena);
		return STORE_ERROR;
	}
	enum store_rc rc = store_submission_get(s, id, arena, &sub);
	if (rc == STORE_OK) {
		sub.title = values->value[SUB_TITLE];
		sub.body = values->value[SUB_BODY];
		sub.district = values->value[SUB_DISTRICT];
		sub.industry = values->value[SUB_INDUSTRY];
		sub.source = values->value[SUB_SOURCE];
		rc = find_near(s, &sub);
	}
	if (rc == STORE_OK)
		rc = store_submission_update(s, &sub, now);
	if (rc == STORE_OK)
		rc = audit(s, now, who, "submission.edit", id, sub.title);
	rc = finish(s, rc);
	arena_free(arena);
	return rc;
}

enum store_rc review_approve(struct store *s, int64_t id, const struct session *who, int64_t now,
			     int64_t *article_id, struct buf *err)
{
	struct arena *arena = arena_new();
	struct submission sub;
	struct article a;
	char date[DATE_DAY_SIZE];
	date_shanghai_day(now, date);
	if (store_begin(s) != STORE_OK) {
		arena_free(arena);
		buf_puts(err, "数据库暂时不可用。");
		return STORE_ERROR;
	}
	enum store_rc rc = store_submission_get(s, id, arena, &sub);
	if (rc == STORE_OK && sub.status != REVIEW_PENDING)
		rc = STORE_NOT_FOUND;
	if (rc == STORE_OK && submission_to_article(&sub, date, arena, &a, err) < 0)
		rc = STORE_ERROR;
	if (rc == STORE_OK)
		rc = store_article_insert(s, &a, article_id);
	if (rc == STORE_OK)
		rc = store_submission_decide(s, id, REVIEW_APPROVED, NULL, *article_id, now);
	if (rc == STORE_OK) {
		char detail[40];
		snprintf(detail, sizeof(detail), "article:%" PRId64, *article_id);
		rc = audit(s, now, who, "submission.approve", id, detail);
	}
	rc = finish(s, rc);
	arena_free(arena);
	return rc;
}

enum store_rc review_reject(struct store *s, int64_t id, const char *reason, const struct session *who,
			    int64_t now)
{
	if (store_begin(s) != STORE_OK)
		return STORE_ERROR;
	enum store_rc rc = store_submission_decide(s, id, REVIEW_REJECTED, reason, 0, now);
	if (rc == STORE_OK)
		rc = audit(s, now, who, "submission.reject", id, reason);
	return finish(s, rc);
}
