/* server: the HTTP server (GNU libmicrohttpd, a thread pool on epoll). */
#ifndef ZS_HTTP_SERVER_H
#define ZS_HTTP_SERVER_H

#include <stdbool.h>

#include "views/views.h"

struct server_options {
	const char *db_path;
	const char *listen;  /* "HOST:PORT"; port 0 picks a free one */
	unsigned threads;    /* 0: one per CPU */
	bool access_log;
	long form_rate;      /* posts of a public form per client per hour */
	const char *trusted_proxy; /* the reverse proxy's address, or NULL */
	const char *base_url; /* the site's public address, or NULL for http://listen */
	long sitemap_urls;    /* URLs per sitemap file */
	struct site_info site; /* who runs the site, as pages show it */
	long reads_flush_seconds; /* how often counted reads and searches are written (0: at once) */
};

/* Serves until SIGINT or SIGTERM, then stops accepting, lets requests in
 * flight finish (up to 5 seconds) and closes the database. Logs the
 * address it listens on ("listening on http://HOST:PORT/"). Returns 0, or -1
 * after logging why it could not start. */
int server_run(const struct server_options *opts);

#endif
