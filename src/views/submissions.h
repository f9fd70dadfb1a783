/* submissions: the news-submission pages, public and staff. */
#ifndef ZS_VIEWS_SUBMISSIONS_H
#define ZS_VIEWS_SUBMISSIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "content/fields.h"
#include "views/views.h"

/* The news-submission form (/submit): empty when values is NULL, else
 * with what was typed and a message by each wrong field (400). */
int view_submit_form(struct view *v, const struct field_values *values);
/* A submission's status by tracking code as typed (NULL or "": the
 * look-up form); fresh marks the page shown right after sending. */
int view_submit_status(struct view *v, const char *code, bool fresh);

/* Staff pages (v->session set). notice is a fixed Chinese sentence about
 * the action just done, or NULL. */
int view_admin_queue(struct view *v, enum review_status status, long page, const char *notice);
int view_admin_queue_json(struct view *v, enum review_status status, long page);
/* One submission with its checks, edit form and decisions; edit holds an
 * editor's rejected changes to show again (400), or NULL. */
int view_admin_submission(struct view *v, int64_t id, const struct field_values *edit, const char *error,
			  const char *notice);

#endif
