/* pagination: page arithmetic and the window of page links under a listing. */
#ifndef ZS_VIEWS_PAGINATION_H
#define ZS_VIEWS_PAGINATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { PAGE_SIZE = 20, PAGE_MAX = 1000000 };

struct pagination {
	long page;      /* 1-based, as asked for */
	long pages;     /* at least 1, even when there is nothing to show */
	int64_t total;  /* items in all pages */
	int64_t offset; /* items before this page */
	long per_page;
};

/* Offset of page (1..PAGE_MAX) with per_page items a page. */
int64_t pagination_offset(long page, long per_page);
struct pagination pagination_make(int64_t total, long per_page, long page);
/* True when the page exists (page 1 always does, even if empty). */
bool pagination_in_range(const struct pagination *p);

/* Fills out with the page numbers to link: the first, the last, and the
 * current one with two neighbours each side; 0 marks a gap ("…"). Returns the
 * count, at most PAGINATION_WINDOW_MAX. */
enum { PAGINATION_WINDOW_MAX = 9 };
size_t pagination_window(const struct pagination *p, long out[PAGINATION_WINDOW_MAX]);

#endif
