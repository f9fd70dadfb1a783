/* sql/imports: the statements of store/imports.c — import runs and the
 * articles each added (internal; see store/statements.h). */
#ifndef ZS_STORE_SQL_IMPORTS_H
#define ZS_STORE_SQL_IMPORTS_H

#define STORE_IMPORT_STATEMENTS(X)                                                                    \
	X(IMPORT_BEGIN, "INSERT INTO import_runs(name, pid, started_at, beat_at) VALUES (?1, ?3, ?2, ?2)") \
	X(IMPORT_BEAT, "UPDATE import_runs SET beat_at = ?2 WHERE id = ?1 AND state = 'writing'")     \
	X(IMPORT_NOTE, "INSERT OR IGNORE INTO import_run_articles(run_id, article_id) VALUES (?1, ?2)") \
	X(IMPORT_FORGET, "DELETE FROM import_run_articles WHERE run_id = ?1")                         \
	X(IMPORT_FINISH, "UPDATE import_runs SET state = ?2, finished_at = ?3 WHERE id = ?1")          \
	X(IMPORT_UNDO_SOME,                                                                           \
	  "DELETE FROM articles WHERE id IN (SELECT article_id FROM import_run_articles"              \
	  " WHERE run_id = ?1 ORDER BY article_id LIMIT ?2) RETURNING id")                             \
	X(IMPORT_UNNOTE, "DELETE FROM import_run_articles WHERE run_id = ?1 AND article_id = ?2")     \
	X(IMPORT_WRITING,                                                                             \
	  "SELECT id, pid, beat_at FROM import_runs WHERE state = 'writing' ORDER BY id LIMIT ?1")

#endif
