/* cache: validators, conditional requests, content codings, and a table of
 * public responses flushed when the content version moves on. */
#include "http/cache.h"

#include <pthread.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "http/handlers.h"
#include "util/date.h"
#include "util/mem.h"

enum {
	CACHE_SLOTS = 4096,           /* a key's slot is its keyed hash modulo this */
	CACHE_BUDGET = 64 << 20,      /* bytes held at most: keys, headers, bodies */
	CACHE_ENTRY_MAX = 8 << 20,    /* a larger response is not kept (a full sitemap fits) */
	CACHE_KEY_MAX = 1024,         /* longer URLs (odd queries) are not kept */
	COMPRESS_MIN = 256,           /* smaller bodies gain nothing from a coding */
	HASH_HEX = 32,                /* a body's BLAKE2b-128 in hex */
	ETAG_SIZE = HASH_HEX + sizeof("W/\"-gzip\""),
};

struct entry {
	char *key;
	size_t bytes; /* what it counts against the budget */
	int64_t version;
	char hash[HASH_HEX + 1]; /* of the identity body: the ETag's opaque part */
	char *content_type, *cache_control, *content_disposition;
	bool cors;
	bool compressible;
	enum response_tally tally;
	struct buf body[ENCODING__MAX]; /* identity always; a coding once a client asked for it */
};

static struct {
	pthread_rwlock_t lock;
	int64_t version; /* of every entry held */
	size_t bytes;    /* of the entries held */
	struct entry *slots[CACHE_SLOTS];
	int64_t started;
	/* Slots are chosen by a keyed hash: no one can aim URLs at the slot of
	 * a page they want evicted. */
	unsigned char slot_key[crypto_shorthash_KEYBYTES];
	atomic_uint_fast64_t hits, misses; /* for /metrics */
} cache = { .lock = PTHREAD_RWLOCK_INITIALIZER };

void cache_stats_read(struct cache_stats *out)
{
	out->hits = atomic_load_explicit(&cache.hits, memory_order_relaxed);
	out->misses = atomic_load_explicit(&cache.misses, memory_order_relaxed);
	pthread_rwlock_rdlock(&cache.lock);
	out->entries = 0;
	for (size_t i = 0; i < CACHE_SLOTS; i++)
		out->entries += cache.slots[i] != NULL;
	out->bytes = cache.bytes;
	pthread_rwlock_unlock(&cache.lock);
}

void cache_init(int64_t started)
{
	cache.started = started;
	crypto_shorthash_keygen(cache.slot_key);
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

/* Empties slot i. Call with the write lock held. */
static void evict(size_t i)
{
	if (!cache.slots[i])
		return;
	cache.bytes -= cache.slots[i]->bytes;
	entry_free(cache.slots[i]);
	cache.slots[i] = NULL;
}

/* Call with the write lock held. */
static void flush(int64_t version)
{
	for (size_t i = 0; i < CACHE_SLOTS; i++)
		evict(i);
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
	unsigned char h[crypto_shorthash_BYTES];
	crypto_shorthash(h, (const unsigned char *)key, strlen(key), cache.slot_key);
	uint64_t v;
	memcpy(&v, h, sizeof(v));
	return (size_t)(v % CACHE_SLOTS);
}

bool cache_etag_matches(const char *if_none_match, const char *etag)
{
	/* Weak comparison: the tags without W/, quotes included. */
	const char *opaque = strncmp(etag, "W/", 2) ? etag : etag + 2;
	size_t olen = strlen(opaque);
	for (const char *p = if_none_match; *p;) {
		p += strspn(p, " \t,");
		if (*p == '*')
			return true;
		if (!strncmp(p, "W/", 2))
			p += 2;
		if (!strncmp(p, opaque, olen) && (p[olen] == '\0' || p[olen] == ',' || p[olen] == ' ' || p[olen] == '\t'))
			return true;
		p += strcspn(p, ",");
	}
	return false;
}

/* Whether the request's copy (If-None-Match, else If-Modified-Since) is
 * the current one (RFC 9110 §13.1.2, §13.1.3). A date in the future is
 * not a date this server gave out: ignored. */
static bool client_copy_current(struct request *req, const struct response *res)
{
	const char *inm = request_header(req, "If-None-Match");
	if (inm)
		return cache_etag_matches(inm, res->etag);
	const char *ims = request_header(req, "If-Modified-Since");
	int64_t since;
	return ims && res->last_modified && date_http_parse(ims, &since) && since <= req->now &&
	       res->last_modified <= since;
}

/* When what req sees last changed: the server's start (templates may have
 * changed with it), or a later change of the content — but 0 while the
 * second of that change lasts: a second change within it would keep the
 * same date, and a client holding the first would be told its copy is
 * current. */
static int64_t last_modified(const struct request *req)
{
	if (req->content_changed_at <= cache.started)
		return cache.started;
	return req->now > req->content_changed_at ? req->content_changed_at : 0;
}

/* The ETag of the body with hash in coding e: each coding its own, so a
 * 304 never vouches for bytes in another coding than the client holds. */
static const char *etag_for(struct arena *arena, const char *hash, enum encoding e)
{
	return e == ENCODING_IDENTITY ? arena_printf(arena, "W/\"%s\"", hash)
				      : arena_printf(arena, "W/\"%s-%s\"", hash, encoding_name(e));
}

/* Sets res's validators for a body with hash sent in coding e, and turns
 * it into a 304 when the client's copy is current; true then. */
static bool validate(struct request *req, struct response *res, const char *hash, enum encoding e)
{
	res->etag = etag_for(req->arena, hash, e);
	res->last_modified = last_modified(req);
	if (!client_copy_current(req, res))
		return false;
	/* Without a body, which libmicrohttpd 0.9.75 sends as "Content-Length:
	 * 0". Stating the 200's length instead, as RFC 9110 §8.6 allows, makes
	 * clients built on http-parser 2 (wrk among them) wait for a body that
	 * never comes; a 0 is ignored by every client (RFC 9112 §6.3) and cache
	 * (RFC 9111 §3.2 keeps the stored Content-Length). */
	res->status = 304;
	res->body = arena_buf(req->arena);
	return true;
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

/* The coding to send a body in: what req prefers, when its type gains. */
static enum encoding coding_for(const struct request *req, bool compressible)
{
	return compressible ? req->accepts : ENCODING_IDENTITY;
}

/* Replaces res's body by its coding e; false (body unchanged) on failure. */
static bool encode(struct request *req, struct response *res, enum encoding e)
{
	struct buf *coded = arena_buf(req->arena);
	if (encoding_compress(e, res->body->data, res->body->len, coded) < 0)
		return false;
	res->body = coded;
	res->encoding = e;
	return true;
}

/* Adds a coding of the body with hash that a client asked for, unless a
 * concurrent request did, or the entry has gone. */
static void add_variant(const char *key, const char *hash, enum encoding e, const struct buf *coded)
{
	pthread_rwlock_wrlock(&cache.lock);
	struct entry *entry = cache.slots[slot_of(key)];
	if (entry && !strcmp(entry->key, key) && !strcmp(entry->hash, hash) && entry->body[e].len == 0 &&
	    cache.bytes + coded->len <= CACHE_BUDGET && entry->bytes + coded->len <= CACHE_ENTRY_MAX) {
		buf_append(&entry->body[e], coded->data, coded->len);
		entry->bytes += coded->len;
		cache.bytes += coded->len;
	}
	pthread_rwlock_unlock(&cache.lock);
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
		atomic_fetch_add_explicit(&cache.misses, 1, memory_order_relaxed);
		return false;
	}
	atomic_fetch_add_explicit(&cache.hits, 1, memory_order_relaxed);
	res->status = 200;
	res->content_type = arena_copy(req->arena, e->content_type);
	res->cache_control = arena_copy(req->arena, e->cache_control);
	res->content_disposition = arena_copy(req->arena, e->content_disposition);
	res->cors = e->cors;
	res->vary_encoding = e->compressible;
	res->tally = e->tally;
	const char *hash = arena_strdup(req->arena, e->hash);
	enum encoding want = coding_for(req, e->compressible);
	if (validate(req, res, hash, want)) {
		pthread_rwlock_unlock(&cache.lock);
		return true;
	}
	bool kept = e->body[want].len > 0;
	const struct buf *body = kept ? &e->body[want] : &e->body[ENCODING_IDENTITY];
	buf_append(res->body, body->data, body->len);
	res->encoding = kept ? want : ENCODING_IDENTITY;
	pthread_rwlock_unlock(&cache.lock);

	/* First asked for in this coding: compressed outside the lock. */
	if (!kept && want != ENCODING_IDENTITY) {
		if (encode(req, res, want))
			add_variant(req->cache_key, hash, want, res->body);
		else
			res->etag = etag_for(req->arena, hash, ENCODING_IDENTITY);
	}
	return true;
}

/* Keeps res (body in coding res->encoding, identity body given) for its
 * key at req's content version, within the budget. */
static void keep(struct request *req, const struct response *res, const char *hash, const struct buf *identity)
{
	size_t key_len = strlen(req->cache_key);
	if (key_len > CACHE_KEY_MAX)
		return;
	struct entry *e = xcalloc(1, sizeof(*e));
	e->key = xstrdup(req->cache_key);
	e->version = req->content_version;
	memcpy(e->hash, hash, HASH_HEX + 1);
	e->content_type = heap_copy(res->content_type);
	e->cache_control = heap_copy(res->cache_control);
	e->content_disposition = heap_copy(res->content_disposition);
	e->cors = res->cors;
	e->compressible = res->vary_encoding;
	e->tally = res->tally;
	buf_append(&e->body[ENCODING_IDENTITY], identity->data, identity->len);
	if (res->encoding != ENCODING_IDENTITY)
		buf_append(&e->body[res->encoding], res->body->data, res->body->len);
	e->bytes = sizeof(*e) + key_len + identity->len + (res->encoding != ENCODING_IDENTITY ? res->body->len : 0) +
		   (res->content_type ? strlen(res->content_type) : 0) +
		   (res->cache_control ? strlen(res->cache_control) : 0) +
		   (res->content_disposition ? strlen(res->content_disposition) : 0);
	if (e->bytes > CACHE_ENTRY_MAX) {
		entry_free(e);
		return;
	}

	size_t slot = slot_of(req->cache_key);
	pthread_rwlock_wrlock(&cache.lock);
	if (req->content_version > cache.version)
		flush(req->content_version);
	if (req->content_version == cache.version) {
		evict(slot);
		/* Over budget: make room from the slots after this one, so that
		 * a full cache still takes what is asked for now. */
		for (size_t i = 1; cache.bytes + e->bytes > CACHE_BUDGET && i < CACHE_SLOTS; i++)
			evict((slot + i) % CACHE_SLOTS);
		cache.slots[slot] = e;
		cache.bytes += e->bytes;
		e = NULL;
	}
	pthread_rwlock_unlock(&cache.lock);
	entry_free(e); /* rendered before a change the cache has seen: not kept */
}

/* A response that may be reused: a 200 to GET or HEAD, for no one in
 * particular (no session, no cookie set, not no-store or private). */
static bool reusable_response(const struct request *req, const struct response *res)
{
	return reusable_request(req) && res->status == 200 && !req->session && !res->set_cookie[0] &&
	       !(res->cache_control && (strstr(res->cache_control, "no-store") || strstr(res->cache_control, "private")));
}

void cache_finish(struct request *req, struct response *res)
{
	if (!reusable_response(req, res))
		return;
	unsigned char digest[HASH_HEX / 2];
	crypto_generichash(digest, sizeof(digest), (const unsigned char *)res->body->data, res->body->len, NULL, 0);
	char *hash = arena_alloc(req->arena, HASH_HEX + 1);
	sodium_bin2hex(hash, HASH_HEX + 1, digest, sizeof(digest));

	const struct buf *identity = res->body;
	res->vary_encoding = res->body->len >= COMPRESS_MIN && encoding_compressible(res->content_type);
	enum encoding want = coding_for(req, res->vary_encoding);
	if (validate(req, res, hash, want)) {
		struct response kept = *res;
		kept.encoding = ENCODING_IDENTITY;
		keep(req, &kept, hash, identity);
		return;
	}
	if (want != ENCODING_IDENTITY && !encode(req, res, want))
		res->etag = etag_for(req->arena, hash, ENCODING_IDENTITY);
	keep(req, res, hash, identity);
}
