/* lines: line-by-line reading for the import parsers. */
#include "content/parse_internal.h"

#include <stdarg.h>

#include "util/buf.h"
#include "util/utf8.h"

enum { PROGRESS_EVERY_LINES = 4096 };

void line_reader_init(struct line_reader *r, struct str data, const struct parse_sink *sink)
{
	*r = (struct line_reader){ .data = data, .sink = sink };
	if (str_has_prefix(data, STR_LIT("\xef\xbb\xbf")))
		r->pos = 3;
}

bool line_reader_next(struct line_reader *r, struct str *line)
{
	if (r->pos >= r->data.len) {
		if (r->sink->progress)
			r->sink->progress(r->sink->ctx, r->data.len);
		return false;
	}
	const char *start = r->data.p + r->pos;
	const char *nl = memchr(start, '\n', r->data.len - r->pos);
	size_t len = nl ? (size_t)(nl - start) : r->data.len - r->pos;
	r->pos += nl ? len + 1 : len;
	if (len && start[len - 1] == '\r')
		len--;
	*line = (struct str){ start, len };
	if (++r->lineno % PROGRESS_EVERY_LINES == 0 && r->sink->progress)
		r->sink->progress(r->sink->ctx, r->pos);
	return true;
}

bool line_reader_check_utf8(const struct line_reader *r, struct str line)
{
	size_t bad;
	if (utf8_valid(line.p, line.len, &bad))
		return true;
	parse_report(r->sink, r->lineno, "不是有效的 UTF-8 文本（该行第 %zu 字节处）", bad + 1);
	return false;
}

void parse_report(const struct parse_sink *sink, size_t line, const char *fmt, ...)
{
	struct buf msg = { 0 };
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	sink->error(sink->ctx, line, buf_cstr(&msg));
	buf_free(&msg);
}
