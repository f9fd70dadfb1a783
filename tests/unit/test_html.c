/* Unit tests for util/html: the one escaping path. */
#include <criterion/criterion.h>
#include <string.h>

#include "util/html.h"

static char *escaped(const char *s)
{
	struct buf b = { 0 };
	html_escape(&b, s, strlen(s));
	return buf_detach(&b);
}

Test(html, escapes_the_five_special_characters)
{
	char *e = escaped("<a href=\"x\" title='y'>&</a>");
	cr_assert_str_eq(e, "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
	free(e);
}

Test(html, leaves_chinese_text_alone)
{
	char *e = escaped("浦东新区“招商”");
	cr_assert_str_eq(e, "浦东新区“招商”");
	free(e);
}

Test(html, escapes_a_script_payload)
{
	char *e = escaped("<script>alert(1)</script>");
	cr_assert_null(strchr(e, '<'));
	free(e);
}

Test(html, url_escape_encodes_reserved_and_utf8_bytes)
{
	struct buf b = { 0 };
	const char *s = "a b&c/浦";
	url_escape(&b, s, strlen(s));
	cr_assert_str_eq(buf_cstr(&b), "a%20b%26c%2F%E6%B5%A6");
	buf_free(&b);
}
