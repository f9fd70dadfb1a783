/* functions: SQL functions the schema and statements use (internal). */
#ifndef ZS_STORE_FUNCTIONS_H
#define ZS_STORE_FUNCTIONS_H

#include <sqlite3.h>

/* Adds zs_simhash(title, body), an article's near-duplicate fingerprint
 * (text/simhash.h), and zs_hamming(a, b), the number of bits in which
 * two fingerprints differ. Returns SQLITE_OK or an error code. */
int sql_functions_register(sqlite3 *db);

#endif
