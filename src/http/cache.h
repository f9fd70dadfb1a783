/* cache: what a reusable response gets on its way out — validators (ETag,
 * Last-Modified), 304 Not Modified, a content coding — and the public
 * responses kept until the site's content changes, so that each page is
 * rendered and compressed once per content version, not once per visitor. */
#ifndef ZS_HTTP_CACHE_H
#define ZS_HTTP_CACHE_H

#include <stdbool.h>
#include <stdint.h>

#include "http/http.h"

/* started is when the server started: no response is older (templates and
 * code may have changed since the content did). Call once before serving. */
void cache_init(int64_t started);
/* Releases everything kept. */
void cache_shutdown(void);

/* Answers req from the cache when it holds the response for req's key at
 * req's content version: fills res (a 304 when the client's copy is
 * current) and returns true. False when req must go to its handler. */
bool cache_answer(struct request *req, struct response *res);

/* After the handler: gives a response fit for reuse — a 200 to GET or
 * HEAD for no one in particular (no session, no cookie set, neither
 * no-store nor private) — its ETag (one per coding) and Last-Modified and
 * the coding req accepts, keeps it, and turns it into a 304 when the
 * client's copy is current. Leaves others as they are: they carry secrets
 * or errors, and are neither validated nor compressed (compressing secrets
 * beside reflected input leaks them: BREACH). */
void cache_finish(struct request *req, struct response *res);

/* What the cache has done and holds, for /metrics: lookups it answered
 * and those it did not (public GET and HEAD requests), and its size. */
struct cache_stats {
	uint64_t hits, misses;
	size_t entries, bytes;
};
void cache_stats_read(struct cache_stats *out);

/* Whether an If-None-Match value (a list of entity tags, or *) names etag,
 * by weak comparison (RFC 9110 §8.8.3.2). */
bool cache_etag_matches(const char *if_none_match, const char *etag);

#endif
