/* fields: form-value checks shared by every form. */
#include "content/fields.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "content/article.h"
#include "content/credit_code.h"
#include "content/district.h"
#include "content/industry.h"
#include "content/sector.h"
#include "util/buf.h"
#include "util/utf8.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Digits in s, or -1 when s holds anything but digits and the separators
 * people put in phone numbers. *first2 gets the first two digits. */
static int phone_digits(struct str s, char first2[2])
{
	int digits = 0;
	for (size_t i = 0; i < s.len; i++) {
		char c = s.p[i];
		if (is_digit(c)) {
			if (digits < 2)
				first2[digits] = c;
			digits++;
		} else if (c == '-' && i + 1 < s.len && s.p[i + 1] == '-') {
			return -1;
		} else if (c != ' ' && c != '-' && c != '(' && c != ')') {
			return -1;
		}
	}
	return digits;
}

static bool is_extension(struct str s)
{
	char first2[2];
	int n = phone_digits(s, first2);
	return n >= 1 && n <= 6;
}

static bool is_number(struct str s)
{
	char first2[2] = { 0 };
	int n = phone_digits(s, first2);
	if (first2[0] == '1')
		return n == 11 && first2[1] >= '3' && first2[1] <= '9';
	/* Area code (3-4 digits with the 0) and a 7-8 digit number. */
	return first2[0] == '0' && n >= 10 && n <= 12;
}

bool field_is_phone(struct str s)
{
	if (str_has_prefix(s, STR_LIT("+86")))
		s.p += 3, s.len -= 3;
	else if (str_has_prefix(s, STR_LIT("0086")))
		s.p += 4, s.len -= 4;
	/* An extension after #, x or a comma: 021-61234567#8001. */
	size_t mark = 0;
	while (mark < s.len && !(s.p[mark] && strchr("#xX,", s.p[mark])))
		mark++;
	if (mark < s.len)
		return is_number((struct str){ s.p, mark }) &&
		       is_extension((struct str){ s.p + mark + 1, s.len - mark - 1 });
	if (is_number(s))
		return true;
	/* Or after a last dash, when the digits before it make a landline:
	 * 021-61234567-8001. */
	const char *dash = s.len ? memrchr(s.p, '-', s.len) : NULL;
	return dash && s.p[0] != '1' &&
	       is_number((struct str){ s.p, (size_t)(dash - s.p) }) &&
	       is_extension((struct str){ dash + 1, s.len - (size_t)(dash - s.p) - 1 });
}

static bool domain_char(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}

bool field_is_email(struct str s)
{
	const char *at = s.len ? memchr(s.p, '@', s.len) : NULL;
	if (!at || at == s.p || s.len > 254)
		return false;
	size_t local = (size_t)(at - s.p);
	if (local > 64)
		return false;
	for (size_t i = 0; i < local; i++) {
		unsigned char c = (unsigned char)s.p[i];
		if (c <= ' ' || c >= 0x7f || strchr("\"(),:;<>@[\\]", c))
			return false;
	}
	struct str domain = { at + 1, s.len - local - 1 };
	size_t label = 0, dots = 0;
	for (size_t i = 0; i < domain.len; i++) {
		char c = domain.p[i];
		if (c == '.') {
			if (label == 0)
				return false;
			label = 0;
			dots++;
		} else if (domain_char(c)) {
			label++;
		} else {
			return false;
		}
	}
	return dots > 0 && label >= 2;
}

/* An http(s) address with a dotted host ("http://a.cn"), no spaces. */
static bool is_web_address(struct str v)
{
	size_t scheme = str_has_prefix(v, STR_LIT("https://")) ? 8 : str_has_prefix(v, STR_LIT("http://")) ? 7 : 0;
	if (!scheme || v.len > ARTICLE_URL_MAX_BYTES || memchr(v.p, ' ', v.len))
		return false;
	size_t host = scheme, end = scheme;
	while (end < v.len && !strchr("/?#", v.p[end]))
		end++;
	const char *dot = memchr(v.p + host, '.', end - host);
	return dot && dot > v.p + host && dot < v.p + end - 1;
}

/* Starts with a URL scheme ("https:", "javascript:"). */
static bool has_scheme(struct str s)
{
	size_t i = 0;
	while (i < s.len && ((s.p[i] >= 'a' && s.p[i] <= 'z') || (s.p[i] >= 'A' && s.p[i] <= 'Z') ||
			     (i > 0 && (is_digit(s.p[i]) || s.p[i] == '+' || s.p[i] == '.' || s.p[i] == '-'))))
		i++;
	return i > 0 && i < s.len && s.p[i] == ':';
}

/* Control characters other than the line breaks (and tab) a text field keeps. */
static bool has_control(struct str s, bool multiline)
{
	for (size_t i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)s.p[i];
		if (c == 0x7f || (c < 0x20 && !(multiline && (c == '\n' || c == '\t'))))
			return true;
	}
	return false;
}

/* CRLF and lone CR become LF. */
static struct str normalise_newlines(struct str s, struct arena *arena)
{
	if (s.len == 0 || !memchr(s.p, '\r', s.len))
		return s;
	char *out = arena_alloc(arena, s.len + 1);
	size_t n = 0;
	for (size_t i = 0; i < s.len; i++) {
		if (s.p[i] == '\r') {
			out[n++] = '\n';
			if (i + 1 < s.len && s.p[i + 1] == '\n')
				i++;
		} else {
			out[n++] = s.p[i];
		}
	}
	out[n] = '\0';
	return (struct str){ out, n };
}

/* ---- what can only have been meant one way ---- */

static bool starts_case_insensitive(struct str s, const char *prefix)
{
	size_t n = strlen(prefix);
	return s.len >= n && !strncasecmp(s.p, prefix, n);
}

/* A website as typed, with its scheme: "www.example.cn" (or a host with a
 * port, "example.cn:8080/x") is https://; HTTP:// is http://. Anything
 * else with a scheme (javascript:) or that starts with a slash is left for
 * the check to refuse. */
static struct str website_with_scheme(struct str v, struct arena *arena, bool *added)
{
	*added = false;
	if (starts_case_insensitive(v, "http://") || starts_case_insensitive(v, "https://")) {
		size_t n = v.p[4] == ':' ? 4 : 5;
		char *out = arena_strndup(arena, v.p, v.len);
		for (size_t i = 0; i < n; i++)
			out[i] = (char)(out[i] | 0x20);
		return (struct str){ out, v.len };
	}
	if (v.len == 0 || v.p[0] == '/' || memmem(v.p, v.len, "://", 3))
		return v;
	if (has_scheme(v)) {
		/* "name:" is a scheme unless it is a host with a port. */
		const char *colon = memchr(v.p, ':', v.len);
		if (!memchr(v.p, '.', (size_t)(colon - v.p)))
			return v;
	}
	*added = true;
	return str_from(arena_printf(arena, "https://%.*s", (int)v.len, v.p));
}

/* v as rule r's kind reads it (see fields_check), and in *note what was
 * changed, or NULL. */
static struct str fix_value(const struct field_rule *r, struct str v, struct arena *arena, const char **note)
{
	*note = NULL;
	bool folded = false, added = false;
	switch (r->kind) {
	case FIELD_PHONE:
		v = utf8_fold_width(v, UTF8_FOLD_DASHES, arena, &folded);
		break;
	case FIELD_EMAIL:
		v = utf8_fold_width(v, UTF8_FOLD_DOTS, arena, &folded);
		break;
	case FIELD_CONTACT: {
		/* An address if it holds an @ in either width. */
		bool email = memchr(v.p, '@', v.len) || memmem(v.p, v.len, "\xef\xbc\xa0", 3);
		v = utf8_fold_width(v, email ? UTF8_FOLD_DOTS : UTF8_FOLD_DASHES, arena, &folded);
		break;
	}
	case FIELD_WEBSITE:
		v = utf8_fold_width(v, UTF8_FOLD_DOTS, arena, &folded);
		v = website_with_scheme(v, arena, &added);
		break;
	case FIELD_CREDIT_CODE: {
		char *out = arena_alloc(arena, v.len + 1), *typed = arena_strndup(arena, v.p, v.len);
		int fixed = credit_code_fix(typed, out);
		v = str_from(out);
		if (fixed == (CREDIT_CODE_FIXED_WIDTH | CREDIT_CODE_FIXED_CASE))
			*note = "已将全角字符改为半角、小写字母改为大写。";
		else if (fixed == CREDIT_CODE_FIXED_CASE)
			*note = "已将小写字母改为大写。";
		else if (fixed == CREDIT_CODE_FIXED_WIDTH)
			*note = "已将全角字符改为半角。";
		return v;
	}
	default:
		return v;
	}
	if (folded && added)
		*note = "已将全角字符改为半角，并在网址前补上 https://。";
	else if (added)
		*note = "已在网址前补上 https://。";
	else if (folded)
		*note = "已将全角字符改为半角。";
	/* A full-width space inside becomes one to trim at the ends. */
	return str_trim(v);
}

bool field_is_multiple(enum field_kind kind)
{
	return kind == FIELD_CHOICES || kind == FIELD_DISTRICTS || kind == FIELD_INDUSTRIES;
}

/* Whether item is one of a multiple field's set. */
static bool in_set(const struct field_rule *r, const char *item)
{
	switch (r->kind) {
	case FIELD_DISTRICTS: {
		const struct district *d = district_lookup(str_from(item));
		return d && !strcmp(d->slug, item);
	}
	case FIELD_INDUSTRIES:
		return industry_by_slug(str_from(item)) != NULL;
	default:
		return field_choice_label(r, item) != NULL;
	}
}

static const char *check_one(const struct field_rule *r, struct str v, struct arena *arena)
{
	if (v.len == 0)
		return r->required ? arena_printf(arena, "请填写%s。", r->label) : NULL;
	if (!utf8_valid(v.p, v.len, NULL))
		return arena_printf(arena, "%s含有无效的字符。", r->label);
	size_t chars = utf8_length(v.p, v.len);
	if (chars > r->max_chars)
		return arena_printf(arena, "%s不能超过 %zu 个字（现在 %zu 个）。", r->label, r->max_chars, chars);
	if (has_control(v, r->kind == FIELD_TEXT))
		return arena_printf(arena, "%s含有不可见的控制字符，请删除后再提交。", r->label);
	switch (r->kind) {
	case FIELD_DISTRICT: {
		const struct district *d = district_lookup(v);
		if (!d || !str_eq_cstr(v, d->slug))
			return arena_printf(arena, "请从列表中选择%s。", r->label);
		break;
	}
	case FIELD_INDUSTRY:
		if (!industry_by_slug(v))
			return arena_printf(arena, "请从列表中选择%s。", r->label);
		break;
	case FIELD_CONTACT:
		if (!field_is_phone(v) && !field_is_email(v))
			return arena_printf(arena, "%s应为手机号、带区号的固定电话或电子邮箱，例如 13812345678 或 name@example.com。",
					    r->label);
		break;
	case FIELD_SOURCE:
		/* Anything that starts like a URL is a link and must be a web
		 * one: javascript: or data: would run in readers' browsers. */
		if (has_scheme(v) && (!(str_has_prefix(v, STR_LIT("http://")) || str_has_prefix(v, STR_LIT("https://"))) ||
				      memchr(v.p, ' ', v.len) || v.len > ARTICLE_URL_MAX_BYTES))
			return arena_printf(arena, "%s若填写链接，应为以 http:// 或 https:// 开头、不含空格的网址。", r->label);
		if (!has_scheme(v) && chars > ARTICLE_SOURCE_MAX_CHARS)
			return arena_printf(arena, "%s若填写名称，不能超过 %d 个字。", r->label, ARTICLE_SOURCE_MAX_CHARS);
		break;
	case FIELD_PHONE:
		if (!field_is_phone(v))
			return arena_printf(arena, "%s应为手机号或带区号的固定电话，例如 13812345678 或 021-61234567。", r->label);
		break;
	case FIELD_EMAIL:
		if (!field_is_email(v))
			return arena_printf(arena, "%s应为电子邮箱地址，例如 name@example.com。", r->label);
		break;
	case FIELD_WEBSITE:
		if (!is_web_address(v))
			return arena_printf(arena, "%s应为以 http:// 或 https:// 开头、不含空格的网址。", r->label);
		break;
	case FIELD_CREDIT_CODE: {
		struct credit_code_result cc = credit_code_check(arena_strndup(arena, v.p, v.len));
		if (cc.error != CREDIT_CODE_OK) {
			char message[256];
			credit_code_message(&cc, arena_strndup(arena, v.p, v.len), message, sizeof(message));
			return arena_printf(arena, "%s有误：%s。", r->label, message);
		}
		break;
	}
	case FIELD_PLACE: {
		const struct district *d = district_lookup(v);
		if (!str_eq_cstr(v, "outside") && (!d || !str_eq_cstr(v, d->slug)))
			return arena_printf(arena, "请从列表中选择%s。", r->label);
		break;
	}
	case FIELD_SECTOR:
		if (!sector_name(arena_strndup(arena, v.p, v.len)))
			return arena_printf(arena, "请从列表中选择%s。", r->label);
		break;
	case FIELD_CHOICE:
		if (!field_choice_label(r, arena_strndup(arena, v.p, v.len)))
			return arena_printf(arena, "请从列表中选择%s。", r->label);
		break;
	case FIELD_CHOICES:
	case FIELD_DISTRICTS:
	case FIELD_INDUSTRIES: {
		/* Each value once, each one of the set, at most max_items. */
		char *copy = arena_strndup(arena, v.p, v.len), *save = NULL;
		const char *seen[64];
		size_t n = 0;
		for (char *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
			bool repeat = false;
			for (size_t k = 0; k < n && !repeat; k++)
				repeat = !strcmp(seen[k], item);
			if (repeat || n == 64 || !in_set(r, item))
				return arena_printf(arena, "请从列表中选择%s。", r->label);
			seen[n++] = item;
		}
		if (r->max_items && n > r->max_items)
			return arena_printf(arena, "%s最多选 %zu 个。", r->label, r->max_items);
		break;
	}
	case FIELD_NUMBER: {
		long number;
		if (!str_to_long(v, 1, INT64_MAX, &number))
			return arena_printf(arena, "%s应为正整数。", r->label);
		break;
	}
	case FIELD_LINE:
	case FIELD_TEXT:
		break;
	}
	return NULL;
}

const char *field_choice_label(const struct field_rule *rule, const char *value)
{
	for (size_t i = 0; value && i < rule->nchoices; i++)
		if (!strcmp(rule->choices[i].value, value))
			return rule->choices[i].label;
	return NULL;
}

/* The checked choices in value, each once, in the rule's order, joined by
 * commas; NULL when none (empty items, as from blank checkboxes, dropped). */
static const char *canonical_choices(const struct field_rule *r, const char *value, struct arena *arena)
{
	struct buf *out = arena_buf(arena);
	for (size_t i = 0; i < r->nchoices; i++) {
		size_t len = strlen(r->choices[i].value);
		for (const char *p = value; *p; p += strcspn(p, ",") + (p[strcspn(p, ",")] == ',')) {
			if (strcspn(p, ",") == len && !strncmp(p, r->choices[i].value, len)) {
				buf_printf(out, "%s%s", out->len ? "," : "", r->choices[i].value);
				break;
			}
		}
	}
	return out->len ? buf_cstr(out) : NULL;
}

size_t fields_check(const struct field_rule *rules, size_t n, const char *const raw[], struct arena *arena,
		    struct field_values *out)
{
	*out = (struct field_values){ 0 };
	for (size_t i = 0; i < n && i < FIELDS_MAX; i++) {
		struct str v = str_trim(str_from(raw[i]));
		if (rules[i].kind == FIELD_TEXT)
			v = normalise_newlines(v, arena);
		const char *note;
		struct str fixed = v.len ? fix_value(&rules[i], v, arena, &note) : v;
		out->error[i] = check_one(&rules[i], v.len ? fixed : v, arena);
		if (!out->error[i] && v.len) {
			v = fixed;
			out->note[i] = note;
		}
		out->value[i] = v.len ? arena_strndup(arena, v.p, v.len) : NULL;
		if (rules[i].kind == FIELD_CHOICES && !out->error[i] && out->value[i])
			out->value[i] = canonical_choices(&rules[i], out->value[i], arena);
		out->nerrors += out->error[i] != NULL;
	}
	return out->nerrors;
}
