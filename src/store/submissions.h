/* submissions: news submissions (投稿) waiting for, or past, review. */
#ifndef ZS_STORE_SUBMISSIONS_H
#define ZS_STORE_SUBMISSIONS_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* A news submission as stored. Strings in the arena of the call;
 * optional ones are NULL when empty. */
struct submission {
	int64_t id;
	const char *tracking_code;
	const char *title, *body;
	const char *district, *industry; /* slugs */
	const char *source;              /* a name or an http(s) link */
	const char *contributor, *contact;
	enum review_status status;
	const char *reason;              /* why it was rejected */
	int64_t article_id;              /* the article it became, or 0 */
	uint64_t simhash;
	/* The closest article or other submission when it came or was last
	 * edited (0 when none was near), how far, and their titles. */
	int64_t near_article_id, near_submission_id;
	int near_distance;
	const char *near_article_title, *near_submission_title;
	const char *client_ip;
	int64_t created_at, updated_at;
};

/* Stores a new pending submission. STORE_DUPLICATE when its tracking code
 * is taken (draw another). *id is the new row's. */
enum store_rc store_submission_insert(struct store *s, const struct submission *sub, int64_t now, int64_t *id)
	__attribute__((warn_unused_result));
enum store_rc store_submission_get(struct store *s, int64_t id, struct arena *arena, struct submission *out)
	__attribute__((warn_unused_result));
enum store_rc store_submission_by_code(struct store *s, const char *code, struct arena *arena,
				       struct submission *out) __attribute__((warn_unused_result));
/* Saves an editor's changes to a pending submission's text, tags and
 * near-duplicate fields; STORE_NOT_FOUND when it is no longer pending. */
enum store_rc store_submission_update(struct store *s, const struct submission *sub, int64_t now)
	__attribute__((warn_unused_result));
/* Moves a pending submission to status (approved with article_id, or
 * rejected with reason); STORE_NOT_FOUND when it is not pending. */
enum store_rc store_submission_decide(struct store *s, int64_t id, enum review_status status, const char *reason,
				      int64_t article_id, int64_t now) __attribute__((warn_unused_result));
/* One page of submissions in status, newest first, and how many there are. */
enum store_rc store_submissions_list(struct store *s, enum review_status status, int64_t offset, int limit,
				     struct arena *arena, struct submission **out, size_t *n, int64_t *total)
	__attribute__((warn_unused_result));

/* The article, and the submission other than exclude_id (not approved:
 * those are articles), nearest to simhash within max_distance; 0 ids when
 * none. distance gets the nearer one's distance. */
enum store_rc store_near_duplicates(struct store *s, uint64_t simhash, int max_distance, int64_t exclude_id,
				    int64_t *article_id, int64_t *submission_id, int *distance)
	__attribute__((warn_unused_result));

#endif
