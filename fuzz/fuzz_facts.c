/* libFuzzer driver: the fact extractor and district tagging on any text.
 * Facts are views into the text, inside their sentence, in order and not
 * overlapping; only money has a role other than other. */
#include <stddef.h>
#include <stdint.h>

#include "content/facts.h"
#include "content/places.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct str text = { (const char *)data, size };
	struct arena *arena = arena_new();
	struct fact facts[64];
	size_t n = facts_extract(text, arena, facts, 64);
	const char *end = text.p, *limit = text.p + size;
	for (size_t i = 0; i < n; i++) {
		const struct fact *f = &facts[i];
		if (f->match.p < end || f->match.p + f->match.len > limit || f->match.p < f->text.p ||
		    f->match.p + f->match.len > f->text.p + f->text.len || f->kind >= FACT__MAX ||
		    f->role >= FACT_ROLE__MAX || (f->kind != FACT_MONEY && f->role != FACT_ROLE_OTHER))
			__builtin_trap();
		end = f->match.p + f->match.len;
	}
	struct district_tags tags;
	places_tag(text, text, &tags);
	if (tags.n > DISTRICT_COUNT || (tags.n && tags.citywide))
		__builtin_trap();
	arena_free(arena);
	return 0;
}
