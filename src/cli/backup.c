/* zhaoshang backup: a consistent copy of the database, safe while the
 * server runs. */
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/commands.h"
#include "config.h"
#include "store/store.h"

static int usage(int rc, struct buf *err)
{
	FILE *out = rc == 1 ? stdout : stderr;
	if (rc < 0)
		fprintf(stderr, "zhaoshang backup: %s\n", buf_cstr(err));
	fprintf(out, "用法：zhaoshang backup [--db PATH] DEST\n"
		     "把数据库复制到 DEST：网站运行、导入进行时也可以做，得到的是同一时刻的完整副本。\n"
		     "副本先写到 DEST 旁的临时文件，检查无误并写入磁盘后才改名为 DEST；DEST 已存在时不会覆盖。\n"
		     "恢复：停止网站，把副本放到数据库的位置，再启动。\n\n选项：\n");
	config_print_options(out, CFG_BIT(CFG_DB));
	return rc == 1 ? 0 : EXIT_USAGE;
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
	/* Opening a missing database would create an empty one to copy. */
	if (stat(db, &st) < 0) {
		fprintf(stderr, "zhaoshang backup: 数据库 %s 不存在\n", db);
		return 1;
	}
	if (lstat(dest, &st) == 0) {
		fprintf(stderr, "zhaoshang backup: %s 已存在，不会覆盖\n", dest);
		return 1;
	}
	struct store *store;
	if (store_open(db, &store, &err) != STORE_OK) {
		fprintf(stderr, "zhaoshang backup: %s\n", buf_cstr(&err));
		buf_free(&err);
		return 1;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct backup_result r;
	int status = 0;
	if (store_backup(store, dest, &r, &err) != STORE_OK) {
		fprintf(stderr, "zhaoshang backup: %s\n", buf_cstr(&err));
		status = 1;
	} else {
		clock_gettime(CLOCK_MONOTONIC, &t1);
		double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		long long bytes = stat(dest, &st) == 0 ? (long long)st.st_size : 0;
		printf("已备份到 %s：%lld 篇文章，%lld 家入驻企业，%.1f MB（%.2f 秒）\n", dest, (long long)r.articles,
		       (long long)r.enterprises, (double)bytes / (1024.0 * 1024.0), secs);
	}
	store_close(store);
	buf_free(&err);
	return status;
}
