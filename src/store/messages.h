/* messages: what visitors send through the contact form (联系我们). */
#ifndef ZS_STORE_MESSAGES_H
#define ZS_STORE_MESSAGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct message {
	int64_t id;
	const char *name, *organization, *contact, *subject, *message, *client_ip;
	int64_t created_at, handled_at; /* handled_at 0 while open */
	const char *handled_by;
};

enum store_rc store_message_insert(struct store *s, const struct message *m, int64_t now, int64_t *id)
	__attribute__((warn_unused_result));
/* One page of the open (or handled) messages, newest first. */
enum store_rc store_messages_list(struct store *s, bool handled, int64_t offset, int limit, struct arena *arena,
				  struct message **out, size_t *n, int64_t *total) __attribute__((warn_unused_result));
/* Marks a message handled by name; STORE_NOT_FOUND when it is not open. */
enum store_rc store_message_handle(struct store *s, int64_t id, const char *by, int64_t now)
	__attribute__((warn_unused_result));

#endif
