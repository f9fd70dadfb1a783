/* sql/accounts: the statements of store/accounts.c — staff accounts and sessions (internal; see
 * store/statements.h). */
#ifndef ZS_STORE_SQL_ACCOUNTS_H
#define ZS_STORE_SQL_ACCOUNTS_H

#define STORE_ACCOUNT_STATEMENTS(X)                                                                             \
	X(USER_INSERT,                                                                                          \
	  "INSERT INTO users(name, role, password_hash, created_at) VALUES (?1, ?2, ?3, unixepoch())"           \
	  " ON CONFLICT(name) DO NOTHING")                                                                      \
	X(USER_BY_NAME, "SELECT id, name, role, password_hash, disabled FROM users WHERE name = ?1")            \
	X(SESSION_INSERT,                                                                                       \
	  "INSERT INTO sessions(token_hash, user_id, csrf, created_at, last_seen) VALUES (?1, ?2, ?3, ?4, ?4)") \
	X(SESSION_GET,                                                                                          \
	  "SELECT s.user_id, u.name, u.role, s.csrf, s.created_at, s.last_seen"                                 \
	  " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?1 AND u.disabled = 0")       \
	X(SESSION_TOUCH, "UPDATE sessions SET last_seen = ?2 WHERE token_hash = ?1")                            \
	X(SESSION_DELETE, "DELETE FROM sessions WHERE token_hash = ?1")                                         \
	X(USERS_LIST, "SELECT id, name, role, '', disabled FROM users ORDER BY name")                           \
	X(USER_SET_DISABLED, "UPDATE users SET disabled = ?2 WHERE name = ?1")                                  \
	X(USER_SESSIONS_DELETE,                                                                                 \
	  "DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE name = ?1)")

#endif
