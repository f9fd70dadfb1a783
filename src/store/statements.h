/* statements: every SQL statement the store runs, in one table (internal). */
#ifndef ZS_STORE_STATEMENTS_H
#define ZS_STORE_STATEMENTS_H

/* X(name, sql). Each statement is prepared once per connection and only ever
 * run with bound parameters. */
#define STORE_STATEMENTS(X)                                                              \
	X(BEGIN, "BEGIN IMMEDIATE")                                                      \
	X(BEGIN_READ, "BEGIN")                                                           \
	X(COMMIT, "COMMIT")                                                              \
	X(ROLLBACK, "ROLLBACK")                                                          \
	X(PING, "SELECT 1")                                                              \
	X(META_GET, "SELECT value FROM store_meta WHERE key = ?1")                       \
	X(META_SET, "INSERT OR REPLACE INTO store_meta(key, value) VALUES (?1, ?2)")      \
	X(SEARCH_REBUILD, "INSERT INTO article_search(article_search) VALUES ('rebuild')") \
	X(ARTICLE_INSERT,                                                                \
	  "INSERT INTO articles(title, body, date, source, url, content_hash, created_at)" \
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, unixepoch()) ON CONFLICT(content_hash) DO NOTHING") \
	X(ARTICLE_DISTRICT_INSERT,                                                       \
	  "INSERT OR IGNORE INTO article_districts(district, date, article_id) VALUES (?1, ?2, ?3)") \
	X(USER_INSERT,                                                                   \
	  "INSERT INTO users(name, role, password_hash, created_at) VALUES (?1, ?2, ?3, unixepoch())" \
	  " ON CONFLICT(name) DO NOTHING")                                               \
	X(USER_BY_NAME, "SELECT id, name, role, password_hash, disabled FROM users WHERE name = ?1") \
	X(SESSION_INSERT,                                                                \
	  "INSERT INTO sessions(token_hash, user_id, csrf, created_at, last_seen) VALUES (?1, ?2, ?3, ?4, ?4)") \
	X(SESSION_GET,                                                                   \
	  "SELECT s.user_id, u.name, u.role, s.csrf, s.created_at, s.last_seen"          \
	  " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?1 AND u.disabled = 0") \
	X(SESSION_TOUCH, "UPDATE sessions SET last_seen = ?2 WHERE token_hash = ?1")      \
	X(SESSION_DELETE, "DELETE FROM sessions WHERE token_hash = ?1")                   \
	X(ARTICLE_INDUSTRY_INSERT,                                                       \
	  "INSERT OR IGNORE INTO article_industries(industry, date, article_id, rank) VALUES (?1, ?2, ?3, ?4)") \
	X(ARTICLE_INDUSTRIES,                                                            \
	  "SELECT industry FROM article_industries WHERE article_id = ?1 ORDER BY rank")  \
	X(ARTICLE_GET,                                                                   \
	  "SELECT id, title, body, date, source, url, content_hash FROM articles WHERE id = ?1") \
	X(ARTICLE_DISTRICTS,                                                             \
	  "SELECT district FROM article_districts WHERE article_id = ?1 ORDER BY district") \
	X(ARTICLE_NEWER,                                                                 \
	  "SELECT id, title, date FROM articles WHERE (date, id) > (?1, ?2)"              \
	  " ORDER BY date, id LIMIT 1")                                                  \
	X(ARTICLE_OLDER,                                                                 \
	  "SELECT id, title, date FROM articles WHERE (date, id) < (?1, ?2)"              \
	  " ORDER BY date DESC, id DESC LIMIT 1")                                        \
	X(ARTICLES_COUNT, "SELECT coalesce((SELECT n FROM article_counts WHERE district = ''), 0)") \
	X(ARTICLES_PAGE,                                                                 \
	  "SELECT a.id, a.title, a.date, substr(a.body, 1, ?3),"                         \
	  " (SELECT group_concat(district) FROM article_districts WHERE article_id = a.id)" \
	  " FROM articles a ORDER BY a.date DESC, a.id DESC LIMIT ?1 OFFSET ?2")         \
	X(DISTRICT_COUNTS, "SELECT district, n FROM article_counts WHERE district <> '' AND n > 0") \
	X(DISTRICT_COUNT, "SELECT coalesce((SELECT n FROM article_counts WHERE district = ?1), 0)") \
	X(DISTRICT_PAGE,                                                                 \
	  "SELECT a.id, a.title, a.date, substr(a.body, 1, ?3),"                         \
	  " (SELECT group_concat(district) FROM article_districts WHERE article_id = a.id)" \
	  " FROM article_districts d JOIN articles a ON a.id = d.article_id"              \
	  " WHERE d.district = ?4 ORDER BY d.date DESC, d.article_id DESC LIMIT ?1 OFFSET ?2")

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

#define STORE_SEARCH_STATEMENTS(X)                                                        \
	X(SEARCH_COUNT, "SELECT count(*)" SEARCH_FROM SEARCH_WHERE)                       \
	X(SEARCH_COUNT_ALL, "SELECT count(*) FROM article_search WHERE article_search MATCH ?1") \
	X(SEARCH_IDS_BY_RANK, "SELECT a.id" SEARCH_FROM SEARCH_WHERE SEARCH_RANK)           \
	X(SEARCH_IDS_BY_DATE, "SELECT a.id" SEARCH_FROM SEARCH_WHERE SEARCH_NEWEST)         \
	/* One hit's details, computed only for the hits shown. Hits are marked    \
	 * with \x01 before and \x02 after: imported text cannot hold control      \
	 * characters, so the marks are unambiguous. */                               \
	X(SEARCH_HIT,                                                                     \
	  "SELECT highlight(article_search, 0, char(1), char(2)), a.date,"                \
	  " snippet(article_search, 1, char(1), char(2), '…', 40),"                       \
	  " (SELECT group_concat(district) FROM article_districts WHERE article_id = a.id)," \
	  " (SELECT group_concat(industry) FROM (SELECT industry FROM article_industries"  \
	  "   WHERE article_id = a.id ORDER BY rank))"                                     \
	  SEARCH_FROM " WHERE article_search MATCH ?1 AND article_search.rowid = ?2")      \
	/* Facets: each counts with every filter but its own. */                          \
	X(SEARCH_DISTRICTS,                                                               \
	  "SELECT d.district, count(*)" SEARCH_FROM " JOIN article_districts d ON d.article_id = a.id" \
	  " WHERE article_search MATCH ?1 AND (?3 IS NULL OR a.date >= ?3) AND (?4 IS NULL OR a.date <= ?4)" \
	  " AND (?7 IS NULL OR a.id IN (SELECT article_id FROM article_industries WHERE industry = ?7))" \
	  " GROUP BY d.district")                                                         \
	X(SEARCH_DISTRICTS_ALL,                                                           \
	  "SELECT d.district, count(*) FROM article_search"                               \
	  " JOIN article_districts d ON d.article_id = article_search.rowid"              \
	  " WHERE article_search MATCH ?1 GROUP BY d.district")                           \
	X(SEARCH_INDUSTRIES,                                                              \
	  "SELECT i.industry, count(*)" SEARCH_FROM " JOIN article_industries i ON i.article_id = a.id" \
	  " WHERE article_search MATCH ?1 AND (?3 IS NULL OR a.date >= ?3) AND (?4 IS NULL OR a.date <= ?4)" \
	  " AND (?2 IS NULL OR a.id IN (SELECT article_id FROM article_districts WHERE district = ?2))" \
	  " GROUP BY i.industry")                                                         \
	X(SEARCH_INDUSTRIES_ALL,                                                          \
	  "SELECT i.industry, count(*) FROM article_search"                               \
	  " JOIN article_industries i ON i.article_id = article_search.rowid"              \
	  " WHERE article_search MATCH ?1 GROUP BY i.industry")

#define STORE_STATEMENT_ENUM(name, sql) STMT_##name,
enum store_statement { STORE_STATEMENTS(STORE_STATEMENT_ENUM) STORE_SEARCH_STATEMENTS(STORE_STATEMENT_ENUM) STMT__MAX };
#undef STORE_STATEMENT_ENUM

#endif
