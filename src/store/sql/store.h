/* sql/store: the statements of store/store.c — transactions and what the store keeps about itself (internal; see
 * store/statements.h). */
#ifndef ZS_STORE_SQL_STORE_H
#define ZS_STORE_SQL_STORE_H

#define STORE_CORE_STATEMENTS(X)                                                                            \
	X(BEGIN, "BEGIN IMMEDIATE")                                                                         \
	X(BEGIN_READ, "BEGIN")                                                                              \
	X(COMMIT, "COMMIT")                                                                                 \
	X(ROLLBACK, "ROLLBACK")                                                                             \
	X(PING, "SELECT 1")                                                                                 \
	X(SITE_COUNTS,                                                                                      \
	  "SELECT (SELECT count(*) FROM articles),"                                                         \
	  " (SELECT count(*) FROM submissions WHERE status = 'pending'),"                                   \
	  " (SELECT count(*) FROM submissions WHERE status = 'approved'),"                                  \
	  " (SELECT count(*) FROM submissions WHERE status = 'rejected'),"                                  \
	  " (SELECT count(*) FROM enterprises WHERE status = 'pending'),"                                   \
	  " (SELECT count(*) FROM enterprises WHERE status = 'approved'),"                                  \
	  " (SELECT count(*) FROM enterprises WHERE status = 'rejected'),"                                  \
	  " (SELECT count(*) FROM messages WHERE handled_at IS NULL)")                                      \
	X(CONTENT_VERSION, "SELECT version, changed_at FROM content_version")                               \
	X(CONTENT_BUMP, "UPDATE content_version SET version = version + 1, changed_at = unixepoch()")       \
	X(META_GET, "SELECT value FROM store_meta WHERE key = ?1")                                          \
	X(META_SET, "INSERT OR REPLACE INTO store_meta(key, value) VALUES (?1, ?2)")                        \
	X(META_ADD, "INSERT OR IGNORE INTO store_meta(key, value) VALUES (?1, ?2)")                         \
	X(SEARCH_REBUILD, "INSERT INTO article_search(article_search) VALUES ('rebuild')")                  \
	X(ENTERPRISE_SEARCH_REBUILD, "INSERT INTO enterprise_search(enterprise_search) VALUES ('rebuild')")

#endif
