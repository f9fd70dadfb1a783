/* template: Mustache-style HTML templates, compiled once at start-up.
 *
 * Syntax: {{name}} inserts a value escaped as its type says — text
 * HTML-escaped, JSON (tv_put_json) for a <script> data block — and there is
 * no unescaped form: templates cannot emit raw data; {{#name}}…{{/name}} repeats for each item of
 * a list, enters an object, or shows once for a true value; {{^name}}…{{/name}}
 * shows when the value is missing, false, 0, "" or an empty list; {{> other}}
 * includes another template; {{! comment}}. Names may be dotted (a.b) and are
 * looked up from the innermost section outwards; {{.}} is the current item. */
#ifndef ZS_VIEWS_TEMPLATE_H
#define ZS_VIEWS_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/str.h"

struct tpl_set;
struct tv;

struct tpl_source {
	const char *name; /* e.g. "home" for templates/home.html; copied */
	struct str text;  /* not copied: must stay valid while the set lives */
};

/* Compiles all sources; partials may refer to any of them. On error returns -1
 * with "name:line: problem" in err and *out unset. */
int tpl_set_compile(const struct tpl_source *sources, size_t n, struct tpl_set **out, struct buf *err)
	__attribute__((warn_unused_result));
void tpl_set_free(struct tpl_set *set);

/* Appends template name rendered with data to out; -1 if there is no such template. */
int tpl_render(const struct tpl_set *set, const char *name, const struct tv *data, struct buf *out)
	__attribute__((warn_unused_result));

/* Values handed to templates: a tree built in an arena. Strings are not
 * copied: they must live as long as the arena (allocate them there). A NULL
 * string is the empty string. */
struct tv *tv_object(struct arena *a);
void tv_put_str(struct tv *obj, const char *key, const char *value);
void tv_put_strn(struct tv *obj, const char *key, const char *value, size_t len);
/* A JSON document for a <script type="application/ld+json"> block: < > &
 * are written as \u escapes, so no text inside it can end the script.
 * Only for there: quotes are left as they are, unfit for an attribute. */
void tv_put_json(struct tv *obj, const char *key, const char *json);
void tv_put_int(struct tv *obj, const char *key, long long value);
void tv_put_bool(struct tv *obj, const char *key, bool value);
/* Returns the new, empty child list or object. */
struct tv *tv_put_list(struct tv *obj, const char *key);
struct tv *tv_put_object(struct tv *obj, const char *key);
/* Appends a new, empty object to a list and returns it. */
struct tv *tv_list_add_object(struct tv *list);

#endif
