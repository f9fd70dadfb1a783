/* parse_internal: what the two import parsers share — reading lines and
 * reporting problems to the sink. */
#ifndef ZS_CONTENT_PARSE_INTERNAL_H
#define ZS_CONTENT_PARSE_INTERNAL_H

#include <stdbool.h>

#include "content/parse.h"

struct line_reader {
	struct str data;
	size_t pos;    /* offset of the next line */
	size_t lineno; /* number of the line last returned, from 1 */
	const struct parse_sink *sink;
};

/* Starts reading data, skipping a UTF-8 byte-order mark. */
void line_reader_init(struct line_reader *r, struct str data, const struct parse_sink *sink);
/* Stores the next line without its LF or CRLF; false at the end. Reports
 * progress to the sink as it goes, and once more at the end. */
bool line_reader_next(struct line_reader *r, struct str *line);
/* True when line is valid UTF-8; otherwise reports it to the sink. */
bool line_reader_check_utf8(const struct line_reader *r, struct str line);

/* Sends a formatted message about line to the sink. */
void parse_report(const struct parse_sink *sink, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
