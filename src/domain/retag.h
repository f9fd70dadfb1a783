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
 * of import (article_tag); districts a source or an editor gave are kept.
 * With progress, a bar is drawn on stderr. -1 with a Chinese message in
 * err when the database fails. */
int retag_all(struct store *s, bool progress, struct retag_result *result, struct buf *err)
	__attribute__((warn_unused_result));

#endif
