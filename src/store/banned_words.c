/* banned_words: the banned-word list. */
#include "store/banned_words.h"

#include <string.h>

#include "store/store_internal.h"

enum store_rc store_banned_words(struct store *s, struct arena *arena, const char ***out, size_t *n)
{
	size_t cap = 16;
	*n = 0;
	*out = ARENA_NEW_ARRAY(arena, const char *, cap);
	sqlite3_stmt *st = stmt_get(s, STMT_BANNED_WORDS);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			const char **grown = ARENA_NEW_ARRAY(arena, const char *, cap * 2);
			memcpy(grown, *out, cap * sizeof(*grown));
			*out = grown;
			cap *= 2;
		}
		(*out)[(*n)++] = column_text(st, 0, arena);
	}
	stmt_done(st);
	if (rc != SQLITE_DONE) {
		log_db_error(s, "banned words");
		return STORE_ERROR;
	}
	return STORE_OK;
}

enum store_rc store_banned_words_set(struct store *s, const char *const *words, size_t n, const char *by,
				     int64_t now)
{
	if (exec_simple(s, STMT_BANNED_WORDS_CLEAR) != STORE_OK)
		return STORE_ERROR;
	sqlite3_stmt *st = stmt_get(s, STMT_BANNED_WORD_INSERT);
	for (size_t i = 0; i < n; i++) {
		bind_text(st, 1, words[i]);
		bind_text(st, 2, by);
		sqlite3_bind_int64(st, 3, now);
		if (step_write(s, st, "add banned word") != STORE_OK)
			return STORE_ERROR;
	}
	return STORE_OK;
}
