/* statements: every SQL statement the store runs, in one table (internal). */
#ifndef ZS_STORE_STATEMENTS_H
#define ZS_STORE_STATEMENTS_H

/* A backup (store/backup.c) runs on connections of its own: the copy of
 * one snapshot; in the copy, the articles of imports still being written
 * taken out (in the copy they will never finish); then the check. */
#define STORE_BACKUP_SQL "VACUUM INTO ?1"
#define STORE_BACKUP_HAS_IMPORTS_SQL "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'import_runs'"
#define STORE_BACKUP_UNFINISHED_SQL "SELECT 1 FROM import_runs WHERE state = 'writing' LIMIT 1"
#define STORE_BACKUP_SETTLE_SQL                                                                        \
	"PRAGMA foreign_keys = ON;"                                                                    \
	"BEGIN;"                                                                                       \
	"DELETE FROM articles WHERE id IN (SELECT article_id FROM import_run_articles"                 \
	" JOIN import_runs ON import_runs.id = run_id WHERE state = 'writing');"                       \
	"DELETE FROM import_run_articles WHERE run_id IN (SELECT id FROM import_runs WHERE state = 'writing');" \
	"UPDATE import_runs SET state = 'undone' WHERE state = 'writing';"                             \
	"COMMIT;"
#define STORE_BACKUP_CHECK_SQL                                            \
	"SELECT (SELECT quick_check FROM pragma_quick_check),"            \
	" (SELECT count(*) FROM articles),"                               \
	" (SELECT count(*) FROM enterprises WHERE status = 'approved')"

/* X(name, sql): each table family's statements are in store/sql/NAME.h,
 * named after the file that runs them. Each statement is prepared once per
 * connection and only ever run with bound parameters. */
#include "store/sql/store.h"
#include "store/sql/articles.h"
#include "store/sql/sitemap.h"
#include "store/sql/search.h"
#include "store/sql/submissions.h"
#include "store/sql/accounts.h"
#include "store/sql/throttle.h"
#include "store/sql/audit.h"
#include "store/sql/banned_words.h"
#include "store/sql/enterprises.h"
#include "store/sql/messages.h"
#include "store/sql/stats.h"
#include "store/sql/related.h"
#include "store/sql/readership.h"
#include "store/sql/imports.h"
#include "store/sql/search_report.h"

/* Every statement, for the enum and the table of SQL. */
#define STORE_ALL_STATEMENTS(X)                                                                \
	STORE_CORE_STATEMENTS(X) STORE_ARTICLE_STATEMENTS(X) STORE_SITEMAP_STATEMENTS(X)       \
	STORE_SEARCH_STATEMENTS(X) STORE_SUBMISSION_STATEMENTS(X) STORE_ACCOUNT_STATEMENTS(X)  \
	STORE_THROTTLE_STATEMENTS(X) STORE_AUDIT_STATEMENTS(X) STORE_BANNED_WORD_STATEMENTS(X) \
	STORE_ENTERPRISE_STATEMENTS(X) STORE_MESSAGE_STATEMENTS(X) STORE_STATS_STATEMENTS(X)       \
	STORE_RELATED_STATEMENTS(X) STORE_READERSHIP_STATEMENTS(X) STORE_IMPORT_STATEMENTS(X)   \
	STORE_SEARCH_REPORT_STATEMENTS(X)

#define STORE_STATEMENT_ENUM(name, sql) STMT_##name,
enum store_statement { STORE_ALL_STATEMENTS(STORE_STATEMENT_ENUM) STMT__MAX };
#undef STORE_STATEMENT_ENUM

#endif
