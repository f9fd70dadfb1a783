/* imports: the record of imports being written in batches — which
 * articles each run added, so that one that does not finish can be taken
 * out again. */
#ifndef ZS_STORE_IMPORTS_H
#define ZS_STORE_IMPORTS_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* Records a run importing name, being written by process pid; *id is its id. */
enum store_rc store_import_begin(struct store *s, const char *name, int64_t pid, int64_t now, int64_t *id)
	__attribute__((warn_unused_result));
/* Renews run id's beat (it is alive); STORE_NOT_FOUND when it is no
 * longer being written (another process took it for dead and undid it). */
enum store_rc store_import_beat(struct store *s, int64_t id, int64_t now) __attribute__((warn_unused_result));
/* Notes that run id added article_id. Call inside the transaction that
 * added it. */
enum store_rc store_import_note(struct store *s, int64_t id, int64_t article_id) __attribute__((warn_unused_result));
/* Marks run id done (its articles stay) and forgets which they were. */
enum store_rc store_import_done(struct store *s, int64_t id, int64_t now) __attribute__((warn_unused_result));
/* Takes out up to limit of run id's articles; *taken says how many. When
 * none is left, marks the run undone. */
enum store_rc store_import_undo_some(struct store *s, int64_t id, int limit, int64_t now, size_t *taken)
	__attribute__((warn_unused_result));
/* A run still marked as being written: alive, or its process died. */
struct import_writing {
	int64_t id;
	int64_t pid;     /* the process writing it */
	int64_t beat_at; /* when it last wrote a batch */
};

/* The runs being written, oldest first, at most max, into runs. */
enum store_rc store_imports_writing(struct store *s, struct import_writing *runs, size_t max, size_t *n)
	__attribute__((warn_unused_result));

#endif
