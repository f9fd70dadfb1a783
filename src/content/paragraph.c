/* paragraph: enumerator detection with sequence checking, so stray "一、"
 * inside a sentence is not mistaken for a section start. */
#include "content/paragraph.h"

#include <stdint.h>

#include "util/utf8.h"

enum { HEADING_MAX_CHARS = 40 };

static int digit_value(uint32_t cp)
{
	static const uint32_t digits[] = { 0x4e00, 0x4e8c, 0x4e09, 0x56db, 0x4e94,
					   0x516d, 0x4e03, 0x516b, 0x4e5d }; /* 一 … 九 */
	for (int i = 0; i < 9; i++)
		if (digits[i] == cp)
			return i + 1;
	return 0;
}

enum { CP_TEN = 0x5341 /* 十 */ };

int chinese_numeral(struct str s, size_t *len)
{
	uint32_t cp[3] = { 0 };
	size_t at[4] = { 0 };
	int n = 0;
	while (n < 3 && at[n] < s.len) {
		size_t l = utf8_decode(s.p + at[n], s.len - at[n], &cp[n]);
		if (l == 0 || (cp[n] != CP_TEN && !digit_value(cp[n])))
			break;
		at[n + 1] = at[n] + l;
		n++;
	}
	/* Forms: d, 十, 十d, d十, d十d (d = 1..9). Take the longest that fits. */
	if (n >= 3 && digit_value(cp[0]) && cp[1] == CP_TEN && digit_value(cp[2])) {
		*len = at[3];
		return digit_value(cp[0]) * 10 + digit_value(cp[2]);
	}
	if (n >= 2 && digit_value(cp[0]) && cp[1] == CP_TEN) {
		*len = at[2];
		return digit_value(cp[0]) * 10;
	}
	if (n >= 2 && cp[0] == CP_TEN && digit_value(cp[1])) {
		*len = at[2];
		return 10 + digit_value(cp[1]);
	}
	if (n >= 1) {
		*len = at[1];
		return cp[0] == CP_TEN ? 10 : digit_value(cp[0]);
	}
	return 0;
}

static const struct str open_parens[] = { STR_LIT("（"), STR_LIT("(") };
static const struct str close_parens[] = { STR_LIT("）"), STR_LIT(")") };

/* If s starts with an enumerator, returns its value and level and its length. */
static int enumerator_at(struct str s, enum heading_level *level, size_t *len)
{
	size_t nlen = 0;
	int v = chinese_numeral(s, &nlen);
	if (v) {
		struct str after = { s.p + nlen, s.len - nlen };
		if (str_has_prefix(after, STR_LIT("、"))) {
			*level = HEADING_SECTION;
			*len = nlen + 3;
			return v;
		}
		return 0;
	}
	for (size_t i = 0; i < 2; i++) {
		if (!str_has_prefix(s, open_parens[i]))
			continue;
		struct str inner = { s.p + open_parens[i].len, s.len - open_parens[i].len };
		v = chinese_numeral(inner, &nlen);
		if (!v)
			continue;
		struct str after = { inner.p + nlen, inner.len - nlen };
		for (size_t j = 0; j < 2; j++) {
			if (str_has_prefix(after, close_parens[j])) {
				*level = HEADING_SUBSECTION;
				*len = open_parens[i].len + nlen + close_parens[j].len;
				return v;
			}
		}
	}
	return 0;
}

/* A split may happen after whitespace or after a sentence's end. */
static bool is_boundary_before(struct str line, size_t i)
{
	if (i == 0)
		return true;
	unsigned char c = (unsigned char)line.p[i - 1];
	if (c == ' ' || c == '\t')
		return true;
	static const char *const enders[] = { "\u3000", "。", "！", "？", "；", "：", "”", "…" };
	for (size_t k = 0; k < sizeof(enders) / sizeof(enders[0]); k++) {
		struct str e = str_from(enders[k]);
		if (i >= e.len && memcmp(line.p + i - e.len, e.p, e.len) == 0)
			return true;
	}
	return false;
}

static void emit(struct buf *out, struct str para)
{
	para = str_trim(para);
	if (para.len == 0)
		return;
	if (out->len && out->data[out->len - 1] != '\n')
		buf_putc(out, '\n');
	buf_put_str(out, para);
}

static void split_line(struct str line, struct buf *out, int *next_section, int *next_sub)
{
	size_t start = 0;
	for (size_t i = 0; i < line.len; i++) {
		if (((unsigned char)line.p[i] & 0xc0) == 0x80)
			continue; /* only look at the start of characters */
		enum heading_level level;
		size_t len;
		struct str rest = { line.p + i, line.len - i };
		int v = enumerator_at(rest, &level, &len);
		if (!v || !is_boundary_before(line, i))
			continue;
		int *expected = level == HEADING_SECTION ? next_section : next_sub;
		/* Accept the next number in sequence, or a restart at one. */
		if (v != *expected && v != 1)
			continue;
		*expected = v + 1;
		if (level == HEADING_SECTION)
			*next_sub = 1; /* sub-sections number afresh in each section */
		emit(out, (struct str){ line.p + start, i - start });
		start = i;
		i += len - 1;
	}
	emit(out, (struct str){ line.p + start, line.len - start });
}

void paragraphs_split(struct str text, struct buf *out)
{
	int next_section = 1, next_sub = 1;
	size_t start = 0;
	for (size_t i = 0; i <= text.len; i++) {
		if (i == text.len || text.p[i] == '\n') {
			split_line((struct str){ text.p + start, i - start }, out, &next_section, &next_sub);
			start = i + 1;
		}
	}
}

enum heading_level paragraph_heading(struct str para, struct str *heading, struct str *rest)
{
	enum heading_level level;
	size_t len;
	if (!enumerator_at(para, &level, &len))
		return HEADING_NONE;
	size_t i = len, chars = 0;
	while (i < para.len && chars <= HEADING_MAX_CHARS) {
		if (para.p[i] == ' ' || para.p[i] == '\t' || str_has_prefix((struct str){ para.p + i, para.len - i }, STR_LIT("\u3000"))) {
			struct str r = str_trim((struct str){ para.p + i, para.len - i });
			if (i == len || r.len == 0)
				return HEADING_NONE;
			*heading = (struct str){ para.p, i };
			*rest = r;
			return level;
		}
		uint32_t cp;
		size_t l = utf8_decode(para.p + i, para.len - i, &cp);
		i += l ? l : 1;
		chars++;
	}
	if (i >= para.len && chars <= HEADING_MAX_CHARS && i > len) {
		/* A short paragraph that is only a heading. */
		*heading = para;
		*rest = (struct str){ para.p + para.len, 0 };
		return level;
	}
	return HEADING_NONE;
}
