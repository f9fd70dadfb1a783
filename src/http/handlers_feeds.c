/* handlers_feeds: Atom feeds, sitemaps and robots.txt. */
#include <string.h>

#include "http/handlers.h"
#include "util/str.h"
#include "views/feeds.h"
#include "views/pagination.h"

void handler_atom(struct response *res)
{
	res->content_type = "application/atom+xml; charset=utf-8";
	res->cache_control = "public, max-age=300";
}

static void feed(struct request *req, struct response *res, enum feed_kind kind)
{
	if (!handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_feed(&v, kind, req->params[0], req->content_changed_at);
	handler_atom(res);
}

void handle_feed(struct request *req, struct response *res)
{
	feed(req, res, FEED_SITE);
}

void handle_district_feed(struct request *req, struct response *res)
{
	feed(req, res, FEED_DISTRICT);
}

void handle_industry_feed(struct request *req, struct response *res)
{
	feed(req, res, FEED_INDUSTRY);
}

static void sitemap(struct request *req, struct response *res, long part)
{
	if (!handler_need_store(req, res))
		return;
	struct view v = handler_view(req, res);
	res->status = view_sitemap(&v, part, handler_sitemap_urls());
	res->content_type = "application/xml; charset=utf-8";
	res->cache_control = "public, max-age=3600";
}

void handle_sitemap(struct request *req, struct response *res)
{
	sitemap(req, res, 0);
}

void handle_sitemap_part(struct request *req, struct response *res)
{
	/* "N.xml", N from 1, written the one way. */
	const char *name = req->params[0];
	size_t digits = strspn(name, "0123456789");
	long part;
	if (digits == 0 || name[0] == '0' || strcmp(name + digits, ".xml") ||
	    !str_to_long((struct str){ name, digits }, 1, PAGE_MAX, &part)) {
		res->status = 404;
		return;
	}
	sitemap(req, res, part);
}

void handle_robots(struct request *req, struct response *res)
{
	struct view v = handler_view(req, res);
	view_robots(&v);
	res->status = 200;
	res->content_type = "text/plain; charset=utf-8";
	res->cache_control = "public, max-age=86400";
}
