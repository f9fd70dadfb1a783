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

/* After the handler: gives a response fit for reuse (a 200 to GET or HEAD
 * that is not no-store) its ETag and Last-Modified and the coding req
 * accepts, keeps it when it is public (no session, no cookie set), and
 * turns it into a 304 when the client's copy is current. Leaves others as
 * they are: they carry secrets or errors, and are neither validated nor
 * compressed (compressing secrets beside reflected input leaks them:
 * BREACH). */
void cache_finish(struct request *req, struct response *res);

#endif
