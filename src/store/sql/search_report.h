/* sql/search_report: the statements of store/search_report.c — what
 * visitors searched for, per day and query (internal; see
 * store/statements.h). */
#ifndef ZS_STORE_SQL_SEARCH_REPORT_H
#define ZS_STORE_SQL_SEARCH_REPORT_H

/* ?1 the first day counted, ?2 how many rows. */
#define SEARCH_QUERIES_SUMS \
	"SELECT query, sum(searches) AS n, sum(zero_results) AS z FROM search_queries WHERE day >= ?1 GROUP BY query"
#define STORE_SEARCH_REPORT_STATEMENTS(X)                                                                       \
	X(SEARCH_QUERIES_BUMP,                                                                                  \
	  "UPDATE search_queries SET searches = searches + ?3, zero_results = zero_results + ?4"                \
	  " WHERE day = ?1 AND query = ?2")                                                                     \
	X(SEARCH_QUERIES_INSERT, "INSERT INTO search_queries(day, query, searches, zero_results) VALUES (?1, ?2, ?3, ?4)") \
	X(SEARCH_QUERIES_ON_DAY, "SELECT count(*) FROM search_queries WHERE day = ?1")                         \
	X(SEARCH_QUERIES_FORGET, "DELETE FROM search_queries WHERE day < ?1")                                   \
	X(SEARCH_QUERIES_MOST, SEARCH_QUERIES_SUMS " ORDER BY n DESC, z DESC, query LIMIT ?2")                  \
	X(SEARCH_QUERIES_FRUITLESS, SEARCH_QUERIES_SUMS " HAVING z > 0 ORDER BY z DESC, n DESC, query LIMIT ?2") \
	X(SEARCH_QUERIES_TOTALS,                                                                                \
	  "SELECT coalesce(sum(searches), 0), coalesce(sum(zero_results), 0), count(DISTINCT query)"            \
	  " FROM search_queries WHERE day >= ?1")

#endif
