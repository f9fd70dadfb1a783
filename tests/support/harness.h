/* harness: what tests need around the real binary — temporary directories,
 * running commands, starting the server on a free port, and a raw HTTP client
 * (raw so tests can also send what no well-behaved client would). */
#ifndef ZS_TESTS_HARNESS_H
#define ZS_TESTS_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* The binary under test: $ZS_BIN, else build/release/zhaoshang. */
const char *zs_bin(void);
/* The seed listing file if this checkout has ../shared/seed, else NULL. */
const char *seed_path(void);
/* The seed if present, else the demo corpus's listing file. */
const char *seed_or_demo_path(void);

/* A new empty directory under $TMPDIR (or /tmp); removed by tmp_dir_remove. */
char *tmp_dir_new(void);
void tmp_dir_remove(char *dir);
/* Writes data to dir/name and returns the path (caller frees). */
char *write_file(const char *dir, const char *name, const char *data, size_t len);

struct run_result {
	int status; /* exit status, or 128 + signal */
	char *out;  /* standard output, NUL-terminated */
	char *err;  /* standard error, NUL-terminated */
};
/* Runs argv (argv[0] a path) with no input; waits at most 60 s. */
void run_cmd(const char *const argv[], struct run_result *r);
void run_result_free(struct run_result *r);

struct test_server {
	pid_t pid;
	int port;
	char *log_path; /* the server's stderr */
};
/* Starts "zhaoshang serve --db db --listen 127.0.0.1:0" and waits until it
 * says which port it took. Returns false (with the log on stderr) on failure. */
bool server_start(struct test_server *s, const char *db);
/* Sends SIGTERM and returns the exit status (0 on a clean stop). */
int server_stop(struct test_server *s);
/* The server's log so far (caller frees). */
char *server_log(const struct test_server *s);

struct http_reply {
	int status;       /* 0 if no status line came back */
	char *head;       /* status line and headers */
	char *body;       /* NUL-terminated for convenience */
	size_t body_len;
	size_t raw_len;   /* everything received */
};
/* Sends raw bytes and reads until the server closes (or 5 s pass). */
void http_raw(int port, const char *request, size_t len, struct http_reply *r);
/* A well-formed request with "Connection: close". */
void http_request(int port, const char *method, const char *path, struct http_reply *r);
/* GET path; when the reply is HTML, returns html_check()'s verdict on it
 * (NULL: well-formed or not HTML; else a description the caller frees). */
char *http_get_checked(int port, const char *path, struct http_reply *r);
/* The value of header name (case-insensitive) or NULL; caller frees. */
char *http_header(const struct http_reply *r, const char *name);
void http_reply_free(struct http_reply *r);

/* Checks that html is one well-formed document: every non-void element
 * closed in order, quotes balanced inside tags, nothing after </html>.
 * Returns NULL, or a description of the first problem (caller frees). */
char *html_check(const char *html);

/* Number of non-overlapping occurrences of needle in haystack. */
size_t count_of(const char *haystack, const char *needle);

/* printf into a new string (the caller frees); aborts on failure. */
char *fmt(const char *format, ...) __attribute__((format(printf, 1, 2)));
/* unit written times times, in a new string (the caller frees). */
char *repeat(const char *unit, size_t times);

#endif
