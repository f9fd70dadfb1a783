/* throttle: rate-limit windows, one row a key. */
#include "store/throttle.h"

#include "store/store_internal.h"

enum { THROTTLE_KEEP_SECONDS = 24 * 3600 };

enum store_rc store_throttle(struct store *s, const char *key, bool count, int64_t now, int64_t window,
			     int64_t *hits, int64_t *resets_at)
{
	*hits = 0;
	*resets_at = now;
	sqlite3_stmt *st;
	if (count) {
		/* Forget windows long over, so the table stays small. */
		st = stmt_get(s, STMT_THROTTLE_EXPIRE);
		sqlite3_bind_int64(st, 1, now - THROTTLE_KEEP_SECONDS);
		if (step_write(s, st, "expire throttle") != STORE_OK)
			return STORE_ERROR;
	}
	st = stmt_get(s, count ? STMT_THROTTLE_HIT : STMT_THROTTLE_GET);
	bind_text(st, 1, key);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int64(st, 3, window);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*hits = sqlite3_column_int64(st, 0);
		*resets_at = sqlite3_column_int64(st, 1) + window;
		rc = sqlite3_step(st); /* RETURNING finishes its write on the last step */
	}
	stmt_done(st);
	if (rc != SQLITE_DONE) {
		log_write_error(s, "throttle");
		return STORE_ERROR;
	}
	return STORE_OK;
}

enum store_rc store_throttle_clear(struct store *s, const char *key)
{
	sqlite3_stmt *st = stmt_get(s, STMT_THROTTLE_CLEAR);
	bind_text(st, 1, key);
	return step_write(s, st, "clear throttle");
}

enum store_rc store_throttle_refund(struct store *s, const char *key)
{
	sqlite3_stmt *st = stmt_get(s, STMT_THROTTLE_REFUND);
	bind_text(st, 1, key);
	return step_write(s, st, "refund throttle");
}
