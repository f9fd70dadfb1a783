/* Unit tests for http/address: the client behind a proxy, and rate-limit keys. */
#include <criterion/criterion.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

#include "http/address.h"

static struct arena *arena;

static void setup(void)
{
	arena = arena_new();
}

static void teardown(void)
{
	arena_free(arena);
}

TestSuite(address, .init = setup, .fini = teardown);

static const char *client(const char *peer, const char *forwarded_for, const char *proxy)
{
	struct sockaddr_storage ss = { 0 };
	if (strchr(peer, ':')) {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;
		a->sin6_family = AF_INET6;
		cr_assert_eq(inet_pton(AF_INET6, peer, &a->sin6_addr), 1);
	} else {
		struct sockaddr_in *a = (struct sockaddr_in *)&ss;
		a->sin_family = AF_INET;
		cr_assert_eq(inet_pton(AF_INET, peer, &a->sin_addr), 1);
	}
	return address_client((struct sockaddr *)&ss, forwarded_for, proxy, arena);
}

Test(address, the_peer_is_the_client_unless_it_is_the_trusted_proxy)
{
	cr_assert_str_eq(client("192.0.2.1", NULL, NULL), "192.0.2.1");
	cr_assert_str_eq(client("192.0.2.1", "198.51.100.7", NULL), "192.0.2.1", "no proxy trusted: header ignored");
	cr_assert_str_eq(client("192.0.2.1", "198.51.100.7", "10.0.0.1"), "192.0.2.1", "not from the proxy");
	cr_assert_str_eq(client("10.0.0.1", "198.51.100.7", "10.0.0.1"), "198.51.100.7");
	cr_assert_str_eq(client("10.0.0.1", NULL, "10.0.0.1"), "10.0.0.1");
}

Test(address, only_the_last_forwarded_address_counts)
{
	/* The client can write anything before it; the proxy appends the last. */
	cr_assert_str_eq(client("10.0.0.1", "1.1.1.1, 203.0.113.9", "10.0.0.1"), "203.0.113.9");
	cr_assert_str_eq(client("10.0.0.1", "1.1.1.1,203.0.113.9 ", "10.0.0.1"), "203.0.113.9");
	cr_assert_str_eq(client("10.0.0.1", "2001:DB8:0:0::1", "10.0.0.1"), "2001:db8::1", "canonical form");
	const char *junk[] = { "", "evil", "1.2.3", "203.0.113.9, <script>", "203.0.113.9:80", "999.1.1.1" };
	for (size_t i = 0; i < sizeof(junk) / sizeof(junk[0]); i++)
		cr_assert_str_eq(client("10.0.0.1", junk[i], "10.0.0.1"), "10.0.0.1", "\"%s\"", junk[i]);
}

Test(address, rate_keys_take_ipv6_by_its_64_and_ipv4_whole)
{
	cr_assert_str_eq(address_rate_key("192.0.2.1", arena), "192.0.2.1");
	cr_assert_str_eq(address_rate_key("2001:db8:1:2:aaaa::1", arena), "2001:db8:1:2::/64");
	cr_assert_str_eq(address_rate_key("2001:db8:1:2:ffff:ffff:ffff:ffff", arena), "2001:db8:1:2::/64",
			 "one host's /64 is one key");
	cr_assert_str_eq(address_rate_key("::ffff:192.0.2.1", arena), "192.0.2.1", "IPv4 as IPv6 is IPv4");
	cr_assert_str_eq(address_rate_key("-", arena), "-");
}

Test(address, a_dual_stack_socket_s_ipv4_peer_is_written_as_ipv4)
{
	struct arena *a = arena_new();
	struct sockaddr_in6 mapped = { .sin6_family = AF_INET6 };
	inet_pton(AF_INET6, "::ffff:127.0.0.1", &mapped.sin6_addr);
	const char *peer = address_peer((const struct sockaddr *)&mapped, a);
	cr_assert_str_eq(peer, "127.0.0.1");
	cr_assert(address_is_loopback(peer), "a local scrape on [::] is this machine");
	struct sockaddr_in6 six = { .sin6_family = AF_INET6 };
	inet_pton(AF_INET6, "::1", &six.sin6_addr);
	cr_assert(address_is_loopback(address_peer((const struct sockaddr *)&six, a)));
	struct sockaddr_in outside = { .sin_family = AF_INET };
	inet_pton(AF_INET, "203.0.113.7", &outside.sin_addr);
	cr_assert_not(address_is_loopback(address_peer((const struct sockaddr *)&outside, a)));
	cr_assert_not(address_is_loopback("::ffff:127.0.0.1"), "only as address_peer writes it");
	arena_free(a);
}
