/* Unit tests for util/str and util/buf: number parsing and trimming. */
#include <criterion/criterion.h>
#include <limits.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/str.h"

Test(str, parses_numbers_within_bounds)
{
	long v;
	cr_assert(str_to_long(str_from("20"), 1, 100, &v));
	cr_assert_eq(v, 20);
	cr_assert_not(str_to_long(str_from("0"), 1, 100, &v));
	cr_assert_not(str_to_long(str_from("101"), 1, 100, &v));
}

Test(str, rejects_non_numbers)
{
	long v;
	cr_assert_not(str_to_long(str_from(""), 0, 9, &v));
	cr_assert_not(str_to_long(str_from("1a"), 0, 9, &v));
	cr_assert_not(str_to_long(str_from(" 1"), 0, 9, &v));
	cr_assert_not(str_to_long(str_from("-"), -9, 9, &v));
	cr_assert_not(str_to_long(str_from("+1"), 0, 9, &v));
}

Test(str, rejects_overflow_without_wrapping)
{
	long v;
	cr_assert(str_to_long(str_from("9223372036854775807"), 0, LONG_MAX, &v));
	cr_assert_eq(v, LONG_MAX);
	cr_assert_not(str_to_long(str_from("9223372036854775808"), 0, LONG_MAX, &v));
	cr_assert_not(str_to_long(str_from("9999999999999999999"), 0, LONG_MAX, &v));
	cr_assert_not(str_to_long(str_from("99999999999999999999"), 0, LONG_MAX, &v));
}

Test(str, trims_ascii_and_ideographic_spaces)
{
	struct str t = str_trim(str_from("\u3000 标题\t\u3000"));
	cr_assert(str_eq_cstr(t, "标题"));
	cr_assert_eq(str_trim(str_from("   ")).len, 0);
}

Test(buf, grows_and_formats)
{
	struct buf b = { 0 };
	for (int i = 0; i < 1000; i++)
		buf_printf(&b, "%d,", i);
	cr_assert_eq(b.len, strlen(b.data));
	cr_assert(str_has_prefix(buf_str(&b), STR_LIT("0,1,2,")));
	buf_free(&b);
}

Test(arena, reset_keeps_working_after_large_allocations)
{
	struct arena *a = arena_new();
	for (int round = 0; round < 3; round++) {
		char *big = arena_alloc(a, 64 * 1024); /* its own block */
		memset(big, 'x', 64 * 1024);
		for (int i = 0; i < 2000; i++) /* several ordinary blocks */
			cr_assert_not_null(arena_strdup(a, "上海招商资讯"));
		arena_reset(a);
	}
	char *s = arena_printf(a, "%d", 42);
	cr_assert_str_eq(s, "42");
	arena_free(a);
}
