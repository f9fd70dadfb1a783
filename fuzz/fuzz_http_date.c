/* libFuzzer driver: the HTTP date parser (If-Modified-Since) on any bytes.
 * Whatever it accepts must format back to a date that parses to the same
 * time. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/date.h"
#include "util/mem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Header values arrive as C strings: an exact-size copy lets ASan see
	 * any read past the NUL. */
	char *text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	int64_t t, again;
	if (date_http_parse(text, &t)) {
		char formatted[HTTP_DATE_SIZE];
		date_http_format(t, formatted);
		if (!date_http_parse(formatted, &again) || again != t)
			__builtin_trap();
	}
	free(text);
	return 0;
}
