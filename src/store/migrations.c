/* migrations: numbered schema changes keyed on PRAGMA user_version. */
#include "store/migrations.h"

const char *const store_migrations[] = {
	/* 1: articles and their district links. article_districts repeats the
	 * date so a district channel reads its newest articles straight off the
	 * primary key, without sorting. */
	"CREATE TABLE articles ("
	"  id INTEGER PRIMARY KEY,"
	"  title TEXT NOT NULL,"
	"  body TEXT NOT NULL,"
	"  date TEXT NOT NULL,"
	"  source TEXT,"
	"  url TEXT,"
	"  content_hash BLOB NOT NULL UNIQUE,"
	"  created_at INTEGER NOT NULL"
	");"
	"CREATE INDEX articles_by_date ON articles(date, id);"
	"CREATE TABLE article_districts ("
	"  district TEXT NOT NULL,"
	"  date TEXT NOT NULL,"
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (district, date, article_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX article_districts_by_article ON article_districts(article_id);"
	/* Listings show "N articles, page i of n" on every request; counting
	 * 100,000 rows each time would cost more than rendering the page. The
	 * triggers keep the counts exact in the writing transaction, whoever
	 * writes. district '' holds the count of all articles. */
	"CREATE TABLE article_counts ("
	"  district TEXT PRIMARY KEY,"
	"  n INTEGER NOT NULL"
	") WITHOUT ROWID;"
	"CREATE TRIGGER articles_counted AFTER INSERT ON articles BEGIN"
	"  INSERT INTO article_counts VALUES ('', 1) ON CONFLICT(district) DO UPDATE SET n = n + 1;"
	" END;"
	"CREATE TRIGGER articles_uncounted AFTER DELETE ON articles BEGIN"
	"  UPDATE article_counts SET n = n - 1 WHERE district = '';"
	" END;"
	"CREATE TRIGGER article_districts_counted AFTER INSERT ON article_districts BEGIN"
	"  INSERT INTO article_counts VALUES (NEW.district, 1) ON CONFLICT(district) DO UPDATE SET n = n + 1;"
	" END;"
	"CREATE TRIGGER article_districts_uncounted AFTER DELETE ON article_districts BEGIN"
	"  UPDATE article_counts SET n = n - 1 WHERE district = OLD.district;"
	" END;",

	/* 2: full-text search. The index holds no copy of the text (content=
	 * articles); triggers keep it in step in the writing transaction, so
	 * an article is searchable the moment it is committed. store_open
	 * fills it from existing articles (it rebuilds whenever no record says
	 * the current tokenizer built it). */
	"CREATE VIRTUAL TABLE article_search USING fts5("
	"  title, body, content = 'articles', content_rowid = 'id', tokenize = 'zhaoshang');"
	"CREATE TRIGGER articles_indexed AFTER INSERT ON articles BEGIN"
	"  INSERT INTO article_search(rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);"
	" END;"
	"CREATE TRIGGER articles_unindexed AFTER DELETE ON articles BEGIN"
	"  INSERT INTO article_search(article_search, rowid, title, body)"
	"    VALUES ('delete', OLD.id, OLD.title, OLD.body);"
	" END;"
	"CREATE TRIGGER articles_reindexed AFTER UPDATE OF title, body ON articles BEGIN"
	"  INSERT INTO article_search(article_search, rowid, title, body)"
	"    VALUES ('delete', OLD.id, OLD.title, OLD.body);"
	"  INSERT INTO article_search(rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);"
	" END;",

	/* 3: industries, strongest first (rank 0). Articles imported before
	 * this have none until they are tagged again. */
	"CREATE TABLE article_industries ("
	"  industry TEXT NOT NULL,"
	"  date TEXT NOT NULL,"
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  rank INTEGER NOT NULL,"
	"  PRIMARY KEY (industry, date, article_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX article_industries_by_article ON article_industries(article_id, rank);",

	/* 4: facts about the database itself, such as which tokenizer built
	 * the search index (see store_open). */
	"CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;",

	/* 5: editor accounts and their sessions. A session is found by the
	 * hash of its cookie token, so a copy of the database opens no doors. */
	"CREATE TABLE users ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  role TEXT NOT NULL CHECK (role IN ('editor', 'admin')),"
	"  password_hash TEXT NOT NULL,"
	"  disabled INTEGER NOT NULL DEFAULT 0,"
	"  created_at INTEGER NOT NULL"
	");"
	"CREATE TABLE sessions ("
	"  token_hash BLOB PRIMARY KEY,"
	"  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  csrf BLOB NOT NULL,"
	"  created_at INTEGER NOT NULL,"
	"  last_seen INTEGER NOT NULL"
	") WITHOUT ROWID;"
	"CREATE INDEX sessions_by_user ON sessions(user_id);",
};

const size_t store_migrations_count = sizeof(store_migrations) / sizeof(store_migrations[0]);
