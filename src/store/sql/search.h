/* sql/search: the statements of store/search.c — full-text search over the articles (internal; see
 * store/statements.h). */
#ifndef ZS_STORE_SQL_SEARCH_H
#define ZS_STORE_SQL_SEARCH_H

/* Search filters shared by the statements below: ?1 the MATCH expression,
 * ?2 a district slug or NULL, ?3 and ?4 the first and last date or NULL, ?7
 * an industry slug or NULL (?5 and ?6 are LIMIT and OFFSET).
 * Counts and facets have a variant for the common case of no filter, which
 * leaves out the join only the filters need (ten times faster when a query
 * matches every article). */
#define SEARCH_FROM " FROM article_search JOIN articles a ON a.id = article_search.rowid"
#define SEARCH_WHERE                                                                      \
	" WHERE article_search MATCH ?1"                                                  \
	" AND (?2 IS NULL OR a.id IN (SELECT article_id FROM article_districts WHERE district = ?2))" \
	" AND (?3 IS NULL OR a.date >= ?3) AND (?4 IS NULL OR a.date <= ?4)"                \
	" AND (?7 IS NULL OR a.id IN (SELECT article_id FROM article_industries WHERE industry = ?7))"
#define SEARCH_RANK " ORDER BY bm25(article_search, 10.0, 1.0), a.date DESC, a.id DESC LIMIT ?5 OFFSET ?6"
#define SEARCH_NEWEST " ORDER BY a.date DESC, a.id DESC LIMIT ?5 OFFSET ?6"
#define STORE_SEARCH_STATEMENTS(X)                                                                           \
	X(SEARCH_COUNT, "SELECT count(*)" SEARCH_FROM SEARCH_WHERE)                                          \
	X(SEARCH_COUNT_ALL, "SELECT count(*) FROM article_search WHERE article_search MATCH ?1")             \
	X(SEARCH_IDS_BY_RANK, "SELECT a.id" SEARCH_FROM SEARCH_WHERE SEARCH_RANK)                            \
	X(SEARCH_IDS_BY_DATE, "SELECT a.id" SEARCH_FROM SEARCH_WHERE SEARCH_NEWEST)                          \
	/* One hit's details, computed only for the hits shown. Hits are marked                              \
	 * with \x01 before and \x02 after: imported text cannot hold control                                \
	 * characters, so the marks are unambiguous. */                                                      \
	X(SEARCH_HIT,                                                                                        \
	  "SELECT highlight(article_search, 0, char(1), char(2)), a.date,"                                   \
	  " snippet(article_search, 1, char(1), char(2), '…', 40),"                                          \
	  " (SELECT group_concat(district) FROM article_districts WHERE article_id = a.id),"                 \
	  " (SELECT group_concat(industry) FROM (SELECT industry FROM article_industries"                    \
	  "   WHERE article_id = a.id ORDER BY rank))"                                                       \
	  SEARCH_FROM " WHERE article_search MATCH ?1 AND article_search.rowid = ?2")                        \
	/* Facets: each counts with every filter but its own. */                                             \
	X(SEARCH_DISTRICTS,                                                                                  \
	  "SELECT d.district, count(*)" SEARCH_FROM " JOIN article_districts d ON d.article_id = a.id"       \
	  " WHERE article_search MATCH ?1 AND (?3 IS NULL OR a.date >= ?3) AND (?4 IS NULL OR a.date <= ?4)" \
	  " AND (?7 IS NULL OR a.id IN (SELECT article_id FROM article_industries WHERE industry = ?7))"     \
	  " GROUP BY d.district")                                                                            \
	X(SEARCH_DISTRICTS_ALL,                                                                              \
	  "SELECT d.district, count(*) FROM article_search"                                                  \
	  " JOIN article_districts d ON d.article_id = article_search.rowid"                                 \
	  " WHERE article_search MATCH ?1 GROUP BY d.district")                                              \
	X(SEARCH_INDUSTRIES,                                                                                 \
	  "SELECT i.industry, count(*)" SEARCH_FROM " JOIN article_industries i ON i.article_id = a.id"      \
	  " WHERE article_search MATCH ?1 AND (?3 IS NULL OR a.date >= ?3) AND (?4 IS NULL OR a.date <= ?4)" \
	  " AND (?2 IS NULL OR a.id IN (SELECT article_id FROM article_districts WHERE district = ?2))"      \
	  " GROUP BY i.industry")                                                                            \
	X(SEARCH_INDUSTRIES_ALL,                                                                             \
	  "SELECT i.industry, count(*) FROM article_search"                                                  \
	  " JOIN article_industries i ON i.article_id = article_search.rowid"                                \
	  " WHERE article_search MATCH ?1 GROUP BY i.industry")

#endif
