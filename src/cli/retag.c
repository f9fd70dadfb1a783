/* zhaoshang retag: tag every stored article again. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/config.h"
#include "domain/retag.h"

void cli_retag_if_rules_changed(struct store *s, const char *command)
{
	struct buf err = { 0 };
	struct retag_result r;
	bool retagged;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (retag_if_rules_changed(s, isatty(STDERR_FILENO), &retagged, &r, &err) < 0) {
		fprintf(stderr, "zhaoshang %s: %s；旧的标注仍在使用，下次启动时会再试\n", command, buf_cstr(&err));
	} else if (retagged) {
		clock_gettime(CLOCK_MONOTONIC, &t1);
		double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		fprintf(stderr, "zhaoshang %s: 标注规则已更新，重新标注了 %zu 篇文章（关键数据 %zu 条，%.2f 秒）\n", command,
			r.articles, r.facts, secs);
	}
	buf_free(&err);
}

int cmd_retag(int argc, char **argv)
{
	struct config cfg;
	struct buf err = { 0 };
	int npos;
	int rc = config_parse(&cfg, CFG_BIT(CFG_DB), argc, argv, &npos, &err);
	if (rc == 0 && npos > 0) {
		buf_printf(&err, "多余的参数“%s”", argv[0]);
		rc = -1;
	}
	if (rc != 0) {
		FILE *out = rc == 1 ? stdout : stderr;
		if (rc < 0)
			fprintf(stderr, "zhaoshang retag: %s\n", buf_cstr(&err));
		fprintf(out, "用法：zhaoshang retag [--db PATH]\n"
			     "按现行规则重新标注所有文章：所属区（或全市）、行业和关键数据（金额、数量、比例、年份）。\n"
			     "来源或编辑指定的区保持不变；全部完成或（出错时）全部不变。\n\n选项：\n");
		config_print_options(out, CFG_BIT(CFG_DB));
		buf_free(&err);
		return rc == 1 ? 0 : EXIT_USAGE;
	}
	struct store *store;
	if (store_open(cfg.str[CFG_DB], &store, &err) != STORE_OK) {
		fprintf(stderr, "zhaoshang retag: %s\n", buf_cstr(&err));
		buf_free(&err);
		return 1;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct retag_result r;
	int status = 0;
	if (retag_all(store, isatty(STDERR_FILENO), &r, &err) < 0) {
		fprintf(stderr, "zhaoshang retag: %s\n", buf_cstr(&err));
		status = 1;
	} else {
		clock_gettime(CLOCK_MONOTONIC, &t1);
		double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		printf("重新标注 %zu 篇文章：关键数据 %zu 条，全市性文章 %zu 篇（%.2f 秒，%.0f 篇/秒）\n", r.articles, r.facts,
		       r.citywide, secs, secs > 0 ? (double)r.articles / secs : 0.0);
	}
	store_close(store);
	buf_free(&err);
	return status;
}
