/* Unit tests for http/metrics: the text it writes and the room it keeps. */
#include <criterion/criterion.h>
#include <string.h>

#include "http/http.h"
#include "http/metrics.h"
#include "http/router.h"

Test(metrics, every_route_has_its_own_row)
{
	size_t n = 0;
	while (router_pattern(n))
		n++;
	cr_assert_leq(n, METRICS_ROUTES_MAX, "%zu routes: raise METRICS_ROUTES_MAX", n);
}

Test(metrics, the_histogram_is_cumulative_and_ends_at_its_count)
{
	metrics_init(0, router_pattern);
	int route = router_route_index("/healthz");
	cr_assert_geq(route, 0);
	static const double seconds[] = { 0.0001, 0.002, 0.002, 0.3, 7.0 };
	for (size_t i = 0; i < sizeof(seconds) / sizeof(seconds[0]); i++) {
		metrics_request_started();
		metrics_request_done(route, HTTP_GET, 200, seconds[i], 3);
	}
	struct metrics_gauges g = { 0 };
	struct buf out = { 0 };
	metrics_write(&out, &g);
	const char *text = buf_cstr(&out);
	cr_assert_not_null(strstr(text, "zhaoshang_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"0.0005\"} 1\n"));
	cr_assert_not_null(strstr(text, "zhaoshang_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"0.0025\"} 3\n"));
	cr_assert_not_null(strstr(text, "zhaoshang_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"2.5\"} 4\n"));
	cr_assert_not_null(strstr(text, "zhaoshang_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"+Inf\"} 5\n"),
			   "the 7 s request is in +Inf only");
	cr_assert_not_null(strstr(text, "zhaoshang_http_request_duration_seconds_count{route=\"/healthz\"} 5\n"));
	cr_assert_not_null(strstr(text, "zhaoshang_http_response_bytes_total{route=\"/healthz\"} 15\n"));
	/* Each family's HELP and TYPE once. */
	cr_assert_eq(strstr(strstr(text, "# TYPE zhaoshang_http_requests_total") + 1, "# TYPE zhaoshang_http_requests_total"),
		     NULL);
	buf_free(&out);
}
