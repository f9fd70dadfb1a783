/* auth: accounts and sessions over the store, with libsodium for hashing,
 * random tokens and constant-time comparison. */
#include "domain/auth.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "store/accounts.h"
#include "store/throttle.h"
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
	/* "." and ".." are path segments: /admin/users/../disable would not
	 * reach the account. */
	if (name.p[0] == '.') {
		buf_puts(err, "用户名不能以 . 开头");
		return -1;
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

_Static_assert(AUTH_HASH_BYTES == crypto_pwhash_STRBYTES, "the stored hash's size");

int auth_new_user(struct str name, enum role role, struct str password, struct new_user *out, struct buf *err)
{
	if (auth_check_name(name, err) < 0 || auth_check_password(password, err) < 0)
		return -1;
	if (crypto_pwhash_str(out->hash, password.p, password.len, crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		buf_puts(err, "无法计算密码散列（内存不足？）");
		return -1;
	}
	memcpy(out->name, name.p, name.len);
	out->name[name.len] = '\0';
	out->role = role;
	return 0;
}

/* The stored form of a token: its BLAKE2b-256 hash. */
void auth_token_hash(const char *token, unsigned char out[32])
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

enum role auth_role_from_name(const char *name)
{
	for (int i = 0; name && i < ROLE__MAX; i++)
		if (!strcmp(name, role_names[i]))
			return (enum role)i;
	return ROLE__MAX;
}

/* A stored role; anything unknown counts for least. */
static enum role role_of(const char *name)
{
	return auth_role_from_name(name) == ROLE_ADMIN ? ROLE_ADMIN : ROLE_EDITOR;
}

/* Each attempt counts against three keys, each with its limit: the name
 * from this address, the name from anywhere (a wider net for guessing
 * spread over many addresses, high enough that locking someone out takes
 * work), and the address. Names that cannot be accounts count only
 * against the address. */
enum { KEY_NAME_HERE, KEY_NAME, KEY_ADDRESS, KEYS };
static const int64_t key_limits[KEYS] = { LOGIN_NAME_FAILURES, LOGIN_NAME_ANYWHERE_FAILURES, LOGIN_ADDRESS_FAILURES };

static void throttle_keys(const struct login_attempt *a, const char *name, char keys[KEYS][128])
{
	const char *ip = a->address ? a->address : "-";
	snprintf(keys[KEY_ADDRESS], sizeof(keys[0]), "login-ip:%s", ip);
	keys[KEY_NAME][0] = keys[KEY_NAME_HERE][0] = '\0';
	if (!name[0])
		return; /* no account's name: no name's key, only the address's */
	snprintf(keys[KEY_NAME], sizeof(keys[0]), "login-user:%s", name);
	snprintf(keys[KEY_NAME_HERE], sizeof(keys[0]), "login-user:%s@%s", name, ip);
}

/* Counts the attempt against every key before the password is checked,
 * so parallel attempts cannot slip past the limit while hashing runs.
 * LOGIN_LOCKED when any key is over its limit. */
static enum login_result count_attempt(struct store *s, const struct login_attempt *a, char keys[KEYS][128],
				       int64_t *retry_after)
{
	enum login_result result = LOGIN_OK;
	for (int i = 0; i < KEYS; i++) {
		int64_t hits, resets_at;
		if (!keys[i][0])
			continue;
		if (store_throttle(s, keys[i], true, a->now, LOGIN_WINDOW_SECONDS, &hits, &resets_at) != STORE_OK)
			return LOGIN_ERROR;
		if (hits > key_limits[i]) {
			result = LOGIN_LOCKED;
			if (resets_at - a->now > *retry_after)
				*retry_after = resets_at - a->now;
		}
	}
	return result;
}

enum login_result auth_login(struct store *s, const struct login_attempt *a, char token[SESSION_TOKEN_CHARS + 1],
			     int64_t *retry_after)
{
	pthread_once(&decoy_once, make_decoy);
	if (!decoy[0])
		return LOGIN_ERROR;
	struct arena *arena = arena_new();
	struct user user = { 0 };
	char name_z[AUTH_NAME_MAX_CHARS + 1] = "";
	struct buf why = { 0 }; /* not shown: refusals do not say what was wrong */
	if (auth_check_name(a->name, &why) == 0) {
		memcpy(name_z, a->name.p, a->name.len);
		name_z[a->name.len] = '\0';
	}
	buf_free(&why);
	char keys[KEYS][128];
	throttle_keys(a, name_z, keys);
	*retry_after = 0;
	enum login_result result = count_attempt(s, a, keys, retry_after);
	if (result != LOGIN_OK)
		goto out;
	result = LOGIN_REFUSED;
	enum store_rc found = name_z[0] ? store_user_by_name(s, name_z, arena, &user) : STORE_NOT_FOUND;
	if (found == STORE_ERROR) {
		result = LOGIN_ERROR;
		goto out;
	}
	const char *hash = found == STORE_OK ? user.password_hash : decoy;
	const char *password = a->password.p ? a->password.p : ""; /* a form without the field */
	bool right = a->password.len <= AUTH_PASSWORD_MAX_BYTES &&
		     crypto_pwhash_str_verify(hash, password, a->password.len) == 0;
	if (found != STORE_OK || !right || user.disabled)
		goto out;

	if (a->old_token)
		auth_logout(s, a->old_token);
	unsigned char raw[32], csrf[32], hashed[32];
	randombytes_buf(raw, sizeof(raw));
	randombytes_buf(csrf, sizeof(csrf));
	encode(raw, token);
	auth_token_hash(token, hashed);
	/* The name's failures are forgiven; the address's stay, but this
	 * attempt, counted before it was known to be right, is taken back:
	 * only failures count. */
	result = store_session_add(s, hashed, user.id, csrf, a->now) == STORE_OK &&
				 store_throttle_clear(s, keys[KEY_NAME_HERE]) == STORE_OK &&
				 store_throttle_clear(s, keys[KEY_NAME]) == STORE_OK &&
				 store_throttle_refund(s, keys[KEY_ADDRESS]) == STORE_OK
			 ? LOGIN_OK
			 : LOGIN_ERROR;
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
	auth_token_hash(token, hashed);
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
	auth_token_hash(token, hashed);
	if (store_session_delete(s, hashed) != STORE_OK)
		log_error("auth: could not end a session");
}

bool auth_csrf_ok(const char *expected, const char *submitted)
{
	return expected && submitted && strlen(expected) == CSRF_TOKEN_CHARS && strlen(submitted) == CSRF_TOKEN_CHARS &&
	       sodium_memcmp(submitted, expected, CSRF_TOKEN_CHARS) == 0;
}

void auth_random_token(char out[RANDOM_TOKEN_CHARS + 1])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof(raw));
	encode(raw, out);
}

enum store_rc auth_form_key_load(struct store *s, unsigned char key[32])
{
	static const char meta_key[] = "form_key";
	char fresh[SESSION_TOKEN_CHARS + 1];
	auth_random_token(fresh); /* 32 random bytes, encoded alike */
	struct arena *arena = arena_new();
	const char *stored = NULL;
	size_t len = 0;
	enum store_rc rc = store_meta_add(s, meta_key, fresh); /* the first process to ask sets it */
	if (rc == STORE_OK)
		rc = store_meta_get(s, meta_key, arena, &stored);
	if (rc == STORE_OK && (sodium_base642bin(key, 32, stored, strlen(stored), NULL, &len, NULL,
						  sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
			       len != 32))
		rc = STORE_ERROR;
	arena_free(arena);
	sodium_memzero(fresh, sizeof(fresh));
	return rc;
}

bool auth_token_shaped(const char *s)
{
	if (!s || strlen(s) != RANDOM_TOKEN_CHARS)
		return false;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' ||
		      *p == '_'))
			return false;
	return true;
}

bool auth_visitor_csrf(const unsigned char key[32], const char *visitor, char out[CSRF_TOKEN_CHARS + 1])
{
	if (!auth_token_shaped(visitor))
		return false;
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256(mac, (const unsigned char *)visitor, RANDOM_TOKEN_CHARS, key);
	encode(mac, out);
	return true;
}
