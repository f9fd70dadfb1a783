/* store: the database behind a narrow interface (SQLite today) — the
 * connection, transactions, and what the store keeps about itself. Each
 * table family has its own header (store/articles.h, store/submissions.h …).
 * Knows nothing of HTTP or HTML. One struct store is one connection: use it
 * from one thread. */
#ifndef ZS_STORE_STORE_H
#define ZS_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/buf.h"

struct store;

enum store_rc {
	STORE_OK = 0,
	STORE_NOT_FOUND = 1, /* no such row */
	STORE_DUPLICATE = 2, /* a row with the same unique key exists; nothing written */
	STORE_INVALID = 3,   /* refused by a rule of the data (domain modules); their err says why */
	STORE_ERROR = -1,    /* database failure; already logged with context */
};

/* Where a news submission or an enterprise registration stands. */
enum review_status { REVIEW_PENDING, REVIEW_APPROVED, REVIEW_REJECTED, REVIEW__MAX };
/* As stored and as URLs name them: "pending", "approved", "rejected". */
extern const char *const review_status_names[REVIEW__MAX];
/* The status called name, or REVIEW__MAX for none (and for NULL). */
enum review_status review_status_from_name(const char *name);

/* Opens (creating if needed) the database at path and brings its schema up to
 * date. On failure returns STORE_ERROR and appends a Chinese explanation to err. */
enum store_rc store_open(const char *path, struct store **out, struct buf *err)
	__attribute__((warn_unused_result));
void store_close(struct store *s);

/* Explicit transactions; a failed step inside one must be followed by
 * rollback. Only domain modules (src/domain/) and the importers write. */
enum store_rc store_begin(struct store *s) __attribute__((warn_unused_result));
enum store_rc store_commit(struct store *s) __attribute__((warn_unused_result));
void store_rollback(struct store *s);

/* A value kept about the database itself (in arena), adding one unless
 * the key is already set, and setting one whether or not it is.
 * STORE_NOT_FOUND when the key is not set. */
enum store_rc store_meta_get(struct store *s, const char *key, struct arena *arena, const char **value)
	__attribute__((warn_unused_result));
enum store_rc store_meta_add(struct store *s, const char *key, const char *value) __attribute__((warn_unused_result));
/* Sets key to value, whatever it was. */
enum store_rc store_meta_set(struct store *s, const char *key, const char *value) __attribute__((warn_unused_result));

/* The content version: a number that changes whenever anything public
 * pages show changes (articles, their tags and facts, enterprises), and
 * when that last happened (unix seconds). */
enum store_rc store_content_version(struct store *s, int64_t *version, int64_t *changed_at)
	__attribute__((warn_unused_result));
/* Counts the content version up for a change no trigger sees (what a page
 * shows beside its content, such as the week's most read). */
enum store_rc store_content_changed(struct store *s) __attribute__((warn_unused_result));

/* How much of each thing the site holds, for monitoring. */
struct site_counts {
	int64_t articles;
	int64_t submissions[REVIEW__MAX]; /* by status */
	int64_t enterprises[REVIEW__MAX];
	int64_t messages_unhandled;
};
enum store_rc store_site_counts(struct store *s, struct site_counts *out) __attribute__((warn_unused_result));

/* True when the database answers a trivial query. */
bool store_ping(struct store *s);

/* Whether the database takes a write now: a one-row write in a
 * transaction of its own (a full disk, a read-only file or a writer that
 * holds the lock past the busy timeout fail it). STORE_ERROR, logged,
 * when it does not. */
enum store_rc store_check_write(struct store *s, int64_t now) __attribute__((warn_unused_result));

/* How many writes failed since the process started, on any connection. */
uint64_t store_failed_writes(void);

#endif
