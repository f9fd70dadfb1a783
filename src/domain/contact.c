/* contact: contact messages over the store. */
#include "domain/contact.h"

#include "content/contact.h"
#include "store/messages.h"

enum store_rc contact_send(struct store *s, const struct field_values *values, const char *client_ip, int64_t now,
			   int64_t *id)
{
	struct message m = {
		.name = values->value[MSG_NAME],
		.organization = values->value[MSG_ORGANIZATION],
		.contact = values->value[MSG_CONTACT],
		.subject = values->value[MSG_SUBJECT],
		.message = values->value[MSG_MESSAGE],
		.client_ip = client_ip,
	};
	enum store_rc rc = store_begin(s);
	if (rc == STORE_OK)
		rc = store_message_insert(s, &m, now, id);
	/* A visitor's own message: not a staff action, not audited. */
	return domain_finish(s, rc, &(struct change){ .now = now });
}

enum store_rc contact_mark_handled(struct store *s, int64_t id, const struct actor *who, int64_t now)
{
	char target[DOMAIN_TARGET_SIZE];
	enum store_rc rc = store_begin(s);
	if (rc == STORE_OK)
		rc = store_message_handle(s, id, who->name, now);
	return domain_finish(s, rc,
			     &(struct change){ who, now, "message.handle", domain_target(target, "message", id), NULL });
}
