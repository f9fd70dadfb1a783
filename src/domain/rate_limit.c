/* rate_limit: a fixed hourly window per form and client. */
#include "domain/rate_limit.h"

#include <stdio.h>

#include "store/throttle.h"

enum store_rc rate_limit_post(struct store *s, const char *form, const char *client, long limit, int64_t now,
			      bool *allowed, long *retry_after)
{
	char key[96];
	snprintf(key, sizeof(key), "form:%s:%s", form, client);
	int64_t hits, resets_at;
	enum store_rc rc = store_throttle(s, key, true, now, RATE_LIMIT_WINDOW_SECONDS, &hits, &resets_at);
	*allowed = rc == STORE_OK && hits <= limit;
	*retry_after = resets_at - now > 0 ? (long)(resets_at - now) : 1;
	return rc;
}
