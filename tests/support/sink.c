/* sink: copies every parser callback so tests can inspect it afterwards. */
#include "sink.h"

#include <stdlib.h>
#include <string.h>

static char *copy(struct str s)
{
	return strndup(s.p ? s.p : "", s.len);
}

static void on_item(void *ctx, const struct article_input *in, size_t line)
{
	struct recorder *r = ctx;
	if (r->nitems == SINK_MAX)
		return;
	r->items[r->nitems++] = (struct recorded_item){
		copy(in->title), copy(in->body), copy(in->date), copy(in->district), copy(in->source), line,
	};
}

static void on_error(void *ctx, size_t line, const char *message)
{
	struct recorder *r = ctx;
	if (r->nerrors == SINK_MAX)
		return;
	r->error_lines[r->nerrors] = line;
	r->errors[r->nerrors++] = strdup(message);
}

struct parse_sink recorder_sink(struct recorder *r)
{
	memset(r, 0, sizeof(*r));
	return (struct parse_sink){ on_item, on_error, NULL, r };
}

void recorder_free(struct recorder *r)
{
	for (size_t i = 0; i < r->nitems; i++) {
		struct recorded_item *it = &r->items[i];
		free(it->title), free(it->body), free(it->date), free(it->district), free(it->source);
	}
	for (size_t i = 0; i < r->nerrors; i++)
		free(r->errors[i]);
}
