/* Unit tests for domain/banned_words: reading an admin's list (one word a
 * line, trimmed, blank lines left out, within the limits) and saving it,
 * audited. */
#include <criterion/criterion.h>
#include <string.h>

#include "domain/banned_words.h"
#include "store/banned_words.h"
#include "store_fixture.h"

static struct store_fixture fx;
static struct store *store;
static struct arena *arena;
static struct actor admin;
static const int64_t T0 = 1795795199; /* a fixed "now" */

static void setup(void)
{
	store_fixture_open(&fx);
	store = fx.store;
	arena = fx.arena;
	admin = fixture_staff(&fx, "boss");
}

static void teardown(void)
{
	store_fixture_close(&fx);
}

TestSuite(domain_banned_words, .init = setup, .fini = teardown);

/* text with n different lines: the word "词" repeated chars times, then the
 * line's number (one more character while n <= 10). */
static const char *lines(size_t n, size_t chars)
{
	struct buf *b = arena_buf(arena);
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < chars; k++)
			buf_puts(b, "词");
		buf_printf(b, "%zu\n", i);
	}
	return buf_cstr(b);
}

/* ---- parsing ---- */

Test(domain_banned_words, each_line_is_a_word_or_phrase_trimmed)
{
	const char **words;
	size_t n;
	cr_assert(banned_words_parse("  赌博 \n\t代开 发票\r\n\u3000诈骗\u3000\ncasino", arena, &words, &n));
	cr_assert_eq(n, 4);
	cr_assert_str_eq(words[0], "赌博");
	cr_assert_str_eq(words[1], "代开 发票", "a phrase keeps its inner space");
	cr_assert_str_eq(words[2], "诈骗", "ideographic spaces are trimmed too");
	cr_assert_str_eq(words[3], "casino", "the last line needs no newline");
}

Test(domain_banned_words, blank_lines_are_left_out)
{
	const char **words;
	size_t n;
	cr_assert(banned_words_parse("\n\n赌博\n   \n\r\n\u3000\n诈骗\n\n", arena, &words, &n));
	cr_assert_eq(n, 2);
	cr_assert_str_eq(words[0], "赌博");
	cr_assert_str_eq(words[1], "诈骗");
}

Test(domain_banned_words, no_text_is_an_empty_list)
{
	const char **words;
	size_t n = 99;
	cr_assert(banned_words_parse("", arena, &words, &n));
	cr_assert_eq(n, 0);
	n = 99;
	cr_assert(banned_words_parse(NULL, arena, &words, &n));
	cr_assert_eq(n, 0);
}

Test(domain_banned_words, a_thousand_words_are_allowed_and_no_more)
{
	const char **words;
	size_t n;
	cr_assert(banned_words_parse(lines(BANNED_WORDS_MAX, 1), arena, &words, &n));
	cr_assert_eq(n, BANNED_WORDS_MAX);
	cr_assert_not(banned_words_parse(lines(BANNED_WORDS_MAX + 1, 1), arena, &words, &n));
	/* Blank lines do not count against the limit. */
	const char *padded = arena_printf(arena, "\n\n%s\n\n", lines(BANNED_WORDS_MAX, 1));
	cr_assert(banned_words_parse(padded, arena, &words, &n));
	cr_assert_eq(n, BANNED_WORDS_MAX);
}

Test(domain_banned_words, a_word_may_have_fifty_characters_and_no_more)
{
	const char **words;
	size_t n;
	/* lines() adds a digit: 49 + 1 characters, 148 bytes. */
	cr_assert(banned_words_parse(lines(1, BANNED_WORD_MAX_CHARS - 1), arena, &words, &n), "characters, not bytes");
	cr_assert_eq(n, 1);
	cr_assert_eq(strlen(words[0]), 3 * (BANNED_WORD_MAX_CHARS - 1) + 1);
	cr_assert_not(banned_words_parse(lines(1, BANNED_WORD_MAX_CHARS), arena, &words, &n));
	const char *trimmed = arena_printf(arena, "   %s   ", lines(1, BANNED_WORD_MAX_CHARS - 1));
	cr_assert(banned_words_parse(trimmed, arena, &words, &n), "the spaces around a word count");
}

/* ---- saving ---- */

static const char **saved(size_t *n)
{
	const char **out;
	cr_assert_eq(store_banned_words(store, arena, &out, n), STORE_OK);
	return out;
}

Test(domain_banned_words, saving_replaces_the_list_and_is_audited)
{
	const char *first[] = { "赌博", "诈骗", "传销" }, *second[] = { "代开发票", "赌博" };
	cr_assert_eq(banned_words_save(store, first, 3, &admin, T0), STORE_OK);
	cr_assert_eq(banned_words_save(store, second, 2, &admin, T0 + 1), STORE_OK);
	size_t n;
	const char **words = saved(&n);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(words[0], "代开发票");
	cr_assert_str_eq(words[1], "赌博");
	struct audit_entry *e = fixture_audit(&fx, &n);
	cr_assert_eq(n, 2, "one audit entry per save");
	cr_assert_str_eq(e[0].action, "banned_words.set");
	cr_assert_str_eq(e[0].target, "banned_words:2");
	cr_assert_str_eq(e[0].user_name, "boss");
	cr_assert_eq(e[0].at, T0 + 1);
	cr_assert_str_eq(e[1].target, "banned_words:3");
}

Test(domain_banned_words, a_word_given_twice_is_kept_once)
{
	const char *words[] = { "赌博", "诈骗", "赌博" };
	cr_assert_eq(banned_words_save(store, words, 3, &admin, T0), STORE_OK);
	size_t n;
	saved(&n);
	cr_assert_eq(n, 2);
}

Test(domain_banned_words, a_repeated_line_counts_once_in_the_list_and_the_audit_log)
{
	const char **words;
	size_t n;
	cr_assert(banned_words_parse("赌博\n诈骗\n 赌博 \n", arena, &words, &n));
	cr_assert_eq(n, 2, "the repeat is dropped when the list is read");
	cr_assert_eq(banned_words_save(store, words, n, &admin, T0), STORE_OK);
	size_t entries;
	struct audit_entry *e = fixture_audit(&fx, &entries);
	cr_assert_str_eq(e[0].target, "banned_words:2", "the log counts the words kept");
}

Test(domain_banned_words, saving_nothing_empties_the_list)
{
	const char *words[] = { "赌博" };
	cr_assert_eq(banned_words_save(store, words, 1, &admin, T0), STORE_OK);
	cr_assert_eq(banned_words_save(store, NULL, 0, &admin, T0 + 1), STORE_OK);
	size_t n;
	saved(&n);
	cr_assert_eq(n, 0);
}
