/* article: validation and normalisation shared by every import format. */
#include "content/article.h"

#include <sodium.h>
#include <string.h>
#include <time.h>

#include "content/district.h"
#include "content/facts.h"
#include "content/industry.h"
#include "content/paragraph.h"
#include "content/places.h"
#include "store/articles.h"
#include "text/simhash.h"
#include "util/date.h"
#include "util/utf8.h"

static int check_text(const char *field, struct str s, size_t max_chars, struct buf *err)
{
	size_t bad;
	if (!utf8_valid(s.p, s.len, &bad)) {
		buf_printf(err, "%s不是有效的 UTF-8 文本（第 %zu 字节处）", field, bad + 1);
		return -1;
	}
	size_t chars = utf8_length(s.p, s.len);
	if (chars > max_chars) {
		buf_printf(err, "%s过长：%zu 个字符，最多 %zu 个", field, chars, max_chars);
		return -1;
	}
	return 0;
}

/* True when s holds a C0 control character or DEL other than those in allowed:
 * they are invalid in HTML and XML, and can drive a terminal. */
static bool has_control_chars(struct str s, const char *allowed)
{
	for (size_t i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)s.p[i];
		if ((c < 0x20 || c == 0x7f) && !strchr(allowed, c))
			return true;
	}
	return false;
}

/* Appends “value” quoted for a message: control characters shown escaped,
 * and nothing at all of text that is not UTF-8. */
static void quote_input(struct buf *err, struct str value)
{
	buf_puts(err, "“");
	if (utf8_valid(value.p, value.len, NULL) && value.len <= 64)
		buf_put_printable(err, value.p, value.len);
	else
		buf_puts(err, "…");
	buf_puts(err, "”");
}

/* Hashes the text with all whitespace removed, so re-flowed copies of the
 * same article are recognised as the same. */
static void content_hash(const struct article *a, unsigned char out[16])
{
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, 16);
	const char *parts[3] = { a->title, a->date, a->body };
	for (int k = 0; k < 3; k++) {
		const char *p = parts[k];
		size_t run = 0, i = 0;
		for (; p[i]; i++) {
			if (p[i] == ' ' || p[i] == '\n' || p[i] == '\t' || p[i] == '\r') {
				crypto_generichash_update(&st, (const unsigned char *)p + run, i - run);
				run = i + 1;
			}
		}
		crypto_generichash_update(&st, (const unsigned char *)p + run, i - run);
		crypto_generichash_update(&st, (const unsigned char *)"\x1f", 1);
	}
	crypto_generichash_final(&st, out, 16);
}

enum { ARTICLE_MAX_FACTS = 64 };

/* The facts the body states, copied into the arena. */
static void add_facts(struct article *a, struct arena *arena)
{
	struct fact found[ARTICLE_MAX_FACTS];
	size_t n = facts_extract(str_from(a->body), arena, found, ARTICLE_MAX_FACTS);
	struct article_fact *facts = ARENA_NEW_ARRAY(arena, struct article_fact, n ? n : 1);
	for (size_t i = 0; i < n; i++)
		facts[i] = (struct article_fact){
			.kind = fact_kind_names[found[i].kind],
			.value = found[i].value,
			.unit = found[i].unit,
			.match = arena_strndup(arena, found[i].match.p, found[i].match.len),
			.sentence = arena_strndup(arena, found[i].text.p, found[i].text.len),
			.role = found[i].role,
		};
	a->facts = facts;
	a->nfacts = n;
}

void article_tag(struct article *a, struct arena *arena)
{
	struct str title = str_from(a->title), body = str_from(a->body);
	a->citywide = false;
	if (!a->districts_given) {
		struct district_tags t;
		places_tag(title, body, &t);
		a->ndistricts = 0;
		for (size_t i = 0; i < t.n; i++)
			a->districts[a->ndistricts++] = t.districts[i]->slug;
		a->citywide = t.citywide;
	}
	if (!a->industries_given) {
		const struct industry *tags[ARTICLE_MAX_INDUSTRIES];
		size_t ntags = industry_tag(title, body, tags, ARTICLE_MAX_INDUSTRIES);
		a->nindustries = 0;
		for (size_t i = 0; i < ntags; i++)
			a->industries[a->nindustries++] = tags[i]->slug;
	}
	add_facts(a, arena);
}

int article_check(const struct article_input *in, struct buf *err)
{
	struct str title = str_trim(in->title), body = str_trim(in->body), date = str_trim(in->date);
	struct str source = str_trim(in->source), url = str_trim(in->url);

	if (title.len == 0) {
		buf_puts(err, "标题为空");
		return -1;
	}
	if (check_text("标题", title, ARTICLE_TITLE_MAX_CHARS, err) < 0)
		return -1;
	if (has_control_chars(title, "")) {
		buf_puts(err, "标题含有换行或控制字符");
		return -1;
	}
	if (body.len == 0) {
		buf_puts(err, "正文为空");
		return -1;
	}
	if (check_text("正文", body, ARTICLE_BODY_MAX_CHARS, err) < 0)
		return -1;
	if (has_control_chars(body, "\n\r\t")) {
		buf_puts(err, "正文含有控制字符（只允许换行和制表符）");
		return -1;
	}
	if (date.len == 0) {
		buf_puts(err, "缺少日期（应为 YYYY-MM-DD）");
		return -1;
	}
	struct date d;
	enum date_error derr = date_parse(date, &d);
	if (derr != DATE_OK) {
		buf_puts(err, "日期");
		quote_input(err, date);
		buf_printf(err, "无效：%s", date_error_message(derr));
		return -1;
	}
	/* News is dated when it happened: a year past the next is a typo
	 * (2999-12-31), and would sit on top of every list for ever. */
	int latest = date_shanghai_year((int64_t)time(NULL)) + 1;
	if (d.year > latest) {
		buf_puts(err, "日期");
		quote_input(err, date);
		buf_printf(err, "晚于 %d 年底，不像新闻的日期", latest);
		return -1;
	}
	if (check_text("来源", source, ARTICLE_SOURCE_MAX_CHARS, err) < 0)
		return -1;
	if (has_control_chars(source, "")) {
		buf_puts(err, "来源含有换行或控制字符");
		return -1;
	}
	if (url.len) {
		/* Only web links: a javascript: or data: URL would run in readers' browsers. */
		if (url.len > ARTICLE_URL_MAX_BYTES ||
		    !(str_has_prefix(url, STR_LIT("https://")) || str_has_prefix(url, STR_LIT("http://"))) ||
		    has_control_chars(url, "") || memchr(url.p, ' ', url.len) || !utf8_valid(url.p, url.len, NULL)) {
			buf_puts(err, "原文链接无效：应为以 http:// 或 https:// 开头、不含空格的网址");
			return -1;
		}
	}

	struct str district = str_trim(in->district);
	if (district.len && !district_lookup(district)) {
		buf_puts(err, "未知的区");
		quote_input(err, district);
		buf_puts(err, "：应为上海 16 个区之一（如 pudong 或 浦东新区）");
		return -1;
	}
	return 0;
}

int article_prepare(const struct article_input *in, struct arena *arena, struct article *out,
		    struct buf *err)
{
	*out = (struct article){ 0 };
	if (article_check(in, err) < 0)
		return -1;
	struct str title = str_trim(in->title), body = str_trim(in->body), date = str_trim(in->date);
	struct str source = str_trim(in->source), url = str_trim(in->url);
	struct str district = str_trim(in->district);
	const struct district *given = district.len ? district_lookup(district) : NULL;

	struct buf paragraphs = { 0 };
	paragraphs_split(body, &paragraphs);
	out->body = arena_strndup(arena, paragraphs.data, paragraphs.len);
	buf_free(&paragraphs);
	out->title = arena_strndup(arena, title.p, title.len);
	out->date = arena_strndup(arena, date.p, date.len);
	out->source = source.len ? arena_strndup(arena, source.p, source.len) : NULL;
	out->url = url.len ? arena_strndup(arena, url.p, url.len) : NULL;
	if (given) {
		out->districts[out->ndistricts++] = given->slug;
		out->districts_given = true;
	}
	article_tag(out, arena);
	content_hash(out, out->content_hash);
	out->simhash = simhash_article(str_from(out->title), str_from(out->body));
	return 0;
}

