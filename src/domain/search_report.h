/* search_report: what visitors searched for, for editors' report of the
 * week's frequent and fruitless searches — each query normalised so that
 * the same words typed differently count together, and counts recorded in
 * batches (http/searches.h holds them in memory between), with old days
 * forgotten. Nothing that names a searcher is recorded. */
#ifndef ZS_DOMAIN_SEARCH_REPORT_H
#define ZS_DOMAIN_SEARCH_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "store/search_report.h"
#include "util/arena.h"
#include "util/date.h"

enum {
	SEARCH_REPORT_DAYS = 7,            /* the report's week: today and the six days before */
	SEARCH_REPORT_KEEP_DAYS = 90,      /* older days are forgotten */
	SEARCH_REPORT_DAY_QUERIES = 5000,  /* distinct queries a day keeps: past that, a flood, not readers */
	SEARCH_REPORT_SHOWN = 50,          /* queries in each of the report's lists */
	SEARCH_REPORT_CSV_ROWS = 10000,    /* queries in its download */
};

/* q as the report counts it: full-width letters, digits and spaces made
 * ASCII, ASCII letters lower case, spaces trimmed and each run made one
 * (Chinese text as typed). NULL when nothing is left. In arena. */
const char *search_report_normalise(const char *q, struct arena *arena);

/* Adds the n counts of day (Shanghai's "YYYY-MM-DD") in one transaction —
 * a query new to the day only while it holds fewer than
 * SEARCH_REPORT_DAY_QUERIES — and forgets the days more than
 * SEARCH_REPORT_KEEP_DAYS before now. */
enum store_rc search_report_record(struct store *s, const char *day, const struct query_count *counts, size_t n,
				   int64_t now) __attribute__((warn_unused_result));

/* The first day of the report's week, which ends on now's day. */
void search_report_week_start(int64_t now, char out[DATE_DAY_SIZE]);

#endif
