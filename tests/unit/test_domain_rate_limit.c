/* Unit tests for domain/rate_limit: how often one client may post a public
 * form in an hour. */
#include <criterion/criterion.h>

#include "domain/rate_limit.h"
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

TestSuite(domain_rate_limit, .init = setup, .fini = teardown);

/* Whether one more post of form from client at now is allowed. */
static bool post(const char *form, const char *client, long limit, int64_t now, long *retry_after)
{
	bool allowed = false;
	long ignored;
	cr_assert_eq(rate_limit_post(store, form, client, limit, now, &allowed, retry_after ? retry_after : &ignored),
		     STORE_OK);
	return allowed;
}

Test(domain_rate_limit, exactly_the_limit_is_allowed_in_a_window)
{
	for (int i = 0; i < 3; i++)
		cr_assert(post("submit", "192.0.2.1", 3, T0 + i, NULL), "post %d refused", i + 1);
	long retry_after = 0;
	cr_assert_not(post("submit", "192.0.2.1", 3, T0 + 10, &retry_after));
	cr_assert_eq(retry_after, RATE_LIMIT_WINDOW_SECONDS - 10, "the window runs from the first post");
	cr_assert_not(post("submit", "192.0.2.1", 3, T0 + 20, NULL), "a refused post reopened the window");
}

Test(domain_rate_limit, a_new_window_allows_the_limit_again)
{
	for (int i = 0; i < 2; i++)
		cr_assert(post("join", "192.0.2.1", 2, T0, NULL));
	cr_assert_not(post("join", "192.0.2.1", 2, T0 + RATE_LIMIT_WINDOW_SECONDS - 1, NULL));
	for (int i = 0; i < 2; i++)
		cr_assert(post("join", "192.0.2.1", 2, T0 + RATE_LIMIT_WINDOW_SECONDS, NULL), "post %d refused", i + 1);
	cr_assert_not(post("join", "192.0.2.1", 2, T0 + RATE_LIMIT_WINDOW_SECONDS, NULL));
}

Test(domain_rate_limit, each_form_is_counted_apart)
{
	cr_assert(post("submit", "192.0.2.1", 1, T0, NULL));
	cr_assert_not(post("submit", "192.0.2.1", 1, T0, NULL));
	cr_assert(post("contact", "192.0.2.1", 1, T0, NULL), "one form's posts used up another's");
	cr_assert(post("join", "192.0.2.1", 1, T0, NULL));
}

Test(domain_rate_limit, each_client_is_counted_apart)
{
	cr_assert(post("submit", "192.0.2.1", 1, T0, NULL));
	cr_assert_not(post("submit", "192.0.2.1", 1, T0, NULL));
	cr_assert(post("submit", "192.0.2.2", 1, T0, NULL), "one client's posts used up another's");
	cr_assert(post("submit", "2001:db8::1", 1, T0, NULL));
}

Test(domain_rate_limit, the_wait_is_at_least_a_second)
{
	cr_assert(post("submit", "192.0.2.1", 1, T0, NULL));
	long retry_after = 0;
	cr_assert_not(post("submit", "192.0.2.1", 1, T0 + RATE_LIMIT_WINDOW_SECONDS - 1, &retry_after));
	cr_assert_eq(retry_after, 1);
}

Test(domain_rate_limit, a_limit_of_zero_allows_nothing)
{
	long retry_after = 0;
	cr_assert_not(post("submit", "192.0.2.1", 0, T0, &retry_after));
	cr_assert_geq(retry_after, 1);
}
