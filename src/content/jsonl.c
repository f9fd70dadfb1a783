/* jsonl: JSON Lines import, one article object per line, decoded with jansson. */
#include "content/parse.h"

#include <jansson.h>
#include <stdio.h>

#include "util/buf.h"
#include "util/utf8.h"

enum { PROGRESS_EVERY_LINES = 4096 };

static const char *const fields[] = { "title", "body", "date", "source", "url", "district" };

void jsonl_parse(struct str data, const struct parse_sink *sink)
{
	struct buf msg = { 0 };
	size_t lineno = 0, pos = 0;
	if (str_has_prefix(data, STR_LIT("\xef\xbb\xbf")))
		pos = 3;
	while (pos < data.len) {
		const char *nl = memchr(data.p + pos, '\n', data.len - pos);
		size_t end = nl ? (size_t)(nl - data.p) : data.len;
		struct str line = { data.p + pos, end - pos };
		pos = nl ? end + 1 : data.len;
		lineno++;
		if (lineno % PROGRESS_EVERY_LINES == 0 && sink->progress)
			sink->progress(sink->ctx, pos);
		if (str_trim(line).len == 0)
			continue;

		buf_reset(&msg);
		size_t bad;
		if (!utf8_valid(line.p, line.len, &bad)) {
			buf_printf(&msg, "不是有效的 UTF-8 文本（该行第 %zu 字节处）", bad + 1);
			sink->error(sink->ctx, lineno, msg.data);
			continue;
		}
		json_error_t jerr;
		json_t *obj = json_loadb(line.p, line.len, JSON_REJECT_DUPLICATES, &jerr);
		if (!obj) {
			buf_printf(&msg, "JSON 无法解析（第 %d 列）：%s；每行应是一个完整的 JSON 对象", jerr.column,
				   jerr.text);
			sink->error(sink->ctx, lineno, msg.data);
			continue;
		}
		if (!json_is_object(obj)) {
			sink->error(sink->ctx, lineno, "每行应是一个 JSON 对象（{…}）");
			json_decref(obj);
			continue;
		}
		struct str values[6] = { 0 };
		bool ok = true;
		for (size_t i = 0; i < 6 && ok; i++) {
			json_t *v = json_object_get(obj, fields[i]);
			if (!v || json_is_null(v))
				continue;
			if (!json_is_string(v)) {
				buf_printf(&msg, "字段“%s”应是字符串", fields[i]);
				sink->error(sink->ctx, lineno, msg.data);
				ok = false;
				break;
			}
			values[i] = (struct str){ json_string_value(v), json_string_length(v) };
			if (memchr(values[i].p, '\0', values[i].len)) {
				buf_printf(&msg, "字段“%s”含有 NUL 字符", fields[i]);
				sink->error(sink->ctx, lineno, msg.data);
				ok = false;
			}
		}
		if (ok) {
			struct article_input in = {
				.title = values[0], .body = values[1], .date = values[2],
				.source = values[3], .url = values[4], .district = values[5],
			};
			sink->item(sink->ctx, &in, lineno);
		}
		json_decref(obj);
	}
	buf_free(&msg);
	if (sink->progress)
		sink->progress(sink->ctx, data.len);
}
