/* Unit tests for store/enterprises: registrations and their credit codes,
 * private edit links, the enterprise's own edits and revisions, staff
 * decisions, and the directory's filters. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <string.h>

#include "search/query.h"
#include "store/enterprises.h"
#include "store_fixture.h"

static struct store_fixture fx;
static struct store *store;
static struct arena *arena;
static const int64_t T0 = 1795795199; /* a fixed "now" */

static const char CODE_A[] = "91310115MA1K3GA78N", CODE_B[] = "91310108775213458Q", CODE_C[] = "91310230MA1JTWAK98",
		  CODE_D[] = "913102300764281266";

static void setup(void)
{
	store_fixture_open(&fx);
	store = fx.store;
	arena = fx.arena;
}

static void teardown(void)
{
	store_fixture_close(&fx);
}

TestSuite(store_enterprises, .init = setup, .fini = teardown);

static int64_t add(const char *name, const char *code, unsigned char tag)
{
	struct enterprise e = fixture_enterprise(name, code);
	return fixture_insert_enterprise(store, &e, tag, T0);
}

static struct enterprise get(int64_t id)
{
	struct enterprise e;
	cr_assert_eq(store_enterprise_get(store, id, arena, &e), STORE_OK, "enterprise %lld", (long long)id);
	return e;
}

static enum store_rc by_token(unsigned char tag, struct enterprise *out)
{
	unsigned char hash[32];
	memset(hash, tag, sizeof(hash));
	return store_enterprise_by_token(store, hash, arena, out);
}

static void decide(int64_t id, enum review_status status, int64_t now)
{
	cr_assert_eq(store_enterprise_decide(store, id, get(id).revision, status,
					     status == REVIEW_REJECTED ? "资料不全" : NULL, now),
		     STORE_OK);
}

static struct enterprise *list(const struct enterprise_filter *f, size_t *n, int64_t *total)
{
	struct enterprise *out;
	cr_assert_eq(store_enterprises_list(store, f, 0, 20, arena, &out, n, total), STORE_OK);
	return out;
}

/* The FTS5 expression for what a reader typed. */
static const char *match(const char *q)
{
	struct search_query query;
	cr_assert_eq(search_query_parse(str_from(q), arena, &query), QUERY_OK);
	return query.match;
}

/* ---- registration and credit codes ---- */

Test(store_enterprises, a_registration_is_stored_pending_at_its_first_revision)
{
	struct enterprise e = fixture_enterprise("上海某科技有限公司", CODE_A);
	e.seeking = "office,funding";
	e.description = "专注工业软件。";
	int64_t id = fixture_insert_enterprise(store, &e, 1, T0);
	struct enterprise b = get(id);
	cr_assert_eq(b.id, id);
	cr_assert_str_eq(b.name, "上海某科技有限公司");
	cr_assert_str_eq(b.credit_code, CODE_A);
	cr_assert_str_eq(b.industry, "gb-c");
	cr_assert_str_eq(b.district, "pudong");
	cr_assert_str_eq(b.seeking, "office,funding");
	cr_assert_str_eq(b.description, "专注工业软件。");
	cr_assert_str_eq(b.contact_name, "王经理");
	cr_assert_str_eq(b.phone, "021-6123 4567");
	cr_assert_null(b.email);
	cr_assert_null(b.website);
	cr_assert_str_eq(b.client_ip, "192.0.2.9");
	cr_assert_eq(b.status, REVIEW_PENDING);
	cr_assert_null(b.reason);
	cr_assert_eq(b.revision, 1);
	cr_assert_eq(b.created_at, T0);
	cr_assert_eq(b.updated_at, T0);
}

Test(store_enterprises, a_pending_credit_code_is_a_duplicate_and_writes_nothing)
{
	int64_t first = add("先来的企业", CODE_A, 1);
	struct enterprise again = fixture_enterprise("后来的企业", CODE_A);
	unsigned char hash[32];
	memset(hash, 2, sizeof(hash));
	int64_t id = -1;
	cr_assert_eq(store_enterprise_insert(store, &again, hash, T0 + 1, &id), STORE_DUPLICATE);
	struct enterprise e;
	cr_assert_eq(by_token(2, &e), STORE_NOT_FOUND, "the refused registration's link works");
	cr_assert_eq(by_token(1, &e), STORE_OK);
	cr_assert_eq(e.id, first);
	cr_assert_str_eq(get(first).name, "先来的企业");
	cr_assert_eq(get(first).revision, 1);
}

Test(store_enterprises, an_approved_credit_code_is_a_duplicate)
{
	int64_t first = add("先来的企业", CODE_A, 1);
	decide(first, REVIEW_APPROVED, T0);
	struct enterprise again = fixture_enterprise("后来的企业", CODE_A);
	unsigned char hash[32];
	memset(hash, 2, sizeof(hash));
	int64_t id = -1;
	cr_assert_eq(store_enterprise_insert(store, &again, hash, T0 + 1, &id), STORE_DUPLICATE);
	struct enterprise e = get(first);
	cr_assert_eq(e.status, REVIEW_APPROVED);
	cr_assert_str_eq(e.name, "先来的企业");
}

Test(store_enterprises, a_rejected_registration_frees_its_credit_code)
{
	int64_t first = add("被退回的企业", CODE_A, 1);
	decide(first, REVIEW_REJECTED, T0);
	struct enterprise again = fixture_enterprise("重新登记的企业", CODE_A);
	int64_t id = fixture_insert_enterprise(store, &again, 2, T0 + 100);
	struct enterprise e = get(id);
	cr_assert_str_eq(e.name, "重新登记的企业");
	cr_assert_eq(e.status, REVIEW_PENDING);
	cr_assert_null(e.reason, "the old rejection's reason is shown to the new registrant");
	cr_assert_eq(e.created_at, T0 + 100);
	size_t n;
	int64_t total;
	struct enterprise_filter rejected = { .status = REVIEW_REJECTED };
	list(&rejected, &n, &total);
	cr_assert_eq(total, 0);
}

Test(store_enterprises, a_rejected_registrations_link_stops_working_when_its_code_is_taken)
{
	int64_t first = add("被退回的企业", CODE_A, 1);
	decide(first, REVIEW_REJECTED, T0);
	struct enterprise e;
	cr_assert_eq(by_token(1, &e), STORE_OK, "a rejected enterprise can still see why");
	struct enterprise again = fixture_enterprise("重新登记的企业", CODE_A);
	fixture_insert_enterprise(store, &again, 2, T0 + 100);
	cr_assert_eq(by_token(1, &e), STORE_NOT_FOUND, "the old link opens the new registration");
	cr_assert_eq(by_token(2, &e), STORE_OK);
	cr_assert_str_eq(e.name, "重新登记的企业");
}

/* ---- edit links ---- */

Test(store_enterprises, an_edit_link_opens_its_own_enterprise_only)
{
	int64_t a = add("甲公司", CODE_A, 1), b = add("乙公司", CODE_B, 2);
	struct enterprise e;
	cr_assert_eq(by_token(2, &e), STORE_OK);
	cr_assert_eq(e.id, b);
	cr_assert_eq(by_token(1, &e), STORE_OK);
	cr_assert_eq(e.id, a);
	cr_assert_eq(by_token(3, &e), STORE_NOT_FOUND);
}

Test(store_enterprises, a_replaced_link_stops_working_and_the_new_one_opens)
{
	int64_t id = add("甲公司", CODE_A, 1);
	unsigned char old_hash[32], new_hash[32], newer[32];
	memset(old_hash, 1, 32);
	memset(new_hash, 5, 32);
	memset(newer, 6, 32);
	cr_assert_eq(store_enterprise_token_replace(store, old_hash, new_hash), STORE_OK);
	struct enterprise e;
	cr_assert_eq(by_token(1, &e), STORE_NOT_FOUND);
	cr_assert_eq(by_token(5, &e), STORE_OK);
	cr_assert_eq(e.id, id);
	cr_assert_eq(store_enterprise_token_replace(store, old_hash, newer), STORE_NOT_FOUND,
		     "a link replaced already was replaced again");
	cr_assert_eq(by_token(6, &e), STORE_NOT_FOUND);
	cr_assert_eq(by_token(5, &e), STORE_OK);
}

/* ---- the enterprise's own edits and staff decisions ---- */

Test(store_enterprises, an_edit_bumps_the_revision_and_goes_back_to_review)
{
	int64_t id = add("甲公司", CODE_A, 1);
	decide(id, REVIEW_APPROVED, T0 + 10);
	struct enterprise e = get(id);
	e.name = "甲科技公司";
	e.district = "xuhui";
	e.seeking = "talent";
	e.email = "hr@example.com";
	cr_assert_eq(store_enterprise_update(store, &e, T0 + 60), STORE_OK);
	struct enterprise b = get(id);
	cr_assert_str_eq(b.name, "甲科技公司");
	cr_assert_str_eq(b.district, "xuhui");
	cr_assert_str_eq(b.seeking, "talent");
	cr_assert_str_eq(b.email, "hr@example.com");
	cr_assert_eq(b.status, REVIEW_PENDING);
	cr_assert_eq(b.revision, 2);
	cr_assert_eq(b.updated_at, T0 + 60);
	cr_assert_eq(b.created_at, T0);
}

Test(store_enterprises, an_edit_after_a_rejection_clears_the_reason)
{
	int64_t id = add("甲公司", CODE_A, 1);
	decide(id, REVIEW_REJECTED, T0 + 10);
	cr_assert_str_eq(get(id).reason, "资料不全");
	struct enterprise e = get(id);
	e.description = "补充了资料。";
	cr_assert_eq(store_enterprise_update(store, &e, T0 + 60), STORE_OK);
	struct enterprise b = get(id);
	cr_assert_eq(b.status, REVIEW_PENDING);
	cr_assert_null(b.reason);
}

Test(store_enterprises, an_edit_to_another_enterprises_credit_code_is_a_duplicate)
{
	int64_t a = add("甲公司", CODE_A, 1);
	add("乙公司", CODE_B, 2);
	struct enterprise e = get(a);
	e.name = "甲公司（改）";
	e.credit_code = CODE_B;
	cr_assert_eq(store_enterprise_update(store, &e, T0 + 60), STORE_DUPLICATE);
	struct enterprise b = get(a);
	cr_assert_str_eq(b.name, "甲公司");
	cr_assert_str_eq(b.credit_code, CODE_A);
	cr_assert_eq(b.revision, 1);
}

Test(store_enterprises, a_decision_counts_only_at_the_current_revision)
{
	int64_t id = add("甲公司", CODE_A, 1);
	struct enterprise e = get(id);
	e.description = "改过的简介。";
	cr_assert_eq(store_enterprise_update(store, &e, T0 + 60), STORE_OK);
	cr_assert_eq(store_enterprise_decide(store, id, 1, REVIEW_APPROVED, NULL, T0 + 61), STORE_NOT_FOUND,
		     "approved a version the editor never saw");
	cr_assert_eq(get(id).status, REVIEW_PENDING);
	cr_assert_eq(store_enterprise_decide(store, id, 2, REVIEW_APPROVED, NULL, T0 + 62), STORE_OK);
	struct enterprise b = get(id);
	cr_assert_eq(b.status, REVIEW_APPROVED);
	cr_assert_eq(b.updated_at, T0 + 62);
}

Test(store_enterprises, a_decision_is_made_only_while_pending)
{
	int64_t id = add("甲公司", CODE_A, 1);
	cr_assert_eq(store_enterprise_decide(store, id, 1, REVIEW_APPROVED, NULL, T0), STORE_OK);
	cr_assert_eq(store_enterprise_decide(store, id, 1, REVIEW_REJECTED, "改变主意", T0 + 1), STORE_NOT_FOUND);
	struct enterprise e = get(id);
	cr_assert_eq(e.status, REVIEW_APPROVED);
	cr_assert_null(e.reason);
	cr_assert_eq(store_enterprise_decide(store, 999, 1, REVIEW_APPROVED, NULL, T0), STORE_NOT_FOUND);
}

/* ---- an approved enterprise's edits ---- */

/* e's profile with description changed, filed as its edit at now; the edit's revision. */
static int64_t file_edit(int64_t id, const char *description, int64_t now)
{
	struct enterprise e = get(id);
	e.description = description;
	e.client_ip = "198.51.100.4";
	int64_t revision = 0;
	cr_assert_eq(store_enterprise_edit_save(store, &e, now, &revision), STORE_OK);
	return revision;
}

static struct enterprise edit_of(int64_t id)
{
	struct enterprise e;
	cr_assert_eq(store_enterprise_edit_get(store, id, arena, &e), STORE_OK, "edit of %lld", (long long)id);
	return e;
}

Test(store_enterprises, an_edit_is_filed_beside_an_approved_enterprise_only)
{
	int64_t id = add("甲公司", CODE_A, 1);
	struct enterprise e = get(id);
	int64_t revision = 0;
	cr_assert_eq(store_enterprise_edit_save(store, &e, T0 + 5, &revision), STORE_NOT_FOUND, "pending");
	decide(id, REVIEW_APPROVED, T0 + 10);
	cr_assert_eq(file_edit(id, "二期扩产。", T0 + 60), 2);
	struct enterprise w = edit_of(id);
	cr_assert_eq(w.id, id);
	cr_assert_eq(w.status, REVIEW_PENDING);
	cr_assert_str_eq(w.description, "二期扩产。");
	cr_assert_str_eq(w.name, "甲公司");
	cr_assert_str_eq(w.client_ip, "198.51.100.4");
	cr_assert_eq(w.created_at, T0 + 60);
	struct enterprise p = get(id);
	cr_assert_null(p.description, "the approved row is unchanged");
	cr_assert_eq(p.revision, 1);
	cr_assert_eq(p.updated_at, T0 + 10);
}

Test(store_enterprises, an_edit_replacing_the_waiting_one_is_the_next_revision)
{
	int64_t id = add("甲公司", CODE_A, 1);
	decide(id, REVIEW_APPROVED, T0 + 10);
	cr_assert_eq(file_edit(id, "一", T0 + 60), 2);
	cr_assert_eq(file_edit(id, "二", T0 + 70), 3);
	cr_assert_eq(store_enterprise_edit_reject(store, id, 3, "不符", T0 + 80), STORE_OK);
	cr_assert_eq(edit_of(id).status, REVIEW_REJECTED);
	cr_assert_eq(file_edit(id, "三", T0 + 90), 4);
	struct enterprise w = edit_of(id);
	cr_assert_eq(w.status, REVIEW_PENDING);
	cr_assert_null(w.reason);
	cr_assert_eq(w.updated_at, T0 + 90);
}

Test(store_enterprises, approving_an_edit_makes_it_the_row_at_its_revision)
{
	int64_t id = add("甲公司", CODE_A, 1);
	decide(id, REVIEW_APPROVED, T0 + 10);
	int64_t revision = file_edit(id, "二期扩产。", T0 + 60);
	cr_assert_eq(store_enterprise_edit_approve(store, id, revision - 1, T0 + 70), STORE_NOT_FOUND, "another revision");
	cr_assert_eq(store_enterprise_edit_approve(store, id, revision, T0 + 70), STORE_OK);
	struct enterprise e = get(id);
	cr_assert_str_eq(e.description, "二期扩产。");
	cr_assert_eq(e.revision, revision);
	cr_assert_eq(e.status, REVIEW_APPROVED);
	cr_assert_eq(e.updated_at, T0 + 70);
	struct enterprise w;
	cr_assert_eq(store_enterprise_edit_get(store, id, arena, &w), STORE_NOT_FOUND);
	cr_assert_eq(store_enterprise_edit_approve(store, id, revision, T0 + 71), STORE_NOT_FOUND, "once");
}

Test(store_enterprises, a_rejected_edit_cannot_be_approved)
{
	int64_t id = add("甲公司", CODE_A, 1);
	decide(id, REVIEW_APPROVED, T0 + 10);
	int64_t revision = file_edit(id, "二期扩产。", T0 + 60);
	cr_assert_eq(store_enterprise_edit_reject(store, id, revision, "不符", T0 + 70), STORE_OK);
	cr_assert_eq(store_enterprise_edit_approve(store, id, revision, T0 + 80), STORE_NOT_FOUND);
	cr_assert_eq(store_enterprise_edit_reject(store, id, revision, "再次", T0 + 80), STORE_NOT_FOUND);
	cr_assert_null(get(id).description);
}

Test(store_enterprises, approving_an_edit_whose_code_was_taken_meanwhile_is_a_duplicate_and_writes_nothing)
{
	int64_t id = add("甲公司", CODE_A, 1);
	decide(id, REVIEW_APPROVED, T0 + 10);
	struct enterprise e = get(id);
	e.credit_code = CODE_B;
	e.client_ip = "198.51.100.4";
	int64_t revision;
	cr_assert_eq(store_enterprise_edit_save(store, &e, T0 + 60, &revision), STORE_OK);
	/* Another takes the code past every check (as a restored backup or
	 * an older binary writing might). */
	int64_t other = add("乙公司", CODE_C, 2);
	sqlite3 *db;
	cr_assert_eq(sqlite3_open(fx.path, &db), SQLITE_OK);
	char *sql = sqlite3_mprintf("UPDATE enterprises SET credit_code = '%q' WHERE id = %lld", CODE_B, (long long)other);
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
	sqlite3_free(sql);
	sqlite3_close(db);
	cr_assert_eq(store_enterprise_edit_approve(store, id, revision, T0 + 70), STORE_DUPLICATE);
	cr_assert_str_eq(get(id).credit_code, CODE_A);
	cr_assert_eq(edit_of(id).status, REVIEW_PENDING, "the edit still waits");
}

Test(store_enterprises, a_waiting_edit_holds_its_code_against_registrations)
{
	int64_t id = add("甲公司", CODE_A, 1);
	decide(id, REVIEW_APPROVED, T0 + 10);
	struct enterprise e = get(id);
	e.credit_code = CODE_B;
	e.client_ip = "198.51.100.4";
	int64_t revision, other;
	cr_assert_eq(store_enterprise_edit_save(store, &e, T0 + 60, &revision), STORE_OK);
	struct enterprise b = fixture_enterprise("乙公司", CODE_B);
	unsigned char hash[32];
	memset(hash, 2, sizeof(hash));
	cr_assert_eq(store_enterprise_insert(store, &b, hash, T0 + 70, &other), STORE_DUPLICATE);
	cr_assert_eq(store_enterprise_edit_reject(store, id, revision, "不符", T0 + 80), STORE_OK);
	cr_assert_eq(store_enterprise_insert(store, &b, hash, T0 + 90, &other), STORE_OK, "a rejected edit holds nothing");
}

Test(store_enterprises, the_queue_holds_registrations_and_edits_waiting_newest_first)
{
	int64_t a = add("甲公司", CODE_A, 1), b = add("乙公司", CODE_B, 2);
	decide(a, REVIEW_APPROVED, T0 + 10);
	int64_t c = fixture_insert_enterprise(store, &(struct enterprise){ .name = "丙公司", .credit_code = CODE_C,
									  .industry = "gb-c", .district = "pudong",
									  .seeking = "", .contact_name = "王",
									  .client_ip = "192.0.2.9" },
					      3, T0 + 20);
	file_edit(a, "二期扩产。", T0 + 30);
	int64_t d = add("丁公司", CODE_D, 4);
	decide(d, REVIEW_APPROVED, T0 + 40);
	int64_t revision = file_edit(d, "被退回的修改。", T0 + 50);
	cr_assert_eq(store_enterprise_edit_reject(store, d, revision, "不符", T0 + 60), STORE_OK);
	struct enterprise_review *q;
	size_t n;
	int64_t total;
	cr_assert_eq(store_enterprise_queue(store, 0, 10, arena, &q, &n, &total), STORE_OK);
	cr_assert_eq(total, 3, "a rejected edit waits for nothing");
	cr_assert_eq(n, 3);
	cr_assert_eq(q[0].current.id, a);
	cr_assert(q[0].has_edit);
	cr_assert_null(q[0].current.description, "the public revision");
	cr_assert_str_eq(q[0].edit.description, "二期扩产。");
	cr_assert_eq(q[0].edit.revision, 2);
	cr_assert_eq(q[1].current.id, c);
	cr_assert_not(q[1].has_edit);
	cr_assert_eq(q[2].current.id, b);
	cr_assert_eq(store_enterprise_queue(store, 1, 1, arena, &q, &n, &total), STORE_OK);
	cr_assert_eq(n, 1);
	cr_assert_eq(q[0].current.id, c);
}

/* ---- the directory ---- */

Test(store_enterprises, the_directory_lists_its_status_most_recently_updated_first)
{
	int64_t a = add("甲公司", CODE_A, 1), b = add("乙公司", CODE_B, 2), c = add("丙公司", CODE_C, 3);
	add("丁公司", CODE_D, 4);
	decide(b, REVIEW_APPROVED, T0 + 10);
	decide(a, REVIEW_APPROVED, T0 + 30);
	decide(c, REVIEW_APPROVED, T0 + 20);
	struct enterprise_filter approved = { .status = REVIEW_APPROVED };
	size_t n;
	int64_t total;
	struct enterprise *e = list(&approved, &n, &total);
	cr_assert_eq(total, 3);
	cr_assert_eq(n, 3);
	cr_assert_eq(e[0].id, a);
	cr_assert_eq(e[1].id, c);
	cr_assert_eq(e[2].id, b);
	cr_assert_eq(store_enterprises_list(store, &approved, 1, 1, arena, &e, &n, &total), STORE_OK);
	cr_assert_eq(total, 3);
	cr_assert_eq(n, 1);
	cr_assert_eq(e[0].id, c);
	struct enterprise_filter pending = { .status = REVIEW_PENDING };
	list(&pending, &n, &total);
	cr_assert_eq(total, 1);
}

Test(store_enterprises, the_directory_filters_by_district_and_industry)
{
	struct enterprise e1 = fixture_enterprise("甲公司", CODE_A), e2 = fixture_enterprise("乙公司", CODE_B),
			  e3 = fixture_enterprise("丙公司", CODE_C);
	e1.district = "pudong", e1.industry = "ic";
	e2.district = "pudong", e2.industry = "gb-j";
	e3.district = "outside", e3.industry = "ic";
	int64_t a = fixture_insert_enterprise(store, &e1, 1, T0);
	int64_t b = fixture_insert_enterprise(store, &e2, 2, T0);
	int64_t c = fixture_insert_enterprise(store, &e3, 3, T0);
	size_t n;
	int64_t total;
	struct enterprise_filter f = { .district = "pudong" };
	struct enterprise *e = list(&f, &n, &total);
	cr_assert_eq(total, 2);
	cr_assert((e[0].id == a && e[1].id == b) || (e[0].id == b && e[1].id == a));
	f = (struct enterprise_filter){ .industry = "ic" };
	list(&f, &n, &total);
	cr_assert_eq(total, 2);
	f = (struct enterprise_filter){ .district = "pudong", .industry = "ic" };
	e = list(&f, &n, &total);
	cr_assert_eq(total, 1);
	cr_assert_eq(e[0].id, a);
	f = (struct enterprise_filter){ .district = "outside" };
	e = list(&f, &n, &total);
	cr_assert_eq(total, 1);
	cr_assert_eq(e[0].id, c);
}

/* The ids of the pending enterprises seeking value, ascending, as a bit set. */
static unsigned seeking_set(const char *value, const int64_t ids[], size_t nids)
{
	struct enterprise_filter f = { .seeking = value };
	size_t n;
	int64_t total;
	struct enterprise *e = list(&f, &n, &total);
	cr_assert_eq(total, (int64_t)n);
	unsigned set = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < nids; k++)
			if (e[i].id == ids[k])
				set |= 1u << k;
	return set;
}

Test(store_enterprises, seeking_matches_a_whole_item_of_the_list)
{
	const char *seeking[] = { "funding,site", "site", "office,funding,talent", "" };
	const char *codes[] = { CODE_A, CODE_B, CODE_C, CODE_D };
	int64_t ids[4];
	for (size_t i = 0; i < 4; i++) {
		struct enterprise e = fixture_enterprise(arena_printf(arena, "企业%zu", i), codes[i]);
		e.seeking = seeking[i];
		ids[i] = fixture_insert_enterprise(store, &e, (unsigned char)(i + 1), T0);
	}
	cr_assert_eq(seeking_set("site", ids, 4), 0x3u, "first and only item");
	cr_assert_eq(seeking_set("funding", ids, 4), 0x5u, "first and middle item");
	cr_assert_eq(seeking_set("talent", ids, 4), 0x4u, "last item");
	cr_assert_eq(seeking_set("fund", ids, 4), 0u, "part of an item");
	cr_assert_eq(seeking_set("ite", ids, 4), 0u, "part of an item");
	cr_assert_eq(seeking_set("s_te", ids, 4), 0u, "_ is a character, not a wildcard");
	cr_assert_eq(seeking_set("%", ids, 4), 0u, "%% is a character, not a wildcard");
	cr_assert_eq(seeking_set("SITE", ids, 4), 0u, "values are compared exactly");
}

Test(store_enterprises, a_text_match_searches_names_and_descriptions)
{
	struct enterprise e1 = fixture_enterprise("上海芯片设计有限公司", CODE_A),
			  e2 = fixture_enterprise("张江科技有限公司", CODE_B), e3 = fixture_enterprise("外滩金融服务公司", CODE_C);
	e2.description = "主营芯片封装测试业务。";
	e3.description = "提供财富管理服务。";
	int64_t a = fixture_insert_enterprise(store, &e1, 1, T0);
	int64_t b = fixture_insert_enterprise(store, &e2, 2, T0 + 5);
	fixture_insert_enterprise(store, &e3, 3, T0);
	struct enterprise_filter f = { .match = match("芯片") };
	size_t n;
	int64_t total;
	struct enterprise *e = list(&f, &n, &total);
	cr_assert_eq(total, 2);
	cr_assert_eq(n, 2);
	cr_assert_eq(e[0].id, a, "a hit in the name weighs more than one in the description");
	cr_assert_eq(e[1].id, b);
	f.district = "xuhui";
	list(&f, &n, &total);
	cr_assert_eq(total, 0, "the other filters still apply");
}

Test(store_enterprises, a_text_match_follows_edits_and_taken_over_codes)
{
	int64_t a = add("甲公司", CODE_A, 1);
	struct enterprise_filter f = { .match = match("机器人") };
	size_t n;
	int64_t total;
	list(&f, &n, &total);
	cr_assert_eq(total, 0);
	struct enterprise e = get(a);
	e.description = "研发工业机器人。";
	cr_assert_eq(store_enterprise_update(store, &e, T0 + 1), STORE_OK);
	list(&f, &n, &total);
	cr_assert_eq(total, 1, "an edited description is not searched");

	int64_t b = add("旧名称公司", CODE_B, 2);
	decide(b, REVIEW_REJECTED, T0 + 2);
	struct enterprise again = fixture_enterprise("新名称公司", CODE_B);
	fixture_insert_enterprise(store, &again, 3, T0 + 3);
	f.match = match("旧名称");
	list(&f, &n, &total);
	cr_assert_eq(total, 0, "the rejected registration's name is still found");
	f.match = match("新名称");
	list(&f, &n, &total);
	cr_assert_eq(total, 1);
}

/* ---- every enterprise, one snapshot ---- */

struct visit {
	int64_t ids[8];
	const char *names[8];
	size_t n;
	size_t stop_after;            /* 0: never */
	struct store *other;          /* writes during the first call, when set */
	int64_t change_id;            /* whose name the other connection changes */
};

static int visit(void *ctx, const struct enterprise *e)
{
	struct visit *v = ctx;
	v->ids[v->n] = e->id;
	v->names[v->n] = arena_strdup(arena, e->name);
	v->n++;
	if (v->other && v->n == 1) {
		struct enterprise late = fixture_enterprise("后来的公司", CODE_D);
		fixture_insert_enterprise(v->other, &late, 9, T0 + 9);
		struct enterprise changed;
		cr_assert_eq(store_enterprise_get(v->other, v->change_id, arena, &changed), STORE_OK);
		changed.name = "改过名的公司";
		cr_assert_eq(store_enterprise_update(v->other, &changed, T0 + 9), STORE_OK);
	}
	return v->stop_after && v->n == v->stop_after;
}

Test(store_enterprises, each_visits_every_enterprise_of_a_status_by_id)
{
	int64_t a = add("甲公司", CODE_A, 1), b = add("乙公司", CODE_B, 2), c = add("丙公司", CODE_C, 3);
	decide(b, REVIEW_APPROVED, T0);
	struct visit v = { 0 };
	cr_assert_eq(store_enterprises_each(store, REVIEW_PENDING, visit, &v), STORE_OK);
	cr_assert_eq(v.n, 2);
	cr_assert_eq(v.ids[0], a);
	cr_assert_eq(v.ids[1], c);
	cr_assert_str_eq(v.names[1], "丙公司");
}

Test(store_enterprises, each_stops_when_told_to)
{
	add("甲公司", CODE_A, 1);
	add("乙公司", CODE_B, 2);
	add("丙公司", CODE_C, 3);
	struct visit v = { .stop_after = 2 };
	cr_assert_eq(store_enterprises_each(store, REVIEW_PENDING, visit, &v), STORE_OK);
	cr_assert_eq(v.n, 2);
}

Test(store_enterprises, each_sees_one_snapshot_while_others_write)
{
	add("甲公司", CODE_A, 1);
	add("乙公司", CODE_B, 2);
	int64_t c = add("丙公司", CODE_C, 3);
	struct visit v = { .other = store_fixture_connect(&fx), .change_id = c };
	cr_assert_eq(store_enterprises_each(store, REVIEW_PENDING, visit, &v), STORE_OK);
	store_close(v.other);
	cr_assert_eq(v.n, 3, "saw a registration that came after it began");
	cr_assert_str_eq(v.names[2], "丙公司", "saw an edit made after it began");
	cr_assert_str_eq(get(c).name, "改过名的公司", "the other connection's writes were lost");
}
