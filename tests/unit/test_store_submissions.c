/* Unit tests for store/submissions: news submissions as stored — tracking
 * codes, editors' updates and decisions only while pending, listings by
 * status, and the search for near duplicates. */
#include <criterion/criterion.h>

#include "store/articles.h"
#include "store/submissions.h"
#include "store_fixture.h"

static struct store_fixture fx;
static struct store *store;
static struct arena *arena;
static const int64_t T0 = 1795795199; /* a fixed "now" */

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

TestSuite(store_submissions, .init = setup, .fini = teardown);

/* A submission as the form would give it, under tracking code code. */
static struct submission make(const char *code, const char *title)
{
	return (struct submission){ .tracking_code = code, .title = title, .body = "正文第一段。\n正文第二段。",
				    .district = "pudong", .industry = "ic", .source = "浦东新区投资促进服务中心",
				    .contributor = "张三", .contact = "13812345678", .client_ip = "192.0.2.7" };
}

static int64_t add(const char *code, const char *title, uint64_t simhash)
{
	struct submission sub = make(code, title);
	sub.simhash = simhash;
	int64_t id = 0;
	cr_assert_eq(store_submission_insert(store, &sub, T0, &id), STORE_OK, "%s", code);
	return id;
}

static struct submission get(int64_t id)
{
	struct submission sub;
	cr_assert_eq(store_submission_get(store, id, arena, &sub), STORE_OK, "submission %lld", (long long)id);
	return sub;
}

static int64_t total(enum review_status status)
{
	struct submission *list;
	size_t n;
	int64_t t = -1;
	cr_assert_eq(store_submissions_list(store, status, 0, 10, arena, &list, &n, &t), STORE_OK);
	return t;
}

static int64_t add_article(const char *title, uint64_t simhash)
{
	struct article a = fixture_article(title, "正文。", "2025-01-01");
	a.simhash = simhash;
	return fixture_insert_article(store, &a);
}

/* ---- insert and find ---- */

Test(store_submissions, a_taken_tracking_code_is_a_duplicate_and_writes_nothing)
{
	int64_t first = add("ZS-AAAAA-AAAAA", "第一篇", 0);
	struct submission again = make("ZS-AAAAA-AAAAA", "第二篇");
	int64_t id = -1;
	cr_assert_eq(store_submission_insert(store, &again, T0 + 1, &id), STORE_DUPLICATE);
	cr_assert_eq(total(REVIEW_PENDING), 1);
	cr_assert_str_eq(get(first).title, "第一篇");
}

Test(store_submissions, a_code_finds_its_own_submission_only)
{
	int64_t a = add("ZS-AAAAA-AAAAA", "第一篇", 0), b = add("ZS-BBBBB-BBBBB", "第二篇", 0);
	struct submission sub;
	cr_assert_eq(store_submission_by_code(store, "ZS-BBBBB-BBBBB", arena, &sub), STORE_OK);
	cr_assert_eq(sub.id, b);
	cr_assert_str_eq(sub.title, "第二篇");
	cr_assert_eq(store_submission_by_code(store, "ZS-AAAAA-AAAAA", arena, &sub), STORE_OK);
	cr_assert_eq(sub.id, a);
	cr_assert_eq(store_submission_by_code(store, "zs-aaaaa-aaaaa", arena, &sub), STORE_NOT_FOUND,
		     "codes are stored canonical; reading a typed one is content/submission.h's job");
}

Test(store_submissions, a_new_submission_is_pending_with_what_was_sent)
{
	struct submission sub = get(add("ZS-AAAAA-AAAAA", "第一篇", 0x1234));
	cr_assert_eq(sub.status, REVIEW_PENDING);
	cr_assert_str_eq(sub.tracking_code, "ZS-AAAAA-AAAAA");
	cr_assert_str_eq(sub.body, "正文第一段。\n正文第二段。");
	cr_assert_str_eq(sub.district, "pudong");
	cr_assert_str_eq(sub.industry, "ic");
	cr_assert_str_eq(sub.contributor, "张三");
	cr_assert_str_eq(sub.client_ip, "192.0.2.7");
	cr_assert_eq(sub.created_at, T0);
	cr_assert_eq(sub.updated_at, T0);
	cr_assert_eq(sub.near_article_id, 0);
	cr_assert_eq(sub.near_submission_id, 0);
	cr_assert_null(sub.reason);
}

/* ---- update ---- */

Test(store_submissions, an_update_changes_a_pending_submissions_text_and_tags)
{
	int64_t article = add_article("相近的文章", 0);
	int64_t id = add("ZS-AAAAA-AAAAA", "第一篇", 0);
	struct submission sub = get(id);
	sub.title = "改过的标题";
	sub.body = "改过的正文。";
	sub.district = "xuhui";
	sub.industry = "finance";
	sub.source = NULL;
	sub.near_article_id = article;
	sub.near_distance = 3;
	cr_assert_eq(store_submission_update(store, &sub, T0 + 60), STORE_OK);
	struct submission back = get(id);
	cr_assert_str_eq(back.title, "改过的标题");
	cr_assert_str_eq(back.body, "改过的正文。");
	cr_assert_str_eq(back.district, "xuhui");
	cr_assert_str_eq(back.industry, "finance");
	cr_assert_null(back.source);
	cr_assert_eq(back.near_article_id, article);
	cr_assert_eq(back.near_distance, 3);
	cr_assert_str_eq(back.near_article_title, "相近的文章");
	cr_assert_eq(back.updated_at, T0 + 60);
	cr_assert_eq(back.created_at, T0);
	cr_assert_str_eq(back.contributor, "张三", "not an editor's to change");
	cr_assert_eq(back.status, REVIEW_PENDING);
}

Test(store_submissions, an_update_after_a_decision_is_not_found)
{
	int64_t article = add_article("已发布", 0);
	int64_t approved = add("ZS-AAAAA-AAAAA", "已通过", 0), rejected = add("ZS-BBBBB-BBBBB", "已退回", 0);
	cr_assert_eq(store_submission_decide(store, approved, REVIEW_APPROVED, NULL, article, T0), STORE_OK);
	cr_assert_eq(store_submission_decide(store, rejected, REVIEW_REJECTED, "不符合要求", 0, T0), STORE_OK);
	int64_t ids[] = { approved, rejected };
	for (size_t i = 0; i < 2; i++) {
		struct submission sub = get(ids[i]);
		const char *title = sub.title;
		sub.title = "改过的标题";
		cr_assert_eq(store_submission_update(store, &sub, T0 + 1), STORE_NOT_FOUND, "case %zu", i);
		cr_assert_str_eq(get(ids[i]).title, title);
	}
	struct submission unknown = make("ZS-CCCCC-CCCCC", "无此稿件");
	unknown.id = 999;
	cr_assert_eq(store_submission_update(store, &unknown, T0), STORE_NOT_FOUND);
}

/* ---- decide ---- */

Test(store_submissions, approving_links_the_article_it_became)
{
	int64_t article = add_article("已发布", 0);
	int64_t id = add("ZS-AAAAA-AAAAA", "第一篇", 0);
	cr_assert_eq(store_submission_decide(store, id, REVIEW_APPROVED, NULL, article, T0 + 5), STORE_OK);
	struct submission sub = get(id);
	cr_assert_eq(sub.status, REVIEW_APPROVED);
	cr_assert_eq(sub.article_id, article);
	cr_assert_null(sub.reason);
	cr_assert_eq(sub.updated_at, T0 + 5);
}

Test(store_submissions, a_submission_is_decided_only_once)
{
	int64_t article = add_article("已发布", 0);
	int64_t id = add("ZS-AAAAA-AAAAA", "第一篇", 0);
	cr_assert_eq(store_submission_decide(store, id, REVIEW_REJECTED, "不符合要求", 0, T0), STORE_OK);
	cr_assert_eq(store_submission_decide(store, id, REVIEW_APPROVED, NULL, article, T0 + 1), STORE_NOT_FOUND);
	cr_assert_eq(store_submission_decide(store, id, REVIEW_REJECTED, "再次退回", 0, T0 + 2), STORE_NOT_FOUND);
	struct submission sub = get(id);
	cr_assert_eq(sub.status, REVIEW_REJECTED);
	cr_assert_str_eq(sub.reason, "不符合要求");
	cr_assert_eq(sub.article_id, 0);
	cr_assert_eq(sub.updated_at, T0);
	cr_assert_eq(store_submission_decide(store, 999, REVIEW_REJECTED, "无此稿件", 0, T0), STORE_NOT_FOUND);
}

/* ---- listing ---- */

Test(store_submissions, each_status_is_counted_apart_and_pages_end)
{
	add("ZS-AAAAA-AAAAA", "甲", 0);
	int64_t b = add("ZS-BBBBB-BBBBB", "乙", 0);
	add("ZS-CCCCC-CCCCC", "丙", 0);
	cr_assert_eq(store_submission_decide(store, b, REVIEW_REJECTED, "不符合要求", 0, T0), STORE_OK);
	cr_assert_eq(total(REVIEW_PENDING), 2);
	cr_assert_eq(total(REVIEW_REJECTED), 1);
	cr_assert_eq(total(REVIEW_APPROVED), 0);
	struct submission *list;
	size_t n = 99;
	int64_t t = -1;
	cr_assert_eq(store_submissions_list(store, REVIEW_PENDING, 5, 10, arena, &list, &n, &t), STORE_OK);
	cr_assert_eq(n, 0);
	cr_assert_eq(t, 2);
}

/* ---- near duplicates ---- */

Test(store_submissions, the_nearest_article_and_submission_within_the_distance_are_found)
{
	/* Distances from simhash 0 are the number of bits set. */
	int64_t near_article = add_article("近的文章", 0x7);
	add_article("远的文章", 0xffff);
	int64_t s1 = add("ZS-AAAAA-AAAAA", "近的稿件", 0x1);
	int64_t s2 = add("ZS-BBBBB-BBBBB", "已通过的稿件", 0x0);
	int64_t s3 = add("ZS-CCCCC-CCCCC", "已退回的稿件", 0x3);
	cr_assert_eq(store_submission_decide(store, s2, REVIEW_APPROVED, NULL, near_article, T0), STORE_OK);
	cr_assert_eq(store_submission_decide(store, s3, REVIEW_REJECTED, "重复", 0, T0), STORE_OK);

	int64_t article = -1, submission = -1;
	int distance = -1;
	cr_assert_eq(store_near_duplicates(store, 0, 4, 0, &article, &submission, &distance), STORE_OK);
	cr_assert_eq(article, near_article);
	cr_assert_eq(submission, s1, "an approved submission is its article, not a submission");
	cr_assert_eq(distance, 1, "the nearer of the two");

	cr_assert_eq(store_near_duplicates(store, 0, 4, s1, &article, &submission, &distance), STORE_OK);
	cr_assert_eq(submission, s3, "a rejected submission still counts; the excluded one does not");
	cr_assert_eq(distance, 2);
}

Test(store_submissions, nothing_beyond_the_distance_is_near)
{
	add_article("文章", 0x7);
	int64_t s1 = add("ZS-AAAAA-AAAAA", "稿件", 0x3);
	int64_t article = -1, submission = -1;
	int distance = -1;
	cr_assert_eq(store_near_duplicates(store, 0, 1, 0, &article, &submission, &distance), STORE_OK);
	cr_assert_eq(article, 0);
	cr_assert_eq(submission, 0);
	cr_assert_eq(store_near_duplicates(store, 0x3, 0, s1, &article, &submission, &distance), STORE_OK);
	cr_assert_eq(submission, 0, "a submission is not near itself");
}
