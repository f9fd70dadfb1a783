/* Unit tests for store/store: the database's own facts — values kept about
 * it, the content version that dates cached pages, what it holds — and the
 * names of review statuses. */
#include <criterion/criterion.h>
#include <string.h>

#include "store/messages.h"
#include "store/store.h"
#include "store/submissions.h"
#include "store_fixture.h"

static struct store_fixture fx;

static void setup(void)
{
	store_fixture_open(&fx);
}

static void teardown(void)
{
	store_fixture_close(&fx);
}

TestSuite(store, .init = setup, .fini = teardown);

Test(store, a_meta_value_is_set_once_and_kept)
{
	const char *value;
	cr_assert_eq(store_meta_get(fx.store, "colour", fx.arena, &value), STORE_NOT_FOUND);
	cr_assert_eq(store_meta_add(fx.store, "colour", "red"), STORE_OK);
	cr_assert_eq(store_meta_add(fx.store, "colour", "blue"), STORE_OK, "adding again is no error");
	cr_assert_eq(store_meta_get(fx.store, "colour", fx.arena, &value), STORE_OK);
	cr_assert_str_eq(value, "red", "the first value stays");
}

Test(store, the_content_version_moves_with_articles_and_not_with_pending_work)
{
	int64_t v0, v1, v2, at;
	cr_assert_eq(store_content_version(fx.store, &v0, &at), STORE_OK);
	struct article a = fixture_article("浦东新区签约", "浦东新区今日签约。", "2026-01-02");
	fixture_insert_article(fx.store, &a);
	cr_assert_eq(store_content_version(fx.store, &v1, &at), STORE_OK);
	cr_assert_gt(v1, v0, "a new article changes what public pages show");
	cr_assert_gt(at, 0);
	struct submission sub = { .tracking_code = "ZS-AAAAA-BBBBB", .title = "投稿", .body = "正文。",
				  .contributor = "某人", .contact = "13812345678", .client_ip = "192.0.2.1" };
	int64_t id;
	cr_assert_eq(store_submission_insert(fx.store, &sub, 1, &id), STORE_OK);
	cr_assert_eq(store_content_version(fx.store, &v2, &at), STORE_OK);
	cr_assert_eq(v2, v1, "a pending submission is not public");
}

Test(store, site_counts_count_each_thing_by_status)
{
	struct article a = fixture_article("静安区推介会", "静安区举办推介会。", "2026-01-03");
	fixture_insert_article(fx.store, &a);
	struct submission sub = { .tracking_code = "ZS-CCCCC-DDDDD", .title = "投稿", .body = "正文。",
				  .contributor = "某人", .contact = "13812345678", .client_ip = "192.0.2.1" };
	int64_t id;
	cr_assert_eq(store_submission_insert(fx.store, &sub, 1, &id), STORE_OK);
	struct enterprise e = fixture_enterprise("上海某有限公司", "91310115MA1K3GA78N");
	fixture_insert_enterprise(fx.store, &e, 7, 1);
	struct message m = { .name = "王", .contact = "13812345678", .message = "你好", .client_ip = "192.0.2.1" };
	cr_assert_eq(store_message_insert(fx.store, &m, 1, &id), STORE_OK);
	struct site_counts c;
	cr_assert_eq(store_site_counts(fx.store, &c), STORE_OK);
	cr_assert_eq(c.articles, 1);
	cr_assert_eq(c.submissions[REVIEW_PENDING], 1);
	cr_assert_eq(c.submissions[REVIEW_APPROVED] + c.submissions[REVIEW_REJECTED], 0);
	cr_assert_eq(c.enterprises[REVIEW_PENDING], 1);
	cr_assert_eq(c.messages_unhandled, 1);
}

Test(store, review_statuses_are_named_as_stored_and_nothing_else_is_one)
{
	for (int i = 0; i < REVIEW__MAX; i++)
		cr_assert_eq(review_status_from_name(review_status_names[i]), (enum review_status)i);
	cr_assert_str_eq(review_status_names[REVIEW_PENDING], "pending");
	cr_assert_eq(review_status_from_name("Pending"), REVIEW__MAX);
	cr_assert_eq(review_status_from_name(""), REVIEW__MAX);
	cr_assert_eq(review_status_from_name(NULL), REVIEW__MAX);
}

Test(store, a_live_database_answers_a_ping)
{
	cr_assert(store_ping(fx.store));
}
