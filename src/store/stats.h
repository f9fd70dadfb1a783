/* stats: the data monitor's figures over articles, their tags and facts. */
#ifndef ZS_STORE_STATS_H
#define ZS_STORE_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "store/articles.h"

/* The figures for articles in a date range and industry. */
struct stats_filter {
	const char *from, *to; /* YYYY-MM-DD, inclusive, or NULL */
	const char *industry;  /* a slug, or NULL */
};

/* A group's articles and the money (yuan) they announce. */
struct stats_row {
	const char *key; /* a district or industry slug, or a month "YYYY-MM" */
	int64_t articles;
	double money_cny;
};

struct stats_fact {
	struct article_fact fact;
	int64_t article_id;
	const char *title, *date;
};

struct stats {
	int64_t articles;
	double money_cny;
	struct stats_row citywide; /* articles about Shanghai as a whole */
	struct stats_row *districts, *industries, *months; /* unordered, unordered, by month */
	size_t ndistricts, nindustries, nmonths;
	struct stats_fact *facts; /* the latest money and count facts, newest first */
	size_t nfacts;
};

/* Everything in one read transaction, so the figures agree. */
enum store_rc store_stats(struct store *s, const struct stats_filter *f, int latest_facts, struct arena *arena,
			  struct stats *out) __attribute__((warn_unused_result));

#endif
