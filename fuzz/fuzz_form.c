/* libFuzzer driver: what the public forms' fields go through before
 * anything is stored — field rules, phone and e-mail, tracking codes,
 * credit codes, and what they correct (full width, case, a website's
 * scheme) — and the checks an editor sees, on any bytes. Fields are
 * separated by NUL bytes, in the order of submission_fields. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "content/article.h"
#include "content/checks.h"
#include "content/credit_code.h"
#include "content/enterprise.h"
#include "content/submission.h"
#include "store/articles.h"
#include "store/submissions.h"
#include "text/simhash.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 1);
	memcpy(copy, data, size);
	copy[size] = '\0';
	const char *raw[SUB__COUNT] = { 0 };
	const char *p = copy;
	for (size_t i = 0; i < SUB__COUNT && p <= copy + size; i++) {
		raw[i] = p;
		p += strlen(p) + 1;
	}
	struct arena *arena = arena_new();
	struct field_values v;
	size_t errors = fields_check(submission_fields, SUB__COUNT, raw, arena, &v);
	for (size_t i = 0; i < SUB__COUNT; i++) {
		if (v.value[i] && !v.error[i] && !utf8_valid(v.value[i], strlen(v.value[i]), NULL))
			__builtin_trap(); /* a value that passed is valid UTF-8 */
		if (!v.error[i] && submission_fields[i].required && !v.value[i])
			__builtin_trap(); /* a required field that passed is there */
	}
	char code[SUBMISSION_CODE_CHARS + 1];
	if (submission_code_parse(raw[0], code) && strlen(code) != SUBMISSION_CODE_CHARS)
		__builtin_trap();
	struct credit_code_result cc = credit_code_check(copy);
	char message[256];
	credit_code_message(&cc, copy, message, sizeof(message));
	if (!utf8_valid(message, strlen(message), NULL) || (cc.error == CREDIT_CODE_OK && strlen(cc.code) != 18))
		__builtin_trap(); /* messages are always text; a valid code is 18 characters */
	/* Correcting a code never lengthens it, and corrects nothing twice. */
	char *fixed = malloc(size + 1), *twice = malloc(size + 1);
	(void)credit_code_fix(copy, fixed);
	if (strlen(fixed) > strlen(copy) || credit_code_fix(fixed, twice) != 0 || strcmp(fixed, twice))
		__builtin_trap();
	free(twice);
	free(fixed);
	struct field_values ev;
	const char *eraw[ENT__COUNT] = { 0 };
	for (size_t i = 0; i < ENT__COUNT; i++)
		eraw[i] = raw[i % SUB__COUNT];
	(void)enterprise_check(eraw, arena, &ev);
	for (size_t i = 0; i < ENT__COUNT; i++)
		if (ev.note[i] && (ev.error[i] || !ev.value[i] || !utf8_valid(ev.value[i], strlen(ev.value[i]), NULL)))
			__builtin_trap(); /* a corrected value passed, and is text */
	struct str text = { copy, size };
	(void)field_is_phone(text);
	(void)field_is_email(text);
	if (utf8_valid(copy, size, NULL)) {
		(void)check_too_short(text);
		(void)check_mostly_links(text);
		struct str found[4];
		size_t n = check_bad_numbers(text, found, 4);
		for (size_t i = 0; i < n; i++)
			if (found[i].p < copy || found[i].p + found[i].len > copy + size)
				__builtin_trap(); /* views stay inside the text */
		const char *words[] = { "代开发票", "spam", "ＳＰＡＭ", "" }, *hit[4];
		struct word_list *list = word_list_new(words, 4);
		(void)check_banned_words(text, list, hit, 4);
		word_list_free(list);
		(void)simhash_article(text, text);
	}
	if (errors == 0) {
		/* What passed the form must make an article, or approval fails. */
		struct submission sub = {
			.title = v.value[SUB_TITLE], .body = v.value[SUB_BODY], .district = v.value[SUB_DISTRICT],
			.industry = v.value[SUB_INDUSTRY], .source = v.value[SUB_SOURCE],
		};
		struct article a;
		struct buf err = { 0 };
		if (submission_to_article(&sub, "2026-11-27", arena, &a, &err) < 0)
			__builtin_trap();
		buf_free(&err);
	}
	arena_free(arena);
	free(copy);
	return 0;
}
