/* sql/banned_words: the statements of store/banned_words.c — the banned-word list (internal; see
 * store/statements.h). */
#ifndef ZS_STORE_SQL_BANNED_WORDS_H
#define ZS_STORE_SQL_BANNED_WORDS_H

#define STORE_BANNED_WORD_STATEMENTS(X)                                                       \
	X(BANNED_WORDS, "SELECT word FROM banned_words ORDER BY word")                        \
	X(BANNED_WORDS_CLEAR, "DELETE FROM banned_words")                                     \
	X(BANNED_WORD_INSERT,                                                                 \
	  "INSERT OR IGNORE INTO banned_words(word, added_by, added_at) VALUES (?1, ?2, ?3)")

#endif
