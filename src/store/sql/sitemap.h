/* sql/sitemap: the statements of store/sitemap.c — public pages by kind (internal; see
 * store/statements.h). */
#ifndef ZS_STORE_SQL_SITEMAP_H
#define ZS_STORE_SQL_SITEMAP_H

#define STORE_SITEMAP_STATEMENTS(X)                                                                \
	/* Sitemaps: every public page's id and the day it last changed. */                        \
	X(SITEMAP_ARTICLES_COUNT, "SELECT count(*) FROM articles")                                 \
	X(SITEMAP_ARTICLES, "SELECT id, date FROM articles ORDER BY id LIMIT ?1 OFFSET ?2")        \
	X(SITEMAP_ENTERPRISES_COUNT, "SELECT count(*) FROM enterprises WHERE status = 'approved'") \
	X(SITEMAP_ENTERPRISES,                                                                     \
	  "SELECT id, updated_at FROM enterprises"                                                 \
	  " WHERE status = 'approved' ORDER BY id LIMIT ?1 OFFSET ?2")

#endif
