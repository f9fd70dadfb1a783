/* Unit tests for moderation/review (a submission's way from the form to an
 * article or a rejection, with its audit trail), the store's moderation
 * tables (throttle, banned words, accounts), login throttling and the
 * visitors' CSRF tokens of auth. Each test has a database of its own. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "content/article.h"
#include "domain/accounts.h"
#include "domain/auth.h"
#include "domain/submissions.h"
#include "harness.h"
#include "store/accounts.h"
#include "store/articles.h"
#include "store/audit.h"
#include "store/banned_words.h"
#include "store/submissions.h"
#include "store/throttle.h"
#include "util/date.h"

static char *dir;
static struct store *store;
static struct arena *arena;
static struct buf err;
static struct actor editor;
static const int64_t T0 = 1795795199; /* 2026-11-27T15:59:59Z: a fixed "now" */
static const char PASSWORD[] = "correct horse battery";

static char *db_path(const char *name)
{
	return arena_printf(arena, "%s/%s", dir, name);
}

static void setup(void)
{
	dir = tmp_dir_new();
	arena = arena_new();
	err = (struct buf){ 0 };
	cr_assert_eq(store_open(db_path("r.db"), &store, &err), STORE_OK, "%s", buf_cstr(&err));
	/* The reviewing editor never logs in: its row is enough (see add_alice). */
	cr_assert_eq(store_user_add(store, "editor", "editor", "$argon2id$v=19$m=65536,t=2,p=1$not-a-hash"), STORE_OK);
	struct user u;
	cr_assert_eq(store_user_by_name(store, "editor", arena, &u), STORE_OK);
	editor = (struct actor){ .user_id = u.id, .name = "editor" };
}

static void teardown(void)
{
	arena_free(arena);
	store_close(store);
	tmp_dir_remove(dir);
	buf_free(&err);
}

TestSuite(review, .init = setup, .fini = teardown, .timeout = 60);

/* An account with a real password, for the tests that log in: hashing it
 * costs an Argon2 run (about 0.1 s), so the others do without. */
static void add_alice(void)
{
	cr_assert_eq(accounts_create(store, STR_LIT("alice"), ROLE_EDITOR, str_from(PASSWORD), T0, &err), STORE_OK, "%s",
		     buf_cstr(&err));
}

/* ---- texts ---- */

static const char TITLE[] = "浦东新区集成电路产业集中签约14个项目";
static const char BODY[] =
	"近日，浦东新区举行集成电路产业项目集中签约活动，共签约14个项目，总投资约86亿元，涵盖芯片设计、先进封装、"
	"关键材料和装备零部件等环节。\n"
	"本次签约项目中，设计类企业占比超过四成，其中一家高端模拟芯片企业计划投资12亿元建设研发总部和测试中心。\n"
	"区投资促进服务中心为每个项目配备专员，实行“一企一策”跟踪服务，协调办理用地、环评和人才落户等事项。\n"
	"有关负责人表示，下一步将围绕产业链薄弱环节开展精准招商，力争全年新增集成电路企业100家以上。";
/* BODY with three characters and a number changed. */
static const char BODY_EDITED[] =
	"近日，浦东新区举办集成电路产业项目集中签约活动，共签约14个项目，总投资约88亿元，涵盖芯片设计、先进封装、"
	"关键材料和装备零部件等环节。\n"
	"本次签约项目中，设计类企业占比超过四成，其中一家高端模拟芯片企业计划投资12亿元建设研发总部和检测中心。\n"
	"区投资促进服务中心为每个项目配备专员，实行“一企一策”跟踪服务，协调办理用地、环评和人才落户等事项。\n"
	"有关负责人表示，下一步将围绕产业链薄弱环节开展精准招商，争取全年新增集成电路企业100家以上。";
/* BODY_EDITED changed again, elsewhere. */
static const char BODY_EDITED_TWICE[] =
	"近日，浦东新区举办集成电路产业项目集中签约活动，共签约14个项目，总投资约88亿元，涵盖芯片设计、先进封装、"
	"关键材料和装备零部件等环节。\n"
	"本次签约项目中，设计类企业占比超过三成，其中一家高端模拟芯片企业计划投资15亿元建设研发总部和检测中心。\n"
	"区投资促进服务中心为每个项目配备专员，实行“一企一策”跟踪服务，协调办理用地、环评和人才落户等事宜。\n"
	"有关负责人表示，下一步将围绕产业链薄弱环节开展精准招商，争取全年新增集成电路企业100家以上。";
static const char OTHER_TITLE[] = "黄浦区举办金融服务业招商推介会";
static const char OTHER_BODY[] =
	"日前，黄浦区在外滩金融集聚带举办金融服务业招商推介会，来自银行、证券、保险、资产管理等领域的120余家机构代表参加。"
	"会上，区金融办介绍了支持持牌金融机构及其专业子公司落户的扶持措施，对新设立的机构总部给予最高5000万元的落户奖励。"
	"现场共有9家机构签署合作意向，涉及注册资本合计约45亿元。区商务委相关负责人表示，黄浦区将继续优化金融营商环境，"
	"推动财富管理、绿色金融和金融科技等业态集聚发展，提升区域总部经济能级。";

/* ---- helpers ---- */

/* The submission form's values for title and body, checked. */
static struct field_values form(const char *title, const char *body)
{
	const char *raw[SUB__COUNT] = { 0 };
	raw[SUB_TITLE] = title;
	raw[SUB_BODY] = body;
	raw[SUB_DISTRICT] = "pudong";
	raw[SUB_INDUSTRY] = "ic";
	raw[SUB_SOURCE] = "浦东新区投资促进服务中心";
	raw[SUB_CONTRIBUTOR] = "张三";
	raw[SUB_CONTACT] = "13812345678";
	struct field_values v;
	cr_assert_eq(fields_check(submission_fields, SUB__COUNT, raw, arena, &v), 0);
	return v;
}

static int64_t submit(const char *title, const char *body)
{
	struct field_values v = form(title, body);
	char code[SUBMISSION_CODE_CHARS + 1];
	int64_t id = 0;
	cr_assert_eq(submissions_submit(store, &v, "192.0.2.7", T0, code, &id), STORE_OK);
	cr_assert_gt(id, 0);
	return id;
}

static struct submission get(int64_t id)
{
	struct submission sub;
	cr_assert_eq(store_submission_get(store, id, arena, &sub), STORE_OK, "submission %lld", (long long)id);
	return sub;
}

/* Inserts an article as an import would, dated date. */
static int64_t insert_article(const char *title, const char *body, const char *date)
{
	struct article_input in = { .title = str_from(title), .body = str_from(body), .date = str_from(date) };
	struct article a;
	cr_assert_eq(article_prepare(&in, arena, &a, &err), 0, "%s", buf_cstr(&err));
	int64_t id = 0;
	cr_assert_eq(store_article_insert(store, &a, &id), STORE_OK);
	return id;
}

/* The audit log, newest first. */
static struct audit_entry *audit_log(size_t *n)
{
	struct audit_entry *entries;
	int64_t total;
	cr_assert_eq(store_audit_list(store, 0, 50, arena, &entries, n, &total), STORE_OK);
	cr_assert_eq(total, (int64_t)*n);
	return entries;
}

static void assert_audited(const char *action, int64_t id)
{
	size_t n;
	struct audit_entry *e = audit_log(&n);
	cr_assert_geq(n, 1, "no audit entry for %s", action);
	cr_assert_str_eq(e[0].action, action);
	cr_assert_str_eq(e[0].user_name, "editor");
	char target[64];
	snprintf(target, sizeof(target), "submission:%lld", (long long)id);
	cr_assert_str_eq(e[0].target, target);
}

static size_t audit_count(void)
{
	size_t n;
	audit_log(&n);
	return n;
}

/* ---- submit ---- */

Test(review, a_submission_is_stored_pending_under_its_tracking_code)
{
	struct field_values v = form(TITLE, BODY);
	char code[SUBMISSION_CODE_CHARS + 1];
	int64_t id = 0;
	cr_assert_eq(submissions_submit(store, &v, "192.0.2.7", T0, code, &id), STORE_OK);
	char canonical[SUBMISSION_CODE_CHARS + 1];
	cr_assert(submission_code_parse(code, canonical), "%s", code);
	cr_assert_str_eq(canonical, code);

	struct submission sub;
	cr_assert_eq(store_submission_by_code(store, code, arena, &sub), STORE_OK);
	cr_assert_eq(sub.id, id);
	cr_assert_str_eq(sub.tracking_code, code);
	cr_assert_eq(sub.status, REVIEW_PENDING);
	cr_assert_str_eq(sub.title, TITLE);
	cr_assert_str_eq(sub.body, BODY);
	cr_assert_str_eq(sub.district, "pudong");
	cr_assert_str_eq(sub.industry, "ic");
	cr_assert_str_eq(sub.source, "浦东新区投资促进服务中心");
	cr_assert_str_eq(sub.contributor, "张三");
	cr_assert_str_eq(sub.contact, "13812345678");
	cr_assert_str_eq(sub.client_ip, "192.0.2.7");
	cr_assert_eq(sub.created_at, T0);
	cr_assert_eq(sub.article_id, 0);
	cr_assert_null(sub.reason);
	cr_assert_eq(audit_count(), 0, "a visitor's submission is not an editor's action");
}

Test(review, an_unknown_code_finds_nothing)
{
	submit(TITLE, BODY);
	struct submission sub;
	cr_assert_eq(store_submission_by_code(store, "ZS-00000-00000", arena, &sub), STORE_NOT_FOUND);
}

Test(review, two_submissions_get_different_codes)
{
	int64_t a = submit(TITLE, BODY), b = submit(OTHER_TITLE, OTHER_BODY);
	cr_assert_neq(a, b);
	cr_assert_str_neq(get(a).tracking_code, get(b).tracking_code);
}

Test(review, submissions_are_listed_by_status_newest_first)
{
	int64_t a = submit(TITLE, BODY), b = submit(OTHER_TITLE, OTHER_BODY), c = submit("第三篇稿件", "正文。");
	cr_assert_eq(submissions_reject(store, b, "不符合要求", &editor, T0), STORE_OK);
	struct submission *list;
	size_t n;
	int64_t total;
	cr_assert_eq(store_submissions_list(store, REVIEW_PENDING, 0, 10, arena, &list, &n, &total), STORE_OK);
	cr_assert_eq(total, 2);
	cr_assert_eq(n, 2);
	cr_assert_eq(list[0].id, c);
	cr_assert_eq(list[1].id, a);
	cr_assert_eq(store_submissions_list(store, REVIEW_PENDING, 1, 1, arena, &list, &n, &total), STORE_OK);
	cr_assert_eq(total, 2);
	cr_assert_eq(n, 1);
	cr_assert_eq(list[0].id, a);
	cr_assert_eq(store_submissions_list(store, REVIEW_REJECTED, 0, 10, arena, &list, &n, &total), STORE_OK);
	cr_assert_eq(n, 1);
	cr_assert_eq(list[0].id, b);
	cr_assert_str_eq(list[0].reason, "不符合要求");
}

/* ---- approve ---- */

Test(review, approving_publishes_an_article_dated_today_in_shanghai)
{
	int64_t id = submit(TITLE, BODY);
	int64_t article_id = 0;
	int64_t now = T0 + 1; /* 2026-11-28 00:00:00 in Shanghai */
	cr_assert_eq(submissions_approve(store, id, &editor, now, &article_id, &err), STORE_OK, "%s", buf_cstr(&err));
	cr_assert_gt(article_id, 0);

	struct article a;
	cr_assert_eq(store_article_get(store, article_id, arena, &a), STORE_OK);
	cr_assert_str_eq(a.title, TITLE);
	cr_assert_str_eq(a.date, "2026-11-28");
	cr_assert_eq(a.ndistricts, 1);
	cr_assert_str_eq(a.districts[0], "pudong");
	cr_assert_geq(a.nindustries, 1);
	cr_assert_str_eq(a.industries[0], "ic");
	cr_assert_str_eq(a.source, "浦东新区投资促进服务中心");

	struct submission sub = get(id);
	cr_assert_eq(sub.status, REVIEW_APPROVED);
	cr_assert_eq(sub.article_id, article_id);
	cr_assert_eq(sub.updated_at, now);
}

Test(review, approving_is_audited_with_the_editor)
{
	int64_t id = submit(TITLE, BODY);
	int64_t article_id = 0;
	cr_assert_eq(submissions_approve(store, id, &editor, T0 + 5, &article_id, &err), STORE_OK, "%s", buf_cstr(&err));
	assert_audited("submission.approve", id);
	size_t n;
	struct audit_entry *e = audit_log(&n);
	cr_assert_eq(n, 1);
	cr_assert_eq(e[0].at, T0 + 5);
	char detail[64];
	snprintf(detail, sizeof(detail), "article:%lld", (long long)article_id);
	cr_assert_str_eq(e[0].detail, detail);
}

Test(review, approving_twice_finds_nothing_to_approve)
{
	int64_t id = submit(TITLE, BODY);
	int64_t first = 0, second = 0;
	cr_assert_eq(submissions_approve(store, id, &editor, T0, &first, &err), STORE_OK, "%s", buf_cstr(&err));
	cr_assert_eq(submissions_approve(store, id, &editor, T0 + 1, &second, &err), STORE_NOT_FOUND);
	cr_assert_eq(audit_count(), 1);
	cr_assert_eq(get(id).article_id, first);
}

Test(review, approving_an_unknown_submission_finds_nothing)
{
	int64_t article_id = 0;
	cr_assert_eq(submissions_approve(store, 999, &editor, T0, &article_id, &err), STORE_NOT_FOUND);
	cr_assert_eq(audit_count(), 0);
}

Test(review, approving_what_is_already_an_article_changes_nothing)
{
	char today[11];
	date_shanghai_day(T0, today);
	int64_t existing = insert_article(TITLE, BODY, today);
	int64_t id = submit(TITLE, BODY);
	int64_t article_id = 0;
	cr_assert_eq(submissions_approve(store, id, &editor, T0, &article_id, &err), STORE_DUPLICATE);

	struct submission sub = get(id);
	cr_assert_eq(sub.status, REVIEW_PENDING);
	cr_assert_eq(sub.article_id, 0);
	cr_assert_eq(audit_count(), 0, "an audit entry for an approval that did not happen");
	struct article_page page;
	cr_assert_eq(store_articles_list(store, NULL, 0, 10, 20, arena, &page), STORE_OK);
	cr_assert_eq(page.total, 1);
	cr_assert_eq(page.items[0].id, existing);
}

/* ---- reject ---- */

Test(review, rejecting_keeps_the_reason_and_is_audited)
{
	int64_t id = submit(TITLE, BODY);
	cr_assert_eq(submissions_reject(store, id, "内容与已发布文章重复。", &editor, T0 + 9), STORE_OK);
	struct submission sub = get(id);
	cr_assert_eq(sub.status, REVIEW_REJECTED);
	cr_assert_str_eq(sub.reason, "内容与已发布文章重复。");
	cr_assert_eq(sub.article_id, 0);
	cr_assert_eq(sub.updated_at, T0 + 9);
	assert_audited("submission.reject", id);
}

Test(review, an_approved_submission_cannot_be_rejected)
{
	int64_t id = submit(TITLE, BODY);
	int64_t article_id = 0;
	cr_assert_eq(submissions_approve(store, id, &editor, T0, &article_id, &err), STORE_OK, "%s", buf_cstr(&err));
	cr_assert_eq(submissions_reject(store, id, "改变主意", &editor, T0 + 1), STORE_NOT_FOUND);
	struct submission sub = get(id);
	cr_assert_eq(sub.status, REVIEW_APPROVED);
	cr_assert_null(sub.reason);
	cr_assert_eq(audit_count(), 1);
}

Test(review, a_rejected_submission_cannot_be_approved_or_rejected_again)
{
	int64_t id = submit(TITLE, BODY);
	cr_assert_eq(submissions_reject(store, id, "不符合要求", &editor, T0), STORE_OK);
	int64_t article_id = 0;
	cr_assert_eq(submissions_approve(store, id, &editor, T0 + 1, &article_id, &err), STORE_NOT_FOUND);
	cr_assert_eq(submissions_reject(store, id, "再次拒绝", &editor, T0 + 2), STORE_NOT_FOUND);
	cr_assert_str_eq(get(id).reason, "不符合要求");
	cr_assert_eq(audit_count(), 1);
}

/* ---- edit ---- */

static struct field_values editable(const char *title, const char *body)
{
	const char *raw[SUBMISSION_EDITABLE] = { 0 };
	raw[SUB_TITLE] = title;
	raw[SUB_BODY] = body;
	raw[SUB_DISTRICT] = "huangpu";
	raw[SUB_INDUSTRY] = "finance";
	struct field_values v;
	cr_assert_eq(fields_check(submission_fields, SUBMISSION_EDITABLE, raw, arena, &v), 0);
	return v;
}

Test(review, an_editor_changes_the_text_and_it_is_audited)
{
	int64_t id = submit(TITLE, BODY);
	struct field_values v = editable(OTHER_TITLE, OTHER_BODY);
	cr_assert_eq(submissions_edit(store, id, &v, &editor, T0 + 3), STORE_OK);
	struct submission sub = get(id);
	cr_assert_str_eq(sub.title, OTHER_TITLE);
	cr_assert_str_eq(sub.body, OTHER_BODY);
	cr_assert_str_eq(sub.district, "huangpu");
	cr_assert_str_eq(sub.industry, "finance");
	cr_assert_null(sub.source, "the editor cleared the source");
	cr_assert_str_eq(sub.contributor, "张三", "not editable");
	cr_assert_str_eq(sub.contact, "13812345678", "not editable");
	cr_assert_eq(sub.status, REVIEW_PENDING);
	cr_assert_eq(sub.updated_at, T0 + 3);
	assert_audited("submission.edit", id);
}

Test(review, the_edited_text_is_what_gets_published)
{
	int64_t id = submit(TITLE, BODY);
	struct field_values v = editable(OTHER_TITLE, OTHER_BODY);
	cr_assert_eq(submissions_edit(store, id, &v, &editor, T0), STORE_OK);
	int64_t article_id = 0;
	cr_assert_eq(submissions_approve(store, id, &editor, T0, &article_id, &err), STORE_OK, "%s", buf_cstr(&err));
	struct article a;
	cr_assert_eq(store_article_get(store, article_id, arena, &a), STORE_OK);
	cr_assert_str_eq(a.title, OTHER_TITLE);
	cr_assert_str_eq(a.districts[0], "huangpu");
	cr_assert_str_eq(a.industries[0], "finance");
}

Test(review, an_approved_submission_cannot_be_edited)
{
	int64_t id = submit(TITLE, BODY);
	int64_t article_id = 0;
	cr_assert_eq(submissions_approve(store, id, &editor, T0, &article_id, &err), STORE_OK, "%s", buf_cstr(&err));
	struct field_values v = editable(OTHER_TITLE, OTHER_BODY);
	cr_assert_eq(submissions_edit(store, id, &v, &editor, T0 + 1), STORE_NOT_FOUND);
	cr_assert_str_eq(get(id).title, TITLE);
	cr_assert_eq(audit_count(), 1, "only the approval is audited");
}

Test(review, a_rejected_or_unknown_submission_cannot_be_edited)
{
	int64_t id = submit(TITLE, BODY);
	cr_assert_eq(submissions_reject(store, id, "不符合要求", &editor, T0), STORE_OK);
	struct field_values v = editable(OTHER_TITLE, OTHER_BODY);
	cr_assert_eq(submissions_edit(store, id, &v, &editor, T0 + 1), STORE_NOT_FOUND);
	cr_assert_eq(submissions_edit(store, 999, &v, &editor, T0 + 1), STORE_NOT_FOUND);
	cr_assert_eq(audit_count(), 1);
}

/* ---- near duplicates ---- */

Test(review, a_lightly_edited_copy_of_an_article_points_at_it)
{
	int64_t article = insert_article(TITLE, BODY, "2025-03-18");
	struct submission sub = get(submit(TITLE, BODY_EDITED));
	cr_assert_eq(sub.near_article_id, article);
	cr_assert_eq(sub.near_submission_id, 0);
	cr_assert_leq(sub.near_distance, 12);
	cr_assert_str_eq(sub.near_article_title, TITLE);
}

Test(review, a_submission_nearly_equal_to_an_earlier_one_points_at_it)
{
	int64_t first = submit(TITLE, BODY_EDITED);
	struct submission sub = get(submit(TITLE, BODY_EDITED_TWICE));
	cr_assert_eq(sub.near_submission_id, first);
	cr_assert_eq(sub.near_article_id, 0);
	cr_assert_leq(sub.near_distance, 12);
	cr_assert_str_eq(sub.near_submission_title, TITLE);
	struct submission earlier = get(first);
	cr_assert_eq(earlier.near_submission_id, 0, "not near itself");
}

Test(review, a_copy_of_an_article_and_of_a_submission_points_at_both)
{
	int64_t article = insert_article(TITLE, BODY, "2025-03-18");
	int64_t first = submit(TITLE, BODY_EDITED);
	struct submission sub = get(submit(TITLE, BODY_EDITED_TWICE));
	cr_assert_eq(sub.near_article_id, article);
	cr_assert_eq(sub.near_submission_id, first);
}

Test(review, an_unrelated_text_is_near_nothing)
{
	insert_article(TITLE, BODY, "2025-03-18");
	submit(TITLE, BODY_EDITED);
	struct submission sub = get(submit(OTHER_TITLE, OTHER_BODY));
	cr_assert_eq(sub.near_article_id, 0);
	cr_assert_eq(sub.near_submission_id, 0);
	cr_assert_null(sub.near_article_title);
	cr_assert_null(sub.near_submission_title);
}

Test(review, an_edit_finds_the_near_duplicate_anew)
{
	int64_t article = insert_article(OTHER_TITLE, OTHER_BODY, "2025-05-09");
	int64_t id = submit(TITLE, BODY);
	cr_assert_eq(get(id).near_article_id, 0);
	struct field_values v = editable(OTHER_TITLE, OTHER_BODY);
	cr_assert_eq(submissions_edit(store, id, &v, &editor, T0), STORE_OK);
	struct submission sub = get(id);
	cr_assert_eq(sub.near_article_id, article);
	cr_assert_eq(sub.near_submission_id, 0, "not near itself");
}

Test(review, an_approved_submission_counts_as_its_article)
{
	int64_t first = submit(TITLE, BODY);
	int64_t article_id = 0;
	cr_assert_eq(submissions_approve(store, first, &editor, T0, &article_id, &err), STORE_OK, "%s", buf_cstr(&err));
	struct submission sub = get(submit(TITLE, BODY_EDITED));
	cr_assert_eq(sub.near_article_id, article_id);
	cr_assert_eq(sub.near_submission_id, 0, "an approved submission is its article");
}

/* ---- dates ---- */

Test(review, the_date_is_shanghais)
{
	char d[11];
	date_shanghai_day(1795795199, d); /* 2026-11-27T15:59:59Z */
	cr_assert_str_eq(d, "2026-11-27");
	date_shanghai_day(1795795200, d); /* 2026-11-27T16:00:00Z */
	cr_assert_str_eq(d, "2026-11-28");
	date_shanghai_day(1798732800, d); /* 2026-12-31T16:00:00Z */
	cr_assert_str_eq(d, "2027-01-01");
	date_shanghai_day(0, d);
	cr_assert_str_eq(d, "1970-01-01");
}

/* ---- throttle ---- */

Test(review, throttle_counts_hits_in_a_window)
{
	int64_t hits = -1, resets_at = 0;
	cr_assert_eq(store_throttle(store, "form:192.0.2.1", true, T0, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 1);
	cr_assert_eq(resets_at, T0 + 60);
	cr_assert_eq(store_throttle(store, "form:192.0.2.1", true, T0 + 30, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 2);
	cr_assert_eq(resets_at, T0 + 60, "the window starts at the first hit");
	cr_assert_eq(store_throttle(store, "form:192.0.2.1", true, T0 + 59, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 3);
	cr_assert_eq(resets_at, T0 + 60);
}

Test(review, a_throttle_read_does_not_count)
{
	int64_t hits = -1, resets_at = 0;
	cr_assert_eq(store_throttle(store, "k", false, T0, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 0, "no window open");
	cr_assert_eq(store_throttle(store, "k", true, T0, 60, &hits, &resets_at), STORE_OK);
	for (int i = 0; i < 3; i++) {
		cr_assert_eq(store_throttle(store, "k", false, T0 + 10, 60, &hits, &resets_at), STORE_OK);
		cr_assert_eq(hits, 1);
		cr_assert_eq(resets_at, T0 + 60);
	}
	cr_assert_eq(store_throttle(store, "k", true, T0 + 20, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 2);
}

Test(review, a_new_throttle_window_starts_when_the_old_one_ends)
{
	int64_t hits = -1, resets_at = 0;
	for (int i = 0; i < 5; i++)
		cr_assert_eq(store_throttle(store, "k", true, T0 + i, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 5);
	cr_assert_eq(store_throttle(store, "k", false, T0 + 60, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 0, "the window is over");
	cr_assert_eq(store_throttle(store, "k", true, T0 + 60, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 1);
	cr_assert_eq(resets_at, T0 + 120);
	cr_assert_eq(store_throttle(store, "k", true, T0 + 500, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 1);
	cr_assert_eq(resets_at, T0 + 560);
}

Test(review, throttle_keys_are_counted_apart)
{
	int64_t hits = -1, resets_at = 0;
	cr_assert_eq(store_throttle(store, "a", true, T0, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(store_throttle(store, "a", true, T0, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(store_throttle(store, "b", true, T0, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 1);
}

Test(review, clearing_a_throttle_starts_it_over)
{
	int64_t hits = -1, resets_at = 0;
	for (int i = 0; i < 3; i++)
		cr_assert_eq(store_throttle(store, "k", true, T0, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(store_throttle(store, "other", true, T0, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(store_throttle_clear(store, "k"), STORE_OK);
	cr_assert_eq(store_throttle(store, "k", false, T0 + 1, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 0);
	cr_assert_eq(store_throttle(store, "k", true, T0 + 1, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 1);
	cr_assert_eq(resets_at, T0 + 61);
	cr_assert_eq(store_throttle(store, "other", false, T0 + 1, 60, &hits, &resets_at), STORE_OK);
	cr_assert_eq(hits, 1, "only k was cleared");
	cr_assert_eq(store_throttle_clear(store, "never-seen"), STORE_OK);
}

/* ---- login throttling ---- */

static enum login_result try_login(const char *name, const char *password, const char *ip, int64_t now,
				   int64_t *retry_after)
{
	char token[SESSION_TOKEN_CHARS + 1];
	struct login_attempt a = { str_from(name), str_from(password), NULL, ip, now };
	int64_t ignored;
	return auth_login(store, &a, token, retry_after ? retry_after : &ignored);
}

/* A wrong password. Checking one costs an Argon2 run; one longer than
 * AUTH_PASSWORD_MAX_BYTES is refused without it, and counts alike. */
static const char WRONG[] = "wrong password!";
static char overlong[AUTH_PASSWORD_MAX_BYTES + 2];

static const char *cheap_wrong(void)
{
	memset(overlong, 'x', AUTH_PASSWORD_MAX_BYTES + 1);
	overlong[AUTH_PASSWORD_MAX_BYTES + 1] = '\0';
	return overlong;
}

/* times failed logins for name from ip, each refused. */
static void fail_logins(const char *name, const char *password, const char *ip, int64_t now, int times)
{
	for (int i = 0; i < times; i++)
		cr_assert_eq(try_login(name, password, ip, now, NULL), LOGIN_REFUSED, "%s failure %d", name, i + 1);
}

Test(review, too_many_failures_lock_an_account_even_with_the_right_password)
{
	add_alice();
	fail_logins("alice", WRONG, "192.0.2.1", T0, LOGIN_NAME_FAILURES);
	int64_t retry_after = -1;
	cr_assert_eq(try_login("alice", PASSWORD, "192.0.2.1", T0 + 10, &retry_after), LOGIN_LOCKED);
	cr_assert_gt(retry_after, 0);
	cr_assert_leq(retry_after, LOGIN_WINDOW_SECONDS);
	cr_assert_eq(retry_after, LOGIN_WINDOW_SECONDS - 10, "the window runs from the first failure");
	/* Someone else failing cannot lock the owner out from elsewhere... */
	cr_assert_eq(try_login("alice", PASSWORD, "198.51.100.9", T0 + 10, NULL), LOGIN_OK,
		     "failures from one address lock the name there only");
}

Test(review, guesses_spread_over_addresses_lock_the_name_everywhere)
{
	add_alice();
	/* ...but guessing spread over many addresses locks the name. */
	char ip[32];
	for (int i = 0; i < LOGIN_NAME_ANYWHERE_FAILURES / LOGIN_NAME_FAILURES; i++) {
		snprintf(ip, sizeof(ip), "203.0.113.%d", i + 1);
		fail_logins("alice", cheap_wrong(), ip, T0, LOGIN_NAME_FAILURES);
	}
	int64_t retry_after = -1;
	cr_assert_eq(try_login("alice", PASSWORD, "198.51.100.9", T0 + 10, &retry_after), LOGIN_LOCKED);
	cr_assert_eq(retry_after, LOGIN_WINDOW_SECONDS - 10);
	cr_assert_eq(try_login("alice", PASSWORD, "198.51.100.9", T0 + LOGIN_WINDOW_SECONDS, NULL), LOGIN_OK,
		     "until the window ends");
}

Test(review, a_login_without_a_password_field_is_refused)
{
	add_alice();
	char token[SESSION_TOKEN_CHARS + 1];
	struct login_attempt a = { STR_LIT("alice"), { NULL, 0 }, NULL, "192.0.2.1", T0 };
	int64_t retry_after;
	cr_assert_eq(auth_login(store, &a, token, &retry_after), LOGIN_REFUSED);
}

/* One thread's share of parallel wrong logins, on its own connection. */
struct racer {
	pthread_t thread;
	int refused, locked;
};

static void *race(void *arg)
{
	struct racer *r = arg;
	struct store *own;
	struct buf why = { 0 };
	if (store_open(db_path("r.db"), &own, &why) != STORE_OK)
		return NULL;
	for (int i = 0; i < 5; i++) {
		char token[SESSION_TOKEN_CHARS + 1];
		struct login_attempt a = { STR_LIT("alice"), STR_LIT("wrong password!"), NULL, "192.0.2.1", T0 };
		int64_t retry_after;
		enum login_result res = auth_login(own, &a, token, &retry_after);
		r->refused += res == LOGIN_REFUSED;
		r->locked += res == LOGIN_LOCKED;
	}
	store_close(own);
	buf_free(&why);
	return NULL;
}

Test(review, parallel_attempts_cannot_pass_the_limit)
{
	/* Each attempt is counted before its password is checked, so attempts
	 * racing while others hash cannot all slip under the limit. */
	add_alice();
	struct racer racers[4] = { 0 };
	for (int i = 0; i < 4; i++)
		cr_assert_eq(pthread_create(&racers[i].thread, NULL, race, &racers[i]), 0);
	int refused = 0, locked = 0;
	for (int i = 0; i < 4; i++) {
		pthread_join(racers[i].thread, NULL);
		refused += racers[i].refused;
		locked += racers[i].locked;
	}
	cr_assert_eq(refused + locked, 20, "every attempt answered");
	cr_assert_eq(refused, LOGIN_NAME_FAILURES, "exactly the allowed guesses were checked: %d", refused);
}

Test(review, a_name_that_does_not_exist_locks_alike)
{
	fail_logins("nobody", cheap_wrong(), "192.0.2.1", T0, LOGIN_NAME_FAILURES);
	int64_t retry_after = -1;
	cr_assert_eq(try_login("nobody", PASSWORD, "192.0.2.1", T0 + 10, &retry_after), LOGIN_LOCKED);
	cr_assert_gt(retry_after, 0);
	cr_assert_leq(retry_after, LOGIN_WINDOW_SECONDS);
	cr_assert_eq(retry_after, LOGIN_WINDOW_SECONDS - 10);
}

Test(review, overlong_passwords_count_as_failures)
{
	add_alice();
	fail_logins("alice", cheap_wrong(), "192.0.2.1", T0, LOGIN_NAME_FAILURES);
	cr_assert_eq(try_login("alice", PASSWORD, "192.0.2.1", T0, NULL), LOGIN_LOCKED);
}

Test(review, a_locked_name_does_not_lock_other_names_from_the_address)
{
	add_alice();
	fail_logins("nobody", cheap_wrong(), "192.0.2.1", T0, LOGIN_NAME_FAILURES);
	cr_assert_eq(try_login("nobody", PASSWORD, "192.0.2.1", T0, NULL), LOGIN_LOCKED);
	cr_assert_eq(try_login("alice", PASSWORD, "192.0.2.1", T0, NULL), LOGIN_OK);
}

Test(review, an_address_is_locked_after_its_own_limit)
{
	add_alice();
	/* Failures spread over names, none reaching its own limit; the last
	 * one allowed is still only refused. */
	const int per_name = LOGIN_NAME_FAILURES - 1;
	int done = 0;
	for (int k = 0; done < LOGIN_ADDRESS_FAILURES; k++) {
		char name[16];
		snprintf(name, sizeof(name), "guess%d", k);
		int times = LOGIN_ADDRESS_FAILURES - done < per_name ? LOGIN_ADDRESS_FAILURES - done : per_name;
		fail_logins(name, cheap_wrong(), "192.0.2.1", T0, times);
		done += times;
	}
	int64_t retry_after = -1;
	cr_assert_eq(try_login("alice", PASSWORD, "192.0.2.1", T0 + 1, &retry_after), LOGIN_LOCKED);
	cr_assert_gt(retry_after, 0);
	cr_assert_leq(retry_after, LOGIN_WINDOW_SECONDS);
	cr_assert_eq(try_login("", "", "192.0.2.1", T0 + 1, NULL), LOGIN_LOCKED, "with no name either");
	cr_assert_eq(try_login("alice", PASSWORD, "198.51.100.9", T0 + 1, NULL), LOGIN_OK,
		     "the account itself is not locked");
}

Test(review, the_lock_ends_with_its_window)
{
	add_alice();
	fail_logins("alice", cheap_wrong(), "192.0.2.1", T0, LOGIN_NAME_FAILURES);
	cr_assert_eq(try_login("alice", PASSWORD, "192.0.2.1", T0 + LOGIN_WINDOW_SECONDS - 1, NULL), LOGIN_LOCKED);
	cr_assert_eq(try_login("alice", PASSWORD, "192.0.2.1", T0 + LOGIN_WINDOW_SECONDS, NULL), LOGIN_OK);
}

Test(review, a_successful_login_clears_the_names_failures)
{
	add_alice();
	fail_logins("alice", cheap_wrong(), "192.0.2.1", T0, LOGIN_NAME_FAILURES - 1);
	cr_assert_eq(try_login("alice", PASSWORD, "192.0.2.1", T0 + 1, NULL), LOGIN_OK);
	/* The full allowance again: without the reset the second would lock. */
	fail_logins("alice", cheap_wrong(), "192.0.2.1", T0 + 2, LOGIN_NAME_FAILURES);
	cr_assert_eq(try_login("alice", cheap_wrong(), "192.0.2.1", T0 + 2, NULL), LOGIN_LOCKED);
}

/* ---- visitors' CSRF tokens ---- */

Test(review, the_form_key_is_kept_in_the_database)
{
	unsigned char a[32], b[32], c[32];
	cr_assert_eq(auth_form_key_load(store, a), STORE_OK);
	cr_assert_eq(auth_form_key_load(store, b), STORE_OK);
	cr_assert_eq(memcmp(a, b, 32), 0);
	store_close(store);
	store = NULL;
	cr_assert_eq(store_open(db_path("r.db"), &store, &err), STORE_OK, "%s", buf_cstr(&err));
	cr_assert_eq(auth_form_key_load(store, c), STORE_OK);
	cr_assert_eq(memcmp(a, c, 32), 0, "a restart changed the key");
	static const unsigned char zero[32];
	cr_assert_neq(memcmp(a, zero, 32), 0);
}

Test(review, each_database_has_its_own_form_key)
{
	unsigned char a[32], b[32];
	cr_assert_eq(auth_form_key_load(store, a), STORE_OK);
	struct store *other;
	cr_assert_eq(store_open(db_path("other.db"), &other, &err), STORE_OK, "%s", buf_cstr(&err));
	cr_assert_eq(auth_form_key_load(other, b), STORE_OK);
	store_close(other);
	cr_assert_neq(memcmp(a, b, 32), 0);
}

Test(review, a_visitors_token_depends_on_the_visitor_and_the_key)
{
	unsigned char key[32], other_key[32];
	memset(key, 1, sizeof(key));
	memset(other_key, 2, sizeof(other_key));
	char v1[RANDOM_TOKEN_CHARS + 1], v2[RANDOM_TOKEN_CHARS + 1];
	auth_random_token(v1);
	auth_random_token(v2);
	cr_assert_eq(strlen(v1), RANDOM_TOKEN_CHARS);
	cr_assert_str_neq(v1, v2);
	char t1[CSRF_TOKEN_CHARS + 1], t1again[CSRF_TOKEN_CHARS + 1], t2[CSRF_TOKEN_CHARS + 1],
		t1other[CSRF_TOKEN_CHARS + 1];
	cr_assert(auth_visitor_csrf(key, v1, t1));
	cr_assert(auth_visitor_csrf(key, v1, t1again));
	cr_assert(auth_visitor_csrf(key, v2, t2));
	cr_assert(auth_visitor_csrf(other_key, v1, t1other));
	cr_assert_eq(strlen(t1), CSRF_TOKEN_CHARS);
	cr_assert_str_eq(t1, t1again);
	cr_assert_str_neq(t1, t2);
	cr_assert_str_neq(t1, t1other);
	cr_assert_str_neq(t1, v1, "the token is not the cookie");
	cr_assert(auth_csrf_ok(t1, t1again));
	cr_assert_not(auth_csrf_ok(t1, t2));
}

Test(review, malformed_visitor_ids_get_no_token)
{
	unsigned char key[32];
	memset(key, 1, sizeof(key));
	char ok[RANDOM_TOKEN_CHARS + 1];
	auth_random_token(ok);
	char short_id[RANDOM_TOKEN_CHARS], long_id[RANDOM_TOKEN_CHARS + 2];
	memcpy(short_id, ok, RANDOM_TOKEN_CHARS - 1);
	short_id[RANDOM_TOKEN_CHARS - 1] = '\0';
	memcpy(long_id, ok, RANDOM_TOKEN_CHARS);
	long_id[RANDOM_TOKEN_CHARS] = 'A';
	long_id[RANDOM_TOKEN_CHARS + 1] = '\0';
	char bad_chars[4][RANDOM_TOKEN_CHARS + 1];
	const char replacements[4] = { '+', '/', '=', ' ' };
	for (int i = 0; i < 4; i++) {
		memcpy(bad_chars[i], ok, sizeof(ok));
		bad_chars[i][7] = replacements[i];
	}
	const char *bad[] = { NULL, "", short_id, long_id, bad_chars[0], bad_chars[1], bad_chars[2], bad_chars[3] };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char out[CSRF_TOKEN_CHARS + 1] = "untouched";
		cr_assert_not(auth_visitor_csrf(key, bad[i], out), "case %zu", i);
	}
	/* 43 bytes, one of them part of a two-byte character. */
	char multibyte[RANDOM_TOKEN_CHARS + 1];
	memcpy(multibyte, ok, sizeof(ok));
	memcpy(multibyte + 10, "\xc3\xa9", 2);
	char out[CSRF_TOKEN_CHARS + 1];
	cr_assert_not(auth_visitor_csrf(key, multibyte, out));
	cr_assert(auth_visitor_csrf(key, ok, out));
}

Test(review, csrf_tokens_must_match_exactly)
{
	unsigned char key[32];
	memset(key, 7, sizeof(key));
	char v[RANDOM_TOKEN_CHARS + 1], t[CSRF_TOKEN_CHARS + 1];
	auth_random_token(v);
	cr_assert(auth_visitor_csrf(key, v, t));
	cr_assert(auth_csrf_ok(t, t));
	cr_assert_not(auth_csrf_ok(t, NULL));
	cr_assert_not(auth_csrf_ok(t, ""));
	cr_assert_not(auth_csrf_ok(NULL, t));
	cr_assert_not(auth_csrf_ok(NULL, NULL));
	cr_assert_not(auth_csrf_ok("", ""));
	for (size_t i = 0; i < CSRF_TOKEN_CHARS; i += 6) {
		char wrong[CSRF_TOKEN_CHARS + 1];
		memcpy(wrong, t, sizeof(wrong));
		wrong[i] = wrong[i] == 'A' ? 'B' : 'A';
		cr_assert_not(auth_csrf_ok(t, wrong), "differs at %zu", i);
	}
	char prefix[CSRF_TOKEN_CHARS];
	memcpy(prefix, t, CSRF_TOKEN_CHARS - 1);
	prefix[CSRF_TOKEN_CHARS - 1] = '\0';
	cr_assert_not(auth_csrf_ok(t, prefix));
	char longer[CSRF_TOKEN_CHARS + 2];
	memcpy(longer, t, CSRF_TOKEN_CHARS);
	longer[CSRF_TOKEN_CHARS] = 'A';
	longer[CSRF_TOKEN_CHARS + 1] = '\0';
	cr_assert_not(auth_csrf_ok(t, longer));
}

/* ---- banned words and accounts ---- */

Test(review, banned_words_come_back_sorted_and_once)
{
	const char *words[] = { "诈骗", "赌博", "代开发票", "赌博", "casino" };
	cr_assert_eq(store_begin(store), STORE_OK);
	cr_assert_eq(store_banned_words_set(store, words, 5, "editor", T0), STORE_OK);
	cr_assert_eq(store_commit(store), STORE_OK);
	const char **out;
	size_t n;
	cr_assert_eq(store_banned_words(store, arena, &out, &n), STORE_OK);
	cr_assert_eq(n, 4);
	const char *sorted[] = { "casino", "代开发票", "诈骗", "赌博" }; /* by UTF-8 bytes */
	for (size_t i = 0; i < 4; i++)
		cr_assert_str_eq(out[i], sorted[i], "word %zu", i);
}

Test(review, setting_banned_words_replaces_the_list)
{
	const char *first[] = { "赌博", "诈骗" }, *second[] = { "传销" };
	cr_assert_eq(store_begin(store), STORE_OK);
	cr_assert_eq(store_banned_words_set(store, first, 2, "editor", T0), STORE_OK);
	cr_assert_eq(store_commit(store), STORE_OK);
	cr_assert_eq(store_begin(store), STORE_OK);
	cr_assert_eq(store_banned_words_set(store, second, 1, "editor", T0 + 1), STORE_OK);
	cr_assert_eq(store_commit(store), STORE_OK);
	const char **out;
	size_t n;
	cr_assert_eq(store_banned_words(store, arena, &out, &n), STORE_OK);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(out[0], "传销");
	cr_assert_eq(store_begin(store), STORE_OK);
	cr_assert_eq(store_banned_words_set(store, NULL, 0, "editor", T0 + 2), STORE_OK);
	cr_assert_eq(store_commit(store), STORE_OK);
	cr_assert_eq(store_banned_words(store, arena, &out, &n), STORE_OK);
	cr_assert_eq(n, 0);
}

Test(review, many_banned_words_are_all_returned)
{
	enum { N = 40 };
	const char *words[N];
	for (int i = 0; i < N; i++)
		words[i] = arena_printf(arena, "词%02d", N - 1 - i);
	cr_assert_eq(store_begin(store), STORE_OK);
	cr_assert_eq(store_banned_words_set(store, words, N, "editor", T0), STORE_OK);
	cr_assert_eq(store_commit(store), STORE_OK);
	const char **out;
	size_t n;
	cr_assert_eq(store_banned_words(store, arena, &out, &n), STORE_OK);
	cr_assert_eq(n, N);
	for (int i = 0; i < N; i++)
		cr_assert_str_eq(out[i], arena_printf(arena, "词%02d", i));
}

Test(review, disabling_an_account_ends_its_sessions)
{
	add_alice();
	char token[SESSION_TOKEN_CHARS + 1];
	struct login_attempt a = { STR_LIT("alice"), str_from(PASSWORD), NULL, "192.0.2.1", T0 };
	int64_t retry_after;
	cr_assert_eq(auth_login(store, &a, token, &retry_after), LOGIN_OK);
	struct session s;
	cr_assert_eq(auth_session(store, token, T0 + 1, arena, &s), STORE_OK);
	cr_assert_eq(store_user_set_disabled(store, "alice", true), STORE_OK);
	cr_assert_eq(auth_session(store, token, T0 + 2, arena, &s), STORE_NOT_FOUND);
	/* Ended, not merely hidden while the account is disabled. */
	cr_assert_eq(store_user_set_disabled(store, "alice", false), STORE_OK);
	cr_assert_eq(auth_session(store, token, T0 + 3, arena, &s), STORE_NOT_FOUND);
	cr_assert_eq(try_login("alice", PASSWORD, "192.0.2.1", T0 + 4, NULL), LOGIN_OK, "re-enabled");
}

Test(review, a_disabled_account_is_listed_as_such)
{
	cr_assert_eq(store_user_set_disabled(store, "editor", true), STORE_OK);
	struct user *users;
	size_t n;
	cr_assert_eq(store_users_list(store, arena, &users, &n), STORE_OK);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(users[0].name, "editor");
	cr_assert(users[0].disabled);
	cr_assert_str_eq(users[0].password_hash, "");
}

Test(review, disabling_an_unknown_account_finds_nothing)
{
	cr_assert_eq(store_user_set_disabled(store, "nobody", true), STORE_NOT_FOUND);
	cr_assert_eq(store_user_set_disabled(store, "nobody", false), STORE_NOT_FOUND);
}
