/* date: strict parsing with real calendar rules (Gregorian leap years). */
#include "util/date.h"

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
