/* admin: the sign-in page and the staff pages of no one family. notice is
 * a fixed Chinese sentence about the action just done, or NULL. */
#ifndef ZS_VIEWS_ADMIN_H
#define ZS_VIEWS_ADMIN_H

#include <stdint.h>

#include "views/views.h"

/* The sign-in page; error (Chinese) when the last attempt failed; next is
 * where to go after signing in. */
int view_login(struct view *v, const char *username, const char *error, const char *next);

int view_admin_audit(struct view *v, long page);
/* Account management (admins): error about the add form, values typed. */
int view_admin_users(struct view *v, const char *error, const char *name_typed, const char *notice);
int view_admin_banned_words(struct view *v, const char *notice);
/* An editor's form to correct an article's districts and industries. */
int view_admin_article_tags(struct view *v, int64_t id, const char *error);

#endif
