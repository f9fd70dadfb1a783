/* listing: the seed page's text format, read line by line as a small state machine. */
#include "content/parse_internal.h"

#include <stdio.h>

#include "util/date.h"

static const char missing_date[] = "缺少日期：正文之后应有一行 YYYY-MM-DD 格式的日期";
static const char empty_body[] = "正文为空：标题之后应是一行正文";

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

void listing_parse(struct str data, const struct parse_sink *sink)
{
	enum state state = BEFORE_FIRST;
	struct item it = { 0 };
	size_t trailing_line = 0;
	struct line_reader reader;
	struct str raw;

	line_reader_init(&reader, data, sink);
	while (line_reader_next(&reader, &raw)) {
		size_t lineno = reader.lineno;
		if (!line_reader_check_utf8(&reader, raw)) {
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
				parse_report(sink, lineno, "文件应以单独一行的“-”开始第一条新闻");
				state = TRAILING; /* reported once; resume at the next "-" */
				trailing_line = 0;
			}
			break;
		case TITLE:
			if (separator) {
				parse_report(sink, lineno, "条目为空：“-”之后应是标题、正文和日期");
			} else if (line.len) {
				it = (struct item){ .title = line, .title_line = lineno };
				state = BODY;
			}
			break;
		case BODY:
			if (separator || (looks_like_date(line) && it.body_lines == 0)) {
				parse_report(sink, it.title_line, "%s", it.body_lines ? missing_date : empty_body);
				state = separator ? TITLE : BETWEEN;
			} else if (looks_like_date(line)) {
				struct date d;
				enum date_error derr = date_parse(line, &d);
				if (derr != DATE_OK) {
					/* Reported here, at the date's own line, not the item's. */
					parse_report(sink, lineno, "日期“%.*s”无效：%s", (int)line.len, line.p,
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
					parse_report(sink, trailing_line, "条目之间有无法识别的文字（每条新闻应为标题、正文、日期三行）");
				trailing_line = 0;
				state = TITLE;
			} else if (line.len && state == BETWEEN) {
				state = TRAILING;
				trailing_line = lineno;
			}
			break;
		}
	}
	if (state == TITLE)
		parse_report(sink, reader.lineno, "文件在“-”之后结束，缺少最后一条新闻");
	else if (state == BODY)
		parse_report(sink, it.title_line, "%s", it.body_lines ? missing_date : empty_body);
}
