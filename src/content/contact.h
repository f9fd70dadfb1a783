/* contact: the contact form (联系我们) — its fields and their rules. */
#ifndef ZS_CONTENT_CONTACT_H
#define ZS_CONTENT_CONTACT_H

#include <stdint.h>

#include "content/fields.h"

/* The form's fields, in the order of contact_fields[]. */
enum contact_field { MSG_NAME, MSG_ORGANIZATION, MSG_CONTACT, MSG_SUBJECT, MSG_MESSAGE, MSG__COUNT };
extern const struct field_rule contact_fields[MSG__COUNT];

/* A message's reference number as the sender and staff quote it
 * ("LY-000123", 留言 and the message's id): out holds CONTACT_REFERENCE_SIZE. */
enum { CONTACT_REFERENCE_SIZE = 32 };
void contact_reference(int64_t id, char out[CONTACT_REFERENCE_SIZE]);

#endif
