/* enterprise: the registration and contact forms' rules. */
#include "content/enterprise.h"

#include <string.h>

#include "content/credit_code.h"
#include "content/district.h"
#include "util/buf.h"

static const struct choice seeking_choices[] = {
	{ "site", "选址" },      { "office", "办公" },  { "factory", "厂房" },
	{ "funding", "融资" },   { "policy", "政策咨询" }, { "talent", "人才" },
};

const struct field_rule enterprise_fields[ENT__COUNT] = {
	[ENT_NAME] = { .name = "name", .label = "企业名称", .kind = FIELD_LINE, .required = true, .max_chars = 100 },
	[ENT_CREDIT_CODE] = { .name = "credit_code", .label = "统一社会信用代码", .kind = FIELD_CREDIT_CODE,
			      .required = true, .max_chars = 40 },
	[ENT_INDUSTRY] = { .name = "industry", .label = "所属行业", .kind = FIELD_SECTOR, .required = true,
			   .max_chars = 16 },
	[ENT_DISTRICT] = { .name = "district", .label = "所在区", .kind = FIELD_PLACE, .required = true,
			   .max_chars = 16 },
	[ENT_SEEKING] = { .name = "seeking", .label = "需求", .kind = FIELD_CHOICES, .max_chars = 100,
			  .choices = seeking_choices, .nchoices = sizeof(seeking_choices) / sizeof(seeking_choices[0]) },
	[ENT_DESCRIPTION] = { .name = "description", .label = "企业简介", .kind = FIELD_TEXT, .max_chars = 2000 },
	[ENT_WEBSITE] = { .name = "website", .label = "网站", .kind = FIELD_WEBSITE, .max_chars = 2000 },
	[ENT_CONTACT_NAME] = { .name = "contact_name", .label = "联系人", .kind = FIELD_LINE, .required = true,
			       .max_chars = 50 },
	[ENT_PHONE] = { .name = "phone", .label = "联系电话", .kind = FIELD_PHONE, .max_chars = 40 },
	[ENT_EMAIL] = { .name = "email", .label = "电子邮箱", .kind = FIELD_EMAIL, .max_chars = 254 },
};

size_t enterprise_check(const char *const raw[ENT__COUNT], struct arena *arena, struct field_values *out)
{
	fields_check(enterprise_fields, ENT__COUNT, raw, arena, out);
	/* Kept in its canonical form (spaces removed), as it is compared. */
	if (out->value[ENT_CREDIT_CODE] && !out->error[ENT_CREDIT_CODE]) {
		struct credit_code_result cc = credit_code_check(out->value[ENT_CREDIT_CODE]);
		out->value[ENT_CREDIT_CODE] = arena_strdup(arena, cc.code);
	}
	if (!out->value[ENT_PHONE] && !out->value[ENT_EMAIL] && !out->error[ENT_PHONE] && !out->error[ENT_EMAIL]) {
		out->error[ENT_PHONE] = "请至少填写联系电话或电子邮箱中的一项。";
		out->nerrors++;
	}
	return out->nerrors;
}

struct enterprise enterprise_from_values(const struct field_values *v, const char *client_ip)
{
	return (struct enterprise){
		.name = v->value[ENT_NAME],
		.credit_code = v->value[ENT_CREDIT_CODE],
		.industry = v->value[ENT_INDUSTRY],
		.district = v->value[ENT_DISTRICT],
		.seeking = v->value[ENT_SEEKING] ? v->value[ENT_SEEKING] : "",
		.description = v->value[ENT_DESCRIPTION],
		.website = v->value[ENT_WEBSITE],
		.contact_name = v->value[ENT_CONTACT_NAME],
		.phone = v->value[ENT_PHONE],
		.email = v->value[ENT_EMAIL],
		.client_ip = client_ip,
	};
}

void enterprise_values_of(const struct enterprise *e, const char *out[ENT__COUNT])
{
	const char *values[ENT__COUNT] = {
		[ENT_NAME] = e->name,		[ENT_CREDIT_CODE] = e->credit_code,   [ENT_INDUSTRY] = e->industry,
		[ENT_DISTRICT] = e->district,	[ENT_SEEKING] = e->seeking,	      [ENT_DESCRIPTION] = e->description,
		[ENT_WEBSITE] = e->website,	[ENT_CONTACT_NAME] = e->contact_name, [ENT_PHONE] = e->phone,
		[ENT_EMAIL] = e->email,
	};
	for (size_t i = 0; i < ENT__COUNT; i++)
		out[i] = values[i] && *values[i] ? values[i] : NULL;
}

size_t enterprise_changes(const struct enterprise *a, const struct enterprise *b, bool changed[ENT__COUNT])
{
	const char *x[ENT__COUNT], *y[ENT__COUNT];
	enterprise_values_of(a, x);
	enterprise_values_of(b, y);
	size_t n = 0;
	for (size_t i = 0; i < ENT__COUNT; i++) {
		bool differ = (x[i] == NULL) != (y[i] == NULL) || (x[i] && strcmp(x[i], y[i]));
		if (changed)
			changed[i] = differ;
		n += differ;
	}
	return n;
}

const char *enterprise_place_name(const char *district)
{
	if (district && !strcmp(district, "outside"))
		return "尚未落户上海";
	const struct district *d = district ? district_lookup(str_from(district)) : NULL;
	return d && !strcmp(d->slug, district) ? d->name : NULL;
}

const char *enterprise_seeking_labels(const char *seeking, struct arena *arena)
{
	struct buf *out = arena_buf(arena);
	char *copy = arena_strdup(arena, seeking ? seeking : ""), *save = NULL;
	for (char *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		const char *label = field_choice_label(&enterprise_fields[ENT_SEEKING], item);
		if (label)
			buf_printf(out, "%s%s", out->len ? "、" : "", label);
	}
	return buf_cstr(out);
}
