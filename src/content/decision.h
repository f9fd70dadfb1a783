/* decision: the form staff send with a decision on a submission or a
 * registration — the revision they saw, and a reason for a rejection. */
#ifndef ZS_CONTENT_DECISION_H
#define ZS_CONTENT_DECISION_H

#include "content/fields.h"

enum { DECISION_REASON_MAX_CHARS = 500 };

enum decision_field { DECISION_REVISION, DECISION_REASON, DECISION__COUNT };
/* Neither is required here: which a decision needs is the handler's. */
extern const struct field_rule decision_fields[DECISION__COUNT];

#endif
