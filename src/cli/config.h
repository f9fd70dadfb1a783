/* config: every setting declared once — flag, environment variable, default,
 * bounds and help — and parsed from the command line and the environment. */
#ifndef ZS_CLI_CONFIG_H
#define ZS_CLI_CONFIG_H

#include <stdio.h>

#include "util/buf.h"

enum config_key {
	CFG_DB,         /* --db, ZHAOSHANG_DB */
	CFG_LISTEN,     /* --listen, ZHAOSHANG_LISTEN */
	CFG_THREADS,    /* --threads, ZHAOSHANG_THREADS */
	CFG_ACCESS_LOG, /* --access-log, ZHAOSHANG_ACCESS_LOG */
	CFG_ROLE,       /* --role, ZHAOSHANG_ROLE (user add) */
	CFG_FORM_RATE,  /* --form-rate, ZHAOSHANG_FORM_RATE */
	CFG_TRUSTED_PROXY, /* --trusted-proxy, ZHAOSHANG_TRUSTED_PROXY */
	CFG_BASE_URL,   /* --base-url, ZHAOSHANG_BASE_URL */
	CFG_SITEMAP_URLS, /* --sitemap-urls, ZHAOSHANG_SITEMAP_URLS */
	CFG_ORG_NAME,   /* --org-name, ZHAOSHANG_ORG_NAME: who runs the site (主办单位) */
	CFG_ORG_ADDRESS, /* --org-address, ZHAOSHANG_ORG_ADDRESS */
	CFG_ORG_PHONE,  /* --org-phone, ZHAOSHANG_ORG_PHONE */
	CFG_ORG_EMAIL,  /* --org-email, ZHAOSHANG_ORG_EMAIL */
	CFG_ORG_HOURS,  /* --org-hours, ZHAOSHANG_ORG_HOURS */
	CFG_READS_FLUSH, /* --reads-flush, ZHAOSHANG_READS_FLUSH: seconds between writes of counted reads */
	CFG__MAX
};

#define CFG_BIT(k) (1u << (k))

struct config {
	const char *str[CFG__MAX]; /* every value as text (static or argv storage) */
	long num[CFG__MAX];        /* the number, for integer and boolean settings */
};

/* Fills cfg from defaults, then the environment, then argv (--name VALUE or
 * --name=VALUE) for the settings in mask. Positional arguments are moved to
 * the front of argv and counted in *npositional. Returns 0, 1 when --help was
 * asked for, or -1 with a Chinese message in err. */
int config_parse(struct config *cfg, unsigned mask, int argc, char **argv, int *npositional, struct buf *err)
	__attribute__((warn_unused_result));

/* Prints the option lines for the settings in mask. */
void config_print_options(FILE *out, unsigned mask);

#endif
