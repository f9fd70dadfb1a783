/* simhash: 64-bit SimHash fingerprints for finding near-duplicate news text. */
#ifndef ZS_TEXT_SIMHASH_H
#define ZS_TEXT_SIMHASH_H

#include <stdint.h>

#include "util/str.h"

/* The largest simhash_distance() at which two texts count as near
 * duplicates. Measured on title + body of the ten seed articles (650 to
 * 1,350 characters) and the fourteen demo ones (about 240); the unit tests
 * make fixed versions of the same edits:
 * - different articles, all 276 pairs: distance 21 to 43, mean 32.1, sd 4.1,
 *   as for unrelated random hashes;
 * - a seed article with five characters changed, a number changed, one
 *   sentence deleted and one added, 1,000 random such copies of each: mean
 *   7.0; 97.4% within 12, 99.0% within 13, all within 17. Deleting any one
 *   sentence alone: 99.5% within 12, all within 13; adding one: within 11;
 * - a demo article with three characters and a number changed: 2 to 8; a
 *   sentence added: 2 to 10. A sentence there is a fifth of the text, and
 *   deleting one gives 8 to 21, so a short article rewritten that much is
 *   not reliably caught.
 * 12 keeps a false match rare against a large archive: two unrelated texts
 * are within 12 bits with probability 2.3e-7, so a submission compared with
 * 100,000 articles is wrongly flagged about once in 40 submissions (at 13,
 * once in 10; at 14, once in 3). */
enum { SIMHASH_NEAR_DISTANCE = 12 };

/* The fingerprint of text (UTF-8; callers hash title and body concatenated).
 *
 * Each code point is normalised first: whitespace, punctuation (ASCII, CJK
 * and full-width: ，。、；：？！“”‘’（）《》【】—…·), ASCII symbols, control
 * and invisible format characters are dropped; full-width ASCII becomes
 * ASCII and ASCII letters lower case. Every run of three consecutive
 * remaining code points is a shingle (a text of one or two is one shingle),
 * counted as often as it occurs and hashed with SipHash-2-4 (libsodium's
 * crypto_shorthash) under a fixed key; bit b of the result is set when more
 * shingle hashes have bit b set than clear. So "上海，浦东" and "上海 浦东"
 * hash alike, and editing a few characters moves only a few bits.
 *
 * Returns 0 for text with nothing left after normalisation. Bytes that are
 * not UTF-8 are skipped. Needs no initialisation; thread-safe. */
uint64_t simhash_text(struct str text);

/* The fingerprint of an article or submission: of its title and body
 * together, on lines of their own. */
uint64_t simhash_article(struct str title, struct str body);

/* Number of differing bits, 0 to 64. */
int simhash_distance(uint64_t a, uint64_t b);

#endif
