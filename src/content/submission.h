/* submission: the news-submission form (投稿) — its fields and their rules,
 * tracking codes, and turning an approved submission into an article. */
#ifndef ZS_CONTENT_SUBMISSION_H
#define ZS_CONTENT_SUBMISSION_H

#include <stdbool.h>

#include "content/fields.h"
#include "store/articles.h"
#include "store/submissions.h"
#include "util/buf.h"

/* The form's fields, in the order of submission_fields[]. Editors may
 * change the first SUBMISSION_EDITABLE of them. */
enum submission_field {
	SUB_TITLE,
	SUB_BODY,
	SUB_DISTRICT,
	SUB_INDUSTRY,
	SUB_SOURCE,
	SUB_CONTRIBUTOR,
	SUB_CONTACT,
	SUB__COUNT,
	SUBMISSION_EDITABLE = SUB_CONTRIBUTOR,
};

extern const struct field_rule submission_fields[SUB__COUNT];

/* "ZS-" and two groups of five Crockford base-32 characters: 50 random
 * bits, so codes cannot be guessed to read others' submissions. */
enum { SUBMISSION_CODE_CHARS = 14 };

void submission_new_code(char out[SUBMISSION_CODE_CHARS + 1]);

/* Reads a code as a person might type it (lower case, spaces, no dashes,
 * O for 0) into the canonical form; false when it cannot be one. */
bool submission_code_parse(const char *in, char out[SUBMISSION_CODE_CHARS + 1]);

/* body (a submission's, as stored) as approving it would publish it:
 * trimmed and split into paragraphs at its lines and at 一、 二、 … as
 * article_prepare does (content/paragraph.h), appended to out. */
void submission_article_body(const char *body, struct buf *out);

/* The article an approved submission becomes, dated date (YYYY-MM-DD):
 * its district the chosen one (else those named in its title), its
 * chosen industry first among those tagged. -1 with a Chinese sentence
 * in err when it is not a valid article. */
int submission_to_article(const struct submission *sub, const char *date, struct arena *arena, struct article *out,
			  struct buf *err) __attribute__((warn_unused_result));

#endif
