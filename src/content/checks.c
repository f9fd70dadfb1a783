/* checks: each check is one pass over the text, a character at a time;
 * ICU is used for Unicode whitespace and for case and width folding. */
#include "content/checks.h"

#include <stdint.h>
#include <stdlib.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "util/date.h"
#include "util/log.h"
#include "util/mem.h"
#include "util/utf8.h"

/* Decodes the character at text.p[i] (i < text.len) and returns its length;
 * a byte that is not UTF-8 is one character, U+FFFD. */
static size_t next_char(struct str text, size_t i, uint32_t *c)
{
	size_t n = utf8_decode(text.p + i, text.len - i, c);
	if (n == 0) {
		*c = 0xfffd;
		return 1;
	}
	return n;
}

static bool is_space(uint32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	return u_isUWhiteSpace((UChar32)c);
}

bool check_too_short(struct str body)
{
	size_t chars = 0;
	for (size_t i = 0; i < body.len && chars < CHECK_MIN_BODY_CHARS;) {
		uint32_t c;
		i += next_char(body, i, &c);
		chars += !is_space(c);
	}
	return chars < CHECK_MIN_BODY_CHARS;
}

static bool starts_link(struct str s, size_t i)
{
	static const char *const starts[] = { "http://", "https://", "www." };
	for (size_t k = 0; k < sizeof(starts) / sizeof(starts[0]); k++) {
		size_t n = strlen(starts[k]);
		if (s.len - i >= n && strncasecmp(s.p + i, starts[k], n) == 0)
			return true;
	}
	return false;
}

static bool ends_link(char c)
{
	unsigned char b = (unsigned char)c;
	return b <= ' ' || b >= 0x7f || c == '<' || c == '>' || c == '"' || c == '\'';
}

bool check_mostly_links(struct str body)
{
	size_t links = 0, link_chars = 0, chars = 0; /* chars: non-whitespace */
	for (size_t i = 0; i < body.len;) {
		if (starts_link(body, i)) {
			size_t end = i;
			while (end < body.len && !ends_link(body.p[end]))
				end++;
			links++;
			link_chars += end - i; /* ASCII: one byte a character */
			chars += end - i;
			i = end;
			continue;
		}
		uint32_t c;
		i += next_char(body, i, &c);
		chars += !is_space(c);
	}
	if (chars == 0)
		return false;
	return link_chars * 100 >= (size_t)CHECK_LINK_RATIO_PERCENT * chars ||
	       (links >= CHECK_LINK_SPAM_COUNT && chars < CHECK_LINK_SPAM_BODY_CHARS);
}

static _Noreturn void icu_failed(const char *what, UErrorCode e)
{
	log_error("moderation checks: ICU %s failed: %s", what, u_errorName(e));
	abort();
}

/* s in NFKC_Casefold, as UTF-16 the caller frees; *len is its length. */
static UChar *fold(const UNormalizer2 *nfkc_cf, struct str s, int32_t *len)
{
	/* ICU counts in int32_t; bodies are limited long before this
	 * (ARTICLE_BODY_MAX_CHARS). */
	if (s.len > INT32_MAX / 2)
		icu_failed("normalisation of a text over 1 GB", U_INDEX_OUTOFBOUNDS_ERROR);
	UErrorCode e = U_ZERO_ERROR;
	/* Each UTF-8 byte gives at most one UTF-16 unit. */
	int32_t cap = (int32_t)s.len + 1, utf16_len = 0;
	UChar *utf16 = xmalloc(sizeof(UChar) * (size_t)cap);
	u_strFromUTF8WithSub(utf16, cap, &utf16_len, s.p, (int32_t)s.len, 0xfffd, NULL, &e);
	if (U_FAILURE(e))
		icu_failed("UTF-8 conversion", e);
	/* Folding rarely grows text; when it does, ICU says by how much. */
	cap = utf16_len + utf16_len / 2 + 16;
	UChar *out = xmalloc(sizeof(UChar) * (size_t)cap);
	*len = unorm2_normalize(nfkc_cf, utf16, utf16_len, out, cap, &e);
	if (e == U_BUFFER_OVERFLOW_ERROR) {
		e = U_ZERO_ERROR;
		cap = *len;
		out = xrealloc(out, sizeof(UChar) * (size_t)cap);
		*len = unorm2_normalize(nfkc_cf, utf16, utf16_len, out, cap, &e);
	}
	if (U_FAILURE(e))
		icu_failed("NFKC_Casefold", e);
	free(utf16);
	return out;
}

struct word_list {
	size_t n;
	const char **words; /* the caller's */
	UChar **folded;     /* NULL for words that fold to nothing */
	int32_t *lens;
};

static const UNormalizer2 *nfkc_casefold(void)
{
	UErrorCode e = U_ZERO_ERROR;
	const UNormalizer2 *nfkc_cf = unorm2_getNFKCCasefoldInstance(&e);
	if (U_FAILURE(e))
		icu_failed("NFKC_Casefold data", e);
	return nfkc_cf;
}

struct word_list *word_list_new(const char *const *words, size_t nwords)
{
	const UNormalizer2 *nfkc_cf = nfkc_casefold();
	struct word_list *list = xcalloc(1, sizeof(*list));
	list->words = xcalloc(nwords ? nwords : 1, sizeof(*list->words));
	list->folded = xcalloc(nwords ? nwords : 1, sizeof(*list->folded));
	list->lens = xcalloc(nwords ? nwords : 1, sizeof(*list->lens));
	for (size_t i = 0; i < nwords; i++) {
		if (!words[i] || !words[i][0])
			continue;
		int32_t len;
		UChar *folded = fold(nfkc_cf, str_from(words[i]), &len);
		if (len == 0) {
			free(folded);
			continue;
		}
		list->words[list->n] = words[i];
		list->folded[list->n] = folded;
		list->lens[list->n++] = len;
	}
	return list;
}

void word_list_free(struct word_list *list)
{
	if (!list)
		return;
	for (size_t i = 0; i < list->n; i++)
		free(list->folded[i]);
	free(list->folded);
	free(list->lens);
	free(list->words);
	free(list);
}

size_t check_banned_words(struct str text, const struct word_list *list, const char **found, size_t max_found)
{
	if (max_found == 0 || text.len == 0 || list->n == 0)
		return 0;
	int32_t text_len;
	UChar *folded_text = fold(nfkc_casefold(), text, &text_len);
	size_t n = 0;
	for (size_t i = 0; i < list->n && n < max_found; i++)
		if (u_strFindFirst(folded_text, text_len, list->folded[i], list->lens[i]))
			found[n++] = list->words[i];
	free(folded_text);
	return n;
}

static bool is_ascii_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static bool is_wide_digit(uint32_t c)
{
	return c >= 0xff10 && c <= 0xff19;
}

static bool is_digit(uint32_t c)
{
	return is_ascii_digit(c) || is_wide_digit(c);
}

static bool is_point(uint32_t c)
{
	return c == '.' || c == 0xff0e;
}

static bool is_comma(uint32_t c)
{
	return c == ',' || c == 0xff0c;
}

/* The end of the number whose first digit is at text.p[start]. */
static size_t number_end(struct str text, size_t start)
{
	size_t end = start;
	while (end < text.len) {
		uint32_t c;
		size_t n = next_char(text, end, &c);
		if (is_digit(c)) {
			end += n;
			continue;
		}
		size_t next = end, separators = 0;
		bool wide_comma = false;
		while (next < text.len && (is_point(c) || is_comma(c))) {
			wide_comma |= c == 0xff0c;
			separators++;
			next += n;
			n = next < text.len ? next_char(text, next, &c) : 0;
		}
		if (!separators || next == text.len || !is_digit(c) || (wide_comma && separators > 1))
			break;
		end = next;
	}
	return end;
}

/* What a number is made of, for is_bad_number. */
struct number_shape {
	size_t groups;           /* runs of digits */
	size_t points, commas;   /* separators */
	bool ascii, wide;        /* which digits occur */
	bool doubled_separator;  /* two separators in a row */
	bool bad_grouping;       /* commas not in thousands */
	size_t len[3];           /* digits in each of the first three groups */
	int value[3];            /* their values, stopping at 10000 */
};

static bool is_date(const struct number_shape *s)
{
	return s->points == 2 && s->commas == 0 && s->groups == 3 && s->len[0] == 4 && s->len[1] <= 2 &&
	       s->len[2] <= 2 && s->value[2] >= 1 && s->value[2] <= date_days_in_month(s->value[0], s->value[1]);
}

static bool is_bad_number(struct str number)
{
	struct number_shape s = { 0 };
	size_t group_len = 0; /* digits in the current group so far */
	bool after_comma = false;
	for (size_t i = 0; i < number.len;) {
		uint32_t c;
		i += next_char(number, i, &c);
		if (is_digit(c)) {
			if (group_len++ == 0)
				s.groups++;
			s.ascii |= is_ascii_digit(c);
			s.wide |= is_wide_digit(c);
			if (s.groups <= 3) {
				size_t g = s.groups - 1;
				s.len[g]++;
				if (s.value[g] < 10000)
					s.value[g] = s.value[g] * 10 + (int)(c - (is_wide_digit(c) ? 0xff10 : '0'));
			}
			continue;
		}
		if (group_len == 0)
			s.doubled_separator = true;
		if (after_comma && group_len != 3)
			s.bad_grouping = true;
		if (is_comma(c)) {
			if (s.points || (s.groups == 1 && group_len > 3))
				s.bad_grouping = true;
			s.commas++;
			after_comma = true;
		} else {
			s.points++;
			after_comma = false;
		}
		group_len = 0;
	}
	if (after_comma && group_len != 3)
		s.bad_grouping = true;
	return s.doubled_separator || s.bad_grouping || (s.ascii && s.wide) || (s.points >= 2 && !is_date(&s));
}

/* The byte length of 万万 or 亿亿 at text.p[at], else 0. */
static size_t doubled_magnitude(struct str text, size_t at)
{
	static const char *const doubled[] = { "万万", "亿亿" };
	for (size_t k = 0; k < sizeof(doubled) / sizeof(doubled[0]); k++) {
		size_t n = strlen(doubled[k]);
		if (text.len - at >= n && memcmp(text.p + at, doubled[k], n) == 0)
			return n;
	}
	return 0;
}

size_t check_bad_numbers(struct str text, struct str *found, size_t max_found)
{
	size_t n = 0;
	for (size_t i = 0; i < text.len && n < max_found;) {
		uint32_t c;
		size_t len = next_char(text, i, &c);
		if (!is_digit(c)) {
			i += len;
			continue;
		}
		size_t end = number_end(text, i);
		size_t magnitude = doubled_magnitude(text, end);
		if (magnitude || is_bad_number((struct str){ text.p + i, end - i }))
			found[n++] = (struct str){ text.p + i, end + magnitude - i };
		i = end + magnitude;
	}
	return n;
}
