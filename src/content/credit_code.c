/* credit_code: GB 32100-2015's character set, authority and category table,
 * division rules and check character, and the messages that explain them. */
#include "content/credit_code.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/utf8.h"

enum { CODE_CHARS = 18, SET_SIZE = 31 };

/* The 31 characters a code is made of: digits and capitals without I, O,
 * S, V and Z, which are too easily taken for 1, 0, 5, U and 2. A
 * character's index here is its value in the check sum. */
static const char set[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* W_i = 3^(i-1) mod 31, for positions 1-17. */
static const int weights[CODE_CHARS - 1] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

static int value_of(char c)
{
	const char *p = c ? strchr(set, c) : NULL;
	return p ? (int)(p - set) : -1;
}

char credit_code_check_char(const char first17[17])
{
	int sum = 0;
	for (int i = 0; i < CODE_CHARS - 1; i++) {
		int v = value_of(first17[i]);
		if (v < 0)
			return 0;
		sum += v * weights[i];
	}
	int c = SET_SIZE - sum % SET_SIZE;
	return set[c == SET_SIZE ? 0 : c];
}

/* ---- positions 1-2: who registered the organisation, and what it is ---- */

/* GB 32100-2015 附录 A, 登记管理部门代码 and the 机构类别代码 valid under
 * each, as the standard is applied today (with A and N). Most codes start
 * 1, 5, 9 or Y, but law firms (31), trade unions (81), religious venues
 * (71) and village collectives (N2) hold codes too and must not be refused. */
static const struct authority {
	char code;
	const char *name;       /* 登记管理部门 */
	const char *categories; /* its 机构类别代码, in order */
} authorities[] = {
	{ '1', "机构编制", "1239" }, /* 机关, 事业单位, 中央编办直接管理机构编制的群众团体, 其他 */
	{ '2', "外交", "19" },       /* 外国常驻新闻机构, 其他 */
	{ '3', "司法行政", "123459" }, /* 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他 */
	{ '4', "文化", "19" },       /* 外国在华文化中心, 其他 */
	{ '5', "民政", "1239" },     /* 社会团体, 民办非企业单位, 基金会, 其他 */
	{ '6', "旅游", "129" },      /* 外国旅游部门常驻代表机构, 港澳台地区旅游部门常驻内地（大陆）代表机构, 其他 */
	{ '7', "宗教", "129" },      /* 宗教活动场所, 宗教院校, 其他 */
	{ '8', "工会", "19" },       /* 基层工会, 其他 */
	{ '9', "工商", "123" },      /* 企业, 个体工商户, 农民专业合作社 (no 9: 工商 has no "other") */
	{ 'A', "中央军委改革和编制办公室", "19" }, /* 军队事业单位, 其他 */
	{ 'N', "农业", "1239" },     /* 组级, 村级, 乡镇级集体经济组织, 其他 */
	{ 'Y', "其他", "1" },        /* not divided: always 1 */
};

static const struct authority *authority_of(char c)
{
	for (size_t i = 0; i < sizeof(authorities) / sizeof(authorities[0]); i++)
		if (authorities[i].code == c)
			return &authorities[i];
	return NULL;
}

/* ---- positions 3-8: where it was registered (GB/T 2260) ---- */

/* Shanghai's codes, checked in full: the city and its 16 districts. A code
 * never changes once given, so the two divisions that existed when codes
 * began (October 2015) and have gone since stay valid. */
static const char *const shanghai[] = {
	"310000", /* 上海市 */
	"310101", /* 黄浦区 */
	"310104", /* 徐汇区 */
	"310105", /* 长宁区 */
	"310106", /* 静安区 */
	"310107", /* 普陀区 */
	"310109", /* 虹口区 */
	"310110", /* 杨浦区 */
	"310112", /* 闵行区 */
	"310113", /* 宝山区 */
	"310114", /* 嘉定区 */
	"310115", /* 浦东新区 */
	"310116", /* 金山区 */
	"310117", /* 松江区 */
	"310118", /* 青浦区 */
	"310120", /* 奉贤区 */
	"310151", /* 崇明区 */
	"310108", /* 闸北区, merged into 静安区 in November 2015 */
	"310230", /* 崇明县, 崇明区 (310151) since 2016: many firms registered there hold 91310230… */
};

/* GB/T 2260's province-level codes. */
static bool is_province(int p)
{
	return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) || (p >= 41 && p <= 46) ||
	       (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 || p == 81 || p == 82;
}

enum division_problem {
	DIVISION_FINE,
	DIVISION_NOT_DIGIT,  /* a letter among the six */
	DIVISION_PROVINCE,   /* the first two digits are no province */
	DIVISION_NATIONAL,   /* 10…, but not 100000 */
	DIVISION_SHANGHAI,   /* 31…, but neither the city nor a district */
	DIVISION_PREFECTURE, /* the third and fourth digits above 90 */
};

/* What is wrong with the six characters d (from the set), and at which of
 * them (0-5) it shows. Outside Shanghai only the province and the range of
 * the prefecture are checked: there is no full GB/T 2260 table offline, and
 * an out-of-date one would refuse codes issued under since-renamed
 * counties (codes never change). */
static enum division_problem division_check(const char d[6], int *at)
{
	for (int i = 0; i < 6; i++) {
		if (d[i] < '0' || d[i] > '9') {
			*at = i;
			return DIVISION_NOT_DIGIT;
		}
	}
	/* National registration authorities (e.g. 民政部 for national
	 * associations: 51100000…) use 100000, which is no GB/T 2260 code. */
	if (d[0] == '1' && d[1] == '0') {
		*at = 2;
		while (*at < 6 && d[*at] == '0')
			(*at)++;
		return *at == 6 ? DIVISION_FINE : DIVISION_NATIONAL;
	}
	int province = (d[0] - '0') * 10 + (d[1] - '0');
	if (!is_province(province)) {
		/* Every province code starts with 1-8. */
		*at = d[0] >= '1' && d[0] <= '8' ? 1 : 0;
		return DIVISION_PROVINCE;
	}
	if (province == 31) {
		/* Point at the first digit no valid code shares. */
		int best = 0;
		for (size_t i = 0; i < sizeof(shanghai) / sizeof(shanghai[0]); i++) {
			int k = 0;
			while (k < 6 && shanghai[i][k] == d[k])
				k++;
			if (k == 6)
				return DIVISION_FINE;
			if (k > best)
				best = k;
		}
		*at = best;
		return DIVISION_SHANGHAI;
	}
	if ((d[2] - '0') * 10 + (d[3] - '0') > 90) {
		*at = 2;
		return DIVISION_PREFECTURE;
	}
	return DIVISION_FINE;
}

/* ---- reading what was typed ---- */

enum { NOT_UTF8 = UINT32_MAX };

/* Steps *p over spaces to the next character: its bytes are
 * [*start, *start + *len) and its code point *cp (NOT_UTF8 for a byte that
 * starts no valid sequence, taken alone). False at the end of the text. */
static bool next_char(const char **p, const char **start, size_t *len, uint32_t *cp)
{
	while (**p == ' ')
		(*p)++;
	if (!**p)
		return false;
	size_t n = utf8_decode(*p, strnlen(*p, 4), cp);
	if (n == 0) {
		n = 1;
		*cp = NOT_UTF8;
	}
	*start = *p;
	*len = n;
	*p += n;
	return true;
}

enum char_kind { IN_SET, FULL_WIDTH, LOWER_CASE, OUTSIDE };

static enum char_kind kind_of(uint32_t cp)
{
	if (cp < 0x80 && value_of((char)cp) >= 0)
		return IN_SET;
	if (cp >= 'a' && cp <= 'z')
		return value_of((char)(cp - 'a' + 'A')) >= 0 ? LOWER_CASE : OUTSIDE;
	/* The full-width forms of ASCII (！ to ～) and the full-width space. */
	if ((cp >= 0xff01 && cp <= 0xff5e) || cp == 0x3000)
		return FULL_WIDTH;
	return OUTSIDE;
}

static bool is_forbidden_letter(uint32_t cp)
{
	return cp < 0x80 && cp && strchr("IOSVZiosvz", (int)cp);
}

struct credit_code_result credit_code_check(const char *text)
{
	struct credit_code_result r = { .error = CREDIT_CODE_OK };
	int count = 0, first_full = 0, first_wrong = 0;
	enum credit_code_error wrong = CREDIT_CODE_OK;
	char code[CODE_CHARS] = { 0 };
	const char *p = text ? text : "", *start;
	size_t len;
	uint32_t cp;
	while (next_char(&p, &start, &len, &cp)) {
		count++;
		switch (kind_of(cp)) {
		case IN_SET:
			if (count <= CODE_CHARS)
				code[count - 1] = (char)cp;
			break;
		case FULL_WIDTH:
			if (!first_full)
				first_full = count;
			break;
		case LOWER_CASE:
			if (!first_wrong)
				first_wrong = count, wrong = CREDIT_CODE_LOWER_CASE;
			break;
		case OUTSIDE:
			if (!first_wrong)
				first_wrong = count, wrong = CREDIT_CODE_BAD_CHARACTER;
			break;
		}
	}
	if (count == 0) {
		r.error = CREDIT_CODE_EMPTY;
		return r;
	}
	if (first_full) {
		r.error = CREDIT_CODE_FULL_WIDTH;
		r.position = first_full;
		return r;
	}
	if (first_wrong) {
		r.error = wrong;
		r.position = first_wrong;
		return r;
	}
	if (count != CODE_CHARS) {
		r.error = CREDIT_CODE_LENGTH;
		return r;
	}
	memcpy(r.code, code, CODE_CHARS);
	r.code[CODE_CHARS] = '\0';

	const struct authority *a = authority_of(code[0]);
	if (!a || !strchr(a->categories, code[1])) {
		r.error = CREDIT_CODE_AUTHORITY;
		r.position = a ? 2 : 1;
		return r;
	}
	int at;
	if (division_check(code + 2, &at) != DIVISION_FINE) {
		r.error = CREDIT_CODE_DIVISION;
		r.position = 3 + at;
		return r;
	}
	char check = credit_code_check_char(code);
	if (code[CODE_CHARS - 1] != check) {
		r.error = CREDIT_CODE_CHECK;
		r.position = CODE_CHARS;
		r.expected_check = check;
	}
	return r;
}

/* ---- fixing what was typed ---- */

int credit_code_fix(const char *text, char *out)
{
	const char *p = text ? text : "";
	size_t len = strlen(p), o = 0;
	int fixed = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(p + i, len - i, &cp);
		if (n == 0) {
			out[o++] = p[i++]; /* left for the check to point at */
			continue;
		}
		if (cp == 0x3000 || (cp >= 0xff01 && cp <= 0xff5e)) {
			cp = cp == 0x3000 ? ' ' : cp - 0xfee0;
			fixed |= CREDIT_CODE_FIXED_WIDTH;
		}
		if (cp >= 'a' && cp <= 'z' && !strchr("iosvz", (int)cp)) {
			cp = cp - 'a' + 'A';
			fixed |= CREDIT_CODE_FIXED_CASE;
		}
		if (cp < 0x80)
			out[o++] = (char)cp;
		else
			memcpy(out + o, p + i, n), o += n;
		i += n;
	}
	out[o] = '\0';
	return fixed;
}

/* ---- messages ---- */

/* Characters that would show as nothing (or as a box) between quotes. */
static bool is_invisible(uint32_t cp)
{
	return cp == NOT_UTF8 || cp < 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp == 0xad ||
	       (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2064) ||
	       cp == 0x3000 || cp == 0xfeff;
}

/* The character at position (1-based, spaces not counted) of text, as a
 * string in out (at most 4 bytes and a NUL); false when text has no such
 * character. */
static bool char_at(const char *text, int position, char out[5], uint32_t *cp)
{
	const char *p = text ? text : "", *start;
	size_t len;
	for (int i = 1; next_char(&p, &start, &len, cp); i++) {
		if (i == position) {
			memcpy(out, start, len);
			out[len] = '\0';
			return true;
		}
	}
	return false;
}

static int count_chars(const char *text)
{
	const char *p = text ? text : "", *start;
	size_t len;
	uint32_t cp;
	int n = 0;
	while (next_char(&p, &start, &len, &cp))
		n++;
	return n;
}

/* "1、2、3 或 9" */
static void list_categories(const char *c, char *out, size_t n)
{
	size_t k = strlen(c), used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < k && used < n; i++) {
		const char *sep = i == 0 ? "" : i + 1 == k ? " 或 " : "、";
		int w = snprintf(out + used, n - used, "%s%c", sep, c[i]);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

static void message_for_character(const struct credit_code_result *r, const char *text, char *out, size_t n)
{
	char c[5];
	uint32_t cp = NOT_UTF8;
	bool found = char_at(text, r->position, c, &cp);
	bool show = found && !is_invisible(cp);
	if (r->error == CREDIT_CODE_FULL_WIDTH) {
		if (found && cp == 0x3000)
			snprintf(out, n, "第 %d 位是全角空格，请切换到半角输入（代码只用半角的数字和大写字母）", r->position);
		else if (show)
			snprintf(out, n, "第 %d 位“%s”是全角字符，请切换到半角输入（代码只用半角的数字和大写字母）", r->position, c);
		else
			snprintf(out, n, "第 %d 位是全角字符，请切换到半角输入（代码只用半角的数字和大写字母）", r->position);
	} else if (r->error == CREDIT_CODE_LOWER_CASE) {
		if (show)
			snprintf(out, n, "第 %d 位“%s”是小写字母，字母应为大写（“%c”）", r->position, c, c[0] - 'a' + 'A');
		else
			snprintf(out, n, "第 %d 位是小写字母，字母应为大写", r->position);
	} else if (found && is_forbidden_letter(cp)) {
		snprintf(out, n, "第 %d 位“%s”不是统一社会信用代码允许的字符（代码中不使用 I、O、S、V、Z）", r->position, c);
	} else if (show) {
		snprintf(out, n, "第 %d 位“%s”不是统一社会信用代码允许的字符（代码只由数字和大写字母组成）", r->position, c);
	} else {
		snprintf(out, n, "第 %d 位是看不见的字符或无效的编码（可能是复制时带入的），请删除后重新填写", r->position);
	}
}

static void message_for_authority(const struct credit_code_result *r, char *out, size_t n)
{
	const struct authority *a = authority_of(r->code[0]);
	if (!r->code[0] || !r->code[1]) {
		snprintf(out, n, "第 1–2 位（登记管理部门和机构类别代码）不正确");
		return;
	}
	if (!a) {
		snprintf(out, n, "第 1 位（登记管理部门代码）“%c”不存在，应为 1–9、A、N 或 Y", r->code[0]);
		return;
	}
	char list[64];
	list_categories(a->categories, list, sizeof(list));
	snprintf(out, n, "第 2 位（机构类别代码）“%c”与第 1 位“%c”（%s）不相配，第 1 位为“%c”时第 2 位只能是 %s", r->code[1],
		 a->code, a->name, a->code, list);
}

static void message_for_division(const struct credit_code_result *r, char *out, size_t n)
{
	const char *d = r->code + 2;
	int at = 0;
	switch (strnlen(r->code, sizeof(r->code)) == CODE_CHARS ? division_check(d, &at) : DIVISION_FINE) {
	case DIVISION_NOT_DIGIT:
		snprintf(out, n, "第 %d 位“%c”应为数字：第 3–8 位是登记管理机关的行政区划代码，只由数字组成", 3 + at, d[at]);
		return;
	case DIVISION_PROVINCE:
		snprintf(out, n, "第 3–8 位（登记管理机关行政区划码）“%.6s”的开头“%.2s”不是省级行政区划代码", d, d);
		return;
	case DIVISION_NATIONAL:
		snprintf(out, n, "第 3–8 位（登记管理机关行政区划码）“%.6s”不存在：以 10 开头的只有全国性登记管理机关的 100000", d);
		return;
	case DIVISION_SHANGHAI:
		snprintf(out, n,
			 "第 3–8 位（登记管理机关行政区划码）“%.6s”不是上海市或所辖区的代码，应为 310000 或 3101 加区号（如浦东新区 310115）",
			 d);
		return;
	case DIVISION_PREFECTURE:
		snprintf(out, n, "第 3–8 位（登记管理机关行政区划码）“%.6s”中第 5–6 位“%.2s”不是地市级代码（应在 00–90 之间）", d,
			 d + 2);
		return;
	case DIVISION_FINE:
		break;
	}
	snprintf(out, n, "第 3–8 位（登记管理机关行政区划码）不正确");
}

/* After snprintf cut out short: drop a character left incomplete at the end. */
static void drop_partial_char(char *out)
{
	size_t len = strlen(out), i = len;
	while (i > 0 && ((unsigned char)out[i - 1] & 0xc0) == 0x80)
		i--;
	uint32_t cp;
	if (i > 0 && (unsigned char)out[i - 1] >= 0x80 && utf8_decode(out + i - 1, len - (i - 1), &cp) == 0)
		out[i - 1] = '\0';
}

void credit_code_message(const struct credit_code_result *r, const char *text, char *out, size_t n)
{
	if (n == 0)
		return;
	out[0] = '\0';
	switch (r->error) {
	case CREDIT_CODE_OK:
		snprintf(out, n, "统一社会信用代码无误");
		break;
	case CREDIT_CODE_EMPTY:
		snprintf(out, n, "未填写统一社会信用代码");
		break;
	case CREDIT_CODE_FULL_WIDTH:
	case CREDIT_CODE_LOWER_CASE:
	case CREDIT_CODE_BAD_CHARACTER:
		message_for_character(r, text, out, n);
		break;
	case CREDIT_CODE_LENGTH: {
		int found = count_chars(text);
		if (found > 0)
			snprintf(out, n, "统一社会信用代码应为 18 位，填写的是 %d 位（空格不计）", found);
		else
			snprintf(out, n, "统一社会信用代码应为 18 位");
		break;
	}
	case CREDIT_CODE_AUTHORITY:
		message_for_authority(r, out, n);
		break;
	case CREDIT_CODE_DIVISION:
		message_for_division(r, out, n);
		break;
	case CREDIT_CODE_CHECK:
		snprintf(out, n, "校验位（第 18 位）应为“%c”而不是“%c”，请核对代码是否抄错", r->expected_check,
			 r->code[CODE_CHARS - 1]);
		break;
	}
	drop_partial_char(out);
}
