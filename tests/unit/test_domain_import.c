/* Unit tests for domain/import against a real temporary database: all or
 * nothing per file, idempotent, and errors that name file and line. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "domain/import.h"
#include "harness.h"
#include "store/articles.h"
#include "store/imports.h"

static char *dir;
static struct store *store;
static struct buf err;

static void setup(void)
{
	dir = tmp_dir_new();
	char path[4200];
	snprintf(path, sizeof(path), "%s/t.db", dir);
	err = (struct buf){ 0 };
	cr_assert_eq(store_open(path, &store, &err), STORE_OK, "%s", buf_cstr(&err));
}

static void teardown(void)
{
	store_close(store);
	tmp_dir_remove(dir);
	buf_free(&err);
}

TestSuite(import, .init = setup, .fini = teardown, .timeout = 60);

static int64_t article_count(void)
{
	struct arena *a = arena_new();
	struct article_page page;
	cr_assert_eq(store_articles_list(store, NULL, 0, 1, 10, a, &page), STORE_OK);
	arena_free(a);
	return page.total;
}

static int import_text(const char *name, const char *text, struct import_result *r)
{
	buf_reset(&err);
	return import_buffer(store, name, str_from(text), strstr(name, ".jsonl") != NULL, false, r, &err);
}

static const char good[] = "-\n浦东新区甲\n正文甲。\n2025-01-01\n-\n静安区乙\n正文乙。\n2025-01-02\n";

Test(import, adds_then_skips_the_same_content)
{
	struct import_result r;
	cr_assert_eq(import_text("a.txt", good, &r), 0, "%s", buf_cstr(&err));
	cr_assert_eq(r.added, 2);
	cr_assert_eq(r.duplicates, 0);
	cr_assert_eq(import_text("a.txt", good, &r), 0);
	cr_assert_eq(r.added, 0);
	cr_assert_eq(r.duplicates, 2);
	cr_assert_eq(article_count(), 2);
}

Test(import, same_article_in_the_other_format_is_a_duplicate)
{
	struct import_result r;
	cr_assert_eq(import_text("a.txt", good, &r), 0);
	cr_assert_eq(import_text("b.jsonl", "{\"title\":\"浦东新区甲\",\"body\":\"正文甲。\",\"date\":\"2025-01-01\"}\n", &r), 0);
	cr_assert_eq(r.duplicates, 1);
	cr_assert_eq(article_count(), 2);
}

Test(import, one_bad_item_writes_nothing_and_names_the_line)
{
	struct import_result r;
	cr_assert_eq(import_text("bad.txt", "-\n甲\n正文\n2025-01-01\n-\n乙\n正文\n2025-02-30\n", &r), -1);
	cr_assert(strstr(buf_cstr(&err), "bad.txt:8: 日期“2025-02-30”无效"), "%s", buf_cstr(&err));
	cr_assert(strstr(buf_cstr(&err), "未导入任何内容"), "%s", buf_cstr(&err));
	cr_assert_eq(r.added, 0);
	cr_assert_eq(article_count(), 0);
}

Test(import, reports_every_error_not_just_the_first)
{
	struct import_result r;
	cr_assert_eq(import_text("bad.txt", "-\n\n正文\n2025-01-01\n-\n乙\n正文\n2025-13-01\n-\n丙\n正文\n-\n", &r), -1);
	cr_assert_eq(r.errors, 4, "%s", buf_cstr(&err));
	cr_assert(strstr(buf_cstr(&err), "bad.txt:3: 正文为空"), "%s", buf_cstr(&err));
	cr_assert(strstr(buf_cstr(&err), "bad.txt:8: 日期“2025-13-01”无效"), "%s", buf_cstr(&err));
	cr_assert(strstr(buf_cstr(&err), "bad.txt:10: 缺少日期"), "%s", buf_cstr(&err));
	cr_assert(strstr(buf_cstr(&err), "bad.txt:12: "), "%s", buf_cstr(&err));
}

Test(import, title_over_200_characters_is_refused)
{
	struct buf text = { 0 };
	buf_puts(&text, "-\n");
	for (int i = 0; i < 201; i++)
		buf_puts(&text, "长");
	buf_puts(&text, "\n正文\n2025-01-01\n");
	struct import_result r;
	cr_assert_eq(import_text("long.txt", buf_cstr(&text), &r), -1);
	cr_assert(strstr(buf_cstr(&err), "long.txt:2: 标题过长"), "%s", buf_cstr(&err));
	buf_free(&text);
	cr_assert_eq(article_count(), 0);
}

Test(import, truncated_json_line_writes_nothing)
{
	struct import_result r;
	cr_assert_eq(import_text("t.jsonl",
				 "{\"title\":\"甲\",\"body\":\"正文\",\"date\":\"2025-01-01\"}\n{\"title\":\"乙\",\"body\":\"正",
				 &r),
		     -1);
	cr_assert(strstr(buf_cstr(&err), "t.jsonl:2:"), "%s", buf_cstr(&err));
	cr_assert_eq(article_count(), 0);
}

Test(import, unreadable_files_are_reported)
{
	struct import_result r;
	buf_reset(&err);
	cr_assert_eq(import_file(store, "/nonexistent/news.txt", false, &r, &err), -1);
	cr_assert(strstr(buf_cstr(&err), "/nonexistent/news.txt: 无法读取文件"), "%s", buf_cstr(&err));
	buf_reset(&err);
	cr_assert_eq(import_file(store, dir, false, &r, &err), -1);
	cr_assert(strstr(buf_cstr(&err), "不是可读取的普通文件"), "%s", buf_cstr(&err));
}

Test(import, stores_districts_for_channels)
{
	struct import_result r;
	cr_assert_eq(import_text("a.txt", good, &r), 0);
	struct arena *a = arena_new();
	struct article_page page;
	cr_assert_eq(store_articles_list(store, "jingan", 0, 20, 50, a, &page), STORE_OK);
	cr_assert_eq(page.total, 1);
	cr_assert_str_eq(page.items[0].title, "静安区乙");
	arena_free(a);
}

Test(import, seed_file_imports_exactly_ten_articles)
{
	const char *path = seed_path();
	if (!path)
		cr_skip_test("../shared/seed is not in this checkout");
	struct import_result r;
	cr_assert_eq(import_file(store, path, false, &r, &err), 0, "%s", buf_cstr(&err));
	cr_assert_eq(r.added, 10);
	cr_assert_eq(article_count(), 10);
	struct arena *a = arena_new();
	struct article art;
	cr_assert_eq(store_article_get(store, 1, a, &art), STORE_OK);
	cr_assert_str_eq(art.title, "浦东新区统计调查工作锚定高质量发展新目标");
	cr_assert_eq(count_of(art.body, "\n"), 5, "sections: %s", art.body);
	cr_assert(strstr(art.body, "\n一、党建引领筑牢统计根基 "));
	cr_assert(strstr(art.body, "\n五、队伍建设激发创新活力 "));
	arena_free(a);
}

/* The listing counts come from a table kept by triggers: they must equal a
 * real count after inserts, duplicates and a rolled-back file. */
Test(import, listing_counts_match_the_rows)
{
	struct import_result r;
	cr_assert_eq(import_text("a.txt", good, &r), 0);
	cr_assert_eq(import_text("a.txt", good, &r), 0);
	cr_assert_eq(import_text("bad.txt", "-\n浦东新区丙\n正文\n2025-01-03\n-\n乙\n正文\n2025-02-30\n", &r), -1);
	cr_assert_eq(import_text("c.jsonl", "{\"title\":\"浦东新区丁\",\"body\":\"正文\",\"date\":\"2025-01-04\"}\n", &r), 0);
	cr_assert_eq(article_count(), 3);
	struct arena *a = arena_new();
	struct article_page page;
	cr_assert_eq(store_articles_list(store, "pudong", 0, 20, 10, a, &page), STORE_OK);
	cr_assert_eq(page.total, 2);
	cr_assert_eq(page.count, 2);
	cr_assert_eq(store_articles_list(store, "chongming", 0, 20, 10, a, &page), STORE_OK);
	cr_assert_eq(page.total, 0);
	arena_free(a);
}

/* ---- batches that yield, and all or nothing kept by the run's record (issue 14) ---- */

/* A listing of n distinct short articles. */
static char *many(int n, const char *tag)
{
	struct buf b = { 0 };
	for (int i = 0; i < n; i++)
		buf_printf(&b, "-\n%s第%d篇：浦东新区项目签约\n浦东新区第%d批项目签约，涉及集成电路等领域。\n2025-%02d-%02d\n", tag,
			   i, i, 1 + i % 12, 1 + i % 28);
	return buf_detach(&b);
}

struct long_import {
	const char *db;
	const char *text;
	int rc;
	struct buf err;
};

static void *import_in_thread(void *arg)
{
	struct long_import *li = arg;
	struct store *s;
	struct buf why = { 0 };
	cr_assert_eq(store_open(li->db, &s, &why), STORE_OK);
	struct import_result r;
	li->rc = import_buffer(s, "long.txt", str_from(li->text), false, false, &r, &li->err);
	store_close(s);
	buf_free(&why);
	return NULL;
}

static char *db_path(void)
{
	char *p = fmt("%s/t.db", dir);
	return p;
}

Test(import, a_long_import_lets_another_writer_in_while_it_runs)
{
	struct long_import li = { .db = db_path(), .text = many(12000, "长") };
	pthread_t t;
	pthread_create(&t, NULL, import_in_thread, &li);
	/* Wait until it has written something, then write as the server would. */
	for (int i = 0; i < 400 && article_count() == 0; i++)
		usleep(10 * 1000);
	cr_assert_gt(article_count(), 0, "the import began writing");
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	cr_assert_eq(store_begin(store), STORE_OK, "a writer gets the lock during the import");
	cr_assert_eq(store_meta_add(store, "probe", "1"), STORE_OK);
	cr_assert_eq(store_commit(store), STORE_OK);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	int64_t seen = article_count();
	pthread_join(t, NULL);
	cr_assert_eq(li.rc, 0, "%s", buf_cstr(&li.err));
	cr_assert_lt(seen, 12000, "the write went in while the import still had articles to write (%lld written)",
		     (long long)seen);
	cr_assert_lt(ms, 1000, "and waited %.0f ms, not the whole import", ms);
	cr_assert_eq(article_count(), 12000);
	free((char *)li.text);
	free((char *)li.db);
	buf_free(&li.err);
}

Test(import, when_writing_fails_half_way_every_article_of_the_file_is_taken_out)
{
	struct import_result r;
	cr_assert_eq(import_text("first.txt", good, &r), 0, "%s", buf_cstr(&err));
	int64_t before = article_count();
	struct long_import li = { .db = db_path(), .text = many(12000, "断") };
	pthread_t t;
	pthread_create(&t, NULL, import_in_thread, &li);
	for (int i = 0; i < 400 && article_count() == before; i++)
		usleep(10 * 1000);
	cr_assert_gt(article_count(), before, "the import began writing");
	/* Another writer holds the lock past the import's 5 s wait. */
	cr_assert_eq(store_begin(store), STORE_OK);
	usleep(5600 * 1000);
	store_rollback(store);
	pthread_join(t, NULL);
	cr_assert_eq(li.rc, -1, "the import failed");
	cr_assert_not_null(strstr(buf_cstr(&li.err), "已撤回本文件写入的"), "%s", buf_cstr(&li.err));
	cr_assert_eq(article_count(), before, "what it had written is gone; the first file's stay");
	free((char *)li.text);
	free((char *)li.db);
	buf_free(&li.err);
}

/* An article noted under a run begun by pid with its last beat at beat_at. */
static int64_t noted_article(const char *title, int64_t pid, int64_t beat_at)
{
	struct article a = { .title = title, .body = "正文。", .date = "2025-01-01" };
	memset(a.content_hash, title[0], sizeof(a.content_hash));
	memcpy(a.content_hash, title, strlen(title) < 16 ? strlen(title) : 16);
	int64_t run, id;
	cr_assert_eq(store_import_begin(store, title, pid, beat_at, &run), STORE_OK);
	cr_assert_eq(store_article_insert(store, &a, &id), STORE_OK);
	cr_assert_eq(store_import_note(store, run, id), STORE_OK);
	return id;
}

/* A process number no process has: a child that has exited and been reaped. */
static int64_t gone_pid(void)
{
	pid_t child = fork();
	cr_assert_geq(child, 0);
	if (child == 0)
		_exit(0);
	cr_assert_eq(waitpid(child, NULL, 0), child);
	return child;
}

Test(import, a_run_left_half_written_by_a_dead_process_is_taken_out_and_a_live_one_is_not)
{
	int64_t now = (int64_t)time(NULL), me = (int64_t)getpid();
	int64_t silent = noted_article("停止心跳的导入", me, now - IMPORT_STALE_SECONDS - 5);
	int64_t killed = noted_article("进程已退出的导入", gone_pid(), now - 1);
	int64_t alive = noted_article("进行中的导入", me, now - 5);
	cr_assert_eq(import_recover(store, now), 0);
	struct arena *arena = arena_new();
	struct article got;
	cr_assert_eq(store_article_get(store, silent, arena, &got), STORE_NOT_FOUND,
		     "a run with no batch for a minute is taken for dead, whatever its process number");
	cr_assert_eq(store_article_get(store, killed, arena, &got), STORE_NOT_FOUND,
		     "a run whose process is gone is dead at once");
	cr_assert_eq(store_article_get(store, alive, arena, &got), STORE_OK, "a live run is left alone");
	arena_free(arena);
	struct import_writing runs[4];
	size_t n;
	cr_assert_eq(store_imports_writing(store, runs, 4, &n), STORE_OK);
	cr_assert_eq(n, 1, "the dead runs are undone; the live one is still writing");
	cr_assert_eq(runs[0].pid, me);
}
