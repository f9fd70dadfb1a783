/* backup: a consistent copy of the database while others use it. */
#ifndef ZS_STORE_BACKUP_H
#define ZS_STORE_BACKUP_H

#include <signal.h>
#include <stdint.h>

#include "store/store.h"

/* A copy of the database at db_path to dest, consistent though others
 * write meanwhile (one snapshot), checked (quick_check) and flushed before
 * it takes its name: dest holds a whole copy or nothing. The database is
 * only read (never migrated); one of a newer schema is refused. Setting
 * *stop (from a signal handler) ends the copy early, removing what it
 * wrote. STORE_DUPLICATE when dest exists (never overwritten), else
 * STORE_ERROR; err says why in Chinese. On success r counts the copy. */
struct backup_result {
	int64_t articles, enterprises; /* approved enterprises */
};
enum store_rc store_backup(const char *db_path, const char *dest, const volatile sig_atomic_t *stop,
			   struct backup_result *r, struct buf *err) __attribute__((warn_unused_result));

#endif
