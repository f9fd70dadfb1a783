/* pagination: plain arithmetic, kept apart so it can be tested exhaustively. */
#include "views/pagination.h"

int64_t pagination_offset(long page, long per_page)
{
	return (int64_t)(page - 1) * per_page;
}

struct pagination pagination_make(int64_t total, long per_page, long page)
{
	struct pagination p = { .page = page, .total = total, .per_page = per_page };
	p.pages = total > 0 ? (long)((total + per_page - 1) / per_page) : 1;
	p.offset = pagination_offset(page, per_page);
	return p;
}

bool pagination_in_range(const struct pagination *p)
{
	return p->page >= 1 && p->page <= p->pages;
}

size_t pagination_window(const struct pagination *p, long out[PAGINATION_WINDOW_MAX])
{
	size_t n = 0;
	long lo = p->page - 2, hi = p->page + 2;
	if (lo < 1)
		lo = 1;
	if (hi > p->pages)
		hi = p->pages;
	if (lo > 1) {
		out[n++] = 1;
		if (lo > 2)
			out[n++] = 0;
	}
	for (long i = lo; i <= hi; i++)
		out[n++] = i;
	if (hi < p->pages) {
		if (hi < p->pages - 1)
			out[n++] = 0;
		out[n++] = p->pages;
	}
	return n;
}
