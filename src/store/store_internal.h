/* store_internal: the connection and the statement helpers shared by the
 * store's source files (internal). */
#ifndef ZS_STORE_STORE_INTERNAL_H
#define ZS_STORE_STORE_INTERNAL_H

#include <sqlite3.h>

#include "store/statements.h"
#include "store/store.h"

struct tag_count; /* store/articles.h */

struct store {
	sqlite3 *db;
	char *path;                     /* for messages */
	sqlite3_stmt *stmt[STMT__MAX];  /* prepared once at open */
};

/* Logs the connection's last error with what was being done; the second
 * also counts a failed write (store_failed_writes). */
void log_db_error(struct store *s, const char *what);
void log_write_error(struct store *s, const char *what);

/* A prepared statement ready for binding; finish with stmt_done(). */
sqlite3_stmt *stmt_get(struct store *s, enum store_statement which);
void stmt_done(sqlite3_stmt *st);

/* Binds v, or NULL when v is NULL; v must outlive the step. */
void bind_text(sqlite3_stmt *st, int i, const char *v);
/* Column i as a string in arena, or NULL for SQL NULL. */
const char *column_text(sqlite3_stmt *st, int i, struct arena *arena);

/* Binds id, or NULL when it is 0 (no such row). */
void bind_id_or_null(sqlite3_stmt *st, int i, int64_t id);

/* Steps a statement that gives one integer (a count) into *n. */
enum store_rc read_count(struct store *s, sqlite3_stmt *st, int64_t *n, const char *what);
/* Steps a statement whose rows are (slug, count) into out[*n..max);
 * -1 when the step failed (not logged). In store/articles.c. */
int read_counts(sqlite3_stmt *st, struct arena *arena, struct tag_count *out, size_t *n, size_t max);

/* Steps a statement that takes no parameters. */
enum store_rc exec_simple(struct store *s, enum store_statement which);
/* Steps a statement expected to write; STORE_ERROR (logged) on failure. */
enum store_rc step_write(struct store *s, sqlite3_stmt *st, const char *what);

#endif
