/* backup: a consistent copy of the database, made while others use it,
 * that appears whole under its name or not at all. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store_internal.h"
#include "util/mem.h"

/* Checks the copy at path the way a restore would use it, and counts what
 * it holds. */
static int check_copy(const char *path, struct backup_result *r, struct buf *err)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int rc = -1;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db,
			       "SELECT (SELECT quick_check FROM pragma_quick_check),"
			       " (SELECT count(*) FROM articles),"
			       " (SELECT count(*) FROM enterprises WHERE status = 'approved')",
			       -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		buf_printf(err, "无法读取备份 %s：%s", path, db ? sqlite3_errmsg(db) : "内存不足");
		goto out;
	}
	const char *verdict = (const char *)sqlite3_column_text(st, 0);
	if (!verdict || strcmp(verdict, "ok")) {
		buf_printf(err, "备份 %s 未通过完整性检查：%s", path, verdict ? verdict : "无结果");
		goto out;
	}
	r->articles = sqlite3_column_int64(st, 1);
	r->enterprises = sqlite3_column_int64(st, 2);
	rc = 0;
out:
	sqlite3_finalize(st);
	sqlite3_close(db);
	return rc;
}

/* Flushes path (a file or a directory) to the disk. */
static int sync_path(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

enum store_rc store_backup(struct store *s, const char *dest, struct backup_result *r, struct buf *err)
{
	*r = (struct backup_result){ 0 };
	/* Written beside dest under another name, checked, flushed, then
	 * renamed: dest is either absent or a whole, checked copy. */
	char *tmp = NULL;
	if (asprintf(&tmp, "%s.tmp-XXXXXX", dest) < 0)
		abort();
	enum store_rc rc = STORE_ERROR;
	int fd = mkstemp(tmp);
	if (fd < 0) {
		buf_printf(err, "无法在 %s 旁创建文件：%s", dest, strerror(errno));
		free(tmp);
		return STORE_ERROR;
	}
	close(fd);
	/* VACUUM INTO reads one snapshot: a consistent copy while the server
	 * and importers write (WAL), compacted as it goes. */
	sqlite3_stmt *st = stmt_get(s, STMT_BACKUP);
	bind_text(st, 1, tmp);
	int step = sqlite3_step(st);
	stmt_done(st);
	if (step != SQLITE_DONE) {
		buf_printf(err, "备份数据库 %s 失败：%s", s->path, sqlite3_errmsg(s->db));
		goto out;
	}
	if (check_copy(tmp, r, err) < 0)
		goto out;
	if (sync_path(tmp, O_RDONLY) < 0) {
		buf_printf(err, "无法把备份写入磁盘：%s", strerror(errno));
		goto out;
	}
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, dest, RENAME_NOREPLACE) < 0) {
		if (errno == EEXIST) {
			buf_printf(err, "%s 已存在，不会覆盖", dest);
			rc = STORE_DUPLICATE;
		} else {
			buf_printf(err, "无法把备份命名为 %s：%s", dest, strerror(errno));
		}
		goto out;
	}
	char *dir_of = xstrdup(dest);
	sync_path(dirname(dir_of), O_RDONLY | O_DIRECTORY); /* the name, too, survives a crash */
	free(dir_of);
	free(tmp);
	return STORE_OK;
out:
	unlink(tmp);
	free(tmp);
	return rc;
}
