/* html: escaping by copying runs of safe bytes between the special ones. */
#include "util/html.h"

void html_escape(struct buf *out, const char *p, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		const char *entity;
		switch (p[i]) {
		case '&': entity = "&amp;"; break;
		case '<': entity = "&lt;"; break;
		case '>': entity = "&gt;"; break;
		case '"': entity = "&quot;"; break;
		case '\'': entity = "&#39;"; break;
		case '\t': case '\n': case '\r': continue;
		case '\xef':
			/* U+FFFE and U+FFFF: EF BF BE, EF BF BF. */
			if (i + 2 < n && p[i + 1] == '\xbf' && (p[i + 2] == '\xbe' || p[i + 2] == '\xbf')) {
				buf_append(out, p + run, i - run);
				buf_puts(out, "\xef\xbf\xbd");
				i += 2;
				run = i + 1;
			}
			continue;
		default:
			if ((unsigned char)p[i] >= 0x20)
				continue;
			entity = "\xef\xbf\xbd"; /* U+FFFD */
		}
		buf_append(out, p + run, i - run);
		buf_puts(out, entity);
		run = i + 1;
	}
	buf_append(out, p + run, n - run);
}

void url_escape(struct buf *out, const char *p, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
		    c == '.' || c == '_' || c == '~') {
			buf_putc(out, (char)c);
		} else {
			char enc[3] = { '%', hex[c >> 4], hex[c & 15] };
			buf_append(out, enc, 3);
		}
	}
}

void script_json_escape(struct buf *out, const char *p, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		const char *escape;
		switch (p[i]) {
		case '<': escape = "\\u003c"; break;
		case '>': escape = "\\u003e"; break;
		case '&': escape = "\\u0026"; break;
		default: continue;
		}
		buf_append(out, p + run, i - run);
		buf_puts(out, escape);
		run = i + 1;
	}
	buf_append(out, p + run, n - run);
}
