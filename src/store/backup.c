/* backup: a consistent copy of the database, made while others use it,
 * that appears whole under its name or not at all. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/backup.h"
#include "store/fts.h"
#include "store/functions.h"
#include "store/migrations.h"
#include "store/statements.h"

#include "util/mem.h"

/* path as SQLite must be given it: a relative path starting "file:" would
 * be read as a URI (Debian builds SQLite with URI names on). Caller frees. */
static char *sqlite_path(const char *path)
{
	char *p;
	if (asprintf(&p, "%s%s", path[0] == '/' ? "" : "./", path) < 0)
		abort();
	return p;
}

/* The system's reason for errno, in Chinese for the common ones. */
#include "store/backup.h"
static const char *reason(int err)
{
	switch (err) {
	case ENOENT: return "目录不存在";
	case EACCES:
	case EPERM: return "没有权限";
	case ENOSPC:
	case EDQUOT: return "磁盘空间不足";
	case EROFS: return "文件系统只读";
	case ENAMETOOLONG: return "路径过长";
	case EISDIR: return "这是一个目录";
	default: return strerror(err);
	}
}

/* Stops a running VACUUM when *stop has been set (by a signal handler). */
static int stop_requested(void *stop)
{
	return *(const volatile sig_atomic_t *)stop != 0;
}

/* Steps sql's first row: SQLITE_ROW, SQLITE_DONE when it has none, or an error. */
static int first_row(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int step = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (step == SQLITE_OK)
		step = sqlite3_step(st);
	sqlite3_finalize(st);
	return step;
}

/* Takes out of the copy at path the articles of imports that were being
 * written when it was made: the copy keeps each file all or nothing, as
 * the database does. Copies made before imports kept a record have none. */
static int settle_copy(const char *path, struct buf *err)
{
	sqlite3 *db = NULL;
	int step = SQLITE_ERROR;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK) {
		step = first_row(db, STORE_BACKUP_HAS_IMPORTS_SQL);
		if (step == SQLITE_ROW)
			step = first_row(db, STORE_BACKUP_UNFINISHED_SQL);
	}
	/* Taking articles out runs the triggers that keep the search index,
	 * which need the store's tokenizer and functions. */
	if (step == SQLITE_ROW) {
		bool settled = fts_register_tokenizer(db) == SQLITE_OK && sql_functions_register(db) == SQLITE_OK &&
			       sqlite3_exec(db, STORE_BACKUP_SETTLE_SQL, NULL, NULL, NULL) == SQLITE_OK;
		step = settled ? SQLITE_DONE : SQLITE_ERROR;
	}
	if (step != SQLITE_DONE)
		buf_printf(err, "无法撤回备份中未完成的导入：%s", db ? sqlite3_errmsg(db) : "内存不足");
	sqlite3_close(db);
	return step == SQLITE_DONE ? 0 : -1;
}

/* Checks the copy at path the way a restore would use it, and counts what
 * it holds. */
static int check_copy(const char *path, struct backup_result *r, struct buf *err)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int rc = -1;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, STORE_BACKUP_CHECK_SQL, -1, &st, NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
		buf_printf(err, "无法读取备份：%s", db ? sqlite3_errmsg(db) : "内存不足");
		goto out;
	}
	const char *verdict = (const char *)sqlite3_column_text(st, 0);
	if (!verdict || strcmp(verdict, "ok")) {
		buf_printf(err, "备份未通过完整性检查：%s", verdict ? verdict : "无结果");
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

/* Opens the database to copy: never migrated or otherwise written (a newer
 * binary backing up before an upgrade must leave it as the running server
 * knows it), and of a schema this program knows. Opened for writing all
 * the same, never created: a read-only connection cannot remove the WAL
 * files it makes beside a database no one else has open. */
static sqlite3 *open_source(const char *db_path, const volatile sig_atomic_t *stop, struct buf *err)
{
	char *path = sqlite_path(db_path);
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int version = -1;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK) {
		sqlite3_busy_timeout(db, 5000);
		if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			version = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	free(path);
	if (version < 1 || (size_t)version > store_migrations_count) {
		if (version < 0)
			buf_printf(err, "无法读取数据库 %s：%s", db_path, db ? sqlite3_errmsg(db) : "内存不足");
		else if (version == 0)
			buf_printf(err, "%s 不是招商网站的数据库", db_path);
		else
			buf_printf(err, "数据库 %s 的结构版本（%d）比本程序新，请用新版本备份", db_path, version);
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_progress_handler(db, 1000, stop_requested, (void *)stop);
	return db;
}

/* Gives the finished copy tmp its name dest, never replacing a file.
 * Returns 0 or the errno of the failure. */
static int name_copy(const char *tmp, const char *dest, struct buf *err)
{
	int e = 0;
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, dest, RENAME_NOREPLACE) == 0)
		return 0;
	e = errno;
	/* NFS and some FUSE file systems take no rename flags: a hard link
	 * fails the same way when dest exists, and is as atomic. */
	if (e == EINVAL || e == ENOSYS) {
		if (link(tmp, dest) == 0) {
			unlink(tmp);
			return 0;
		}
		e = errno;
	}
	if (e == EEXIST)
		buf_printf(err, "%s 已存在，不会覆盖", dest);
	else
		buf_printf(err, "无法把备份命名为 %s：%s", dest, reason(e));
	return e;
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

enum store_rc store_backup(const char *db_path, const char *dest, const volatile sig_atomic_t *stop,
			   struct backup_result *r, struct buf *err)
{
	*r = (struct backup_result){ 0 };
	sqlite3 *db = open_source(db_path, stop, err);
	if (!db)
		return STORE_ERROR;
	/* Written beside dest under another name, checked, flushed, then
	 * named: dest is either absent or a whole, checked copy. */
	char *tmp, *tmp_journal, *tmp_sqlite;
	if (asprintf(&tmp, "%s.tmp-XXXXXX", dest) < 0)
		abort();
	enum store_rc rc = STORE_ERROR;
	int fd = mkstemp(tmp);
	if (fd < 0) {
		buf_printf(err, "无法在 %s 旁创建文件：%s", dest, reason(errno));
		free(tmp);
		sqlite3_close(db);
		return STORE_ERROR;
	}
	/* As readable as the database itself, not mkstemp's 0600: a restored
	 * copy must open for the account that runs the server. */
	struct stat source;
	if (stat(db_path, &source) == 0)
		fchmod(fd, source.st_mode & 0666);
	close(fd);
	if (asprintf(&tmp_journal, "%s-journal", tmp) < 0)
		abort();
	tmp_sqlite = sqlite_path(tmp);

	/* VACUUM INTO reads one snapshot: a consistent copy while the server
	 * and importers write (WAL), compacted as it goes. */
	sqlite3_stmt *st = NULL;
	int step = sqlite3_prepare_v2(db, STORE_BACKUP_SQL, -1, &st, NULL);
	if (step == SQLITE_OK) {
		sqlite3_bind_text(st, 1, tmp_sqlite, -1, SQLITE_STATIC);
		step = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		if (*stop)
			buf_puts(err, "备份被中止，没有留下文件");
		else
			buf_printf(err, "备份数据库 %s 失败：%s", db_path, sqlite3_errmsg(db));
		goto out;
	}
	if (settle_copy(tmp_sqlite, err) < 0 || check_copy(tmp_sqlite, r, err) < 0)
		goto out;
	if (sync_path(tmp, O_RDONLY) < 0) {
		buf_printf(err, "无法把备份写入磁盘：%s", reason(errno));
		goto out;
	}
	int named = name_copy(tmp, dest, err);
	if (named) {
		rc = named == EEXIST ? STORE_DUPLICATE : STORE_ERROR;
		goto out;
	}
	char *dir_of = xstrdup(dest);
	int synced = sync_path(dirname(dir_of), O_RDONLY | O_DIRECTORY);
	free(dir_of);
	if (synced < 0)
		buf_printf(err, "备份已写成 %s，但无法确认其目录已写入磁盘：%s", dest, reason(errno));
	rc = synced < 0 ? STORE_ERROR : STORE_OK;
	unlink(tmp_journal);
	goto done;
out:
	unlink(tmp);
	unlink(tmp_journal);
done:
	free(tmp_sqlite);
	free(tmp_journal);
	free(tmp);
	sqlite3_close(db);
	return rc;
}
