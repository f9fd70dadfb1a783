/* articles: articles with their tags and facts, listings and retagging. */
#include "store/articles.h"

#include <string.h>

#include "store/store_internal.h"

const char *const fact_role_names[FACT_ROLE__MAX] = {
	[FACT_ROLE_OTHER] = "other",   [FACT_ROLE_INVESTMENT] = "investment", [FACT_ROLE_OUTPUT] = "output",
	[FACT_ROLE_TAX] = "tax",       [FACT_ROLE_FUND] = "fund",
};

enum fact_role fact_role_from_name(const char *name)
{
	for (int r = 0; name && r < FACT_ROLE__MAX; r++)
		if (!strcmp(name, fact_role_names[r]))
			return (enum fact_role)r;
	return FACT_ROLE_OTHER;
}

/* The money an article announces in yuan, for each role: its largest CNY
 * amount of that role, the headline total (money_cny is the investment).
 * Summing would count a total's parts (其中…) and thresholds (投资额超…的
 * 项目) as more investment; subsidy caps (最高…) are of role other. */
static void article_headlines(const struct article *a, double out[FACT_ROLE__MAX])
{
	for (int r = 0; r < FACT_ROLE__MAX; r++)
		out[r] = 0;
	for (size_t i = 0; i < a->nfacts; i++) {
		const struct article_fact *f = &a->facts[i];
		if (!strcmp(f->kind, "money") && !strcmp(f->unit, "CNY") && f->role < FACT_ROLE__MAX &&
		    f->value > out[f->role])
			out[f->role] = f->value;
	}
}

/* Binds the headline amounts (investment, output, tax, fund) to st's
 * parameters first, first + 1, …. */
static void bind_headlines(sqlite3_stmt *st, int first, const struct article *a)
{
	double cny[FACT_ROLE__MAX];
	article_headlines(a, cny);
	sqlite3_bind_double(st, first, cny[FACT_ROLE_INVESTMENT]);
	sqlite3_bind_double(st, first + 1, cny[FACT_ROLE_OUTPUT]);
	sqlite3_bind_double(st, first + 2, cny[FACT_ROLE_TAX]);
	sqlite3_bind_double(st, first + 3, cny[FACT_ROLE_FUND]);
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
		bind_text(st, 9, fact_role_names[f->role < FACT_ROLE__MAX ? f->role : FACT_ROLE_OTHER]);
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
	bind_headlines(st, 10, a);
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
			.role = fact_role_from_name((const char *)sqlite3_column_text(st, 5)),
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

/* A listing's row: id, title, date, excerpt, districts, source, citywide. */
static void read_summary(sqlite3_stmt *st, struct arena *arena, struct article_summary *row)
{
	row->id = sqlite3_column_int64(st, 0);
	row->title = column_text(st, 1, arena);
	row->date = column_text(st, 2, arena);
	row->excerpt = column_text(st, 3, arena);
	const char *d = column_text(st, 4, arena);
	row->districts = d ? d : "";
	row->source = column_text(st, 5, arena);
	row->citywide = sqlite3_column_int(st, 6) != 0;
}

/* One page of a listing: count statement, page statement, and the tag
 * they are bound to (or NULL). */
static enum store_rc list_page(struct store *s, enum store_statement count, enum store_statement page, const char *tag,
			       int64_t offset, int limit, int excerpt_chars, struct arena *arena,
			       struct article_page *out)
{
	*out = (struct article_page){ 0 };
	sqlite3_stmt *counter = stmt_get(s, count);
	if (tag)
		bind_text(counter, 1, tag);
	if (read_count(s, counter, &out->total, "count articles") != STORE_OK)
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
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->count < (size_t)limit)
		read_summary(st, arena, &out->items[out->count++]);
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

enum store_rc store_article_summaries(struct store *s, const int64_t *ids, size_t n, int excerpt_chars,
				      struct arena *arena, struct article_summary **out, size_t *count)
{
	*count = 0;
	*out = ARENA_NEW_ARRAY(arena, struct article_summary, n ? n : 1);
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st = stmt_get(s, STMT_ARTICLE_SUMMARY);
		sqlite3_bind_int64(st, 1, ids[i]);
		sqlite3_bind_int(st, 2, excerpt_chars);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			read_summary(st, arena, &(*out)[(*count)++]);
		stmt_done(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			log_db_error(s, "article summary");
			return STORE_ERROR;
		}
	}
	return STORE_OK;
}

enum store_rc store_industry_articles(struct store *s, const char *industry, int limit, struct arena *arena,
				      struct article_summary **out, size_t *n)
{
	*n = 0;
	*out = ARENA_NEW_ARRAY(arena, struct article_summary, (size_t)limit);
	sqlite3_stmt *st = stmt_get(s, STMT_INDUSTRY_ARTICLES);
	bind_text(st, 1, industry);
	sqlite3_bind_int(st, 2, limit);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < (size_t)limit) {
		struct article_summary *a = &(*out)[(*n)++];
		a->id = sqlite3_column_int64(st, 0);
		a->title = column_text(st, 1, arena);
		a->date = column_text(st, 2, arena);
		a->districts = "";
	}
	stmt_done(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return STORE_OK;
	log_db_error(s, "industry articles");
	return STORE_ERROR;
}

int read_counts(sqlite3_stmt *st, struct arena *arena, struct tag_count *out, size_t *n, size_t max)
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
	bind_headlines(money, 2, a);
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

enum store_rc store_article_count(struct store *s, int64_t *n)
{
	return read_count(s, stmt_get(s, STMT_ARTICLES_COUNT), n, "count articles");
}
