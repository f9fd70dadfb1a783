/* import: loading article files into the store, one transaction per file. */
#ifndef ZS_DOMAIN_IMPORT_H
#define ZS_DOMAIN_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"
#include "util/buf.h"

struct import_result {
	size_t added;      /* new articles */
	size_t duplicates; /* items whose content was already stored */
	size_t errors;     /* malformed items; when non-zero nothing was written */
};

enum { IMPORT_MAX_REPORTED_ERRORS = 20 };

/* Imports the file at path: JSON Lines when it ends in ".jsonl", else the
 * listing format. All or nothing: on any malformed item the transaction is
 * rolled back, err gets one line per problem ("path:line: message", the first
 * IMPORT_MAX_REPORTED_ERRORS of them) and -1 is returned. With progress set,
 * a progress bar is drawn on stderr while the file is read. */
int import_file(struct store *s, const char *path, bool progress, struct import_result *result,
		struct buf *err) __attribute__((warn_unused_result));

/* Imports data already in memory (name is used in messages only). */
int import_buffer(struct store *s, const char *name, struct str data, bool jsonl, bool progress,
		  struct import_result *result, struct buf *err) __attribute__((warn_unused_result));

#endif
