/* address: client addresses from the socket and a trusted proxy's header. */
#include "http/address.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

#include "util/str.h"

/* The canonical text of an address given as text, or NULL if it is none. */
static const char *canonical(struct str text, struct arena *arena)
{
	char in[INET6_ADDRSTRLEN], out[INET6_ADDRSTRLEN];
	if (text.len == 0 || text.len >= sizeof(in))
		return NULL;
	memcpy(in, text.p, text.len);
	in[text.len] = '\0';
	unsigned char bytes[16];
	int family = strchr(in, ':') ? AF_INET6 : AF_INET;
	if (inet_pton(family, in, bytes) != 1 || !inet_ntop(family, bytes, out, sizeof(out)))
		return NULL;
	return arena_strdup(arena, out);
}

const char *address_peer(const struct sockaddr *peer, struct arena *arena)
{
	char ip[INET6_ADDRSTRLEN] = "-";
	if (peer && peer->sa_family == AF_INET) {
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)peer)->sin_addr, ip, sizeof(ip));
	} else if (peer && peer->sa_family == AF_INET6) {
		const struct in6_addr *a = &((const struct sockaddr_in6 *)(const void *)peer)->sin6_addr;
		if (IN6_IS_ADDR_V4MAPPED(a))
			inet_ntop(AF_INET, &a->s6_addr[12], ip, sizeof(ip));
		else
			inet_ntop(AF_INET6, a, ip, sizeof(ip));
	}
	return arena_strdup(arena, ip);
}

bool address_is_loopback(const char *ip)
{
	return !strncmp(ip, "127.", 4) || !strcmp(ip, "::1");
}

const char *address_client(const struct sockaddr *peer, const char *forwarded_for, const char *trusted_proxy,
			   struct arena *arena)
{
	const char *ip = address_peer(peer, arena);
	if (!trusted_proxy || !forwarded_for || strcmp(ip, trusted_proxy))
		return ip;
	const char *last = strrchr(forwarded_for, ',');
	const char *forwarded = canonical(str_trim(str_from(last ? last + 1 : forwarded_for)), arena);
	return forwarded ? forwarded : ip;
}

const char *address_rate_key(const char *ip, struct arena *arena)
{
	struct in6_addr a;
	if (!strchr(ip, ':') || inet_pton(AF_INET6, ip, &a) != 1)
		return ip;
	if (IN6_IS_ADDR_V4MAPPED(&a)) {
		char v4[INET_ADDRSTRLEN];
		inet_ntop(AF_INET, &a.s6_addr[12], v4, sizeof(v4));
		return arena_strdup(arena, v4);
	}
	memset(&a.s6_addr[8], 0, 8);
	char text[INET6_ADDRSTRLEN];
	inet_ntop(AF_INET6, &a, text, sizeof(text));
	return arena_printf(arena, "%s/64", text);
}
