/* articles: editors' changes to published articles — correcting the
 * districts and industries tagging gave them. */
#ifndef ZS_DOMAIN_ARTICLES_H
#define ZS_DOMAIN_ARTICLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content/article_tags.h"
#include "domain/domain.h"
#include "store/articles.h"

/* Replaces article id's districts and industries with c's, kept from now
 * on by retagging. STORE_NOT_FOUND for an unknown article. */
enum store_rc articles_correct_tags(struct store *s, int64_t id, const struct tag_choice *c, const struct actor *who,
				    int64_t now) __attribute__((warn_unused_result));

#endif
