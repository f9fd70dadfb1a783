/* views_internal: what the page files share — page data and rendering. */
#ifndef ZS_VIEWS_INTERNAL_H
#define ZS_VIEWS_INTERNAL_H

#include <jansson.h>

#include "content/fields.h"
#include "store/articles.h"
#include "views/pagination.h"
#include "views/template.h"
#include "views/views.h"

/* The data every page's layout needs (site name, title, district menu).
 * current_district marks the menu entry for the page's channel, or NULL. */
struct tv *page_data(struct view *v, const char *title, const char *description, const char *current_district);

/* page_data for a staff page: its section of the staff menu marked
 * ("queue", "enterprises", "messages", "users" …) and notice (a fixed
 * sentence about the action just done, or NULL) shown. */
struct tv *page_staff_data(struct view *v, const char *title, const char *section, const char *notice);

/* The site's public address ("https://host", no trailing slash), and path
 * on it as an absolute URL in v's arena: for feeds, sitemaps, canonical
 * links — never taken from the request's Host, which anyone can forge. */
const char *page_base_url(void);
const char *page_site_name(void);
/* Who runs the site, as configured (strings "" when not set). */
const struct site_info *page_site_info(void);
const char *page_url(struct view *v, const char *path);

/* Marks the page's one URL for search engines (link rel=canonical,
 * og:url): path on this site, with the query that makes it distinct.
 * Pages that name none (searches, filtered lists, errors, forms behind
 * keys, staff pages) are marked noindex. */
void page_set_canonical(struct view *v, struct tv *data, const char *path);

/* Advertises a feed besides the site's own in the page head (one per page). */
void page_add_feed(struct tv *data, const char *title, const char *path);

/* An Atom feed (views/feeds.c): its title and subtitle, the paths of
 * itself and of the page it follows, and its entries, newest first,
 * whose excerpts are whole bodies. */
enum { FEED_ENTRIES = 50 };
struct atom_feed {
	const char *title, *subtitle;
	const char *self, *alternate; /* paths on this site, query included */
	const struct article_summary *items;
	size_t count;
};

/* Renders f as Atom into v->out (templates/feed.xml); changed_at dates a
 * feed without entries. 200, or 500. */
int page_render_feed(struct view *v, const struct atom_feed *f, int64_t changed_at);

/* How pages name each role of money ("投资", "产值/营收" …; "其他金额"). */
extern const char *const fact_role_labels[FACT_ROLE__MAX];

/* The first characters of text (an article's body) on one line, with "…"
 * when cut: list excerpts and page descriptions. In arena. */
const char *page_excerpt(struct arena *a, const char *text);

/* Renders template name with data into v->out. Returns 200, or 500 if the
 * template is missing (a build mistake, logged). */
int page_render(struct view *v, const char *name, const struct tv *data);

/* Fetches page (1-based) of the newest articles, of one district or all
 * (district NULL). Returns 200, 404 when the page is past the end, or 500. */
int page_list_articles(struct view *v, const char *district, long page, struct article_page *list,
		       struct pagination *p);

/* The same for one industry's articles. */
int page_list_industry(struct view *v, const char *industry, long page, struct article_page *list,
		       struct pagination *p);

/* Adds "articles" (with excerpts and district tags) and "pagination" to
 * data; base_url as for page_add_pagination. */
void page_add_article_list(struct view *v, struct tv *data, const struct article_page *list,
			   const struct pagination *p, const char *base_url);

/* Adds "pagination" (nothing when there is one page); links are base_url
 * followed by "page=N", so base_url ends in '?' or '&'. */
void page_add_pagination(struct tv *data, const struct pagination *p, const char *base_url);

/* A number for JSON: whole ones (yuan, counts) as integers, since reals
 * are written to four significant digits (5e+07 for fifty million). */
json_t *page_json_number(double value);

/* A JSON string, or null for NULL or "" (a field not given). */
json_t *page_json_string(const char *s);

/* Adds a list named key of {text}, one for each non-empty line of text. */
void page_add_lines(struct view *v, struct tv *obj, const char *key, const char *text);

/* Adds "tabs": one {status, label, current} per review status, for a
 * staff queue showing current. */
void page_add_status_tabs(struct tv *data, const char *const labels[REVIEW__MAX], enum review_status current);

/* Appends obj to v->out as compact UTF-8 JSON and releases it. */
void page_emit_json(struct view *v, json_t *obj);

/* Adds "channels": every district with its number of articles. */
void page_add_channel_counts(struct view *v, struct tv *data);

/* Adds what templates/side.html shows beside the news: the week's most
 * read ("most_read", "has_most_read"), the district channels with their
 * counts and the industry channels. */
void page_add_side(struct view *v, struct tv *data);

/* Splits a comma-separated list of slugs, as the store returns tags, into
 * out (at most max); the strings live in arena. Returns the count. */
size_t page_split_slugs(struct arena *arena, const char *csv, const char **out, size_t max);

/* Adds a list named key of {slug, name} for comma-separated district slugs. */
void page_add_districts(struct tv *data, const char *key, const char *const *slugs, size_t n);

/* Forms (views/forms.c). Adds "f": for each rule's field name an object {value, error, max} from
 * values (empty when values is NULL), and "errors": the list of
 * {name, message} for a summary at the top of the form. */
void page_add_form(struct tv *data, const struct field_rule *rules, size_t n, const struct field_values *values);

/* Adds the <option> lists "district_options" and "industry_options" —
 * {slug, name, selected} — with the given slugs (or NULL) selected. */
void page_add_tag_options(struct tv *data, const char *district, const char *industry);

/* Adds "paragraphs": body (lines as stored) read as sections — each line a
 * paragraph, a leading 一、 or （一） heading split off as section or
 * subsection — for templates/sections.html. */
void page_add_sections(struct tv *data, const char *body);

/* Unix time t as Shanghai local "YYYY-MM-DD HH:MM", in arena; and the same
 * added to obj as "name". */
const char *page_time_text(struct arena *arena, int64_t t);
void page_put_time(struct view *v, struct tv *obj, const char *name, int64_t t);

/* Appends one CSV field and its separator (a comma, or CRLF when last):
 * quoted when it holds a comma, quote or line break, quotes doubled (RFC
 * 4180); a leading = + - @ is quoted with ' before it, so a spreadsheet
 * shows text instead of running a formula. NULL is an empty field. */
void page_csv_field(struct buf *out, const char *s, bool last);

#endif
