/* articles: the news as stored — articles with their districts, industries
 * and facts; listings by district and industry; retagging. */
#ifndef ZS_STORE_ARTICLES_H
#define ZS_STORE_ARTICLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

enum {
	ARTICLE_MAX_DISTRICTS = 16, /* every district of Shanghai */
	ARTICLE_MAX_INDUSTRIES = 3,
	STORE_MAX_INDUSTRIES = 32, /* focus industries the store can count */
};

/* An article as stored. Strings are NUL-terminated; who owns them is said by
 * the function that fills the struct. */
struct article {
	int64_t id;
	const char *title;
	const char *body;        /* paragraphs separated by '\n' */
	const char *date;        /* YYYY-MM-DD */
	const char *source;      /* may be NULL */
	const char *url;         /* may be NULL */
	const char *districts[ARTICLE_MAX_DISTRICTS]; /* district slugs */
	size_t ndistricts;
	const char *industries[ARTICLE_MAX_INDUSTRIES]; /* industry slugs, strongest first */
	size_t nindustries;
	unsigned char content_hash[16]; /* identity for de-duplication */
	uint64_t simhash;               /* finds near duplicates (text/simhash.h) */
	bool citywide;                  /* about Shanghai as a whole (全市), no district */
	bool districts_given;           /* set by the source or an editor, not by tagging */
	bool industries_given;          /* set by an editor, not by tagging */
	const struct article_fact *facts; /* what it states, in text order */
	size_t nfacts;
};

/* What an amount of money is, read from the words before and after it
 * (content/facts.c): the data monitor sums investment and shows output,
 * tax and the size of funds apart, and never counts subsidies, caps,
 * loans or registered capital ("other"). Other comes first, so a fact
 * made without a role is never counted as investment. */
enum fact_role {
	FACT_ROLE_OTHER,
	FACT_ROLE_INVESTMENT, /* 总投资, 投资额, 签约额, 落地 … */
	FACT_ROLE_OUTPUT,     /* 产值, 营收, 营业收入, 销售额 … */
	FACT_ROLE_TAX,        /* 税收, 纳税 … */
	FACT_ROLE_FUND,       /* the size of a fund: 基金, 资金规模, 专项资金 */
	FACT_ROLE__MAX
};

/* "other", "investment", "output", "tax", "fund": article_facts.role and
 * the JSON API's names. */
extern const char *const fact_role_names[FACT_ROLE__MAX];

/* The role called name; FACT_ROLE_OTHER for NULL or a name not in the table. */
enum fact_role fact_role_from_name(const char *name);

/* A fact an article states (content/facts.h), as stored. */
struct article_fact {
	const char *kind;     /* "money", "count", "percent" or "year" */
	double value;
	const char *unit;     /* "CNY", "个项目", "%", "年" … */
	const char *match;    /* as written: "5000万元" */
	const char *sentence; /* the sentence it came from */
	enum fact_role role;  /* money: what the amount is; other kinds: FACT_ROLE_OTHER */
};

/* A row of an article listing: enough for a title line and an excerpt. */
struct article_summary {
	int64_t id;
	const char *title;
	const char *date;
	const char *excerpt;   /* the body's first characters, '\n' kept */
	const char *districts; /* comma-separated slugs, "" when none */
	const char *source;    /* listings only: who published it, or NULL */
	bool citywide;         /* listings only: about Shanghai as a whole */
};

struct article_page {
	struct article_summary *items;
	size_t count;
	int64_t total; /* matching articles in all pages */
};

/* How many articles carry a tag (a district or an industry). */
struct tag_count {
	const char *slug;
	int64_t articles;
};

/* Inserts a and its district links. STORE_DUPLICATE when an article with the
 * same content hash exists. On STORE_OK, *id is the new article's id. */
enum store_rc store_article_insert(struct store *s, const struct article *a, int64_t *id)
	__attribute__((warn_unused_result));

/* Retagging: up to limit articles with id > after, in id order, with
 * title, body, date and districts_given only (strings in arena); and
 * replacing one article's tags (districts unless given, industries,
 * facts, citywide) with a's. Call inside a transaction. */
enum store_rc store_articles_after(struct store *s, int64_t after, int limit, struct arena *arena,
				   struct article **out, size_t *n) __attribute__((warn_unused_result));
enum store_rc store_article_retag(struct store *s, const struct article *a) __attribute__((warn_unused_result));
/* An editor's correction of an article's tags: districts (or citywide)
 * and industries, kept from now on by retagging. Call inside a
 * transaction. STORE_NOT_FOUND for an unknown article. */
enum store_rc store_article_set_tags(struct store *s, const struct article *a) __attribute__((warn_unused_result));

/* How many articles there are. */
enum store_rc store_article_count(struct store *s, int64_t *n) __attribute__((warn_unused_result));

/* Fills *out with article id; strings are allocated in arena. */
enum store_rc store_article_get(struct store *s, int64_t id, struct arena *arena, struct article *out)
	__attribute__((warn_unused_result));

/* The articles just before (newer) and after (older) a in newest-first order;
 * a summary has id 0 when there is none. Strings in arena. */
enum store_rc store_article_neighbours(struct store *s, const struct article *a, struct arena *arena,
				       struct article_summary *newer, struct article_summary *older)
	__attribute__((warn_unused_result));

/* One page of articles, newest first, optionally only those tagged with the
 * district slug. excerpt_chars bounds each excerpt. Strings in arena. */
enum store_rc store_articles_list(struct store *s, const char *district, int64_t offset, int limit,
				  int excerpt_chars, struct arena *arena, struct article_page *out)
	__attribute__((warn_unused_result));

/* The articles with the n ids, as a listing shows them (excerpt_chars of
 * body), in the order of ids; one no longer stored is left out. The array
 * (*count entries) and strings in arena. */
enum store_rc store_article_summaries(struct store *s, const int64_t *ids, size_t n, int excerpt_chars,
				      struct arena *arena, struct article_summary **out, size_t *count)
	__attribute__((warn_unused_result));

/* One page of an industry's articles, as store_articles_list. */
enum store_rc store_industry_list(struct store *s, const char *industry, int64_t offset, int limit,
				  int excerpt_chars, struct arena *arena, struct article_page *out)
	__attribute__((warn_unused_result));

/* The newest articles tagged with an industry slug, at most limit, as
 * summaries without excerpts. Strings in arena. */
enum store_rc store_industry_articles(struct store *s, const char *industry, int limit, struct arena *arena,
				      struct article_summary **out, size_t *n) __attribute__((warn_unused_result));

/* How many articles each district has, for districts with any; unordered.
 * The array and strings are allocated in arena. */
enum store_rc store_district_counts(struct store *s, struct arena *arena, struct tag_count **out, size_t *n)
	__attribute__((warn_unused_result));

#endif
