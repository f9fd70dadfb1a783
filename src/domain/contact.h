/* contact: messages sent through the contact form (联系我们), and staff
 * marking them handled. */
#ifndef ZS_DOMAIN_CONTACT_H
#define ZS_DOMAIN_CONTACT_H

#include <stdint.h>

#include "content/fields.h"
#include "domain/domain.h"

/* Stores a message from values checked against contact_fields; *id is
 * its id. Committed on return. */
enum store_rc contact_send(struct store *s, const struct field_values *values, const char *client_ip, int64_t now,
			   int64_t *id) __attribute__((warn_unused_result));

/* Marks an open message handled by who. STORE_NOT_FOUND when it is not
 * open (or not there). */
enum store_rc contact_mark_handled(struct store *s, int64_t id, const struct actor *who, int64_t now)
	__attribute__((warn_unused_result));

#endif
