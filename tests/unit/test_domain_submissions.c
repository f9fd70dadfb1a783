/* Unit tests for domain/submissions: a submission's way from the form to an
 * article or a rejection, with its audit trail and its near duplicates.
 * Each test has a database of its own. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "content/article.h"
#include "domain/submissions.h"
#include "store/articles.h"
#include "store/audit.h"
#include "store/submissions.h"
#include "store_fixture.h"
#include "util/date.h"

static struct store_fixture fx;
static struct store *store;
static struct arena *arena;
static struct buf err;
static struct actor editor;
static const int64_t T0 = 1795795199; /* 2026-11-27T15:59:59Z: a fixed "now" */

static void setup(void)
{
	store_fixture_open(&fx);
	store = fx.store;
	arena = fx.arena;
	err = (struct buf){ 0 };
	/* The reviewing editor never logs in: its row is enough. */
	editor = fixture_staff(&fx, "editor");
}

static void teardown(void)
{
	store_fixture_close(&fx);
	buf_free(&err);
}

TestSuite(domain_submissions, .init = setup, .fini = teardown, .timeout = 60);

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

Test(domain_submissions, a_submission_is_stored_pending_under_its_tracking_code)
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

Test(domain_submissions, an_unknown_code_finds_nothing)
{
	submit(TITLE, BODY);
	struct submission sub;
	cr_assert_eq(store_submission_by_code(store, "ZS-00000-00000", arena, &sub), STORE_NOT_FOUND);
}

Test(domain_submissions, two_submissions_get_different_codes)
{
	int64_t a = submit(TITLE, BODY), b = submit(OTHER_TITLE, OTHER_BODY);
	cr_assert_neq(a, b);
	cr_assert_str_neq(get(a).tracking_code, get(b).tracking_code);
}

Test(domain_submissions, submissions_are_listed_by_status_newest_first)
{
	int64_t a = submit(TITLE, BODY), b = submit(OTHER_TITLE, OTHER_BODY), c = submit("第三篇稿件", "正文。");
	cr_assert_eq(submissions_reject(store, b, "不符合要求", &editor, T0, NULL), STORE_OK);
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

Test(domain_submissions, approving_publishes_an_article_dated_today_in_shanghai)
{
	int64_t id = submit(TITLE, BODY);
	int64_t article_id = 0;
	int64_t now = T0 + 1; /* 2026-11-28 00:00:00 in Shanghai */
	cr_assert_eq(submissions_approve(store, id, &editor, now, &article_id, &err, NULL), STORE_OK, "%s", buf_cstr(&err));
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

Test(domain_submissions, approving_is_audited_with_the_editor)
{
	int64_t id = submit(TITLE, BODY);
	int64_t article_id = 0;
	cr_assert_eq(submissions_approve(store, id, &editor, T0 + 5, &article_id, &err, NULL), STORE_OK, "%s", buf_cstr(&err));
	assert_audited("submission.approve", id);
	size_t n;
	struct audit_entry *e = audit_log(&n);
	cr_assert_eq(n, 1);
	cr_assert_eq(e[0].at, T0 + 5);
	char detail[64];
	snprintf(detail, sizeof(detail), "article:%lld", (long long)article_id);
	cr_assert_str_eq(e[0].detail, detail);
}

Test(domain_submissions, approving_twice_finds_nothing_to_approve)
{
	int64_t id = submit(TITLE, BODY);
	int64_t first = 0, second = 0;
	cr_assert_eq(submissions_approve(store, id, &editor, T0, &first, &err, NULL), STORE_OK, "%s", buf_cstr(&err));
	cr_assert_eq(submissions_approve(store, id, &editor, T0 + 1, &second, &err, NULL), STORE_NOT_FOUND);
	cr_assert_eq(audit_count(), 1);
	cr_assert_eq(get(id).article_id, first);
}

Test(domain_submissions, approving_an_unknown_submission_finds_nothing)
{
	int64_t article_id = 0;
	cr_assert_eq(submissions_approve(store, 999, &editor, T0, &article_id, &err, NULL), STORE_NOT_FOUND);
	cr_assert_eq(audit_count(), 0);
}

Test(domain_submissions, approving_what_is_already_an_article_changes_nothing)
{
	char today[11];
	date_shanghai_day(T0, today);
	int64_t existing = insert_article(TITLE, BODY, today);
	int64_t id = submit(TITLE, BODY);
	int64_t article_id = 0;
	cr_assert_eq(submissions_approve(store, id, &editor, T0, &article_id, &err, NULL), STORE_DUPLICATE);

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

Test(domain_submissions, rejecting_keeps_the_reason_and_is_audited)
{
	int64_t id = submit(TITLE, BODY);
	cr_assert_eq(submissions_reject(store, id, "内容与已发布文章重复。", &editor, T0 + 9, NULL), STORE_OK);
	struct submission sub = get(id);
	cr_assert_eq(sub.status, REVIEW_REJECTED);
	cr_assert_str_eq(sub.reason, "内容与已发布文章重复。");
	cr_assert_eq(sub.article_id, 0);
	cr_assert_eq(sub.updated_at, T0 + 9);
	assert_audited("submission.reject", id);
}

Test(domain_submissions, an_approved_submission_cannot_be_rejected)
{
	int64_t id = submit(TITLE, BODY);
	int64_t article_id = 0;
	cr_assert_eq(submissions_approve(store, id, &editor, T0, &article_id, &err, NULL), STORE_OK, "%s", buf_cstr(&err));
	cr_assert_eq(submissions_reject(store, id, "改变主意", &editor, T0 + 1, NULL), STORE_NOT_FOUND);
	struct submission sub = get(id);
	cr_assert_eq(sub.status, REVIEW_APPROVED);
	cr_assert_null(sub.reason);
	cr_assert_eq(audit_count(), 1);
}

Test(domain_submissions, a_rejected_submission_cannot_be_approved_or_rejected_again)
{
	int64_t id = submit(TITLE, BODY);
	cr_assert_eq(submissions_reject(store, id, "不符合要求", &editor, T0, NULL), STORE_OK);
	int64_t article_id = 0;
	cr_assert_eq(submissions_approve(store, id, &editor, T0 + 1, &article_id, &err, NULL), STORE_NOT_FOUND);
	cr_assert_eq(submissions_reject(store, id, "再次拒绝", &editor, T0 + 2, NULL), STORE_NOT_FOUND);
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

Test(domain_submissions, an_editor_changes_the_text_and_it_is_audited)
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

Test(domain_submissions, the_edited_text_is_what_gets_published)
{
	int64_t id = submit(TITLE, BODY);
	struct field_values v = editable(OTHER_TITLE, OTHER_BODY);
	cr_assert_eq(submissions_edit(store, id, &v, &editor, T0), STORE_OK);
	int64_t article_id = 0;
	cr_assert_eq(submissions_approve(store, id, &editor, T0, &article_id, &err, NULL), STORE_OK, "%s", buf_cstr(&err));
	struct article a;
	cr_assert_eq(store_article_get(store, article_id, arena, &a), STORE_OK);
	cr_assert_str_eq(a.title, OTHER_TITLE);
	cr_assert_str_eq(a.districts[0], "huangpu");
	cr_assert_str_eq(a.industries[0], "finance");
}

Test(domain_submissions, an_approved_submission_cannot_be_edited)
{
	int64_t id = submit(TITLE, BODY);
	int64_t article_id = 0;
	cr_assert_eq(submissions_approve(store, id, &editor, T0, &article_id, &err, NULL), STORE_OK, "%s", buf_cstr(&err));
	struct field_values v = editable(OTHER_TITLE, OTHER_BODY);
	cr_assert_eq(submissions_edit(store, id, &v, &editor, T0 + 1), STORE_NOT_FOUND);
	cr_assert_str_eq(get(id).title, TITLE);
	cr_assert_eq(audit_count(), 1, "only the approval is audited");
}

Test(domain_submissions, a_rejected_or_unknown_submission_cannot_be_edited)
{
	int64_t id = submit(TITLE, BODY);
	cr_assert_eq(submissions_reject(store, id, "不符合要求", &editor, T0, NULL), STORE_OK);
	struct field_values v = editable(OTHER_TITLE, OTHER_BODY);
	cr_assert_eq(submissions_edit(store, id, &v, &editor, T0 + 1), STORE_NOT_FOUND);
	cr_assert_eq(submissions_edit(store, 999, &v, &editor, T0 + 1), STORE_NOT_FOUND);
	cr_assert_eq(audit_count(), 1);
}

/* ---- near duplicates ---- */

Test(domain_submissions, a_lightly_edited_copy_of_an_article_points_at_it)
{
	int64_t article = insert_article(TITLE, BODY, "2025-03-18");
	struct submission sub = get(submit(TITLE, BODY_EDITED));
	cr_assert_eq(sub.near_article_id, article);
	cr_assert_eq(sub.near_submission_id, 0);
	cr_assert_leq(sub.near_distance, 12);
	cr_assert_str_eq(sub.near_article_title, TITLE);
}

Test(domain_submissions, a_submission_nearly_equal_to_an_earlier_one_points_at_it)
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

Test(domain_submissions, a_copy_of_an_article_and_of_a_submission_points_at_both)
{
	int64_t article = insert_article(TITLE, BODY, "2025-03-18");
	int64_t first = submit(TITLE, BODY_EDITED);
	struct submission sub = get(submit(TITLE, BODY_EDITED_TWICE));
	cr_assert_eq(sub.near_article_id, article);
	cr_assert_eq(sub.near_submission_id, first);
}

Test(domain_submissions, an_unrelated_text_is_near_nothing)
{
	insert_article(TITLE, BODY, "2025-03-18");
	submit(TITLE, BODY_EDITED);
	struct submission sub = get(submit(OTHER_TITLE, OTHER_BODY));
	cr_assert_eq(sub.near_article_id, 0);
	cr_assert_eq(sub.near_submission_id, 0);
	cr_assert_null(sub.near_article_title);
	cr_assert_null(sub.near_submission_title);
}

Test(domain_submissions, an_edit_finds_the_near_duplicate_anew)
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

Test(domain_submissions, an_approved_submission_counts_as_its_article)
{
	int64_t first = submit(TITLE, BODY);
	int64_t article_id = 0;
	cr_assert_eq(submissions_approve(store, first, &editor, T0, &article_id, &err, NULL), STORE_OK, "%s", buf_cstr(&err));
	struct submission sub = get(submit(TITLE, BODY_EDITED));
	cr_assert_eq(sub.near_article_id, article_id);
	cr_assert_eq(sub.near_submission_id, 0, "an approved submission is its article");
}


/* ---- what each step writes ---- */

Test(domain_submissions, a_submission_is_committed_when_submit_returns)
{
	int64_t id = submit(TITLE, BODY);
	struct store *other = store_fixture_connect(&fx);
	struct submission sub;
	cr_assert_eq(store_submission_get(other, id, arena, &sub), STORE_OK, "another connection cannot see it");
	cr_assert_str_eq(sub.title, TITLE);
	store_close(other);
}

Test(domain_submissions, a_rejection_is_audited_with_its_reason)
{
	int64_t id = submit(TITLE, BODY);
	cr_assert_eq(submissions_reject(store, id, "来源不明。", &editor, T0 + 4, NULL), STORE_OK);
	size_t n;
	struct audit_entry *e = audit_log(&n);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(e[0].detail, "来源不明。");
	cr_assert_eq(e[0].at, T0 + 4);
}

Test(domain_submissions, an_edit_is_audited_once_with_the_new_title)
{
	int64_t id = submit(TITLE, BODY);
	struct field_values v = editable(OTHER_TITLE, OTHER_BODY);
	cr_assert_eq(submissions_edit(store, id, &v, &editor, T0), STORE_OK);
	size_t n;
	struct audit_entry *e = audit_log(&n);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(e[0].detail, OTHER_TITLE);
}

Test(domain_submissions, rejecting_an_unknown_submission_writes_nothing)
{
	cr_assert_eq(submissions_reject(store, 999, "不符合要求", &editor, T0, NULL), STORE_NOT_FOUND);
	cr_assert_eq(audit_count(), 0);
}

Test(domain_submissions, approving_what_is_not_a_valid_article_writes_nothing)
{
	/* The form would refuse a control character in a title; one stored
	 * past the form must still not become an article. */
	struct submission bad = { .tracking_code = "ZS-AAAAA-AAAAA", .title = "标题\x01含控制字符", .body = BODY,
				  .contributor = "张三", .contact = "13812345678", .client_ip = "192.0.2.7" };
	int64_t id = 0, article_id = 0;
	cr_assert_eq(store_submission_insert(store, &bad, T0, &id), STORE_OK);
	cr_assert_eq(submissions_approve(store, id, &editor, T0, &article_id, &err, NULL), STORE_INVALID);
	cr_assert_gt(err.len, 0, "no reason given");
	cr_assert_eq(get(id).status, REVIEW_PENDING);
	int64_t articles = -1;
	cr_assert_eq(store_article_count(store, &articles), STORE_OK);
	cr_assert_eq(articles, 0);
	cr_assert_eq(audit_count(), 0);
}

Test(domain_submissions, a_decision_names_the_submission_waiting_first_next)
{
	int64_t a = submit(TITLE, BODY), b = submit(OTHER_TITLE, OTHER_BODY);
	int64_t next = -1, article_id;
	cr_assert_eq(submissions_approve(store, b, &editor, T0, &article_id, &err, &next), STORE_OK, "%s", buf_cstr(&err));
	cr_assert_eq(next, a, "the one still waiting");
	cr_assert_eq(submissions_reject(store, a, "不符合要求", &editor, T0 + 1, &next), STORE_OK);
	cr_assert_eq(next, 0, "none left");
}
