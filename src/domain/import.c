/* import: the parsers, article validation and the store, one transaction
 * a file. */
#include "domain/import.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "content/article.h"
#include "content/parse.h"
#include "domain/domain.h"
#include "store/articles.h"
#include "util/arena.h"
#include "util/progress.h"

enum { PROGRESS_MIN_BYTES = 1 << 20 };

struct import_run {
	struct store *store;
	const char *name;
	struct arena *arena; /* per item, reset after each */
	struct import_result *result;
	struct buf *err;
	bool store_failed;
	struct progress progress; /* over the file's bytes */
};

static void on_error(void *ctx, size_t line, const char *message)
{
	struct import_run *run = ctx;
	if (run->result->errors++ < IMPORT_MAX_REPORTED_ERRORS)
		buf_printf(run->err, "%s:%zu: %s\n", run->name, line, message);
}

static void on_item(void *ctx, const struct article_input *in, size_t line)
{
	struct import_run *run = ctx;
	if (run->store_failed)
		return;
	struct article a;
	struct buf msg = { 0 };
	arena_reset(run->arena);
	if (article_prepare(in, run->arena, &a, &msg) < 0) {
		on_error(run, line, buf_cstr(&msg));
		buf_free(&msg);
		return;
	}
	buf_free(&msg);
	if (run->result->errors)
		return; /* the file will be rolled back; only look for more errors */
	int64_t id;
	switch (store_article_insert(run->store, &a, &id)) {
	case STORE_OK:
		run->result->added++;
		break;
	case STORE_DUPLICATE:
		run->result->duplicates++;
		break;
	default:
		run->store_failed = true;
		buf_printf(run->err, "%s:%zu: 写入数据库失败\n", run->name, line);
		break;
	}
}

static void on_progress(void *ctx, size_t offset)
{
	struct import_run *run = ctx;
	progress_update(&run->progress, offset, run->result->added + run->result->duplicates);
}

int import_buffer(struct store *s, const char *name, struct str data, bool jsonl, bool progress,
		  struct import_result *result, struct buf *err)
{
	*result = (struct import_result){ 0 };
	struct import_run run = {
		.store = s, .name = name, .arena = arena_new(), .result = result, .err = err,
		.progress = { .label = name, .total = data.len, .on = progress && data.len >= PROGRESS_MIN_BYTES,
			      .last_percent = -1 },
	};
	struct parse_sink sink = { on_item, on_error, on_progress, &run };
	if (store_begin(s) != STORE_OK) {
		buf_printf(err, "%s: 无法开始数据库事务\n", name);
		arena_free(run.arena);
		return -1;
	}
	if (jsonl)
		jsonl_parse(data, &sink);
	else
		listing_parse(data, &sink);

	if (result->errors > IMPORT_MAX_REPORTED_ERRORS)
		buf_printf(err, "%s: 另有 %zu 处错误未列出\n", name, result->errors - IMPORT_MAX_REPORTED_ERRORS);
	enum store_rc rc = result->errors ? STORE_INVALID : run.store_failed ? STORE_ERROR : STORE_OK;
	/* The command line's own work: not a staff action, not audited. */
	enum store_rc done = domain_finish(s, rc, &(struct change){ .now = (int64_t)time(NULL) });
	arena_free(run.arena);
	if (done == STORE_OK)
		return 0;
	buf_printf(err, rc == STORE_OK ? "%s: 提交数据库事务失败，未导入任何内容\n" : "%s: 文件有错误，未导入任何内容\n", name);
	result->added = result->duplicates = 0;
	return -1;
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

int import_file(struct store *s, const char *path, bool progress, struct import_result *result,
		struct buf *err)
{
	*result = (struct import_result){ 0 };
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		buf_printf(err, "%s: 无法读取文件：%s\n", path, strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		buf_printf(err, "%s: 不是可读取的普通文件\n", path);
		close(fd);
		return -1;
	}
	void *map = NULL;
	if (st.st_size > 0) {
		map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (map == MAP_FAILED) {
			buf_printf(err, "%s: 无法读取文件：%s\n", path, strerror(errno));
			close(fd);
			return -1;
		}
	}
	close(fd);
	struct str data = { map, (size_t)st.st_size };
	int rc = import_buffer(s, path, data, has_suffix(path, ".jsonl"), progress, result, err);
	if (map)
		munmap(map, (size_t)st.st_size);
	return rc;
}
