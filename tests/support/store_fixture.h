/* store_fixture: a fresh database in a temporary directory for unit tests of
 * the store and the domain layer, with what those tests build by hand (an
 * article, a staff account) and read back (the audit log). */
#ifndef ZS_TESTS_STORE_FIXTURE_H
#define ZS_TESTS_STORE_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

#include "domain/domain.h"
#include "store/articles.h"
#include "store/audit.h"
#include "store/enterprises.h"
#include "util/arena.h"

struct store_fixture {
	char *dir;           /* the temporary directory, removed on close */
	const char *path;    /* the database in it (in arena) */
	struct store *store;
	struct arena *arena; /* for the test's own allocations; freed on close */
};

/* Opens a new, empty database; asserts that it opened. */
void store_fixture_open(struct store_fixture *f);
void store_fixture_close(struct store_fixture *f);
/* A second connection to f's database, as another thread would have
 * (the caller closes it). */
struct store *store_fixture_connect(const struct store_fixture *f);

/* An article made by hand, untagged: title, body and date as given, a
 * content hash of title and body, nothing else (the caller adds tags). */
struct article fixture_article(const char *title, const char *body, const char *date);
/* Stores a, asserting that it was new; its id. */
int64_t fixture_insert_article(struct store *s, const struct article *a);

/* An enterprise made by hand with every field the store requires (the
 * credit code is not checked there), and storing it pending with an edit
 * token whose hash is 32 bytes of tag; its id. */
struct enterprise fixture_enterprise(const char *name, const char *credit_code);
int64_t fixture_insert_enterprise(struct store *s, const struct enterprise *e, unsigned char tag, int64_t now);

/* A staff account called name (with a hash no password matches: tests
 * that log in create accounts with domain/accounts.h), as an actor. */
struct actor fixture_staff(struct store_fixture *f, const char *name);

/* The whole audit log, newest first (in f's arena); asserts that the total
 * agrees and that there are at most 100 entries. */
struct audit_entry *fixture_audit(struct store_fixture *f, size_t *n);

#endif
