/* banned_words: reading an admin's list and saving it, audited. */
#include "domain/banned_words.h"

#include <string.h>

#include "store/banned_words.h"
#include "util/utf8.h"

bool banned_words_parse(const char *text, struct arena *arena, const char ***words, size_t *n)
{
	*words = ARENA_NEW_ARRAY(arena, const char *, BANNED_WORDS_MAX);
	*n = 0;
	char *copy = arena_strdup(arena, text ? text : ""), *save = NULL;
	for (char *line = strtok_r(copy, "\r\n", &save); line; line = strtok_r(NULL, "\r\n", &save)) {
		struct str w = str_trim(str_from(line));
		if (w.len == 0)
			continue;
		bool seen = false;
		for (size_t i = 0; i < *n && !seen; i++)
			seen = strlen((*words)[i]) == w.len && !memcmp((*words)[i], w.p, w.len);
		if (seen)
			continue;
		if (*n == BANNED_WORDS_MAX || utf8_length(w.p, w.len) > BANNED_WORD_MAX_CHARS)
			return false;
		(*words)[(*n)++] = arena_strndup(arena, w.p, w.len);
	}
	return true;
}

enum store_rc banned_words_save(struct store *s, const char *const *words, size_t n, const struct actor *who,
				int64_t now)
{
	char target[DOMAIN_TARGET_SIZE];
	enum store_rc rc = store_begin(s);
	if (rc == STORE_OK)
		rc = store_banned_words_set(s, words, n, who->name, now);
	return domain_finish(s, rc,
			     &(struct change){ who, now, "banned_words.set",
					       domain_target(target, "banned_words", (int64_t)n), NULL });
}
