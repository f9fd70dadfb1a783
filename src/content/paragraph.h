/* paragraph: splitting run-together article text into sections at Chinese
 * enumerators (一、二、… and （一）（二）…), and reading a section's heading. */
#ifndef ZS_CONTENT_PARAGRAPH_H
#define ZS_CONTENT_PARAGRAPH_H

#include <stdbool.h>

#include "util/buf.h"
#include "util/str.h"

/* Appends text to out as paragraphs separated by '\n': each input line is a
 * paragraph, and a line is split again before each enumerator that continues
 * the sequence (一、 then 二、 …) and stands at a sentence or word boundary, so
 * "统一、规范" is not split. Paragraphs are trimmed; empty ones dropped. */
void paragraphs_split(struct str text, struct buf *out);

enum heading_level {
	HEADING_NONE,
	HEADING_SECTION,    /* 一、 */
	HEADING_SUBSECTION, /* （一） */
};

/* When para opens with an enumerator and a short title ("一、党建引领 会议强调…"),
 * stores the title (with its enumerator) and the remaining text and returns its
 * level; otherwise returns HEADING_NONE and leaves heading/rest untouched. */
enum heading_level paragraph_heading(struct str para, struct str *heading, struct str *rest);

/* Value of the Chinese numeral (一 … 九十九) at the start of s and its byte
 * length; 0 when s does not start with one. */
int chinese_numeral(struct str s, size_t *len);

#endif
