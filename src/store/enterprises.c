/* enterprises: registrations, edit links, review and the directory. */
#include "store/enterprises.h"

#include "store/store_internal.h"

enum { ENTERPRISE_NCOLUMNS = 17 }; /* of ENTERPRISE_COLUMNS and ENTERPRISE_EDIT_COLUMNS */

/* The enterprise in the columns from at (ENTERPRISE_COLUMNS' order). */
static void read_enterprise_at(sqlite3_stmt *st, int at, struct arena *arena, struct enterprise *out)
{
	const char *seeking = column_text(st, at + 5, arena);
	*out = (struct enterprise){
		.id = sqlite3_column_int64(st, at + 0),
		.name = column_text(st, at + 1, arena),
		.credit_code = column_text(st, at + 2, arena),
		.industry = column_text(st, at + 3, arena),
		.district = column_text(st, at + 4, arena),
		.seeking = seeking ? seeking : "",
		.description = column_text(st, at + 6, arena),
		.website = column_text(st, at + 7, arena),
		.contact_name = column_text(st, at + 8, arena),
		.phone = column_text(st, at + 9, arena),
		.email = column_text(st, at + 10, arena),
		.status = review_status_from_name((const char *)sqlite3_column_text(st, at + 11)),
		.reason = column_text(st, at + 12, arena),
		.client_ip = column_text(st, at + 13, arena),
		.created_at = sqlite3_column_int64(st, at + 14),
		.updated_at = sqlite3_column_int64(st, at + 15),
		.revision = sqlite3_column_int64(st, at + 16),
	};
}

static void read_enterprise(sqlite3_stmt *st, struct arena *arena, struct enterprise *out)
{
	read_enterprise_at(st, 0, arena, out);
}

/* Whether code is held by an enterprise other than id (0: any) or by
 * another's pending edit: STORE_DUPLICATE, STORE_OK, or STORE_ERROR. */
static enum store_rc code_taken(struct store *s, enum store_statement which, const char *code, int64_t id)
{
	sqlite3_stmt *st = stmt_get(s, which);
	bind_text(st, 1, code);
	if (which == STMT_ENTERPRISE_CODE_TAKEN)
		sqlite3_bind_int64(st, 2, id);
	int rc = sqlite3_step(st);
	stmt_done(st);
	if (rc == SQLITE_ROW)
		return STORE_DUPLICATE;
	if (rc != SQLITE_DONE) {
		log_db_error(s, "enterprise code taken");
		return STORE_ERROR;
	}
	return STORE_OK;
}

/* Binds the fields an enterprise sets itself, from position first. */
static void bind_profile(sqlite3_stmt *st, int first, const struct enterprise *e)
{
	const char *fields[] = { e->name,    e->credit_code, e->industry,     e->district, e->seeking ? e->seeking : "",
				 e->description, e->website, e->contact_name, e->phone,    e->email };
	for (int i = 0; i < (int)(sizeof(fields) / sizeof(fields[0])); i++)
		bind_text(st, first + i, fields[i]);
}

enum store_rc store_enterprise_insert(struct store *s, const struct enterprise *e, const unsigned char token_hash[32],
				      int64_t now, int64_t *id)
{
	/* An edit waiting for review holds its code, as the row it would
	 * replace holds the one before. */
	enum store_rc taken = code_taken(s, STMT_ENTERPRISE_CODE_IN_EDIT, e->credit_code, 0);
	if (taken != STORE_OK)
		return taken;
	sqlite3_stmt *st = stmt_get(s, STMT_ENTERPRISE_INSERT);
	bind_profile(st, 1, e);
	sqlite3_bind_blob(st, 11, token_hash, 32, SQLITE_STATIC);
	bind_text(st, 12, e->client_ip);
	sqlite3_bind_int64(st, 13, now);
	/* A row comes back when one was written; none when the code is held. */
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_CONSTRAINT;
	}
	stmt_done(st);
	if (rc == SQLITE_DONE)
		return STORE_OK;
	if (rc == SQLITE_CONSTRAINT)
		return STORE_DUPLICATE;
	log_write_error(s, "add enterprise");
	return STORE_ERROR;
}

static enum store_rc enterprise_one(struct store *s, sqlite3_stmt *st, struct arena *arena, struct enterprise *out)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_enterprise(st, arena, out);
	stmt_done(st);
	if (rc == SQLITE_ROW)
		return STORE_OK;
	if (rc == SQLITE_DONE)
		return STORE_NOT_FOUND;
	log_db_error(s, "get enterprise");
	return STORE_ERROR;
}

enum store_rc store_enterprise_get(struct store *s, int64_t id, struct arena *arena, struct enterprise *out)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ENTERPRISE_GET);
	sqlite3_bind_int64(st, 1, id);
	return enterprise_one(s, st, arena, out);
}

enum store_rc store_enterprise_by_token(struct store *s, const unsigned char token_hash[32], struct arena *arena,
					struct enterprise *out)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ENTERPRISE_BY_TOKEN);
	sqlite3_bind_blob(st, 1, token_hash, 32, SQLITE_STATIC);
	return enterprise_one(s, st, arena, out);
}

enum store_rc store_enterprise_token_replace(struct store *s, const unsigned char old_hash[32],
					     const unsigned char new_hash[32])
{
	sqlite3_stmt *st = stmt_get(s, STMT_ENTERPRISE_TOKEN_SET);
	sqlite3_bind_blob(st, 1, old_hash, 32, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, new_hash, 32, SQLITE_STATIC);
	if (step_write(s, st, "replace an edit link") != STORE_OK)
		return STORE_ERROR;
	return sqlite3_changes(s->db) == 1 ? STORE_OK : STORE_NOT_FOUND;
}

enum store_rc store_enterprise_update(struct store *s, const struct enterprise *e, int64_t now)
{
	enum store_rc taken = code_taken(s, STMT_ENTERPRISE_CODE_TAKEN, e->credit_code, e->id);
	if (taken != STORE_OK)
		return taken;
	sqlite3_stmt *st = stmt_get(s, STMT_ENTERPRISE_UPDATE);
	sqlite3_bind_int64(st, 1, e->id);
	bind_profile(st, 2, e);
	sqlite3_bind_int64(st, 12, now);
	if (step_write(s, st, "update enterprise") != STORE_OK)
		return STORE_ERROR;
	return sqlite3_changes(s->db) ? STORE_OK : STORE_NOT_FOUND;
}

enum store_rc store_enterprise_decide(struct store *s, int64_t id, int64_t revision, enum review_status status,
				      const char *reason, int64_t now)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ENTERPRISE_DECIDE);
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, review_status_names[status]);
	bind_text(st, 3, reason);
	sqlite3_bind_int64(st, 4, now);
	sqlite3_bind_int64(st, 5, revision);
	if (step_write(s, st, "decide enterprise") != STORE_OK)
		return STORE_ERROR;
	return sqlite3_changes(s->db) ? STORE_OK : STORE_NOT_FOUND;
}

enum store_rc store_enterprise_edit_save(struct store *s, const struct enterprise *e, int64_t now, int64_t *revision)
{
	enum store_rc taken = code_taken(s, STMT_ENTERPRISE_CODE_TAKEN, e->credit_code, e->id);
	if (taken != STORE_OK)
		return taken;
	sqlite3_stmt *st = stmt_get(s, STMT_ENTERPRISE_EDIT_SAVE);
	sqlite3_bind_int64(st, 1, e->id);
	bind_profile(st, 2, e);
	bind_text(st, 12, e->client_ip);
	sqlite3_bind_int64(st, 13, now);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*revision = sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
		stmt_done(st);
		if (rc == SQLITE_DONE)
			return STORE_OK;
	} else {
		stmt_done(st);
		if (rc == SQLITE_DONE)
			return STORE_NOT_FOUND; /* not (or no longer) approved */
	}
	log_db_error(s, "save enterprise edit");
	return STORE_ERROR;
}

enum store_rc store_enterprise_edit_get(struct store *s, int64_t id, struct arena *arena, struct enterprise *out)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ENTERPRISE_EDIT_GET);
	sqlite3_bind_int64(st, 1, id);
	return enterprise_one(s, st, arena, out);
}

enum store_rc store_enterprise_edit_drop(struct store *s, int64_t id)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ENTERPRISE_EDIT_DROP);
	sqlite3_bind_int64(st, 1, id);
	return step_write(s, st, "drop enterprise edit");
}

enum store_rc store_enterprise_edit_approve(struct store *s, int64_t id, int64_t revision, int64_t now)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ENTERPRISE_EDIT_APPLY);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, revision);
	sqlite3_bind_int64(st, 3, now);
	int rc = sqlite3_step(st);
	stmt_done(st);
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return STORE_DUPLICATE; /* the statement alone is undone */
	if (rc != SQLITE_DONE) {
		log_db_error(s, "approve enterprise edit");
		return STORE_ERROR;
	}
	if (sqlite3_changes(s->db) == 0)
		return STORE_NOT_FOUND;
	return store_enterprise_edit_drop(s, id);
}

enum store_rc store_enterprise_edit_reject(struct store *s, int64_t id, int64_t revision, const char *reason,
					   int64_t now)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ENTERPRISE_EDIT_REJECT);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, revision);
	bind_text(st, 3, reason);
	sqlite3_bind_int64(st, 4, now);
	if (step_write(s, st, "reject enterprise edit") != STORE_OK)
		return STORE_ERROR;
	return sqlite3_changes(s->db) ? STORE_OK : STORE_NOT_FOUND;
}

enum store_rc store_enterprise_queue(struct store *s, int64_t offset, int limit, struct arena *arena,
				     struct enterprise_review **out, size_t *n, int64_t *total)
{
	*n = 0;
	*total = 0;
	*out = ARENA_NEW_ARRAY(arena, struct enterprise_review, (size_t)limit);
	sqlite3_stmt *st = stmt_get(s, STMT_ENTERPRISE_QUEUE_COUNT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*total = sqlite3_column_int64(st, 0);
	stmt_done(st);
	if (rc != SQLITE_ROW)
		goto fail;
	st = stmt_get(s, STMT_ENTERPRISE_QUEUE_PAGE);
	sqlite3_bind_int(st, 1, limit);
	sqlite3_bind_int64(st, 2, offset);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < (size_t)limit) {
		struct enterprise_review *r = &(*out)[(*n)++];
		read_enterprise_at(st, 0, arena, &r->current);
		r->has_edit = sqlite3_column_type(st, ENTERPRISE_NCOLUMNS) != SQLITE_NULL;
		if (r->has_edit)
			read_enterprise_at(st, ENTERPRISE_NCOLUMNS, arena, &r->edit);
	}
	stmt_done(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return STORE_OK;
fail:
	log_db_error(s, "list the enterprise queue");
	return STORE_ERROR;
}

static void bind_filter(sqlite3_stmt *st, const struct enterprise_filter *f)
{
	bind_text(st, 1, review_status_names[f->status]);
	bind_text(st, 2, f->district);
	bind_text(st, 3, f->industry);
	bind_text(st, 4, f->seeking);
	if (f->match)
		bind_text(st, 7, f->match);
}

enum store_rc store_enterprises_list(struct store *s, const struct enterprise_filter *f, int64_t offset, int limit,
				     struct arena *arena, struct enterprise **out, size_t *n, int64_t *total)
{
	*n = 0;
	*total = 0;
	*out = ARENA_NEW_ARRAY(arena, struct enterprise, (size_t)limit);
	sqlite3_stmt *st = stmt_get(s, f->match ? STMT_ENTERPRISES_MATCH_COUNT : STMT_ENTERPRISES_COUNT);
	bind_filter(st, f);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*total = sqlite3_column_int64(st, 0);
	stmt_done(st);
	if (rc != SQLITE_ROW)
		goto fail;
	st = stmt_get(s, f->match ? STMT_ENTERPRISES_MATCH_PAGE : STMT_ENTERPRISES_PAGE);
	bind_filter(st, f);
	sqlite3_bind_int(st, 5, limit);
	sqlite3_bind_int64(st, 6, offset);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < (size_t)limit)
		read_enterprise(st, arena, &(*out)[(*n)++]);
	stmt_done(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return STORE_OK;
fail:
	log_db_error(s, "list enterprises");
	return STORE_ERROR;
}

enum store_rc store_enterprises_each(struct store *s, enum review_status status,
				     int (*each)(void *ctx, const struct enterprise *e), void *ctx)
{
	/* One read transaction: a consistent snapshot, however long it takes. */
	if (exec_simple(s, STMT_BEGIN_READ) != STORE_OK)
		return STORE_ERROR;
	struct arena *arena = arena_new();
	sqlite3_stmt *st = stmt_get(s, STMT_ENTERPRISES_ALL);
	bind_text(st, 1, review_status_names[status]);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct enterprise e;
		read_enterprise(st, arena, &e);
		int stop = each(ctx, &e);
		arena_reset(arena);
		if (stop)
			break;
	}
	stmt_done(st);
	arena_free(arena);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		log_db_error(s, "each enterprise");
		store_rollback(s);
		return STORE_ERROR;
	}
	return exec_simple(s, STMT_COMMIT);
}
