/* encoding: Accept-Encoding read in place one list element at a time;
 * compression in one pass into room reserved for the worst case. */
#define ZLIB_CONST /* next_in as const, so data needs no cast */
#include "http/encoding.h"

#include <brotli/encode.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <zlib.h>

#include "util/log.h"
#include "util/str.h"

/* Weights are kept in thousandths, the precision a qvalue has. */
enum { Q_MAX = 1000, Q_UNNAMED = -1 };

/* zlib's defaults (level 6, memLevel 8) with its gzip wrapper (+16); brotli
 * at quality 5, which usually beats gzip -6 at a similar speed, where the
 * higher qualities cost too much to pay on a response. */
enum { GZIP_LEVEL = 6, GZIP_WINDOW_BITS = 15 + 16, GZIP_MEM_LEVEL = 8, BR_QUALITY = 5, BR_LGWIN = 22 };

static const char *const encoding_names[ENCODING__MAX] = {
	[ENCODING_IDENTITY] = "identity",
	[ENCODING_GZIP] = "gzip",
	[ENCODING_BR] = "br",
};

const char *encoding_name(enum encoding e)
{
	return encoding_names[e];
}

static bool is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/* RFC 9110 §5.6.2 tchar. */
static bool is_tchar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c != '\0' && strchr("!#$%&'*+-.^_`|~", c));
}

static struct str trim_ows(struct str s)
{
	while (s.len && is_ows(s.p[0]))
		s.p++, s.len--;
	while (s.len && is_ows(s.p[s.len - 1]))
		s.len--;
	return s;
}

/* Whether s is lower (given in lower case) in any ASCII case: tokens and
 * media types are case-insensitive, and strcasecmp would need a C string
 * and follow the locale. */
static bool eq_nocase(struct str s, const char *lower)
{
	size_t n = strlen(lower);
	if (s.len != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s.p[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != lower[i])
			return false;
	}
	return true;
}

/* A qvalue (RFC 9110 §12.4.2), "0" to "0.999" or "1" to "1.000" with at
 * most three decimals, in thousandths; false on anything else. */
static bool parse_qvalue(struct str s, int *out)
{
	if (s.len == 0 || s.len > 5 || (s.p[0] != '0' && s.p[0] != '1'))
		return false;
	int q = (s.p[0] - '0') * Q_MAX;
	if (s.len > 1 && s.p[1] != '.')
		return false;
	int scale = Q_MAX / 10;
	for (size_t i = 2; i < s.len; i++, scale /= 10) {
		if (s.p[i] < '0' || s.p[i] > '9')
			return false;
		q += (s.p[i] - '0') * scale;
	}
	if (q > Q_MAX)
		return false;
	*out = q;
	return true;
}

/* One list element, "coding" or "coding;q=value" with optional whitespace
 * around the ';'. False for an empty or malformed element, which the list
 * then ignores as a whole: a weight we cannot read could have meant q=0. */
static bool parse_element(struct str e, struct str *coding, int *q)
{
	e = trim_ows(e);
	size_t n = 0;
	while (n < e.len && is_tchar(e.p[n]))
		n++;
	if (n == 0)
		return false;
	*coding = (struct str){ e.p, n };
	struct str rest = trim_ows((struct str){ e.p + n, e.len - n });
	if (rest.len == 0) {
		*q = Q_MAX;
		return true;
	}
	if (rest.p[0] != ';')
		return false;
	rest = trim_ows((struct str){ rest.p + 1, rest.len - 1 });
	if (rest.len < 2 || (rest.p[0] != 'q' && rest.p[0] != 'Q') || rest.p[1] != '=')
		return false;
	return parse_qvalue((struct str){ rest.p + 2, rest.len - 2 }, q);
}

/* Records coding's weight in named[] or *wildcard; codings we cannot
 * produce (deflate, zstd, ...) do not matter. */
static void note_coding(struct str coding, int q, int named[ENCODING__MAX], int *wildcard)
{
	int *slot = NULL;
	if (eq_nocase(coding, "*"))
		slot = wildcard;
	else if (eq_nocase(coding, "x-gzip")) /* RFC 9110 §8.4.1.3: same as gzip */
		slot = &named[ENCODING_GZIP];
	for (int e = 0; !slot && e < ENCODING__MAX; e++)
		if (eq_nocase(coding, encoding_names[e]))
			slot = &named[e];
	/* Named twice (or as gzip and x-gzip): the client can decode it, so the
	 * higher weight counts. */
	if (slot && q > *slot)
		*slot = q;
}

enum encoding encoding_negotiate(const char *accept_encoding)
{
	int named[ENCODING__MAX] = { Q_UNNAMED, Q_UNNAMED, Q_UNNAMED };
	int wildcard = Q_UNNAMED;
	struct str rest = str_from(accept_encoding);
	while (rest.len) {
		const char *comma = memchr(rest.p, ',', rest.len);
		size_t n = comma ? (size_t)(comma - rest.p) : rest.len;
		struct str coding;
		int q;
		if (parse_element((struct str){ rest.p, n }, &coding, &q))
			note_coding(coding, q, named, &wildcard);
		size_t used = n + (comma != NULL);
		rest.p += used;
		rest.len -= used;
	}

	/* A coding takes its own weight, else the wildcard's; named nowhere, it
	 * is not acceptable (weight 0). Identity is acceptable by default
	 * (RFC 9110 §12.5.3), but left at 0 here it is chosen only when nothing
	 * else is: "gzip;q=0.5" asks for gzip, not for identity at an implied 1.
	 * Listing in preference order and taking only a strictly higher weight
	 * breaks ties towards br, then gzip, then identity. */
	static const enum encoding preference[] = { ENCODING_BR, ENCODING_GZIP, ENCODING_IDENTITY };
	enum encoding best = ENCODING_IDENTITY;
	int best_q = 0;
	for (size_t i = 0; i < sizeof(preference) / sizeof(preference[0]); i++) {
		enum encoding e = preference[i];
		int q = named[e] != Q_UNNAMED ? named[e] : wildcard != Q_UNNAMED ? wildcard : 0;
		if (q > best_q) {
			best = e;
			best_q = q;
		}
	}
	/* best_q 0: no coding was asked for, so identity, which is right unless
	 * identity was refused too ("identity;q=0", or "*;q=0" not naming it).
	 * RFC 9110 allows 406 Not Acceptable then; we send identity anyway,
	 * since a page the client may still show beats an error page it
	 * certainly cannot use. */
	return best;
}

bool encoding_compressible(const char *content_type)
{
	static const char *const types[] = { "application/json", "application/xml", "application/atom+xml",
					     "image/svg+xml", "application/javascript" };
	struct str t = str_from(content_type);
	const char *semicolon = t.len ? memchr(t.p, ';', t.len) : NULL;
	if (semicolon)
		t.len = (size_t)(semicolon - t.p);
	t = trim_ows(t);
	if (t.len > 5 && eq_nocase((struct str){ t.p, 5 }, "text/"))
		return true;
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (eq_nocase(t, types[i]))
			return true;
	return false;
}

static int compress_gzip(const void *data, size_t len, struct buf *out)
{
	/* zlib counts in uInt: one pass needs the input, and the worst-case
	 * output below, to fit in one. */
	if (len > UINT_MAX) {
		log_error("encoding: %zu bytes are too many to gzip in one pass", len);
		return -1;
	}
	z_stream z = { 0 };
	int zrc = deflateInit2(&z, GZIP_LEVEL, Z_DEFLATED, GZIP_WINDOW_BITS, GZIP_MEM_LEVEL, Z_DEFAULT_STRATEGY);
	if (zrc != Z_OK) {
		log_error("encoding: deflateInit2 failed (%d)", zrc);
		return -1;
	}
	int rc = -1;
	uLong bound = deflateBound(&z, len);
	if (bound > UINT_MAX) {
		log_error("encoding: %zu bytes are too many to gzip in one pass", len);
		goto out;
	}
	buf_reserve(out, bound);
	z.next_in = data;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)out->data + out->len;
	z.avail_out = (uInt)bound;
	zrc = deflate(&z, Z_FINISH);
	if (zrc != Z_STREAM_END) {
		log_error("encoding: deflate of %zu bytes did not finish (%d: %s)", len, zrc, z.msg ? z.msg : "no message");
		out->data[out->len] = '\0'; /* deflate may have written over it */
		goto out;
	}
	out->len += z.total_out;
	out->data[out->len] = '\0';
	rc = 0;
out:
	/* Only frees: its Z_DATA_ERROR after an unfinished stream is the
	 * failure already logged. */
	deflateEnd(&z);
	return rc;
}

static int compress_br(const void *data, size_t len, struct buf *out)
{
	size_t bound = BrotliEncoderMaxCompressedSize(len);
	if (bound == 0) {
		log_error("encoding: %zu bytes are too many to compress with brotli", len);
		return -1;
	}
	buf_reserve(out, bound);
	size_t n = bound;
	if (!BrotliEncoderCompress(BR_QUALITY, BR_LGWIN, BROTLI_MODE_TEXT, len, data, &n,
				   (uint8_t *)out->data + out->len)) {
		log_error("encoding: brotli could not compress %zu bytes", len);
		out->data[out->len] = '\0'; /* the encoder may have written over it */
		return -1;
	}
	out->len += n;
	out->data[out->len] = '\0';
	return 0;
}

int encoding_compress(enum encoding e, const void *data, size_t len, struct buf *out)
{
	switch (e) {
	case ENCODING_IDENTITY:
		buf_append(out, data, len);
		return 0;
	case ENCODING_GZIP:
		return compress_gzip(data, len, out);
	case ENCODING_BR:
		return compress_br(data, len, out);
	case ENCODING__MAX:
		break;
	}
	log_error("encoding: no content-coding %d", (int)e);
	return -1;
}
