/* zhaoshang: one binary, dispatching to its subcommands. */
#include <locale.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"

static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{ "serve", cmd_serve, "启动网站服务" },
	{ "import", cmd_import, "导入新闻文件（列表文本 .txt 或 JSON Lines .jsonl）" },
	{ "user", cmd_user, "管理后台账号：user add NAME --role admin|editor" },
	{ "retag", cmd_retag, "按现行规则重新标注所有文章（区、行业、关键数据）" },
	{ "backup", cmd_backup, "在网站运行时备份数据库：backup DEST" },
};

static void usage(FILE *out)
{
	fprintf(out, "招商 Zhaoshang：上海招商引资资讯门户\n\n用法：zhaoshang COMMAND [选项]\n\n命令：\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\n每个命令都支持 --help。\n");
}

int main(int argc, char **argv)
{
	setlocale(LC_CTYPE, "C.UTF-8");
	if (sodium_init() < 0) {
		fprintf(stderr, "zhaoshang: libsodium 初始化失败\n");
		return 1;
	}
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 2, argv + 2);
	fprintf(stderr, "zhaoshang: 未知命令“%s”\n\n", argv[1]);
	usage(stderr);
	return EXIT_USAGE;
}
