/* store: SQLite connection set-up, migrations, transactions and article queries. */
#include "store/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/tokenizer.h"
#include "store/fts.h"
#include "store/functions.h"
#include "store/migrations.h"
#include "store/statements.h"
#include "store/store_internal.h"
#include "util/log.h"
#include "util/mem.h"

#define STORE_STATEMENT_SQL(name, sql) [STMT_##name] = sql,
static const char *const statement_sql[STMT__MAX] = { STORE_STATEMENTS(STORE_STATEMENT_SQL)
								 STORE_SEARCH_STATEMENTS(STORE_STATEMENT_SQL)
									 STORE_MODERATION_STATEMENTS(STORE_STATEMENT_SQL)
										 STORE_ENTERPRISE_STATEMENTS(STORE_STATEMENT_SQL)
											 STORE_STATS_STATEMENTS(STORE_STATEMENT_SQL) };
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

enum store_rc step_write(struct store *s, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	stmt_done(st);
	if (rc != SQLITE_DONE) {
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
	sqlite3_busy_timeout(s->db, 5000);
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
	return exec_simple(s, STMT_BEGIN);
}

enum store_rc store_commit(struct store *s)
{
	return exec_simple(s, STMT_COMMIT);
}

void store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		(void)exec_simple(s, STMT_ROLLBACK);
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

/* The money an article announces in yuan: its largest CNY amount, the
 * headline total. Summing would count a total's parts (其中…), subsidy
 * caps (最高…) and thresholds (超…) as more investment. */
static double article_money_cny(const struct article *a)
{
	double most = 0;
	for (size_t i = 0; i < a->nfacts; i++)
		if (!strcmp(a->facts[i].kind, "money") && !strcmp(a->facts[i].unit, "CNY") && a->facts[i].value > most)
			most = a->facts[i].value;
	return most;
}

/* Writes a's districts (when with_districts), facts (when with_facts) and
 * industries (when with_industries) for the article id. Only ever called
 * where the article's own row is written too: the content version that
 * dates cached pages (migration 11) counts changes to article rows. */
static enum store_rc insert_tags(struct store *s, const struct article *a, int64_t id, bool with_districts,
				 bool with_facts, bool with_industries)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ARTICLE_DISTRICT_INSERT);
	for (size_t i = 0; with_districts && i < a->ndistricts; i++) {
		bind_text(st, 1, a->districts[i]);
		bind_text(st, 2, a->date);
		sqlite3_bind_int64(st, 3, id);
		if (step_write(s, st, "insert article district") != STORE_OK)
			return STORE_ERROR;
	}
	st = stmt_get(s, STMT_ARTICLE_FACT_INSERT);
	for (size_t i = 0; with_facts && i < a->nfacts; i++) {
		const struct article_fact *f = &a->facts[i];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, (int)i);
		bind_text(st, 3, f->kind);
		sqlite3_bind_double(st, 4, f->value);
		bind_text(st, 5, f->unit);
		bind_text(st, 6, f->match);
		bind_text(st, 7, f->sentence);
		bind_text(st, 8, a->date);
		if (step_write(s, st, "insert article fact") != STORE_OK)
			return STORE_ERROR;
	}
	st = stmt_get(s, STMT_ARTICLE_INDUSTRY_INSERT);
	for (size_t i = 0; with_industries && i < a->nindustries; i++) {
		bind_text(st, 1, a->industries[i]);
		bind_text(st, 2, a->date);
		sqlite3_bind_int64(st, 3, id);
		sqlite3_bind_int(st, 4, (int)i);
		if (step_write(s, st, "insert article industry") != STORE_OK)
			return STORE_ERROR;
	}
	return STORE_OK;
}

enum store_rc store_article_insert(struct store *s, const struct article *a, int64_t *id)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ARTICLE_INSERT);
	bind_text(st, 1, a->title);
	bind_text(st, 2, a->body);
	bind_text(st, 3, a->date);
	bind_text(st, 4, a->source);
	bind_text(st, 5, a->url);
	sqlite3_bind_blob(st, 6, a->content_hash, sizeof(a->content_hash), SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, (int64_t)a->simhash);
	sqlite3_bind_int(st, 8, a->citywide);
	sqlite3_bind_int(st, 9, a->districts_given);
	sqlite3_bind_double(st, 10, article_money_cny(a));
	int rc = sqlite3_step(st);
	stmt_done(st);
	if (rc != SQLITE_DONE) {
		log_db_error(s, "insert article");
		return STORE_ERROR;
	}
	if (sqlite3_changes(s->db) == 0)
		return STORE_DUPLICATE;
	*id = sqlite3_last_insert_rowid(s->db);
	return insert_tags(s, a, *id, true, true, true);
}

enum store_rc store_article_get(struct store *s, int64_t id, struct arena *arena, struct article *out)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ARTICLE_GET);
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		stmt_done(st);
		if (rc == SQLITE_DONE)
			return STORE_NOT_FOUND;
		log_db_error(s, "get article");
		return STORE_ERROR;
	}
	*out = (struct article){ 0 };
	out->id = sqlite3_column_int64(st, 0);
	out->title = column_text(st, 1, arena);
	out->body = column_text(st, 2, arena);
	out->date = column_text(st, 3, arena);
	out->source = column_text(st, 4, arena);
	out->url = column_text(st, 5, arena);
	if (sqlite3_column_bytes(st, 6) == (int)sizeof(out->content_hash))
		memcpy(out->content_hash, sqlite3_column_blob(st, 6), sizeof(out->content_hash));
	out->citywide = sqlite3_column_int(st, 7) != 0;
	out->districts_given = sqlite3_column_int(st, 8) != 0;
	out->industries_given = sqlite3_column_int(st, 9) != 0;
	stmt_done(st);

	st = stmt_get(s, STMT_ARTICLE_DISTRICTS);
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->ndistricts < ARTICLE_MAX_DISTRICTS)
		out->districts[out->ndistricts++] = column_text(st, 0, arena);
	stmt_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		log_db_error(s, "get article districts");
		return STORE_ERROR;
	}
	st = stmt_get(s, STMT_ARTICLE_FACTS);
	sqlite3_bind_int64(st, 1, id);
	size_t cap = 8;
	struct article_fact *facts = ARENA_NEW_ARRAY(arena, struct article_fact, cap);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->nfacts == cap) {
			struct article_fact *grown = ARENA_NEW_ARRAY(arena, struct article_fact, cap * 2);
			memcpy(grown, facts, cap * sizeof(*grown));
			facts = grown;
			cap *= 2;
		}
		facts[out->nfacts++] = (struct article_fact){
			.kind = column_text(st, 0, arena),
			.value = sqlite3_column_double(st, 1),
			.unit = column_text(st, 2, arena),
			.match = column_text(st, 3, arena),
			.sentence = column_text(st, 4, arena),
		};
	}
	stmt_done(st);
	out->facts = facts;
	if (rc != SQLITE_DONE) {
		log_db_error(s, "get article facts");
		return STORE_ERROR;
	}
	st = stmt_get(s, STMT_ARTICLE_INDUSTRIES);
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->nindustries < ARTICLE_MAX_INDUSTRIES)
		out->industries[out->nindustries++] = column_text(st, 0, arena);
	stmt_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		log_db_error(s, "get article industries");
		return STORE_ERROR;
	}
	return STORE_OK;
}

static enum store_rc neighbour(struct store *s, enum store_statement which, const struct article *a,
			       struct arena *arena, struct article_summary *out)
{
	sqlite3_stmt *st = stmt_get(s, which);
	bind_text(st, 1, a->date);
	sqlite3_bind_int64(st, 2, a->id);
	int rc = sqlite3_step(st);
	*out = (struct article_summary){ 0 };
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->title = column_text(st, 1, arena);
		out->date = column_text(st, 2, arena);
	}
	stmt_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		log_db_error(s, "article neighbour");
		return STORE_ERROR;
	}
	return STORE_OK;
}

enum store_rc store_article_neighbours(struct store *s, const struct article *a, struct arena *arena,
				       struct article_summary *newer, struct article_summary *older)
{
	if (neighbour(s, STMT_ARTICLE_NEWER, a, arena, newer) != STORE_OK)
		return STORE_ERROR;
	return neighbour(s, STMT_ARTICLE_OLDER, a, arena, older);
}

static enum store_rc count_rows(struct store *s, enum store_statement which, const char *district,
				int64_t *total)
{
	sqlite3_stmt *st = stmt_get(s, which);
	if (district)
		bind_text(st, 1, district);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*total = sqlite3_column_int64(st, 0);
	stmt_done(st);
	if (rc != SQLITE_ROW) {
		log_db_error(s, "count articles");
		return STORE_ERROR;
	}
	return STORE_OK;
}

/* One page of a listing: count statement, page statement, and the tag
 * they are bound to (or NULL). */
static enum store_rc list_page(struct store *s, enum store_statement count, enum store_statement page, const char *tag,
			       int64_t offset, int limit, int excerpt_chars, struct arena *arena,
			       struct article_page *out)
{
	*out = (struct article_page){ 0 };
	if (count_rows(s, count, tag, &out->total) != STORE_OK)
		return STORE_ERROR;
	out->items = ARENA_NEW_ARRAY(arena, struct article_summary, (size_t)limit);
	if (offset >= out->total)
		return STORE_OK;

	sqlite3_stmt *st = stmt_get(s, page);
	sqlite3_bind_int(st, 1, limit);
	sqlite3_bind_int64(st, 2, offset);
	sqlite3_bind_int(st, 3, excerpt_chars);
	if (tag)
		bind_text(st, 4, tag);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->count < (size_t)limit) {
		struct article_summary *row = &out->items[out->count++];
		row->id = sqlite3_column_int64(st, 0);
		row->title = column_text(st, 1, arena);
		row->date = column_text(st, 2, arena);
		row->excerpt = column_text(st, 3, arena);
		const char *d = column_text(st, 4, arena);
		row->districts = d ? d : "";
	}
	stmt_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		log_db_error(s, "list articles");
		return STORE_ERROR;
	}
	return STORE_OK;
}

enum store_rc store_articles_list(struct store *s, const char *district, int64_t offset, int limit,
				  int excerpt_chars, struct arena *arena, struct article_page *out)
{
	return list_page(s, district ? STMT_DISTRICT_COUNT : STMT_ARTICLES_COUNT,
			 district ? STMT_DISTRICT_PAGE : STMT_ARTICLES_PAGE, district, offset, limit, excerpt_chars,
			 arena, out);
}

enum store_rc store_industry_list(struct store *s, const char *industry, int64_t offset, int limit,
				  int excerpt_chars, struct arena *arena, struct article_page *out)
{
	return list_page(s, STMT_INDUSTRY_COUNT, STMT_INDUSTRY_PAGE, industry, offset, limit, excerpt_chars, arena,
			 out);
}

/* Runs a statement whose rows are (district, count) into out. */
static int read_counts(sqlite3_stmt *st, struct arena *arena, struct tag_count *out, size_t *n, size_t max)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
		out[*n].slug = column_text(st, 0, arena);
		out[(*n)++].articles = sqlite3_column_int64(st, 1);
	}
	stmt_done(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

enum store_rc store_district_counts(struct store *s, struct arena *arena, struct tag_count **out, size_t *n)
{
	*out = ARENA_NEW_ARRAY(arena, struct tag_count, ARTICLE_MAX_DISTRICTS);
	*n = 0;
	if (read_counts(stmt_get(s, STMT_DISTRICT_COUNTS), arena, *out, n, ARTICLE_MAX_DISTRICTS) < 0) {
		log_db_error(s, "district counts");
		return STORE_ERROR;
	}
	return STORE_OK;
}

/* Binds the MATCH expression and, for a filtered statement, the filters. */
static void bind_search(sqlite3_stmt *st, const char *match, const struct search_filter *f, bool filtered)
{
	bind_text(st, 1, match);
	if (!filtered)
		return;
	bind_text(st, 2, f->district);
	bind_text(st, 3, f->from);
	bind_text(st, 4, f->to);
	bind_text(st, 7, f->industry);
}

static int search_hit(struct store *s, const char *match, struct arena *arena, struct search_hit *h)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SEARCH_HIT);
	bind_text(st, 1, match);
	sqlite3_bind_int64(st, 2, h->id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		h->title = column_text(st, 0, arena);
		h->date = column_text(st, 1, arena);
		h->snippet = column_text(st, 2, arena);
		const char *d = column_text(st, 3, arena), *ind = column_text(st, 4, arena);
		h->districts = d ? d : "";
		h->industries = ind ? ind : "";
	}
	stmt_done(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

enum store_rc store_search(struct store *s, const char *match, const struct search_filter *f, int64_t offset,
			   int limit, struct arena *arena, struct search_page *out)
{
	*out = (struct search_page){ 0 };
	bool dated = f->from || f->to;
	bool filtered = dated || f->district || f->industry;
	bool district_facets_filtered = dated || f->industry, industry_facets_filtered = dated || f->district;

	/* One read transaction: the count, the page and the facets all see the
	 * same articles even while an import commits. */
	if (exec_simple(s, STMT_BEGIN_READ) != STORE_OK)
		return STORE_ERROR;
	sqlite3_stmt *st = stmt_get(s, filtered ? STMT_SEARCH_COUNT : STMT_SEARCH_COUNT_ALL);
	bind_search(st, match, f, filtered);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		out->total = sqlite3_column_int64(st, 0);
	stmt_done(st);
	if (rc != SQLITE_ROW)
		goto fail;

	/* Rank first, on ids alone; highlight and snippet only the page shown. */
	out->hits = ARENA_NEW_ARRAY(arena, struct search_hit, (size_t)limit);
	st = stmt_get(s, f->by_date ? STMT_SEARCH_IDS_BY_DATE : STMT_SEARCH_IDS_BY_RANK);
	bind_search(st, match, f, true);
	sqlite3_bind_int(st, 5, limit);
	sqlite3_bind_int64(st, 6, offset);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->count < (size_t)limit)
		out->hits[out->count++].id = sqlite3_column_int64(st, 0);
	stmt_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		goto fail;
	for (size_t i = 0; i < out->count; i++)
		if (search_hit(s, match, arena, &out->hits[i]) < 0)
			goto fail;

	out->facets = ARENA_NEW_ARRAY(arena, struct tag_count, ARTICLE_MAX_DISTRICTS);
	st = stmt_get(s, district_facets_filtered ? STMT_SEARCH_DISTRICTS : STMT_SEARCH_DISTRICTS_ALL);
	bind_search(st, match, f, district_facets_filtered);
	if (read_counts(st, arena, out->facets, &out->nfacets, ARTICLE_MAX_DISTRICTS) < 0)
		goto fail;
	out->industry_facets = ARENA_NEW_ARRAY(arena, struct tag_count, STORE_MAX_INDUSTRIES);
	st = stmt_get(s, industry_facets_filtered ? STMT_SEARCH_INDUSTRIES : STMT_SEARCH_INDUSTRIES_ALL);
	bind_search(st, match, f, industry_facets_filtered);
	if (read_counts(st, arena, out->industry_facets, &out->nindustry_facets, STORE_MAX_INDUSTRIES) < 0)
		goto fail;
	return exec_simple(s, STMT_COMMIT);
fail:
	log_db_error(s, "search");
	store_rollback(s);
	return STORE_ERROR;
}

enum store_rc store_user_add(struct store *s, const char *name, const char *role, const char *password_hash)
{
	sqlite3_stmt *st = stmt_get(s, STMT_USER_INSERT);
	bind_text(st, 1, name);
	bind_text(st, 2, role);
	bind_text(st, 3, password_hash);
	if (step_write(s, st, "add user") != STORE_OK)
		return STORE_ERROR;
	return sqlite3_changes(s->db) ? STORE_OK : STORE_DUPLICATE;
}

enum store_rc store_user_by_name(struct store *s, const char *name, struct arena *arena, struct user *out)
{
	sqlite3_stmt *st = stmt_get(s, STMT_USER_BY_NAME);
	bind_text(st, 1, name);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->name = column_text(st, 1, arena);
		out->role = column_text(st, 2, arena);
		out->password_hash = column_text(st, 3, arena);
		out->disabled = sqlite3_column_int(st, 4) != 0;
	}
	stmt_done(st);
	if (rc == SQLITE_ROW)
		return STORE_OK;
	if (rc == SQLITE_DONE)
		return STORE_NOT_FOUND;
	log_db_error(s, "find user");
	return STORE_ERROR;
}

enum store_rc store_session_add(struct store *s, const unsigned char token_hash[32], int64_t user_id,
				const unsigned char csrf[32], int64_t now)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SESSION_INSERT);
	sqlite3_bind_blob(st, 1, token_hash, 32, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_blob(st, 3, csrf, 32, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, now);
	return step_write(s, st, "add session");
}

enum store_rc store_session_get(struct store *s, const unsigned char token_hash[32], struct arena *arena,
				struct session_row *out)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SESSION_GET);
	sqlite3_bind_blob(st, 1, token_hash, 32, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->user_id = sqlite3_column_int64(st, 0);
		out->user_name = column_text(st, 1, arena);
		out->role = column_text(st, 2, arena);
		if (sqlite3_column_bytes(st, 3) == 32)
			memcpy(out->csrf, sqlite3_column_blob(st, 3), 32);
		out->created_at = sqlite3_column_int64(st, 4);
		out->last_seen = sqlite3_column_int64(st, 5);
	}
	stmt_done(st);
	if (rc == SQLITE_ROW)
		return STORE_OK;
	if (rc == SQLITE_DONE)
		return STORE_NOT_FOUND;
	log_db_error(s, "find session");
	return STORE_ERROR;
}

enum store_rc store_session_touch(struct store *s, const unsigned char token_hash[32], int64_t now)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SESSION_TOUCH);
	sqlite3_bind_blob(st, 1, token_hash, 32, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, now);
	return step_write(s, st, "touch session");
}

enum store_rc store_session_delete(struct store *s, const unsigned char token_hash[32])
{
	sqlite3_stmt *st = stmt_get(s, STMT_SESSION_DELETE);
	sqlite3_bind_blob(st, 1, token_hash, 32, SQLITE_STATIC);
	return step_write(s, st, "delete session");
}

enum store_rc store_articles_after(struct store *s, int64_t after, int limit, struct arena *arena,
				   struct article **out, size_t *n)
{
	*n = 0;
	*out = ARENA_NEW_ARRAY(arena, struct article, (size_t)limit);
	sqlite3_stmt *st = stmt_get(s, STMT_ARTICLES_AFTER);
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int(st, 2, limit);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < (size_t)limit) {
		struct article *a = &(*out)[(*n)++];
		*a = (struct article){
			.id = sqlite3_column_int64(st, 0),
			.title = column_text(st, 1, arena),
			.body = column_text(st, 2, arena),
			.date = column_text(st, 3, arena),
			.districts_given = sqlite3_column_int(st, 4) != 0,
			.industries_given = sqlite3_column_int(st, 5) != 0,
		};
	}
	stmt_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		log_db_error(s, "articles after");
		return STORE_ERROR;
	}
	return STORE_OK;
}

/* Runs a statement that takes one article id. */
static enum store_rc for_article(struct store *s, enum store_statement which, int64_t id, const char *what)
{
	sqlite3_stmt *st = stmt_get(s, which);
	sqlite3_bind_int64(st, 1, id);
	return step_write(s, st, what);
}

enum store_rc store_article_retag(struct store *s, const struct article *a)
{
	if ((!a->districts_given &&
	     for_article(s, STMT_ARTICLE_DISTRICTS_DELETE, a->id, "delete districts") != STORE_OK) ||
	    (!a->industries_given &&
	     for_article(s, STMT_ARTICLE_INDUSTRIES_DELETE, a->id, "delete industries") != STORE_OK) ||
	    for_article(s, STMT_ARTICLE_FACTS_DELETE, a->id, "delete facts") != STORE_OK)
		return STORE_ERROR;
	if (!a->districts_given) {
		sqlite3_stmt *st = stmt_get(s, STMT_ARTICLE_CITYWIDE_SET);
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_int(st, 2, a->citywide);
		if (step_write(s, st, "set citywide") != STORE_OK)
			return STORE_ERROR;
	}
	sqlite3_stmt *money = stmt_get(s, STMT_ARTICLE_MONEY_SET);
	sqlite3_bind_int64(money, 1, a->id);
	sqlite3_bind_double(money, 2, article_money_cny(a));
	if (step_write(s, money, "set money") != STORE_OK)
		return STORE_ERROR;
	return insert_tags(s, a, a->id, !a->districts_given, true, !a->industries_given);
}

enum store_rc store_article_set_tags(struct store *s, const struct article *a)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ARTICLE_TAGS_GIVEN);
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_int(st, 2, a->citywide);
	if (step_write(s, st, "set tags") != STORE_OK)
		return STORE_ERROR;
	if (sqlite3_changes(s->db) == 0)
		return STORE_NOT_FOUND;
	if (for_article(s, STMT_ARTICLE_DISTRICTS_DELETE, a->id, "delete districts") != STORE_OK ||
	    for_article(s, STMT_ARTICLE_INDUSTRIES_DELETE, a->id, "delete industries") != STORE_OK)
		return STORE_ERROR;
	return insert_tags(s, a, a->id, true, false, true);
}

enum store_rc store_sitemap_count(struct store *s, enum sitemap_kind kind, int64_t *n)
{
	return count_rows(s, kind == SITEMAP_ARTICLES ? STMT_SITEMAP_ARTICLES_COUNT : STMT_SITEMAP_ENTERPRISES_COUNT,
			  NULL, n);
}

enum store_rc store_sitemap_rows(struct store *s, enum sitemap_kind kind, int64_t offset, int limit,
				 struct arena *arena, struct sitemap_row **out, size_t *n)
{
	sqlite3_stmt *st = stmt_get(s, kind == SITEMAP_ARTICLES ? STMT_SITEMAP_ARTICLES : STMT_SITEMAP_ENTERPRISES);
	sqlite3_bind_int(st, 1, limit);
	sqlite3_bind_int64(st, 2, offset);
	*out = ARENA_NEW_ARRAY(arena, struct sitemap_row, (size_t)limit);
	*n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < (size_t)limit) {
		(*out)[*n].id = sqlite3_column_int64(st, 0);
		(*out)[*n].lastmod = column_text(st, 1, arena);
		(*n)++;
	}
	stmt_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		log_db_error(s, "list pages for the sitemap");
		return STORE_ERROR;
	}
	return STORE_OK;
}

enum store_rc store_article_count(struct store *s, int64_t *n)
{
	return count_rows(s, STMT_ARTICLES_COUNT, NULL, n);
}
