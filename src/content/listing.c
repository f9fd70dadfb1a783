/* listing: the seed page's text format, read line by line as a small state machine. */
#include "content/parse.h"

#include <stdio.h>

#include "util/buf.h"
#include "util/date.h"
#include "util/utf8.h"

enum { PROGRESS_EVERY_LINES = 4096 };

enum state {
	BEFORE_FIRST, /* nothing but blank lines seen */
	TITLE,        /* after "-", waiting for the title */
	BODY,         /* after the title, collecting body lines until a date */
	BETWEEN,      /* after a date, waiting for "-" */
	TRAILING,     /* unrecognised text after an item: footer, unless a "-" follows */
};

struct item {
	struct str title;
	size_t title_line;
	const char *body_start, *body_end; /* body lines, kept as one span */
	size_t body_lines;
};

/* A line meant as a date: a year and then only digits and separators
 * (2025-08-28, 2025/8/28, 20250828). date_parse() then says if it is valid,
 * so a date in the wrong form is reported at its own line. */
static bool looks_like_date(struct str s)
{
	if (s.len < 8 || s.len > 10)
		return false;
	for (size_t i = 0; i < s.len; i++) {
		bool digit = s.p[i] >= '0' && s.p[i] <= '9';
		if (i < 4 ? !digit : !digit && s.p[i] != '-' && s.p[i] != '/' && s.p[i] != '.')
			return false;
	}
	return true;
}

static void report(const struct parse_sink *sink, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void report(const struct parse_sink *sink, size_t line, const char *fmt, ...)
{
	struct buf msg = { 0 };
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	sink->error(sink->ctx, line, buf_cstr(&msg));
	buf_free(&msg);
}

void listing_parse(struct str data, const struct parse_sink *sink)
{
	enum state state = BEFORE_FIRST;
	struct item it = { 0 };
	size_t trailing_line = 0;
	size_t lineno = 0, pos = 0;

	if (str_has_prefix(data, STR_LIT("\xef\xbb\xbf")))
		pos = 3; /* byte-order mark */
	while (pos < data.len) {
		const char *nl = memchr(data.p + pos, '\n', data.len - pos);
		size_t end = nl ? (size_t)(nl - data.p) : data.len;
		struct str raw = { data.p + pos, end - pos };
		if (raw.len && raw.p[raw.len - 1] == '\r')
			raw.len--;
		pos = nl ? end + 1 : data.len;
		lineno++;
		if (lineno % PROGRESS_EVERY_LINES == 0 && sink->progress)
			sink->progress(sink->ctx, pos);

		size_t bad;
		if (!utf8_valid(raw.p, raw.len, &bad)) {
			report(sink, lineno, "不是有效的 UTF-8 文本（该行第 %zu 字节处）", bad + 1);
			/* Skip to the next separator rather than guess at this item. */
			state = state == BEFORE_FIRST ? BEFORE_FIRST : TRAILING;
			trailing_line = 0;
			continue;
		}
		struct str line = str_trim(raw);
		bool separator = str_eq_cstr(line, "-");

		switch (state) {
		case BEFORE_FIRST:
			if (separator) {
				state = TITLE;
			} else if (line.len) {
				report(sink, lineno, "文件应以单独一行的“-”开始第一条新闻");
				state = TRAILING; /* reported once; resume at the next "-" */
				trailing_line = 0;
			}
			break;
		case TITLE:
			if (separator) {
				report(sink, lineno, "条目为空：“-”之后应是标题、正文和日期");
			} else if (line.len) {
				it = (struct item){ .title = line, .title_line = lineno };
				state = BODY;
			}
			break;
		case BODY:
			if (separator || (looks_like_date(line) && it.body_lines == 0)) {
				if (it.body_lines == 0)
					report(sink, it.title_line, "正文为空：标题之后应是一行正文");
				else
					report(sink, it.title_line, "缺少日期：正文之后应有一行 YYYY-MM-DD 格式的日期");
				state = separator ? TITLE : BETWEEN;
			} else if (looks_like_date(line)) {
				struct date d;
				enum date_error derr = date_parse(line, &d);
				if (derr != DATE_OK) {
					/* Reported here, at the date's own line, not the item's. */
					report(sink, lineno, "日期“%.*s”无效：%s", (int)line.len, line.p,
					       date_error_message(derr));
					state = BETWEEN;
					break;
				}
				struct article_input in = {
					.title = it.title,
					.body = { it.body_start, (size_t)(it.body_end - it.body_start) },
					.date = line,
				};
				sink->item(sink->ctx, &in, it.title_line);
				state = BETWEEN;
			} else if (line.len) {
				if (it.body_lines++ == 0)
					it.body_start = line.p;
				it.body_end = line.p + line.len;
			}
			break;
		case BETWEEN:
		case TRAILING:
			if (separator) {
				if (trailing_line)
					report(sink, trailing_line, "条目之间有无法识别的文字（每条新闻应为标题、正文、日期三行）");
				trailing_line = 0;
				state = TITLE;
			} else if (line.len && state == BETWEEN) {
				state = TRAILING;
				trailing_line = lineno;
			}
			break;
		}
	}
	if (state == TITLE && lineno)
		report(sink, lineno, "文件在“-”之后结束，缺少最后一条新闻");
	else if (state == BODY)
		report(sink, it.title_line,
		       it.body_lines ? "缺少日期：正文之后应有一行 YYYY-MM-DD 格式的日期"
				     : "正文为空：标题之后应是一行正文");
	if (sink->progress)
		sink->progress(sink->ctx, data.len);
}
