/* Unit tests for views/template: escaping by default, sections, partials,
 * and compile errors that name the template and line. */
#include <criterion/criterion.h>
#include <string.h>

#include "views/template.h"

static struct tpl_set *compile(const struct tpl_source *src, size_t n)
{
	struct buf err = { 0 };
	struct tpl_set *set = NULL;
	cr_assert_eq(tpl_set_compile(src, n, &set, &err), 0, "compile failed: %s", buf_cstr(&err));
	buf_free(&err);
	return set;
}

static char *render1(const char *text, const struct tv *data)
{
	struct tpl_source src = { "t", str_from(text) };
	struct tpl_set *set = compile(&src, 1);
	struct buf out = { 0 };
	cr_assert_eq(tpl_render(set, "t", data, &out), 0);
	tpl_set_free(set);
	return buf_detach(&out);
}

static char *compile_error(const char *text)
{
	struct tpl_source src = { "bad", str_from(text) };
	struct tpl_set *set = NULL;
	struct buf err = { 0 };
	cr_assert_eq(tpl_set_compile(&src, 1, &set, &err), -1, "compiled: %s", text);
	cr_assert_null(set);
	return buf_detach(&err);
}

Test(template, variables_are_escaped)
{
	struct arena *a = arena_new();
	struct tv *d = tv_object(a);
	tv_put_str(d, "title", "<script>alert('x')</script> & “引号”");
	char *out = render1("<h1>{{title}}</h1>", d);
	cr_assert_str_eq(out, "<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; “引号”</h1>");
	free(out);
	arena_free(a);
}

Test(template, triple_braces_do_not_bypass_escaping)
{
	struct arena *a = arena_new();
	struct tv *d = tv_object(a);
	tv_put_str(d, "x", "<b>");
	char *err = compile_error("{{{x}}}");
	cr_assert(strstr(err, "bad:1"), "%s", err);
	free(err);
	arena_free(a);
}

Test(template, missing_values_render_as_nothing)
{
	struct arena *a = arena_new();
	char *out = render1("[{{nothing}}]", tv_object(a));
	cr_assert_str_eq(out, "[]");
	free(out);
	arena_free(a);
}

Test(template, sections_repeat_over_lists_and_see_outer_names)
{
	struct arena *a = arena_new();
	struct tv *d = tv_object(a);
	tv_put_str(d, "base", "/d");
	struct tv *list = tv_put_list(d, "items");
	for (int i = 1; i <= 3; i++)
		tv_put_int(tv_list_add_object(list), "n", i);
	char *out = render1("{{#items}}<a href=\"{{base}}?page={{n}}\">{{n}}</a>{{/items}}", d);
	cr_assert_str_eq(out, "<a href=\"/d?page=1\">1</a><a href=\"/d?page=2\">2</a><a href=\"/d?page=3\">3</a>");
	free(out);
	arena_free(a);
}

Test(template, inverted_sections_show_for_empty_and_false)
{
	struct arena *a = arena_new();
	struct tv *d = tv_object(a);
	tv_put_list(d, "empty");
	tv_put_bool(d, "no", false);
	tv_put_int(d, "zero", 0);
	tv_put_str(d, "blank", "");
	char *out = render1("{{^empty}}a{{/empty}}{{^no}}b{{/no}}{{^zero}}c{{/zero}}{{^blank}}d{{/blank}}"
			    "{{#empty}}X{{/empty}}{{#no}}Y{{/no}}",
			    d);
	cr_assert_str_eq(out, "abcd");
	free(out);
	arena_free(a);
}

Test(template, dotted_names_and_current_item)
{
	struct arena *a = arena_new();
	struct tv *d = tv_object(a);
	struct tv *o = tv_put_object(d, "newer");
	tv_put_str(o, "title", "上一篇");
	tv_put_str(d, "word", "x<y");
	char *out = render1("{{newer.title}}|{{#word}}{{.}}{{/word}}", d);
	cr_assert_str_eq(out, "上一篇|x&lt;y");
	free(out);
	arena_free(a);
}

Test(template, partials_render_with_the_callers_data)
{
	struct arena *a = arena_new();
	struct tv *d = tv_object(a);
	tv_put_str(d, "name", "静安");
	struct tpl_source src[] = { { "page", STR_LIT("<p>{{> part}}</p>") }, { "part", STR_LIT("{{name}}区") } };
	struct tpl_set *set = compile(src, 2);
	struct buf out = { 0 };
	cr_assert_eq(tpl_render(set, "page", d, &out), 0);
	cr_assert_str_eq(buf_cstr(&out), "<p>静安区</p>");
	cr_assert_eq(tpl_render(set, "nope", d, &out), -1);
	buf_free(&out);
	tpl_set_free(set);
	arena_free(a);
}

Test(template, mutually_including_partials_terminate)
{
	struct arena *a = arena_new();
	struct tpl_source src[] = { { "a", STR_LIT("a{{> b}}") }, { "b", STR_LIT("b{{> a}}") } };
	struct tpl_set *set = compile(src, 2);
	struct buf out = { 0 };
	cr_assert_eq(tpl_render(set, "a", tv_object(a), &out), 0);
	cr_assert(out.len < 200, "runaway include: %zu bytes", out.len);
	buf_free(&out);
	tpl_set_free(set);
	arena_free(a);
}

Test(template, compile_errors_name_template_and_line)
{
	char *e = compile_error("line1\n{{#open}}never closed");
	cr_assert(strstr(e, "bad:2"), "%s", e);
	free(e);
	e = compile_error("{{#a}}{{/b}}");
	cr_assert(strstr(e, "bad:1"), "%s", e);
	free(e);
	e = compile_error("x\ny\n{{unterminated");
	cr_assert(strstr(e, "bad:3"), "%s", e);
	free(e);
	e = compile_error("{{> missing}}");
	cr_assert(strstr(e, "missing"), "%s", e);
	free(e);
	e = compile_error("{{bad name}}");
	cr_assert(strstr(e, "bad:1"), "%s", e);
	free(e);
}

Test(template, null_strings_render_as_empty)
{
	struct arena *a = arena_new();
	struct tv *d = tv_object(a);
	tv_put_str(d, "from", NULL);
	char *out = render1("<input value=\"{{from}}\">{{#from}}X{{/from}}", d);
	cr_assert_str_eq(out, "<input value=\"\">");
	free(out);
	arena_free(a);
}
