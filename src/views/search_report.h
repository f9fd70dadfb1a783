/* search_report: editors' report of what visitors searched for in the
 * last 7 days (domain/search_report.h), as a staff page and as CSV. */
#ifndef ZS_VIEWS_SEARCH_REPORT_H
#define ZS_VIEWS_SEARCH_REPORT_H

#include <stdint.h>

#include "views/views.h"

/* The week ending on now's day: its totals, the SEARCH_REPORT_SHOWN most
 * searched queries and the as many that most often found nothing, each
 * linking to its search. */
int view_admin_search_report(struct view *v, int64_t now);

/* The week's queries as CSV (UTF-8 with a BOM, for Excel): each with its
 * searches and those that found nothing, most searched first. */
int view_admin_search_report_csv(struct view *v, int64_t now);

#endif
