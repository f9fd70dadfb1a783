/* parse_driver: the body of the import-format fuzz drivers, which differ
 * only in the parser they call. */
#ifndef ZS_FUZZ_PARSE_DRIVER_H
#define ZS_FUZZ_PARSE_DRIVER_H

#include <stddef.h>
#include <stdint.h>

#include "content/parse.h"
#include "store/articles.h"
#include "util/arena.h"

static void on_item(void *ctx, const struct article_input *in, size_t line)
{
	(void)line;
	struct article a;
	struct buf err = { 0 };
	if (article_prepare(in, ctx, &a, &err) == 0 && !a.body)
		__builtin_trap(); /* a prepared article always has a body */
	buf_free(&err);
}

static void on_error(void *ctx, size_t line, const char *message)
{
	(void)ctx;
	if (line == 0 || !message[0])
		__builtin_trap(); /* every error names a line and says something */
}

/* Runs parse over the input, validating every item it yields. */
static inline int drive_parser(void (*parse)(struct str, const struct parse_sink *), const uint8_t *data,
			       size_t size)
{
	struct arena *a = arena_new();
	struct parse_sink sink = { on_item, on_error, NULL, a };
	parse((struct str){ (const char *)data, size }, &sink);
	arena_free(a);
	return 0;
}

#endif
