/* Unit tests for domain/enterprises: a registration and its private edit
 * link, the enterprise's own edits through it, replacing the link, and the
 * staff's decision — each change with its one audit record, and nothing
 * written when it fails. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <string.h>

#include "content/enterprise.h"
#include "domain/enterprises.h"
#include "store/enterprises.h"
#include "store_fixture.h"

static struct store_fixture fx;
static struct store *store;
static struct arena *arena;
static struct actor editor;
static const int64_t T0 = 1795795199; /* a fixed "now" */
static const char CODE_A[] = "91310115MA1K3GA78N", CODE_B[] = "91310108775213458Q";
static const char BY_LINK[] = "（企业，经修改链接）";

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

TestSuite(domain_enterprises, .init = setup, .fini = teardown);

/* The registration form's values, checked. */
static struct field_values form(const char *name, const char *code, const char *description)
{
	const char *raw[ENT__COUNT] = { 0 };
	raw[ENT_NAME] = name;
	raw[ENT_CREDIT_CODE] = code;
	raw[ENT_INDUSTRY] = "ic";
	raw[ENT_DISTRICT] = "pudong";
	raw[ENT_SEEKING] = "office";
	raw[ENT_DESCRIPTION] = description;
	raw[ENT_CONTACT_NAME] = "王经理";
	raw[ENT_PHONE] = "021-6123 4567";
	struct field_values v;
	cr_assert_eq(enterprise_check(raw, arena, &v), 0);
	return v;
}

/* Registers name under code from 192.0.2.9; its id, and its link's key in token. */
static int64_t registered(const char *name, const char *code, char token[RANDOM_TOKEN_CHARS + 1])
{
	struct field_values v = form(name, code, "集成电路设计企业。");
	int64_t id = 0;
	cr_assert_eq(enterprises_register(store, &v, "192.0.2.9", T0, token, &id), STORE_OK);
	cr_assert_gt(id, 0);
	return id;
}

static struct enterprise get(int64_t id)
{
	struct enterprise e;
	cr_assert_eq(store_enterprise_get(store, id, arena, &e), STORE_OK, "enterprise %lld", (long long)id);
	return e;
}

static const char *target(int64_t id)
{
	return arena_printf(arena, "enterprise:%lld", (long long)id);
}

static size_t audit_count(void)
{
	size_t n;
	fixture_audit(&fx, &n);
	return n;
}

static enum enterprise_edit_result last_result;

static enum store_rc edit_at(const char *token, const char *code, const char *description, int64_t now)
{
	struct field_values v = form("某集成电路有限公司", code, description);
	return enterprises_edit(store, token, &v, "198.51.100.4", now, &last_result);
}

static enum store_rc edit(const char *token, const char *code, const char *description)
{
	return edit_at(token, code, description, T0 + 60);
}

/* Registers and approves; its id (and its link's key in token). */
static int64_t approved(const char *code, char token[RANDOM_TOKEN_CHARS + 1])
{
	int64_t id = registered("某集成电路有限公司", code, token);
	cr_assert_eq(enterprises_decide(store, id, 1, REVIEW_APPROVED, NULL, &editor, T0 + 10, NULL), STORE_OK);
	return id;
}

static enum store_rc edit_of(int64_t id, struct enterprise *out)
{
	return store_enterprise_edit_get(store, id, arena, out);
}

static int64_t content_version(void)
{
	int64_t version, at;
	cr_assert_eq(store_content_version(store, &version, &at), STORE_OK);
	return version;
}

/* ---- registering ---- */

Test(domain_enterprises, a_registration_waits_for_review_behind_a_private_link)
{
	char token[RANDOM_TOKEN_CHARS + 1];
	int64_t id = registered("某集成电路有限公司", CODE_A, token);
	cr_assert(auth_token_shaped(token), "%s", token);
	struct enterprise e;
	cr_assert_eq(enterprises_by_link(store, token, arena, &e), STORE_OK);
	cr_assert_eq(e.id, id);
	cr_assert_str_eq(e.name, "某集成电路有限公司");
	cr_assert_str_eq(e.credit_code, CODE_A);
	cr_assert_str_eq(e.seeking, "office");
	cr_assert_str_eq(e.client_ip, "192.0.2.9");
	cr_assert_eq(e.status, REVIEW_PENDING);
	cr_assert_eq(audit_count(), 0, "the enterprise's own registration is audited when staff decide it");
}

Test(domain_enterprises, each_registration_gets_its_own_link)
{
	char t1[RANDOM_TOKEN_CHARS + 1], t2[RANDOM_TOKEN_CHARS + 1];
	int64_t a = registered("甲公司", CODE_A, t1), b = registered("乙公司", CODE_B, t2);
	cr_assert_str_neq(t1, t2);
	struct enterprise e;
	cr_assert_eq(enterprises_by_link(store, t2, arena, &e), STORE_OK);
	cr_assert_eq(e.id, b);
	cr_assert_eq(enterprises_by_link(store, t1, arena, &e), STORE_OK);
	cr_assert_eq(e.id, a);
}

Test(domain_enterprises, an_edit_link_is_stored_only_as_its_hash)
{
	char token[RANDOM_TOKEN_CHARS + 1];
	registered("某集成电路有限公司", CODE_A, token);
	sqlite3 *db;
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_open(fx.path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(db,
					"SELECT count(*) FROM enterprises WHERE instr(edit_token_hash, ?1) > 0"
					" OR CAST(edit_token_hash AS TEXT) = ?1",
					-1, &st, NULL),
		     SQLITE_OK);
	sqlite3_bind_text(st, 1, token, -1, SQLITE_STATIC);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_eq(sqlite3_column_int(st, 0), 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

Test(domain_enterprises, a_registered_credit_code_is_refused_and_nothing_written)
{
	char first[RANDOM_TOKEN_CHARS + 1], second[RANDOM_TOKEN_CHARS + 1];
	int64_t id = registered("先来的公司", CODE_A, first);
	struct field_values v = form("后来的公司", CODE_A, NULL);
	int64_t other = -1;
	cr_assert_eq(enterprises_register(store, &v, "192.0.2.10", T0 + 1, second, &other), STORE_DUPLICATE);
	struct enterprise e;
	cr_assert_eq(enterprises_by_link(store, second, arena, &e), STORE_NOT_FOUND, "the refused link opens something");
	cr_assert_eq(enterprises_by_link(store, first, arena, &e), STORE_OK);
	cr_assert_eq(e.id, id);
	cr_assert_str_eq(e.name, "先来的公司");
	cr_assert_eq(audit_count(), 0);
}

Test(domain_enterprises, a_rejected_registrations_link_stops_working_when_its_code_registers_again)
{
	char old[RANDOM_TOKEN_CHARS + 1], fresh[RANDOM_TOKEN_CHARS + 1];
	int64_t id = registered("被退回的公司", CODE_A, old);
	cr_assert_eq(enterprises_decide(store, id, 1, REVIEW_REJECTED, "资料不全", &editor, T0, NULL), STORE_OK);
	registered("重新登记的公司", CODE_A, fresh);
	struct enterprise e;
	cr_assert_eq(enterprises_by_link(store, old, arena, &e), STORE_NOT_FOUND);
	cr_assert_eq(enterprises_by_link(store, fresh, arena, &e), STORE_OK);
	cr_assert_str_eq(e.name, "重新登记的公司");
	cr_assert_eq(e.status, REVIEW_PENDING);
}

Test(domain_enterprises, a_malformed_link_finds_nothing)
{
	char token[RANDOM_TOKEN_CHARS + 1];
	registered("某集成电路有限公司", CODE_A, token);
	char longer[RANDOM_TOKEN_CHARS + 2];
	memcpy(longer, token, RANDOM_TOKEN_CHARS);
	longer[RANDOM_TOKEN_CHARS] = 'A';
	longer[RANDOM_TOKEN_CHARS + 1] = '\0';
	char shorter[RANDOM_TOKEN_CHARS];
	memcpy(shorter, token, RANDOM_TOKEN_CHARS - 1);
	shorter[RANDOM_TOKEN_CHARS - 1] = '\0';
	const char *bad[] = { NULL, "", shorter, longer };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct enterprise e;
		cr_assert_eq(enterprises_by_link(store, bad[i], arena, &e), STORE_NOT_FOUND, "case %zu", i);
	}
}

/* ---- the enterprise's own edits ---- */

Test(domain_enterprises, an_edit_of_a_registration_not_yet_approved_goes_back_to_review_in_place)
{
	char token[RANDOM_TOKEN_CHARS + 1];
	int64_t id = registered("某集成电路有限公司", CODE_A, token);
	cr_assert_eq(enterprises_decide(store, id, 1, REVIEW_REJECTED, "资料不全", &editor, T0 + 10, NULL), STORE_OK);
	cr_assert_eq(edit(token, CODE_A, "新的简介。"), STORE_OK);
	cr_assert_eq(last_result, ENTERPRISE_EDIT_SAVED);
	struct enterprise e = get(id);
	cr_assert_str_eq(e.description, "新的简介。");
	cr_assert_eq(e.status, REVIEW_PENDING);
	cr_assert_null(e.reason);
	cr_assert_eq(e.revision, 2);
	cr_assert_str_eq(e.client_ip, "192.0.2.9", "the registration's address is kept");
	struct enterprise waiting;
	cr_assert_eq(edit_of(id, &waiting), STORE_NOT_FOUND, "no edit beside a registration");
}

Test(domain_enterprises, an_edit_is_audited_with_the_address_it_came_from)
{
	char token[RANDOM_TOKEN_CHARS + 1];
	int64_t id = approved(CODE_A, token);
	cr_assert_eq(edit(token, CODE_A, "新的简介。"), STORE_OK);
	size_t n;
	struct audit_entry *log = fixture_audit(&fx, &n);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(log[0].action, "enterprise.edit");
	cr_assert_str_eq(log[0].target, target(id));
	cr_assert_str_eq(log[0].user_name, BY_LINK);
	cr_assert_str_eq(log[0].detail, "198.51.100.4");
	cr_assert_eq(log[0].at, T0 + 60);
}

/* ---- an approved enterprise's edits wait beside its public revision ---- */

Test(domain_enterprises, an_approved_enterprises_edit_waits_and_the_approved_revision_stays_public)
{
	char token[RANDOM_TOKEN_CHARS + 1];
	int64_t id = approved(CODE_A, token);
	cr_assert_eq(edit(token, CODE_A, "二期扩产。"), STORE_OK);
	cr_assert_eq(last_result, ENTERPRISE_EDIT_QUEUED);
	struct enterprise e = get(id);
	cr_assert_eq(e.status, REVIEW_APPROVED);
	cr_assert_str_eq(e.description, "集成电路设计企业。");
	cr_assert_eq(e.revision, 1);
	struct enterprise waiting;
	cr_assert_eq(edit_of(id, &waiting), STORE_OK);
	cr_assert_eq(waiting.id, id);
	cr_assert_eq(waiting.status, REVIEW_PENDING);
	cr_assert_str_eq(waiting.description, "二期扩产。");
	cr_assert_eq(waiting.revision, 2);
	cr_assert_str_eq(waiting.client_ip, "198.51.100.4");
}

Test(domain_enterprises, approving_an_edit_makes_it_the_public_revision)
{
	char token[RANDOM_TOKEN_CHARS + 1];
	int64_t id = approved(CODE_A, token);
	cr_assert_eq(edit(token, CODE_A, "二期扩产。"), STORE_OK);
	struct enterprise_decision d;
	cr_assert_eq(enterprises_decide(store, id, 2, REVIEW_APPROVED, NULL, &editor, T0 + 90, &d), STORE_OK);
	cr_assert(d.edit);
	struct enterprise e = get(id);
	cr_assert_eq(e.status, REVIEW_APPROVED);
	cr_assert_str_eq(e.description, "二期扩产。");
	cr_assert_eq(e.revision, 2);
	cr_assert_eq(e.updated_at, T0 + 90);
	struct enterprise waiting;
	cr_assert_eq(edit_of(id, &waiting), STORE_NOT_FOUND, "nothing waits any more");
	size_t n;
	struct audit_entry *log = fixture_audit(&fx, &n);
	cr_assert_str_eq(log[0].action, "enterprise.approve_edit");
	cr_assert_str_eq(log[0].user_name, "editor");
}

Test(domain_enterprises, rejecting_an_edit_keeps_the_public_revision_and_tells_the_enterprise_why)
{
	char token[RANDOM_TOKEN_CHARS + 1];
	int64_t id = approved(CODE_A, token);
	cr_assert_eq(edit(token, CODE_A, "夸大的简介。"), STORE_OK);
	struct enterprise_decision d;
	cr_assert_eq(enterprises_decide(store, id, 2, REVIEW_REJECTED, "简介与实际不符。", &editor, T0 + 90, &d), STORE_OK);
	cr_assert(d.edit);
	struct enterprise e = get(id);
	cr_assert_eq(e.status, REVIEW_APPROVED);
	cr_assert_str_eq(e.description, "集成电路设计企业。");
	cr_assert_null(e.reason, "the public revision carries no reason");
	struct enterprise waiting;
	cr_assert_eq(edit_of(id, &waiting), STORE_OK);
	cr_assert_eq(waiting.status, REVIEW_REJECTED);
	cr_assert_str_eq(waiting.reason, "简介与实际不符。");
	size_t n;
	struct audit_entry *log = fixture_audit(&fx, &n);
	cr_assert_str_eq(log[0].action, "enterprise.reject_edit");
	cr_assert_str_eq(log[0].detail, "简介与实际不符。");
}

Test(domain_enterprises, editing_after_a_rejected_edit_waits_again_at_the_next_revision)
{
	char token[RANDOM_TOKEN_CHARS + 1];
	int64_t id = approved(CODE_A, token);
	cr_assert_eq(edit(token, CODE_A, "夸大的简介。"), STORE_OK);
	cr_assert_eq(enterprises_decide(store, id, 2, REVIEW_REJECTED, "不符。", &editor, T0 + 90, NULL), STORE_OK);
	cr_assert_eq(edit_at(token, CODE_A, "如实的简介。", T0 + 120), STORE_OK);
	struct enterprise waiting;
	cr_assert_eq(edit_of(id, &waiting), STORE_OK);
	cr_assert_eq(waiting.status, REVIEW_PENDING);
	cr_assert_null(waiting.reason);
	cr_assert_eq(waiting.revision, 3);
	cr_assert_str_eq(waiting.description, "如实的简介。");
	cr_assert_eq(enterprises_decide(store, id, 3, REVIEW_APPROVED, NULL, &editor, T0 + 130, NULL), STORE_OK);
	cr_assert_eq(get(id).revision, 3);
	/* The next edit follows the public revision. */
	cr_assert_eq(edit_at(token, CODE_A, "三期。", T0 + 140), STORE_OK);
	cr_assert_eq(edit_of(id, &waiting), STORE_OK);
	cr_assert_eq(waiting.revision, 4);
}

Test(domain_enterprises, an_edit_back_to_the_public_revision_leaves_nothing_waiting)
{
	char token[RANDOM_TOKEN_CHARS + 1];
	int64_t id = approved(CODE_A, token);
	cr_assert_eq(edit(token, CODE_A, "二期扩产。"), STORE_OK);
	cr_assert_eq(edit(token, CODE_A, "集成电路设计企业。"), STORE_OK);
	cr_assert_eq(last_result, ENTERPRISE_EDIT_WITHDRAWN);
	struct enterprise waiting;
	cr_assert_eq(edit_of(id, &waiting), STORE_NOT_FOUND);
	cr_assert_eq(get(id).revision, 1);
}

Test(domain_enterprises, sending_the_waiting_edit_again_keeps_the_revision_staff_have_open)
{
	char token[RANDOM_TOKEN_CHARS + 1];
	int64_t id = approved(CODE_A, token);
	cr_assert_eq(edit(token, CODE_A, "二期扩产。"), STORE_OK);
	cr_assert_eq(edit_at(token, CODE_A, "二期扩产。", T0 + 70), STORE_OK);
	cr_assert_eq(last_result, ENTERPRISE_EDIT_QUEUED);
	cr_assert_eq(enterprises_decide(store, id, 2, REVIEW_APPROVED, NULL, &editor, T0 + 90, NULL), STORE_OK);
}

Test(domain_enterprises, deciding_an_edit_changed_since_it_was_seen_writes_nothing)
{
	char token[RANDOM_TOKEN_CHARS + 1];
	int64_t id = approved(CODE_A, token);
	cr_assert_eq(edit(token, CODE_A, "staff 看到的简介。"), STORE_OK);
	/* Staff open revision 2; the enterprise changes it meanwhile. */
	cr_assert_eq(edit_at(token, CODE_A, "之后偷换的简介。", T0 + 70), STORE_OK);
	size_t before = audit_count();
	cr_assert_eq(enterprises_decide(store, id, 2, REVIEW_APPROVED, NULL, &editor, T0 + 90, NULL), STORE_NOT_FOUND);
	cr_assert_eq(enterprises_decide(store, id, 2, REVIEW_REJECTED, "不符", &editor, T0 + 90, NULL), STORE_NOT_FOUND);
	cr_assert_str_eq(get(id).description, "集成电路设计企业。");
	struct enterprise waiting;
	cr_assert_eq(edit_of(id, &waiting), STORE_OK);
	cr_assert_eq(waiting.status, REVIEW_PENDING);
	cr_assert_eq(waiting.revision, 3);
	cr_assert_eq(audit_count(), before);
}

Test(domain_enterprises, deciding_an_edit_twice_writes_nothing_the_second_time)
{
	char token[RANDOM_TOKEN_CHARS + 1];
	int64_t id = approved(CODE_A, token);
	cr_assert_eq(edit(token, CODE_A, "二期扩产。"), STORE_OK);
	cr_assert_eq(enterprises_decide(store, id, 2, REVIEW_APPROVED, NULL, &editor, T0 + 90, NULL), STORE_OK);
	size_t before = audit_count();
	cr_assert_eq(enterprises_decide(store, id, 2, REVIEW_REJECTED, "改变主意", &editor, T0 + 91, NULL), STORE_NOT_FOUND);
	cr_assert_eq(enterprises_decide(store, id, 2, REVIEW_APPROVED, NULL, &editor, T0 + 91, NULL), STORE_NOT_FOUND);
	cr_assert_str_eq(get(id).description, "二期扩产。");
	cr_assert_eq(audit_count(), before);
}

Test(domain_enterprises, saving_or_rejecting_an_edit_leaves_public_pages_and_approving_it_changes_them)
{
	char token[RANDOM_TOKEN_CHARS + 1];
	int64_t id = approved(CODE_A, token);
	int64_t version = content_version();
	cr_assert_eq(edit(token, CODE_A, "二期扩产。"), STORE_OK);
	cr_assert_eq(enterprises_decide(store, id, 2, REVIEW_REJECTED, "不符", &editor, T0 + 90, NULL), STORE_OK);
	cr_assert_eq(edit_at(token, CODE_A, "如实的简介。", T0 + 100), STORE_OK);
	cr_assert_eq(content_version(), version, "no public change yet");
	cr_assert_eq(enterprises_decide(store, id, 3, REVIEW_APPROVED, NULL, &editor, T0 + 110, NULL), STORE_OK);
	cr_assert_gt(content_version(), version);
}

/* ---- credit codes across enterprises and edits ---- */

Test(domain_enterprises, an_edit_to_a_code_another_enterprise_holds_is_refused_and_nothing_written)
{
	char ta[RANDOM_TOKEN_CHARS + 1], tb[RANDOM_TOKEN_CHARS + 1];
	int64_t a = approved(CODE_A, ta);
	registered("乙公司", CODE_B, tb);
	size_t before = audit_count();
	cr_assert_eq(edit(ta, CODE_B, "改过的简介。"), STORE_DUPLICATE);
	struct enterprise waiting;
	cr_assert_eq(edit_of(a, &waiting), STORE_NOT_FOUND);
	cr_assert_eq(audit_count(), before);
}

Test(domain_enterprises, a_code_waiting_in_an_edit_is_refused_to_a_new_registration)
{
	char ta[RANDOM_TOKEN_CHARS + 1], tb[RANDOM_TOKEN_CHARS + 1];
	approved(CODE_A, ta);
	cr_assert_eq(edit(ta, CODE_B, "换了代码。"), STORE_OK);
	struct field_values v = form("乙公司", CODE_B, NULL);
	int64_t other = 0;
	cr_assert_eq(enterprises_register(store, &v, "192.0.2.10", T0 + 70, tb, &other), STORE_DUPLICATE);
	struct enterprise e;
	cr_assert_eq(enterprises_by_link(store, tb, arena, &e), STORE_NOT_FOUND);
}

Test(domain_enterprises, a_code_waiting_in_an_edit_is_refused_to_another_enterprises_edit)
{
	char ta[RANDOM_TOKEN_CHARS + 1], tb[RANDOM_TOKEN_CHARS + 1];
	static const char CODE_C[] = "91310230MA1JTWAK98";
	approved(CODE_A, ta);
	cr_assert_eq(edit(ta, CODE_C, "换了代码。"), STORE_OK);
	int64_t b = registered("乙公司", CODE_B, tb);
	cr_assert_eq(edit(tb, CODE_C, "也想用这个代码。"), STORE_DUPLICATE, "a registration changed in place");
	cr_assert_str_eq(get(b).credit_code, CODE_B);
	cr_assert_eq(enterprises_decide(store, b, 1, REVIEW_APPROVED, NULL, &editor, T0 + 80, NULL), STORE_OK);
	cr_assert_eq(edit(tb, CODE_C, "也想用这个代码。"), STORE_DUPLICATE, "an approved one's edit");
}

Test(domain_enterprises, a_rejected_edit_does_not_hold_its_code)
{
	char ta[RANDOM_TOKEN_CHARS + 1], tb[RANDOM_TOKEN_CHARS + 1];
	int64_t a = approved(CODE_A, ta);
	cr_assert_eq(edit(ta, CODE_B, "换了代码。"), STORE_OK);
	cr_assert_eq(enterprises_decide(store, a, 2, REVIEW_REJECTED, "代码与执照不符", &editor, T0 + 80, NULL), STORE_OK);
	registered("乙公司", CODE_B, tb);
}

Test(domain_enterprises, an_approved_change_of_code_frees_the_old_one)
{
	char ta[RANDOM_TOKEN_CHARS + 1], tb[RANDOM_TOKEN_CHARS + 1];
	int64_t a = approved(CODE_A, ta);
	cr_assert_eq(edit(ta, CODE_B, "换了代码。"), STORE_OK);
	struct field_values v = form("乙公司", CODE_A, NULL);
	int64_t other = 0;
	cr_assert_eq(enterprises_register(store, &v, "192.0.2.10", T0 + 70, tb, &other), STORE_DUPLICATE,
		     "the public revision still holds it");
	cr_assert_eq(enterprises_decide(store, a, 2, REVIEW_APPROVED, NULL, &editor, T0 + 80, NULL), STORE_OK);
	cr_assert_str_eq(get(a).credit_code, CODE_B);
	registered("乙公司", CODE_A, tb);
}

/* ---- the queue after a decision ---- */

Test(domain_enterprises, a_decision_names_what_waits_next_newest_first)
{
	char ta[RANDOM_TOKEN_CHARS + 1], tb[RANDOM_TOKEN_CHARS + 1], tc[RANDOM_TOKEN_CHARS + 1];
	static const char CODE_C[] = "91310230MA1JTWAK98";
	int64_t a = approved(CODE_A, ta);
	struct field_values v = form("乙公司", CODE_B, NULL);
	int64_t b = 0, c = 0;
	cr_assert_eq(enterprises_register(store, &v, "192.0.2.10", T0 + 20, tb, &b), STORE_OK);
	v = form("丙公司", CODE_C, NULL);
	cr_assert_eq(enterprises_register(store, &v, "192.0.2.11", T0 + 30, tc, &c), STORE_OK);
	cr_assert_eq(edit_at(ta, CODE_A, "二期扩产。", T0 + 40), STORE_OK); /* the newest */
	struct enterprise_decision d;
	cr_assert_eq(enterprises_decide(store, b, 1, REVIEW_APPROVED, NULL, &editor, T0 + 50, &d), STORE_OK);
	cr_assert_not(d.edit);
	cr_assert_eq(d.next, a, "the edit waits first");
	cr_assert_eq(enterprises_decide(store, a, 2, REVIEW_APPROVED, NULL, &editor, T0 + 60, &d), STORE_OK);
	cr_assert_eq(d.next, c);
	cr_assert_eq(enterprises_decide(store, c, 1, REVIEW_REJECTED, "不符", &editor, T0 + 70, &d), STORE_OK);
	cr_assert_eq(d.next, 0, "nothing waits");
}

Test(domain_enterprises, an_edit_through_a_replaced_link_is_not_found_and_writes_nothing)
{
	char token[RANDOM_TOKEN_CHARS + 1], fresh[RANDOM_TOKEN_CHARS + 1];
	int64_t id = registered("某集成电路有限公司", CODE_A, token);
	cr_assert_eq(enterprises_replace_link(store, token, "192.0.2.9", T0 + 1, fresh), STORE_OK);
	cr_assert_eq(edit(token, CODE_A, "不该保存的简介。"), STORE_NOT_FOUND);
	struct enterprise e = get(id);
	cr_assert_str_eq(e.description, "集成电路设计企业。");
	cr_assert_eq(e.revision, 1);
	cr_assert_eq(audit_count(), 1, "only the replacement is audited");
}

Test(domain_enterprises, an_edit_to_another_enterprises_credit_code_is_refused_and_nothing_written)
{
	char ta[RANDOM_TOKEN_CHARS + 1], tb[RANDOM_TOKEN_CHARS + 1];
	int64_t a = registered("甲公司", CODE_A, ta);
	registered("乙公司", CODE_B, tb);
	cr_assert_eq(edit(ta, CODE_B, "改过的简介。"), STORE_DUPLICATE);
	struct enterprise e = get(a);
	cr_assert_str_eq(e.credit_code, CODE_A);
	cr_assert_str_eq(e.description, "集成电路设计企业。");
	cr_assert_eq(e.revision, 1);
	cr_assert_eq(audit_count(), 0);
}

/* ---- replacing the link ---- */

Test(domain_enterprises, replacing_the_link_retires_the_old_one_and_is_audited)
{
	char token[RANDOM_TOKEN_CHARS + 1], fresh[RANDOM_TOKEN_CHARS + 1];
	int64_t id = registered("某集成电路有限公司", CODE_A, token);
	cr_assert_eq(enterprises_replace_link(store, token, "198.51.100.4", T0 + 5, fresh), STORE_OK);
	cr_assert(auth_token_shaped(fresh));
	cr_assert_str_neq(fresh, token);
	struct enterprise e;
	cr_assert_eq(enterprises_by_link(store, token, arena, &e), STORE_NOT_FOUND);
	cr_assert_eq(enterprises_by_link(store, fresh, arena, &e), STORE_OK);
	cr_assert_eq(e.id, id);
	size_t n;
	struct audit_entry *log = fixture_audit(&fx, &n);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(log[0].action, "enterprise.link");
	cr_assert_str_eq(log[0].target, target(id));
	cr_assert_str_eq(log[0].user_name, BY_LINK);
	cr_assert_str_eq(log[0].detail, "198.51.100.4");
}

Test(domain_enterprises, replacing_a_link_replaced_meanwhile_is_not_found_and_writes_nothing)
{
	char token[RANDOM_TOKEN_CHARS + 1], first[RANDOM_TOKEN_CHARS + 1], second[RANDOM_TOKEN_CHARS + 1];
	registered("某集成电路有限公司", CODE_A, token);
	cr_assert_eq(enterprises_replace_link(store, token, "192.0.2.9", T0 + 1, first), STORE_OK);
	cr_assert_eq(enterprises_replace_link(store, token, "192.0.2.9", T0 + 2, second), STORE_NOT_FOUND);
	struct enterprise e;
	cr_assert_eq(enterprises_by_link(store, first, arena, &e), STORE_OK, "the first replacement was undone");
	cr_assert_eq(enterprises_by_link(store, second, arena, &e), STORE_NOT_FOUND);
	cr_assert_eq(audit_count(), 1);
}

/* ---- staff decisions ---- */

Test(domain_enterprises, approving_is_audited_as_who_decided)
{
	char token[RANDOM_TOKEN_CHARS + 1];
	int64_t id = registered("某集成电路有限公司", CODE_A, token);
	cr_assert_eq(enterprises_decide(store, id, 1, REVIEW_APPROVED, NULL, &editor, T0 + 30, NULL), STORE_OK);
	cr_assert_eq(get(id).status, REVIEW_APPROVED);
	size_t n;
	struct audit_entry *log = fixture_audit(&fx, &n);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(log[0].action, "enterprise.approve");
	cr_assert_str_eq(log[0].target, target(id));
	cr_assert_str_eq(log[0].user_name, "editor");
	cr_assert_null(log[0].detail);
	cr_assert_eq(log[0].at, T0 + 30);
}

Test(domain_enterprises, rejecting_is_audited_with_the_reason_the_enterprise_sees)
{
	char token[RANDOM_TOKEN_CHARS + 1];
	int64_t id = registered("某集成电路有限公司", CODE_A, token);
	cr_assert_eq(enterprises_decide(store, id, 1, REVIEW_REJECTED, "营业执照信息不符。", &editor, T0, NULL), STORE_OK);
	struct enterprise e;
	cr_assert_eq(enterprises_by_link(store, token, arena, &e), STORE_OK);
	cr_assert_eq(e.status, REVIEW_REJECTED);
	cr_assert_str_eq(e.reason, "营业执照信息不符。");
	size_t n;
	struct audit_entry *log = fixture_audit(&fx, &n);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(log[0].action, "enterprise.reject");
	cr_assert_str_eq(log[0].detail, "营业执照信息不符。");
}

Test(domain_enterprises, deciding_a_version_edited_since_writes_nothing)
{
	char token[RANDOM_TOKEN_CHARS + 1];
	int64_t id = registered("某集成电路有限公司", CODE_A, token);
	cr_assert_eq(edit(token, CODE_A, "改过的简介。"), STORE_OK);
	cr_assert_eq(enterprises_decide(store, id, 1, REVIEW_APPROVED, NULL, &editor, T0 + 61, NULL), STORE_NOT_FOUND);
	cr_assert_eq(get(id).status, REVIEW_PENDING);
	cr_assert_eq(audit_count(), 1, "only the edit is audited");
	cr_assert_eq(enterprises_decide(store, id, 2, REVIEW_APPROVED, NULL, &editor, T0 + 62, NULL), STORE_OK);
	cr_assert_eq(audit_count(), 2);
}

Test(domain_enterprises, deciding_twice_writes_nothing_the_second_time)
{
	char token[RANDOM_TOKEN_CHARS + 1];
	int64_t id = registered("某集成电路有限公司", CODE_A, token);
	cr_assert_eq(enterprises_decide(store, id, 1, REVIEW_APPROVED, NULL, &editor, T0, NULL), STORE_OK);
	cr_assert_eq(enterprises_decide(store, id, 1, REVIEW_REJECTED, "改变主意", &editor, T0 + 1, NULL), STORE_NOT_FOUND);
	cr_assert_eq(get(id).status, REVIEW_APPROVED);
	cr_assert_eq(audit_count(), 1);
}

Test(domain_enterprises, deciding_an_edit_withdrawn_meanwhile_writes_nothing)
{
	char token[RANDOM_TOKEN_CHARS + 1];
	int64_t id = approved(CODE_A, token);
	cr_assert_eq(edit(token, CODE_A, "二期扩产。"), STORE_OK);
	cr_assert_eq(edit_at(token, CODE_A, "集成电路设计企业。", T0 + 70), STORE_OK); /* back as it was */
	size_t before = audit_count();
	cr_assert_eq(enterprises_decide(store, id, 2, REVIEW_APPROVED, NULL, &editor, T0 + 90, NULL), STORE_NOT_FOUND);
	cr_assert_eq(get(id).revision, 1);
	cr_assert_str_eq(get(id).description, "集成电路设计企业。");
	cr_assert_eq(audit_count(), before);
}
