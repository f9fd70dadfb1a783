/* Unit tests for http/cache's If-None-Match reading (RFC 9110 §13.1.2). */
#include <criterion/criterion.h>

#include "http/cache.h"

static const char tag[] = "W/\"0123abcd\"";

Test(cache, a_tag_matches_itself_weak_or_strong)
{
	cr_assert(cache_etag_matches("W/\"0123abcd\"", tag));
	cr_assert(cache_etag_matches("\"0123abcd\"", tag), "weak comparison ignores W/");
	cr_assert(cache_etag_matches("\"0123abcd\"", "\"0123abcd\""));
}

Test(cache, a_tag_anywhere_in_a_list_matches)
{
	cr_assert(cache_etag_matches("\"x\", W/\"0123abcd\"", tag));
	cr_assert(cache_etag_matches("W/\"0123abcd\",\"y\"", tag));
	cr_assert(cache_etag_matches(" \t\"x\" ,\tW/\"0123abcd\" ", tag));
}

Test(cache, a_star_matches_any_tag)
{
	cr_assert(cache_etag_matches("*", tag));
	cr_assert(cache_etag_matches(" *", tag));
}

Test(cache, only_the_whole_tag_matches)
{
	cr_assert_not(cache_etag_matches("W/\"0123abc\"", tag), "a prefix is not the tag");
	cr_assert_not(cache_etag_matches("W/\"0123abcdef\"", tag), "nor is a longer one");
	cr_assert_not(cache_etag_matches("W/\"0123abcd-gzip\"", tag), "nor another coding's tag");
	cr_assert_not(cache_etag_matches("0123abcd", tag), "the quotes are part of the tag");
	cr_assert_not(cache_etag_matches("\"x\"W/\"0123abcd\"", tag));
	cr_assert_not(cache_etag_matches("", tag));
	cr_assert_not(cache_etag_matches(",,,", tag));
}
