/* str: trimming and number parsing on byte views. */
#include "util/str.h"

#include <limits.h>

static const char ideographic_space[] = "\xe3\x80\x80";

static bool is_ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

struct str str_trim(struct str s)
{
	for (;;) {
		if (s.len && is_ascii_space(s.p[0])) {
			s.p++, s.len--;
		} else if (s.len >= 3 && memcmp(s.p, ideographic_space, 3) == 0) {
			s.p += 3, s.len -= 3;
		} else {
			break;
		}
	}
	for (;;) {
		if (s.len && is_ascii_space(s.p[s.len - 1]))
			s.len--;
		else if (s.len >= 3 && memcmp(s.p + s.len - 3, ideographic_space, 3) == 0)
			s.len -= 3;
		else
			break;
	}
	return s;
}

bool str_to_long(struct str s, long min, long max, long *out)
{
	if (s.len == 0 || s.len > 19)
		return false;
	bool negative = s.p[0] == '-';
	size_t i = negative ? 1 : 0;
	if (i == s.len)
		return false;
	long long v = 0;
	for (; i < s.len; i++) {
		if (s.p[i] < '0' || s.p[i] > '9')
			return false;
		int digit = s.p[i] - '0';
		if (v > (LONG_MAX - digit) / 10)
			return false;
		v = v * 10 + digit;
	}
	if (negative)
		v = -v;
	if (v < min || v > max)
		return false;
	*out = (long)v;
	return true;
}
