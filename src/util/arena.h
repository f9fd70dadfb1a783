/* arena: a region allocator; one per request or per import item, freed at once. */
#ifndef ZS_UTIL_ARENA_H
#define ZS_UTIL_ARENA_H

#include <stddef.h>

#include "util/buf.h"
#include "util/str.h"

struct arena;

/* Creates an empty arena; never fails (aborts on OOM). */
struct arena *arena_new(void);
/* Runs deferred cleanups (last registered first) and frees every allocation. */
void arena_free(struct arena *a);
/* Frees every allocation but keeps the arena's first block, for reuse in a loop. */
void arena_reset(struct arena *a);

/* Memory valid until arena_free/arena_reset; aligned for any type. */
void *arena_alloc(struct arena *a, size_t n);
void *arena_zalloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Calls fn(data) when the arena is freed or reset. */
void arena_defer(struct arena *a, void (*fn)(void *), void *data);
/* A buffer whose memory the arena releases; use for output built per request. */
struct buf *arena_buf(struct arena *a);

#define ARENA_NEW(a, type) ((type *)arena_zalloc((a), sizeof(type)))
#define ARENA_NEW_ARRAY(a, type, n) ((type *)arena_zalloc((a), sizeof(type) * (n)))

#endif
