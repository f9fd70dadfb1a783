/* site: a running Zhaoshang for integration tests — a fresh database with
 * the demo articles, an editor "ed" and an admin "boss", the server on a
 * free port — and the steps of the submission workflow as assertions. */
#ifndef ZS_TESTS_SITE_H
#define ZS_TESTS_SITE_H

#include <stdbool.h>

#include "client.h"
#include "harness.h"

struct site {
	char *dir, *db;
	struct test_server server;
};

extern struct site site;
extern const char site_password[]; /* every account's */
extern const char site_body_text[]; /* a valid two-paragraph body */

/* Sets the site up with ZHAOSHANG_FORM_RATE form_rate; site_stop checks
 * the server stops cleanly and removes everything. */
void site_start(const char *form_rate);
void site_stop(void);
/* Starts the server again on the same database (after it was stopped). */
void site_restart(void);

/* Waits for the wall clock's next second: responses name no Last-Modified
 * during the second of a change, so a test that needs one waits out the
 * second of its fixture's import. */
void site_wait_next_second(void);
/* Imports files (NULL-terminated) into the database at db with the CLI,
 * asserting it succeeds. */
void import_into(const char *db, const char *const *files);

/* Creates an account with site_password. */
void site_add_user(const char *name, const char *role);

/* A valid submission's fields; NULL-terminated name, value pairs. */
#define SITE_SUBMISSION(csrf, title)                                                                       \
	(const char *[]){ "csrf_token", (csrf), "title", (title), "body", site_body_text, "district", "pudong", \
			  "industry", "nev", "source", "https://example.gov.cn/news/1", "contributor", "张三",           \
			  "contact", "13812345678", NULL }

/* Submits title as c; returns the tracking code (caller frees). */
char *site_submit(struct client *c, const char *title);
/* GETs path and asserts its status and well-formed HTML; the body (caller frees). */
char *site_page(struct client *c, const char *path, int status);
/* GETs path (asserting 200) and tells whether it contains text. */
bool site_page_has(struct client *c, const char *path, const char *text);
/* The id of the newest pending submission in the queue. */
long site_newest_in_queue(struct client *staff);
/* POSTs one field to path as signed-in staff, with the session's token;
 * returns the status. */
int site_staff_post(struct client *staff, const char *path, const char *name, const char *value);

/* Sends the contact form as c's visitor: the token, then fields (name,
 * value pairs, NULL-terminated). */
void site_contact_post(struct client *c, const char *const *fields, struct http_reply *reply);

/* Asserts that html holds none of the raw payloads the escaping tests
 * send (<script>alert, <img src=x …): where names the page. */
void site_assert_no_payload(const char *where, const char *html);

/* A client signed in as the site's editor "ed". */
void site_staff_login(struct client *staff);
/* The N of "共 N 家" (or 条) on a staff list page. */
long site_count_on(struct client *staff, const char *path);
/* The text of the message beside field (id="field-error") in html, or
 * NULL (the caller frees); and asserting that it holds part. */
char *site_field_error(const char *html, const char *field);
void site_assert_field_error(const char *html, const char *field, const char *part);

#endif
