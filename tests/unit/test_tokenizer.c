/* Unit tests for text/tokenizer: what gets indexed and queried, and where. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "text/tokenizer.h"
#include "util/buf.h"

static void init(void)
{
	cr_assert_eq(tokenizer_init(), 0);
}

TestSuite(tokenizer, .init = init);

/* Renders tokens as "text@start-end" with "+" before colocated ones. */
static int record(void *ctx, const struct token *t)
{
	struct buf *b = ctx;
	if (b->len)
		buf_putc(b, ' ');
	buf_printf(b, "%s%.*s@%zu-%zu", t->colocated ? "+" : "", (int)t->len, t->text, t->start, t->end);
	return 0;
}

static char *tokens(const char *text, enum token_mode mode)
{
	struct buf b = { 0 };
	cr_assert_eq(tokenize(str_from(text), mode, record, &b), 0, "tokenize failed on %s", text);
	return buf_detach(&b);
}

#define EXPECT(text, mode, want)                                                   \
	do {                                                                       \
		char *got = tokens(text, mode);                                    \
		cr_assert_str_eq(got, want, "tokens of \"%s\"", text);             \
		free(got);                                                         \
	} while (0)

Test(tokenizer, indexes_characters_and_colocated_pairs)
{
	EXPECT("充电桩", TOKENS_INDEX, "充@0-3 +充电@0-6 电@3-6 +电桩@3-9 桩@6-9");
}

Test(tokenizer, queries_pairs_then_the_last_character)
{
	EXPECT("充电桩", TOKENS_QUERY, "充电@0-6 电桩@3-9 桩@6-9");
	EXPECT("桩", TOKENS_QUERY, "桩@0-3");
	EXPECT("浦东", TOKENS_QUERY, "浦东@0-6 东@3-6");
}

Test(tokenizer, latin_and_digits_are_lowercased_words)
{
	EXPECT("V2G车网互动", TOKENS_QUERY, "v2g@0-3 车网@3-9 网互@6-12 互动@9-15 动@12-15");
	EXPECT("AI and 5G", TOKENS_INDEX, "ai@0-2 and@3-6 5g@7-9");
}

Test(tokenizer, full_width_forms_equal_half_width)
{
	EXPECT("ｖ２ｇ", TOKENS_QUERY, "v2g@0-9");
	EXPECT("１４个", TOKENS_QUERY, "14@0-6 个@6-9");
}

Test(tokenizer, traditional_characters_become_simplified)
{
	EXPECT("浦東", TOKENS_QUERY, "浦东@0-6 东@3-6");
	EXPECT("集成電路", TOKENS_QUERY, "集成@0-6 成电@3-9 电路@6-12 路@9-12");
}

Test(tokenizer, punctuation_separates_runs)
{
	EXPECT("浦东，招商。", TOKENS_QUERY, "浦东@0-6 东@3-6 招商@9-15 商@12-15");
	EXPECT("\"a\"*(b):-c^", TOKENS_QUERY, "a@1-2 b@5-6 c@9-10");
	EXPECT("5000万元", TOKENS_INDEX, "5000@0-4 万@4-7 +万元@4-10 元@7-10");
}

Test(tokenizer, accented_latin_is_case_folded)
{
	EXPECT("Café ÉCOLE", TOKENS_QUERY, "café@0-5 école@6-12");
}

Test(tokenizer, rejects_invalid_utf8)
{
	struct buf b = { 0 };
	cr_assert_eq(tokenize((struct str){ "ab\xff", 3 }, TOKENS_INDEX, record, &b), -1);
	cr_assert_eq(tokenize((struct str){ "a\0b", 3 }, TOKENS_INDEX, record, &b), -1);
	buf_free(&b);
}

Test(tokenizer, long_words_are_cut)
{
	char word[200];
	memset(word, 'x', sizeof(word) - 1);
	word[sizeof(word) - 1] = '\0';
	struct buf b = { 0 };
	cr_assert_eq(tokenize(str_from(word), TOKENS_INDEX, record, &b), 0);
	cr_assert_eq(b.len > 0, 1);
	buf_free(&b);
}

static int count(void *ctx, const struct token *t)
{
	size_t *n = ctx;
	(*n)++;
	cr_assert_leq(t->len, (size_t)TOKEN_MAX_BYTES);
	return 0;
}

static int stop_at_second(void *ctx, const struct token *t)
{
	(void)t;
	return ++*(int *)ctx == 2 ? 7 : 0;
}

Test(tokenizer, stops_when_told)
{
	int seen = 0;
	cr_assert_eq(tokenize(str_from("a b c d"), TOKENS_INDEX, stop_at_second, &seen), 7);
	cr_assert_eq(seen, 2);
}

Test(tokenizer, handles_a_megabyte)
{
	const char *sentence = "上海市浦东新区 Zhangjiang 科学城，投资5.5亿元！";
	size_t per_copy = 0, copies = 0, n = 0;
	cr_assert_eq(tokenize(str_from(sentence), TOKENS_INDEX, count, &per_copy), 0);
	struct buf text = { 0 };
	for (; text.len < 1024 * 1024; copies++)
		buf_puts(&text, sentence);
	cr_assert_eq(tokenize(buf_str(&text), TOKENS_INDEX, count, &n), 0);
	cr_assert_eq(n, per_copy * copies, "%zu tokens, want %zu", n, per_copy * copies);
	buf_free(&text);
}

Test(tokenizer, decimals_stay_whole_and_thousands_separators_vanish)
{
	EXPECT("1.5亿", TOKENS_QUERY, "1.5@0-3 亿@3-6");
	EXPECT("5,000万", TOKENS_QUERY, "5000@0-5 万@5-8");
	EXPECT("１.５亿", TOKENS_QUERY, "1.5@0-7 亿@7-10");
	EXPECT("a.b 5. .5", TOKENS_QUERY, "a@0-1 b@2-3 5@4-5 5@8-9");
}

Test(tokenizer, simplified_characters_are_never_rewritten)
{
	/* ICU's Traditional-Simplified maps these, but each is also an ordinary
	 * simplified character (著名, 乾坤, 於是; all in GB 2312): merging them
	 * would make 着 find 著. */
	EXPECT("著乾於", TOKENS_INDEX, "著@0-3 +著乾@0-6 乾@3-6 +乾於@3-9 於@6-9");
	EXPECT("東", TOKENS_QUERY, "东@0-3");
}

Test(tokenizer, invisible_characters_do_not_split_words)
{
	EXPECT("充电\u200b桩", TOKENS_QUERY, "充电@0-6 电桩@3-12 桩@9-12");
	EXPECT("V\u00ad2G", TOKENS_QUERY, "v2g@0-5");
	EXPECT("\ufeff浦东", TOKENS_QUERY, "浦东@3-9 东@6-9");
}

Test(tokenizer, half_width_katakana_is_text)
{
	EXPECT("ｱｲ", TOKENS_QUERY, "アイ@0-6 イ@3-6");
}
