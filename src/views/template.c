/* template: a compiler to a flat node array, and a renderer walking it with a
 * scope stack. */
#include "views/template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/html.h"
#include "util/mem.h"

enum tv_kind { TV_STR, TV_JSON, TV_INT, TV_BOOL, TV_LIST, TV_OBJ };

struct tv_entry {
	struct tv_entry *next;
	const char *key; /* NULL in lists */
	struct tv *value;
};

struct tv {
	enum tv_kind kind;
	struct arena *arena;
	union {
		struct str s;
		long long i;
		bool b;
		struct {
			struct tv_entry *head, *tail;
			size_t n;
		} items;
	};
};

enum node_kind { NODE_TEXT, NODE_VAR, NODE_SECTION, NODE_INVERTED, NODE_PARTIAL };

struct node {
	enum node_kind kind;
	struct str text;  /* literal text, or the name */
	size_t end;       /* sections: index just past the last child */
	size_t partial;   /* partials: index of the template in the set */
	unsigned line;    /* for error messages */
};

struct template {
	char *name; /* owned copy */
	struct node *nodes;
	size_t count, cap;
};

struct tpl_set {
	struct template *tpls;
	size_t count;
};

enum { MAX_DEPTH = 32, MAX_NAME = 64 };

static void add_node(struct template *t, struct node n)
{
	if (t->count == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->nodes = xrealloc(t->nodes, t->cap * sizeof(*t->nodes));
	}
	t->nodes[t->count++] = n;
}

static unsigned line_at(struct str text, const char *p)
{
	unsigned line = 1;
	for (const char *q = text.p; q < p; q++)
		line += *q == '\n';
	return line;
}

static bool valid_name(struct str s)
{
	if (s.len == 0 || s.len > MAX_NAME)
		return false;
	for (size_t i = 0; i < s.len; i++) {
		char c = s.p[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
		      c == '.'))
			return false;
	}
	return true;
}

static int compile_one(const struct tpl_source *src, struct template *t, struct buf *err)
{
	size_t open[MAX_DEPTH];
	size_t depth = 0;
	const char *p = src->text.p, *end = src->text.p + src->text.len;
	t->name = xstrdup(src->name);
	while (p < end) {
		const char *tag = memmem(p, (size_t)(end - p), "{{", 2);
		if (!tag)
			tag = end;
		if (tag > p)
			add_node(t, (struct node){ NODE_TEXT, { p, (size_t)(tag - p) }, 0, 0, 0 });
		if (tag == end)
			break;
		unsigned line = line_at(src->text, tag);
		const char *close = memmem(tag + 2, (size_t)(end - tag - 2), "}}", 2);
		if (!close) {
			buf_printf(err, "%s:%u: “{{”没有对应的“}}”", src->name, line);
			return -1;
		}
		p = close + 2;
		char sigil = tag[2];
		struct str inner = { tag + 2, (size_t)(close - tag - 2) };
		if (sigil == '!')
			continue;
		if (sigil == '#' || sigil == '^' || sigil == '/' || sigil == '>')
			inner.p++, inner.len--;
		inner = str_trim(inner);
		if (!valid_name(inner)) {
			buf_printf(err, "%s:%u: 名称“%.*s”无效", src->name, line, (int)inner.len, inner.p);
			return -1;
		}
		switch (sigil) {
		case '#':
		case '^':
			if (depth == MAX_DEPTH) {
				buf_printf(err, "%s:%u: 区块嵌套过深", src->name, line);
				return -1;
			}
			open[depth++] = t->count;
			add_node(t, (struct node){ sigil == '#' ? NODE_SECTION : NODE_INVERTED, inner, 0, 0, line });
			break;
		case '/':
			if (depth == 0 || !str_eq(t->nodes[open[depth - 1]].text, inner)) {
				buf_printf(err, "%s:%u: “{{/%.*s}}”没有对应的开始标签", src->name, line, (int)inner.len,
					   inner.p);
				return -1;
			}
			t->nodes[open[--depth]].end = t->count;
			break;
		case '>':
			add_node(t, (struct node){ NODE_PARTIAL, inner, 0, 0, line });
			break;
		default:
			add_node(t, (struct node){ NODE_VAR, inner, 0, 0, line });
			break;
		}
	}
	if (depth) {
		struct node *n = &t->nodes[open[depth - 1]];
		buf_printf(err, "%s:%u: 区块“%.*s”没有结束标签", src->name, n->line, (int)n->text.len, n->text.p);
		return -1;
	}
	return 0;
}

static long find_template(const struct tpl_set *set, struct str name)
{
	for (size_t i = 0; i < set->count; i++)
		if (str_eq_cstr(name, set->tpls[i].name))
			return (long)i;
	return -1;
}

int tpl_set_compile(const struct tpl_source *sources, size_t n, struct tpl_set **out, struct buf *err)
{
	struct tpl_set *set = xcalloc(1, sizeof(*set));
	set->tpls = xcalloc(n, sizeof(*set->tpls));
	set->count = n;
	for (size_t i = 0; i < n; i++)
		if (compile_one(&sources[i], &set->tpls[i], err) < 0)
			goto fail;
	for (size_t i = 0; i < n; i++) {
		struct template *t = &set->tpls[i];
		for (size_t k = 0; k < t->count; k++) {
			struct node *node = &t->nodes[k];
			if (node->kind != NODE_PARTIAL)
				continue;
			long idx = find_template(set, node->text);
			if (idx < 0 || (size_t)idx == i) {
				buf_printf(err, "%s:%u: 找不到可包含的模板“%.*s”", t->name, node->line,
					   (int)node->text.len, node->text.p);
				goto fail;
			}
			node->partial = (size_t)idx;
		}
	}
	*out = set;
	return 0;
fail:
	tpl_set_free(set);
	return -1;
}

void tpl_set_free(struct tpl_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->count; i++) {
		free(set->tpls[i].nodes);
		free(set->tpls[i].name);
	}
	free(set->tpls);
	free(set);
}

/* ---- values ---- */

static struct tv *tv_new(struct arena *a, enum tv_kind kind)
{
	struct tv *v = ARENA_NEW(a, struct tv);
	v->kind = kind;
	v->arena = a;
	return v;
}

struct tv *tv_object(struct arena *a)
{
	return tv_new(a, TV_OBJ);
}

static void tv_append(struct tv *container, const char *key, struct tv *value)
{
	struct tv_entry *e = ARENA_NEW(container->arena, struct tv_entry);
	e->key = key;
	e->value = value;
	if (container->items.tail)
		container->items.tail->next = e;
	else
		container->items.head = e;
	container->items.tail = e;
	container->items.n++;
}

void tv_put_strn(struct tv *obj, const char *key, const char *value, size_t len)
{
	struct tv *v = tv_new(obj->arena, TV_STR);
	v->s = value ? (struct str){ value, len } : STR_LIT("");
	tv_append(obj, key, v);
}

void tv_put_json(struct tv *obj, const char *key, const char *json)
{
	struct tv *v = tv_new(obj->arena, TV_JSON);
	v->s = str_from(json);
	tv_append(obj, key, v);
}

void tv_put_str(struct tv *obj, const char *key, const char *value)
{
	tv_put_strn(obj, key, value, value ? strlen(value) : 0);
}

void tv_put_int(struct tv *obj, const char *key, long long value)
{
	struct tv *v = tv_new(obj->arena, TV_INT);
	v->i = value;
	tv_append(obj, key, v);
}

void tv_put_bool(struct tv *obj, const char *key, bool value)
{
	struct tv *v = tv_new(obj->arena, TV_BOOL);
	v->b = value;
	tv_append(obj, key, v);
}

struct tv *tv_put_list(struct tv *obj, const char *key)
{
	struct tv *v = tv_new(obj->arena, TV_LIST);
	tv_append(obj, key, v);
	return v;
}

struct tv *tv_put_object(struct tv *obj, const char *key)
{
	struct tv *v = tv_new(obj->arena, TV_OBJ);
	tv_append(obj, key, v);
	return v;
}

struct tv *tv_list_add_object(struct tv *list)
{
	struct tv *v = tv_new(list->arena, TV_OBJ);
	tv_append(list, NULL, v);
	return v;
}

/* ---- rendering ---- */

struct scope {
	const struct tv *stack[MAX_DEPTH + 1];
	size_t depth;
};

static const struct tv *object_get(const struct tv *obj, struct str key)
{
	if (!obj || obj->kind != TV_OBJ)
		return NULL;
	for (const struct tv_entry *e = obj->items.head; e; e = e->next)
		if (str_eq_cstr(key, e->key))
			return e->value;
	return NULL;
}

static const struct tv *lookup(const struct scope *sc, struct str name)
{
	if (str_eq_cstr(name, "."))
		return sc->stack[sc->depth - 1];
	const char *dot = memchr(name.p, '.', name.len);
	struct str first = { name.p, dot ? (size_t)(dot - name.p) : name.len };
	const struct tv *v = NULL;
	for (size_t i = sc->depth; i-- > 0 && !v;)
		v = object_get(sc->stack[i], first);
	while (v && dot) {
		struct str rest = { dot + 1, (size_t)(name.p + name.len - dot - 1) };
		dot = memchr(rest.p, '.', rest.len);
		struct str part = { rest.p, dot ? (size_t)(dot - rest.p) : rest.len };
		v = object_get(v, part);
	}
	return v;
}

static bool truthy(const struct tv *v)
{
	if (!v)
		return false;
	switch (v->kind) {
	case TV_STR:
	case TV_JSON: return v->s.len > 0;
	case TV_INT: return v->i != 0;
	case TV_BOOL: return v->b;
	case TV_LIST: return v->items.n > 0;
	case TV_OBJ: return true;
	}
	return false;
}

static void render_nodes(const struct tpl_set *set, const struct template *t, size_t from, size_t to,
			 struct scope *sc, struct buf *out);

static void render_value(const struct tv *v, struct buf *out)
{
	if (!v)
		return;
	switch (v->kind) {
	case TV_STR:
		html_escape(out, v->s.p, v->s.len);
		break;
	case TV_JSON:
		script_json_escape(out, v->s.p, v->s.len);
		break;
	case TV_INT:
		buf_printf(out, "%lld", v->i);
		break;
	case TV_BOOL:
		buf_puts(out, v->b ? "true" : "false");
		break;
	case TV_LIST:
	case TV_OBJ:
		break; /* not printable: a template mistake, shows as nothing */
	}
}

static void render_with(const struct tpl_set *set, const struct template *t, const struct node *n, size_t i,
			const struct tv *v, struct scope *sc, struct buf *out)
{
	if (sc->depth > MAX_DEPTH)
		return;
	sc->stack[sc->depth++] = v;
	render_nodes(set, t, i + 1, n->end, sc, out);
	sc->depth--;
}

static void render_nodes(const struct tpl_set *set, const struct template *t, size_t from, size_t to,
			 struct scope *sc, struct buf *out)
{
	for (size_t i = from; i < to; i++) {
		const struct node *n = &t->nodes[i];
		switch (n->kind) {
		case NODE_TEXT:
			buf_put_str(out, n->text);
			break;
		case NODE_VAR:
			render_value(lookup(sc, n->text), out);
			break;
		case NODE_PARTIAL: {
			const struct template *p = &set->tpls[n->partial];
			if (sc->depth <= MAX_DEPTH) {
				sc->depth++; /* counts towards the depth limit: stops include loops */
				sc->stack[sc->depth - 1] = sc->stack[sc->depth - 2];
				render_nodes(set, p, 0, p->count, sc, out);
				sc->depth--;
			}
			break;
		}
		case NODE_SECTION: {
			const struct tv *v = lookup(sc, n->text);
			if (truthy(v)) {
				if (v->kind == TV_LIST) {
					for (const struct tv_entry *e = v->items.head; e; e = e->next)
						render_with(set, t, n, i, e->value, sc, out);
				} else {
					render_with(set, t, n, i, v, sc, out);
				}
			}
			i = n->end - 1;
			break;
		}
		case NODE_INVERTED:
			if (!truthy(lookup(sc, n->text)))
				render_nodes(set, t, i + 1, n->end, sc, out);
			i = n->end - 1;
			break;
		}
	}
}

int tpl_render(const struct tpl_set *set, const char *name, const struct tv *data, struct buf *out)
{
	long idx = find_template(set, str_from(name));
	if (idx < 0)
		return -1;
	const struct template *t = &set->tpls[idx];
	struct scope sc = { .stack = { data }, .depth = 1 };
	render_nodes(set, t, 0, t->count, &sc, out);
	return 0;
}
