/* zhaoshang user add: create an editor or admin account. The password comes
 * from ZHAOSHANG_PASSWORD or one line of standard input, never from the
 * command line, where other users of the machine could read it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/config.h"
#include "domain/accounts.h"

static const unsigned user_settings = CFG_BIT(CFG_DB) | CFG_BIT(CFG_ROLE);

static void usage(FILE *out)
{
	fprintf(out, "用法：zhaoshang user add NAME --role admin|editor [--db PATH]\n"
		     "创建后台账号。密码取自环境变量 ZHAOSHANG_PASSWORD，否则从标准输入读一行\n"
		     "（在终端上输入时不回显）。密码至少 %d 个字符。\n\n选项：\n",
		AUTH_PASSWORD_MIN_CHARS);
	config_print_options(out, user_settings);
}

/* Reads one line of standard input into line (without its line end); on a
 * terminal, asks for it without echo. Returns its length, or -1. */
static long read_password(char *line, size_t size)
{
	struct termios saved, quiet;
	bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;
	if (tty) {
		fputs("密码：", stderr);
		quiet = saved;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	char *got = fgets(line, (int)size, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
		fputc('\n', stderr);
	}
	if (!got)
		return -1;
	size_t len = strcspn(line, "\r\n");
	line[len] = '\0';
	return (long)len;
}

int cmd_user(int argc, char **argv)
{
	struct config cfg;
	struct buf err = { 0 };
	int npos, status = 0;
	int rc = config_parse(&cfg, user_settings, argc, argv, &npos, &err);
	if (rc == 0 && (npos != 2 || strcmp(argv[0], "add"))) {
		buf_puts(&err, npos == 0 ? "请指定子命令 add 和用户名" : "用法有误：应为 user add NAME");
		rc = -1;
	}
	enum role role = rc == 0 ? auth_role_from_name(cfg.str[CFG_ROLE]) : ROLE__MAX;
	if (rc == 0 && role == ROLE__MAX) {
		buf_printf(&err, "角色应为 admin 或 editor，而不是“%s”", cfg.str[CFG_ROLE]);
		rc = -1;
	}
	if (rc != 0) {
		if (rc < 0)
			fprintf(stderr, "zhaoshang user: %s\n", buf_cstr(&err));
		usage(rc == 1 ? stdout : stderr);
		buf_free(&err);
		return rc == 1 ? 0 : EXIT_USAGE;
	}

	char line[AUTH_PASSWORD_MAX_BYTES + 2];
	const char *env = getenv("ZHAOSHANG_PASSWORD");
	struct str password;
	if (env) {
		password = str_from(env);
	} else {
		long len = read_password(line, sizeof(line));
		if (len < 0) {
			fprintf(stderr, "zhaoshang user: 没有读到密码（设置 ZHAOSHANG_PASSWORD 或从标准输入提供一行）\n");
			return 1;
		}
		password = (struct str){ line, (size_t)len };
	}
	struct store *store;
	if (store_open(cfg.str[CFG_DB], &store, &err) != STORE_OK) {
		fprintf(stderr, "zhaoshang user: %s\n", buf_cstr(&err));
		buf_free(&err);
		return 1;
	}
	if (accounts_create(store, str_from(argv[1]), role, password, NULL, (int64_t)time(NULL), &err) != STORE_OK) {
		fprintf(stderr, "zhaoshang user: %s\n", buf_cstr(&err));
		status = 1;
	} else {
		printf("已创建%s账号 %s\n", role == ROLE_ADMIN ? "管理员" : "编辑", argv[1]);
	}
	memset(line, 0, sizeof(line));
	store_close(store);
	buf_free(&err);
	return status;
}
