/* libFuzzer driver: Accept-Encoding and Content-Type parsing on any bytes,
 * and every coding's output decompressing back to the input. */
#include <brotli/decode.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "http/encoding.h"
#include "util/mem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Decodes packed (coding e) into out, which has room for size + 1 bytes;
 * returns the length, or traps when the stream does not decode. */
static size_t decode(enum encoding e, const struct buf *packed, uint8_t *out, size_t size)
{
	size_t n = size + 1;
	if (e == ENCODING_GZIP) {
		z_stream z = { 0 };
		if (inflateInit2(&z, 15 + 32) != Z_OK)
			__builtin_trap();
		z.next_in = (Bytef *)packed->data;
		z.avail_in = (uInt)packed->len;
		z.next_out = out;
		z.avail_out = (uInt)n;
		if (inflate(&z, Z_FINISH) != Z_STREAM_END)
			__builtin_trap();
		n = z.total_out;
		inflateEnd(&z);
	} else if (e == ENCODING_BR) {
		if (BrotliDecoderDecompress(packed->len, (const uint8_t *)packed->data, &n, out) !=
		    BROTLI_DECODER_RESULT_SUCCESS)
			__builtin_trap();
	} else {
		n = packed->len;
		if (n)
			memcpy(out, packed->data, n);
	}
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Headers arrive as C strings: an exact-size copy lets ASan see any
	 * read past the NUL. */
	char *text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	if (encoding_negotiate(text) >= ENCODING__MAX)
		__builtin_trap();
	(void)encoding_compressible(text);
	free(text);

	for (int e = 0; e < ENCODING__MAX; e++) {
		struct buf packed = { 0 };
		if (encoding_compress(e, data, size, &packed) != 0)
			__builtin_trap();
		uint8_t *back = xmalloc(size + 1);
		size_t n = decode(e, &packed, back, size);
		if (n != size || (size && memcmp(back, data, size)))
			__builtin_trap();
		free(back);
		buf_free(&packed);
	}
	return 0;
}
