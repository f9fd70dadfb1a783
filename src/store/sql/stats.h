/* sql/stats: the statements of store/stats.c — the data monitor's aggregates (internal; see
 * store/statements.h). */
#ifndef ZS_STORE_SQL_STATS_H
#define ZS_STORE_SQL_STATS_H

/* ?1 first date or NULL, ?2 last date or NULL, ?3 an industry slug or
 * NULL. */
#define STATS_WHERE                                                                          \
	" (?1 IS NULL OR a.date >= ?1) AND (?2 IS NULL OR a.date <= ?2)"                      \
	" AND (?3 IS NULL OR a.id IN (SELECT article_id FROM article_industries WHERE industry = ?3))"
/* A group's figures, in yuan: each article's headline amount of each role
 * (articles.money_cny is its investment), summed, and how many articles
 * disclosed an investment. */
#define STATS_SUMS                                                                           \
	"count(*), total(a.money_cny), count(nullif(a.money_cny, 0)), total(a.output_cny),"   \
	" total(a.tax_cny), total(a.fund_cny)"
#define STATS_FACTS_OF(kind)                                                                 \
	"SELECT * FROM (SELECT * FROM article_facts f WHERE f.kind = '" kind "'"              \
	" AND (?1 IS NULL OR f.date >= ?1) AND (?2 IS NULL OR f.date <= ?2)"                  \
	" AND (?3 IS NULL OR f.article_id IN (SELECT article_id FROM article_industries WHERE industry = ?3))" \
	" ORDER BY f.date DESC, f.article_id DESC, f.seq LIMIT ?4)"
/* No statement for the totals: every article is in one month, so they
 * are the months' sums (a pass over 100,000 article rows fewer). */
#define STORE_STATS_STATEMENTS(X)                                                                                       \
	X(STATS_DISTRICTS,                                                                                              \
	  "SELECT d.district, " STATS_SUMS " FROM article_districts d"                                                  \
	  " JOIN articles a ON a.id = d.article_id WHERE" STATS_WHERE " GROUP BY d.district")                           \
	X(STATS_CITYWIDE, "SELECT NULL, " STATS_SUMS " FROM articles a WHERE a.citywide = 1 AND" STATS_WHERE)           \
	X(STATS_INDUSTRIES,                                                                                             \
	  "SELECT i.industry, " STATS_SUMS " FROM article_industries i"                                                 \
	  " JOIN articles a ON a.id = i.article_id WHERE" STATS_WHERE " GROUP BY i.industry")                           \
	X(STATS_MONTHS,                                                                                                 \
	  "SELECT substr(a.date, 1, 7) AS month, " STATS_SUMS " FROM articles a WHERE"                                  \
	  STATS_WHERE " GROUP BY month ORDER BY month")                                                                 \
	/* The newest of each kind read straight off the (kind, date) index,                                            \
	 * then merged: sorting every money and count fact took 0.3 s at                                                \
	 * 100,000 articles, this 2 ms. */                                                                              \
	X(STATS_FACTS,                                                                                                  \
	  "SELECT f.kind, f.value, f.unit, f.match, f.sentence, f.role, f.article_id, a.title, f.date FROM ("           \
	  STATS_FACTS_OF("money") " UNION ALL " STATS_FACTS_OF("count")                                                 \
	  ") f JOIN articles a ON a.id = f.article_id ORDER BY f.date DESC, f.article_id DESC, f.seq LIMIT ?4")

#endif
