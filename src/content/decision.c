/* decision: the decision form's rules. */
#include "content/decision.h"

const struct field_rule decision_fields[DECISION__COUNT] = {
	[DECISION_REVISION] = { .name = "revision", .label = "版本号", .kind = FIELD_NUMBER, .max_chars = 19 },
	[DECISION_REASON] = { .name = "reason", .label = "原因", .kind = FIELD_TEXT,
			      .max_chars = DECISION_REASON_MAX_CHARS },
};
