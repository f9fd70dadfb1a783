/* mem: allocation that aborts on failure, so callers never handle OOM. */
#ifndef ZS_UTIL_MEM_H
#define ZS_UTIL_MEM_H

#include <stddef.h>

/* Each returns valid memory or aborts the process with a message on stderr. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
