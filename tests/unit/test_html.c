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

Test(html, replaces_characters_xml_does_not_allow)
{
	/* A feed with a title holding these must still be well-formed XML. */
	char *e = escaped("a\x01" "b\x1f" "c\t\n\r" "d\xef\xbf\xbe" "e\xef\xbf\xbf" "f\xef\xbf\xbd" "g\x7f");
	cr_assert_str_eq(e, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\t\n\r" "d\xef\xbf\xbd" "e\xef\xbf\xbd" "f\xef\xbf\xbd" "g\x7f");
	free(e);
}

Test(html, keeps_a_json_script_block_from_closing)
{
	const char *json = "{\"headline\":\"</script><script>alert(1)</script> & <!--\"}";
	struct buf b = { 0 };
	script_json_escape(&b, json, strlen(json));
	cr_assert_str_eq(buf_cstr(&b), "{\"headline\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e "
				       "\\u0026 \\u003c!--\"}");
	buf_free(&b);
}
