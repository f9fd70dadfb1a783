/* checks: automatic moderation checks, shown to editors as flags on a news
 * submission. Each is a pure function of the text: no I/O, no database.
 * Near-duplicate detection is text/simhash.h. */
#ifndef ZS_CONTENT_CHECKS_H
#define ZS_CONTENT_CHECKS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/str.h"

enum {
	CHECK_MIN_BODY_CHARS = 80,       /* shorter bodies are flagged */
	CHECK_LINK_RATIO_PERCENT = 30,   /* link share that makes a body spam */
	CHECK_LINK_SPAM_COUNT = 5,       /* this many links in a short body is spam */
	CHECK_LINK_SPAM_BODY_CHARS = 500, /* ...when it is shorter than this */
};

/* In all checks, characters are code points and whitespace is Unicode
 * White_Space (ASCII spaces and controls \t\n\v\f\r, U+3000 ideographic
 * space, no-break spaces…). A byte that is not UTF-8 counts as one
 * character. */

/* True when body has fewer than CHECK_MIN_BODY_CHARS characters other than
 * whitespace (so neither surrounding nor inner whitespace pads it out). */
bool check_too_short(struct str body);

/* True when body is mostly links. A link starts at "http://", "https://" or
 * "www." (any case) and runs up to, not including, the next whitespace,
 * < > " ' or non-ASCII character (so Chinese text and full-width or curly
 * punctuation end it). Flagged when the links' characters are at least
 * CHECK_LINK_RATIO_PERCENT percent of the body's non-whitespace
 * characters, or when there are CHECK_LINK_SPAM_COUNT or more links and
 * fewer than CHECK_LINK_SPAM_BODY_CHARS non-whitespace characters. */
bool check_mostly_links(struct str body);

/* A banned-word list, normalised once for checking many texts. It points
 * at the caller's words, which must outlive it. NULL or empty words, and
 * words that normalise to nothing, are left out. */
struct word_list;
struct word_list *word_list_new(const char *const *words, size_t nwords);
void word_list_free(struct word_list *list);

/* Which of the list's words occur in text as substrings, ignoring case and
 * width: both sides are normalised with Unicode NFKC_Casefold, so "ＴＥＳＴ"
 * and "Test" match "test", and invisible characters (zero-width space,
 * soft hyphen) cannot split a word. Chinese has no spaces, so a match
 * anywhere counts; a Latin word matches inside longer words as well ("ass"
 * in "class"), so list whole phrases. Invalid UTF-8 is read as U+FFFD.
 *
 * Stores in found the matching words (the caller's pointers), in list
 * order, at most max_found; returns how many it stored. Allocates only
 * temporarily. Aborts, like an allocation failure, if ICU cannot
 * normalise: without its data (tokenizer_init() refuses to start then) or
 * for a text over 1 GB. */
size_t check_banned_words(struct str text, const struct word_list *list, const char **found, size_t max_found);

/* Numbers a reader cannot read as one number. A number is a maximal run of
 * digits (ASCII 0-9 or full-width ０-９) and the separators between them: a
 * run of . , ． joins the number when a digit follows it; ， (full-width
 * comma, in Chinese text mostly a clause separator) only when it stands
 * alone between two digits, so a list written 12，15 is flagged like
 * 12,15. A number is flagged when it has
 * - two separators in a row: 1.,5  1,,000;
 * - more than one decimal point (. or ．): 1.2.3, unless it is a date of
 *   4-digit year, 1-2 digit month and 1-2 digit day that exists:
 *   2025.06.01 and 2025.6.1 are fine, 2025.13.01 is flagged;
 * - malformed thousands grouping: a first group of more than three digits
 *   before a comma (1234,567), a group after a comma that is not exactly
 *   three digits (5,00  1,2345), or a comma after the decimal point
 *   (1.234,5);
 * - ASCII and full-width digits mixed: 1２3;
 * - or, whatever its form, 万 or 亿 doubled right after it: 5000万万, 3亿亿
 *   (万亿, a trillion, is fine).
 * 5,000万元, 1.2亿, 85%, 2025.06.01, １４个 and 3.5亿美元 are fine.
 *
 * Stores in found views into text of the flagged numbers (with the doubled
 * magnitude word, if that is why), in text order, at most max_found;
 * returns how many it stored. Allocates nothing: the views point into text. */
size_t check_bad_numbers(struct str text, struct str *found, size_t max_found);

#endif
