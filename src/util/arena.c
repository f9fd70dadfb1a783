/* arena: bump allocation in chained blocks, plus deferred cleanups. */
#include "util/arena.h"

#include <stdalign.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

enum { ARENA_BLOCK = 16 * 1024 };

struct block {
	struct block *next;
	size_t used;
	size_t cap;
	alignas(max_align_t) unsigned char data[];
};

struct deferred {
	struct deferred *next;
	void (*fn)(void *);
	void *data;
};

struct arena {
	struct block *head;     /* the block being filled; others follow it */
	struct block *first;    /* the block made with the arena, kept by reset */
	struct deferred *defer; /* newest cleanup first */
};

static struct block *block_new(size_t cap)
{
	struct block *b = xmalloc(sizeof(*b) + cap);
	b->next = NULL;
	b->used = 0;
	b->cap = cap;
	return b;
}

struct arena *arena_new(void)
{
	struct arena *a = xmalloc(sizeof(*a));
	a->head = a->first = block_new(ARENA_BLOCK);
	a->defer = NULL;
	return a;
}

static void run_deferred(struct arena *a)
{
	while (a->defer) {
		struct deferred *d = a->defer;
		a->defer = d->next;
		d->fn(d->data);
	}
}

void arena_reset(struct arena *a)
{
	run_deferred(a);
	for (struct block *b = a->head, *next; b; b = next) {
		next = b->next;
		if (b != a->first)
			free(b);
	}
	a->first->next = NULL;
	a->first->used = 0;
	a->head = a->first;
}

void arena_free(struct arena *a)
{
	if (!a)
		return;
	arena_reset(a);
	free(a->head);
	free(a);
}

void *arena_alloc(struct arena *a, size_t n)
{
	const size_t align = alignof(max_align_t);
	n = (n + align - 1) & ~(align - 1);
	struct block *b = a->head;
	if (b->cap - b->used < n) {
		if (n > ARENA_BLOCK / 4) {
			/* A large allocation gets its own block behind the current one,
			 * so the current block's free space is not wasted. */
			struct block *big = block_new(n);
			big->used = n;
			big->next = b->next;
			b->next = big;
			return big->data;
		}
		b = block_new(ARENA_BLOCK);
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += n;
	return p;
}

void *arena_zalloc(struct arena *a, size_t n)
{
	void *p = arena_alloc(a, n);
	memset(p, 0, n);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *d = arena_alloc(a, n + 1);
	if (n)
		memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return arena_strdup(a, "");
	char *d = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(d, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return d;
}

void arena_defer(struct arena *a, void (*fn)(void *), void *data)
{
	struct deferred *d = arena_alloc(a, sizeof(*d));
	d->fn = fn;
	d->data = data;
	d->next = a->defer;
	a->defer = d;
}

static void buf_release(void *p)
{
	buf_free(p);
}

struct buf *arena_buf(struct arena *a)
{
	struct buf *b = ARENA_NEW(a, struct buf);
	arena_defer(a, buf_release, b);
	return b;
}
