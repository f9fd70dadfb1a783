/* store_fixture: fresh databases and hand-made rows for unit tests. */
#include "store_fixture.h"

#include <criterion/criterion.h>
#include <sodium.h>
#include <string.h>

#include "harness.h"
#include "store/accounts.h"

void store_fixture_open(struct store_fixture *f)
{
	struct buf err = { 0 };
	f->dir = tmp_dir_new();
	f->arena = arena_new();
	f->path = arena_printf(f->arena, "%s/test.db", f->dir);
	cr_assert_eq(store_open(f->path, &f->store, &err), STORE_OK, "%s", buf_cstr(&err));
	buf_free(&err);
}

void store_fixture_close(struct store_fixture *f)
{
	store_close(f->store);
	arena_free(f->arena);
	tmp_dir_remove(f->dir);
	*f = (struct store_fixture){ 0 };
}

struct store *store_fixture_connect(const struct store_fixture *f)
{
	struct buf err = { 0 };
	struct store *s;
	cr_assert_eq(store_open(f->path, &s, &err), STORE_OK, "%s", buf_cstr(&err));
	buf_free(&err);
	return s;
}

struct article fixture_article(const char *title, const char *body, const char *date)
{
	struct article a = { .title = title, .body = body, .date = date };
	crypto_generichash_state h;
	crypto_generichash_init(&h, NULL, 0, sizeof(a.content_hash));
	crypto_generichash_update(&h, (const unsigned char *)title, strlen(title) + 1);
	crypto_generichash_update(&h, (const unsigned char *)body, strlen(body));
	crypto_generichash_final(&h, a.content_hash, sizeof(a.content_hash));
	return a;
}

int64_t fixture_insert_article(struct store *s, const struct article *a)
{
	int64_t id = 0;
	cr_assert_eq(store_article_insert(s, a, &id), STORE_OK, "insert %s", a->title);
	cr_assert_gt(id, 0);
	return id;
}

struct enterprise fixture_enterprise(const char *name, const char *credit_code)
{
	return (struct enterprise){ .name = name, .credit_code = credit_code, .industry = "gb-c", .district = "pudong",
				    .seeking = "", .contact_name = "王经理", .phone = "021-6123 4567",
				    .client_ip = "192.0.2.9" };
}

int64_t fixture_insert_enterprise(struct store *s, const struct enterprise *e, unsigned char tag, int64_t now)
{
	unsigned char hash[32];
	memset(hash, tag, sizeof(hash));
	int64_t id = 0;
	cr_assert_eq(store_enterprise_insert(s, e, hash, now, &id), STORE_OK, "insert %s", e->name);
	cr_assert_gt(id, 0);
	return id;
}

struct actor fixture_staff(struct store_fixture *f, const char *name)
{
	cr_assert_eq(store_user_add(f->store, name, "editor", "$argon2id$v=19$m=65536,t=2,p=1$not-a-hash"), STORE_OK,
		     "add %s", name);
	struct user u;
	cr_assert_eq(store_user_by_name(f->store, name, f->arena, &u), STORE_OK);
	return (struct actor){ .user_id = u.id, .name = u.name };
}

struct audit_entry *fixture_audit(struct store_fixture *f, size_t *n)
{
	struct audit_entry *entries;
	int64_t total;
	cr_assert_eq(store_audit_list(f->store, 0, 100, f->arena, &entries, n, &total), STORE_OK);
	cr_assert_eq(total, (int64_t)*n, "more audit entries than a test should write");
	return entries;
}
