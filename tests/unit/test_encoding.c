/* Unit tests for http/encoding: negotiation by the RFC's rules, and
 * compression checked by decompressing with the other side's library. */
#include <brotli/decode.h>
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "http/encoding.h"

Test(encoding, absent_or_empty_header_gives_identity)
{
	cr_assert_eq(encoding_negotiate(NULL), ENCODING_IDENTITY);
	cr_assert_eq(encoding_negotiate(""), ENCODING_IDENTITY);
}

Test(encoding, gzip_alone_gives_gzip)
{
	cr_assert_eq(encoding_negotiate("gzip"), ENCODING_GZIP);
}

Test(encoding, br_wins_among_equal_weights)
{
	cr_assert_eq(encoding_negotiate("gzip, deflate, br"), ENCODING_BR);
	cr_assert_eq(encoding_negotiate("br;q=0.5, gzip;q=0.5"), ENCODING_BR);
}

Test(encoding, refused_br_falls_back_to_gzip)
{
	cr_assert_eq(encoding_negotiate("br;q=0, gzip"), ENCODING_GZIP);
}

Test(encoding, higher_weight_wins)
{
	cr_assert_eq(encoding_negotiate("gzip;q=0.5, br;q=0.4"), ENCODING_GZIP);
	cr_assert_eq(encoding_negotiate("gzip;q=0.999, br;q=0.998"), ENCODING_GZIP);
}

Test(encoding, wildcard_accepts_br)
{
	cr_assert_eq(encoding_negotiate("*"), ENCODING_BR);
}

Test(encoding, wildcard_applies_only_to_codings_not_named)
{
	cr_assert_eq(encoding_negotiate("*, br;q=0"), ENCODING_GZIP);
	cr_assert_eq(encoding_negotiate("gzip;q=0.2, *;q=0.5"), ENCODING_BR);
	cr_assert_eq(encoding_negotiate("*;q=0, gzip"), ENCODING_GZIP);
}

Test(encoding, refused_wildcard_gives_identity)
{
	cr_assert_eq(encoding_negotiate("*;q=0"), ENCODING_IDENTITY);
}

Test(encoding, refused_identity_with_nothing_else_still_gives_identity)
{
	cr_assert_eq(encoding_negotiate("identity;q=0, *;q=0"), ENCODING_IDENTITY);
	cr_assert_eq(encoding_negotiate("identity;q=0"), ENCODING_IDENTITY);
}

Test(encoding, named_identity_can_outweigh_a_coding)
{
	cr_assert_eq(encoding_negotiate("identity, gzip;q=0.5"), ENCODING_IDENTITY);
}

Test(encoding, ties_prefer_gzip_to_identity)
{
	cr_assert_eq(encoding_negotiate("identity, gzip"), ENCODING_GZIP);
}

Test(encoding, unnamed_identity_loses_to_any_acceptable_coding)
{
	cr_assert_eq(encoding_negotiate("gzip;q=0.001"), ENCODING_GZIP);
}

Test(encoding, tokens_and_q_are_case_insensitive)
{
	cr_assert_eq(encoding_negotiate("GZIP"), ENCODING_GZIP);
	cr_assert_eq(encoding_negotiate("Br"), ENCODING_BR);
	cr_assert_eq(encoding_negotiate("gzip;Q=0.5, br;q=0.4"), ENCODING_GZIP);
}

Test(encoding, x_gzip_means_gzip)
{
	cr_assert_eq(encoding_negotiate("x-gzip"), ENCODING_GZIP);
	cr_assert_eq(encoding_negotiate("X-GZIP;q=0.9, br;q=0.5"), ENCODING_GZIP);
}

Test(encoding, spaces_and_tabs_around_elements_and_weights)
{
	cr_assert_eq(encoding_negotiate(" \t gzip \t ; \t q=0.8 \t ,\tbr ; q=0.7\t"), ENCODING_GZIP);
	cr_assert_eq(encoding_negotiate("\t\tbr\t"), ENCODING_BR);
}

Test(encoding, weight_above_one_or_unreadable_ignores_the_element)
{
	cr_assert_eq(encoding_negotiate("gzip;q=1.0001"), ENCODING_IDENTITY);
	cr_assert_eq(encoding_negotiate("gzip;q=abc"), ENCODING_IDENTITY);
	cr_assert_eq(encoding_negotiate("br;q=abc, gzip"), ENCODING_GZIP);
	cr_assert_eq(encoding_negotiate("br;q=1.5, gzip;q=0.1"), ENCODING_GZIP);
	cr_assert_eq(encoding_negotiate("br;q=2, gzip;q=0.1"), ENCODING_GZIP);
}

Test(encoding, weight_of_odd_shape_ignores_the_element)
{
	const char *bad[] = { "br;q=", "br;q=.5", "br;q=0.1234", "br;q=-0", "br;q=0.5x",
			      "br;q =0.5", "br;q=0 .5", "br;", "br;;q=1", "br q=1" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char header[64];
		snprintf(header, sizeof(header), "%s, gzip;q=0.1", bad[i]);
		cr_assert_eq(encoding_negotiate(header), ENCODING_GZIP, "%s", header);
	}
}

Test(encoding, parameters_other_than_q_ignore_the_element)
{
	cr_assert_eq(encoding_negotiate("br;level=11, gzip;q=0.1"), ENCODING_GZIP);
}

Test(encoding, weights_of_up_to_three_decimals_are_read)
{
	cr_assert_eq(encoding_negotiate("gzip;q=0.001"), ENCODING_GZIP);
	cr_assert_eq(encoding_negotiate("gzip;q=1.000, br;q=0.999"), ENCODING_GZIP);
	cr_assert_eq(encoding_negotiate("gzip;q=1., br;q=0.999"), ENCODING_GZIP);
	cr_assert_eq(encoding_negotiate("gzip;q=0.25, br;q=0.2"), ENCODING_GZIP);
}

Test(encoding, zero_weight_with_three_decimals_refuses)
{
	cr_assert_eq(encoding_negotiate("gzip;q=0.000"), ENCODING_IDENTITY);
	cr_assert_eq(encoding_negotiate("gzip;q=0.000, br;q=0.001"), ENCODING_BR);
}

Test(encoding, codings_we_cannot_produce_are_ignored)
{
	cr_assert_eq(encoding_negotiate("deflate, zstd, compress"), ENCODING_IDENTITY);
	cr_assert_eq(encoding_negotiate("zstd, gzip;q=0.5"), ENCODING_GZIP);
}

Test(encoding, junk_in_one_element_leaves_the_others)
{
	cr_assert_eq(encoding_negotiate("gzip\x01, br"), ENCODING_BR);
	cr_assert_eq(encoding_negotiate("\xe5\x8e\x8b\xe7\xbc\xa9, gzip"), ENCODING_GZIP);
	cr_assert_eq(encoding_negotiate("\"br\", gzip"), ENCODING_GZIP);
}

Test(encoding, very_long_header_is_read_to_the_end)
{
	struct buf h = { 0 };
	while (h.len < 200 * 1024)
		buf_puts(&h, "deflate;q=0.5, ");
	buf_puts(&h, "br");
	cr_assert_eq(encoding_negotiate(buf_cstr(&h)), ENCODING_BR);
	buf_reset(&h);
	while (h.len < 100 * 1024)
		buf_putc(&h, 'a');
	buf_puts(&h, ", gzip");
	cr_assert_eq(encoding_negotiate(buf_cstr(&h)), ENCODING_GZIP);
	buf_free(&h);
}

Test(encoding, header_of_only_commas_gives_identity)
{
	cr_assert_eq(encoding_negotiate(",,,,"), ENCODING_IDENTITY);
	cr_assert_eq(encoding_negotiate(" , ,\t, "), ENCODING_IDENTITY);
	cr_assert_eq(encoding_negotiate(",gzip,"), ENCODING_GZIP);
}

Test(encoding, names_are_the_registered_tokens)
{
	cr_assert_str_eq(encoding_name(ENCODING_IDENTITY), "identity");
	cr_assert_str_eq(encoding_name(ENCODING_GZIP), "gzip");
	cr_assert_str_eq(encoding_name(ENCODING_BR), "br");
}

Test(encoding, text_types_are_compressible)
{
	cr_assert(encoding_compressible("text/html; charset=utf-8"));
	cr_assert(encoding_compressible("text/css"));
	cr_assert(encoding_compressible("text/plain;charset=utf-8"));
	cr_assert(encoding_compressible("Text/HTML"));
}

Test(encoding, json_xml_svg_and_javascript_are_compressible)
{
	cr_assert(encoding_compressible("application/json"));
	cr_assert(encoding_compressible("application/json; charset=utf-8"));
	cr_assert(encoding_compressible("application/xml"));
	cr_assert(encoding_compressible("application/atom+xml"));
	cr_assert(encoding_compressible("image/svg+xml"));
	cr_assert(encoding_compressible("application/javascript"));
}

Test(encoding, binary_and_unknown_types_are_not_compressible)
{
	const char *no[] = { "image/png", "image/jpeg", "font/woff2", "application/octet-stream", "application/gzip",
			     "text/", "", "application/jsonx", "xtext/html", "application" };
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		cr_assert_not(encoding_compressible(no[i]), "%s", no[i]);
	cr_assert_not(encoding_compressible(NULL));
}

/* A listing page as the site serves it: about 30 KB of HTML, mostly Chinese. */
static void build_page(struct buf *b)
{
	static const char *const districts[] = { "浦东新区", "黄浦区", "徐汇区", "长宁区", "静安区", "闵行区" };
	static const char *const industries[] = { "新能源汽车", "集成电路", "生物医药", "人工智能", "高端装备" };
	buf_puts(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<title>招商动态 — 第 1 页</title>\n<link rel=\"stylesheet\" href=\"/static/site.css\">\n"
		    "</head>\n<body>\n<header><h1>招商动态</h1><nav><a href=\"/\">首页</a> "
		    "<a href=\"/search\">搜索</a></nav></header>\n<main>\n<ol class=\"articles\">\n");
	for (int i = 0; b->len < 30 * 1024; i++) {
		const char *district = districts[i % 6], *industry = industries[i % 5];
		buf_printf(b,
			   "<li><article><h2><a href=\"/articles/%d\">%s签约%s项目 %d 个，总投资 %d 亿元</a></h2>\n"
			   "<p class=\"meta\">%s · %s · 2025-%02d-%02d</p>\n"
			   "<p>%d 日，%s举行重点产业项目集中签约活动，涉及%s等领域，"
			   "预计达产后年产值超过 %d 亿元，新增就业岗位约 %d 个。</p></article></li>\n",
			   1000 + i, district, industry, 3 + i % 7, 20 + i * 3, district, industry, 1 + i % 12,
			   1 + i % 28, 1 + i % 28, district, industry, 50 + i * 7, 300 + i * 11);
	}
	buf_puts(b, "</ol>\n</main>\n<footer><p>© 2025 招商信息</p></footer>\n</body>\n</html>\n");
}

/* Decompresses packed (coding e) with the decoder a browser would use,
 * expecting at most max bytes. */
static void decompress(enum encoding e, const struct buf *packed, size_t max, struct buf *out)
{
	buf_reserve(out, max);
	if (e == ENCODING_GZIP) {
		z_stream z = { 0 };
		cr_assert_eq(inflateInit2(&z, 15 + 32), Z_OK);
		z.next_in = (Bytef *)packed->data;
		z.avail_in = (uInt)packed->len;
		z.next_out = (Bytef *)out->data;
		z.avail_out = (uInt)max;
		int rc = inflate(&z, Z_FINISH);
		cr_assert_eq(rc, Z_STREAM_END, "inflate: %d", rc);
		cr_assert_eq(z.avail_in, 0, "bytes after the gzip member");
		out->len = z.total_out;
		cr_assert_eq(inflateEnd(&z), Z_OK);
	} else {
		size_t n = max;
		cr_assert_eq(BrotliDecoderDecompress(packed->len, (const uint8_t *)packed->data, &n, (uint8_t *)out->data),
			     BROTLI_DECODER_RESULT_SUCCESS);
		out->len = n;
	}
}

static void assert_round_trip(enum encoding e, const void *data, size_t len)
{
	struct buf packed = { 0 }, unpacked = { 0 };
	cr_assert_eq(encoding_compress(e, data, len, &packed), 0);
	decompress(e, &packed, len + 1, &unpacked);
	cr_assert_eq(unpacked.len, len);
	cr_assert(len == 0 || memcmp(unpacked.data, data, len) == 0);
	buf_free(&packed);
	buf_free(&unpacked);
}

Test(encoding, gzip_round_trips_a_chinese_page)
{
	struct buf page = { 0 };
	build_page(&page);
	assert_round_trip(ENCODING_GZIP, page.data, page.len);
	buf_free(&page);
}

Test(encoding, br_round_trips_a_chinese_page)
{
	struct buf page = { 0 };
	build_page(&page);
	assert_round_trip(ENCODING_BR, page.data, page.len);
	buf_free(&page);
}

Test(encoding, gzip_output_starts_with_the_gzip_magic)
{
	struct buf packed = { 0 };
	cr_assert_eq(encoding_compress(ENCODING_GZIP, "招商", strlen("招商"), &packed), 0);
	cr_assert_geq(packed.len, 2);
	cr_assert_eq((unsigned char)packed.data[0], 0x1f);
	cr_assert_eq((unsigned char)packed.data[1], 0x8b);
	buf_free(&packed);
}

Test(encoding, compression_makes_the_page_smaller)
{
	struct buf page = { 0 }, gz = { 0 }, br = { 0 };
	build_page(&page);
	cr_assert_eq(encoding_compress(ENCODING_GZIP, page.data, page.len, &gz), 0);
	cr_assert_eq(encoding_compress(ENCODING_BR, page.data, page.len, &br), 0);
	cr_assert_lt(gz.len, page.len / 2, "gzip: %zu of %zu bytes", gz.len, page.len);
	cr_assert_lt(br.len, page.len / 2, "br: %zu of %zu bytes", br.len, page.len);
	buf_free(&page);
	buf_free(&gz);
	buf_free(&br);
}

Test(encoding, empty_input_round_trips)
{
	assert_round_trip(ENCODING_GZIP, NULL, 0);
	assert_round_trip(ENCODING_BR, NULL, 0);
	assert_round_trip(ENCODING_GZIP, "", 0);
	assert_round_trip(ENCODING_BR, "", 0);
}

Test(encoding, identity_appends_a_copy)
{
	struct buf out = { 0 };
	cr_assert_eq(encoding_compress(ENCODING_IDENTITY, "浦东", strlen("浦东"), &out), 0);
	cr_assert_str_eq(buf_cstr(&out), "浦东");
	buf_free(&out);
}

Test(encoding, compressed_bytes_follow_what_the_buffer_held)
{
	struct buf out = { 0 }, packed = { 0 };
	buf_puts(&out, "head");
	cr_assert_eq(encoding_compress(ENCODING_BR, "招商招商招商", strlen("招商招商招商"), &out), 0);
	cr_assert_eq(encoding_compress(ENCODING_BR, "招商招商招商", strlen("招商招商招商"), &packed), 0);
	cr_assert_eq(out.len, 4 + packed.len);
	cr_assert(memcmp(out.data, "head", 4) == 0);
	cr_assert(memcmp(out.data + 4, packed.data, packed.len) == 0);
	cr_assert_eq(out.data[out.len], '\0');
	buf_free(&out);
	buf_free(&packed);
}

Test(encoding, unknown_coding_fails_and_leaves_the_buffer)
{
	struct buf out = { 0 };
	buf_puts(&out, "head");
	cr_assert_eq(encoding_compress(ENCODING__MAX, "x", 1, &out), -1);
	cr_assert_str_eq(buf_cstr(&out), "head");
	buf_free(&out);
}
