/* sql/articles: the statements of store/articles.c — articles, their tags and facts; listings; retagging (internal; see
 * store/statements.h). */
#ifndef ZS_STORE_SQL_ARTICLES_H
#define ZS_STORE_SQL_ARTICLES_H

#define STORE_ARTICLE_STATEMENTS(X)                                                                                           \
	X(ARTICLE_INSERT,                                                                                                     \
	  "INSERT INTO articles(title, body, date, source, url, content_hash, simhash, citywide, districts_given,"            \
	  " money_cny, output_cny, tax_cny, fund_cny, created_at)"                                                             \
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, unixepoch())"                                     \
	  " ON CONFLICT(content_hash) DO NOTHING")                                                                            \
	/* Retagging: the articles after an id, and replacing their tags. */                                                  \
	X(ARTICLES_AFTER,                                                                                                     \
	  "SELECT id, title, body, date, districts_given, industries_given FROM articles WHERE id > ?1 ORDER BY id LIMIT ?2") \
	X(ARTICLE_TAGS_GIVEN,                                                                                                 \
	  "UPDATE articles SET districts_given = 1, industries_given = 1, citywide = ?2 WHERE id = ?1")                       \
	X(ARTICLE_DISTRICTS_DELETE, "DELETE FROM article_districts WHERE article_id = ?1")                                    \
	X(ARTICLE_INDUSTRIES_DELETE, "DELETE FROM article_industries WHERE article_id = ?1")                                  \
	X(ARTICLE_FACTS_DELETE, "DELETE FROM article_facts WHERE article_id = ?1")                                            \
	X(ARTICLE_CITYWIDE_SET, "UPDATE articles SET citywide = ?2 WHERE id = ?1")                                            \
	/* Each role's headline amount: money_cny is the investment. */                                                     \
	X(ARTICLE_MONEY_SET,                                                                                                  \
	  "UPDATE articles SET money_cny = ?2, output_cny = ?3, tax_cny = ?4, fund_cny = ?5 WHERE id = ?1")                   \
	X(ARTICLE_FACT_INSERT,                                                                                                \
	  "INSERT INTO article_facts(article_id, seq, kind, value, unit, match, sentence, date, role)"                        \
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")                                                                     \
	X(ARTICLE_FACTS,                                                                                                      \
	  "SELECT kind, value, unit, match, sentence, role FROM article_facts WHERE article_id = ?1 ORDER BY seq")            \
	X(ARTICLE_DISTRICT_INSERT,                                                                                            \
	  "INSERT OR IGNORE INTO article_districts(district, date, article_id) VALUES (?1, ?2, ?3)")                          \
	X(ARTICLE_INDUSTRY_INSERT,                                                                                            \
	  "INSERT OR IGNORE INTO article_industries(industry, date, article_id, rank) VALUES (?1, ?2, ?3, ?4)")               \
	X(ARTICLE_INDUSTRIES,                                                                                                 \
	  "SELECT industry FROM article_industries WHERE article_id = ?1 ORDER BY rank")                                      \
	X(ARTICLE_GET,                                                                                                        \
	  "SELECT id, title, body, date, source, url, content_hash, citywide, districts_given, industries_given"              \
	  " FROM articles WHERE id = ?1")                                                                                     \
	X(ARTICLE_DISTRICTS,                                                                                                  \
	  "SELECT district FROM article_districts WHERE article_id = ?1 ORDER BY district")                                   \
	X(ARTICLE_NEWER,                                                                                                      \
	  "SELECT id, title, date FROM articles WHERE (date, id) > (?1, ?2)"                                                  \
	  " ORDER BY date, id LIMIT 1")                                                                                       \
	X(ARTICLE_OLDER,                                                                                                      \
	  "SELECT id, title, date FROM articles WHERE (date, id) < (?1, ?2)"                                                  \
	  " ORDER BY date DESC, id DESC LIMIT 1")                                                                             \
	X(ARTICLES_COUNT, "SELECT coalesce((SELECT n FROM article_counts WHERE district = ''), 0)")                           \
	X(ARTICLES_PAGE,                                                                                                      \
	  "SELECT a.id, a.title, a.date, substr(a.body, 1, ?3),"                                                              \
	  " (SELECT group_concat(district) FROM article_districts WHERE article_id = a.id), a.source, a.citywide"             \
	  " FROM articles a ORDER BY a.date DESC, a.id DESC LIMIT ?1 OFFSET ?2")                                              \
	X(ARTICLE_SUMMARY,                                                                                                    \
	  "SELECT a.id, a.title, a.date, substr(a.body, 1, ?2),"                                                              \
	  " (SELECT group_concat(district) FROM article_districts WHERE article_id = a.id), a.source, a.citywide"             \
	  " FROM articles a WHERE a.id = ?1")                                                                                 \
	X(DISTRICT_COUNTS, "SELECT district, n FROM article_counts WHERE district <> '' AND n > 0")                           \
	X(DISTRICT_COUNT, "SELECT coalesce((SELECT n FROM article_counts WHERE district = ?1), 0)")                           \
	X(DISTRICT_PAGE,                                                                                                      \
	  "SELECT a.id, a.title, a.date, substr(a.body, 1, ?3),"                                                              \
	  " (SELECT group_concat(district) FROM article_districts WHERE article_id = a.id), a.source, a.citywide"             \
	  " FROM article_districts d JOIN articles a ON a.id = d.article_id"                                                  \
	  " WHERE d.district = ?4 ORDER BY d.date DESC, d.article_id DESC LIMIT ?1 OFFSET ?2")                                \
	X(INDUSTRY_COUNT, "SELECT count(*) FROM article_industries WHERE industry = ?1")                                      \
	X(INDUSTRY_PAGE,                                                                                                      \
	  "SELECT a.id, a.title, a.date, substr(a.body, 1, ?3),"                                                              \
	  " (SELECT group_concat(district) FROM article_districts WHERE article_id = a.id), a.source, a.citywide"             \
	  " FROM article_industries i JOIN articles a ON a.id = i.article_id"                                                 \
	  " WHERE i.industry = ?4 ORDER BY i.date DESC, i.article_id DESC LIMIT ?1 OFFSET ?2")                                \
	X(INDUSTRY_ARTICLES,                                                                                                  \
	  "SELECT a.id, a.title, a.date FROM article_industries i JOIN articles a ON a.id = i.article_id"                     \
	  " WHERE i.industry = ?1 ORDER BY i.date DESC, i.article_id DESC LIMIT ?2")

#endif
