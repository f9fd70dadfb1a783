/* libFuzzer driver: paragraph splitting and heading detection on any text. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "content/paragraph.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	if (!utf8_valid(text, size, NULL))
		return 0; /* the importer validates before splitting */
	struct buf out = { 0 };
	paragraphs_split((struct str){ text, size }, &out);
	if (out.len && !utf8_valid(out.data, out.len, NULL))
		__builtin_trap(); /* splitting never cuts a character */
	for (const char *p = out.data; p && *p;) {
		const char *nl = strchr(p, '\n');
		struct str para = { p, nl ? (size_t)(nl - p) : strlen(p) }, heading, rest;
		if (paragraph_heading(para, &heading, &rest) != HEADING_NONE &&
		    (!utf8_valid(heading.p, heading.len, NULL) || heading.len > para.len))
			__builtin_trap();
		p = nl ? nl + 1 : p + para.len;
	}
	buf_free(&out);
	return 0;
}
