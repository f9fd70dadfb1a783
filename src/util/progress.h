/* progress: a one-line progress bar on standard error for long commands. */
#ifndef ZS_UTIL_PROGRESS_H
#define ZS_UTIL_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

struct progress {
	const char *label; /* shown before the bar */
	size_t total;      /* units of work (bytes, articles) */
	bool on;           /* false: nothing is drawn (not a terminal) */
	int last_percent;  /* start at -1 */
};

/* Redraws the bar when done/total reaches a new percent, with count (of
 * articles) after it; ends the line at 100 %. */
void progress_update(struct progress *p, size_t done, size_t count);

#endif
