/* readership: recording what visitors read, and keeping the week's most
 * read (热点) current: when that list changes, the content version moves,
 * so every cached page that shows it is made again. */
#ifndef ZS_DOMAIN_READERSHIP_H
#define ZS_DOMAIN_READERSHIP_H

#include <stddef.h>
#include <stdint.h>

#include "store/readership.h"
#include "util/date.h"

enum {
	READERSHIP_DAYS = 7,       /* "this week": today and the six days before */
	READERSHIP_KEEP_DAYS = 90, /* older counts are forgotten */
	MOST_READ_SHOWN = 8,
};

struct read_count {
	int64_t article_id;
	int64_t views;
};

/* Adds reads counted on day (Shanghai's "YYYY-MM-DD") in one transaction,
 * forgetting counts older than READERSHIP_KEEP_DAYS at now. */
enum store_rc readership_record(struct store *s, const char *day, const struct read_count *reads, size_t n,
				int64_t now) __attribute__((warn_unused_result));

/* The first day of the week that ends at now, as readership counts it. */
void readership_week_start(int64_t now, char out[DATE_DAY_SIZE]);

#endif
