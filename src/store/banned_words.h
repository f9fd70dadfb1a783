/* banned_words: the words editors want flagged in submissions. */
#ifndef ZS_STORE_BANNED_WORDS_H
#define ZS_STORE_BANNED_WORDS_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* The banned-word list, sorted; the array and strings in arena. */
enum store_rc store_banned_words(struct store *s, struct arena *arena, const char ***out, size_t *n)
	__attribute__((warn_unused_result));
/* Replaces the list (call inside a transaction). */
enum store_rc store_banned_words_set(struct store *s, const char *const *words, size_t n, const char *by,
				     int64_t now) __attribute__((warn_unused_result));

#endif
