/* facts: amounts of money, counts, percentages and years found in an article's text. */
#ifndef ZS_CONTENT_FACTS_H
#define ZS_CONTENT_FACTS_H

#include <stddef.h>

#include "store/articles.h"
#include "util/arena.h"
#include "util/str.h"

enum fact_kind { FACT_MONEY, FACT_COUNT, FACT_PERCENT, FACT_YEAR, FACT__MAX };

/* "money", "count", "percent", "year": the names the JSON API uses. */
extern const char *const fact_kind_names[FACT__MAX];

struct fact {
	enum fact_kind kind;
	/* Money in the currency's base unit (5000万元 → 50,000,000 CNY;
	 * 3.5亿美元 → 350,000,000 USD); a count (1.2万台次 → 12,000); a
	 * percentage (85 for 85%; percentage points for 个百分点); a year. */
	double value;
	/* Money: "CNY", "USD", "EUR", "JPY" or "HKD". Count: the measure word and
	 * the noun it counts as written ("个产业项目", "家龙头企业", "台次"), or
	 * only the measure word when no known noun follows. Percent: "%" (or
	 * "个百分点"). Year: "年". Static storage or the arena. */
	const char *unit;
	/* Money: what the amount is — investment, output, tax, the size of a
	 * fund, or other — read from the words around it (see facts.c).
	 * Other kinds: FACT_ROLE_OTHER. */
	enum fact_role role;
	/* The sentence the fact came from: from the end of the previous sentence
	 * (。！？；!?; or a line break) or the start, through this sentence's
	 * closing mark, trimmed; without a section heading that opens it
	 * ("一、先进制造占比提升 签约项目中…" → "签约项目中…") unless the fact is
	 * in the heading. A view into the input. */
	struct str text;
	/* The matched span ("5000万元", "14个产业项目", "百分之八十五"); a view
	 * into the input. */
	struct str match;
};

/* Appends to out (at most max) the facts found in text, in text order, and
 * returns how many. text must be UTF-8: at the first invalid byte (or NUL)
 * extraction stops, and the facts before it are returned. Count units that
 * include a noun are copied into arena (which must not be NULL); text and
 * match point into the input, so the input must outlive the facts. Never
 * fails otherwise; pure (no I/O, no global state). */
size_t facts_extract(struct str text, struct arena *arena, struct fact *out, size_t max)
	__attribute__((warn_unused_result));

#endif
