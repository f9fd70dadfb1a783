/* simhash: one pass over the text, a code point at a time, with fast paths
 * for ASCII and CJK ideographs so ICU classifies only the rare rest. */
#include "text/simhash.h"

#include <sodium.h>
#include <unicode/uchar.h>

#include "util/buf.h"
#include "util/utf8.h"

/* SipHash needs a key; this one is fixed and public because the hashes are
 * stored and compared across runs and machines, not kept secret. Changing it
 * (or the normalisation below) changes every hash: recompute stored ones. */
static const char shingle_key[] = "ZS-simhash-key-1";
_Static_assert(sizeof(shingle_key) == crypto_shorthash_KEYBYTES + 1, "SipHash-2-4 takes a 16-byte key");

enum { SHINGLE_CHARS = 3 };

/* The code point as it takes part in shingles, or 0 when it is dropped. */
static uint32_t normalise(uint32_t c)
{
	if (c >= 0xff01 && c <= 0xff5e)
		c -= 0xfee0; /* full-width ASCII */
	if (c < 0x80) {
		if (c >= 'A' && c <= 'Z')
			return c + ('a' - 'A');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			return c;
		return 0; /* space, control, punctuation or symbol */
	}
	if (c >= 0x4e00 && c <= 0x9fff)
		return c;
	switch (u_charType((UChar32)c)) {
	case U_CONTROL_CHAR:
	case U_FORMAT_CHAR: /* invisible: zero-width space, byte order mark… */
	case U_SPACE_SEPARATOR:
	case U_LINE_SEPARATOR:
	case U_PARAGRAPH_SEPARATOR:
	case U_DASH_PUNCTUATION:
	case U_START_PUNCTUATION:
	case U_END_PUNCTUATION:
	case U_CONNECTOR_PUNCTUATION:
	case U_OTHER_PUNCTUATION:
	case U_INITIAL_PUNCTUATION:
	case U_FINAL_PUNCTUATION:
		return 0;
	default:
		return c;
	}
}

/* Little-endian whatever the machine, so stored hashes travel. */
static uint64_t load_le64(const unsigned char b[8])
{
	return (uint64_t)b[0] | (uint64_t)b[1] << 8 | (uint64_t)b[2] << 16 | (uint64_t)b[3] << 24 |
	       (uint64_t)b[4] << 32 | (uint64_t)b[5] << 40 | (uint64_t)b[6] << 48 | (uint64_t)b[7] << 56;
}

static uint64_t shingle_hash(const uint32_t *cps, size_t n)
{
	char text[SHINGLE_CHARS * 4];
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		len += utf8_encode(cps[i], text + len);
	unsigned char out[crypto_shorthash_BYTES];
	crypto_shorthash(out, (const unsigned char *)text, len, (const unsigned char *)shingle_key);
	return load_le64(out);
}

/* Per bit position, how many shingle hashes had that bit set. Adding a hash
 * is the inner loop, so it is done eight positions at a time: byte j of
 * lanes[k] counts bit 8j+k, and the bytes are emptied into ones[] before
 * they can overflow. */
struct bit_counts {
	uint64_t lanes[8];
	unsigned pending; /* hashes added to lanes since they were emptied */
	uint32_t ones[64];
};

static void empty_lanes(struct bit_counts *c)
{
	for (int k = 0; k < 8; k++) {
		for (int j = 0; j < 8; j++)
			c->ones[8 * j + k] += (uint32_t)(c->lanes[k] >> 8 * j) & 0xff;
		c->lanes[k] = 0;
	}
	c->pending = 0;
}

static void add_hash(struct bit_counts *c, uint64_t h)
{
	for (int k = 0; k < 8; k++)
		c->lanes[k] += (h >> k) & UINT64_C(0x0101010101010101);
	if (++c->pending == 255)
		empty_lanes(c);
}

uint64_t simhash_text(struct str text)
{
	struct bit_counts counts = { 0 };
	uint32_t window[SHINGLE_CHARS] = { 0 };
	size_t chars = 0, shingles = 0;
	for (size_t i = 0; i < text.len;) {
		uint32_t c;
		size_t n = utf8_decode(text.p + i, text.len - i, &c);
		if (n == 0) {
			i++; /* not UTF-8: skip the byte */
			continue;
		}
		i += n;
		c = normalise(c);
		if (!c)
			continue;
		window[0] = window[1], window[1] = window[2], window[2] = c;
		if (++chars >= SHINGLE_CHARS) {
			add_hash(&counts, shingle_hash(window, SHINGLE_CHARS));
			shingles++;
		}
	}
	if (chars == 0)
		return 0;
	if (chars < SHINGLE_CHARS) {
		add_hash(&counts, shingle_hash(window + SHINGLE_CHARS - chars, chars));
		shingles = 1;
	}
	empty_lanes(&counts);
	/* Bit b's weight, +1 per hash with b set and -1 per hash without, is
	 * positive when more than half the hashes have it. */
	uint64_t hash = 0;
	for (int b = 0; b < 64; b++)
		if (2 * (uint64_t)counts.ones[b] > shingles)
			hash |= UINT64_C(1) << b;
	return hash;
}

int simhash_distance(uint64_t a, uint64_t b)
{
	return __builtin_popcountll(a ^ b);
}

uint64_t simhash_article(struct str title, struct str body)
{
	struct buf text = { 0 };
	buf_put_str(&text, title);
	buf_putc(&text, '\n');
	buf_put_str(&text, body);
	uint64_t h = simhash_text(buf_str(&text));
	buf_free(&text);
	return h;
}
