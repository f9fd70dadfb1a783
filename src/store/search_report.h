/* search_report: what visitors searched for, per day (Shanghai's) and
 * normalised query — how many searched it and how many of them found
 * nothing — for editors' report of the week's searches. Rows name no one:
 * no address, session or account. */
#ifndef ZS_STORE_SEARCH_REPORT_H
#define ZS_STORE_SEARCH_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* A query's counts: of a day as counted, or summed over days. */
struct query_count {
	const char *query;    /* normalised (domain/search_report.h) */
	int64_t searches;
	int64_t zero_results; /* searches that found nothing */
};

/* Adds c's counts to its query's on day ("YYYY-MM-DD"). A query day does
 * not hold yet is added only when may_add; *added says whether it was.
 * Call inside a transaction. */
enum store_rc store_search_queries_add(struct store *s, const char *day, const struct query_count *c, bool may_add,
				       bool *added) __attribute__((warn_unused_result));

/* How many distinct queries day holds. */
enum store_rc store_search_queries_on(struct store *s, const char *day, int64_t *n) __attribute__((warn_unused_result));

/* Forgets the days before day. */
enum store_rc store_search_queries_forget(struct store *s, const char *day) __attribute__((warn_unused_result));

/* Which queries come first in store_search_queries_top. */
enum search_queries_order {
	QUERIES_MOST_SEARCHED,  /* most searches first */
	QUERIES_MOST_FRUITLESS, /* most searches that found nothing first; only queries that had any */
	QUERIES__MAX
};

/* The limit first queries by order, summed from day on (ties: more
 * searches, then the query's text); array and strings in arena. */
enum store_rc store_search_queries_top(struct store *s, const char *day, enum search_queries_order order, int limit,
				       struct arena *arena, struct query_count **out, size_t *n)
	__attribute__((warn_unused_result));

/* Everything from day on: searches, of them those that found nothing, and
 * distinct queries. */
struct search_totals {
	int64_t searches, zero_results, queries;
};
enum store_rc store_search_queries_totals(struct store *s, const char *day, struct search_totals *out)
	__attribute__((warn_unused_result));

#endif
