/* article_tags: the tag-correction form's rules. */
#include "content/article_tags.h"

#include <string.h>

static const struct choice yes[] = { { "1", "全市" } };

const struct field_rule article_tag_fields[TAGS__COUNT] = {
	[TAGS_DISTRICT] = { .name = "district", .label = "区", .kind = FIELD_DISTRICTS, .max_chars = 400,
			    .max_items = ARTICLE_MAX_DISTRICTS },
	[TAGS_INDUSTRY] = { .name = "industry", .label = "行业", .kind = FIELD_INDUSTRIES, .max_chars = 200,
			    .max_items = ARTICLE_MAX_INDUSTRIES },
	[TAGS_CITYWIDE] = { .name = "citywide", .label = "全市", .kind = FIELD_CHOICE, .max_chars = 1, .choices = yes,
			    .nchoices = 1 },
};

/* Splits a comma-joined list into out (at most max); returns the count. */
static size_t split(const char *joined, struct arena *arena, const char **out, size_t max)
{
	size_t n = 0;
	char *copy = arena_strdup(arena, joined ? joined : ""), *save = NULL;
	for (char *item = strtok_r(copy, ",", &save); item && n < max; item = strtok_r(NULL, ",", &save))
		out[n++] = item;
	return n;
}

struct tag_choice article_tags_choice(const struct field_values *values, struct arena *arena)
{
	struct tag_choice c = { 0 };
	c.ndistricts = split(values->value[TAGS_DISTRICT], arena, c.districts, ARTICLE_MAX_DISTRICTS);
	c.nindustries = split(values->value[TAGS_INDUSTRY], arena, c.industries, ARTICLE_MAX_INDUSTRIES);
	c.citywide = values->value[TAGS_CITYWIDE] && c.ndistricts == 0;
	return c;
}
