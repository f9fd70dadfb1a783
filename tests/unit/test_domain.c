/* Unit tests for domain/domain: how every workflow's transaction ends —
 * committed with its audit record, or rolled back with nothing written. */
#include <criterion/criterion.h>

#include "domain/domain.h"
#include "store/banned_words.h"
#include "store_fixture.h"

static struct store_fixture fx;
static struct store *store;
static struct arena *arena;
static struct actor editor;
static const int64_t T0 = 1795795199; /* a fixed "now" */

static void setup(void)
{
	store_fixture_open(&fx);
	store = fx.store;
	arena = fx.arena;
	editor = fixture_staff(&fx, "editor");
}

static void teardown(void)
{
	store_fixture_close(&fx);
}

TestSuite(domain, .init = setup, .fini = teardown);

/* Begins a transaction and writes one banned word in it. */
static void begin_and_write(const char *word)
{
	cr_assert_eq(store_begin(store), STORE_OK);
	cr_assert_eq(store_banned_words_set(store, &word, 1, "editor", T0), STORE_OK);
}

static size_t words(void)
{
	const char **out;
	size_t n;
	cr_assert_eq(store_banned_words(store, arena, &out, &n), STORE_OK);
	return n;
}

Test(domain, a_finished_change_is_committed_with_its_audit_record)
{
	begin_and_write("赌博");
	struct change c = { &editor, T0 + 3, "banned_words.set", "banned_words:1", "细节" };
	cr_assert_eq(domain_finish(store, STORE_OK, &c), STORE_OK);
	struct store *other = store_fixture_connect(&fx);
	const char **out;
	size_t n;
	cr_assert_eq(store_banned_words(other, arena, &out, &n), STORE_OK);
	store_close(other);
	cr_assert_eq(n, 1, "not committed");
	struct audit_entry *e = fixture_audit(&fx, &n);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(e[0].user_name, "editor");
	cr_assert_str_eq(e[0].action, "banned_words.set");
	cr_assert_str_eq(e[0].target, "banned_words:1");
	cr_assert_str_eq(e[0].detail, "细节");
	cr_assert_eq(e[0].at, T0 + 3);
}

Test(domain, a_change_without_an_actor_is_committed_unaudited)
{
	begin_and_write("赌博");
	cr_assert_eq(domain_finish(store, STORE_OK, &(struct change){ .now = T0 }), STORE_OK);
	cr_assert_eq(words(), 1);
	size_t n;
	fixture_audit(&fx, &n);
	cr_assert_eq(n, 0);
}

Test(domain, a_failed_step_rolls_everything_back_and_keeps_its_code)
{
	begin_and_write("赌博");
	struct change c = { &editor, T0, "banned_words.set", "banned_words:1", NULL };
	cr_assert_eq(domain_finish(store, STORE_NOT_FOUND, &c), STORE_NOT_FOUND);
	cr_assert_eq(words(), 0, "the step before the failure was kept");
	size_t n;
	fixture_audit(&fx, &n);
	cr_assert_eq(n, 0, "a change that did not happen was audited");
	/* The connection is usable again: no transaction was left open. */
	begin_and_write("诈骗");
	cr_assert_eq(domain_finish(store, STORE_OK, &c), STORE_OK);
	cr_assert_eq(words(), 1);
}

Test(domain, a_target_names_the_kind_and_the_id)
{
	char out[DOMAIN_TARGET_SIZE];
	cr_assert_str_eq(domain_target(out, "submission", 12), "submission:12");
	cr_assert_str_eq(domain_target(out, "enterprise", 9007199254740993), "enterprise:9007199254740993");
}
