/* libFuzzer driver: If-None-Match reading on any bytes, against a tag and
 * against itself. It must never read past the header's end, and a header
 * that is exactly a tag always matches that tag. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/cache.h"
#include "util/mem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	(void)cache_etag_matches(text, "W/\"0123456789abcdef\"");
	/* A quoted tag (no quotes, commas or blanks inside) matches itself. */
	if (size && !memchr(data, '\0', size) && !strpbrk(text, "\", \t")) {
		char *quoted = xmalloc(size + 3);
		quoted[0] = '"';
		memcpy(quoted + 1, data, size);
		strcpy(quoted + 1 + size, "\"");
		if (!cache_etag_matches(quoted, quoted))
			__builtin_trap();
		free(quoted);
	}
	free(text);
	return 0;
}
