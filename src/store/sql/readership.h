/* sql/readership: the statements of store/readership.c — reads per article
 * and day (internal; see store/statements.h). */
#ifndef ZS_STORE_SQL_READERSHIP_H
#define ZS_STORE_SQL_READERSHIP_H

#define STORE_READERSHIP_STATEMENTS(X)                                                               \
	X(READERSHIP_ADD,                                                                            \
	  "INSERT INTO article_views(day, article_id, views)"                                        \
	  " SELECT ?1, id, ?3 FROM articles WHERE id = ?2"                                           \
	  " ON CONFLICT(day, article_id) DO UPDATE SET views = views + excluded.views")              \
	X(READERSHIP_FORGET, "DELETE FROM article_views WHERE day < ?1")                             \
	X(READERSHIP_TOP,                                                                            \
	  "SELECT v.article_id, sum(v.views) AS n, a.title, a.date FROM article_views v"             \
	  " JOIN articles a ON a.id = v.article_id WHERE v.day >= ?1"                               \
	  " GROUP BY v.article_id ORDER BY n DESC, a.date DESC, v.article_id DESC LIMIT ?2")

#endif
