/* Unit tests for views/pagination: page counts and the link window. */
#include <criterion/criterion.h>

#include "views/pagination.h"

Test(pagination, counts_pages)
{
	cr_assert_eq(pagination_make(0, 20, 1).pages, 1);
	cr_assert_eq(pagination_make(20, 20, 1).pages, 1);
	cr_assert_eq(pagination_make(21, 20, 1).pages, 2);
	cr_assert_eq(pagination_make(100000, 20, 1).pages, 5000);
}

Test(pagination, offsets_by_page)
{
	cr_assert_eq(pagination_make(100, 20, 1).offset, 0);
	cr_assert_eq(pagination_make(100, 20, 3).offset, 40);
	cr_assert_eq(pagination_offset(PAGE_MAX, 20), (int64_t)(PAGE_MAX - 1) * 20);
}

Test(pagination, first_page_of_nothing_exists_but_second_does_not)
{
	struct pagination p = pagination_make(0, 20, 1);
	cr_assert(pagination_in_range(&p));
	p = pagination_make(0, 20, 2);
	cr_assert_not(pagination_in_range(&p));
	p = pagination_make(41, 20, 3);
	cr_assert(pagination_in_range(&p));
	p = pagination_make(41, 20, 4);
	cr_assert_not(pagination_in_range(&p));
}

static void expect_window(long total, long page, const long *want, size_t nwant)
{
	struct pagination p = pagination_make(total, 20, page);
	long got[PAGINATION_WINDOW_MAX];
	size_t n = pagination_window(&p, got);
	cr_assert_eq(n, nwant, "page %ld of %ld: %zu links, want %zu", page, p.pages, n, nwant);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(got[i], want[i], "page %ld: link %zu is %ld, want %ld", page, i, got[i], want[i]);
}

Test(pagination, window_shows_ends_neighbours_and_gaps)
{
	expect_window(20, 1, (long[]){ 1 }, 1);
	expect_window(200, 1, (long[]){ 1, 2, 3, 0, 10 }, 5);
	expect_window(200, 5, (long[]){ 1, 0, 3, 4, 5, 6, 7, 0, 10 }, 9);
	expect_window(200, 4, (long[]){ 1, 2, 3, 4, 5, 6, 0, 10 }, 8);
	expect_window(200, 10, (long[]){ 1, 0, 8, 9, 10 }, 5);
	expect_window(80, 2, (long[]){ 1, 2, 3, 4 }, 4);
}
