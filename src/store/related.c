/* related: scoring the newest articles of each of an article's tags. */
#include "store/related.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "store/store_internal.h"

enum { CANDIDATES_MAX = (ARTICLE_MAX_INDUSTRIES + ARTICLE_MAX_DISTRICTS) * RELATED_WINDOW };

struct candidate {
	int64_t id;
	const char *date;
	int industries, districts; /* how many of each it shares */
	bool taken;
};

/* Counts one tag (which: an industry or a district) shared by each of its
 * newest articles in c. */
static enum store_rc gather(struct store *s, enum store_statement which, const char *tag, int64_t self,
			    struct arena *arena, struct candidate *c, size_t *n)
{
	sqlite3_stmt *st = stmt_get(s, which);
	bind_text(st, 1, tag);
	sqlite3_bind_int(st, 2, RELATED_WINDOW);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		if (id == self)
			continue;
		size_t i = 0;
		while (i < *n && c[i].id != id)
			i++;
		if (i == *n) {
			if (*n == CANDIDATES_MAX)
				continue;
			c[(*n)++] = (struct candidate){ .id = id, .date = column_text(st, 1, arena) };
		}
		if (which == STMT_RELATED_BY_INDUSTRY)
			c[i].industries++;
		else
			c[i].districts++;
	}
	stmt_done(st);
	if (rc != SQLITE_DONE) {
		log_db_error(s, "related articles");
		return STORE_ERROR;
	}
	return STORE_OK;
}

/* Which candidates a pick is among: those sharing both an industry and a
 * district, or one kind of tag. */
enum pool { POOL_BOTH, POOL_INDUSTRY, POOL_DISTRICT };

static int shared(const struct candidate *x, enum pool pool)
{
	switch (pool) {
	case POOL_BOTH:
		return x->industries && x->districts ? x->industries + x->districts : 0;
	case POOL_INDUSTRY:
		return x->industries;
	case POOL_DISTRICT:
		return x->districts;
	}
	return 0;
}

/* The best of pool not yet taken — more shared, then newer, then the
 * higher id — or -1. nc is a few hundred at most. */
static ptrdiff_t best_of(const struct candidate *c, size_t nc, enum pool pool)
{
	ptrdiff_t best = -1;
	for (size_t i = 0; i < nc; i++) {
		int n = shared(&c[i], pool);
		if (c[i].taken || n == 0)
			continue;
		if (best >= 0) {
			int m = shared(&c[best], pool), d = strcmp(c[i].date, c[best].date);
			if (n < m || (n == m && (d < 0 || (d == 0 && c[i].id < c[best].id))))
				continue;
		}
		best = (ptrdiff_t)i;
	}
	return best;
}

enum store_rc store_related(struct store *s, const struct article *a, size_t limit, struct arena *arena,
			    struct article_summary **out, size_t *n)
{
	*n = 0;
	if (limit > RELATED_MAX)
		limit = RELATED_MAX;
	*out = ARENA_NEW_ARRAY(arena, struct article_summary, RELATED_MAX);
	struct candidate *c = ARENA_NEW_ARRAY(arena, struct candidate, CANDIDATES_MAX);
	size_t nc = 0;
	for (size_t i = 0; i < a->nindustries; i++)
		if (gather(s, STMT_RELATED_BY_INDUSTRY, a->industries[i], a->id, arena, c, &nc) != STORE_OK)
			return STORE_ERROR;
	for (size_t i = 0; i < a->ndistricts; i++)
		if (gather(s, STMT_RELATED_BY_DISTRICT, a->districts[i], a->id, arena, c, &nc) != STORE_OK)
			return STORE_ERROR;
	/* Those sharing both kinds first; then same industry and same district
	 * by turns, so that neither crowds out the other. */
	enum pool turn = POOL_INDUSTRY;
	while (*n < limit) {
		ptrdiff_t k = best_of(c, nc, POOL_BOTH);
		if (k < 0) {
			k = best_of(c, nc, turn);
			turn = turn == POOL_INDUSTRY ? POOL_DISTRICT : POOL_INDUSTRY;
			if (k < 0)
				k = best_of(c, nc, turn);
		}
		if (k < 0)
			break;
		c[k].taken = true;
		sqlite3_stmt *st = stmt_get(s, STMT_RELATED_SUMMARY);
		sqlite3_bind_int64(st, 1, c[k].id);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			(*out)[(*n)++] = (struct article_summary){ .id = sqlite3_column_int64(st, 0),
								   .title = column_text(st, 1, arena),
								   .date = column_text(st, 2, arena),
								   .districts = "" };
		stmt_done(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			log_db_error(s, "related article");
			return STORE_ERROR;
		}
	}
	return STORE_OK;
}
