/* Unit tests for the JSON Lines parser. */
#include <criterion/criterion.h>
#include <string.h>

#include "sink.h"

static void parse_text(const char *text, struct recorder *r)
{
	struct parse_sink sink = recorder_sink(r);
	jsonl_parse(str_from(text), &sink);
}

Test(jsonl, reads_fields_and_skips_blank_lines)
{
	struct recorder r;
	parse_text("{\"title\":\"甲\",\"body\":\"正文\",\"date\":\"2025-01-01\",\"district\":\"pudong\",\"source\":\"区商务委\"}\n\n"
		   "{\"title\":\"乙\",\"body\":\"正文\",\"date\":\"2025-01-02\",\"extra\":1}\n",
		   &r);
	cr_assert_eq(r.nerrors, 0);
	cr_assert_eq(r.nitems, 2);
	cr_assert_str_eq(r.items[0].district, "pudong");
	cr_assert_str_eq(r.items[0].source, "区商务委");
	cr_assert_eq(r.items[1].line, 3);
	recorder_free(&r);
}

Test(jsonl, truncated_line_is_reported_with_its_number)
{
	struct recorder r;
	parse_text("{\"title\":\"甲\",\"body\":\"正文\",\"date\":\"2025-01-01\"}\n{\"title\":\"乙\",\"bo\n", &r);
	cr_assert_eq(r.nitems, 1);
	cr_assert_eq(r.nerrors, 1);
	cr_assert_eq(r.error_lines[0], 2);
	cr_assert(strstr(r.errors[0], "JSON 无法解析"), "%s", r.errors[0]);
	recorder_free(&r);
}

Test(jsonl, wrong_types_and_shapes_are_errors)
{
	struct recorder r;
	parse_text("[1,2]\n{\"title\":5,\"body\":\"b\",\"date\":\"2025-01-01\"}\n\"text\"\n", &r);
	cr_assert_eq(r.nitems, 0);
	cr_assert_eq(r.nerrors, 3);
	cr_assert(strstr(r.errors[1], "title"), "%s", r.errors[1]);
	recorder_free(&r);
}

Test(jsonl, invalid_utf8_and_embedded_nul_are_errors)
{
	struct recorder r;
	parse_text("{\"title\":\"\xff\",\"body\":\"b\",\"date\":\"2025-01-01\"}\n"
		   "{\"title\":\"a\\u0000b\",\"body\":\"b\",\"date\":\"2025-01-01\"}\n",
		   &r);
	cr_assert_eq(r.nitems, 0);
	cr_assert_eq(r.nerrors, 2);
	cr_assert(strstr(r.errors[0], "UTF-8"));
	cr_assert(strstr(r.errors[1], "NUL"));
	recorder_free(&r);
}

Test(jsonl, duplicate_keys_are_rejected)
{
	struct recorder r;
	parse_text("{\"title\":\"a\",\"title\":\"b\",\"body\":\"b\",\"date\":\"2025-01-01\"}\n", &r);
	cr_assert_eq(r.nerrors, 1);
	recorder_free(&r);
}
