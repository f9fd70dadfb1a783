/* Unit tests for store/throttle: the fixed-window counters behind rate
 * limits and login throttling. */
#include <criterion/criterion.h>

#include "store/throttle.h"
#include "store_fixture.h"

static struct store_fixture fx;
static struct store *store;
static const int64_t T0 = 1795795199; /* a fixed "now" */

static void setup(void)
{
	store_fixture_open(&fx);
	store = fx.store;
}

static void teardown(void)
{
	store_fixture_close(&fx);
}

TestSuite(store_throttle, .init = setup, .fini = teardown);

Test(store_throttle, throttle_counts_hits_in_a_window)
{
	int64_t hits = -1, resets_at = 0;
	cr_assert_eq(store_throttle(store, "form:192.0.2.1", true, T0, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 1);
	cr_assert_eq(resets_at, T0 + 60);
	cr_assert_eq(store_throttle(store, "form:192.0.2.1", true, T0 + 30, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 2);
	cr_assert_eq(resets_at, T0 + 60, "the window starts at the first hit");
	cr_assert_eq(store_throttle(store, "form:192.0.2.1", true, T0 + 59, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 3);
	cr_assert_eq(resets_at, T0 + 60);
}

Test(store_throttle, a_throttle_read_does_not_count)
{
	int64_t hits = -1, resets_at = 0;
	cr_assert_eq(store_throttle(store, "k", false, T0, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 0, "no window open");
	cr_assert_eq(store_throttle(store, "k", true, T0, 60, &hits, &resets_at), STORE_OK);
	for (int i = 0; i < 3; i++) {
		cr_assert_eq(store_throttle(store, "k", false, T0 + 10, 60, &hits, &resets_at), STORE_OK);
		cr_assert_eq(hits, 1);
		cr_assert_eq(resets_at, T0 + 60);
	}
	cr_assert_eq(store_throttle(store, "k", true, T0 + 20, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 2);
}

Test(store_throttle, a_new_throttle_window_starts_when_the_old_one_ends)
{
	int64_t hits = -1, resets_at = 0;
	for (int i = 0; i < 5; i++)
		cr_assert_eq(store_throttle(store, "k", true, T0 + i, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 5);
	cr_assert_eq(store_throttle(store, "k", false, T0 + 60, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 0, "the window is over");
	cr_assert_eq(store_throttle(store, "k", true, T0 + 60, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 1);
	cr_assert_eq(resets_at, T0 + 120);
	cr_assert_eq(store_throttle(store, "k", true, T0 + 500, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 1);
	cr_assert_eq(resets_at, T0 + 560);
}

Test(store_throttle, throttle_keys_are_counted_apart)
{
	int64_t hits = -1, resets_at = 0;
	cr_assert_eq(store_throttle(store, "a", true, T0, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(store_throttle(store, "a", true, T0, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(store_throttle(store, "b", true, T0, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 1);
}

Test(store_throttle, clearing_a_throttle_starts_it_over)
{
	int64_t hits = -1, resets_at = 0;
	for (int i = 0; i < 3; i++)
		cr_assert_eq(store_throttle(store, "k", true, T0, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(store_throttle(store, "other", true, T0, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(store_throttle_clear(store, "k"), STORE_OK);
	cr_assert_eq(store_throttle(store, "k", false, T0 + 1, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 0);
	cr_assert_eq(store_throttle(store, "k", true, T0 + 1, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 1);
	cr_assert_eq(resets_at, T0 + 61);
	cr_assert_eq(store_throttle(store, "other", false, T0 + 1, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 1, "only k was cleared");
	cr_assert_eq(store_throttle_clear(store, "never-seen"), STORE_OK);
}

Test(store_throttle, every_connection_counts_against_the_same_window)
{
	/* Each server thread has its own connection; a client spreading its
	 * posts over them must not get a window per thread. */
	struct store *other = store_fixture_connect(&fx);
	int64_t hits = -1, resets_at = 0;
	cr_assert_eq(store_throttle(store, "k", true, T0, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(store_throttle(other, "k", true, T0 + 1, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 2);
	cr_assert_eq(resets_at, T0 + 60);
	cr_assert_eq(store_throttle(store, "k", false, T0 + 2, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 2);
	store_close(other);
}
