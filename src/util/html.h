/* html: the one escaping path for text placed in HTML (and XML) documents. */
#ifndef ZS_UTIL_HTML_H
#define ZS_UTIL_HTML_H

#include <stddef.h>

#include "util/buf.h"

/* Appends p escaped for HTML text and for quoted attribute values:
 * & < > " ' become entities. Safe in both contexts, so templates need only one.
 * The same serves XML (feeds, sitemaps): control characters XML 1.0 does not
 * allow (C0 but tab, LF, CR; U+FFFE, U+FFFF) become U+FFFD. */
void html_escape(struct buf *out, const char *p, size_t n);

/* Appends JSON text p for a <script> data block in HTML: < > & become
 * \u003c \u003e \u0026 (they occur only inside JSON strings, where the
 * escapes mean the same), so "</script>" or "<!--" cannot appear. */
void script_json_escape(struct buf *out, const char *p, size_t n);

/* Appends p percent-encoded for a URL query value (RFC 3986 unreserved
 * characters pass through). */
void url_escape(struct buf *out, const char *p, size_t n);

#endif
