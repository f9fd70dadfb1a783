/* store: SQLite connection set-up, migrations, transactions, and the
 * statement helpers every table family's file shares. */
#include "store/store.h"

#include <sqlite3.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/fts.h"
#include "store/functions.h"
#include "store/migrations.h"
#include "store/statements.h"
#include "store/store_internal.h"
#include "text/tokenizer.h"
#include "util/log.h"
#include "util/mem.h"

const char *const review_status_names[REVIEW__MAX] = {
	[REVIEW_PENDING] = "pending",
	[REVIEW_APPROVED] = "approved",
	[REVIEW_REJECTED] = "rejected",
};

enum review_status review_status_from_name(const char *name)
{
	for (int i = 0; name && i < REVIEW__MAX; i++)
		if (!strcmp(name, review_status_names[i]))
			return (enum review_status)i;
	return REVIEW__MAX;
}

#define STORE_STATEMENT_SQL(name, sql) [STMT_##name] = sql,
static const char *const statement_sql[STMT__MAX] = { STORE_ALL_STATEMENTS(STORE_STATEMENT_SQL) };
#undef STORE_STATEMENT_SQL

void log_db_error(struct store *s, const char *what)
{
	log_error("store %s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

sqlite3_stmt *stmt_get(struct store *s, enum store_statement which)
{
	return s->stmt[which];
}

void stmt_done(sqlite3_stmt *st)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

const char *column_text(sqlite3_stmt *st, int i, struct arena *arena)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	if (!t)
		return NULL;
	return arena_strndup(arena, (const char *)t, (size_t)sqlite3_column_bytes(st, i));
}

enum store_rc exec_simple(struct store *s, enum store_statement which)
{
	sqlite3_stmt *st = stmt_get(s, which);
	int rc = sqlite3_step(st);
	stmt_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		log_db_error(s, statement_sql[which]);
		return STORE_ERROR;
	}
	return STORE_OK;
}

/* How long a writer waits for another, and a write check at most. */
enum { BUSY_TIMEOUT_MS = 5000, CHECK_TIMEOUT_MS = 1000 };

/* Writes that failed since start, from every connection. */
static atomic_uint_fast64_t failed_writes;

void log_write_error(struct store *s, const char *what)
{
	atomic_fetch_add_explicit(&failed_writes, 1, memory_order_relaxed);
	log_db_error(s, what);
}

uint64_t store_failed_writes(void)
{
	return atomic_load_explicit(&failed_writes, memory_order_relaxed);
}

enum store_rc step_write(struct store *s, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	stmt_done(st);
	if (rc != SQLITE_DONE) {
		log_write_error(s, what);
		return STORE_ERROR;
	}
	return STORE_OK;
}

void bind_id_or_null(sqlite3_stmt *st, int i, int64_t id)
{
	if (id)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

enum store_rc read_count(struct store *s, sqlite3_stmt *st, int64_t *n, const char *what)
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

static int user_version(sqlite3 *db)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Applies every migration newer than the database, each in its own
 * transaction together with its user_version bump. */
static int migrate(struct store *s, struct buf *err)
{
	int version = user_version(s->db);
	if (version < 0) {
		buf_printf(err, "无法读取数据库 %s 的版本：%s", s->path, sqlite3_errmsg(s->db));
		return -1;
	}
	if ((size_t)version > store_migrations_count) {
		buf_printf(err, "数据库 %s 的结构版本 %d 比本程序支持的 %zu 新，请升级程序", s->path, version,
			   store_migrations_count);
		return -1;
	}
	for (size_t i = (size_t)version; i < store_migrations_count; i++) {
		char bump[64];
		snprintf(bump, sizeof(bump), "PRAGMA user_version = %zu", i + 1);
		if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_exec(s->db, store_migrations[i], NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_exec(s->db, bump, NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
			buf_printf(err, "数据库 %s 升级到版本 %zu 失败：%s", s->path, i + 1, sqlite3_errmsg(s->db));
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
	}
	return 0;
}

/* The search index holds tokens, so one built by another tokenizer (older
 * rules, other ICU data) would quietly miss matches: rebuild it, once, in
 * the process that notices first. */
static int reindex_if_tokenizer_changed(struct store *s, struct buf *err)
{
	const char *want = tokenizer_version();
	sqlite3_stmt *st = stmt_get(s, STMT_META_GET);
	bind_text(st, 1, "tokenizer");
	bool current = sqlite3_step(st) == SQLITE_ROW &&
		       !strcmp((const char *)sqlite3_column_text(st, 0), want);
	stmt_done(st);
	if (current)
		return 0;
	if (store_begin(s) != STORE_OK)
		goto fail;
	st = stmt_get(s, STMT_META_GET); /* another process may have done it meanwhile */
	bind_text(st, 1, "tokenizer");
	bool recorded = sqlite3_step(st) == SQLITE_ROW;
	current = recorded && !strcmp((const char *)sqlite3_column_text(st, 0), want);
	stmt_done(st);
	if (!current) {
		if (recorded) /* a new database's index is empty: nothing to say */
			log_info("store %s: rebuilding the search index for tokenizer %s", s->path, want);
		if (exec_simple(s, STMT_SEARCH_REBUILD) != STORE_OK ||
		    exec_simple(s, STMT_ENTERPRISE_SEARCH_REBUILD) != STORE_OK)
			goto fail;
		st = stmt_get(s, STMT_META_SET);
		bind_text(st, 1, "tokenizer");
		bind_text(st, 2, want);
		int rc = sqlite3_step(st);
		stmt_done(st);
		if (rc != SQLITE_DONE)
			goto fail;
	}
	if (store_commit(s) == STORE_OK)
		return 0;
fail:
	store_rollback(s);
	buf_printf(err, "数据库 %s 的搜索索引重建失败：%s", s->path, sqlite3_errmsg(s->db));
	return -1;
}

enum store_rc store_open(const char *path, struct store **out, struct buf *err)
{
	struct store *s = xcalloc(1, sizeof(*s));
	s->path = xstrdup(path);
	*out = NULL;

	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		buf_printf(err, "无法打开数据库 %s：%s", path, s->db ? sqlite3_errmsg(s->db) : "内存不足");
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	/* Writers (import, later web forms) wait for each other instead of failing. */
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	static const char setup[] = "PRAGMA journal_mode = WAL;"
				    "PRAGMA synchronous = NORMAL;"
				    "PRAGMA foreign_keys = ON;"
				    "PRAGMA temp_store = MEMORY;";
	if (sqlite3_exec(s->db, setup, NULL, NULL, NULL) != SQLITE_OK) {
		buf_printf(err, "无法设置数据库 %s：%s", path, sqlite3_errmsg(s->db));
		goto fail;
	}
	/* Before migrating: building the search index needs the tokenizer. */
	if (fts_register_tokenizer(s->db) != SQLITE_OK) {
		buf_printf(err, "无法为数据库 %s 注册中文分词器", path);
		goto fail;
	}
	if (sql_functions_register(s->db) != SQLITE_OK) {
		buf_printf(err, "无法为数据库 %s 注册 SQL 函数：%s", path, sqlite3_errmsg(s->db));
		goto fail;
	}
	if (migrate(s, err) < 0)
		goto fail;
	for (int i = 0; i < STMT__MAX; i++) {
		if (sqlite3_prepare_v3(s->db, statement_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->stmt[i],
				       NULL) != SQLITE_OK) {
			buf_printf(err, "数据库 %s 的语句准备失败：%s（%s）", path, sqlite3_errmsg(s->db),
				   statement_sql[i]);
			goto fail;
		}
	}
	if (reindex_if_tokenizer_changed(s, err) < 0)
		goto fail;
	*out = s;
	return STORE_OK;
fail:
	store_close(s);
	return STORE_ERROR;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (int i = 0; i < STMT__MAX; i++)
		sqlite3_finalize(s->stmt[i]);
	if (s->db && sqlite3_close(s->db) != SQLITE_OK)
		log_error("store %s: close: %s", s->path, sqlite3_errmsg(s->db));
	free(s->path);
	free(s);
}

enum store_rc store_begin(struct store *s)
{
	enum store_rc rc = exec_simple(s, STMT_BEGIN);
	if (rc != STORE_OK)
		atomic_fetch_add_explicit(&failed_writes, 1, memory_order_relaxed);
	return rc;
}

enum store_rc store_commit(struct store *s)
{
	enum store_rc rc = exec_simple(s, STMT_COMMIT);
	if (rc != STORE_OK)
		atomic_fetch_add_explicit(&failed_writes, 1, memory_order_relaxed);
	return rc;
}

enum store_rc store_check_write(struct store *s, int64_t now)
{
	char value[24];
	snprintf(value, sizeof(value), "%lld", (long long)now);
	/* A probe answers promptly: a lock held this long already means the
	 * forms wait. */
	sqlite3_busy_timeout(s->db, CHECK_TIMEOUT_MS);
	enum store_rc rc = store_begin(s);
	if (rc == STORE_OK)
		rc = store_meta_set(s, "write_checked_at", value);
	if (rc == STORE_OK)
		rc = store_commit(s);
	if (rc != STORE_OK)
		store_rollback(s);
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	return rc;
}

void store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		(void)exec_simple(s, STMT_ROLLBACK);
}

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

enum store_rc store_meta_set(struct store *s, const char *key, const char *value)
{
	sqlite3_stmt *st = stmt_get(s, STMT_META_SET);
	bind_text(st, 1, key);
	bind_text(st, 2, value);
	return step_write(s, st, "set meta");
}

enum store_rc store_content_changed(struct store *s)
{
	return exec_simple(s, STMT_CONTENT_BUMP);
}

enum store_rc store_content_version(struct store *s, int64_t *version, int64_t *changed_at)
{
	sqlite3_stmt *st = stmt_get(s, STMT_CONTENT_VERSION);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*version = sqlite3_column_int64(st, 0);
		*changed_at = sqlite3_column_int64(st, 1);
	}
	stmt_done(st);
	if (rc != SQLITE_ROW) {
		log_db_error(s, "read the content version");
		return STORE_ERROR;
	}
	return STORE_OK;
}

enum store_rc store_site_counts(struct store *s, struct site_counts *out)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SITE_COUNTS);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		int64_t *fields[] = { &out->articles,       &out->submissions[0], &out->submissions[1],
				      &out->submissions[2], &out->enterprises[0], &out->enterprises[1],
				      &out->enterprises[2], &out->messages_unhandled };
		for (int i = 0; i < 8; i++)
			*fields[i] = sqlite3_column_int64(st, i);
	}
	stmt_done(st);
	if (rc != SQLITE_ROW) {
		log_db_error(s, "count what the site holds");
		return STORE_ERROR;
	}
	return STORE_OK;
}

bool store_ping(struct store *s)
{
	return exec_simple(s, STMT_PING) == STORE_OK;
}
