/* fts: the FTS5 tokenizer interface over text/tokenizer. */
#include "store/fts.h"

#include "text/tokenizer.h"

struct fts_emit {
	void *ctx;
	int (*token)(void *ctx, int flags, const char *text, int len, int start, int end);
};

static int emit_token(void *ctx, const struct token *t)
{
	const struct fts_emit *e = ctx;
	return e->token(e->ctx, t->colocated ? FTS5_TOKEN_COLOCATED : 0, t->text, (int)t->len, (int)t->start,
			(int)t->end);
}

static int fts_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text, int len,
			int (*token)(void *ctx, int flags, const char *text, int len, int start, int end))
{
	(void)tok;
	struct fts_emit e = { ctx, token };
	/* Queries get the query form; documents, and highlight()/snippet()
	 * re-reading a document, get the indexed form. */
	enum token_mode mode = (flags & FTS5_TOKENIZE_QUERY) ? TOKENS_QUERY : TOKENS_INDEX;
	int rc = tokenize((struct str){ text, len > 0 ? (size_t)len : 0 }, mode, emit_token, &e);
	return rc == -1 ? SQLITE_ERROR : rc;
}

static int fts_create(void *ctx, const char **args, int nargs, Fts5Tokenizer **out)
{
	(void)ctx, (void)args, (void)nargs;
	static int instance; /* stateless: any non-NULL handle will do */
	*out = (Fts5Tokenizer *)&instance;
	return SQLITE_OK;
}

static void fts_delete(Fts5Tokenizer *tok)
{
	(void)tok;
}

static fts5_api *fts5_api_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api;
}

int fts_register_tokenizer(sqlite3 *db)
{
	if (tokenizer_init() != 0)
		return SQLITE_ERROR;
	fts5_api *api = fts5_api_of(db);
	if (!api)
		return SQLITE_ERROR;
	fts5_tokenizer t = { fts_create, fts_delete, fts_tokenize };
	return api->xCreateTokenizer(api, "zhaoshang", NULL, &t, NULL);
}
