/* sql/throttle: the statements of store/throttle.c — rate-limit windows (internal; see
 * store/statements.h). */
#ifndef ZS_STORE_SQL_THROTTLE_H
#define ZS_STORE_SQL_THROTTLE_H

#define STORE_THROTTLE_STATEMENTS(X)                                                                         \
	/* A hit in key's window (a new window when the old one is over);                                    \
	 * returns the window's hits and start. */                                                           \
	X(THROTTLE_HIT,                                                                                      \
	  "INSERT INTO throttle(key, window_start, hits) VALUES (?1, ?2, 1)"                                 \
	  " ON CONFLICT(key) DO UPDATE SET"                                                                  \
	  " hits = CASE WHEN window_start + ?3 <= ?2 THEN 1 ELSE hits + 1 END,"                              \
	  " window_start = CASE WHEN window_start + ?3 <= ?2 THEN ?2 ELSE window_start END"                  \
	  " RETURNING hits, window_start")                                                                   \
	X(THROTTLE_GET, "SELECT hits, window_start FROM throttle WHERE key = ?1 AND window_start + ?3 > ?2") \
	X(THROTTLE_CLEAR, "DELETE FROM throttle WHERE key = ?1")                                             \
	X(THROTTLE_REFUND, "UPDATE throttle SET hits = max(hits - 1, 0) WHERE key = ?1")                                             \
	X(THROTTLE_EXPIRE, "DELETE FROM throttle WHERE window_start < ?1")

#endif
