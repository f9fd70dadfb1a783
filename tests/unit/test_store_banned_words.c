/* Unit tests for store/banned_words: the list of words editors want flagged. */
#include <criterion/criterion.h>

#include "store/banned_words.h"
#include "store_fixture.h"

static struct store_fixture fx;
static struct store *store;
static struct arena *arena;
static const int64_t T0 = 1795795199; /* a fixed "now" */

static void setup(void)
{
	store_fixture_open(&fx);
	store = fx.store;
	arena = fx.arena;
}

static void teardown(void)
{
	store_fixture_close(&fx);
}

TestSuite(store_banned_words, .init = setup, .fini = teardown);

Test(store_banned_words, banned_words_come_back_sorted_and_once)
{
	const char *words[] = { "诈骗", "赌博", "代开发票", "赌博", "casino" };
	cr_assert_eq(store_begin(store), STORE_OK);
	cr_assert_eq(store_banned_words_set(store, words, 5, "editor", T0), STORE_OK);
	cr_assert_eq(store_commit(store), STORE_OK);
	const char **out;
	size_t n;
	cr_assert_eq(store_banned_words(store, arena, &out, &n), STORE_OK);
	cr_assert_eq(n, 4);
	const char *sorted[] = { "casino", "代开发票", "诈骗", "赌博" }; /* by UTF-8 bytes */
	for (size_t i = 0; i < 4; i++)
		cr_assert_str_eq(out[i], sorted[i], "word %zu", i);
}

Test(store_banned_words, setting_banned_words_replaces_the_list)
{
	const char *first[] = { "赌博", "诈骗" }, *second[] = { "传销" };
	cr_assert_eq(store_begin(store), STORE_OK);
	cr_assert_eq(store_banned_words_set(store, first, 2, "editor", T0), STORE_OK);
	cr_assert_eq(store_commit(store), STORE_OK);
	cr_assert_eq(store_begin(store), STORE_OK);
	cr_assert_eq(store_banned_words_set(store, second, 1, "editor", T0 + 1), STORE_OK);
	cr_assert_eq(store_commit(store), STORE_OK);
	const char **out;
	size_t n;
	cr_assert_eq(store_banned_words(store, arena, &out, &n), STORE_OK);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(out[0], "传销");
	cr_assert_eq(store_begin(store), STORE_OK);
	cr_assert_eq(store_banned_words_set(store, NULL, 0, "editor", T0 + 2), STORE_OK);
	cr_assert_eq(store_commit(store), STORE_OK);
	cr_assert_eq(store_banned_words(store, arena, &out, &n), STORE_OK);
	cr_assert_eq(n, 0);
}

Test(store_banned_words, many_banned_words_are_all_returned)
{
	enum { N = 40 };
	const char *words[N];
	for (int i = 0; i < N; i++)
		words[i] = arena_printf(arena, "词%02d", N - 1 - i);
	cr_assert_eq(store_begin(store), STORE_OK);
	cr_assert_eq(store_banned_words_set(store, words, N, "editor", T0), STORE_OK);
	cr_assert_eq(store_commit(store), STORE_OK);
	const char **out;
	size_t n;
	cr_assert_eq(store_banned_words(store, arena, &out, &n), STORE_OK);
	cr_assert_eq(n, N);
	for (int i = 0; i < N; i++)
		cr_assert_str_eq(out[i], arena_printf(arena, "词%02d", i));
}

Test(store_banned_words, a_new_database_has_none)
{
	const char **out;
	size_t n = 99;
	cr_assert_eq(store_banned_words(store, arena, &out, &n), STORE_OK);
	cr_assert_eq(n, 0);
}

Test(store_banned_words, a_rolled_back_change_keeps_the_old_list)
{
	const char *first[] = { "赌博" }, *second[] = { "传销", "诈骗" };
	cr_assert_eq(store_begin(store), STORE_OK);
	cr_assert_eq(store_banned_words_set(store, first, 1, "editor", T0), STORE_OK);
	cr_assert_eq(store_commit(store), STORE_OK);
	cr_assert_eq(store_begin(store), STORE_OK);
	cr_assert_eq(store_banned_words_set(store, second, 2, "editor", T0 + 1), STORE_OK);
	store_rollback(store);
	const char **out;
	size_t n;
	cr_assert_eq(store_banned_words(store, arena, &out, &n), STORE_OK);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(out[0], "赌博");
}
