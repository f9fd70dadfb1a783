/* retag: tagging every stored article again — after the dictionaries of
 * districts, places, industries or facts change. */
#ifndef ZS_DOMAIN_RETAG_H
#define ZS_DOMAIN_RETAG_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"
#include "util/buf.h"

struct retag_result {
	size_t articles; /* tagged again */
	size_t facts;    /* facts found in them */
	size_t citywide; /* articles about Shanghai as a whole */
};

/* Retags all articles in one transaction (all or nothing), with the rules
 * of import (article_tag), and records those rules (ARTICLE_TAG_RULES);
 * districts a source or an editor gave are kept. With progress, a bar is
 * drawn on stderr. -1 with a Chinese message in err when the database
 * fails. */
int retag_all(struct store *s, bool progress, struct retag_result *result, struct buf *err)
	__attribute__((warn_unused_result));

/* As retag_all when the database's articles were tagged by other rules
 * than ARTICLE_TAG_RULES, or by rules it has no record of (a database
 * from before the record: its money facts have no role); otherwise
 * nothing (and for a database without articles, only the record).
 * *retagged says whether it retagged. What serve and import call first,
 * so an upgraded database is right without a manual step; when two
 * processes start at once, one retags and the other finds it done. */
int retag_if_rules_changed(struct store *s, bool progress, bool *retagged, struct retag_result *result,
			   struct buf *err) __attribute__((warn_unused_result));

#endif
