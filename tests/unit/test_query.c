/* Unit tests for search/query: what a reader types turned into an FTS5
 * expression that cannot be a syntax error. */
#include <criterion/criterion.h>
#include <string.h>

#include "search/query.h"
#include "util/buf.h"

static struct arena *arena;

static void setup(void)
{
	arena = arena_new();
}

static void teardown(void)
{
	arena_free(arena);
}

TestSuite(query, .init = setup, .fini = teardown);

Test(query, quotes_every_term)
{
	struct search_query q;
	cr_assert_eq(search_query_parse(str_from("浦东  招商"), arena, &q), QUERY_OK);
	cr_assert_str_eq(q.match, "\"浦东\" AND \"招商\"");
	cr_assert_eq(search_query_parse(str_from("\"浦东 招商\" 项目"), arena, &q), QUERY_OK);
	cr_assert_str_eq(q.match, "\"浦东 招商\" AND \"项目\"");
	cr_assert_eq(search_query_parse(str_from("“负面清单”"), arena, &q), QUERY_OK);
	cr_assert_str_eq(q.match, "\"负面清单\"");
	cr_assert_eq(search_query_parse(str_from("a\"b"), arena, &q), QUERY_OK);
	cr_assert_str_eq(q.match, "\"a\" AND \"b\"");
}

Test(query, drops_what_cannot_be_searched)
{
	struct search_query q;
	cr_assert_eq(search_query_parse(str_from(""), arena, &q), QUERY_EMPTY);
	cr_assert_eq(search_query_parse(str_from(" \u3000\t"), arena, &q), QUERY_EMPTY);
	cr_assert_eq(search_query_parse(str_from("* ( ) : - ^"), arena, &q), QUERY_EMPTY);
	cr_assert_eq(search_query_parse(str_from("* 浦东"), arena, &q), QUERY_OK);
	cr_assert_str_eq(q.match, "\"浦东\"");
}

Test(query, limits_length_and_encoding)
{
	struct search_query q;
	struct buf long_q = { 0 };
	for (int i = 0; i < SEARCH_QUERY_MAX_CHARS; i++)
		buf_puts(&long_q, "浦");
	cr_assert_eq(search_query_parse(buf_str(&long_q), arena, &q), QUERY_OK);
	buf_puts(&long_q, "东");
	cr_assert_eq(search_query_parse(buf_str(&long_q), arena, &q), QUERY_TOO_LONG);
	buf_free(&long_q);
	cr_assert_eq(search_query_parse((struct str){ "\xff", 1 }, arena, &q), QUERY_INVALID_UTF8);
}

Test(query, operators_are_searched_as_words_not_obeyed)
{
	struct search_query q;
	cr_assert_eq(search_query_parse(str_from("浦东 OR 招商"), arena, &q), QUERY_OK);
	cr_assert_eq(q.nterms, 3, "%s", q.match);
	cr_assert_str_eq(q.match, "\"浦东\" AND \"OR\" AND \"招商\"");
	cr_assert_eq(search_query_parse(str_from("NEAR(浦东 招商)"), arena, &q), QUERY_OK);
	cr_assert_str_eq(q.match, "\"NEAR(浦东\" AND \"招商)\"", "NEAR must stay inside a quoted term");
}

Test(query, terms_beyond_the_limit_are_ignored)
{
	struct buf text = { 0 };
	for (int i = 0; i < SEARCH_QUERY_MAX_TERMS + 4; i++)
		buf_printf(&text, "词%d ", i);
	struct search_query q;
	cr_assert_eq(search_query_parse(buf_str(&text), arena, &q), QUERY_OK);
	buf_free(&text);
	cr_assert_eq(q.nterms, SEARCH_QUERY_MAX_TERMS);
	cr_assert_not_null(strstr(q.match, "\"词15\""), "%s", q.match);
	cr_assert_null(strstr(q.match, "\"词16\""), "%s", q.match);
}

Test(query, the_check_agrees_with_the_parser)
{
	cr_assert_eq(search_query_check(STR_LIT("浦东 招商")), QUERY_OK);
	cr_assert_eq(search_query_check((struct str){ "\xff", 1 }), QUERY_INVALID_UTF8);
	struct buf text = { 0 };
	for (int i = 0; i <= SEARCH_QUERY_MAX_CHARS; i++)
		buf_puts(&text, "浦");
	cr_assert_eq(search_query_check(buf_str(&text)), QUERY_TOO_LONG);
	buf_free(&text);
}
