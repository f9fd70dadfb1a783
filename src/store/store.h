/* store: the database behind a narrow interface (SQLite today). Knows nothing of
 * HTTP or HTML. One struct store is one connection: use it from one thread. */
#ifndef ZS_STORE_STORE_H
#define ZS_STORE_STORE_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/buf.h"

struct store;

enum store_rc {
	STORE_OK = 0,
	STORE_NOT_FOUND = 1, /* no such row */
	STORE_DUPLICATE = 2, /* a row with the same unique key exists; nothing written */
	STORE_ERROR = -1,    /* database failure; already logged with context */
};

enum {
	ARTICLE_MAX_DISTRICTS = 16, /* every district of Shanghai */
	ARTICLE_MAX_INDUSTRIES = 3,
	STORE_MAX_INDUSTRIES = 32, /* focus industries the store can count */
};

/* An article as stored. Strings are NUL-terminated; who owns them is said by
 * the function that fills the struct. */
struct article {
	int64_t id;
	const char *title;
	const char *body;        /* paragraphs separated by '\n' */
	const char *date;        /* YYYY-MM-DD */
	const char *source;      /* may be NULL */
	const char *url;         /* may be NULL */
	const char *districts[ARTICLE_MAX_DISTRICTS]; /* district slugs */
	size_t ndistricts;
	const char *industries[ARTICLE_MAX_INDUSTRIES]; /* industry slugs, strongest first */
	size_t nindustries;
	unsigned char content_hash[16]; /* identity for de-duplication */
	uint64_t simhash;               /* finds near duplicates (text/simhash.h) */
	bool citywide;                  /* about Shanghai as a whole (全市), no district */
	bool districts_given;           /* set by the source or an editor, not by tagging */
	bool industries_given;          /* set by an editor, not by tagging */
	const struct article_fact *facts; /* what it states, in text order */
	size_t nfacts;
};

/* A fact an article states (content/facts.h), as stored. */
struct article_fact {
	const char *kind;     /* "money", "count", "percent" or "year" */
	double value;
	const char *unit;     /* "CNY", "个项目", "%", "年" … */
	const char *match;    /* as written: "5000万元" */
	const char *sentence; /* the sentence it came from */
};

/* A row of an article listing: enough for a title line and an excerpt. */
struct article_summary {
	int64_t id;
	const char *title;
	const char *date;
	const char *excerpt;   /* the body's first characters, '\n' kept */
	const char *districts; /* comma-separated slugs, "" when none */
};

struct article_page {
	struct article_summary *items;
	size_t count;
	int64_t total; /* matching articles in all pages */
};

/* Opens (creating if needed) the database at path and brings its schema up to
 * date. On failure returns STORE_ERROR and appends a Chinese explanation to err. */
enum store_rc store_open(const char *path, struct store **out, struct buf *err)
	__attribute__((warn_unused_result));
void store_close(struct store *s);

/* Explicit transactions; a failed step inside one must be followed by rollback. */
enum store_rc store_begin(struct store *s) __attribute__((warn_unused_result));
enum store_rc store_commit(struct store *s) __attribute__((warn_unused_result));
void store_rollback(struct store *s);

/* A value kept about the database itself (in arena), and adding one unless
 * the key is already set. STORE_NOT_FOUND when the key is not set. */
enum store_rc store_meta_get(struct store *s, const char *key, struct arena *arena, const char **value)
	__attribute__((warn_unused_result));
enum store_rc store_meta_add(struct store *s, const char *key, const char *value) __attribute__((warn_unused_result));

/* The content version: a number that changes whenever anything public
 * pages show changes (articles, their tags and facts, enterprises), and
 * when that last happened (unix seconds). */
enum store_rc store_content_version(struct store *s, int64_t *version, int64_t *changed_at)
	__attribute__((warn_unused_result));

/* A copy of the database at db_path to dest, consistent though others
 * write meanwhile (one snapshot), checked (quick_check) and flushed before
 * it takes its name: dest holds a whole copy or nothing. The database is
 * only read (never migrated); one of a newer schema is refused. Setting
 * *stop (from a signal handler) ends the copy early, removing what it
 * wrote. STORE_DUPLICATE when dest exists (never overwritten), else
 * STORE_ERROR; err says why in Chinese. On success r counts the copy. */
struct backup_result {
	int64_t articles, enterprises; /* approved enterprises */
};
enum store_rc store_backup(const char *db_path, const char *dest, const volatile sig_atomic_t *stop,
			   struct backup_result *r, struct buf *err) __attribute__((warn_unused_result));

/* How much of each thing the site holds, for monitoring. */
struct site_counts {
	int64_t articles;
	int64_t submissions[3]; /* pending, approved, rejected */
	int64_t enterprises[3]; /* the same */
	int64_t messages_unhandled;
};
enum store_rc store_site_counts(struct store *s, struct site_counts *out) __attribute__((warn_unused_result));

/* True when the database answers a trivial query. */
bool store_ping(struct store *s);

/* An editor account as stored. Strings in the arena of the call. */
struct user {
	int64_t id;
	const char *name;
	const char *role;          /* "editor" or "admin" */
	const char *password_hash; /* libsodium's crypto_pwhash_str form */
	bool disabled;
};

/* A session row, found by the hash of its token. */
struct session_row {
	int64_t user_id;
	const char *user_name;
	const char *role;
	unsigned char csrf[32];
	int64_t created_at, last_seen; /* unix seconds */
};

/* STORE_DUPLICATE when the name is taken. */
enum store_rc store_user_add(struct store *s, const char *name, const char *role, const char *password_hash)
	__attribute__((warn_unused_result));
enum store_rc store_user_by_name(struct store *s, const char *name, struct arena *arena, struct user *out)
	__attribute__((warn_unused_result));
enum store_rc store_session_add(struct store *s, const unsigned char token_hash[32], int64_t user_id,
				const unsigned char csrf[32], int64_t now) __attribute__((warn_unused_result));
/* STORE_NOT_FOUND also when the user has been disabled. */
enum store_rc store_session_get(struct store *s, const unsigned char token_hash[32], struct arena *arena,
				struct session_row *out) __attribute__((warn_unused_result));
enum store_rc store_session_touch(struct store *s, const unsigned char token_hash[32], int64_t now)
	__attribute__((warn_unused_result));
enum store_rc store_session_delete(struct store *s, const unsigned char token_hash[32])
	__attribute__((warn_unused_result));

/* Inserts a and its district links. STORE_DUPLICATE when an article with the
 * same content hash exists. On STORE_OK, *id is the new article's id. */
enum store_rc store_article_insert(struct store *s, const struct article *a, int64_t *id)
	__attribute__((warn_unused_result));

/* Retagging: up to limit articles with id > after, in id order, with
 * title, body, date and districts_given only (strings in arena); and
 * replacing one article's tags (districts unless given, industries,
 * facts, citywide) with a's. Call inside a transaction. */
enum store_rc store_articles_after(struct store *s, int64_t after, int limit, struct arena *arena,
				   struct article **out, size_t *n) __attribute__((warn_unused_result));
enum store_rc store_article_retag(struct store *s, const struct article *a) __attribute__((warn_unused_result));
/* An editor's correction of an article's tags: districts (or citywide)
 * and industries, kept from now on by retagging. Call inside a
 * transaction. STORE_NOT_FOUND for an unknown article. */
enum store_rc store_article_set_tags(struct store *s, const struct article *a) __attribute__((warn_unused_result));

/* How many articles there are. */
enum store_rc store_article_count(struct store *s, int64_t *n) __attribute__((warn_unused_result));

/* Fills *out with article id; strings are allocated in arena. */
enum store_rc store_article_get(struct store *s, int64_t id, struct arena *arena, struct article *out)
	__attribute__((warn_unused_result));

/* The articles just before (newer) and after (older) a in newest-first order;
 * a summary has id 0 when there is none. Strings in arena. */
enum store_rc store_article_neighbours(struct store *s, const struct article *a, struct arena *arena,
				       struct article_summary *newer, struct article_summary *older)
	__attribute__((warn_unused_result));

/* One page of an industry's articles, as store_articles_list. */
enum store_rc store_industry_list(struct store *s, const char *industry, int64_t offset, int limit,
				  int excerpt_chars, struct arena *arena, struct article_page *out)
	__attribute__((warn_unused_result));

/* The newest articles tagged with an industry slug, at most limit, as
 * summaries without excerpts. Strings in arena. */
enum store_rc store_industry_articles(struct store *s, const char *industry, int limit, struct arena *arena,
				      struct article_summary **out, size_t *n) __attribute__((warn_unused_result));

/* How many articles carry a tag (a district or an industry). */
struct tag_count {
	const char *slug;
	int64_t articles;
};

/* How many articles each district has, for districts with any; unordered.
 * The array and strings are allocated in arena. */
enum store_rc store_district_counts(struct store *s, struct arena *arena, struct tag_count **out, size_t *n)
	__attribute__((warn_unused_result));

/* Sitemaps: the public pages of a kind, by id, with the day each last
 * changed (YYYY-MM-DD, Shanghai). */
enum sitemap_kind { SITEMAP_ARTICLES, SITEMAP_ENTERPRISES, SITEMAP__MAX };
struct sitemap_row {
	int64_t id;
	const char *lastmod;
};
enum store_rc store_sitemap_count(struct store *s, enum sitemap_kind kind, int64_t *n)
	__attribute__((warn_unused_result));
/* Rows offset.. of kind in id order, at most limit; array and strings in arena. */
enum store_rc store_sitemap_rows(struct store *s, enum sitemap_kind kind, int64_t offset, int limit,
				 struct arena *arena, struct sitemap_row **out, size_t *n)
	__attribute__((warn_unused_result));

struct search_filter {
	const char *district; /* slug, or NULL for all */
	const char *industry; /* slug, or NULL for all */
	const char *from, *to; /* YYYY-MM-DD bounds (inclusive), or NULL */
	bool by_date;          /* newest first instead of most relevant first */
};

/* A search result. title and snippet mark each hit with \x01 before and
 * \x02 after; the snippet is a window of the body around the best hits. */
struct search_hit {
	int64_t id;
	const char *title;
	const char *date;
	const char *snippet;
	const char *districts; /* comma-separated slugs */
	const char *industries; /* comma-separated slugs, strongest first */
};

struct search_page {
	struct search_hit *hits;
	size_t count;
	int64_t total;                  /* matches on all pages */
	struct tag_count *facets;  /* matches per district, ignoring f->district */
	size_t nfacets;
	struct tag_count *industry_facets; /* per industry, ignoring f->industry */
	size_t nindustry_facets;
};

/* Runs the FTS5 expression match (built by search_query_parse) with the
 * filters; relevance is BM25 with title hits weighing ten times body hits,
 * ties going to the newer article. Everything is allocated in arena. */
enum store_rc store_search(struct store *s, const char *match, const struct search_filter *f, int64_t offset,
			   int limit, struct arena *arena, struct search_page *out) __attribute__((warn_unused_result));

/* One page of articles, newest first, optionally only those tagged with the
 * district slug. excerpt_chars bounds each excerpt. Strings in arena. */
enum store_rc store_articles_list(struct store *s, const char *district, int64_t offset, int limit,
				  int excerpt_chars, struct arena *arena, struct article_page *out)
	__attribute__((warn_unused_result));

/* A news submission (投稿) as stored. Strings in the arena of the call;
 * optional ones are NULL when empty. */
struct submission {
	int64_t id;
	const char *tracking_code;
	const char *title, *body;
	const char *district, *industry; /* slugs */
	const char *source;              /* a name or an http(s) link */
	const char *contributor, *contact;
	const char *status;              /* "pending", "approved" or "rejected" */
	const char *reason;              /* why it was rejected */
	int64_t article_id;              /* the article it became, or 0 */
	uint64_t simhash;
	/* The closest article or other submission when it came or was last
	 * edited (0 when none was near), how far, and their titles. */
	int64_t near_article_id, near_submission_id;
	int near_distance;
	const char *near_article_title, *near_submission_title;
	const char *client_ip;
	int64_t created_at, updated_at;
};

/* Stores a new pending submission. STORE_DUPLICATE when its tracking code
 * is taken (draw another). *id is the new row's. */
enum store_rc store_submission_insert(struct store *s, const struct submission *sub, int64_t now, int64_t *id)
	__attribute__((warn_unused_result));
enum store_rc store_submission_get(struct store *s, int64_t id, struct arena *arena, struct submission *out)
	__attribute__((warn_unused_result));
enum store_rc store_submission_by_code(struct store *s, const char *code, struct arena *arena,
				       struct submission *out) __attribute__((warn_unused_result));
/* Saves an editor's changes to a pending submission's text, tags and
 * near-duplicate fields; STORE_NOT_FOUND when it is no longer pending. */
enum store_rc store_submission_update(struct store *s, const struct submission *sub, int64_t now)
	__attribute__((warn_unused_result));
/* Moves a pending submission to status ("approved" with article_id, or
 * "rejected" with reason); STORE_NOT_FOUND when it is not pending. */
enum store_rc store_submission_decide(struct store *s, int64_t id, const char *status, const char *reason,
				      int64_t article_id, int64_t now) __attribute__((warn_unused_result));
/* One page of submissions in status, newest first, and how many there are. */
enum store_rc store_submissions_list(struct store *s, const char *status, int64_t offset, int limit,
				     struct arena *arena, struct submission **out, size_t *n, int64_t *total)
	__attribute__((warn_unused_result));

/* The article, and the submission other than exclude_id (not approved:
 * those are articles), nearest to simhash within max_distance; 0 ids when
 * none. distance gets the nearer one's distance. */
enum store_rc store_near_duplicates(struct store *s, uint64_t simhash, int max_distance, int64_t exclude_id,
				    int64_t *article_id, int64_t *submission_id, int *distance)
	__attribute__((warn_unused_result));

/* The audit log: who did what to which target, when. */
struct audit_entry {
	int64_t id, at;
	const char *user_name, *action, *target, *detail;
};
enum store_rc store_audit_add(struct store *s, int64_t now, int64_t user_id, const char *user_name,
			      const char *action, const char *target, const char *detail)
	__attribute__((warn_unused_result));
enum store_rc store_audit_list(struct store *s, int64_t offset, int limit, struct arena *arena,
			       struct audit_entry **out, size_t *n, int64_t *total) __attribute__((warn_unused_result));

/* The banned-word list, sorted; the array and strings in arena. */
enum store_rc store_banned_words(struct store *s, struct arena *arena, const char ***out, size_t *n)
	__attribute__((warn_unused_result));
/* Replaces the list (call inside a transaction). */
enum store_rc store_banned_words_set(struct store *s, const char *const *words, size_t n, const char *by,
				     int64_t now) __attribute__((warn_unused_result));

/* Every account (password_hash left empty), by name. */
enum store_rc store_users_list(struct store *s, struct arena *arena, struct user **out, size_t *n)
	__attribute__((warn_unused_result));
/* Disables or re-enables an account; disabling ends its sessions.
 * STORE_NOT_FOUND for an unknown name. */
enum store_rc store_user_set_disabled(struct store *s, const char *name, bool disabled)
	__attribute__((warn_unused_result));

/* Counts a hit against key in a fixed window of window seconds starting at
 * its first hit; *hits is the count so far in this window and *resets_at
 * when the window ends. With count false, only reads (hits 0 when no
 * window is open). */
enum store_rc store_throttle(struct store *s, const char *key, bool count, int64_t now, int64_t window,
			     int64_t *hits, int64_t *resets_at) __attribute__((warn_unused_result));
enum store_rc store_throttle_clear(struct store *s, const char *key) __attribute__((warn_unused_result));

/* An enterprise (企业入驻) as stored. Strings in the arena of the call;
 * optional ones NULL when empty. */
struct enterprise {
	int64_t id;
	const char *name, *credit_code;
	const char *industry;  /* a sector slug (content/sector.h) */
	const char *district;  /* a district slug or "outside" */
	const char *seeking;   /* comma-joined choices, "" for none */
	const char *description, *website;
	const char *contact_name, *phone, *email;
	const char *status;    /* "pending", "approved" or "rejected" */
	const char *reason;    /* why it was rejected */
	const char *client_ip;
	int64_t created_at, updated_at;
	int64_t revision;      /* counts the enterprise's own edits */
};

/* Stores a pending registration with the hash of its edit token.
 * STORE_DUPLICATE when its credit code is held by a pending or approved
 * registration; a rejected one's place is taken (its link stops working). */
enum store_rc store_enterprise_insert(struct store *s, const struct enterprise *e, const unsigned char token_hash[32],
				      int64_t now, int64_t *id) __attribute__((warn_unused_result));
enum store_rc store_enterprise_get(struct store *s, int64_t id, struct arena *arena, struct enterprise *out)
	__attribute__((warn_unused_result));
enum store_rc store_enterprise_by_token(struct store *s, const unsigned char token_hash[32], struct arena *arena,
					struct enterprise *out) __attribute__((warn_unused_result));
/* Replaces an enterprise's edit link: the one hashed old_hash stops
 * working. STORE_NOT_FOUND when no enterprise has it (any more). */
enum store_rc store_enterprise_token_replace(struct store *s, const unsigned char old_hash[32],
					     const unsigned char new_hash[32]) __attribute__((warn_unused_result));
/* Saves the enterprise's own changes (by id); it goes back to pending.
 * STORE_DUPLICATE when the new credit code belongs to another. */
enum store_rc store_enterprise_update(struct store *s, const struct enterprise *e, int64_t now)
	__attribute__((warn_unused_result));
/* Moves a pending registration at revision to status; STORE_NOT_FOUND
 * when it is not pending or has been edited since (another revision). */
enum store_rc store_enterprise_decide(struct store *s, int64_t id, int64_t revision, const char *status,
				      const char *reason, int64_t now) __attribute__((warn_unused_result));
/* Calls each for every enterprise in status, by id, in one consistent
 * read; each returns non-zero to stop. The enterprise lives during the call. */
enum store_rc store_enterprises_each(struct store *s, const char *status,
				     int (*each)(void *ctx, const struct enterprise *e), void *ctx)
	__attribute__((warn_unused_result));

struct enterprise_filter {
	const char *status;   /* required */
	const char *match;    /* an FTS5 expression (search/query.h) over name and description, or NULL */
	const char *district, *industry, *seeking; /* or NULL */
};

/* One page of enterprises: by relevance when matching, else the most
 * recently updated first; *total counts all pages. */
enum store_rc store_enterprises_list(struct store *s, const struct enterprise_filter *f, int64_t offset, int limit,
				     struct arena *arena, struct enterprise **out, size_t *n, int64_t *total)
	__attribute__((warn_unused_result));

/* A message sent through /contact. */
struct message {
	int64_t id;
	const char *name, *organization, *contact, *subject, *message, *client_ip;
	int64_t created_at, handled_at; /* handled_at 0 while open */
	const char *handled_by;
};

enum store_rc store_message_insert(struct store *s, const struct message *m, int64_t now, int64_t *id)
	__attribute__((warn_unused_result));
enum store_rc store_messages_list(struct store *s, bool handled, int64_t offset, int limit, struct arena *arena,
				  struct message **out, size_t *n, int64_t *total) __attribute__((warn_unused_result));
/* Marks a message handled by name; STORE_NOT_FOUND when it is not open. */
enum store_rc store_message_handle(struct store *s, int64_t id, const char *by, int64_t now)
	__attribute__((warn_unused_result));

/* The data monitor's figures, for articles in a date range and industry. */
struct stats_filter {
	const char *from, *to; /* YYYY-MM-DD, inclusive, or NULL */
	const char *industry;  /* a slug, or NULL */
};

/* A group's articles and the money (yuan) they announce. */
struct stats_row {
	const char *key; /* a district or industry slug, or a month "YYYY-MM" */
	int64_t articles;
	double money_cny;
};

struct stats_fact {
	struct article_fact fact;
	int64_t article_id;
	const char *title, *date;
};

struct stats {
	int64_t articles;
	double money_cny;
	struct stats_row citywide; /* articles about Shanghai as a whole */
	struct stats_row *districts, *industries, *months; /* unordered, unordered, by month */
	size_t ndistricts, nindustries, nmonths;
	struct stats_fact *facts; /* the latest money and count facts, newest first */
	size_t nfacts;
};

/* Everything in one read transaction, so the figures agree. */
enum store_rc store_stats(struct store *s, const struct stats_filter *f, int latest_facts, struct arena *arena,
			  struct stats *out) __attribute__((warn_unused_result));

#endif
