/* buf: the one growable byte buffer, used to build all text (HTML, SQL-free). */
#ifndef ZS_UTIL_BUF_H
#define ZS_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "util/str.h"

/* Zero-initialise ("struct buf b = {0};") to get an empty buffer. The data is
 * always NUL-terminated once anything has been appended. Owns its heap memory;
 * release with buf_free() (or give it away with buf_detach()). */
struct buf {
	char *data;
	size_t len; /* bytes used, excluding the terminating NUL */
	size_t cap; /* bytes allocated */
};

void buf_reserve(struct buf *b, size_t extra);
void buf_append(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_put_str(struct buf *b, struct str s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Appends n bytes of outside text with control characters, '"' and '\\'
 * written as \xNN, so it cannot forge log lines or drive a terminal. */
void buf_put_printable(struct buf *b, const char *p, size_t n);
/* Empties the buffer but keeps its memory for reuse. */
void buf_reset(struct buf *b);
void buf_free(struct buf *b);
/* Returns the NUL-terminated data (caller frees) and empties the buffer. */
char *buf_detach(struct buf *b);

static inline struct str buf_str(const struct buf *b)
{
	return (struct str){ b->data, b->len };
}

static inline const char *buf_cstr(const struct buf *b)
{
	return b->data ? b->data : "";
}

#endif
