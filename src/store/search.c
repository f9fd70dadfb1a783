/* search: ranking, highlighting and facets over the articles' FTS5 index. */
#include "store/search.h"

#include "store/store_internal.h"

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
