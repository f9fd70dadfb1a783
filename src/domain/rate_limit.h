/* rate_limit: how often one client may post a public form. */
#ifndef ZS_DOMAIN_RATE_LIMIT_H
#define ZS_DOMAIN_RATE_LIMIT_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

enum { RATE_LIMIT_WINDOW_SECONDS = 3600 };

/* Counts a post of form ("submit", "join", "contact" …) from client (as
 * rate limits count it: http/address.h) against limit per hour. *allowed
 * is whether this post is within the limit; when not, *retry_after is how
 * many seconds until the window ends (at least 1). */
enum store_rc rate_limit_post(struct store *s, const char *form, const char *client, long limit, int64_t now,
			      bool *allowed, long *retry_after) __attribute__((warn_unused_result));

#endif
