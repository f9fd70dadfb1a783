/* Unit tests for api/openapi.json against the route table: every API
 * route is documented, and the document names no path that is not served. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <string.h>

#include "http/router.h"
#include "util/assets.h"

static json_t *paths(void)
{
	const struct asset *a = asset_find("api/openapi.json");
	cr_assert_not_null(a, "the document is built into the binary");
	json_error_t err;
	json_t *doc = json_loadb(a->data, a->len, 0, &err);
	cr_assert_not_null(doc, "openapi.json does not parse: %s (line %d)", err.text, err.line);
	json_t *p = json_incref(json_object_get(doc, "paths"));
	json_decref(doc);
	return p;
}

/* "/api/v1/articles/{}" as the document writes it: "/articles/{id}". */
static void documented_form(const char *pattern, char *out, size_t size)
{
	const char *p = pattern + strlen("/api/v1");
	size_t n = 0;
	for (; *p && n + 5 < size; p++) {
		if (p[0] == '{' && p[1] == '}') {
			memcpy(out + n, "{id}", 4);
			n += 4;
			p++;
		} else {
			out[n++] = *p;
		}
	}
	out[n] = '\0';
}

Test(openapi, every_api_route_is_documented)
{
	json_t *doc_paths = paths();
	size_t api_routes = 0;
	for (size_t i = 0; router_pattern(i); i++) {
		const char *pattern = router_pattern(i);
		if (strncmp(pattern, "/api/v1/", 8))
			continue;
		char path[256];
		documented_form(pattern, path, sizeof(path));
		cr_assert_not_null(json_object_get(doc_paths, path), "%s is served but not documented", pattern);
		api_routes++;
	}
	cr_assert_eq(json_object_size(doc_paths), api_routes, "the document names only served paths");
	json_decref(doc_paths);
}
