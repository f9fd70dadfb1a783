/* stats: the data monitor's figures over articles, their tags and facts. */
#ifndef ZS_STORE_STATS_H
#define ZS_STORE_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "store/articles.h"

/* The figures for articles in a date range and industry. */
struct stats_filter {
	const char *from, *to; /* YYYY-MM-DD, inclusive, or NULL; from after to matches nothing */
	const char *industry;  /* a slug, or NULL */
};

/* A group's articles and the money (yuan) they announce: each article's
 * headline amount of a role (store/articles.h), summed. Amounts are never
 * negative, so 0 means that no article disclosed one. */
struct stats_row {
	const char *key;        /* a district or industry slug, or a month "YYYY-MM" */
	int64_t articles;
	double money_cny;       /* investment, the only money the monitor sums as such */
	int64_t money_articles; /* the articles that disclosed an investment */
	double output_cny;      /* output and revenue (产值, 营收): not investment */
	double tax_cny;         /* tax (税收): not investment */
	double fund_cny;        /* the size of funds (基金规模): not investment */
};

struct stats_fact {
	struct article_fact fact;
	int64_t article_id;
	const char *title, *date;
};

struct stats {
	struct stats_row total;    /* every article the filter matches (key NULL) */
	struct stats_row citywide; /* articles about Shanghai as a whole (key NULL) */
	struct stats_row *districts, *industries, *months; /* unordered, unordered, by month */
	size_t ndistricts, nindustries, nmonths; /* months: only those with articles */
	struct stats_fact *facts; /* the latest money and count facts, newest first */
	size_t nfacts;
};

/* Everything in one read transaction, so the figures agree. Arrays and
 * strings are allocated in arena. STORE_ERROR (logged) when the database
 * fails. */
enum store_rc store_stats(struct store *s, const struct stats_filter *f, int latest_facts, struct arena *arena,
			  struct stats *out) __attribute__((warn_unused_result));

#endif
