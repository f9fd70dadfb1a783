/* metrics: fixed tables of atomic counters, indexed by route, method and
 * status, so that counting never allocates or locks. */
#include "http/metrics.h"

#include <stdatomic.h>
#include <string.h>

#include "http/http.h"

enum {
	ROUTES_MAX = METRICS_ROUTES_MAX + 1, /* and a row for "no route" */
	METHODS = 5,        /* as enum http_method: GET HEAD POST OPTIONS other */
};
_Static_assert(HTTP_OTHER == METHODS - 1, "method_names follows enum http_method");

static const char *const method_names[METHODS] = { "GET", "HEAD", "POST", "OPTIONS", "other" };

/* Statuses the server sends; anything else is counted as "other". */
static const int statuses[] = { 200, 204, 303, 304, 400, 401, 403, 404, 405, 409,
				413, 414, 415, 429, 431, 500, 503 };
enum { STATUSES = sizeof(statuses) / sizeof(statuses[0]) + 1 };

/* Upper bounds of the duration histogram, in seconds; one more bucket
 * counts what took longer, so +Inf is a bucket sum like the others and
 * the buckets read at one scrape never decrease. */
static const double bounds[] = { 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5 };
enum { BUCKETS = sizeof(bounds) / sizeof(bounds[0]) + 1 };

static struct {
	int64_t started;
	const char *(*route_name)(size_t route);
	atomic_int_fast64_t in_flight;
	atomic_uint_fast64_t requests[ROUTES_MAX][METHODS][STATUSES];
	atomic_uint_fast64_t duration_buckets[ROUTES_MAX][BUCKETS]; /* each its own; summed when written */
	atomic_uint_fast64_t duration_us[ROUTES_MAX];
	atomic_uint_fast64_t bytes[ROUTES_MAX];
} m;

/* The row of a route: the last for "no route" (and any past the table). */
static size_t route_row(int route)
{
	return route >= 0 && route < ROUTES_MAX - 1 ? (size_t)route : ROUTES_MAX - 1;
}

static size_t status_column(int status)
{
	for (size_t i = 0; i < STATUSES - 1; i++)
		if (statuses[i] == status)
			return i;
	return STATUSES - 1;
}

void metrics_init(int64_t started, const char *(*route_name)(size_t route))
{
	m.started = started;
	m.route_name = route_name;
}

void metrics_request_started(void)
{
	atomic_fetch_add_explicit(&m.in_flight, 1, memory_order_relaxed);
}

void metrics_request_abandoned(void)
{
	atomic_fetch_sub_explicit(&m.in_flight, 1, memory_order_relaxed);
}

void metrics_request_done(int route, int method, int status, double seconds, size_t bytes)
{
	atomic_fetch_sub_explicit(&m.in_flight, 1, memory_order_relaxed);
	size_t r = route_row(route);
	size_t mi = method >= 0 && method < METHODS ? (size_t)method : METHODS - 1;
	atomic_fetch_add_explicit(&m.requests[r][mi][status_column(status)], 1, memory_order_relaxed);
	size_t b = 0;
	while (b < BUCKETS - 1 && seconds > bounds[b])
		b++;
	atomic_fetch_add_explicit(&m.duration_buckets[r][b], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&m.duration_us[r], (uint_fast64_t)(seconds * 1e6), memory_order_relaxed);
	atomic_fetch_add_explicit(&m.bytes[r], bytes, memory_order_relaxed);
}

static uint64_t load(atomic_uint_fast64_t *v)
{
	return atomic_load_explicit(v, memory_order_relaxed);
}

/* A route's label value: its name as metrics_init was told. */
static const char *route_label(size_t r)
{
	const char *pattern = r < ROUTES_MAX - 1 && m.route_name ? m.route_name(r) : NULL;
	return pattern ? pattern : "none";
}

static bool route_exists(size_t r)
{
	return r == ROUTES_MAX - 1 || (m.route_name && m.route_name(r));
}

static void help(struct buf *out, const char *name, const char *type, const char *text)
{
	buf_printf(out, "# HELP %s %s\n# TYPE %s %s\n", name, text, name, type);
}

static void write_requests(struct buf *out)
{
	help(out, "zhaoshang_http_requests_total", "counter", "Requests answered, by route pattern, method and status.");
	for (size_t r = 0; r < ROUTES_MAX; r++)
		for (size_t mi = 0; route_exists(r) && mi < METHODS; mi++)
			for (size_t s = 0; s < STATUSES; s++) {
				uint64_t n = load(&m.requests[r][mi][s]);
				if (!n)
					continue;
				buf_printf(out, "zhaoshang_http_requests_total{route=\"%s\",method=\"%s\",code=\"", route_label(r),
					   method_names[mi]);
				if (s < STATUSES - 1)
					buf_printf(out, "%d", statuses[s]);
				else
					buf_puts(out, "other");
				buf_printf(out, "\"} %llu\n", (unsigned long long)n);
			}
	help(out, "zhaoshang_http_request_duration_seconds", "histogram",
	     "Time from a request's arrival until its answer was sent, by route pattern.");
	for (size_t r = 0; r < ROUTES_MAX; r++) {
		uint64_t count = 0;
		for (size_t b = 0; b < BUCKETS; b++)
			count += load(&m.duration_buckets[r][b]);
		if (!count || !route_exists(r))
			continue;
		uint64_t cumulative = 0;
		for (size_t b = 0; b < BUCKETS - 1; b++) {
			cumulative += load(&m.duration_buckets[r][b]);
			if (cumulative > count) /* requests finished since count was taken */
				cumulative = count;
			buf_printf(out, "zhaoshang_http_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %llu\n",
				   route_label(r), bounds[b], (unsigned long long)cumulative);
		}
		buf_printf(out, "zhaoshang_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %llu\n",
			   route_label(r), (unsigned long long)count);
		buf_printf(out, "zhaoshang_http_request_duration_seconds_sum{route=\"%s\"} %.6f\n", route_label(r),
			   (double)load(&m.duration_us[r]) / 1e6);
		buf_printf(out, "zhaoshang_http_request_duration_seconds_count{route=\"%s\"} %llu\n", route_label(r),
			   (unsigned long long)count);
	}
	help(out, "zhaoshang_http_response_bytes_total", "counter", "Bytes of response bodies sent, by route pattern.");
	for (size_t r = 0; r < ROUTES_MAX; r++) {
		uint64_t n = load(&m.bytes[r]);
		if (n && route_exists(r))
			buf_printf(out, "zhaoshang_http_response_bytes_total{route=\"%s\"} %llu\n", route_label(r),
				   (unsigned long long)n);
	}
}

static void gauge(struct buf *out, const char *name, const char *text, int64_t value)
{
	help(out, name, "gauge", text);
	buf_printf(out, "%s %lld\n", name, (long long)value);
}

static void by_status(struct buf *out, const char *name, const char *text, const int64_t counts[REVIEW__MAX])
{
	help(out, name, "gauge", text);
	for (int i = 0; i < REVIEW__MAX; i++)
		buf_printf(out, "%s{status=\"%s\"} %lld\n", name, review_status_names[i], (long long)counts[i]);
}

void metrics_write(struct buf *out, const struct metrics_gauges *g)
{
	write_requests(out);
	gauge(out, "zhaoshang_http_requests_in_flight", "Requests being answered now.",
	      atomic_load_explicit(&m.in_flight, memory_order_relaxed));
	help(out, "zhaoshang_cache_requests_total", "counter",
	     "Public GET and HEAD requests, by whether the response cache answered them.");
	buf_printf(out, "zhaoshang_cache_requests_total{result=\"hit\"} %llu\n", (unsigned long long)g->cache_hits);
	buf_printf(out, "zhaoshang_cache_requests_total{result=\"miss\"} %llu\n", (unsigned long long)g->cache_misses);
	help(out, "zhaoshang_database_write_failures_total", "counter",
	     "Database writes that failed (a full disk, a lock held too long) since the server started.");
	buf_printf(out, "zhaoshang_database_write_failures_total %llu\n", (unsigned long long)g->failed_writes);
	gauge(out, "zhaoshang_cache_entries", "Responses kept in the response cache.", g->cache_entries);
	gauge(out, "zhaoshang_cache_bytes", "Bytes the response cache holds (keys, headers and bodies).",
	      g->cache_bytes);
	gauge(out, "zhaoshang_content_version", "Changes to public content so far (the cache's version).",
	      g->content_version);
	gauge(out, "zhaoshang_content_changed_timestamp_seconds", "When public content last changed (unix time).",
	      g->content_changed_at);
	gauge(out, "zhaoshang_articles", "Published articles.", g->articles);
	by_status(out, "zhaoshang_submissions", "News submissions, by status.", g->submissions);
	by_status(out, "zhaoshang_enterprises", "Enterprise registrations, by status.", g->enterprises);
	gauge(out, "zhaoshang_messages_unhandled", "Contact messages no one has marked handled.", g->messages_unhandled);
	gauge(out, "zhaoshang_start_time_seconds", "When the server started (unix time).", m.started);
}
