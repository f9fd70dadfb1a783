/* import: the parsers, article validation and the store — every item
 * checked first, then written in batches that yield to other writers. */
#include "domain/import.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
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
#include "store/imports.h"
#include "util/arena.h"
#include "util/log.h"
#include "util/progress.h"

enum {
	PROGRESS_MIN_BYTES = 1 << 20,
	BATCH_MS = 50,  /* a batch holds the write lock about this long… */
	YIELD_MS = 20,  /* …then lets the server's writers have it this long */
	UNDO_BATCH = 200,
};

struct import_run {
	struct store *store;
	const char *name;
	struct arena *arena; /* per item, reset after each */
	struct import_result *result;
	struct buf *err;
	bool writing;        /* the second pass: items are stored */
	bool store_failed;
	int64_t run_id;
	struct timespec batch_started;
	struct progress progress; /* over the file's bytes */
};

static double ms_since(const struct timespec *t0)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t0->tv_sec) * 1e3 + (double)(now.tv_nsec - t0->tv_nsec) / 1e6;
}

static void on_error(void *ctx, size_t line, const char *message)
{
	struct import_run *run = ctx;
	if (run->writing)
		return; /* reported by the first pass, which found it */
	if (run->result->errors++ < IMPORT_MAX_REPORTED_ERRORS)
		buf_printf(run->err, "%s:%zu: %s\n", run->name, line, message);
}

/* Ends the batch being written and begins the next, with a pause between
 * in which other writers (the server's forms) take their turn. */
static enum store_rc next_batch(struct import_run *run)
{
	if (store_import_beat(run->store, run->run_id, (int64_t)time(NULL)) != STORE_OK ||
	    store_commit(run->store) != STORE_OK)
		return STORE_ERROR;
	usleep(YIELD_MS * 1000);
	clock_gettime(CLOCK_MONOTONIC, &run->batch_started);
	return store_begin(run->store);
}

static void on_item(void *ctx, const struct article_input *in, size_t line)
{
	struct import_run *run = ctx;
	if (run->store_failed)
		return;
	struct article a;
	struct buf msg = { 0 };
	arena_reset(run->arena);
	/* The first pass only checks every item; the second prepares it. */
	int checked = run->writing ? article_prepare(in, run->arena, &a, &msg) : article_check(in, &msg);
	if (checked < 0)
		on_error(run, line, buf_cstr(&msg));
	buf_free(&msg);
	if (checked < 0 || !run->writing)
		return;
	if (ms_since(&run->batch_started) >= BATCH_MS && next_batch(run) != STORE_OK) {
		run->store_failed = true;
		buf_printf(run->err, "%s:%zu: 写入数据库失败\n", run->name, line);
		return;
	}
	int64_t id;
	switch (store_article_insert(run->store, &a, &id)) {
	case STORE_OK:
		if (store_import_note(run->store, run->run_id, id) != STORE_OK) {
			run->store_failed = true;
			buf_printf(run->err, "%s:%zu: 写入数据库失败\n", run->name, line);
			return;
		}
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
	if (run->writing)
		progress_update(&run->progress, offset, run->result->added + run->result->duplicates);
}

/* Takes out every article run id added, a batch at a time; true when
 * all are gone and the run is marked undone. */
static bool undo(struct store *s, int64_t id)
{
	for (;;) {
		size_t taken = 0;
		enum store_rc rc = store_begin(s);
		if (rc == STORE_OK)
			rc = store_import_undo_some(s, id, UNDO_BATCH, (int64_t)time(NULL), &taken);
		/* The command line's own work: not audited. */
		if (domain_finish(s, rc, &(struct change){ .now = (int64_t)time(NULL) }) != STORE_OK)
			return false;
		if (taken == 0)
			return true;
		usleep(YIELD_MS * 1000);
	}
}

/* Whether the run's process is gone: it no longer exists here (SQLite's
 * WAL keeps every writer on this machine), or, when its number was given
 * to another, it has not written a batch for IMPORT_STALE_SECONDS. */
static bool is_dead(const struct import_writing *run, int64_t now)
{
	if (run->beat_at < now - IMPORT_STALE_SECONDS)
		return true;
	return run->pid != (int64_t)getpid() && kill((pid_t)run->pid, 0) < 0 && errno == ESRCH;
}

int import_recover(struct store *s, int64_t now)
{
	struct import_writing runs[64];
	size_t n;
	if (store_imports_writing(s, runs, 64, &n) != STORE_OK)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!is_dead(&runs[i], now))
			continue;
		log_info("import: run %lld stopped without finishing; taking out what it added", (long long)runs[i].id);
		if (!undo(s, runs[i].id))
			return -1;
	}
	return 0;
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
	void (*parse)(struct str, const struct parse_sink *) = jsonl ? jsonl_parse : listing_parse;
	int rc = -1;

	/* First every item is checked, writing nothing: a malformed one is
	 * found before any is stored. */
	parse(data, &sink);
	if (result->errors) {
		if (result->errors > IMPORT_MAX_REPORTED_ERRORS)
			buf_printf(err, "%s: 另有 %zu 处错误未列出\n", name, result->errors - IMPORT_MAX_REPORTED_ERRORS);
		buf_printf(err, "%s: 文件有错误，未导入任何内容\n", name);
		goto out;
	}
	/* Then they are stored in batches that let the server write between
	 * them, each added article noted under the run, so that a failure, or
	 * a death, takes them all out again. */
	if (import_recover(s, (int64_t)time(NULL)) < 0 || store_import_begin(s, name, (int64_t)getpid(), (int64_t)time(NULL), &run.run_id) != STORE_OK ||
	    store_begin(s) != STORE_OK) {
		buf_printf(err, "%s: 无法开始写入数据库，未导入任何内容\n", name);
		goto out;
	}
	run.writing = true;
	clock_gettime(CLOCK_MONOTONIC, &run.batch_started);
	parse(data, &sink);
	enum store_rc written = run.store_failed ? STORE_ERROR : STORE_OK;
	if (written == STORE_OK)
		written = store_import_done(s, run.run_id, (int64_t)time(NULL));
	if (domain_finish(s, written, &(struct change){ .now = (int64_t)time(NULL) }) == STORE_OK) {
		rc = 0;
		goto out;
	}
	size_t added = result->added;
	result->added = result->duplicates = 0;
	if (undo(s, run.run_id))
		buf_printf(err, "%s: 写入数据库失败，已撤回本文件写入的 %zu 篇，未导入任何内容\n", name, added);
	else
		buf_printf(err, "%s: 写入数据库失败；已写入的文章将在下次启动或导入时撤回\n", name);
out:
	arena_free(run.arena);
	return rc;
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
