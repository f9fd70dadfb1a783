/* config: the settings table and its parser (after redis's static_configs[]). */
#include "cli/config.h"

#include <stdlib.h>
#include <string.h>

#include "util/str.h"
#include "util/utf8.h"

/* A STRING may not be empty; a TEXT, shown to people, may (then it is not
 * shown), and has at most TEXT_MAX_CHARS characters of UTF-8 without
 * control characters. */
enum config_type { CFG_TYPE_STRING, CFG_TYPE_INT, CFG_TYPE_BOOL, CFG_TYPE_TEXT };
enum { TEXT_MAX_CHARS = 200 };

struct config_def {
	const char *flag; /* "--db" */
	const char *env;  /* "ZHAOSHANG_DB" */
	enum config_type type;
	const char *def;
	long min, max; /* for integers */
	const char *metavar;
	const char *help;
};

static const struct config_def defs[CFG__MAX] = {
	[CFG_DB] = { "--db", "ZHAOSHANG_DB", CFG_TYPE_STRING, "data/zhaoshang.db", 0, 0, "PATH",
		     "SQLite 数据库文件" },
	[CFG_LISTEN] = { "--listen", "ZHAOSHANG_LISTEN", CFG_TYPE_STRING, "127.0.0.1:8080", 0, 0, "HOST:PORT",
			 "监听地址；端口为 0 时自动选择空闲端口" },
	[CFG_THREADS] = { "--threads", "ZHAOSHANG_THREADS", CFG_TYPE_INT, "0", 0, 256, "N",
			  "工作线程数，0 表示与 CPU 核数相同" },
	[CFG_ACCESS_LOG] = { "--access-log", "ZHAOSHANG_ACCESS_LOG", CFG_TYPE_BOOL, "on", 0, 1, "on|off",
			     "是否在标准错误输出访问日志" },
	[CFG_ROLE] = { "--role", "ZHAOSHANG_ROLE", CFG_TYPE_STRING, "editor", 0, 0, "admin|editor",
		       "账号角色：admin 可管理编辑账号，editor 负责审核" },
	[CFG_FORM_RATE] = { "--form-rate", "ZHAOSHANG_FORM_RATE", CFG_TYPE_INT, "30", 1, 1000000, "N",
			    "同一 IP 每小时最多提交公开表单（投稿等）的次数" },
	[CFG_TRUSTED_PROXY] = { "--trusted-proxy", "ZHAOSHANG_TRUSTED_PROXY", CFG_TYPE_STRING, "none", 0, 0, "ADDRESS",
				"前置反向代理的地址：来自它的请求以 X-Forwarded-For 的最后一个地址为客户地址；none 表示没有" },
	[CFG_BASE_URL] = { "--base-url", "ZHAOSHANG_BASE_URL", CFG_TYPE_STRING, "auto", 0, 0, "URL",
			   "网站对外的地址（如 https://zhaoshang.example.cn），用于订阅源、站点地图和规范链接；auto 表示 http://监听地址" },
	[CFG_SITEMAP_URLS] = { "--sitemap-urls", "ZHAOSHANG_SITEMAP_URLS", CFG_TYPE_INT, "50000", 1, 50000, "N",
			       "每个站点地图文件最多列出的网址数；超过时 /sitemap.xml 改为站点地图索引" },
	[CFG_ORG_NAME] = { "--org-name", "ZHAOSHANG_ORG_NAME", CFG_TYPE_TEXT, "上海招商资讯", 0, 0, "TEXT",
			   "主办单位，显示在页脚和“联系我们”页" },
	[CFG_ORG_ADDRESS] = { "--org-address", "ZHAOSHANG_ORG_ADDRESS", CFG_TYPE_TEXT, "", 0, 0, "TEXT",
			      "办公地址；为空则不显示" },
	[CFG_ORG_PHONE] = { "--org-phone", "ZHAOSHANG_ORG_PHONE", CFG_TYPE_TEXT, "", 0, 0, "TEXT",
			    "联系电话；为空则不显示" },
	[CFG_ORG_EMAIL] = { "--org-email", "ZHAOSHANG_ORG_EMAIL", CFG_TYPE_TEXT, "", 0, 0, "TEXT",
			    "电子邮箱；为空则不显示" },
	[CFG_ORG_HOURS] = { "--org-hours", "ZHAOSHANG_ORG_HOURS", CFG_TYPE_TEXT, "", 0, 0, "TEXT",
			    "办公时间，如“工作日 9:00–17:30”；为空则不显示" },
	[CFG_READS_FLUSH] = { "--reads-flush", "ZHAOSHANG_READS_FLUSH", CFG_TYPE_INT, "60", 0, 3600, "SECONDS",
			      "阅读次数（热点）和搜索词统计攒多少秒写入一次数据库；0 表示每次立即写入" },
};

static int set_value(struct config *cfg, enum config_key k, const char *value, const char *origin,
		     struct buf *err)
{
	const struct config_def *d = &defs[k];
	long n = 0;
	switch (d->type) {
	case CFG_TYPE_STRING:
		if (!*value) {
			buf_printf(err, "%s 不能为空", origin);
			return -1;
		}
		break;
	case CFG_TYPE_INT:
		if (!str_to_long(str_from(value), d->min, d->max, &n)) {
			buf_printf(err, "%s 应为 %ld 到 %ld 之间的整数，而不是“%s”", origin, d->min, d->max, value);
			return -1;
		}
		break;
	case CFG_TYPE_TEXT: {
		size_t len = strlen(value), bad;
		if (!utf8_valid(value, len, &bad) || utf8_length(value, len) > TEXT_MAX_CHARS) {
			buf_printf(err, "%s 应为不超过 %d 个字符的 UTF-8 文本", origin, TEXT_MAX_CHARS);
			return -1;
		}
		for (const char *p = value; *p; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f) {
				buf_printf(err, "%s 不能含有控制字符", origin);
				return -1;
			}
		break;
	}
	case CFG_TYPE_BOOL:
		if (!strcmp(value, "on") || !strcmp(value, "1") || !strcmp(value, "true")) {
			n = 1;
		} else if (!strcmp(value, "off") || !strcmp(value, "0") || !strcmp(value, "false")) {
			n = 0;
		} else {
			buf_printf(err, "%s 应为 on 或 off，而不是“%s”", origin, value);
			return -1;
		}
		break;
	}
	cfg->str[k] = value;
	cfg->num[k] = n;
	return 0;
}

int config_parse(struct config *cfg, unsigned mask, int argc, char **argv, int *npositional, struct buf *err)
{
	for (int k = 0; k < CFG__MAX; k++) {
		const char *env = getenv(defs[k].env);
		if (set_value(cfg, k, defs[k].def, defs[k].flag, err) < 0)
			return -1;
		if ((mask & CFG_BIT(k)) && env && set_value(cfg, k, env, defs[k].env, err) < 0)
			return -1;
	}
	int npos = 0;
	bool only_positional = false;
	for (int i = 0; i < argc; i++) {
		char *arg = argv[i];
		if (only_positional || arg[0] != '-' || arg[1] == '\0') {
			argv[npos++] = arg;
			continue;
		}
		if (!strcmp(arg, "--")) {
			only_positional = true;
			continue;
		}
		if (!strcmp(arg, "--help") || !strcmp(arg, "-h"))
			return 1;
		int k;
		size_t flag_len = strcspn(arg, "=");
		for (k = 0; k < CFG__MAX; k++)
			if ((mask & CFG_BIT(k)) && strlen(defs[k].flag) == flag_len &&
			    !strncmp(arg, defs[k].flag, flag_len))
				break;
		if (k == CFG__MAX) {
			buf_printf(err, "未知选项 %.*s", (int)flag_len, arg);
			return -1;
		}
		const char *value;
		if (arg[flag_len] == '=') {
			value = arg + flag_len + 1;
		} else if (i + 1 < argc) {
			value = argv[++i];
		} else {
			buf_printf(err, "选项 %s 需要一个值（%s）", defs[k].flag, defs[k].metavar);
			return -1;
		}
		if (set_value(cfg, k, value, defs[k].flag, err) < 0)
			return -1;
	}
	*npositional = npos;
	return 0;
}

void config_print_options(FILE *out, unsigned mask)
{
	for (int k = 0; k < CFG__MAX; k++) {
		if (!(mask & CFG_BIT(k)))
			continue;
		const struct config_def *d = &defs[k];
		char flag[64];
		snprintf(flag, sizeof(flag), "%s %s", d->flag, d->metavar);
		fprintf(out, "  %-24s %s（默认 %s；环境变量 %s）\n", flag, d->help, *d->def ? d->def : "空", d->env);
	}
}
