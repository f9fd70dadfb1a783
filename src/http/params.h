/* params: the query-string parameters of a route family, declared once in
 * a table — each one's kind, its range or set of values, and the 400 a
 * wrong value gets — and read by one function into parsed values, for the
 * HTML pages and the JSON API alike (kcgi's kvalid idea; forms have the
 * same in content/fields.h). Parameters a table does not name are
 * ignored. */
#ifndef ZS_HTTP_PARAMS_H
#define ZS_HTTP_PARAMS_H

#include <stdbool.h>
#include <stddef.h>

#include "http/http.h"
#include "views/pagination.h"

enum param_kind {
	PARAM_QUERY,  /* search words: valid UTF-8 of at most SEARCH_QUERY_MAX_CHARS; "" when absent */
	PARAM_TEXT,   /* as sent, for a view that reads it leniently (a tracking code, a return path) */
	PARAM_SLUG,   /* one of a set, as valid() tells; empty is absent */
	PARAM_DATE,   /* a real day written YYYY-MM-DD; empty is absent */
	PARAM_INT,    /* a whole decimal number in [min, max]; absent is fallback */
	PARAM_CHOICE, /* one of choices, read as its index; absent or empty is fallback */
	PARAM_FLAG,   /* "1" is 1, anything else (or nothing) 0 */
	PARAM_NOTICE, /* one of choices, read as its sentence in notices: what a page says after an
		       * action our own redirect names (?done=saved); anything else is no notice */
};

struct param_rule {
	const char *name;
	enum param_kind kind;
	const char *label;                 /* PARAM_INT: what the number is, for the message ("页码") */
	bool (*valid)(const char *value);  /* PARAM_SLUG: the set */
	const char *const *choices;        /* PARAM_CHOICE, PARAM_NOTICE: the values, nchoices of them */
	const char *const *notices;        /* PARAM_NOTICE: the sentence for each choice */
	size_t nchoices;
	long min, max, fallback;           /* PARAM_INT's range; fallback for INT and CHOICE */
	const char *code, *message;        /* the 400's API code and Chinese message (PARAM_SLUG,
					    * PARAM_CHOICE; the others have their kind's own) */
};

enum { PARAMS_MAX = 12 };

/* Values as read: for PARAM_QUERY, TEXT, SLUG and DATE the string (NULL
 * when absent, but "" for an absent QUERY), for PARAM_NOTICE the sentence
 * (or NULL); for INT, CHOICE and FLAG the number. */
struct param_values {
	const char *text[PARAMS_MAX];
	long number[PARAMS_MAX];
};

/* Why a value was refused: the API code and the Chinese message. */
struct param_error {
	const char *code, *message;
};

/* Checks raw[i] (NULL when absent) against rules[i] for the n rules into
 * out; false with err filled for the first wrong one. Strings in arena.
 * Aborts when n is over PARAMS_MAX: a table too long is a build mistake. */
bool params_parse(const struct param_rule *rules, size_t n, const char *const raw[], struct arena *arena,
		  struct param_values *out, struct param_error *err) __attribute__((warn_unused_result));

/* params_parse over req's query string; false, with a 400 in res carrying
 * the wrong parameter's code and message, when one is malformed. */
bool params_read(struct request *req, struct response *res, const struct param_rule *rules, size_t n,
		 struct param_values *out) __attribute__((warn_unused_result));

/* How many entries a fixed table has, for nchoices. */
#define PARAMS_COUNT(table) (sizeof(table) / sizeof((table)[0]))

/* Sets that several families' rules share. */
bool params_is_district(const char *slug);   /* one of the 16, by its pinyin slug */
bool params_is_industry(const char *slug);   /* a focus industry (content/industry.h) */

/* Rules several families share. */
#define PARAM_PAGE_RULE                                                                           \
	{ .name = "page", .kind = PARAM_INT, .label = "页码", .min = 1, .max = PAGE_MAX, .fallback = 1, \
	  .code = "invalid_page" }
#define PARAM_DISTRICT_RULE                                                                       \
	{ .name = "district", .kind = PARAM_SLUG, .valid = params_is_district, .code = "invalid_district", \
	  .message = "区的取值应为 16 个区的拼音之一，如 pudong。" }
#define PARAM_INDUSTRY_RULE                                                                       \
	{ .name = "industry", .kind = PARAM_SLUG, .valid = params_is_industry, .code = "unknown_industry", \
	  .message = "行业的取值应为重点行业之一，如 ic（集成电路）或 nev（新能源汽车）。" }
#define PARAM_DATE_RULE(param) { .name = (param), .kind = PARAM_DATE }
#define PARAM_STATUS_RULE                                                                         \
	{ .name = "status", .kind = PARAM_CHOICE, .choices = review_status_names, .nchoices = REVIEW__MAX, \
	  .fallback = REVIEW_PENDING, .code = "invalid_status", .message = "状态应为 pending、approved 或 rejected。" }
/* ?done= naming a sentence of notices (parallel to names). */
#define PARAM_NOTICE_RULE(names, sentences)                                                       \
	{ .name = "done", .kind = PARAM_NOTICE, .choices = (names), .notices = (sentences),        \
	  .nchoices = PARAMS_COUNT(names) }

#endif
