/* address: who a client is, for logs, records and rate limits — behind a
 * reverse proxy, and for IPv6 clients that hold a whole /64. */
#ifndef ZS_HTTP_ADDRESS_H
#define ZS_HTTP_ADDRESS_H

#include <stdbool.h>
#include <sys/socket.h>

#include "util/arena.h"

/* The peer's address as text — an IPv4 client of a dual-stack socket
 * written as IPv4 — or "-" when there is none. In arena. */
const char *address_peer(const struct sockaddr *peer, struct arena *arena);

/* Whether ip, as address_peer writes it, is this machine (127.0.0.0/8, ::1). */
bool address_is_loopback(const char *ip);

/* The client's address as text. It is the peer's, unless the peer is
 * trusted_proxy (an address, or NULL for none): then the last address of
 * the X-Forwarded-For header forwarded_for (may be NULL), the one that
 * proxy saw, when it is a valid address. Earlier entries are the client's
 * own word and are ignored. In arena. */
const char *address_client(const struct sockaddr *peer, const char *forwarded_for, const char *trusted_proxy,
			   struct arena *arena);

/* What rate limits count by: an IPv4 address whole; for IPv6 its /64, the
 * block one subscriber usually holds ("2001:db8:1:2::/64"), since a host
 * can take any address inside it. In arena. */
const char *address_rate_key(const char *ip, struct arena *arena);

#endif
