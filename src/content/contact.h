/* contact: the contact form (联系我们) — its fields and their rules. */
#ifndef ZS_CONTENT_CONTACT_H
#define ZS_CONTENT_CONTACT_H

#include "content/fields.h"

/* The form's fields, in the order of contact_fields[]. */
enum contact_field { MSG_NAME, MSG_ORGANIZATION, MSG_CONTACT, MSG_SUBJECT, MSG_MESSAGE, MSG__COUNT };
extern const struct field_rule contact_fields[MSG__COUNT];

#endif
