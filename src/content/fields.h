/* fields: the rules for what people type into the site's forms — each
 * field's kind, whether it is required, its length — and the checks that
 * turn raw form values into clean ones or a Chinese message per field.
 * One table of rules per form (see content/submission.h). */
#ifndef ZS_CONTENT_FIELDS_H
#define ZS_CONTENT_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "util/str.h"

enum field_kind {
	FIELD_LINE,     /* one line of text */
	FIELD_TEXT,     /* several lines (CRLF becomes LF) */
	FIELD_DISTRICT, /* a district slug, e.g. "pudong" */
	FIELD_INDUSTRY, /* a focus-industry slug, e.g. "ic" */
	FIELD_CONTACT,  /* a phone number or an e-mail address */
	FIELD_SOURCE,   /* a source's name (200 characters at most), or an http(s) link to it */
	FIELD_PHONE,    /* a phone number (field_is_phone) */
	FIELD_EMAIL,    /* an e-mail address (field_is_email) */
	FIELD_WEBSITE,  /* an http(s) address */
	FIELD_CREDIT_CODE, /* a unified social credit code (content/credit_code.h) */
	FIELD_PLACE,    /* a district slug, or "outside" (not yet in Shanghai) */
	FIELD_SECTOR,   /* a GB/T 4754 section or focus industry (content/sector.h) */
	FIELD_CHOICE,   /* one of choices, by value */
	FIELD_CHOICES,  /* any of choices: the values joined by commas, each once */
	FIELD_DISTRICTS, /* any district slugs (checkboxes), joined by commas, each once */
	FIELD_INDUSTRIES, /* any focus-industry slugs, joined by commas, each once */
	FIELD_NUMBER,   /* a whole decimal number from 1 (a revision, an id) */
};

/* True for the kinds a form sends as several values of one name. */
bool field_is_multiple(enum field_kind kind);

/* An option of a FIELD_CHOICE or FIELD_CHOICES field. */
struct choice {
	const char *value; /* sent by the form, e.g. "office" */
	const char *label; /* shown, e.g. "办公" */
};

struct field_rule {
	const char *name;  /* the form field, e.g. "title" */
	const char *label; /* as the form shows it, e.g. "标题" */
	enum field_kind kind;
	bool required;
	size_t max_chars;  /* code points */
	const struct choice *choices; /* for FIELD_CHOICE(S) */
	size_t nchoices;
	size_t max_items;  /* for the multiple kinds: how many at most (0: any) */
};

/* The label of value among rule's choices, or NULL. */
const char *field_choice_label(const struct field_rule *rule, const char *value);

enum { FIELDS_MAX = 16 };

/* Values after fields_check: trimmed (NULL when empty), and for each field
 * that is wrong one sentence saying what to do. */
struct field_values {
	const char *value[FIELDS_MAX];
	const char *error[FIELDS_MAX];
	const char *note[FIELDS_MAX]; /* what fields_check corrected in a value it took, or NULL */
	size_t nerrors;
	const char *problem; /* a sentence about the form as a whole (its page had expired), or NULL;
			      * set by the caller, shown above the fields' errors */
};

/* Checks raw[i] (NULL when the field was not sent) against rules[i], for n
 * rules (n <= FIELDS_MAX). What can only have been meant one way is
 * corrected first, and the value taken with a note saying so: full-width
 * letters, digits and signs (Ａ１＠．, typed with a Chinese input method)
 * in phone numbers, e-mail addresses, contacts, websites and credit codes;
 * 。 for . in an address; a website without its scheme (www.example.cn)
 * as https://; a credit code's lower-case letters. Values that fail keep
 * what was typed, so a form can show it again. Strings live in arena.
 * Returns out->nerrors. */
size_t fields_check(const struct field_rule *rules, size_t n, const char *const raw[], struct arena *arena,
		    struct field_values *out);

/* A mainland mobile (13812345678, +86 138 1234 5678) or landline with its
 * area code (021-6123 4567, (021)61234567), with an optional extension. */
bool field_is_phone(struct str s);
/* A plausible e-mail address: one @, a local part, a dotted domain. */
bool field_is_email(struct str s);

#endif
