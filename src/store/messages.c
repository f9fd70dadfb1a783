/* messages: contact messages and their handling. */
#include "store/messages.h"

#include "store/store_internal.h"

enum store_rc store_message_insert(struct store *s, const struct message *m, int64_t now, int64_t *id)
{
	sqlite3_stmt *st = stmt_get(s, STMT_MESSAGE_INSERT);
	bind_text(st, 1, m->name);
	bind_text(st, 2, m->organization);
	bind_text(st, 3, m->contact);
	bind_text(st, 4, m->subject);
	bind_text(st, 5, m->message);
	bind_text(st, 6, m->client_ip);
	sqlite3_bind_int64(st, 7, now);
	if (step_write(s, st, "add message") != STORE_OK)
		return STORE_ERROR;
	*id = sqlite3_last_insert_rowid(s->db);
	return STORE_OK;
}

enum store_rc store_messages_list(struct store *s, bool handled, int64_t offset, int limit, struct arena *arena,
				  struct message **out, size_t *n, int64_t *total)
{
	*n = 0;
	*total = 0;
	*out = ARENA_NEW_ARRAY(arena, struct message, (size_t)limit);
	sqlite3_stmt *st = stmt_get(s, STMT_MESSAGES_COUNT);
	sqlite3_bind_int(st, 1, handled);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*total = sqlite3_column_int64(st, 0);
	stmt_done(st);
	if (rc != SQLITE_ROW)
		goto fail;
	st = stmt_get(s, STMT_MESSAGES_PAGE);
	sqlite3_bind_int(st, 1, handled);
	sqlite3_bind_int(st, 2, limit);
	sqlite3_bind_int64(st, 3, offset);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < (size_t)limit) {
		(*out)[(*n)++] = (struct message){
			.id = sqlite3_column_int64(st, 0),
			.name = column_text(st, 1, arena),
			.organization = column_text(st, 2, arena),
			.contact = column_text(st, 3, arena),
			.subject = column_text(st, 4, arena),
			.message = column_text(st, 5, arena),
			.client_ip = column_text(st, 6, arena),
			.created_at = sqlite3_column_int64(st, 7),
			.handled_at = sqlite3_column_int64(st, 8),
			.handled_by = column_text(st, 9, arena),
		};
	}
	stmt_done(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return STORE_OK;
fail:
	log_db_error(s, "list messages");
	return STORE_ERROR;
}

enum store_rc store_message_handle(struct store *s, int64_t id, const char *by, int64_t now)
{
	sqlite3_stmt *st = stmt_get(s, STMT_MESSAGE_HANDLE);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, now);
	bind_text(st, 3, by);
	if (step_write(s, st, "handle message") != STORE_OK)
		return STORE_ERROR;
	return sqlite3_changes(s->db) ? STORE_OK : STORE_NOT_FOUND;
}
