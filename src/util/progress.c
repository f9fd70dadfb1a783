/* progress: the bar drawn by import and retag. */
#include "util/progress.h"

#include <stdio.h>

enum { PROGRESS_WIDTH = 30 };

void progress_update(struct progress *p, size_t done, size_t count)
{
	if (!p->on || p->total == 0)
		return;
	int percent = (int)(done * 100 / p->total);
	if (percent == p->last_percent)
		return;
	p->last_percent = percent;
	int filled = percent * PROGRESS_WIDTH / 100;
	fprintf(stderr, "\r%s [%.*s%*s] %3d%%  %zu 篇", p->label, filled, "##############################",
		PROGRESS_WIDTH - filled, "", percent, count);
	if (percent == 100)
		fputc('\n', stderr);
}
