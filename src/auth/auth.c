/* auth: accounts and sessions over the store, with libsodium for hashing,
 * random tokens and constant-time comparison. */
#include "auth/auth.h"

#include <pthread.h>
#include <sodium.h>
#include <string.h>

#include "util/log.h"
#include "util/utf8.h"

const char *const role_names[ROLE__MAX] = { [ROLE_EDITOR] = "editor", [ROLE_ADMIN] = "admin" };

int auth_check_name(struct str name, struct buf *err)
{
	if (name.len == 0 || name.len > AUTH_NAME_MAX_CHARS) {
		buf_printf(err, "用户名应为 1 到 %d 个字符", AUTH_NAME_MAX_CHARS);
		return -1;
	}
	for (size_t i = 0; i < name.len; i++) {
		char c = name.p[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
			buf_puts(err, "用户名只能包含小写字母、数字和 . _ -");
			return -1;
		}
	}
	return 0;
}

int auth_check_password(struct str password, struct buf *err)
{
	if (!utf8_valid(password.p, password.len, NULL)) {
		buf_puts(err, "密码不是有效的 UTF-8 文本");
		return -1;
	}
	if (utf8_length(password.p, password.len) < AUTH_PASSWORD_MIN_CHARS) {
		buf_printf(err, "密码至少需要 %d 个字符", AUTH_PASSWORD_MIN_CHARS);
		return -1;
	}
	if (password.len > AUTH_PASSWORD_MAX_BYTES) {
		buf_printf(err, "密码不能超过 %d 字节", AUTH_PASSWORD_MAX_BYTES);
		return -1;
	}
	return 0;
}

int auth_user_add(struct store *s, struct str name, enum role role, struct str password, struct buf *err)
{
	if (auth_check_name(name, err) < 0 || auth_check_password(password, err) < 0)
		return -1;
	char hash[crypto_pwhash_STRBYTES];
	if (crypto_pwhash_str(hash, password.p, password.len, crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		buf_puts(err, "无法计算密码散列（内存不足？）");
		return -1;
	}
	char name_z[AUTH_NAME_MAX_CHARS + 1];
	memcpy(name_z, name.p, name.len);
	name_z[name.len] = '\0';
	switch (store_user_add(s, name_z, role_names[role], hash)) {
	case STORE_OK:
		return 0;
	case STORE_DUPLICATE:
		buf_printf(err, "用户名“%s”已被使用", name_z);
		return -1;
	default:
		buf_puts(err, "写入数据库失败");
		return -1;
	}
}

/* The stored form of a token: its BLAKE2b-256 hash. */
static void token_hash(const char *token, unsigned char out[32])
{
	crypto_generichash(out, 32, (const unsigned char *)token, strlen(token), NULL, 0);
}

static void encode(const unsigned char bytes[32], char out[SESSION_TOKEN_CHARS + 1])
{
	sodium_bin2base64(out, SESSION_TOKEN_CHARS + 1, bytes, 32, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

/* Verified against when the user does not exist, so that a wrong name
 * costs as long as a wrong password. */
static char decoy[crypto_pwhash_STRBYTES];
static pthread_once_t decoy_once = PTHREAD_ONCE_INIT;

static void make_decoy(void)
{
	unsigned char random[16];
	randombytes_buf(random, sizeof(random));
	if (crypto_pwhash_str(decoy, (const char *)random, sizeof(random), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		decoy[0] = '\0';
}

static enum role role_of(const char *name)
{
	return name && !strcmp(name, role_names[ROLE_ADMIN]) ? ROLE_ADMIN : ROLE_EDITOR;
}

enum login_result auth_login(struct store *s, struct str name, struct str password, const char *old_token,
			     int64_t now, char token[SESSION_TOKEN_CHARS + 1])
{
	pthread_once(&decoy_once, make_decoy);
	if (!decoy[0])
		return LOGIN_ERROR;
	struct arena *arena = arena_new();
	enum login_result result = LOGIN_REFUSED;
	struct user user = { 0 };
	char name_z[AUTH_NAME_MAX_CHARS + 1] = "";
	struct buf why = { 0 }; /* not shown: refusals do not say what was wrong */
	if (auth_check_name(name, &why) == 0) {
		memcpy(name_z, name.p, name.len);
		name_z[name.len] = '\0';
	}
	buf_free(&why);
	enum store_rc found = name_z[0] ? store_user_by_name(s, name_z, arena, &user) : STORE_NOT_FOUND;
	if (found == STORE_ERROR) {
		result = LOGIN_ERROR;
		goto out;
	}
	const char *hash = found == STORE_OK ? user.password_hash : decoy;
	bool right = password.len <= AUTH_PASSWORD_MAX_BYTES &&
		     crypto_pwhash_str_verify(hash, password.p, password.len) == 0;
	if (found != STORE_OK || !right || user.disabled)
		goto out;

	if (old_token)
		auth_logout(s, old_token);
	unsigned char raw[32], csrf[32], hashed[32];
	randombytes_buf(raw, sizeof(raw));
	randombytes_buf(csrf, sizeof(csrf));
	encode(raw, token);
	token_hash(token, hashed);
	result = store_session_add(s, hashed, user.id, csrf, now) == STORE_OK ? LOGIN_OK : LOGIN_ERROR;
	sodium_memzero(raw, sizeof(raw));
out:
	arena_free(arena);
	return result;
}

enum store_rc auth_session(struct store *s, const char *token, int64_t now, struct arena *arena,
			   struct session *out)
{
	if (!token || strlen(token) != SESSION_TOKEN_CHARS)
		return STORE_NOT_FOUND;
	unsigned char hashed[32];
	token_hash(token, hashed);
	struct session_row row;
	enum store_rc rc = store_session_get(s, hashed, arena, &row);
	if (rc != STORE_OK)
		return rc;
	if (now - row.last_seen > SESSION_IDLE_SECONDS || now - row.created_at > SESSION_MAX_SECONDS) {
		if (store_session_delete(s, hashed) != STORE_OK)
			return STORE_ERROR;
		return STORE_NOT_FOUND;
	}
	if (store_session_touch(s, hashed, now) != STORE_OK)
		return STORE_ERROR;
	*out = (struct session){ .user_id = row.user_id, .user_name = row.user_name, .role = role_of(row.role) };
	encode(row.csrf, out->csrf_token);
	return STORE_OK;
}

void auth_logout(struct store *s, const char *token)
{
	if (!token || strlen(token) != SESSION_TOKEN_CHARS)
		return;
	unsigned char hashed[32];
	token_hash(token, hashed);
	if (store_session_delete(s, hashed) != STORE_OK)
		log_error("auth: could not end a session");
}

bool auth_csrf_ok(const struct session *session, const char *submitted)
{
	return submitted && strlen(submitted) == CSRF_TOKEN_CHARS &&
	       sodium_memcmp(submitted, session->csrf_token, CSRF_TOKEN_CHARS) == 0;
}
