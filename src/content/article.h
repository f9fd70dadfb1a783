/* article: turning raw imported fields into a valid, normalised struct article. */
#ifndef ZS_CONTENT_ARTICLE_H
#define ZS_CONTENT_ARTICLE_H

#include <stdint.h>

#include "store/articles.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/str.h"

enum {
	ARTICLE_TITLE_MAX_CHARS = 200,
	ARTICLE_BODY_MAX_CHARS = 50000,
	ARTICLE_SOURCE_MAX_CHARS = 200,
	ARTICLE_URL_MAX_BYTES = 2000,
};

/* Fields as a source gave them; any may be empty (len 0). */
struct article_input {
	struct str title;
	struct str body;     /* may hold several lines */
	struct str date;
	struct str source;
	struct str url;
	struct str district; /* a slug or a district name */
};

/* The version of article_tag's rules. Articles stored under other rules
 * (or before databases recorded them) are tagged again, once, by the
 * first serve or import that opens the database (retag_if_rules_changed
 * in domain/retag.h): raise it with every change to the rules that
 * changes what stored articles would get. 2: money facts have a role. */
#define ARTICLE_TAG_RULES "2"

/* Tags a's text: its districts (unless given: districts_given), or that
 * it is city-wide; its industries, strongest first (unless given:
 * industries_given); its facts.
 * The same rules at import and at retag. Strings in arena. */
void article_tag(struct article *a, struct arena *arena);

/* Validates in only, with article_prepare's rules and messages: cheap (no
 * tagging), for a pass that checks a whole file before writing any of it.
 * -1 and one Chinese sentence in err when in is invalid. */
int article_check(const struct article_input *in, struct buf *err) __attribute__((warn_unused_result));

/* Validates in (article_check) and fills out: trims, splits the body into paragraphs, resolves
 * districts (the given one, else those named in the title), tags industries
 * (content/industry.h), and computes the content hash. Strings are allocated
 * in arena. On invalid input returns -1 and appends one Chinese sentence
 * saying what is wrong to err. */
int article_prepare(const struct article_input *in, struct arena *arena, struct article *out,
		    struct buf *err) __attribute__((warn_unused_result));

#endif
