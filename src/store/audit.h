/* audit: the log of what staff (and enterprises through their private
 * links) changed — who, what, which target, when. */
#ifndef ZS_STORE_AUDIT_H
#define ZS_STORE_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct audit_entry {
	int64_t id, at;
	const char *user_name, *action, *target, *detail;
};
/* user_id 0 for someone without an account. */
enum store_rc store_audit_add(struct store *s, int64_t now, int64_t user_id, const char *user_name,
			      const char *action, const char *target, const char *detail)
	__attribute__((warn_unused_result));
/* One page of the log, newest first, and how many entries there are. */
enum store_rc store_audit_list(struct store *s, int64_t offset, int limit, struct arena *arena,
			       struct audit_entry **out, size_t *n, int64_t *total) __attribute__((warn_unused_result));

#endif
