/* forms: what every page with a form adds to its data — the fields with
 * their values and messages, the error summary, and the district and
 * industry options. */
#include <string.h>

#include "content/district.h"
#include "content/industry.h"
#include "views/views_internal.h"

void page_add_form(struct tv *data, const struct field_rule *rules, size_t n, const struct field_values *values)
{
	struct tv *f = tv_put_object(data, "f");
	struct tv *errors = tv_put_list(data, "errors");
	for (size_t i = 0; i < n; i++) {
		struct tv *field = tv_put_object(f, rules[i].name);
		tv_put_int(field, "max", (long long)rules[i].max_chars);
		if (!values)
			continue;
		tv_put_str(field, "value", values->value[i]);
		tv_put_str(field, "note", values->note[i]);
		if (!values->error[i])
			continue;
		tv_put_str(field, "error", values->error[i]);
		struct tv *e = tv_list_add_object(errors);
		tv_put_str(e, "name", rules[i].name);
		tv_put_str(e, "message", values->error[i]);
	}
	tv_put_str(data, "form_problem", values ? values->problem : NULL);
	tv_put_bool(data, "has_field_errors", values && values->nerrors);
	tv_put_bool(data, "has_errors", values && (values->nerrors || values->problem));
}

void page_add_tag_options(struct tv *data, const char *district, const char *industry)
{
	struct tv *list = tv_put_list(data, "district_options");
	for (size_t i = 0; i < DISTRICT_COUNT; i++) {
		struct tv *o = tv_list_add_object(list);
		tv_put_str(o, "slug", districts[i].slug);
		tv_put_str(o, "name", districts[i].name);
		tv_put_bool(o, "selected", district && !strcmp(district, districts[i].slug));
	}
	list = tv_put_list(data, "industry_options");
	for (size_t i = 0; i < INDUSTRY_COUNT; i++) {
		struct tv *o = tv_list_add_object(list);
		tv_put_str(o, "slug", industries[i].slug);
		tv_put_str(o, "name", industries[i].name);
		tv_put_bool(o, "selected", industry && !strcmp(industry, industries[i].slug));
	}
}
