/* enterprise: the enterprise registration form (企业入驻) — its fields and
 * their rules, what an enterprise may be seeking, and where it is. */
#ifndef ZS_CONTENT_ENTERPRISE_H
#define ZS_CONTENT_ENTERPRISE_H

#include "content/fields.h"
#include "store/enterprises.h"

/* The form's fields, in the order of enterprise_fields[]. */
enum enterprise_field {
	ENT_NAME,
	ENT_CREDIT_CODE,
	ENT_INDUSTRY,     /* a sector slug (content/sector.h) */
	ENT_DISTRICT,     /* a district slug, or "outside" */
	ENT_SEEKING,      /* seeking choices, comma-joined */
	ENT_DESCRIPTION,
	ENT_WEBSITE,
	ENT_CONTACT_NAME,
	ENT_PHONE,
	ENT_EMAIL,
	ENT__COUNT,
};

extern const struct field_rule enterprise_fields[ENT__COUNT];

/* Checks raw values against enterprise_fields, and that a phone or an
 * e-mail address is given; a valid credit code is given in its canonical
 * form. As fields_check. */
size_t enterprise_check(const char *const raw[ENT__COUNT], struct arena *arena, struct field_values *out);

/* Values that passed enterprise_check as the enterprise they describe
 * (pointing into v). */
struct enterprise enterprise_from_values(const struct field_values *v, const char *client_ip);

/* The fields e sets itself, in the order of enterprise_fields[] (strings
 * of e; NULL when empty, as fields_check gives them). */
void enterprise_values_of(const struct enterprise *e, const char *out[ENT__COUNT]);

/* Which of the fields an enterprise sets itself differ between a and b
 * (into changed, unless it is NULL); how many do. */
size_t enterprise_changes(const struct enterprise *a, const struct enterprise *b, bool changed[ENT__COUNT]);

/* "浦东新区" for a district slug, "尚未落户上海" for "outside", NULL for
 * anything else (a district's name is not its slug). */
const char *enterprise_place_name(const char *district);

/* The Chinese labels of a comma-joined seeking value, joined by "、"
 * (in arena); "" for none. */
const char *enterprise_seeking_labels(const char *seeking, struct arena *arena);

#endif
