/* libFuzzer driver: template compilation and rendering on any bytes. The
 * first line is a second template the first may include as "part". */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "views/template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const char *nl = memchr(text, '\n', size);
	size_t first = nl ? (size_t)(nl - text) : size;
	struct tpl_source src[] = {
		{ "page", { text + (nl ? first + 1 : size), nl ? size - first - 1 : 0 } },
		{ "part", { text, first } },
	};
	struct tpl_set *set;
	struct buf err = { 0 }, out = { 0 };
	if (tpl_set_compile(src, 2, &set, &err) == 0) {
		struct arena *a = arena_new();
		struct tv *d = tv_object(a);
		tv_put_str(d, "title", "\x02<标题>\x03");
		tv_put_int(d, "n", 3);
		struct tv *list = tv_put_list(d, "items");
		tv_put_str(tv_list_add_object(list), "name", "a&b");
		tv_put_bool(tv_list_add_object(list), "current", true);
		if (tpl_render(set, "page", d, &out) != 0)
			__builtin_trap();
		/* Values are always escaped. Only the title value brings \x02, so
		 * unless the templates hold that byte themselves, "\x02<" in the
		 * output would be the value inserted raw. */
		if (!memchr(text, '\x02', size) && memmem(out.data ? out.data : "", out.len, "\x02<", 2))
			__builtin_trap();
		arena_free(a);
		tpl_set_free(set);
	}
	buf_free(&err);
	buf_free(&out);
	return 0;
}
