/* Unit tests for store/backup: a whole, checked copy under its name or
 * nothing, never over an existing file. (The command line's copies during
 * writes, interruptions and refusals are tests/integration/test_cli.c's.) */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "store/articles.h"
#include "store/backup.h"
#include "store_fixture.h"

static struct store_fixture fx;
static struct buf err;
static const volatile sig_atomic_t go_on = 0;

static void setup(void)
{
	store_fixture_open(&fx);
	err = (struct buf){ 0 };
}

static void teardown(void)
{
	store_fixture_close(&fx);
	buf_free(&err);
}

TestSuite(store_backup, .init = setup, .fini = teardown);

Test(store_backup, the_copy_holds_what_the_database_holds_and_opens)
{
	struct article a = fixture_article("静安区签约", "静安区今日签约。", "2026-04-01");
	fixture_insert_article(fx.store, &a);
	char *dest = arena_printf(fx.arena, "%s/copy.db", fx.dir);
	struct backup_result r;
	cr_assert_eq(store_backup(fx.path, dest, &go_on, &r, &err), STORE_OK, "%s", buf_cstr(&err));
	cr_assert_eq(r.articles, 1);
	struct store *copy;
	cr_assert_eq(store_open(dest, &copy, &err), STORE_OK, "%s", buf_cstr(&err));
	int64_t n;
	cr_assert_eq(store_article_count(copy, &n), STORE_OK);
	cr_assert_eq(n, 1);
	store_close(copy);
}

Test(store_backup, an_existing_file_is_never_overwritten)
{
	char *dest = arena_printf(fx.arena, "%s/taken.db", fx.dir);
	free(write_file(fx.dir, "taken.db", "keep me", 7));
	struct backup_result r;
	cr_assert_eq(store_backup(fx.path, dest, &go_on, &r, &err), STORE_DUPLICATE);
	cr_assert_gt(err.len, 0, "it says why");
	FILE *f = fopen(dest, "r");
	char text[16] = "";
	cr_assert_not_null(f);
	cr_assert_not_null(fgets(text, sizeof(text), f));
	fclose(f);
	cr_assert_str_eq(text, "keep me");
}

Test(store_backup, a_destination_in_a_missing_directory_leaves_nothing)
{
	char *dest = arena_printf(fx.arena, "%s/no/such/dir/copy.db", fx.dir);
	struct backup_result r;
	cr_assert_eq(store_backup(fx.path, dest, &go_on, &r, &err), STORE_ERROR);
	struct stat st;
	cr_assert_neq(stat(dest, &st), 0);
}
