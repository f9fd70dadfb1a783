/* submissions: the submission workflow over the store, one transaction per step. */
#include "domain/submissions.h"

#include <inttypes.h>
#include <stdio.h>

#include "store/articles.h"
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

enum store_rc submissions_submit(struct store *s, const struct field_values *values, const char *client_ip,
				 int64_t now, char code[SUBMISSION_CODE_CHARS + 1], int64_t *id)
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
	enum store_rc rc = store_begin(s);
	if (rc == STORE_OK)
		rc = find_near(s, &sub);
	for (int i = 0; rc == STORE_OK && i < SUBMIT_CODE_ATTEMPTS; i++) {
		submission_new_code(code);
		rc = store_submission_insert(s, &sub, now, id);
		if (rc != STORE_DUPLICATE)
			break;
	}
	/* A contributor's own post: not a staff action, not audited. */
	rc = domain_finish(s, rc, &(struct change){ .now = now });
	return rc == STORE_OK ? STORE_OK : STORE_ERROR;
}

/* The audit record of an editor's step on submission id. */
static struct change step(const struct actor *who, int64_t now, const char *action, int64_t id,
			  char target[DOMAIN_TARGET_SIZE], const char *detail)
{
	return (struct change){ .who = who, .now = now, .action = action,
				.target = domain_target(target, "submission", id), .detail = detail };
}

enum store_rc submissions_edit(struct store *s, int64_t id, const struct field_values *values,
			       const struct actor *who, int64_t now)
{
	struct arena *arena = arena_new();
	struct submission sub = { 0 };
	enum store_rc rc = store_begin(s);
	if (rc == STORE_OK)
		rc = store_submission_get(s, id, arena, &sub);
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
	char target[DOMAIN_TARGET_SIZE];
	struct change c = step(who, now, "submission.edit", id, target, sub.title);
	rc = domain_finish(s, rc, &c);
	arena_free(arena);
	return rc;
}

/* The submission first in the review queue (as staff see it), or 0. */
static enum store_rc queue_head(struct store *s, int64_t *next)
{
	struct arena *arena = arena_new();
	struct submission *subs;
	size_t n;
	int64_t total;
	enum store_rc rc = store_submissions_list(s, REVIEW_PENDING, 0, 1, arena, &subs, &n, &total);
	if (next)
		*next = rc == STORE_OK && n ? subs[0].id : 0;
	arena_free(arena);
	return rc;
}

enum store_rc submissions_approve(struct store *s, int64_t id, const struct actor *who, int64_t now,
				  int64_t *article_id, struct buf *err, int64_t *next)
{
	struct arena *arena = arena_new();
	struct submission sub;
	struct article a;
	char date[DATE_DAY_SIZE], detail[DOMAIN_TARGET_SIZE], target[DOMAIN_TARGET_SIZE];
	date_shanghai_day(now, date);
	enum store_rc rc = store_begin(s);
	if (rc == STORE_OK)
		rc = store_submission_get(s, id, arena, &sub);
	if (rc == STORE_OK && sub.status != REVIEW_PENDING)
		rc = STORE_NOT_FOUND;
	if (rc == STORE_OK && submission_to_article(&sub, date, arena, &a, err) < 0)
		rc = STORE_INVALID;
	if (rc == STORE_OK)
		rc = store_article_insert(s, &a, article_id);
	if (rc == STORE_OK)
		rc = store_submission_decide(s, id, REVIEW_APPROVED, NULL, *article_id, now);
	if (rc == STORE_OK)
		rc = queue_head(s, next);
	struct change c = step(who, now, "submission.approve", id, target,
			       rc == STORE_OK ? domain_target(detail, "article", *article_id) : NULL);
	rc = domain_finish(s, rc, &c);
	arena_free(arena);
	return rc;
}

enum store_rc submissions_reject(struct store *s, int64_t id, const char *reason, const struct actor *who,
				 int64_t now, int64_t *next)
{
	char target[DOMAIN_TARGET_SIZE];
	enum store_rc rc = store_begin(s);
	if (rc == STORE_OK)
		rc = store_submission_decide(s, id, REVIEW_REJECTED, reason, 0, now);
	if (rc == STORE_OK)
		rc = queue_head(s, next);
	struct change c = step(who, now, "submission.reject", id, target, reason);
	return domain_finish(s, rc, &c);
}
