/* import: loading article files into the store, checked whole, written in batches. */
#ifndef ZS_DOMAIN_IMPORT_H
#define ZS_DOMAIN_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "util/buf.h"

struct import_result {
	size_t added;      /* new articles */
	size_t duplicates; /* items whose content was already stored */
	size_t errors;     /* malformed items; when non-zero nothing was written */
};

enum { IMPORT_MAX_REPORTED_ERRORS = 20 };

/* Imports the file at path: JSON Lines when it ends in ".jsonl", else the
 * listing format. All or nothing: every item is checked before any is
 * stored, and on a malformed one err gets one line per problem
 * ("path:line: message", the first IMPORT_MAX_REPORTED_ERRORS of them) and
 * -1 is returned. The items are then stored in batches of about 50 ms with
 * pauses between, so that the server's own writes (forms) wait little; the
 * articles appear batch by batch, and if writing fails, every article this
 * file added is taken out again (or, when the process died, by the next
 * import or server start: import_recover). With progress set, a progress
 * bar is drawn on stderr while the file is written. */
int import_file(struct store *s, const char *path, bool progress, struct import_result *result,
		struct buf *err) __attribute__((warn_unused_result));

/* Imports data already in memory (name is used in messages only). */
int import_buffer(struct store *s, const char *name, struct str data, bool jsonl, bool progress,
		  struct import_result *result, struct buf *err) __attribute__((warn_unused_result));

/* How long a run may go without a batch before it counts as dead. */
enum { IMPORT_STALE_SECONDS = 60 };

/* Takes out what imports left half-written when their process died (it is
 * gone, or wrote no batch for IMPORT_STALE_SECONDS before now). -1 when the
 * database failed. */
int import_recover(struct store *s, int64_t now) __attribute__((warn_unused_result));

#endif
