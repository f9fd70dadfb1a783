/* articles: editors' changes to published articles — correcting the
 * districts and industries tagging gave them. */
#ifndef ZS_DOMAIN_ARTICLES_H
#define ZS_DOMAIN_ARTICLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/domain.h"
#include "store/articles.h"

/* An editor's choice of tags: known district and industry slugs, each
 * once, or city-wide (全市, only without districts). */
struct tag_choice {
	const char *districts[ARTICLE_MAX_DISTRICTS];
	size_t ndistricts;
	const char *industries[ARTICLE_MAX_INDUSTRIES];
	size_t nindustries;
	bool citywide;
};

/* Replaces article id's districts and industries with c's, kept from now
 * on by retagging. STORE_NOT_FOUND for an unknown article. */
enum store_rc articles_correct_tags(struct store *s, int64_t id, const struct tag_choice *c, const struct actor *who,
				    int64_t now) __attribute__((warn_unused_result));

#endif
