/* date: strict parsing with real calendar rules (Gregorian leap years). */
#include "util/date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12)
		return 0;
	return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

static int digits(const char *p, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	return v;
}

enum date_error date_parse(struct str s, struct date *out)
{
	if (s.len != 10 || s.p[4] != '-' || s.p[7] != '-')
		return DATE_MALFORMED;
	int y = digits(s.p, 4), m = digits(s.p + 5, 2), d = digits(s.p + 8, 2);
	if (y < 0 || m < 0 || d < 0)
		return DATE_MALFORMED;
	if (y < 1900 || y > 2999)
		return DATE_OUT_OF_RANGE;
	if (d < 1 || d > date_days_in_month(y, m))
		return DATE_NO_SUCH_DAY;
	*out = (struct date){ y, m, d };
	return DATE_OK;
}

const char *date_error_message(enum date_error err)
{
	switch (err) {
	case DATE_OK:
		return "日期有效";
	case DATE_MALFORMED:
		return "日期格式应为 YYYY-MM-DD";
	case DATE_OUT_OF_RANGE:
		return "年份应在 1900 到 2999 之间";
	case DATE_NO_SUCH_DAY:
		return "日历上没有这一天";
	}
	return "日期无效";
}

/* Names written out rather than taken from strftime's %a and %b, which
 * follow the locale: an HTTP date is always in English. */
static const char weekdays[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
				    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

void date_http_format(int64_t t, char out[HTTP_DATE_SIZE])
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!gmtime_r(&tt, &tm)) {
		tt = 0; /* a year gmtime cannot write: the epoch, never garbage */
		gmtime_r(&tt, &tm);
	}
	snprintf(out, HTTP_DATE_SIZE, "%s, %02d %s %04d %02d:%02d:%02d GMT", weekdays[tm.tm_wday], tm.tm_mday,
		 months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static int month_number(const char *name)
{
	for (int i = 0; i < 12; i++)
		if (!strcmp(name, months[i]))
			return i;
	return -1;
}

bool date_http_parse(const char *s, int64_t *t)
{
	char wday[16], mon[4], tail[4];
	int day, year, hour, min, sec, n = 0;
	struct tm tm = { 0 };
	/* IMF-fixdate, then RFC 850 (two-digit years), then asctime. */
	if (sscanf(s, "%3s, %2d %3s %4d %2d:%2d:%2d %3s%n", wday, &day, mon, &year, &hour, &min, &sec, tail, &n) == 8 &&
	    !strcmp(tail, "GMT")) {
	} else if (sscanf(s, "%15[A-Za-z], %2d-%3s-%2d %2d:%2d:%2d %3s%n", wday, &day, mon, &year, &hour, &min, &sec,
			  tail, &n) == 8 && !strcmp(tail, "GMT")) {
		year += year < 70 ? 2000 : 1900;
	} else if (sscanf(s, "%3s %3s %2d %2d:%2d:%2d %4d%n", wday, mon, &day, &hour, &min, &sec, &year, &n) == 7) {
	} else {
		return false;
	}
	tm.tm_mon = month_number(mon);
	if (s[n] != '\0' || tm.tm_mon < 0 || year < 1900 || day < 1 || day > date_days_in_month(year, tm.tm_mon + 1) ||
	    hour > 23 || min > 59 || sec > 60 || hour < 0 || min < 0 || sec < 0)
		return false;
	tm.tm_year = year - 1900, tm.tm_mday = day, tm.tm_hour = hour, tm.tm_min = min, tm.tm_sec = sec;
	*t = (int64_t)timegm(&tm);
	return true;
}

/* Shanghai's offset from UTC, in seconds and as RFC 3339 writes it. */
enum { SHANGHAI_UTC_OFFSET = 8 * 3600 };
#define SHANGHAI_ZONE "+08:00"

/* The broken-down time of t on Shanghai's clock. */
static bool shanghai_tm(int64_t t, struct tm *tm)
{
	time_t local = (time_t)(t + SHANGHAI_UTC_OFFSET);
	return gmtime_r(&local, tm) != NULL;
}

void date_shanghai_day(int64_t t, char out[DATE_DAY_SIZE])
{
	struct tm tm;
	if (!shanghai_tm(t, &tm) || strftime(out, DATE_DAY_SIZE, "%Y-%m-%d", &tm) == 0)
		out[0] = '\0';
}

void date_shanghai_days_before(int64_t t, int days, char out[DATE_DAY_SIZE])
{
	/* Shanghai keeps no daylight saving: every day there is 86,400 s. */
	date_shanghai_day(t - (int64_t)days * 86400, out);
}

void date_shanghai_midnight(const char *day, char out[DATE_RFC3339_SIZE])
{
	snprintf(out, DATE_RFC3339_SIZE, "%.10sT00:00:00" SHANGHAI_ZONE, day);
}

int date_shanghai_year(int64_t t)
{
	struct tm tm;
	return shanghai_tm(t, &tm) ? tm.tm_year + 1900 : 1970;
}

void date_shanghai_minute(int64_t t, char out[DATE_MINUTE_SIZE])
{
	struct tm tm;
	if (!shanghai_tm(t, &tm) || strftime(out, DATE_MINUTE_SIZE, "%Y-%m-%d %H:%M", &tm) == 0)
		out[0] = '\0';
}
