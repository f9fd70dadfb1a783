/* credit_code: checks a unified social credit code (统一社会信用代码,
 * GB 32100-2015) as people type it into a form, and says in one Chinese
 * sentence what is wrong with it. No allocation; nothing to free. */
#ifndef ZS_CONTENT_CREDIT_CODE_H
#define ZS_CONTENT_CREDIT_CODE_H

#include <stddef.h>

/* What is wrong with a code; credit_code_check reports one, the first
 * found (its comment gives the order). */
enum credit_code_error {
	CREDIT_CODE_OK,
	CREDIT_CODE_EMPTY,
	CREDIT_CODE_FULL_WIDTH,   /* full-width letters or digits (Ａ, １): typed with a Chinese input method */
	CREDIT_CODE_LOWER_CASE,   /* a-z */
	CREDIT_CODE_LENGTH,       /* not 18 characters (after removing spaces) */
	CREDIT_CODE_BAD_CHARACTER,/* a character outside the set, incl. I O S V Z */
	CREDIT_CODE_AUTHORITY,    /* positions 1-2 */
	CREDIT_CODE_DIVISION,     /* positions 3-8 */
	CREDIT_CODE_CHECK,        /* position 18 does not match */
};

struct credit_code_result {
	enum credit_code_error error;
	int position;        /* 1-based position of the first offending character, 0 when not about one */
	char expected_check; /* for CREDIT_CODE_CHECK: the character that would be right */
	char code[19];       /* on CREDIT_CODE_OK: the canonical code (spaces removed); also filled
			      * on AUTHORITY, DIVISION and CHECK (18 valid characters, wrong
			      * meaning); "" otherwise */
};

/* Checks text (UTF-8, as typed: surrounding and inner ASCII spaces are ignored).
 * Positions count the characters (code points) that are not spaces, so they
 * match what the person sees. A full-width character anywhere is reported
 * first (the whole code was most likely typed in full-width mode); then the
 * first character that is lower case or outside the set, by position; then
 * the length; then the meaning of positions 1-8; then the check character.
 * Lower-case i, o, s, v and z are BAD_CHARACTER: upper-casing would not help.
 * text may be NULL (EMPTY). Never reads past text's NUL. */
struct credit_code_result credit_code_check(const char *text) __attribute__((warn_unused_result));

/* One Chinese sentence saying exactly what is wrong (for the form), e.g.
 * "第 5 位“O”不是统一社会信用代码允许的字符（代码中不使用 I、O、S、V、Z）" or
 * "校验位（第 18 位）应为“3”而不是“5”，请核对代码是否抄错" — written into out (size n).
 * text must be what was passed to credit_code_check (it is quoted from; NULL
 * gives a message without the quote). The sentence has no final full stop,
 * so a caller can embed it. Always NUL-terminated when n > 0, cut at a
 * character boundary if out is too small (256 bytes is always enough). */
void credit_code_message(const struct credit_code_result *r, const char *text, char *out, size_t n);

/* What credit_code_fix changed, as bits of its result. */
enum {
	CREDIT_CODE_FIXED_WIDTH = 1, /* full-width letters, digits or spaces made half-width */
	CREDIT_CODE_FIXED_CASE = 2,  /* lower-case letters made upper-case */
};

/* Writes text into out as it was surely meant, for credit_code_check: the
 * full-width forms (Ａ, １, the ideographic space: typed with a Chinese
 * input method) as their ASCII letters, digits and space, and lower-case
 * letters in upper case — but not i, o, s, v and z, which no code holds:
 * upper-casing would only hide what was typed from the message. out must
 * hold strlen(text) + 1 bytes (fixing never lengthens); NULL text is "".
 * Returns the CREDIT_CODE_FIXED_* bits of what changed, 0 when nothing. */
int credit_code_fix(const char *text, char *out);

/* The check character for the first 17 characters (which must be valid set characters), or 0 when they are not. */
char credit_code_check_char(const char first17[17]) __attribute__((warn_unused_result));

#endif
