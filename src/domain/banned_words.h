/* banned_words: the list of words admins want flagged in submissions. */
#ifndef ZS_DOMAIN_BANNED_WORDS_H
#define ZS_DOMAIN_BANNED_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/domain.h"
#include "util/arena.h"

enum { BANNED_WORDS_MAX = 1000, BANNED_WORD_MAX_CHARS = 50 };

/* The words of text, one word or phrase a line, trimmed, blank lines and
 * repeats left out (strings in arena). False when there are more than
 * BANNED_WORDS_MAX or one is longer than BANNED_WORD_MAX_CHARS. */
bool banned_words_parse(const char *text, struct arena *arena, const char ***words, size_t *n);

/* Replaces the list with words (repeats count once). */
enum store_rc banned_words_save(struct store *s, const char *const *words, size_t n, const struct actor *who,
				int64_t now) __attribute__((warn_unused_result));

#endif
