/* zhaoshang backup: a consistent copy of the database, safe while the
 * server runs. */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli/commands.h"
#include "cli/config.h"
#include "store/backup.h"
#include "store/store.h"
#include "util/mem.h"

static int usage(int rc, struct buf *err)
{
	FILE *out = rc == 1 ? stdout : stderr;
	if (rc < 0)
		fprintf(stderr, "zhaoshang backup: %s\n", buf_cstr(err));
	fprintf(out, "用法：zhaoshang backup [--db PATH] DEST\n"
		     "把数据库复制到 DEST：网站运行、导入进行时也可以做，得到的是同一时刻的完整副本。\n"
		     "副本先写到 DEST 旁的临时文件，检查无误并写入磁盘后才改名为 DEST；DEST 已存在时不会覆盖。\n"
		     "数据库只被读取，不会被升级或改动。\n"
		     "恢复：停止网站，删除数据库旁的 -wal 和 -shm 文件，把副本放到数据库的位置，再启动。\n\n选项：\n");
	config_print_options(out, CFG_BIT(CFG_DB));
	return rc == 1 ? 0 : EXIT_USAGE;
}

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

/* dest as an absolute path, its directory resolved (the file itself need
 * not exist), or NULL; caller frees. */
static char *resolved(const char *path)
{
	char *copy = xstrdup(path), *dir_copy = xstrdup(path);
	char dir[PATH_MAX], *out = NULL;
	if (realpath(dirname(dir_copy), dir) && asprintf(&out, "%s/%s", dir, basename(copy)) < 0)
		abort();
	free(copy);
	free(dir_copy);
	return out;
}

/* Why dest cannot be written, or NULL: a directory, a missing directory,
 * or one of the database's own files (SQLite would take a file named
 * like its journal for one, and delete it). */
static const char *dest_problem(const char *db, const char *dest, struct buf *why)
{
	struct stat st;
	size_t len = strlen(dest);
	if (len == 0 || dest[len - 1] == '/' || (stat(dest, &st) == 0 && S_ISDIR(st.st_mode))) {
		buf_printf(why, "%s 是目录：请给出备份文件的名字", dest);
		return buf_cstr(why);
	}
	if (lstat(dest, &st) == 0) {
		buf_printf(why, "%s 已存在，不会覆盖", dest);
		return buf_cstr(why);
	}
	char *target = resolved(dest), db_real[PATH_MAX];
	if (!target) {
		buf_printf(why, "%s 所在的目录不存在", dest);
		return buf_cstr(why);
	}
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	for (size_t i = 0; realpath(db, db_real) && i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		size_t n = strlen(db_real);
		if (!strncmp(target, db_real, n) && !strcmp(target + n, suffixes[i])) {
			buf_printf(why, "%s 是数据库自己的文件，不能用作备份", dest);
			break;
		}
	}
	free(target);
	return why->len ? buf_cstr(why) : NULL;
}

int cmd_backup(int argc, char **argv)
{
	struct config cfg;
	struct buf err = { 0 };
	int npos;
	int rc = config_parse(&cfg, CFG_BIT(CFG_DB), argc, argv, &npos, &err);
	if (rc == 0 && npos != 1) {
		buf_puts(&err, npos == 0 ? "缺少备份的目标文件 DEST" : "只能指定一个目标文件");
		rc = -1;
	}
	if (rc != 0) {
		int status = usage(rc, &err);
		buf_free(&err);
		return status;
	}
	const char *db = cfg.str[CFG_DB], *dest = argv[0];
	struct stat st;
	if (stat(db, &st) < 0) {
		fprintf(stderr, "zhaoshang backup: 无法读取数据库 %s：%s\n", db,
			errno == ENOENT ? "文件不存在" : strerror(errno));
		return 1;
	}
	const char *problem = dest_problem(db, dest, &err);
	if (problem) {
		fprintf(stderr, "zhaoshang backup: %s\n", problem);
		buf_free(&err);
		return 1;
	}
	/* Interrupted, the copy stops and removes what it wrote. */
	struct sigaction sa = { .sa_handler = on_signal };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);

	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct backup_result r;
	int status = 0;
	if (store_backup(db, dest, &stop, &r, &err) != STORE_OK) {
		fprintf(stderr, "zhaoshang backup: %s\n", buf_cstr(&err));
		status = 1;
	} else {
		clock_gettime(CLOCK_MONOTONIC, &t1);
		double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		long long bytes = stat(dest, &st) == 0 ? (long long)st.st_size : 0;
		printf("已备份到 %s：%lld 篇文章，%lld 家入驻企业，%.1f MB（%.2f 秒）\n", dest, (long long)r.articles,
		       (long long)r.enterprises, (double)bytes / (1024.0 * 1024.0), secs);
	}
	buf_free(&err);
	return status;
}
