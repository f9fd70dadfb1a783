/* domain: what every workflow that changes the site shares. A domain
 * function is one transaction: it begins (store_begin), writes through the
 * store, and ends with domain_finish, which records who did what in the
 * audit log in the same transaction and commits — or rolls everything back.
 * HTTP handlers and the command line call domain functions; they never
 * begin transactions themselves. */
#ifndef ZS_DOMAIN_DOMAIN_H
#define ZS_DOMAIN_DOMAIN_H

#include <stdint.h>

#include "store/store.h"

/* Who is acting, as the audit log names them. */
struct actor {
	int64_t user_id;  /* the staff account; 0 for someone without one */
	const char *name; /* the account's name, or a description such as "（企业，经修改链接）" */
};

/* What a finished change records in the audit log. */
struct change {
	const struct actor *who; /* NULL: not audited (a visitor's own submission) */
	int64_t now;
	const char *action; /* "submission.approve": family.verb */
	const char *target; /* "submission:12": what was changed */
	const char *detail; /* more about it, or NULL */
};

enum { DOMAIN_TARGET_SIZE = 96 };

/* "kind:id", the audit log's name for a row, into out. Returns out. */
const char *domain_target(char out[DOMAIN_TARGET_SIZE], const char *kind, int64_t id);

/* Ends the transaction the caller began. With rc STORE_OK, writes c's
 * audit record (when c->who is set) and commits; with any other rc, or
 * when either of those fails, rolls back. Returns STORE_OK, rc as given,
 * or STORE_ERROR when the audit record or the commit failed. */
enum store_rc domain_finish(struct store *s, enum store_rc rc, const struct change *c)
	__attribute__((warn_unused_result));

#endif
