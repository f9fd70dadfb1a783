/* retag: every article through article_tag again, in batches read by id,
 * and the record of the rules that tagged them (store_meta "tag_rules"). */
#include "domain/retag.h"

#include <string.h>
#include <time.h>

#include "content/article.h"
#include "domain/domain.h"
#include "store/articles.h"
#include "util/log.h"
#include "util/progress.h"

enum { RETAG_BATCH = 1000 };

static const char rules_key[] = "tag_rules";

/* Retags every article and records the rules, inside the caller's
 * transaction. */
static enum store_rc retag_in_transaction(struct store *s, bool progress, int64_t total, struct retag_result *result)
{
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
	return rc == STORE_OK ? store_meta_set(s, rules_key, ARTICLE_TAG_RULES) : rc;
}

/* Whether the recorded rules are the current ones: 1, 0, or -1 when the
 * database fails. */
static int rules_current(struct store *s)
{
	struct arena *arena = arena_new();
	const char *have = NULL;
	enum store_rc rc = store_meta_get(s, rules_key, arena, &have);
	int current = rc == STORE_OK ? !strcmp(have, ARTICLE_TAG_RULES) : rc == STORE_NOT_FOUND ? 0 : -1;
	arena_free(arena);
	return current;
}

int retag_all(struct store *s, bool progress, struct retag_result *result, struct buf *err)
{
	*result = (struct retag_result){ 0 };
	int64_t total;
	if (store_article_count(s, &total) != STORE_OK || store_begin(s) != STORE_OK) {
		buf_puts(err, "读取数据库失败");
		return -1;
	}
	enum store_rc rc = retag_in_transaction(s, progress, total, result);
	/* The command line's own work: not audited. */
	if (domain_finish(s, rc, &(struct change){ .now = (int64_t)time(NULL) }) == STORE_OK)
		return 0;
	buf_puts(err, "写入数据库失败，没有做任何修改");
	return -1;
}

int retag_if_rules_changed(struct store *s, bool progress, bool *retagged, struct retag_result *result,
			   struct buf *err)
{
	*retagged = false;
	*result = (struct retag_result){ 0 };
	int current = rules_current(s);
	if (current == 1)
		return 0;
	int64_t total;
	if (current < 0 || store_article_count(s, &total) != STORE_OK || store_begin(s) != STORE_OK) {
		buf_puts(err, "读取数据库失败");
		return -1;
	}
	/* Again inside the write transaction: another process starting at
	 * the same time may have retagged meanwhile. */
	current = rules_current(s);
	enum store_rc rc = current < 0 ? STORE_ERROR : STORE_OK;
	if (current == 0 && total == 0) { /* a new database: nothing to say */
		rc = store_meta_set(s, rules_key, ARTICLE_TAG_RULES);
	} else if (current == 0) {
		log_info("store: tagging %lld articles again for tagging rules %s", (long long)total, ARTICLE_TAG_RULES);
		rc = retag_in_transaction(s, progress, total, result);
		*retagged = rc == STORE_OK;
	}
	if (domain_finish(s, rc, &(struct change){ .now = (int64_t)time(NULL) }) == STORE_OK)
		return 0;
	*retagged = false;
	buf_puts(err, "按新规则重新标注文章失败，没有做任何修改");
	return -1;
}
