/* Unit tests for domain/import against a real temporary database: all or
 * nothing per file, idempotent, and errors that name file and line. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "domain/import.h"
#include "harness.h"
#include "store/articles.h"

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

TestSuite(import, .init = setup, .fini = teardown);

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
