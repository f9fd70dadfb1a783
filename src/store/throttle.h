/* throttle: fixed-window counters for rate limits (logins, public forms). */
#ifndef ZS_STORE_THROTTLE_H
#define ZS_STORE_THROTTLE_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

/* Counts a hit against key in a fixed window of window seconds starting at
 * its first hit; *hits is the count so far in this window and *resets_at
 * when the window ends. With count false, only reads (hits 0 when no
 * window is open). */
enum store_rc store_throttle(struct store *s, const char *key, bool count, int64_t now, int64_t window,
			     int64_t *hits, int64_t *resets_at) __attribute__((warn_unused_result));
enum store_rc store_throttle_clear(struct store *s, const char *key) __attribute__((warn_unused_result));
/* Takes back one hit of key's window (one counted before it was known
 * not to count). */
enum store_rc store_throttle_refund(struct store *s, const char *key) __attribute__((warn_unused_result));

#endif
