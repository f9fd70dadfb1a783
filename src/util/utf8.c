/* utf8: validation per RFC 3629 (the table in its section 4), and folding width. */
#include "util/utf8.h"

#include <string.h>

size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	if (n == 0)
		return 0;
	unsigned char c = p[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len;
	uint32_t v, min;
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2, v = c & 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3, v = c & 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4, v = c & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (p[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return len;
}

bool utf8_valid(const char *p, size_t n, size_t *bad_offset)
{
	size_t i = 0;
	while (i < n) {
		if ((unsigned char)p[i] < 0x80) {
			if (p[i] == '\0')
				break;
			i++;
			continue;
		}
		uint32_t cp;
		size_t len = utf8_decode(p + i, n - i, &cp);
		if (len == 0)
			break;
		i += len;
	}
	if (i == n)
		return true;
	if (bad_offset)
		*bad_offset = i;
	return false;
}

size_t utf8_length(const char *p, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		count += ((unsigned char)p[i] & 0xc0) != 0x80;
	return count;
}

size_t utf8_prefix(const char *p, size_t n, size_t max_chars)
{
	size_t chars = 0;
	for (size_t i = 0; i < n; i++) {
		if (((unsigned char)p[i] & 0xc0) != 0x80) {
			if (chars == max_chars)
				return i;
			chars++;
		}
	}
	return n;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

struct str utf8_fold_width(struct str v, unsigned folds, struct arena *arena, bool *changed)
{
	*changed = false;
	char *out = arena_alloc(arena, v.len + 1);
	size_t o = 0;
	for (size_t i = 0; i < v.len;) {
		uint32_t cp;
		size_t n = utf8_decode(v.p + i, v.len - i, &cp);
		if (n == 0) {
			out[o++] = v.p[i++];
			continue;
		}
		uint32_t to = 0;
		if (cp >= 0xff01 && cp <= 0xff5e)
			to = cp - 0xfee0;
		else if (cp == 0x3000)
			to = ' ';
		else if ((folds & UTF8_FOLD_DOTS) && cp == 0x3002)
			to = '.';
		else if ((folds & UTF8_FOLD_DASHES) && ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212))
			to = '-';
		if (to) {
			out[o++] = (char)to;
			*changed = true;
		} else {
			memcpy(out + o, v.p + i, n);
			o += n;
		}
		i += n;
	}
	out[o] = '\0';
	return (struct str){ out, o };
}
