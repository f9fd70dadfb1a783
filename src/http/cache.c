/* cache: validators, conditional requests, content codings, and a
 * direct-mapped table of public responses flushed when the content version
 * moves on. */
#include "http/cache.h"

#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "http/handlers.h"
#include "util/date.h"
#include "util/log.h"
#include "util/mem.h"

enum {
	CACHE_SLOTS = 4096,           /* a key's slot is its hash modulo this */
	CACHE_BUDGET = 64 << 20,      /* bytes of bodies kept at most */
	CACHE_ENTRY_MAX = 4 << 20,    /* a larger response is not kept */
	COMPRESS_MIN = 256,           /* smaller bodies gain nothing from a coding */
	ETAG_HASH_BYTES = 16,
	ETAG_SIZE = 2 * ETAG_HASH_BYTES + sizeof("W/\"\""),
};

struct entry {
	char *key;
	int64_t version;
	int64_t last_modified;
	char etag[ETAG_SIZE];
	char *content_type, *cache_control, *content_disposition;
	bool cors;
	bool compressible;
	struct buf body[ENCODING__MAX]; /* identity always; a coding once a client asked for it */
};

static struct {
	pthread_rwlock_t lock;
	int64_t version; /* of every entry held */
	size_t bytes;    /* of the bodies held */
	struct entry *slots[CACHE_SLOTS];
	int64_t started;
} cache = { .lock = PTHREAD_RWLOCK_INITIALIZER };

void cache_init(int64_t started)
{
	cache.started = started;
}

static size_t entry_bytes(const struct entry *e)
{
	size_t n = 0;
	for (int i = 0; i < ENCODING__MAX; i++)
		n += e->body[i].len;
	return n;
}

static void entry_free(struct entry *e)
{
	if (!e)
		return;
	for (int i = 0; i < ENCODING__MAX; i++)
		buf_free(&e->body[i]);
	free(e->key);
	free(e->content_type);
	free(e->cache_control);
	free(e->content_disposition);
	free(e);
}

/* Call with the write lock held. */
static void flush(int64_t version)
{
	for (size_t i = 0; i < CACHE_SLOTS; i++) {
		entry_free(cache.slots[i]);
		cache.slots[i] = NULL;
	}
	cache.bytes = 0;
	cache.version = version;
}

void cache_shutdown(void)
{
	pthread_rwlock_wrlock(&cache.lock);
	flush(0);
	pthread_rwlock_unlock(&cache.lock);
}

static size_t slot_of(const char *key)
{
	uint64_t h = 1469598103934665603ULL; /* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return (size_t)(h % CACHE_SLOTS);
}

/* Whether the request's copy (If-None-Match, else If-Modified-Since) is
 * the current one (RFC 9110 §13.1.2, §13.1.3; weak comparison). */
static bool client_copy_current(struct request *req, const struct response *res)
{
	const char *inm = request_header(req, "If-None-Match");
	if (inm) {
		/* The tag without W/ and quotes, then look for it as a whole
		 * list member. */
		const char *opaque = res->etag + 2;
		size_t olen = strlen(opaque);
		for (const char *p = inm; *p;) {
			p += strspn(p, " \t,");
			if (*p == '*')
				return true;
			if (!strncmp(p, "W/", 2))
				p += 2;
			if (!strncmp(p, opaque, olen) && (p[olen] == '\0' || strchr(" \t,", p[olen])))
				return true;
			p += strcspn(p, ",");
		}
		return false;
	}
	const char *ims = request_header(req, "If-Modified-Since");
	int64_t since;
	return ims && res->last_modified && date_http_parse(ims, &since) && res->last_modified <= since;
}

static void not_modified_if_current(struct request *req, struct response *res)
{
	if (!client_copy_current(req, res))
		return;
	/* Without a body, which libmicrohttpd 0.9.75 sends as "Content-Length:
	 * 0". Stating the 200's length instead, as RFC 9110 §8.6 allows, makes
	 * clients built on http-parser 2 (wrk among them) wait for a body that
	 * never comes; a 0 is ignored by every client (RFC 9112 §6.3) and cache
	 * (RFC 9111 §3.2 keeps the stored Content-Length). */
	res->status = 304;
	res->body = arena_buf(req->arena);
}

static bool reusable_request(const struct request *req)
{
	return (req->method == HTTP_GET || req->method == HTTP_HEAD) && req->content_version > 0 && req->cache_key;
}

static char *arena_copy(struct arena *a, const char *s)
{
	return s ? arena_strdup(a, s) : NULL;
}

static char *heap_copy(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* Moves the cache to version when it is newer; false when version is
 * older than what the cache holds (a response rendered before a change).
 * Call with the write lock held. */
static bool at_version(int64_t version)
{
	if (version < cache.version)
		return false;
	if (version > cache.version)
		flush(version);
	return true;
}

/* Adds a coding of the body with etag that a client asked for, unless a
 * concurrent request did, or the entry has gone. */
static void add_variant(const char *key, const char *etag, enum encoding e, const struct buf *coded)
{
	pthread_rwlock_wrlock(&cache.lock);
	struct entry *entry = cache.slots[slot_of(key)];
	if (entry && !strcmp(entry->key, key) && !strcmp(entry->etag, etag) && entry->body[e].len == 0 &&
	    cache.bytes + coded->len <= CACHE_BUDGET) {
		buf_append(&entry->body[e], coded->data, coded->len);
		cache.bytes += coded->len;
	}
	pthread_rwlock_unlock(&cache.lock);
}

/* The body of res in req's preferred coding when its type gains from one,
 * set in res (the identity body stays in *identity). */
static void encode(struct request *req, struct response *res, bool compressible)
{
	res->vary_encoding = compressible;
	if (!compressible || req->accepts == ENCODING_IDENTITY)
		return;
	struct buf *coded = arena_buf(req->arena);
	if (encoding_compress(req->accepts, res->body->data, res->body->len, coded) < 0) {
		log_error("http: could not compress %zu bytes as %s", res->body->len, encoding_name(req->accepts));
		return;
	}
	res->body = coded;
	res->encoding = req->accepts;
}

bool cache_answer(struct request *req, struct response *res)
{
	if (!reusable_request(req) || request_cookie(req, session_cookie))
		return false;
	size_t slot = slot_of(req->cache_key);
	pthread_rwlock_rdlock(&cache.lock);
	const struct entry *e = cache.slots[slot];
	if (!e || e->version != req->content_version || strcmp(e->key, req->cache_key)) {
		pthread_rwlock_unlock(&cache.lock);
		return false;
	}
	res->status = 200;
	res->content_type = arena_copy(req->arena, e->content_type);
	res->cache_control = arena_copy(req->arena, e->cache_control);
	res->content_disposition = arena_copy(req->arena, e->content_disposition);
	res->etag = arena_copy(req->arena, e->etag);
	res->last_modified = e->last_modified;
	res->cors = e->cors;
	res->vary_encoding = e->compressible;
	enum encoding want = e->compressible ? req->accepts : ENCODING_IDENTITY;
	const struct buf *kept = e->body[want].len ? &e->body[want] : &e->body[ENCODING_IDENTITY];
	res->encoding = e->body[want].len ? want : ENCODING_IDENTITY;
	buf_append(res->body, kept->data, kept->len);
	pthread_rwlock_unlock(&cache.lock);

	if (res->encoding != want) {
		/* First asked for in this coding: compress outside the lock. */
		encode(req, res, true);
		if (res->encoding == want)
			add_variant(req->cache_key, res->etag, want, res->body);
	}
	not_modified_if_current(req, res);
	return true;
}

static void keep(struct request *req, const struct response *res, const struct buf *identity)
{
	size_t bytes = identity->len + (res->encoding != ENCODING_IDENTITY ? res->body->len : 0);
	if (bytes > CACHE_ENTRY_MAX)
		return;
	struct entry *e = xcalloc(1, sizeof(*e));
	e->key = xstrdup(req->cache_key);
	e->version = req->content_version;
	e->last_modified = res->last_modified;
	memcpy(e->etag, res->etag, strlen(res->etag) + 1);
	e->content_type = heap_copy(res->content_type);
	e->cache_control = heap_copy(res->cache_control);
	e->content_disposition = heap_copy(res->content_disposition);
	e->cors = res->cors;
	e->compressible = res->vary_encoding;
	buf_append(&e->body[ENCODING_IDENTITY], identity->data, identity->len);
	if (res->encoding != ENCODING_IDENTITY)
		buf_append(&e->body[res->encoding], res->body->data, res->body->len);

	size_t slot = slot_of(req->cache_key);
	pthread_rwlock_wrlock(&cache.lock);
	if (at_version(req->content_version)) {
		struct entry *old = cache.slots[slot];
		size_t freed = old ? entry_bytes(old) : 0;
		if (cache.bytes - freed + bytes <= CACHE_BUDGET) {
			cache.slots[slot] = e;
			cache.bytes = cache.bytes - freed + bytes;
			e = old;
		}
	}
	pthread_rwlock_unlock(&cache.lock);
	entry_free(e); /* the one replaced, or the one not kept */
}

void cache_finish(struct request *req, struct response *res)
{
	if (!reusable_request(req) || res->status != 200 ||
	    (res->cache_control && !strcmp(res->cache_control, "no-store")))
		return;
	unsigned char hash[ETAG_HASH_BYTES];
	crypto_generichash(hash, sizeof(hash), (const unsigned char *)res->body->data, res->body->len, NULL, 0);
	char *etag = arena_alloc(req->arena, ETAG_SIZE);
	memcpy(etag, "W/\"", 3);
	sodium_bin2hex(etag + 3, 2 * ETAG_HASH_BYTES + 1, hash, sizeof(hash));
	strcpy(etag + 3 + 2 * ETAG_HASH_BYTES, "\"");
	res->etag = etag;
	res->last_modified = req->content_changed_at > cache.started ? req->content_changed_at : cache.started;

	const struct buf *identity = res->body;
	encode(req, res, res->body->len >= COMPRESS_MIN && encoding_compressible(res->content_type));
	bool public = !req->session && !res->set_cookie[0];
	if (public)
		keep(req, res, identity);
	not_modified_if_current(req, res);
}
