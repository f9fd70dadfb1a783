/* contact: the contact form's rules. */
#include "content/contact.h"

#include <inttypes.h>
#include <stdio.h>

const struct field_rule contact_fields[MSG__COUNT] = {
	[MSG_NAME] = { .name = "name", .label = "姓名", .kind = FIELD_LINE, .required = true, .max_chars = 50 },
	[MSG_ORGANIZATION] = { .name = "organization", .label = "单位", .kind = FIELD_LINE, .max_chars = 100 },
	[MSG_CONTACT] = { .name = "contact", .label = "联系方式", .kind = FIELD_CONTACT, .required = true,
			  .max_chars = 100 },
	[MSG_SUBJECT] = { .name = "subject", .label = "主题", .kind = FIELD_LINE, .max_chars = 100 },
	[MSG_MESSAGE] = { .name = "message", .label = "留言内容", .kind = FIELD_TEXT, .required = true,
			  .max_chars = 5000 },
};

void contact_reference(int64_t id, char out[CONTACT_REFERENCE_SIZE])
{
	snprintf(out, CONTACT_REFERENCE_SIZE, "LY-%06" PRId64, id);
}
