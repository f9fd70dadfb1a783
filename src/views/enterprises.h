/* enterprises: the enterprise pages — registration, the private edit
 * page, the directory and a profile — and their staff review. */
#ifndef ZS_VIEWS_ENTERPRISES_H
#define ZS_VIEWS_ENTERPRISES_H

#include <stdbool.h>
#include <stdint.h>

#include "content/fields.h"
#include "store/enterprises.h"
#include "views/views.h"

/* The enterprise registration form (/enterprises/join): empty when values
 * is NULL, else what was typed with messages (400). */
int view_enterprise_join(struct view *v, const struct field_values *values);
/* The enterprise's own page behind its private edit link: its status and
 * the form, filled from values typed (400 when wrong), else from its edit
 * waiting or turned down, else from e. fresh marks the page shown right
 * after registering or replacing the link (which it then shows, once);
 * problem, a sentence above the form about what was not done, or NULL. */
int view_enterprise_edit(struct view *v, const char *token, const struct enterprise *e,
			 const struct field_values *values, const char *notice, bool fresh, const char *problem);

/* A directory query, already validated. */
struct directory_request {
	const char *q;                            /* as typed, or NULL */
	const char *district, *industry, *seeking; /* filters, or NULL */
	long page;
};
int view_enterprises(struct view *v, const struct directory_request *r);
int view_enterprises_json(struct view *v, const struct directory_request *r);
/* One approved enterprise with the news near it; its contact only for staff. */
int view_enterprise(struct view *v, int64_t id);

int view_admin_enterprises(struct view *v, enum review_status status, long page, const char *notice);
int view_admin_enterprise(struct view *v, int64_t id, const char *error, const char *notice);
/* The approved directory as CSV (UTF-8 with a BOM, for Excel), contacts included. */
int view_admin_enterprises_csv(struct view *v);

#endif
