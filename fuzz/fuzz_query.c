/* libFuzzer driver: the search query parser on any bytes. Whatever it
 * accepts must be a MATCH expression FTS5 can run: checked against a real,
 * empty index in memory. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>

#include "search/query.h"
#include "store/fts.h"

static sqlite3 *db;
static sqlite3_stmt *probe;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!db) {
		if (sqlite3_open(":memory:", &db) != SQLITE_OK || fts_register_tokenizer(db) != SQLITE_OK ||
		    sqlite3_exec(db,
				 "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize = 'zhaoshang');"
				 "INSERT INTO t VALUES ('浦东新区招商', '充电桩 V2G 5000万元');",
				 NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &probe, NULL) != SQLITE_OK)
			abort();
	}
	struct arena *a = arena_new();
	struct search_query q;
	if (search_query_parse((struct str){ (const char *)data, size }, a, &q) == QUERY_OK) {
		sqlite3_bind_text(probe, 1, q.match, -1, SQLITE_STATIC);
		int rc = sqlite3_step(probe);
		sqlite3_reset(probe);
		if (rc != SQLITE_ROW)
			abort(); /* a query we built was an FTS5 error */
	}
	arena_free(a);
	return 0;
}
