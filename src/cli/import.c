/* zhaoshang import: load listing text or JSON Lines files into the database. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/config.h"
#include "domain/import.h"
#include "store/store.h"

static void usage(FILE *out)
{
	fprintf(out, "用法：zhaoshang import [--db PATH] FILE...\n"
		     "导入新闻文件：.txt 为列表格式（以单独一行“-”分隔，标题、正文、YYYY-MM-DD 日期），\n"
		     ".jsonl 为 JSON Lines（每行一个含 title、body、date 的对象，可选 source、url、district）。\n"
		     "每个文件要么全部导入，要么（有任何错误时）完全不导入；重复内容自动跳过。\n\n选项：\n");
	config_print_options(out, CFG_BIT(CFG_DB));
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

int cmd_import(int argc, char **argv)
{
	struct config cfg;
	struct buf err = { 0 };
	int nfiles, status = 0;
	int rc = config_parse(&cfg, CFG_BIT(CFG_DB), argc, argv, &nfiles, &err);
	if (rc != 0 || nfiles == 0) {
		if (rc < 0)
			fprintf(stderr, "zhaoshang import: %s\n", buf_cstr(&err));
		else if (rc == 0)
			fprintf(stderr, "zhaoshang import: 请指定要导入的文件\n");
		usage(rc == 1 ? stdout : stderr);
		buf_free(&err);
		return rc == 1 ? 0 : EXIT_USAGE;
	}

	struct store *store;
	if (store_open(cfg.str[CFG_DB], &store, &err) != STORE_OK) {
		fprintf(stderr, "zhaoshang import: %s\n", buf_cstr(&err));
		buf_free(&err);
		return 1;
	}
	cli_retag_if_rules_changed(store, "import");
	bool progress = isatty(STDERR_FILENO);
	for (int i = 0; i < nfiles; i++) {
		struct import_result r;
		struct timespec t0;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		buf_reset(&err);
		if (import_file(store, argv[i], progress, &r, &err) < 0) {
			fputs(buf_cstr(&err), stderr);
			status = 1;
			continue;
		}
		double secs = seconds_since(&t0);
		size_t seen = r.added + r.duplicates;
		printf("%s：新增 %zu 篇，重复跳过 %zu 篇（%.2f 秒，%.0f 篇/秒）\n", argv[i], r.added, r.duplicates,
		       secs, secs > 0 ? (double)seen / secs : 0.0);
	}
	store_close(store);
	buf_free(&err);
	return status;
}
