/* sql/related: the statements of store/related.c — candidates for related
 * reading, newest first per tag, straight off each tag's primary key
 * (internal; see store/statements.h). */
#ifndef ZS_STORE_SQL_RELATED_H
#define ZS_STORE_SQL_RELATED_H

#define STORE_RELATED_STATEMENTS(X)                                                                   \
	X(RELATED_BY_INDUSTRY,                                                                        \
	  "SELECT article_id, date FROM article_industries WHERE industry = ?1"                       \
	  " ORDER BY date DESC, article_id DESC LIMIT ?2")                                            \
	X(RELATED_BY_DISTRICT,                                                                        \
	  "SELECT article_id, date FROM article_districts WHERE district = ?1"                        \
	  " ORDER BY date DESC, article_id DESC LIMIT ?2")                                            \
	X(RELATED_SUMMARY, "SELECT id, title, date FROM articles WHERE id = ?1")

#endif
