/* Unit tests for util/utf8: strict validation and character-safe cutting. */
#include <criterion/criterion.h>
#include <string.h>

#include "util/utf8.h"

#define VALID(s) utf8_valid((s), sizeof(s) - 1, NULL)

Test(utf8, accepts_ascii_and_chinese)
{
	cr_assert(VALID("hello"));
	cr_assert(VALID("浦东新区招商引资"));
	cr_assert(VALID("\xf0\x9f\x98\x80")); /* 4-byte emoji */
}

Test(utf8, rejects_overlong_encodings)
{
	cr_assert_not(VALID("\xc0\x80"));
	cr_assert_not(VALID("\xe0\x80\xaf"));
}

Test(utf8, rejects_surrogates_and_out_of_range)
{
	cr_assert_not(VALID("\xed\xa0\x80"));     /* U+D800 */
	cr_assert_not(VALID("\xf4\x90\x80\x80")); /* U+110000 */
	cr_assert_not(VALID("\xff"));
}

Test(utf8, rejects_truncated_and_stray_bytes_with_offset)
{
	size_t bad = 99;
	cr_assert_not(utf8_valid("ab\xe4\xb8", 4, &bad));
	cr_assert_eq(bad, 2);
	cr_assert_not(utf8_valid("\x80", 1, &bad));
	cr_assert_eq(bad, 0);
}

Test(utf8, rejects_nul_bytes)
{
	cr_assert_not(utf8_valid("a\0b", 3, NULL));
}

Test(utf8, counts_characters_not_bytes)
{
	const char *s = "上海a";
	cr_assert_eq(utf8_length(s, strlen(s)), 3);
}

Test(utf8, prefix_never_splits_a_character)
{
	const char *s = "上海市";
	cr_assert_eq(utf8_prefix(s, strlen(s), 2), 6);
	cr_assert_eq(utf8_prefix(s, strlen(s), 0), 0);
	cr_assert_eq(utf8_prefix(s, strlen(s), 10), strlen(s));
}

Test(utf8, decode_reads_each_length)
{
	static const struct {
		const char *s;
		uint32_t cp;
	} cases[] = { { "A", 0x41 }, { "\xdf\xbf", 0x7ff }, { "上", 0x4e0a }, { "\xf0\x9f\x98\x80", 0x1f600 } };
	for (size_t i = 0; i < 4; i++) {
		uint32_t cp;
		cr_assert_eq(utf8_decode(cases[i].s, strlen(cases[i].s), &cp), strlen(cases[i].s));
		cr_assert_eq(cp, cases[i].cp);
	}
}

Test(utf8, encode_round_trips_decode)
{
	const uint32_t cps[] = { 0x41, 0x7ff, 0x4e0a, 0x1f600 };
	for (size_t i = 0; i < 4; i++) {
		char out[4];
		size_t n = utf8_encode(cps[i], out);
		uint32_t back;
		cr_assert_eq(utf8_decode(out, n, &back), n);
		cr_assert_eq(back, cps[i]);
	}
}

Test(utf8, fold_width_makes_full_width_ascii_and_the_ideographic_space_ascii)
{
	struct arena *a = arena_new();
	bool changed;
	struct str s = utf8_fold_width(str_from("ＡＢｃ１２　浦东。—"), 0, a, &changed);
	cr_assert(changed);
	cr_assert_str_eq(s.p, "ABc12 浦东。—", "Chinese text and punctuation stay unless asked");
	s = utf8_fold_width(str_from("a。b—c"), UTF8_FOLD_DOTS | UTF8_FOLD_DASHES, a, &changed);
	cr_assert_str_eq(s.p, "a.b-c");
	s = utf8_fold_width(str_from("浦东 abc"), 0, a, &changed);
	cr_assert_not(changed);
	cr_assert_str_eq(s.p, "浦东 abc");
	arena_free(a);
}
