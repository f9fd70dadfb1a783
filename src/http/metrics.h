/* metrics: what the server counts about itself — requests by route, method
 * and status, their durations and sizes, the response cache — written in
 * Prometheus's text exposition format for /metrics. Counting is lock-free
 * (atomics), from any thread. */
#ifndef ZS_HTTP_METRICS_H
#define ZS_HTTP_METRICS_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "util/buf.h"

/* Routes counted each on their own; past this many they would count as
 * "none" (a unit test holds the route table below it). */
enum { METRICS_ROUTES_MAX = 127 };

/* Notes when the server started and how routes are named (route_name(i)
 * is route i's label, NULL past the last: router_pattern); call once
 * before serving or writing. */
void metrics_init(int64_t started, const char *(*route_name)(size_t route));

/* Counts a request coming in, and the same request finished: route is
 * its index among the routes metrics_init was told of (-1 for none),
 * method an enum http_method, status as sent (0 when none was), seconds
 * from its start, bytes of body sent. */
void metrics_request_started(void);
void metrics_request_done(int route, int method, int status, double seconds, size_t bytes);
/* The same for a request that got no answer (the client went away). */
void metrics_request_abandoned(void);

/* The figures /metrics shows besides the request counters, read when it
 * is asked for. */
struct metrics_gauges {
	int64_t content_version, content_changed_at;
	int64_t articles;
	int64_t submissions[REVIEW__MAX]; /* by status */
	int64_t enterprises[REVIEW__MAX];
	int64_t messages_unhandled;
	uint64_t cache_hits, cache_misses; /* of requests that could be answered from it */
	int64_t cache_entries, cache_bytes;
	uint64_t failed_writes;           /* store_failed_writes() */
};

/* Appends every metric to out in the text format (version 0.0.4). */
void metrics_write(struct buf *out, const struct metrics_gauges *g);

#endif
