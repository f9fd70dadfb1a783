/* encoding: which content-coding a response is sent in (from the request's
 * Accept-Encoding), whether its type is worth compressing, and compressing it. */
#ifndef ZS_HTTP_ENCODING_H
#define ZS_HTTP_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

enum encoding { ENCODING_IDENTITY, ENCODING_GZIP, ENCODING_BR, ENCODING__MAX };

/* The registered token of e (below ENCODING__MAX), static: "gzip" and "br"
 * are Content-Encoding values; "identity" is for logs only, since a response
 * in identity has no Content-Encoding header (RFC 9110 §8.4.1). */
const char *encoding_name(enum encoding e);

/* The coding to answer a request whose Accept-Encoding header value is
 * accept_encoding (NULL when the header is absent). Follows RFC 9110
 * §12.5.3: the acceptable coding with the highest weight wins, ties going to
 * br, then gzip, then identity; an element with a malformed weight is
 * ignored; identity not named counts only when nothing else is acceptable.
 * Never fails: anything unusable gives ENCODING_IDENTITY. Reads only up to
 * the terminating NUL and allocates nothing. */
enum encoding encoding_negotiate(const char *accept_encoding);

/* Whether a body of this Content-Type value (parameters ignored, NULL
 * allowed) is text that compresses well: any text type, JSON, XML, Atom,
 * SVG and JavaScript. Other images, fonts and archives are compressed
 * already. */
bool encoding_compressible(const char *content_type);

/* Appends data (len bytes, data may be NULL when len is 0) to out in coding
 * e: a gzip member, a brotli stream, or a copy for identity. Returns 0, or
 * -1 after logging why (a library failure, an input too large for one pass,
 * or e out of range), with out->len unchanged. */
int encoding_compress(enum encoding e, const void *data, size_t len, struct buf *out)
	__attribute__((warn_unused_result));

#endif
