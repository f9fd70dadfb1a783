/* str: a non-owning view of bytes (not NUL-terminated) and helpers on it. */
#ifndef ZS_UTIL_STR_H
#define ZS_UTIL_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct str {
	const char *p; /* first byte; not owned, may be NULL when len is 0 */
	size_t len;    /* bytes */
};

#define STR_LIT(s) ((struct str){ (s), sizeof(s) - 1 })

static inline struct str str_from(const char *s)
{
	return (struct str){ s, s ? strlen(s) : 0 };
}

static inline bool str_eq(struct str a, struct str b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.p, b.p, a.len) == 0);
}

static inline bool str_eq_cstr(struct str a, const char *b)
{
	return str_eq(a, str_from(b));
}

static inline bool str_has_prefix(struct str s, struct str prefix)
{
	return s.len >= prefix.len && memcmp(s.p, prefix.p, prefix.len) == 0;
}

/* Removes ASCII whitespace and U+3000 (ideographic space) from both ends. */
struct str str_trim(struct str s);

/* Parses a whole decimal number in [min, max]; false on anything else. */
bool str_to_long(struct str s, long min, long max, long *out);

#endif
