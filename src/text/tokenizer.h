/* tokenizer: Chinese-aware tokens for search, used for indexing and querying.
 *
 * Text is normalised per character — NFKC with case folding (full-width
 * "Ｖ２Ｇ" is "v2g") and traditional to simplified (浦東 is 浦东) — then split
 * into runs. A run of letters and digits is one token. A run of CJK
 * characters gives, for indexing, every character (so one-character queries
 * match) and, at the same position, every pair of neighbours (as Lucene's CJK
 * bigram analyser does); for a query, the pairs and then the last character,
 * one per position, so a query phrase lines up with the indexed positions and
 * 充电桩 does not match 充电 and 电桩 far apart. Everything else separates. */
#ifndef ZS_TEXT_TOKENIZER_H
#define ZS_TEXT_TOKENIZER_H

#include <stdbool.h>
#include <stddef.h>

#include "util/str.h"

enum token_mode {
	TOKENS_INDEX, /* characters, with neighbour pairs colocated */
	TOKENS_QUERY, /* pairs, then the run's last character */
};

struct token {
	const char *text; /* normalised UTF-8, valid during the callback only */
	size_t len;
	size_t start, end; /* byte range of the token in the input */
	bool colocated;    /* at the same position as the token before */
};

enum { TOKEN_MAX_BYTES = 64 }; /* longer letter runs are cut into pieces */

/* Prepares the normalisation tables (once per process; thread-safe). Returns
 * -1, having logged why, if ICU cannot provide them. */
int tokenizer_init(void) __attribute__((warn_unused_result));

/* Names the tokenizer's rules and the ICU data behind them, e.g.
 * "zhaoshang-1 icu-72.1". An index built under another version holds other
 * tokens and must be rebuilt. Static storage; call after tokenizer_init(). */
const char *tokenizer_version(void);

/* Calls emit for each token of text in order. Returns 0; -1 at the first
 * invalid UTF-8 sequence or NUL; or the first non-zero value emit returns,
 * which stops the walk. */
int tokenize(struct str text, enum token_mode mode, int (*emit)(void *ctx, const struct token *t), void *ctx);

#endif
