/* tokenizer: one pass over the text, a code point at a time, with fast paths
 * for ASCII, full-width forms and CJK ideographs so ICU is called only for
 * the rare rest. */
#include "text/tokenizer.h"

#include <pthread.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>
#include <unicode/utrans.h>

#include "util/log.h"
#include "util/utf8.h"

/* Traditional to simplified for the ideographs most text uses. */
enum { HAN_FIRST = 0x3400, HAN_END = 0xA000 };
static uint16_t simplified[HAN_END - HAN_FIRST]; /* 0: unchanged */
/* Raise when the rules below change what text becomes which tokens. */
enum { TOKENIZER_RULES = 1 };
static char version[64];
static const UNormalizer2 *nfkc_cf;
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static int init_status;

/* True when c is in GB 2312, the simplified-Chinese character set: such a
 * character is simplified text in its own right (著名, 乾坤, 於是) even where
 * ICU would map it as traditional, so it is left alone. */
static bool is_simplified_text(UConverter *gb2312, UChar32 c)
{
	UChar src[2];
	int32_t len = 0;
	char out[8];
	UErrorCode e = U_ZERO_ERROR;
	U16_APPEND_UNSAFE(src, len, c);
	ucnv_reset(gb2312);
	ucnv_fromUChars(gb2312, out, sizeof(out), src, len, &e);
	return U_SUCCESS(e);
}

static void build_tables(void)
{
	UErrorCode e = U_ZERO_ERROR;
	nfkc_cf = unorm2_getNFKCCasefoldInstance(&e);
	UTransliterator *t = utrans_openU(u"Traditional-Simplified", -1, UTRANS_FORWARD, NULL, 0, NULL, &e);
	UConverter *gb2312 = ucnv_open("GB2312", &e);
	if (U_SUCCESS(e))
		ucnv_setFromUCallBack(gb2312, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &e);
	if (U_FAILURE(e)) {
		log_error("ICU: cannot load normalisation data: %s", u_errorName(e));
		init_status = -1;
		return;
	}
	for (UChar32 c = HAN_FIRST; c < HAN_END; c++) {
		UChar buf[8];
		int32_t len = 0, limit;
		U16_APPEND_UNSAFE(buf, len, c); /* at most 2 units; buf holds 8 */
		limit = len;
		utrans_transUChars(t, buf, &len, 8, 0, &limit, &e);
		if (U_FAILURE(e))
			break;
		/* Keep one-for-one mappings only: token offsets stay exact. */
		if (len == 1 && buf[0] != c && !U16_IS_SURROGATE(buf[0]) && !is_simplified_text(gb2312, c))
			simplified[c - HAN_FIRST] = buf[0];
	}
	utrans_close(t);
	ucnv_close(gb2312);
	UVersionInfo icu;
	char icu_text[U_MAX_VERSION_STRING_LENGTH];
	u_getVersion(icu);
	u_versionToString(icu, icu_text);
	snprintf(version, sizeof(version), "zhaoshang-%d icu-%s", TOKENIZER_RULES, icu_text);
	if (U_FAILURE(e)) {
		log_error("ICU: Traditional-Simplified failed: %s", u_errorName(e));
		init_status = -1;
	}
}

const char *tokenizer_version(void)
{
	return version;
}

int tokenizer_init(void)
{
	pthread_once(&init_once, build_tables);
	return init_status;
}

enum char_class {
	SEPARATOR, /* ends words and runs */
	WORD,      /* letters and digits */
	CJK,       /* characters indexed one by one and in pairs */
	IGNORED,   /* invisible (zero-width space, soft hyphen…): as if absent */
};

static bool is_cjk(uint32_t c)
{
	return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
	       (c >= 0x20000 && c <= 0x3134f) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af) ||
	       c == 0x3007; /* 〇 */
	/* U+30FB, the katakana middle dot, is punctuation: see normalise(). */
}

/* Normalises one code point into out (UTF-8, up to 16 bytes) and classifies
 * it; returns the byte length (0 for a separator). */
static size_t normalise(uint32_t c, char out[16], enum char_class *cls)
{
	if (c >= 0xff01 && c <= 0xff5e)
		c -= 0xfee0; /* full-width ASCII, as NFKC maps it */
	if (c < 0x80) {
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			out[0] = (char)c;
			*cls = WORD;
			return 1;
		}
		*cls = SEPARATOR;
		return 0;
	}
	if (c >= HAN_FIRST && c < HAN_END && is_cjk(c)) {
		if (simplified[c - HAN_FIRST])
			c = simplified[c - HAN_FIRST];
		*cls = CJK;
		return utf8_encode(c, out);
	}
	if (u_hasBinaryProperty((UChar32)c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
		*cls = IGNORED;
		return 0;
	}
	if ((c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f && c != 0x3007) || c == 0x30fb ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff64)) {
		*cls = SEPARATOR; /* punctuation and spaces, the common case after ASCII */
		return 0;
	}
	UChar src[2], dst[8];
	int32_t slen = 0;
	U16_APPEND_UNSAFE(src, slen, (UChar32)c); /* at most 2 units */
	UErrorCode e = U_ZERO_ERROR;
	int32_t dlen = unorm2_normalize(nfkc_cf, src, slen, dst, 8, &e);
	if (U_FAILURE(e) || dlen == 0) {
		*cls = SEPARATOR;
		return 0;
	}
	UChar32 first;
	int32_t i = 0;
	U16_NEXT(dst, i, dlen, first);
	if (is_cjk((uint32_t)first)) {
		*cls = CJK; /* e.g. a compatibility ideograph */
		if (first >= HAN_FIRST && first < HAN_END && simplified[first - HAN_FIRST])
			first = simplified[first - HAN_FIRST];
		return utf8_encode((uint32_t)first, out);
	}
	if (!u_isalnum(first)) {
		*cls = SEPARATOR;
		return 0;
	}
	*cls = WORD;
	int32_t n8 = 0;
	u_strToUTF8(out, 16, &n8, dst, dlen, &e);
	return U_FAILURE(e) ? 0 : (size_t)n8;
}

struct walker {
	enum token_mode mode;
	int (*emit)(void *ctx, const struct token *t);
	void *ctx;
	char word[TOKEN_MAX_BYTES + 16];
	size_t word_len, word_start, word_end;
	char prev[16]; /* the previous character of the CJK run, normalised */
	size_t prev_len, prev_start, prev_end;
};

static int send(struct walker *w, const char *text, size_t len, size_t start, size_t end, bool colocated)
{
	struct token t = { text, len, start, end, colocated };
	return w->emit(w->ctx, &t);
}

static int end_word(struct walker *w)
{
	if (!w->word_len)
		return 0;
	int rc = send(w, w->word, w->word_len, w->word_start, w->word_end, false);
	w->word_len = 0;
	return rc;
}

static int end_cjk_run(struct walker *w)
{
	if (!w->prev_len)
		return 0;
	int rc = 0;
	if (w->mode == TOKENS_QUERY) /* the run's last character closes the phrase */
		rc = send(w, w->prev, w->prev_len, w->prev_start, w->prev_end, false);
	w->prev_len = 0;
	return rc;
}

static int add_cjk(struct walker *w, const char *c, size_t len, size_t start, size_t end)
{
	int rc = 0;
	if (w->prev_len) {
		char pair[32];
		memcpy(pair, w->prev, w->prev_len);
		memcpy(pair + w->prev_len, c, len);
		/* Indexing: the pair sits with the previous character's position. */
		rc = send(w, pair, w->prev_len + len, w->prev_start, end, w->mode == TOKENS_INDEX);
	}
	if (!rc && w->mode == TOKENS_INDEX)
		rc = send(w, c, len, start, end, false);
	memcpy(w->prev, c, len);
	w->prev_len = len, w->prev_start = start, w->prev_end = end;
	return rc;
}

static int add_word(struct walker *w, const char *c, size_t len, size_t start, size_t end)
{
	int rc = 0;
	if (w->word_len + len > TOKEN_MAX_BYTES)
		rc = end_word(w);
	if (!w->word_len)
		w->word_start = start;
	memcpy(w->word + w->word_len, c, len);
	w->word_len += len;
	w->word_end = end;
	return rc;
}

static bool is_digit_at(struct str text, size_t i)
{
	uint32_t c;
	size_t n = i < text.len ? utf8_decode(text.p + i, text.len - i, &c) : 0;
	return n && ((c >= '0' && c <= '9') || (c >= 0xff10 && c <= 0xff19));
}

/* A '.' or ',' between digits belongs to the number: 1.5亿 is "1.5" 亿, not
 * "1" "5" 亿; 5,000万 is "5000" 万, as written without the separator. */
static bool inside_number(const struct walker *w, struct str text, uint32_t c, size_t next)
{
	if (c >= 0xff01 && c <= 0xff5e)
		c -= 0xfee0;
	return (c == '.' || c == ',') && w->word_len && w->word[w->word_len - 1] >= '0' &&
	       w->word[w->word_len - 1] <= '9' && is_digit_at(text, next);
}

int tokenize(struct str text, enum token_mode mode, int (*emit)(void *ctx, const struct token *t), void *ctx)
{
	struct walker w = { .mode = mode, .emit = emit, .ctx = ctx };
	size_t i = 0;
	int rc = 0;
	while (i < text.len && !rc) {
		uint32_t c;
		size_t n = utf8_decode(text.p + i, text.len - i, &c);
		if (n == 0 || c == 0)
			return -1;
		if (inside_number(&w, text, c, i + n)) {
			if (c == '.' || c == 0xff0e)
				rc = add_word(&w, ".", 1, i, i + n);
			i += n;
			continue;
		}
		char norm[16];
		enum char_class cls;
		size_t len = normalise(c, norm, &cls);
		if (cls == IGNORED) {
			i += n;
			continue;
		}
		if (cls != CJK)
			rc = end_cjk_run(&w);
		if (cls != WORD && !rc)
			rc = end_word(&w);
		if (!rc && cls == CJK)
			rc = add_cjk(&w, norm, len, i, i + n);
		else if (!rc && cls == WORD)
			rc = add_word(&w, norm, len, i, i + n);
		i += n;
	}
	if (!rc)
		rc = end_cjk_run(&w);
	if (!rc)
		rc = end_word(&w);
	return rc;
}
