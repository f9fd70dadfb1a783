/* zhaoshang serve: run the web site. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/config.h"
#include "http/server.h"
#include "store/store.h"

static const unsigned serve_settings = CFG_BIT(CFG_DB) | CFG_BIT(CFG_LISTEN) | CFG_BIT(CFG_THREADS) |
				       CFG_BIT(CFG_ACCESS_LOG) | CFG_BIT(CFG_FORM_RATE) |
				       CFG_BIT(CFG_TRUSTED_PROXY) | CFG_BIT(CFG_BASE_URL) | CFG_BIT(CFG_SITEMAP_URLS) |
				       CFG_BIT(CFG_ORG_NAME) | CFG_BIT(CFG_ORG_ADDRESS) | CFG_BIT(CFG_ORG_PHONE) |
				       CFG_BIT(CFG_ORG_EMAIL) | CFG_BIT(CFG_ORG_HOURS) | CFG_BIT(CFG_READS_FLUSH);

int cmd_serve(int argc, char **argv)
{
	struct config cfg;
	struct buf err = { 0 };
	int npos;
	int rc = config_parse(&cfg, serve_settings, argc, argv, &npos, &err);
	if (rc == 0 && npos > 0) {
		buf_printf(&err, "多余的参数“%s”", argv[0]);
		rc = -1;
	}
	if (rc != 0) {
		FILE *out = rc == 1 ? stdout : stderr;
		if (rc < 0)
			fprintf(stderr, "zhaoshang serve: %s\n", buf_cstr(&err));
		fprintf(out, "用法：zhaoshang serve [--db PATH] [--listen HOST:PORT]\n"
			     "启动网站：首页、文章页、各区频道等。收到 SIGINT/SIGTERM 后处理完进行中的请求再退出。\n\n选项：\n");
		config_print_options(out, serve_settings);
		buf_free(&err);
		return rc == 1 ? 0 : EXIT_USAGE;
	}
	/* Articles tagged by older rules are tagged again before anyone sees
	 * their figures; a database that does not open is server_run's to report. */
	struct store *store;
	if (store_open(cfg.str[CFG_DB], &store, &err) == STORE_OK) {
		cli_retag_if_rules_changed(store, "serve");
		store_close(store);
	}
	buf_free(&err);
	struct server_options opts = {
		.db_path = cfg.str[CFG_DB],
		.listen = cfg.str[CFG_LISTEN],
		.threads = (unsigned)cfg.num[CFG_THREADS],
		.access_log = cfg.num[CFG_ACCESS_LOG] != 0,
		.form_rate = cfg.num[CFG_FORM_RATE],
		.trusted_proxy = strcmp(cfg.str[CFG_TRUSTED_PROXY], "none") ? cfg.str[CFG_TRUSTED_PROXY] : NULL,
		.base_url = strcmp(cfg.str[CFG_BASE_URL], "auto") ? cfg.str[CFG_BASE_URL] : NULL,
		.sitemap_urls = cfg.num[CFG_SITEMAP_URLS],
		.site = { .org_name = cfg.str[CFG_ORG_NAME],
			  .address = cfg.str[CFG_ORG_ADDRESS],
			  .phone = cfg.str[CFG_ORG_PHONE],
			  .email = cfg.str[CFG_ORG_EMAIL],
			  .hours = cfg.str[CFG_ORG_HOURS] },
		.reads_flush_seconds = cfg.num[CFG_READS_FLUSH],
	};
	return server_run(&opts) == 0 ? 0 : 1;
}
