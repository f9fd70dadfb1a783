/* migrations: numbered schema changes keyed on PRAGMA user_version. */
#include "store/migrations.h"

/* Counts the content version up after any change to table. */
#define CONTENT_TRIGGER(table, event)                                                      \
	"CREATE TRIGGER " #table "_" #event "_versioned AFTER " #event " ON " #table " BEGIN" \
	" UPDATE content_version SET version = version + 1, changed_at = unixepoch(); END;"
#define CONTENT_TRIGGERS(table) \
	CONTENT_TRIGGER(table, INSERT) CONTENT_TRIGGER(table, UPDATE) CONTENT_TRIGGER(table, DELETE)

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

	/* 6: news submissions and their moderation. A submission stays here
	 * whatever becomes of it; approving one makes an article and links it.
	 * simhash (text/simhash.h) finds near duplicates; articles get one
	 * too, computed for those already stored by zs_simhash() (store.c).
	 * The near_* columns record the closest text found when it came. */
	"CREATE TABLE submissions ("
	"  id INTEGER PRIMARY KEY,"
	"  tracking_code TEXT NOT NULL UNIQUE,"
	"  title TEXT NOT NULL,"
	"  body TEXT NOT NULL,"
	"  district TEXT,"
	"  industry TEXT,"
	"  source TEXT,"
	"  contributor TEXT NOT NULL,"
	"  contact TEXT NOT NULL,"
	"  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),"
	"  reason TEXT,"
	"  article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,"
	"  simhash INTEGER NOT NULL,"
	"  near_article_id INTEGER,"
	"  near_submission_id INTEGER,"
	"  near_distance INTEGER,"
	"  client_ip TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL,"
	"  updated_at INTEGER NOT NULL"
	");"
	"CREATE INDEX submissions_by_status ON submissions(status, id);"
	"ALTER TABLE articles ADD COLUMN simhash INTEGER;"
	"UPDATE articles SET simhash = zs_simhash(title, body);"
	/* Who did what, when: moderation and account changes. user_name is
	 * copied so the record outlives renames and deletions. */
	"CREATE TABLE audit_log ("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  user_id INTEGER,"
	"  user_name TEXT NOT NULL,"
	"  action TEXT NOT NULL,"
	"  target TEXT NOT NULL,"
	"  detail TEXT"
	");"
	"CREATE TABLE banned_words ("
	"  word TEXT PRIMARY KEY,"
	"  added_by TEXT NOT NULL,"
	"  added_at INTEGER NOT NULL"
	") WITHOUT ROWID;"
	/* Counters for rate limits and login throttling, one fixed window per
	 * key ("form:IP", "login-user:NAME", "login-ip:IP"). In the database
	 * so that every thread and a restart see the same counts. */
	"CREATE TABLE throttle ("
	"  key TEXT PRIMARY KEY,"
	"  window_start INTEGER NOT NULL,"
	"  hits INTEGER NOT NULL"
	") WITHOUT ROWID;",

	/* 7: enterprises (企业入驻) and contact messages (联系我们). An
	 * enterprise is public only while approved; its private edit link is
	 * kept as the hash of its token. Names and descriptions are searched
	 * with the Chinese tokenizer, as articles are. */
	"CREATE TABLE enterprises ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  credit_code TEXT NOT NULL UNIQUE,"
	"  industry TEXT NOT NULL,"
	"  district TEXT NOT NULL,"
	"  seeking TEXT NOT NULL DEFAULT '',"
	"  description TEXT,"
	"  website TEXT,"
	"  contact_name TEXT NOT NULL,"
	"  phone TEXT,"
	"  email TEXT,"
	"  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),"
	"  reason TEXT,"
	"  edit_token_hash BLOB NOT NULL UNIQUE,"
	"  client_ip TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL,"
	"  updated_at INTEGER NOT NULL"
	");"
	"CREATE INDEX enterprises_by_status ON enterprises(status, id);"
	"CREATE VIRTUAL TABLE enterprise_search USING fts5("
	"  name, description, content = 'enterprises', content_rowid = 'id', tokenize = 'zhaoshang');"
	"CREATE TRIGGER enterprises_indexed AFTER INSERT ON enterprises BEGIN"
	"  INSERT INTO enterprise_search(rowid, name, description) VALUES (NEW.id, NEW.name, NEW.description);"
	" END;"
	"CREATE TRIGGER enterprises_unindexed AFTER DELETE ON enterprises BEGIN"
	"  INSERT INTO enterprise_search(enterprise_search, rowid, name, description)"
	"    VALUES ('delete', OLD.id, OLD.name, OLD.description);"
	" END;"
	"CREATE TRIGGER enterprises_reindexed AFTER UPDATE OF name, description ON enterprises BEGIN"
	"  INSERT INTO enterprise_search(enterprise_search, rowid, name, description)"
	"    VALUES ('delete', OLD.id, OLD.name, OLD.description);"
	"  INSERT INTO enterprise_search(rowid, name, description) VALUES (NEW.id, NEW.name, NEW.description);"
	" END;"
	"CREATE TABLE messages ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  organization TEXT,"
	"  contact TEXT NOT NULL,"
	"  subject TEXT,"
	"  message TEXT NOT NULL,"
	"  client_ip TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL,"
	"  handled_at INTEGER,"
	"  handled_by TEXT"
	");"
	"CREATE INDEX messages_by_state ON messages(handled_at IS NOT NULL, id);",

	/* 8: an enterprise's revision, counted up by each of its own edits,
	 * so staff approve the version they saw; and the directory's order
	 * read straight off an index. */
	("ALTER TABLE enterprises ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;"
	 "CREATE INDEX enterprises_by_update ON enterprises(status, updated_at DESC, id DESC);"),

	/* 9: the facts an article states (content/facts.h), each with its
	 * sentence, dated like the article for time series; and whether an
	 * article is about Shanghai as a whole (全市) rather than a district.
	 * Articles stored before have none until they are tagged again. */
	("CREATE TABLE article_facts ("
	 "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	 "  seq INTEGER NOT NULL,"
	 "  kind TEXT NOT NULL CHECK (kind IN ('money', 'count', 'percent', 'year')),"
	 "  value REAL NOT NULL,"
	 "  unit TEXT NOT NULL,"
	 "  match TEXT NOT NULL,"
	 "  sentence TEXT NOT NULL,"
	 "  date TEXT NOT NULL,"
	 "  PRIMARY KEY (article_id, seq)"
	 ") WITHOUT ROWID;"
	 "CREATE INDEX article_facts_by_kind ON article_facts(kind, date);"
	 "ALTER TABLE articles ADD COLUMN citywide INTEGER NOT NULL DEFAULT 0;"),

	/* 10: tags a source or an editor gave, which retagging keeps; and the
	 * money an article announces in yuan (its largest CNY fact), kept on
	 * the article so the data monitor sums one column, not a subquery per
	 * article (3.3 s → a fraction at 100,000 articles). */
	("ALTER TABLE articles ADD COLUMN districts_given INTEGER NOT NULL DEFAULT 0;"
	 "ALTER TABLE articles ADD COLUMN industries_given INTEGER NOT NULL DEFAULT 0;"
	 "ALTER TABLE articles ADD COLUMN money_cny REAL NOT NULL DEFAULT 0;"
	 "UPDATE articles SET money_cny = (SELECT coalesce(max(value), 0) FROM article_facts f"
	 "  WHERE f.article_id = articles.id AND f.kind = 'money' AND f.unit = 'CNY');"),

	/* 11: the content version: one row counted up by every change to
	 * what public pages show, with when it changed. Cached pages, ETags
	 * and Last-Modified hang on it, so triggers keep it — no write path
	 * (import, retag, moderation, the command line) can forget to. Only
	 * on articles and enterprises: an article's tags and facts are only
	 * ever written with its row (insert_tags after the INSERT; retagging
	 * and editors' corrections UPDATE it), and a trigger on each of those
	 * rows cost import a third of its speed (18.6 s → 25.3 s per 100,000). */
	("CREATE TABLE content_version ("
	 "  id INTEGER PRIMARY KEY CHECK (id = 1),"
	 "  version INTEGER NOT NULL,"
	 "  changed_at INTEGER NOT NULL"
	 ");"
	 "INSERT INTO content_version VALUES (1, 1, unixepoch());"
	 CONTENT_TRIGGERS(articles) CONTENT_TRIGGERS(enterprises)),

	/* 12: an enterprise counts only while it is public: registrations
	 * and edits waiting for review, which any visitor can send, no longer
	 * empty the cache of every page. And the triggers on tag and fact
	 * rows that 11 first had (databases created then still hold them). */
	("DROP TRIGGER IF EXISTS article_districts_INSERT_versioned;"
	 "DROP TRIGGER IF EXISTS article_districts_UPDATE_versioned;"
	 "DROP TRIGGER IF EXISTS article_districts_DELETE_versioned;"
	 "DROP TRIGGER IF EXISTS article_industries_INSERT_versioned;"
	 "DROP TRIGGER IF EXISTS article_industries_UPDATE_versioned;"
	 "DROP TRIGGER IF EXISTS article_industries_DELETE_versioned;"
	 "DROP TRIGGER IF EXISTS article_facts_INSERT_versioned;"
	 "DROP TRIGGER IF EXISTS article_facts_UPDATE_versioned;"
	 "DROP TRIGGER IF EXISTS article_facts_DELETE_versioned;"
	 "DROP TRIGGER enterprises_INSERT_versioned;"
	 "DROP TRIGGER enterprises_UPDATE_versioned;"
	 "DROP TRIGGER enterprises_DELETE_versioned;"
	 "CREATE TRIGGER enterprises_listed_versioned AFTER INSERT ON enterprises WHEN NEW.status = 'approved' BEGIN"
	 " UPDATE content_version SET version = version + 1, changed_at = unixepoch(); END;"
	 "CREATE TRIGGER enterprises_relisted_versioned AFTER UPDATE ON enterprises"
	 " WHEN NEW.status = 'approved' OR OLD.status = 'approved' BEGIN"
	 " UPDATE content_version SET version = version + 1, changed_at = unixepoch(); END;"
	 "CREATE TRIGGER enterprises_unlisted_versioned AFTER DELETE ON enterprises WHEN OLD.status = 'approved' BEGIN"
	 " UPDATE content_version SET version = version + 1, changed_at = unixepoch(); END;"),

	/* 13: what an amount of money is — investment, output, tax, the size
	 * of a fund, or something else — read from the words around it, so
	 * the data monitor sums investment and shows the others apart; each
	 * article keeps its headline amount of each role (money_cny is now its
	 * investment). Rows from before hold 'other' until they are tagged
	 * again. */
	("ALTER TABLE article_facts ADD COLUMN role TEXT NOT NULL DEFAULT 'other'"
	 " CHECK (role IN ('investment', 'output', 'tax', 'fund', 'other'));"
	 "ALTER TABLE articles ADD COLUMN output_cny REAL NOT NULL DEFAULT 0;"
	 "ALTER TABLE articles ADD COLUMN tax_cny REAL NOT NULL DEFAULT 0;"
	 "ALTER TABLE articles ADD COLUMN fund_cny REAL NOT NULL DEFAULT 0;"),

	/* 14: an approved enterprise's own edit waits here for review while
	 * the approved revision stays public (in enterprises, unchanged); the
	 * edit replaces it when approved, or stays here rejected, with the
	 * reason, until the enterprise edits again. One an enterprise. */
	("CREATE TABLE enterprise_edits ("
	 "  enterprise_id INTEGER PRIMARY KEY REFERENCES enterprises(id) ON DELETE CASCADE,"
	 "  name TEXT NOT NULL,"
	 "  credit_code TEXT NOT NULL,"
	 "  industry TEXT NOT NULL,"
	 "  district TEXT NOT NULL,"
	 "  seeking TEXT NOT NULL DEFAULT '',"
	 "  description TEXT,"
	 "  website TEXT,"
	 "  contact_name TEXT NOT NULL,"
	 "  phone TEXT,"
	 "  email TEXT,"
	 "  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'rejected')),"
	 "  reason TEXT,"
	 "  revision INTEGER NOT NULL,"
	 "  client_ip TEXT NOT NULL,"
	 "  created_at INTEGER NOT NULL,"
	 "  updated_at INTEGER NOT NULL"
	 ");"
	 "CREATE INDEX enterprise_edits_by_status ON enterprise_edits(status, updated_at);"),

	/* 15: how often each article was read each day (Shanghai's), counted
	 * without cookies (an address once a day) and written in batches: the
	 * week's most read (热点). Not content: the cache does not hang on it. */
	("CREATE TABLE article_views ("
	 "  day TEXT NOT NULL,"
	 "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	 "  views INTEGER NOT NULL,"
	 "  PRIMARY KEY (day, article_id)"
	 ") WITHOUT ROWID;"),

	/* 16: imports written in batches, so that the server's writers get
	 * turns, and kept all-or-nothing by their record: each run notes the
	 * articles it added, and a run that did not finish (it failed, or its
	 * process died: it is gone, or its beat, renewed with every batch,
	 * stopped) has them
	 * taken out again. */
	("CREATE TABLE import_runs ("
	 "  id INTEGER PRIMARY KEY,"
	 "  name TEXT NOT NULL,"
	 "  pid INTEGER NOT NULL,"
	 "  started_at INTEGER NOT NULL,"
	 "  beat_at INTEGER NOT NULL,"
	 "  finished_at INTEGER,"
	 "  state TEXT NOT NULL DEFAULT 'writing' CHECK (state IN ('writing', 'done', 'undone'))"
	 ");"
	 "CREATE TABLE import_run_articles ("
	 "  run_id INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,"
	 "  article_id INTEGER NOT NULL,"
	 "  PRIMARY KEY (run_id, article_id)"
	 ") WITHOUT ROWID;"),

	/* 17: what visitors searched for, per day (Shanghai's), for editors'
	 * report of the week's frequent and fruitless searches: the query
	 * normalised, how many searched it (a searcher once a day, counted in
	 * memory and written in batches) and how many of those found nothing.
	 * No address, session or other trace of who searched. Not content:
	 * the cache does not hang on it. */
	("CREATE TABLE search_queries ("
	 "  day TEXT NOT NULL,"
	 "  query TEXT NOT NULL,"
	 "  searches INTEGER NOT NULL,"
	 "  zero_results INTEGER NOT NULL,"
	 "  PRIMARY KEY (day, query)"
	 ") WITHOUT ROWID;"),
};

const size_t store_migrations_count = sizeof(store_migrations) / sizeof(store_migrations[0]);
