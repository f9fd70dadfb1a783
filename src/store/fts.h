/* fts: registers the search tokenizer with a SQLite connection (internal). */
#ifndef ZS_STORE_FTS_H
#define ZS_STORE_FTS_H

#include <sqlite3.h>

/* Makes tokenize='zhaoshang' available to FTS5 tables on db. Returns
 * SQLITE_OK, or an error code (FTS5 missing, ICU data missing). */
int fts_register_tokenizer(sqlite3 *db);

#endif
