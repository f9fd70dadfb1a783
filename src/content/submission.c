/* submission: the submission form's rules and its path to an article. */
#include "content/submission.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "content/article.h"
#include "content/paragraph.h"
#include "store/articles.h"
#include "store/submissions.h"

const struct field_rule submission_fields[SUB__COUNT] = {
	[SUB_TITLE] = { .name = "title", .label = "标题", .kind = FIELD_LINE, .required = true,
			.max_chars = ARTICLE_TITLE_MAX_CHARS },
	[SUB_BODY] = { .name = "body", .label = "正文", .kind = FIELD_TEXT, .required = true,
		       .max_chars = ARTICLE_BODY_MAX_CHARS },
	[SUB_DISTRICT] = { .name = "district", .label = "所属区", .kind = FIELD_DISTRICT, .max_chars = 16 },
	[SUB_INDUSTRY] = { .name = "industry", .label = "行业", .kind = FIELD_INDUSTRY, .max_chars = 32 },
	[SUB_SOURCE] = { .name = "source", .label = "来源或链接", .kind = FIELD_SOURCE, .max_chars = ARTICLE_URL_MAX_BYTES },
	[SUB_CONTRIBUTOR] = { .name = "contributor", .label = "投稿人", .kind = FIELD_LINE, .required = true,
			      .max_chars = 50 },
	[SUB_CONTACT] = { .name = "contact", .label = "联系方式", .kind = FIELD_CONTACT, .required = true,
			  .max_chars = 100 },
};

static const char crockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

void submission_new_code(char out[SUBMISSION_CODE_CHARS + 1])
{
	unsigned char random[10];
	randombytes_buf(random, sizeof(random));
	memcpy(out, "ZS-", 3);
	size_t o = 3;
	for (size_t i = 0; i < sizeof(random); i++) {
		if (i == 5)
			out[o++] = '-';
		out[o++] = crockford[random[i] & 31];
	}
	out[o] = '\0';
}

bool submission_code_parse(const char *in, char out[SUBMISSION_CODE_CHARS + 1])
{
	/* Up to 12 characters: the 10 of the code, perhaps after "ZS". */
	char chars[12];
	size_t n = 0;
	for (const char *p = in ? in : ""; *p; p++) {
		int c = toupper((unsigned char)*p);
		if (c == '-' || c == ' ')
			continue;
		if (c == 'O')
			c = '0';
		else if (c == 'I' || c == 'L')
			c = '1';
		if (!strchr(crockford, c) || n == sizeof(chars))
			return false;
		chars[n++] = (char)c;
	}
	const char *code = chars;
	if (n == 12 && chars[0] == 'Z' && chars[1] == 'S')
		code += 2, n -= 2;
	if (n != 10)
		return false;
	snprintf(out, SUBMISSION_CODE_CHARS + 1, "ZS-%.5s-%.5s", code, code + 5);
	return true;
}

void submission_article_body(const char *body, struct buf *out)
{
	paragraphs_split(str_trim(str_from(body)), out);
}

static bool is_link(const char *s)
{
	return s && (!strncmp(s, "http://", 7) || !strncmp(s, "https://", 8));
}

int submission_to_article(const struct submission *sub, const char *date, struct arena *arena, struct article *out,
			  struct buf *err)
{
	struct article_input in = {
		.title = str_from(sub->title),
		.body = str_from(sub->body),
		.date = str_from(date),
		.source = is_link(sub->source) ? (struct str){ 0 } : str_from(sub->source),
		.url = is_link(sub->source) ? str_from(sub->source) : (struct str){ 0 },
		.district = str_from(sub->district),
	};
	if (article_prepare(&in, arena, out, err) < 0)
		return -1;
	if (!sub->industry)
		return 0;
	/* The contributor's own choice comes first. */
	size_t at = 0;
	while (at < out->nindustries && strcmp(out->industries[at], sub->industry))
		at++;
	if (at == out->nindustries)
		at = out->nindustries < ARTICLE_MAX_INDUSTRIES ? out->nindustries++ : ARTICLE_MAX_INDUSTRIES - 1;
	memmove(&out->industries[1], &out->industries[0], at * sizeof(out->industries[0]));
	out->industries[0] = sub->industry;
	return 0;
}
