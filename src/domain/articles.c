/* articles: tag corrections, with their audit record. */
#include "domain/articles.h"

#include <string.h>

/* "pudong,全市 / ic,nev": what the audit log says was chosen. */
static const char *describe(const struct tag_choice *c, struct arena *arena)
{
	struct buf *detail = arena_buf(arena);
	for (size_t i = 0; i < c->ndistricts; i++)
		buf_printf(detail, "%s%s", i ? "," : "", c->districts[i]);
	buf_puts(detail, c->citywide && c->ndistricts == 0 ? "全市" : "");
	buf_puts(detail, " / ");
	for (size_t i = 0; i < c->nindustries; i++)
		buf_printf(detail, "%s%s", i ? "," : "", c->industries[i]);
	return buf_cstr(detail);
}

enum store_rc articles_correct_tags(struct store *s, int64_t id, const struct tag_choice *c, const struct actor *who,
				    int64_t now)
{
	struct arena *arena = arena_new();
	struct article a;
	enum store_rc rc = store_begin(s);
	if (rc == STORE_OK)
		rc = store_article_get(s, id, arena, &a);
	if (rc == STORE_OK) {
		memcpy(a.districts, c->districts, c->ndistricts * sizeof(c->districts[0]));
		a.ndistricts = c->ndistricts;
		memcpy(a.industries, c->industries, c->nindustries * sizeof(c->industries[0]));
		a.nindustries = c->nindustries;
		a.citywide = c->citywide && c->ndistricts == 0;
		rc = store_article_set_tags(s, &a);
	}
	char target[DOMAIN_TARGET_SIZE];
	rc = domain_finish(s, rc,
			   &(struct change){ who, now, "article.tags", domain_target(target, "article", id),
					     describe(c, arena) });
	arena_free(arena);
	return rc;
}
