/* retag: every article through article_tag again, in batches read by id. */
#include "domain/retag.h"

#include <time.h>

#include "content/article.h"
#include "domain/domain.h"
#include "store/articles.h"
#include "util/progress.h"

enum { RETAG_BATCH = 1000 };

int retag_all(struct store *s, bool progress, struct retag_result *result, struct buf *err)
{
	*result = (struct retag_result){ 0 };
	int64_t total;
	if (store_article_count(s, &total) != STORE_OK || store_begin(s) != STORE_OK) {
		buf_puts(err, "读取数据库失败");
		return -1;
	}
	struct progress bar = { .label = "重新标注", .total = (size_t)total, .on = progress && total > 0,
				.last_percent = -1 };
	struct arena *arena = arena_new();
	enum store_rc rc = STORE_OK;
	int64_t after = 0;
	for (;;) {
		struct article *batch;
		size_t n;
		rc = store_articles_after(s, after, RETAG_BATCH, arena, &batch, &n);
		for (size_t i = 0; rc == STORE_OK && i < n; i++) {
			article_tag(&batch[i], arena);
			rc = store_article_retag(s, &batch[i]);
			result->articles++;
			result->facts += batch[i].nfacts;
			result->citywide += batch[i].citywide;
		}
		if (rc != STORE_OK || n < RETAG_BATCH)
			break;
		progress_update(&bar, result->articles, result->articles);
		after = batch[n - 1].id;
		arena_reset(arena);
	}
	progress_update(&bar, result->articles, result->articles);
	arena_free(arena);
	/* The command line's own work: not audited. */
	if (domain_finish(s, rc, &(struct change){ .now = (int64_t)time(NULL) }) == STORE_OK)
		return 0;
	buf_puts(err, "写入数据库失败，没有做任何修改");
	return -1;
}
