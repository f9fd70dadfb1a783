/* dashboard: the data monitor, for the articles in f's date range and
 * industry. */
#ifndef ZS_VIEWS_DASHBOARD_H
#define ZS_VIEWS_DASHBOARD_H

#include "store/stats.h"
#include "views/views.h"

int view_dashboard(struct view *v, const struct stats_filter *f);
/* Its figures as JSON (/api/v1/stats). */
int view_stats_json(struct view *v, const struct stats_filter *f);
/* One table of the figures as CSV: table "districts", "industries" or
 * "months" (404 for any other). */
int view_stats_csv(struct view *v, const struct stats_filter *f, const char *table);

#endif
