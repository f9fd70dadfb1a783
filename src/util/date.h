/* date: calendar dates in the YYYY-MM-DD form used by imports and URLs. */
#ifndef ZS_UTIL_DATE_H
#define ZS_UTIL_DATE_H

#include <stdbool.h>
#include <stdint.h>

#include "util/str.h"

struct date {
	int year;  /* 1900..2999 */
	int month; /* 1..12 */
	int day;   /* 1..days in that month */
};

enum date_error {
	DATE_OK,
	DATE_MALFORMED,  /* not exactly YYYY-MM-DD digits */
	DATE_OUT_OF_RANGE, /* year outside 1900..2999 */
	DATE_NO_SUCH_DAY,  /* e.g. 2025-02-30 or month 13 */
};

/* Parses s; on DATE_OK fills *out. Never reads past s.len. */
enum date_error date_parse(struct str s, struct date *out);
/* A Chinese sentence describing err, for messages to people. */
const char *date_error_message(enum date_error err);
int date_days_in_month(int year, int month);

/* HTTP dates (RFC 9110 §5.6.7). Formats unix time t as an IMF-fixdate,
 * "Sun, 06 Nov 1994 08:49:37 GMT", into out (NUL-terminated). */
enum { HTTP_DATE_SIZE = 64 }; /* room for any year gmtime gives */
void date_http_format(int64_t t, char out[HTTP_DATE_SIZE]);
/* Parses an HTTP date in any of its three forms (IMF-fixdate, RFC 850,
 * asctime) into unix time; false when s is none of them. */
bool date_http_parse(const char *s, int64_t *t);

/* Shanghai's wall clock, UTC+8 all year (no daylight saving): unix time t
 * as the day there, "YYYY-MM-DD", and as the minute, "YYYY-MM-DD HH:MM". */
enum { DATE_DAY_SIZE = 11, DATE_MINUTE_SIZE = 17, DATE_RFC3339_SIZE = 26 };
void date_shanghai_day(int64_t t, char out[DATE_DAY_SIZE]);
void date_shanghai_minute(int64_t t, char out[DATE_MINUTE_SIZE]);
/* The day in Shanghai days before the day of t ("the last 7 days" start
 * 6 days before today). */
void date_shanghai_days_before(int64_t t, int days, char out[DATE_DAY_SIZE]);
/* The year it is in Shanghai at t. */
int date_shanghai_year(int64_t t);
/* The start of day ("YYYY-MM-DD") in Shanghai, in RFC 3339:
 * "YYYY-MM-DDT00:00:00+08:00" (feeds, Open Graph). */
void date_shanghai_midnight(const char *day, char out[DATE_RFC3339_SIZE]);

#endif
