/* Integration tests for the command line: zhaoshang import and --help, run as
 * a user would, checking output, exit status, and that a failed import leaves
 * the database exactly as it was. */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "store/articles.h"
#include "store/store.h"
#include <sqlite3.h>

static char *dir, *db;

static void setup(void)
{
	dir = tmp_dir_new();
	if (asprintf(&db, "%s/cli.db", dir) < 0)
		abort();
}

static void teardown(void)
{
	free(db);
	tmp_dir_remove(dir);
}

TestSuite(cli, .init = setup, .fini = teardown, .timeout = 60);

static void import(const char *file, struct run_result *r)
{
	const char *argv[] = { zs_bin(), "import", "--db", db, file, NULL };
	run_cmd(argv, r);
}

static int64_t article_count(void)
{
	struct store *s;
	struct buf err = { 0 };
	cr_assert_eq(store_open(db, &s, &err), STORE_OK, "%s", buf_cstr(&err));
	struct arena *a = arena_new();
	struct article_page page;
	cr_assert_eq(store_articles_list(s, NULL, 0, 1, 10, a, &page), STORE_OK);
	arena_free(a);
	store_close(s);
	buf_free(&err);
	return page.total;
}

Test(cli, import_prints_a_summary_and_is_idempotent)
{
	struct run_result r;
	import(seed_or_demo_path(), &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	int64_t n = article_count();
	char want[128];
	snprintf(want, sizeof(want), "新增 %lld 篇，重复跳过 0 篇", (long long)n);
	cr_assert_not_null(strstr(r.out, want), "%s", r.out);
	run_result_free(&r);
	import(seed_or_demo_path(), &r);
	cr_assert_eq(r.status, 0);
	snprintf(want, sizeof(want), "新增 0 篇，重复跳过 %lld 篇", (long long)n);
	cr_assert_not_null(strstr(r.out, want), "%s", r.out);
	cr_assert_eq(article_count(), n);
	run_result_free(&r);
}

Test(cli, seed_import_yields_ten_articles)
{
	if (!seed_path())
		cr_skip_test("../shared/seed is not in this checkout");
	struct run_result r;
	import(seed_path(), &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(article_count(), 10);
	run_result_free(&r);
}

Test(cli, demo_corpus_covers_all_sixteen_districts)
{
	const char *argv[] = { zs_bin(), "import", "--db", db, "data/demo/articles.txt", "data/demo/articles.jsonl", NULL };
	struct run_result r;
	run_cmd(argv, &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_result_free(&r);
	cr_assert_geq(article_count(), 24);
	struct store *s;
	struct buf err = { 0 };
	cr_assert_eq(store_open(db, &s, &err), STORE_OK);
	static const char *const slugs[] = { "huangpu", "xuhui", "changning", "jingan", "putuo", "hongkou",
					     "yangpu", "minhang", "baoshan", "jiading", "pudong", "jinshan",
					     "songjiang", "qingpu", "fengxian", "chongming" };
	struct arena *a = arena_new();
	for (size_t i = 0; i < 16; i++) {
		struct article_page page;
		cr_assert_eq(store_articles_list(s, slugs[i], 0, 1, 10, a, &page), STORE_OK);
		cr_assert_geq(page.total, 1, "no demo article for %s", slugs[i]);
	}
	arena_free(a);
	store_close(s);
	buf_free(&err);
}

/* Each bad file: exit status 1, a message naming file and line, and the
 * database still holding exactly what it held before. */
static void expect_rejected(const char *name, const char *content, size_t len, const char *where,
			    const char *what)
{
	struct run_result r;
	import("data/demo/articles.txt", &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_result_free(&r);
	int64_t before = article_count();
	char *path = write_file(dir, name, content, len);
	import(path, &r);
	cr_assert_eq(r.status, 1, "%s: exit %d", name, r.status);
	char located[4400];
	snprintf(located, sizeof(located), "%s%s", path, where);
	cr_assert_not_null(strstr(r.err, located), "%s: wanted \"%s\" in:\n%s", name, located, r.err);
	cr_assert_not_null(strstr(r.err, what), "%s: wanted \"%s\" in:\n%s", name, what, r.err);
	cr_assert_not_null(strstr(r.err, "未导入任何内容"), "%s", r.err);
	cr_assert_eq(article_count(), before, "%s changed the database", name);
	run_result_free(&r);
	free(path);
}

#define REJECTS(name, text, where, what) expect_rejected(name, text, sizeof(text) - 1, where, what)

static const char ok_item[] = "-\n闵行区新项目落地\n正文。\n2025-05-05\n";

Test(cli, missing_date_is_refused)
{
	REJECTS("nodate.txt", "-\n闵行区新项目落地\n正文。\n2025-05-05\n-\n缺日期的标题\n正文。\n-\n丙\n正文\n2025-01-01\n",
		":6:", "缺少日期");
}

Test(cli, impossible_date_is_refused)
{
	REJECTS("baddate.txt", "-\n闵行区新项目落地\n正文。\n2025-05-05\n-\n标题\n正文。\n2025-02-30\n", ":8:",
		"日期“2025-02-30”无效");
}

Test(cli, invalid_utf8_is_refused)
{
	REJECTS("latin1.txt", "-\n闵行区新项目落地\n正文。\n2025-05-05\n-\n\xb1\xea\xcc\xe2\n正文。\n2025-01-01\n", ":6:",
		"UTF-8");
}

Test(cli, title_over_200_characters_is_refused)
{
	struct buf text = { 0 };
	buf_puts(&text, ok_item);
	buf_puts(&text, "-\n");
	for (int i = 0; i < 201; i++)
		buf_puts(&text, "题");
	buf_puts(&text, "\n正文。\n2025-01-01\n");
	expect_rejected("longtitle.txt", text.data, text.len, ":6:", "标题过长");
	buf_free(&text);
}

Test(cli, empty_body_is_refused)
{
	REJECTS("nobody.txt", "-\n闵行区新项目落地\n正文。\n2025-05-05\n-\n没有正文\n2025-01-01\n", ":6:", "正文为空");
}

Test(cli, truncated_json_line_is_refused)
{
	REJECTS("cut.jsonl",
		"{\"title\":\"甲\",\"body\":\"正文\",\"date\":\"2025-01-01\"}\n{\"title\":\"乙\",\"body\":\"正文\",\"da",
		":2:", "JSON 无法解析");
}

Test(cli, unreadable_file_is_refused)
{
	struct run_result r;
	char *path = write_file(dir, "secret.txt", ok_item, sizeof(ok_item) - 1);
	char *missing = NULL;
	if (asprintf(&missing, "%s/missing.txt", dir) < 0)
		abort();
	import(missing, &r);
	cr_assert_eq(r.status, 1);
	cr_assert_not_null(strstr(r.err, "无法读取文件"), "%s", r.err);
	run_result_free(&r);
	free(path);
	free(missing);
}

Test(cli, good_files_still_import_when_another_fails)
{
	char *bad = write_file(dir, "bad.txt", "-\n标题\n正文\n2025-02-30\n", 24);
	const char *argv[] = { zs_bin(), "import", "--db", db, bad, "data/demo/articles.txt", NULL };
	struct run_result r;
	run_cmd(argv, &r);
	cr_assert_eq(r.status, 1, "any failed file makes the exit status 1");
	cr_assert_not_null(strstr(r.out, "data/demo/articles.txt：新增"), "%s", r.out);
	cr_assert_geq(article_count(), 12);
	run_result_free(&r);
	free(bad);
}

Test(cli, help_and_usage_errors)
{
	struct run_result r;
	const char *help[][4] = { { zs_bin(), "--help", NULL }, { zs_bin(), "import", "--help", NULL },
				  { zs_bin(), "serve", "--help", NULL } };
	for (size_t i = 0; i < 3; i++) {
		run_cmd(help[i], &r);
		cr_assert_eq(r.status, 0, "%s --help", help[i][1]);
		cr_assert_not_null(strstr(r.out, "用法"), "%s", r.out);
		run_result_free(&r);
	}
	const char *bad[][5] = { { zs_bin(), NULL }, { zs_bin(), "frobnicate", NULL }, { zs_bin(), "import", NULL },
				 { zs_bin(), "import", "--bogus", "x.txt", NULL },
				 { zs_bin(), "serve", "--threads", "many", NULL } };
	for (size_t i = 0; i < 5; i++) {
		run_cmd(bad[i], &r);
		cr_assert_eq(r.status, 2, "case %zu exited %d", i, r.status);
		cr_assert(strlen(r.err) > 0, "case %zu printed no error", i);
		run_result_free(&r);
	}
}

Test(cli, serve_refuses_a_bad_listen_address)
{
	const char *argv[] = { zs_bin(), "serve", "--db", db, "--listen", "nonsense", NULL };
	struct run_result r;
	run_cmd(argv, &r);
	cr_assert_eq(r.status, 1);
	cr_assert_not_null(strstr(r.err, "HOST:PORT"), "%s", r.err);
	run_result_free(&r);
}

Test(cli, serve_refuses_a_trusted_proxy_that_is_not_an_address)
{
	const char *argv[] = { zs_bin(), "serve", "--db", db, "--listen", "127.0.0.1:0", "--trusted-proxy", "proxy.local",
			       NULL };
	struct run_result r;
	run_cmd(argv, &r);
	cr_assert_eq(r.status, 1);
	cr_assert_not_null(strstr(r.err, "proxy.local"), "%s", r.err);
	run_result_free(&r);
}

static bool have_ipv6_loopback(void)
{
	int fd = socket(AF_INET6, SOCK_STREAM, 0);
	struct sockaddr_in6 a = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	bool ok = fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof(a)) == 0;
	if (fd >= 0)
		close(fd);
	return ok;
}

Test(cli, serve_listens_on_ipv6)
{
	if (!have_ipv6_loopback())
		cr_skip_test("no IPv6 loopback here");
	char *log_path = NULL;
	if (asprintf(&log_path, "%s/v6.log", dir) < 0)
		abort();
	pid_t pid = fork();
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGTERM); /* gone with this test, even if it fails */
		if (!freopen(log_path, "w", stderr))
			_exit(127);
		execl(zs_bin(), zs_bin(), "serve", "--db", db, "--listen", "[::1]:0", (char *)NULL);
		_exit(127);
	}
	int port = 0;
	for (int i = 0; i < 500 && !port; i++) {
		usleep(10000);
		FILE *f = fopen(log_path, "r");
		char line[512];
		while (f && fgets(line, sizeof(line), f))
			if (strstr(line, "listening on http://[::1]:"))
				port = atoi(strstr(line, "[::1]:") + 6);
		if (f)
			fclose(f);
	}
	cr_assert_gt(port, 0, "no IPv6 listening line");
	int fd = socket(AF_INET6, SOCK_STREAM, 0);
	struct sockaddr_in6 a = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT,
				  .sin6_port = htons((uint16_t)port) };
	cr_assert_eq(connect(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	const char req[] = "GET /healthz HTTP/1.1\r\nHost: [::1]\r\nConnection: close\r\n\r\n";
	cr_assert_eq(write(fd, req, sizeof(req) - 1), (ssize_t)sizeof(req) - 1);
	char reply[256] = { 0 };
	ssize_t n = read(fd, reply, sizeof(reply) - 1);
	close(fd);
	kill(pid, SIGTERM);
	int st;
	waitpid(pid, &st, 0);
	cr_assert_gt(n, 12);
	cr_assert(!strncmp(reply, "HTTP/1.1 200", 12), "%s", reply);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	free(log_path);
}

Test(cli, user_add_creates_accounts_and_explains_refusals)
{
	setenv("ZHAOSHANG_PASSWORD", "correct horse battery", 1);
	const char *ok[] = { zs_bin(), "user", "add", "editor1", "--role", "editor", "--db", db, NULL };
	struct run_result r;
	run_cmd(ok, &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_not_null(strstr(r.out, "已创建编辑账号 editor1"), "%s", r.out);
	run_result_free(&r);
	run_cmd(ok, &r);
	cr_assert_eq(r.status, 1);
	cr_assert_not_null(strstr(r.err, "已被使用"), "%s", r.err);
	run_result_free(&r);
	setenv("ZHAOSHANG_PASSWORD", "short", 1);
	const char *weak[] = { zs_bin(), "user", "add", "editor2", "--db", db, NULL };
	run_cmd(weak, &r);
	cr_assert_eq(r.status, 1);
	cr_assert_not_null(strstr(r.err, "至少需要 10 个字符"), "%s", r.err);
	run_result_free(&r);
	unsetenv("ZHAOSHANG_PASSWORD");
	run_cmd(weak, &r); /* no password anywhere: standard input is empty */
	cr_assert_eq(r.status, 1);
	cr_assert_not_null(strstr(r.err, "没有读到密码"), "%s", r.err);
	run_result_free(&r);
	const char *bad_role[] = { zs_bin(), "user", "add", "x", "--role", "root", "--db", db, NULL };
	run_cmd(bad_role, &r);
	cr_assert_eq(r.status, 2);
	run_result_free(&r);
}

/* A test that fails ends before its teardown: its server must not outlive it. */
Test(cli, a_server_dies_with_the_test_that_started_it)
{
	int fds[2];
	cr_assert_eq(pipe(fds), 0);
	pid_t child = fork();
	if (child == 0) {
		struct test_server srv;
		if (!server_start(&srv, db))
			_exit(1);
		if (write(fds[1], &srv.pid, sizeof(srv.pid)) != sizeof(srv.pid))
			_exit(1);
		_exit(0); /* as a failing test would: no server_stop */
	}
	pid_t server = 0;
	cr_assert_eq(read(fds[0], &server, sizeof(server)), (ssize_t)sizeof(server));
	waitpid(child, NULL, 0);
	bool gone = false;
	for (int i = 0; i < 500 && !gone; i++) {
		gone = kill(server, 0) != 0;
		usleep(10000);
	}
	if (!gone)
		kill(server, SIGKILL);
	cr_assert(gone, "server %d outlived its test", (int)server);
	close(fds[0]);
	close(fds[1]);
}

/* Runs one SQL statement on the test database (to set up what an older
 * version left behind) and returns the first column of its first row. */
static int64_t sql(const char *statement)
{
	sqlite3 *conn;
	cr_assert_eq(sqlite3_open(db, &conn), SQLITE_OK);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(conn, statement, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(conn));
	int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	sqlite3_close(conn);
	return v;
}

Test(cli, retag_tags_every_article_again_and_keeps_given_districts)
{
	struct run_result r;
	import("data/demo/articles.txt", &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_result_free(&r);
	/* One article's district was given by its source: it must stay. */
	static const char given[] = "{\"title\":\"张江科学城新项目\",\"body\":\"项目总投资3亿元。\","
				    "\"date\":\"2025-01-02\",\"district\":\"xuhui\"}\n";
	char *jsonl = write_file(dir, "given.jsonl", given, sizeof(given) - 1);
	import(jsonl, &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_result_free(&r);
	free(jsonl);
	int64_t facts = sql("SELECT count(*) FROM article_facts"), industries = sql("SELECT count(*) FROM article_industries");
	cr_assert_gt(facts, 10, "import stores facts");
	/* As a database tagged by an older version would be. */
	sql("DELETE FROM article_facts");
	sql("DELETE FROM article_industries");
	sql("DELETE FROM article_districts WHERE article_id = 1");
	const char *argv[] = { zs_bin(), "retag", "--db", db, NULL };
	run_cmd(argv, &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "重新标注 15 篇文章"), "%s", r.out);
	cr_assert_str_eq(r.err, "", "no progress bar when not on a terminal: %s", r.err);
	run_result_free(&r);
	cr_assert_eq(sql("SELECT count(*) FROM article_facts"), facts, "the same facts again");
	cr_assert_eq(sql("SELECT count(*) FROM article_industries"), industries);
	cr_assert_gt(sql("SELECT count(*) FROM article_districts WHERE article_id = 1"), 0, "districts again");
	cr_assert_eq(sql("SELECT count(*) FROM article_districts d JOIN articles a ON a.id = d.article_id"
			 " WHERE a.title = '张江科学城新项目' AND d.district = 'xuhui'"),
		     1, "a given district is kept, though the text names a Pudong place");
	cr_assert_eq(sql("SELECT count(*) FROM article_districts d JOIN articles a ON a.id = d.article_id"
			 " WHERE a.title = '张江科学城新项目' AND d.district = 'pudong'"),
		     0);
}

/* The number of rows of table in the database at path (opened read-only). */
static int64_t rows_in(const char *path, const char *table)
{
	sqlite3 *copy;
	sqlite3_stmt *st;
	char *query;
	if (asprintf(&query, "SELECT count(*) FROM %s", table) < 0)
		abort();
	cr_assert_eq(sqlite3_open_v2(path, &copy, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(copy, query, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(copy));
	free(query);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(copy);
	return n;
}

static int64_t articles_in(const char *path)
{
	return rows_in(path, "articles");
}

/* How many entries dir holds (besides . and ..). */
static int entries_in(const char *path)
{
	struct run_result r;
	run_cmd((const char *[]){ "/bin/ls", "-A", path, NULL }, &r);
	int n = 0;
	for (const char *p = r.out; *p; p++)
		n += *p == '\n';
	run_result_free(&r);
	return n;
}

/* Starts zhaoshang COMMAND --db db ARG, its output discarded; its pid. */
static pid_t run_in_background(const char *command, const char *arg)
{
	pid_t pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		dup2(null, 2);
		execl(zs_bin(), zs_bin(), command, "--db", db, arg, (char *)NULL);
		_exit(127);
	}
	return pid;
}

Test(cli, backup_copies_a_consistent_database_while_the_server_runs_and_an_import_writes)
{
	struct run_result r;
	import(seed_or_demo_path(), &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_result_free(&r);
	int64_t before = article_count();
	struct test_server server;
	cr_assert(server_start(&server, db));

	/* A 3,000-article file imports (all or nothing) while the copy is made. */
	struct buf listing = { 0 };
	for (int i = 0; i < 3000; i++)
		buf_printf(&listing, "-\n备份测试第%d篇：浦东新区项目签约\n浦东新区第%d批项目签约，总投资%d亿元。\n2027-01-%02d\n", i, i,
			   i % 90 + 1, i % 28 + 1);
	char *big = write_file(dir, "big.txt", listing.data, listing.len);
	buf_free(&listing);
	pid_t importer = run_in_background("import", big);
	char *dest;
	if (asprintf(&dest, "%s/copy.db", dir) < 0)
		abort();
	run_cmd((const char *[]){ zs_bin(), "backup", "--db", db, dest, NULL }, &r);
	int st = 0;
	waitpid(importer, &st, 0);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the import failed");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_not_null(strstr(r.out, "已备份到"), "%s", r.out);
	int64_t copied = articles_in(dest);
	cr_assert(copied == before || copied == before + 3000, "the copy holds %lld articles: not %lld or %lld",
		  (long long)copied, (long long)before, (long long)before + 3000);
	char count[32];
	snprintf(count, sizeof(count), "%lld 篇文章", (long long)copied);
	cr_assert_not_null(strstr(r.out, count), "the summary counts the copy: %s", r.out);
	run_result_free(&r);

	/* The copy is a working database: a server runs on it. */
	struct test_server restored;
	cr_assert(server_start(&restored, dest), "a server starts on the copy");
	struct http_reply page;
	http_request(restored.port, "GET", "/api/v1/articles", &page);
	char total[48];
	snprintf(total, sizeof(total), "\"total\":%lld", (long long)copied);
	cr_assert_not_null(strstr(page.body, total), "%.200s", page.body);
	http_reply_free(&page);
	cr_assert_eq(server_stop(&restored), 0);
	cr_assert_eq(server_stop(&server), 0);
	free(dest);
	free(big);
}

/* Runs zhaoshang backup --db db dest; the result in r. */
static void backup(const char *database, const char *dest, struct run_result *r)
{
	run_cmd((const char *[]){ zs_bin(), "backup", "--db", database, dest, NULL }, r);
}

/* Asserts a backup to dest fails with a message holding words, and leaves
 * the directory as it found it. */
static void expect_backup_refused(const char *dest, const char *words)
{
	int entries = entries_in(dir);
	struct run_result r;
	backup(db, dest, &r);
	cr_assert_eq(r.status, 1, "%s: %d", dest, r.status);
	cr_assert_not_null(strstr(r.err, words), "%s: %s", dest, r.err);
	run_result_free(&r);
	cr_assert_eq(entries_in(dir), entries, "%s: nothing created, no temporary file left", dest);
}

static void import_seed(void)
{
	struct run_result r;
	import(seed_or_demo_path(), &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_result_free(&r);
}

Test(cli, backup_never_overwrites_a_file)
{
	import_seed();
	char *dest = write_file(dir, "taken.db", "precious", 8);
	expect_backup_refused(dest, "已存在，不会覆盖");
	FILE *f = fopen(dest, "r");
	char content[16] = { 0 };
	cr_assert(f && fread(content, 1, sizeof(content) - 1, f) == 8);
	fclose(f);
	cr_assert_str_eq(content, "precious");
	free(dest);
}

Test(cli, backup_refuses_directories_missing_directories_and_the_database_s_own_files)
{
	import_seed();
	char *no_dir, *journal, *wal, *itself;
	if (asprintf(&no_dir, "%s/no/such/dir/x.db", dir) < 0 || asprintf(&journal, "%s-journal", db) < 0 ||
	    asprintf(&wal, "%s/./cli.db-wal", dir) < 0 || asprintf(&itself, "%s/../%s/cli.db", dir, strrchr(dir, '/') + 1) < 0)
		abort();
	expect_backup_refused(no_dir, "目录不存在");
	expect_backup_refused(dir, "是目录");
	expect_backup_refused(journal, "数据库自己的文件");
	expect_backup_refused(itself, "已存在");
	unlink(wal); /* the server is not running: no WAL file should be there */
	expect_backup_refused(wal, "数据库自己的文件");
	free(no_dir);
	free(journal);
	free(wal);
	free(itself);
}

Test(cli, backup_of_a_missing_database_creates_nothing)
{
	char *missing, *dest;
	if (asprintf(&missing, "%s/none.db", dir) < 0 || asprintf(&dest, "%s/copy.db", dir) < 0)
		abort();
	struct run_result r;
	backup(missing, dest, &r);
	cr_assert_eq(r.status, 1);
	cr_assert_not_null(strstr(r.err, "不存在"), "%s", r.err);
	run_result_free(&r);
	cr_assert_eq(entries_in(dir), 0);
	run_cmd((const char *[]){ zs_bin(), "backup", "--db", db, NULL }, &r);
	cr_assert_eq(r.status, 2, "no destination is a usage error");
	cr_assert_not_null(strstr(r.err, "用法：zhaoshang backup"));
	run_result_free(&r);
	free(missing);
	free(dest);
}

/* Runs SQL on the test database (a writer of its own). */
static void sql_exec(const char *statement)
{
	sqlite3 *conn;
	cr_assert_eq(sqlite3_open(db, &conn), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(conn, statement, NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(conn));
	sqlite3_close(conn);
}

Test(cli, backup_copies_one_moment_past_a_writer_that_holds_its_transaction)
{
	import_seed();
	int64_t before = rows_in(db, "article_districts");
	cr_assert_gt(before, 0);
	sqlite3 *writer;
	cr_assert_eq(sqlite3_open(db, &writer), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(writer, "BEGIN IMMEDIATE; DELETE FROM article_districts;", NULL, NULL, NULL), SQLITE_OK,
		     "%s", sqlite3_errmsg(writer));
	char *dest;
	if (asprintf(&dest, "%s/copy.db", dir) < 0)
		abort();
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct run_result r;
	backup(db, dest, &r);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_result_free(&r);
	cr_assert_lt(t1.tv_sec - t0.tv_sec, 4, "the copy does not wait for the writer");
	cr_assert_eq(rows_in(dest, "article_districts"), before, "the uncommitted deletion is not in the copy");
	sqlite3_exec(writer, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(writer);
	free(dest);
}

Test(cli, backup_reads_the_database_and_never_upgrades_it)
{
	import_seed();
	/* As if this binary were newer than the database: 11 of its steps
	 * applied. Opening it to write would run step 12. */
	sql_exec("PRAGMA user_version = 11");
	char *dest;
	if (asprintf(&dest, "%s/copy.db", dir) < 0)
		abort();
	struct run_result r;
	backup(db, dest, &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_result_free(&r);
	sqlite3 *conn;
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_open_v2(db, &conn, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(conn, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_eq(sqlite3_column_int(st, 0), 11, "the database is as the running server knows it");
	sqlite3_finalize(st);
	sqlite3_close(conn);

	/* A database newer than this program is not copied blindly. */
	sql_exec("PRAGMA user_version = 999");
	char *newer;
	if (asprintf(&newer, "%s/newer.db", dir) < 0)
		abort();
	expect_backup_refused(newer, "比本程序新");
	free(newer);
	free(dest);
}

Test(cli, a_destination_named_file_colon_is_a_file_not_a_uri)
{
	import_seed();
	/* Relative to a working directory of the test's own. */
	char *script;
	if (asprintf(&script, "cd '%s' && exec '%s/%s' backup --db '%s' file:copy.db", dir, getenv("PWD"), zs_bin(), db) < 0)
		abort();
	const char *bin = zs_bin();
	if (bin[0] == '/' && asprintf(&script, "cd '%s' && exec '%s' backup --db '%s' file:copy.db", dir, bin, db) < 0)
		abort();
	struct run_result r;
	run_cmd((const char *[]){ "/bin/sh", "-c", script, NULL }, &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_result_free(&r);
	char *copy;
	if (asprintf(&copy, "%s/file:copy.db", dir) < 0)
		abort();
	cr_assert_eq(articles_in(copy), article_count(), "the copy is under the name given, whole");
	cr_assert_eq(entries_in(dir), 2, "the database and its copy, nothing else");
	free(copy);
	free(script);
}

Test(cli, an_interrupted_backup_leaves_nothing_behind)
{
	import_seed();
	/* Enough bytes that the copy takes a while. */
	sql_exec("CREATE TABLE ballast(b BLOB);"
		 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120000)"
		 " INSERT INTO ballast SELECT randomblob(1024) FROM n;");
	int entries = entries_in(dir);
	char *dest;
	if (asprintf(&dest, "%s/copy.db", dir) < 0)
		abort();
	pid_t pid = run_in_background("backup", dest);
	usleep(150 * 1000);
	kill(pid, SIGTERM);
	int st = 0;
	waitpid(pid, &st, 0);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 1, "stopped, and says so (status %d)", st);
	cr_assert_eq(entries_in(dir), entries, "no copy, no temporary file");
	free(dest);
}

Test(cli, settings_shown_to_people_must_be_short_plain_text)
{
	struct run_result r;
	run_cmd((const char *[]){ zs_bin(), "serve", "--db", db, "--listen", "127.0.0.1:0", "--org-phone", "021\x01"
				  "5555", NULL }, &r);
	cr_assert_eq(r.status, 2, "a control character: exit %d\n%s", r.status, r.err);
	cr_assert_not_null(strstr(r.err, "--org-phone 不能含有控制字符"), "%s", r.err);
	run_result_free(&r);
	char *long_name = repeat("上海", 101);
	run_cmd((const char *[]){ zs_bin(), "serve", "--db", db, "--listen", "127.0.0.1:0", "--org-name", long_name, NULL },
		&r);
	cr_assert_eq(r.status, 2, "202 characters: exit %d", r.status);
	cr_assert_not_null(strstr(r.err, "--org-name 应为不超过 200 个字符的 UTF-8 文本"), "%s", r.err);
	run_result_free(&r);
	run_cmd((const char *[]){ zs_bin(), "serve", "--db", db, "--listen", "127.0.0.1:0", "--org-name", "\xff\xfe", NULL },
		&r);
	cr_assert_eq(r.status, 2, "not UTF-8: exit %d", r.status);
	run_result_free(&r);
	free(long_name);
}

/* ---- an import killed half-way (issue 14) ---- */

/* Starts importing a 20,000-article file and kills the process with
 * SIGKILL once some of it is in the database; returns how many articles
 * are in db then. */
static int64_t import_killed_half_way(void)
{
	struct buf listing = { 0 };
	for (int i = 0; i < 20000; i++)
		buf_printf(&listing, "-\n中断测试第%d篇：闵行区项目签约\n闵行区第%d批项目签约，总投资%d亿元。\n2026-02-%02d\n", i, i,
			   i % 90 + 1, i % 28 + 1);
	char *big = write_file(dir, "killed.txt", listing.data, listing.len);
	buf_free(&listing);
	int64_t before = articles_in(db);
	pid_t importer = run_in_background("import", big);
	int64_t seen = before;
	for (int i = 0; i < 2000 && seen == before; i++) {
		usleep(5 * 1000);
		seen = articles_in(db);
	}
	kill(importer, SIGKILL);
	int st = 0;
	waitpid(importer, &st, 0);
	free(big);
	cr_assert(WIFSIGNALED(st), "the import was killed before it finished (status %d)", st);
	int64_t left = articles_in(db);
	cr_assert(left > before && left < before + 20000, "half of it is in: %lld of 20000", (long long)(left - before));
	return left;
}

Test(cli, the_next_import_takes_out_what_a_killed_import_left)
{
	import_seed();
	int64_t before = articles_in(db);
	import_killed_half_way();
	struct run_result r;
	static const char text[] = "-\n奉贤区新项目签约\n奉贤区项目签约。\n2026-03-01\n";
	char *one = write_file(dir, "one.txt", text, sizeof(text) - 1);
	import(one, &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(articles_in(db), before + 1, "the killed file is all gone, the new one is in");
	run_result_free(&r);
	free(one);
}

Test(cli, a_server_start_takes_out_what_a_killed_import_left)
{
	import_seed();
	int64_t before = articles_in(db);
	import_killed_half_way();
	struct test_server server;
	cr_assert(server_start(&server, db));
	cr_assert_eq(articles_in(db), before, "the killed file is all gone before the server answers");
	struct http_reply page;
	http_request(server.port, "GET", "/api/v1/articles", &page);
	char total[48];
	snprintf(total, sizeof(total), "\"total\":%lld", (long long)before);
	cr_assert_not_null(strstr(page.body, total), "%.200s", page.body);
	http_reply_free(&page);
	cr_assert_eq(server_stop(&server), 0);
}

Test(cli, a_backup_leaves_out_an_import_still_being_written)
{
	import_seed();
	int64_t before = articles_in(db);
	int64_t left = import_killed_half_way();
	char *dest;
	if (asprintf(&dest, "%s/copy.db", dir) < 0)
		abort();
	struct run_result r;
	backup(db, dest, &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(articles_in(dest), before, "the copy holds every file whole or not at all");
	cr_assert_eq(articles_in(db), left, "the database itself is left as it is: backups never write it");
	run_result_free(&r);
	free(dest);
}
