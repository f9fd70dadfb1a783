/* functions: SQL functions over text/ code, for migrations and queries. */
#include "store/functions.h"

#include "text/simhash.h"

static struct str text_arg(sqlite3_value *v)
{
	const char *p = (const char *)sqlite3_value_text(v);
	return (struct str){ p, p ? (size_t)sqlite3_value_bytes(v) : 0 };
}

static void zs_simhash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_int64(ctx, (sqlite3_int64)simhash_article(text_arg(argv[0]), text_arg(argv[1])));
}

static void zs_hamming(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	uint64_t a = (uint64_t)sqlite3_value_int64(argv[0]), b = (uint64_t)sqlite3_value_int64(argv[1]);
	sqlite3_result_int(ctx, simhash_distance(a, b));
}

int sql_functions_register(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = sqlite3_create_function_v2(db, "zs_simhash", 2, flags, NULL, zs_simhash, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "zs_hamming", 2, flags, NULL, zs_hamming, NULL, NULL, NULL);
	return rc;
}
