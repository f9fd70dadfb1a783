/* store_internal: the connection and the statement helpers shared by the
 * store's source files (internal). */
#ifndef ZS_STORE_STORE_INTERNAL_H
#define ZS_STORE_STORE_INTERNAL_H

#include <sqlite3.h>

#include "store/statements.h"
#include "store/store.h"

struct store {
	sqlite3 *db;
	char *path;                     /* for messages */
	sqlite3_stmt *stmt[STMT__MAX];  /* prepared once at open */
};

/* Logs the connection's last error with what was being done. */
void log_db_error(struct store *s, const char *what);

/* A prepared statement ready for binding; finish with stmt_done(). */
sqlite3_stmt *stmt_get(struct store *s, enum store_statement which);
void stmt_done(sqlite3_stmt *st);

/* Binds v, or NULL when v is NULL; v must outlive the step. */
void bind_text(sqlite3_stmt *st, int i, const char *v);
/* Column i as a string in arena, or NULL for SQL NULL. */
const char *column_text(sqlite3_stmt *st, int i, struct arena *arena);

/* Steps a statement that takes no parameters. */
enum store_rc exec_simple(struct store *s, enum store_statement which);
/* Steps a statement expected to write; STORE_ERROR (logged) on failure. */
enum store_rc step_write(struct store *s, sqlite3_stmt *st, const char *what);

#endif
