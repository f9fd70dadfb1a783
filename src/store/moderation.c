/* moderation: submissions, the audit log, banned words, accounts and rate
 * limits in the store. */
#include <string.h>

#include "store/store_internal.h"

enum store_rc store_meta_get(struct store *s, const char *key, struct arena *arena, const char **value)
{
	sqlite3_stmt *st = stmt_get(s, STMT_META_GET);
	bind_text(st, 1, key);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*value = column_text(st, 0, arena);
	stmt_done(st);
	if (rc == SQLITE_ROW)
		return STORE_OK;
	if (rc == SQLITE_DONE)
		return STORE_NOT_FOUND;
	log_db_error(s, "read meta");
	return STORE_ERROR;
}

enum store_rc store_meta_add(struct store *s, const char *key, const char *value)
{
	sqlite3_stmt *st = stmt_get(s, STMT_META_ADD);
	bind_text(st, 1, key);
	bind_text(st, 2, value);
	return step_write(s, st, "add meta");
}

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
		.status = column_text(st, 9, arena),
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

static void bind_id_or_null(sqlite3_stmt *st, int i, int64_t id)
{
	if (id)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
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

enum store_rc store_submission_decide(struct store *s, int64_t id, const char *status, const char *reason,
				      int64_t article_id, int64_t now)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SUBMISSION_DECIDE);
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, status);
	bind_text(st, 3, reason);
	bind_id_or_null(st, 4, article_id);
	sqlite3_bind_int64(st, 5, now);
	if (step_write(s, st, "decide submission") != STORE_OK)
		return STORE_ERROR;
	return sqlite3_changes(s->db) ? STORE_OK : STORE_NOT_FOUND;
}

/* Runs a one-row, one-integer statement. */
static enum store_rc read_count(struct store *s, sqlite3_stmt *st, int64_t *n, const char *what)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	stmt_done(st);
	if (rc != SQLITE_ROW) {
		log_db_error(s, what);
		return STORE_ERROR;
	}
	return STORE_OK;
}

enum store_rc store_submissions_list(struct store *s, const char *status, int64_t offset, int limit,
				     struct arena *arena, struct submission **out, size_t *n, int64_t *total)
{
	*n = 0;
	*out = ARENA_NEW_ARRAY(arena, struct submission, (size_t)limit);
	sqlite3_stmt *st = stmt_get(s, STMT_SUBMISSION_COUNT);
	bind_text(st, 1, status);
	if (read_count(s, st, total, "count submissions") != STORE_OK)
		return STORE_ERROR;
	st = stmt_get(s, STMT_SUBMISSION_PAGE);
	bind_text(st, 1, status);
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

enum store_rc store_audit_add(struct store *s, int64_t now, int64_t user_id, const char *user_name,
			      const char *action, const char *target, const char *detail)
{
	sqlite3_stmt *st = stmt_get(s, STMT_AUDIT_INSERT);
	sqlite3_bind_int64(st, 1, now);
	bind_id_or_null(st, 2, user_id);
	bind_text(st, 3, user_name);
	bind_text(st, 4, action);
	bind_text(st, 5, target);
	bind_text(st, 6, detail);
	return step_write(s, st, "audit");
}

enum store_rc store_audit_list(struct store *s, int64_t offset, int limit, struct arena *arena,
			       struct audit_entry **out, size_t *n, int64_t *total)
{
	*n = 0;
	*out = ARENA_NEW_ARRAY(arena, struct audit_entry, (size_t)limit);
	if (read_count(s, stmt_get(s, STMT_AUDIT_COUNT), total, "count audit") != STORE_OK)
		return STORE_ERROR;
	sqlite3_stmt *st = stmt_get(s, STMT_AUDIT_PAGE);
	sqlite3_bind_int(st, 1, limit);
	sqlite3_bind_int64(st, 2, offset);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < (size_t)limit) {
		(*out)[(*n)++] = (struct audit_entry){
			.id = sqlite3_column_int64(st, 0),
			.at = sqlite3_column_int64(st, 1),
			.user_name = column_text(st, 2, arena),
			.action = column_text(st, 3, arena),
			.target = column_text(st, 4, arena),
			.detail = column_text(st, 5, arena),
		};
	}
	stmt_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		log_db_error(s, "list audit");
		return STORE_ERROR;
	}
	return STORE_OK;
}

enum store_rc store_banned_words(struct store *s, struct arena *arena, const char ***out, size_t *n)
{
	size_t cap = 16;
	*n = 0;
	*out = ARENA_NEW_ARRAY(arena, const char *, cap);
	sqlite3_stmt *st = stmt_get(s, STMT_BANNED_WORDS);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			const char **grown = ARENA_NEW_ARRAY(arena, const char *, cap * 2);
			memcpy(grown, *out, cap * sizeof(*grown));
			*out = grown;
			cap *= 2;
		}
		(*out)[(*n)++] = column_text(st, 0, arena);
	}
	stmt_done(st);
	if (rc != SQLITE_DONE) {
		log_db_error(s, "banned words");
		return STORE_ERROR;
	}
	return STORE_OK;
}

enum store_rc store_banned_words_set(struct store *s, const char *const *words, size_t n, const char *by,
				     int64_t now)
{
	if (exec_simple(s, STMT_BANNED_WORDS_CLEAR) != STORE_OK)
		return STORE_ERROR;
	sqlite3_stmt *st = stmt_get(s, STMT_BANNED_WORD_INSERT);
	for (size_t i = 0; i < n; i++) {
		bind_text(st, 1, words[i]);
		bind_text(st, 2, by);
		sqlite3_bind_int64(st, 3, now);
		if (step_write(s, st, "add banned word") != STORE_OK)
			return STORE_ERROR;
	}
	return STORE_OK;
}

enum store_rc store_users_list(struct store *s, struct arena *arena, struct user **out, size_t *n)
{
	size_t cap = 16;
	*n = 0;
	*out = ARENA_NEW_ARRAY(arena, struct user, cap);
	sqlite3_stmt *st = stmt_get(s, STMT_USERS_LIST);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			struct user *grown = ARENA_NEW_ARRAY(arena, struct user, cap * 2);
			memcpy(grown, *out, cap * sizeof(*grown));
			*out = grown;
			cap *= 2;
		}
		(*out)[(*n)++] = (struct user){
			.id = sqlite3_column_int64(st, 0),
			.name = column_text(st, 1, arena),
			.role = column_text(st, 2, arena),
			.password_hash = "",
			.disabled = sqlite3_column_int(st, 4) != 0,
		};
	}
	stmt_done(st);
	if (rc != SQLITE_DONE) {
		log_db_error(s, "list users");
		return STORE_ERROR;
	}
	return STORE_OK;
}

enum store_rc store_user_set_disabled(struct store *s, const char *name, bool disabled)
{
	sqlite3_stmt *st = stmt_get(s, STMT_USER_SET_DISABLED);
	bind_text(st, 1, name);
	sqlite3_bind_int(st, 2, disabled);
	if (step_write(s, st, "disable user") != STORE_OK)
		return STORE_ERROR;
	if (sqlite3_changes(s->db) == 0)
		return STORE_NOT_FOUND;
	if (!disabled)
		return STORE_OK;
	st = stmt_get(s, STMT_USER_SESSIONS_DELETE);
	bind_text(st, 1, name);
	return step_write(s, st, "end user's sessions");
}

enum { THROTTLE_KEEP_SECONDS = 24 * 3600 };

enum store_rc store_throttle(struct store *s, const char *key, bool count, int64_t now, int64_t window,
			     int64_t *hits, int64_t *resets_at)
{
	*hits = 0;
	*resets_at = now;
	sqlite3_stmt *st;
	if (count) {
		/* Forget windows long over, so the table stays small. */
		st = stmt_get(s, STMT_THROTTLE_EXPIRE);
		sqlite3_bind_int64(st, 1, now - THROTTLE_KEEP_SECONDS);
		if (step_write(s, st, "expire throttle") != STORE_OK)
			return STORE_ERROR;
	}
	st = stmt_get(s, count ? STMT_THROTTLE_HIT : STMT_THROTTLE_GET);
	bind_text(st, 1, key);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int64(st, 3, window);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*hits = sqlite3_column_int64(st, 0);
		*resets_at = sqlite3_column_int64(st, 1) + window;
		rc = sqlite3_step(st); /* RETURNING finishes its write on the last step */
	}
	stmt_done(st);
	if (rc != SQLITE_DONE) {
		log_db_error(s, "throttle");
		return STORE_ERROR;
	}
	return STORE_OK;
}

enum store_rc store_throttle_clear(struct store *s, const char *key)
{
	sqlite3_stmt *st = stmt_get(s, STMT_THROTTLE_CLEAR);
	bind_text(st, 1, key);
	return step_write(s, st, "clear throttle");
}
