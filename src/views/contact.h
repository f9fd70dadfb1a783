/* contact: the contact form and the staff inbox. */
#ifndef ZS_VIEWS_CONTACT_H
#define ZS_VIEWS_CONTACT_H

#include <stdbool.h>
#include <stdint.h>

#include "content/fields.h"
#include "views/views.h"

/* The contact form, with the office's address, phone and hours as
 * configured (what is set); sent shows the thanks instead, with the
 * message's reference number when reference (its id) is not 0. */
int view_contact(struct view *v, const struct field_values *values, bool sent, int64_t reference);
int view_admin_messages(struct view *v, bool handled, long page, const char *notice);

#endif
