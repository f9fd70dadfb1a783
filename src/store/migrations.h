/* migrations: the schema's history, applied in order (internal). */
#ifndef ZS_STORE_MIGRATIONS_H
#define ZS_STORE_MIGRATIONS_H

#include <stddef.h>

/* Migration i (0-based) takes PRAGMA user_version from i to i + 1. Append new
 * migrations; never edit one that has shipped. */
extern const char *const store_migrations[];
extern const size_t store_migrations_count;

#endif
