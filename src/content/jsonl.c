/* jsonl: JSON Lines import, one article object per line, decoded with jansson. */
#include <jansson.h>

#include "content/parse_internal.h"

static const char *const fields[] = { "title", "body", "date", "source", "url", "district" };
enum { NFIELDS = sizeof(fields) / sizeof(fields[0]) };

/* Reads the string fields of obj into values; false (reported) on a field of
 * another type or one holding a NUL. */
static bool read_fields(json_t *obj, struct str values[NFIELDS], const struct parse_sink *sink, size_t lineno)
{
	for (size_t i = 0; i < NFIELDS; i++) {
		json_t *v = json_object_get(obj, fields[i]);
		if (!v || json_is_null(v))
			continue;
		if (!json_is_string(v)) {
			parse_report(sink, lineno, "字段“%s”应是字符串", fields[i]);
			return false;
		}
		values[i] = (struct str){ json_string_value(v), json_string_length(v) };
		if (memchr(values[i].p, '\0', values[i].len)) {
			parse_report(sink, lineno, "字段“%s”含有 NUL 字符", fields[i]);
			return false;
		}
	}
	return true;
}

void jsonl_parse(struct str data, const struct parse_sink *sink)
{
	struct line_reader reader;
	struct str line;
	line_reader_init(&reader, data, sink);
	while (line_reader_next(&reader, &line)) {
		size_t lineno = reader.lineno;
		if (str_trim(line).len == 0 || !line_reader_check_utf8(&reader, line))
			continue;
		json_error_t jerr;
		json_t *obj = json_loadb(line.p, line.len, JSON_REJECT_DUPLICATES, &jerr);
		if (!obj) {
			parse_report(sink, lineno, "JSON 无法解析（第 %d 列）：%s；每行应是一个完整的 JSON 对象", jerr.column,
				     jerr.text);
			continue;
		}
		struct str values[NFIELDS] = { 0 };
		if (!json_is_object(obj)) {
			parse_report(sink, lineno, "每行应是一个 JSON 对象（{…}）");
		} else if (read_fields(obj, values, sink, lineno)) {
			struct article_input in = {
				.title = values[0], .body = values[1], .date = values[2],
				.source = values[3], .url = values[4], .district = values[5],
			};
			sink->item(sink->ctx, &in, lineno);
		}
		json_decref(obj);
	}
}
