/* sink: a parse_sink that records what a parser reported, for tests. */
#ifndef ZS_TESTS_SINK_H
#define ZS_TESTS_SINK_H

#include "content/parse.h"
#include "util/buf.h"

enum { SINK_MAX = 64 };

struct recorded_item {
	char *title, *body, *date, *district, *source;
	size_t line;
};

struct recorder {
	struct recorded_item items[SINK_MAX];
	size_t nitems;
	size_t error_lines[SINK_MAX];
	char *errors[SINK_MAX];
	size_t nerrors;
};

struct parse_sink recorder_sink(struct recorder *r);
void recorder_free(struct recorder *r);

#endif
