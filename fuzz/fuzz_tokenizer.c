/* libFuzzer driver: the search tokenizer in both modes on any bytes. */
#include <stdint.h>
#include <stdlib.h>

#include "text/tokenizer.h"
#include "util/utf8.h"

struct check {
	size_t len; /* of the input */
};

static int check_token(void *ctx, const struct token *t)
{
	const struct check *c = ctx;
	/* Tokens are non-empty, bounded, valid UTF-8, and lie inside the input. */
	if (t->len == 0 || t->len > TOKEN_MAX_BYTES + 8 || !utf8_valid(t->text, t->len, NULL) ||
	    t->start >= t->end || t->end > c->len)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (tokenizer_init() != 0)
		abort();
	struct str text = { (const char *)data, size };
	struct check c = { size };
	int a = tokenize(text, TOKENS_INDEX, check_token, &c);
	int b = tokenize(text, TOKENS_QUERY, check_token, &c);
	/* Both modes agree on whether the input is valid. */
	if ((a == -1) != (b == -1) || (a == -1) != !utf8_valid(text.p, text.len, NULL))
		abort();
	return 0;
}
