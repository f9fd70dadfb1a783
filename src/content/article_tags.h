/* article_tags: the editors' form for correcting an article's tags — its
 * fields and their rules — and the choice it makes. */
#ifndef ZS_CONTENT_ARTICLE_TAGS_H
#define ZS_CONTENT_ARTICLE_TAGS_H

#include <stdbool.h>
#include <stddef.h>

#include "content/fields.h"
#include "store/articles.h"

enum article_tag_field { TAGS_DISTRICT, TAGS_INDUSTRY, TAGS_CITYWIDE, TAGS__COUNT };
extern const struct field_rule article_tag_fields[TAGS__COUNT];

/* An editor's choice of tags: known district and industry slugs, each
 * once, or city-wide (全市, only without districts). */
struct tag_choice {
	const char *districts[ARTICLE_MAX_DISTRICTS];
	size_t ndistricts;
	const char *industries[ARTICLE_MAX_INDUSTRIES];
	size_t nindustries;
	bool citywide;
};

/* The choice that values (checked against article_tag_fields, with no
 * errors) make; strings point into values or arena. */
struct tag_choice article_tags_choice(const struct field_values *values, struct arena *arena);

#endif
