/* submissions: news submissions and their near duplicates. */
#include "store/submissions.h"

#include "store/store_internal.h"

static void read_submission(sqlite3_stmt *st, struct arena *arena, struct submission *out)
{
	*out = (struct submission){
		.id = sqlite3_column_int64(st, 0),
		.tracking_code = column_text(st, 1, arena),
		.title = column_text(st, 2, arena),
		.body = column_text(st, 3, arena),
		.district = column_text(st, 4, arena),
		.industry = column_text(st, 5, arena),
		.source = column_text(st, 6, arena),
		.contributor = column_text(st, 7, arena),
		.contact = column_text(st, 8, arena),
		.status = review_status_from_name((const char *)sqlite3_column_text(st, 9)),
		.reason = column_text(st, 10, arena),
		.article_id = sqlite3_column_int64(st, 11),
		.near_article_id = sqlite3_column_int64(st, 12),
		.near_submission_id = sqlite3_column_int64(st, 13),
		.near_distance = sqlite3_column_int(st, 14),
		.client_ip = column_text(st, 15, arena),
		.created_at = sqlite3_column_int64(st, 16),
		.updated_at = sqlite3_column_int64(st, 17),
		.near_article_title = column_text(st, 18, arena),
		.near_submission_title = column_text(st, 19, arena),
	};
}

static void bind_near(sqlite3_stmt *st, int first, const struct submission *sub)
{
	bind_id_or_null(st, first, sub->near_article_id);
	bind_id_or_null(st, first + 1, sub->near_submission_id);
	if (sub->near_article_id || sub->near_submission_id)
		sqlite3_bind_int(st, first + 2, sub->near_distance);
	else
		sqlite3_bind_null(st, first + 2);
}

enum store_rc store_submission_insert(struct store *s, const struct submission *sub, int64_t now, int64_t *id)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SUBMISSION_INSERT);
	bind_text(st, 1, sub->tracking_code);
	bind_text(st, 2, sub->title);
	bind_text(st, 3, sub->body);
	bind_text(st, 4, sub->district);
	bind_text(st, 5, sub->industry);
	bind_text(st, 6, sub->source);
	bind_text(st, 7, sub->contributor);
	bind_text(st, 8, sub->contact);
	sqlite3_bind_int64(st, 9, (int64_t)sub->simhash);
	bind_near(st, 10, sub);
	bind_text(st, 13, sub->client_ip);
	sqlite3_bind_int64(st, 14, now);
	if (step_write(s, st, "add submission") != STORE_OK)
		return STORE_ERROR;
	if (sqlite3_changes(s->db) == 0)
		return STORE_DUPLICATE;
	*id = sqlite3_last_insert_rowid(s->db);
	return STORE_OK;
}

static enum store_rc submission_one(struct store *s, sqlite3_stmt *st, struct arena *arena, struct submission *out)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_submission(st, arena, out);
	stmt_done(st);
	if (rc == SQLITE_ROW)
		return STORE_OK;
	if (rc == SQLITE_DONE)
		return STORE_NOT_FOUND;
	log_db_error(s, "get submission");
	return STORE_ERROR;
}

enum store_rc store_submission_get(struct store *s, int64_t id, struct arena *arena, struct submission *out)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SUBMISSION_GET);
	sqlite3_bind_int64(st, 1, id);
	return submission_one(s, st, arena, out);
}

enum store_rc store_submission_by_code(struct store *s, const char *code, struct arena *arena,
				       struct submission *out)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SUBMISSION_BY_CODE);
	bind_text(st, 1, code);
	return submission_one(s, st, arena, out);
}

enum store_rc store_submission_update(struct store *s, const struct submission *sub, int64_t now)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SUBMISSION_UPDATE);
	sqlite3_bind_int64(st, 1, sub->id);
	bind_text(st, 2, sub->title);
	bind_text(st, 3, sub->body);
	bind_text(st, 4, sub->district);
	bind_text(st, 5, sub->industry);
	bind_text(st, 6, sub->source);
	sqlite3_bind_int64(st, 7, (int64_t)sub->simhash);
	bind_near(st, 8, sub);
	sqlite3_bind_int64(st, 11, now);
	if (step_write(s, st, "update submission") != STORE_OK)
		return STORE_ERROR;
	return sqlite3_changes(s->db) ? STORE_OK : STORE_NOT_FOUND;
}

enum store_rc store_submission_decide(struct store *s, int64_t id, enum review_status status, const char *reason,
				      int64_t article_id, int64_t now)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SUBMISSION_DECIDE);
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, review_status_names[status]);
	bind_text(st, 3, reason);
	bind_id_or_null(st, 4, article_id);
	sqlite3_bind_int64(st, 5, now);
	if (step_write(s, st, "decide submission") != STORE_OK)
		return STORE_ERROR;
	return sqlite3_changes(s->db) ? STORE_OK : STORE_NOT_FOUND;
}

enum store_rc store_submissions_list(struct store *s, enum review_status status, int64_t offset, int limit,
				     struct arena *arena, struct submission **out, size_t *n, int64_t *total)
{
	*n = 0;
	*out = ARENA_NEW_ARRAY(arena, struct submission, (size_t)limit);
	sqlite3_stmt *st = stmt_get(s, STMT_SUBMISSION_COUNT);
	bind_text(st, 1, review_status_names[status]);
	if (read_count(s, st, total, "count submissions") != STORE_OK)
		return STORE_ERROR;
	st = stmt_get(s, STMT_SUBMISSION_PAGE);
	bind_text(st, 1, review_status_names[status]);
	sqlite3_bind_int(st, 2, limit);
	sqlite3_bind_int64(st, 3, offset);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < (size_t)limit)
		read_submission(st, arena, &(*out)[(*n)++]);
	stmt_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		log_db_error(s, "list submissions");
		return STORE_ERROR;
	}
	return STORE_OK;
}

/* The nearest row of a NEAR_* statement: its id (0 for none) and distance. */
static enum store_rc nearest(struct store *s, sqlite3_stmt *st, int64_t *id, int *distance)
{
	*id = 0;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*distance = sqlite3_column_int(st, 1);
	}
	stmt_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		log_db_error(s, "near duplicates");
		return STORE_ERROR;
	}
	return STORE_OK;
}

enum store_rc store_near_duplicates(struct store *s, uint64_t simhash, int max_distance, int64_t exclude_id,
				    int64_t *article_id, int64_t *submission_id, int *distance)
{
	int da = max_distance + 1, ds = max_distance + 1;
	sqlite3_stmt *st = stmt_get(s, STMT_NEAR_ARTICLE);
	sqlite3_bind_int64(st, 1, (int64_t)simhash);
	sqlite3_bind_int(st, 2, max_distance);
	if (nearest(s, st, article_id, &da) != STORE_OK)
		return STORE_ERROR;
	st = stmt_get(s, STMT_NEAR_SUBMISSION);
	sqlite3_bind_int64(st, 1, (int64_t)simhash);
	sqlite3_bind_int(st, 2, max_distance);
	sqlite3_bind_int64(st, 3, exclude_id);
	if (nearest(s, st, submission_id, &ds) != STORE_OK)
		return STORE_ERROR;
	*distance = da < ds ? da : ds;
	return STORE_OK;
}
