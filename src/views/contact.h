/* contact: the contact form and the staff inbox. */
#ifndef ZS_VIEWS_CONTACT_H
#define ZS_VIEWS_CONTACT_H

#include <stdbool.h>

#include "content/fields.h"
#include "views/views.h"

/* The contact form; sent shows the thanks instead. */
int view_contact(struct view *v, const struct field_values *values, bool sent);
int view_admin_messages(struct view *v, bool handled, long page, const char *notice);

#endif
