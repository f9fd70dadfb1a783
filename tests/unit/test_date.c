/* Unit tests for util/date: the calendar, not just the shape. */
#include <criterion/criterion.h>

#include "util/date.h"

static enum date_error parse(const char *s)
{
	struct date d;
	return date_parse(str_from(s), &d);
}

Test(date, accepts_a_real_date)
{
	struct date d;
	cr_assert_eq(date_parse(str_from("2025-08-28"), &d), DATE_OK);
	cr_assert_eq(d.year, 2025);
	cr_assert_eq(d.month, 8);
	cr_assert_eq(d.day, 28);
}

Test(date, knows_leap_years)
{
	cr_assert_eq(parse("2024-02-29"), DATE_OK);
	cr_assert_eq(parse("2000-02-29"), DATE_OK);
	cr_assert_eq(parse("2025-02-29"), DATE_NO_SUCH_DAY);
	cr_assert_eq(parse("1900-02-29"), DATE_NO_SUCH_DAY);
}

Test(date, rejects_impossible_days_and_months)
{
	cr_assert_eq(parse("2025-02-30"), DATE_NO_SUCH_DAY);
	cr_assert_eq(parse("2025-04-31"), DATE_NO_SUCH_DAY);
	cr_assert_eq(parse("2025-13-01"), DATE_NO_SUCH_DAY);
	cr_assert_eq(parse("2025-00-10"), DATE_NO_SUCH_DAY);
	cr_assert_eq(parse("2025-01-00"), DATE_NO_SUCH_DAY);
}

Test(date, rejects_other_shapes)
{
	cr_assert_eq(parse("2025-8-28"), DATE_MALFORMED);
	cr_assert_eq(parse("2025/08/28"), DATE_MALFORMED);
	cr_assert_eq(parse("2025-08-28 "), DATE_MALFORMED);
	cr_assert_eq(parse("２０２５-08-28"), DATE_MALFORMED);
	cr_assert_eq(parse(""), DATE_MALFORMED);
}

Test(date, rejects_years_out_of_range)
{
	cr_assert_eq(parse("1899-12-31"), DATE_OUT_OF_RANGE);
	cr_assert_eq(parse("3000-01-01"), DATE_OUT_OF_RANGE);
}

Test(date, formats_http_dates_in_english_gmt)
{
	char out[HTTP_DATE_SIZE];
	date_http_format(784111777, out);
	cr_assert_str_eq(out, "Sun, 06 Nov 1994 08:49:37 GMT");
}

Test(date, parses_the_three_http_date_forms)
{
	int64_t t = 0;
	cr_assert(date_http_parse("Sun, 06 Nov 1994 08:49:37 GMT", &t));
	cr_assert_eq(t, 784111777);
	cr_assert(date_http_parse("Sunday, 06-Nov-94 08:49:37 GMT", &t));
	cr_assert_eq(t, 784111777);
	cr_assert(date_http_parse("Sun Nov  6 08:49:37 1994", &t));
	cr_assert_eq(t, 784111777);
}

Test(date, refuses_what_is_not_an_http_date)
{
	int64_t t = 0;
	const char *bad[] = { "", "yesterday", "Sun, 06 Nov 1994 08:49:37 CET", "Sun, 31 Feb 1994 08:49:37 GMT",
			      "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT",
			      "Sun, 06 Nov 1994 08:49:37 GMT trailing", "1994-11-06T08:49:37Z" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		cr_assert(!date_http_parse(bad[i], &t), "accepted \"%s\"", bad[i]);
}

Test(date, the_date_is_shanghais)
{
	char d[11];
	date_shanghai_day(1795795199, d); /* 2026-11-27T15:59:59Z */
	cr_assert_str_eq(d, "2026-11-27");
	date_shanghai_day(1795795200, d); /* 2026-11-27T16:00:00Z */
	cr_assert_str_eq(d, "2026-11-28");
	date_shanghai_day(1798732800, d); /* 2026-12-31T16:00:00Z */
	cr_assert_str_eq(d, "2027-01-01");
	date_shanghai_day(0, d);
	cr_assert_str_eq(d, "1970-01-01");
}

Test(date, days_before_count_shanghai_days)
{
	char d[DATE_DAY_SIZE];
	date_shanghai_days_before(1795795199, 6, d); /* 2026-11-27 23:59:59 there */
	cr_assert_str_eq(d, "2026-11-21");
	date_shanghai_days_before(1795795200, 6, d); /* a second later it is the 28th */
	cr_assert_str_eq(d, "2026-11-22");
	date_shanghai_days_before(1795795199, 0, d);
	cr_assert_str_eq(d, "2026-11-27");
}
