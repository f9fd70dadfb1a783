/* sitemap: public pages by kind for the sitemaps. */
#include "store/sitemap.h"

#include "store/store_internal.h"
#include "util/date.h"

enum store_rc store_sitemap_count(struct store *s, enum sitemap_kind kind, int64_t *n)
{
	enum store_statement which = kind == SITEMAP_ARTICLES ? STMT_SITEMAP_ARTICLES_COUNT : STMT_SITEMAP_ENTERPRISES_COUNT;
	return read_count(s, stmt_get(s, which), n, "count pages for the sitemap");
}

enum store_rc store_sitemap_rows(struct store *s, enum sitemap_kind kind, int64_t offset, int limit,
				 struct arena *arena, struct sitemap_row **out, size_t *n)
{
	sqlite3_stmt *st = stmt_get(s, kind == SITEMAP_ARTICLES ? STMT_SITEMAP_ARTICLES : STMT_SITEMAP_ENTERPRISES);
	sqlite3_bind_int(st, 1, limit);
	sqlite3_bind_int64(st, 2, offset);
	*out = ARENA_NEW_ARRAY(arena, struct sitemap_row, (size_t)limit);
	*n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < (size_t)limit) {
		(*out)[*n].id = sqlite3_column_int64(st, 0);
		if (kind == SITEMAP_ARTICLES) {
			(*out)[*n].lastmod = column_text(st, 1, arena); /* an article's own day */
		} else {
			char day[DATE_DAY_SIZE];
			date_shanghai_day(sqlite3_column_int64(st, 1), day);
			(*out)[*n].lastmod = arena_strdup(arena, day);
		}
		(*n)++;
	}
	stmt_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		log_db_error(s, "list pages for the sitemap");
		return STORE_ERROR;
	}
	return STORE_OK;
}
