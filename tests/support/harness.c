/* harness: process, file and socket plumbing for the tests. */
#include "harness.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "util/buf.h"

extern char **environ;

const char *zs_bin(void)
{
	const char *b = getenv("ZS_BIN");
	return b && *b ? b : "build/release/zhaoshang";
}

const char *seed_path(void)
{
	const char *p = getenv("ZS_SEED");
	if (!p || !*p)
		p = "../shared/seed/shanghai-invest-news.txt";
	return access(p, R_OK) == 0 ? p : NULL;
}

const char *seed_or_demo_path(void)
{
	const char *s = seed_path();
	return s ? s : "data/demo/articles.txt";
}

char *tmp_dir_new(void)
{
	const char *base = getenv("TMPDIR");
	char tmpl[4096];
	snprintf(tmpl, sizeof(tmpl), "%s/zhaoshang-test-XXXXXX", base && *base ? base : "/tmp");
	char *d = mkdtemp(tmpl);
	if (!d) {
		perror("mkdtemp");
		abort();
	}
	return strdup(d);
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

void tmp_dir_remove(char *dir)
{
	if (dir)
		nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

char *write_file(const char *dir, const char *name, const char *data, size_t len)
{
	char *path;
	if (asprintf(&path, "%s/%s", dir, name) < 0)
		abort();
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		abort();
	}
	return path;
}

static char *read_all_fd(int fd)
{
	size_t len = 0, cap = 4096;
	char *p = malloc(cap);
	ssize_t n;
	while ((n = read(fd, p + len, cap - len - 1)) > 0) {
		len += (size_t)n;
		if (cap - len < 2)
			p = realloc(p, cap *= 2);
	}
	p[len] = '\0';
	return p;
}

static char *read_file(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return strdup("");
	char *s = read_all_fd(fd);
	close(fd);
	return s;
}

void run_cmd(const char *const argv[], struct run_result *r)
{
	char *dir = tmp_dir_new();
	char out_path[4200], err_path[4200];
	snprintf(out_path, sizeof(out_path), "%s/out", dir);
	snprintf(err_path, sizeof(err_path), "%s/err", dir);
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	posix_spawn_file_actions_addopen(&fa, 2, err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	pid_t pid;
	int rc = posix_spawn(&pid, argv[0], &fa, NULL, (char *const *)argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	r->status = -1;
	if (rc == 0) {
		int st = 0;
		for (int waited = 0; waited < 60000; waited += 5) {
			if (waitpid(pid, &st, WNOHANG) == pid)
				break;
			if (waited + 5 >= 60000) {
				kill(pid, SIGKILL);
				waitpid(pid, &st, 0);
			}
			usleep(5000);
		}
		r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	}
	r->out = read_file(out_path);
	r->err = read_file(err_path);
	tmp_dir_remove(dir);
}

void run_result_free(struct run_result *r)
{
	free(r->out);
	free(r->err);
}

char *server_log(const struct test_server *s)
{
	return read_file(s->log_path);
}

bool server_start(struct test_server *s, const char *db)
{
	static int counter;
	if (asprintf(&s->log_path, "%s.server%d.log", db, counter++) < 0)
		abort();
	const char *argv[] = { zs_bin(), "serve", "--db", db, "--listen", "127.0.0.1:0", NULL };
	pid_t parent = getpid();
	s->pid = fork();
	if (s->pid < 0) {
		perror("fork");
		return false;
	}
	if (s->pid == 0) {
		/* A test that fails is ended before its teardown stops the server:
		 * make the server go with it rather than linger. */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (getppid() != parent)
			_exit(1);
		int in = open("/dev/null", O_RDONLY), out = open("/dev/null", O_WRONLY);
		int err = open(s->log_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (in < 0 || out < 0 || err < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0)
			_exit(127);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	for (int waited = 0; waited < 10000; waited += 10) {
		char *log = server_log(s);
		const char *at = strstr(log, "listening on http://127.0.0.1:");
		if (at) {
			s->port = atoi(at + strlen("listening on http://127.0.0.1:"));
			free(log);
			return s->port > 0;
		}
		int st;
		if (waitpid(s->pid, &st, WNOHANG) == s->pid) {
			fprintf(stderr, "server exited early:\n%s\n", log);
			free(log);
			s->pid = 0;
			return false;
		}
		free(log);
		usleep(10000);
	}
	fprintf(stderr, "server did not start within 10 s\n");
	return false;
}

int server_stop(struct test_server *s)
{
	int st = 0;
	if (s->pid > 0) {
		kill(s->pid, SIGTERM);
		waitpid(s->pid, &st, 0);
		s->pid = 0;
	}
	unlink(s->log_path);
	free(s->log_path);
	s->log_path = NULL;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

void http_raw(int port, const char *request, size_t len, struct http_reply *r)
{
	memset(r, 0, sizeof(*r));
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	size_t cap = 65536, got = 0;
	char *buf = malloc(cap);
	if (fd >= 0 && connect(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0) {
		size_t sent = 0;
		while (sent < len) {
			ssize_t n = send(fd, request + sent, len - sent, MSG_NOSIGNAL);
			if (n <= 0)
				break;
			sent += (size_t)n;
		}
		struct timespec t0, now;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		for (;;) {
			clock_gettime(CLOCK_MONOTONIC, &now);
			long left = 5000 - ((now.tv_sec - t0.tv_sec) * 1000 + (now.tv_nsec - t0.tv_nsec) / 1000000);
			struct pollfd pfd = { fd, POLLIN, 0 };
			if (left <= 0 || poll(&pfd, 1, (int)left) <= 0)
				break;
			if (cap - got < 4096)
				buf = realloc(buf, cap *= 2);
			ssize_t n = recv(fd, buf + got, cap - got - 1, 0);
			if (n <= 0)
				break;
			got += (size_t)n;
		}
	}
	if (fd >= 0)
		close(fd);
	buf[got] = '\0';
	r->raw_len = got;
	char *sep = strstr(buf, "\r\n\r\n");
	size_t head_len = sep ? (size_t)(sep - buf) : got;
	r->head = strndup(buf, head_len);
	size_t body_at = sep ? head_len + 4 : got;
	r->body_len = got - body_at;
	r->body = malloc(r->body_len + 1);
	memcpy(r->body, buf + body_at, r->body_len);
	r->body[r->body_len] = '\0';
	if (!strncmp(buf, "HTTP/1.", 7) && got > 12)
		r->status = atoi(buf + 9);
	free(buf);
}

void http_request(int port, const char *method, const char *path, struct http_reply *r)
{
	char req[8192];
	int n = snprintf(req, sizeof(req), "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", method,
			 path);
	http_raw(port, req, (size_t)n, r);
}

char *http_get_checked(int port, const char *path, struct http_reply *r)
{
	http_request(port, "GET", path, r);
	char *type = http_header(r, "Content-Type");
	char *problem = type && !strncmp(type, "text/html", 9) ? html_check(r->body) : NULL;
	free(type);
	return problem;
}

char *http_header(const struct http_reply *r, const char *name)
{
	size_t nlen = strlen(name);
	for (const char *line = r->head; line && *line;) {
		const char *eol = strstr(line, "\r\n");
		size_t llen = eol ? (size_t)(eol - line) : strlen(line);
		if (llen > nlen && line[nlen] == ':' && !strncasecmp(line, name, nlen)) {
			const char *v = line + nlen + 1;
			while (*v == ' ')
				v++;
			return strndup(v, (size_t)(line + llen - v));
		}
		line = eol ? eol + 2 : NULL;
	}
	return NULL;
}

void http_reply_free(struct http_reply *r)
{
	free(r->head);
	free(r->body);
	memset(r, 0, sizeof(*r));
}

size_t count_of(const char *haystack, const char *needle)
{
	size_t n = 0, nlen = strlen(needle);
	for (const char *p = haystack; (p = strstr(p, needle)); p += nlen)
		n++;
	return n;
}

static bool is_void_element(const char *name, size_t len)
{
	static const char *const voids[] = { "area", "base", "br", "col", "embed", "hr", "img",
					     "input", "link", "meta", "source", "track", "wbr" };
	for (size_t i = 0; i < sizeof(voids) / sizeof(voids[0]); i++)
		if (strlen(voids[i]) == len && !strncasecmp(name, voids[i], len))
			return true;
	return false;
}

char *html_check(const char *html)
{
	enum { DEPTH = 64 };
	const char *stack[DEPTH];
	size_t len[DEPTH], depth = 0;
	char *problem = NULL;
	const char *p = html;
	if (strncmp(p, "<!DOCTYPE html>", 15) != 0)
		return strdup("does not start with <!DOCTYPE html>");
	p += 15;
	while ((p = strchr(p, '<'))) {
		const char *end = p + 1;
		char quote = 0;
		for (; *end && (quote || *end != '>'); end++) {
			if (quote && *end == quote)
				quote = 0;
			else if (!quote && (*end == '"' || *end == '\''))
				quote = *end;
			else if (!quote && *end == '<')
				break;
		}
		if (*end != '>') {
			if (asprintf(&problem, "unterminated tag at offset %td", p - html) < 0)
				abort();
			return problem;
		}
		bool closing = p[1] == '/';
		const char *name = p + 1 + closing;
		size_t n = strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789");
		if (n == 0) {
			if (asprintf(&problem, "stray '<' at offset %td", p - html) < 0)
				abort();
			return problem;
		}
		if (closing) {
			if (depth == 0 || len[depth - 1] != n || strncmp(stack[depth - 1], name, n)) {
				if (asprintf(&problem, "</%.*s> at offset %td closes <%.*s>", (int)n, name, p - html,
					     depth ? (int)len[depth - 1] : 0, depth ? stack[depth - 1] : "") < 0)
					abort();
				return problem;
			}
			depth--;
		} else if (!is_void_element(name, n) && end[-1] != '/') {
			if (depth == DEPTH)
				return strdup("elements nested too deep");
			stack[depth] = name;
			len[depth++] = n;
		}
		p = end + 1;
		if (closing && n == 4 && !strncmp(name, "html", 4)) {
			if (strspn(p, " \r\n\t") != strlen(p))
				return strdup("text after </html>");
			break;
		}
	}
	if (depth) {
		if (asprintf(&problem, "<%.*s> is never closed", (int)len[depth - 1], stack[depth - 1]) < 0)
			abort();
		return problem;
	}
	return NULL;
}

char *fmt(const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	char *out;
	int n = vasprintf(&out, format, ap);
	va_end(ap);
	if (n < 0)
		abort();
	return out;
}

char *repeat(const char *unit, size_t times)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < times; i++)
		buf_puts(&b, unit);
	return buf_detach(&b);
}
