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
	int64_t after = 0;
	for (;;) {
		struct article *batch;
		size_t n;
		if (store_articles_after(s, after, RETAG_BATCH, arena, &batch, &n) != STORE_OK)
			goto fail;
		for (size_t i = 0; i < n; i++) {
			article_tag(&batch[i], arena);
			if (store_article_retag(s, &batch[i]) != STORE_OK)
				goto fail;
			result->articles++;
			result->facts += batch[i].nfacts;
			result->citywide += batch[i].citywide;
		}
		progress_update(&bar, result->articles, result->articles);
		if (n < RETAG_BATCH)
			break;
		after = batch[n - 1].id;
		arena_reset(arena);
	}
	arena_free(arena);
	if (domain_finish(s, STORE_OK, &(struct change){ .now = (int64_t)time(NULL) }) == STORE_OK)
		return 0;
	buf_puts(err, "写入数据库失败");
	return -1;
fail:
	arena_free(arena);
	store_rollback(s);
	buf_puts(err, "写入数据库失败，没有做任何修改");
	return -1;
}
