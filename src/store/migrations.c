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
	"CREATE INDEX article_districts_by_article ON article_districts(article_id);",
};

const size_t store_migrations_count = sizeof(store_migrations) / sizeof(store_migrations[0]);
