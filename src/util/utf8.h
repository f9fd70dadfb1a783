/* utf8: strict UTF-8 validation, decoding, character-aware truncation, and
 * folding full-width forms to ASCII. */
#ifndef ZS_UTIL_UTF8_H
#define ZS_UTIL_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/str.h"

/* Decodes one code point at p (n bytes available). Returns the sequence length
 * (1-4) and stores the code point, or returns 0 for an invalid sequence
 * (overlong, surrogate, above U+10FFFF, truncated, stray continuation). */
size_t utf8_decode(const char *p, size_t n, uint32_t *cp);

/* True when all n bytes are well-formed UTF-8 without NUL bytes. On failure
 * *bad_offset (if not NULL) is the offset of the first bad byte. */
bool utf8_valid(const char *p, size_t n, size_t *bad_offset);

/* Number of code points in valid UTF-8. */
size_t utf8_length(const char *p, size_t n);

/* Byte length of the first max_chars code points of valid UTF-8 (all of it if
 * shorter); never splits a character. */
size_t utf8_prefix(const char *p, size_t n, size_t max_chars);

/* Writes the UTF-8 encoding of cp (a valid scalar value) to out; returns
 * its length, 1 to 4 bytes. */
size_t utf8_encode(uint32_t cp, char out[4]);

/* What utf8_fold_width folds besides width: Chinese punctuation typed
 * where the ASCII sign was meant. */
enum utf8_fold {
	UTF8_FOLD_DOTS = 1,   /* 。 is the . of an address typed in Chinese punctuation mode */
	UTF8_FOLD_DASHES = 2, /* ‐ ‑ ‒ – — ― − between a phone number's digits are - */
};

/* v with the full-width forms of ASCII (U+FF01-FF5E: Ａ１＠, as NFKC maps
 * them) and the ideographic space as ASCII, and what folds (enum
 * utf8_fold, or-ed) says; *changed when anything was. Invalid bytes are
 * copied as they are. The result is NUL-terminated, in arena. */
struct str utf8_fold_width(struct str v, unsigned folds, struct arena *arena, bool *changed);

#endif
