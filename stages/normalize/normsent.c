#include "normsent.h"

#include <stdlib.h>
#include <string.h>

/* The largest count of decimal digits that always fits in long long. */
#define NORMSENT_DIGITS_MAX 18
/* The fewest bytes a token of the fast path takes: [0,0,"w"] */
#define NORMSENT_TOKEN_MIN 9

void normsent_init(struct normsent *ns)
{
    memset(ns, 0, sizeof(*ns));
    buf_init(&ns->text);
}

void normsent_release(struct normsent *ns)
{
    buf_release(&ns->text);
    json_decref(ns->para_other);
    free(ns->tok);
    free(ns->bad);
    normsent_init(ns);
}

/* An integer value as json_integer_value() reads it: 0 when v is missing or not an integer. */
static long long normsent_int(const struct jscan_span *v)
{
    long long x = 0;

    if (v && v->n > 0 && v->n <= NORMSENT_DIGITS_MAX) {
        size_t i = 0;
        while (i < v->n && v->p[i] >= '0' && v->p[i] <= '9')
            x = x * 10 + (v->p[i++] - '0');
        /* a leading zero is valid JSON only as "0" itself, which this reads right */
        if (i == v->n)
            return x;
    }
    return v && jscan_integer(v, &x) == 0 ? x : 0;
}

/* The first byte of the string v (0 when empty), or -1 when v is no string. */
static int normsent_type(const struct jscan_span *v, struct buf *scratch)
{
    const char *s;
    size_t n;

    if (jscan_plain(v, &s, &n) == 0)
        return n ? (unsigned char)s[0] : 0;
    if (!jscan_is_string(v) || jscan_string(v, scratch) < 0)
        return -1;
    return (unsigned char)buf_str(scratch)[0];
}

/* Room for n tokens in all. Returns 0 or -1. */
static int normsent_reserve(struct normsent *ns, size_t n)
{
    if (n <= ns->captok)
        return 0;
    size_t cap = ns->captok ? 2 * ns->captok : 64;
    while (cap < n)
        cap *= 2;
    struct jscan_triple *grown = realloc(ns->tok, cap * sizeof(*grown));
    if (!grown)
        return -1;
    ns->tok = grown;
    ns->captok = cap;
    return 0;
}

static int normsent_push(struct normsent *ns, const struct jscan_triple *t)
{
    if (normsent_reserve(ns, ns->ntok + 1) < 0)
        return -1;
    ns->tok[ns->ntok++] = *t;
    return 0;
}

static int normsent_token(struct normsent *ns, const struct jscan_span *item, struct buf *scratch)
{
    struct jscan_triple *t;
    struct jscan_span e;
    size_t pos = 0;

    if (normsent_push(ns, &(struct jscan_triple){0, 0, -1}) < 0)
        return -1;
    t = &ns->tok[ns->ntok - 1];
    for (int k = 0; k < 3 && jscan_array_next(item, &pos, &e) == 1; k++) {
        if (k == 0)
            t->a = normsent_int(&e);
        else if (k == 1)
            t->b = normsent_int(&e);
        else
            t->c = normsent_type(&e, scratch);
    }
    return 0;
}

static int normsent_tokens_slow(struct normsent *ns, const struct jscan_span *toks);

/*
 * The token array as tokenize writes it, without spaces: [[0,3,"w"],...] (jscan_triples()).
 * Returns 0, 1 when it has another shape (nothing kept), or -1.
 */
static int normsent_tokens_fast(struct normsent *ns, const struct jscan_span *toks)
{
    size_t n;

    /* each token takes NORMSENT_TOKEN_MIN bytes */
    if (normsent_reserve(ns, toks->n / NORMSENT_TOKEN_MIN + 1) < 0)
        return -1;
    if (jscan_triples(toks, ns->tok, ns->captok, &n) < 0)
        return 1;
    ns->ntok = n;
    return 0;
}

/* The tokens the scan of the record read already (jscan_object_triples()): sink's array, taken in
 * exchange for ns's own. */
static void normsent_tokens_take(struct normsent *ns, struct jscan_triple_sink *sink)
{
    struct jscan_triple *t = ns->tok;
    size_t cap = ns->captok;

    ns->tok = sink->t;
    ns->captok = sink->max;
    ns->ntok = sink->count;
    sink->t = t;
    sink->max = cap;
    sink->count = 0;
    sink->found = false;
}

static int normsent_tokens(struct normsent *ns, const struct jscan_span *toks,
                           struct jscan_triple_sink *sink)
{
    if (toks && sink && sink->found) {
        normsent_tokens_take(ns, sink);
        return 0;
    }
    int fast = toks ? normsent_tokens_fast(ns, toks) : 1;

    if (fast <= 0)
        return fast;
    return normsent_tokens_slow(ns, toks);
}

static int normsent_tokens_slow(struct normsent *ns, const struct jscan_span *toks)
{
    struct jscan_span item;
    struct buf scratch = BUF_INIT;
    size_t pos = 0;
    int rc = 0;

    while (rc == 0 && toks && jscan_array_next(toks, &pos, &item) == 1)
        rc = normsent_token(ns, &item, &scratch);
    buf_release(&scratch);
    return rc;
}

static int normsent_bad(struct normsent *ns, const struct jscan_span *bad)
{
    struct jscan_span item;
    size_t pos = 0;
    long long v;

    while (bad && jscan_array_next(bad, &pos, &item) == 1) {
        if (jscan_integer(&item, &v) < 0)
            continue;
        if (ns->nbad == ns->capbad) {
            size_t cap = ns->capbad ? 2 * ns->capbad : 16;
            long long *grown = realloc(ns->bad, cap * sizeof(*grown));
            if (!grown)
                return -1;
            ns->bad = grown;
            ns->capbad = cap;
        }
        ns->bad[ns->nbad++] = v;
    }
    return 0;
}

static int normsent_para(struct normsent *ns, const struct jscan_span *v)
{
    json_decref(ns->para_other);
    ns->para_other = NULL;
    ns->para = 0;
    ns->para_kind = v ? NORMSENT_PARA_INT : NORMSENT_PARA_NONE;
    if (!v || jscan_integer(v, &ns->para) == 0)
        return 0;
    ns->para_kind = NORMSENT_PARA_OTHER;
    ns->para_other = json_loadb(v->p, v->n, JSON_DECODE_ANY, NULL);
    return ns->para_other ? 0 : -1;
}

/* The members normsent_read() uses, found in one pass over the record (NULL: missing). */
struct normsent_members {
    const struct jscan_span *text, *start, *sid, *para, *tokens, *bad;
};

static bool normsent_key_is(const struct jscan_span *key, const char *name, size_t n)
{
    return key->n == n && memcmp(key->p, name, n) == 0;
}

static void normsent_members(const struct jscan *js, struct normsent_members *m)
{
    memset(m, 0, sizeof(*m));
    for (size_t i = 0; i < js->n; i++) {
        const struct jscan_span *k = &js->m[i].key, *v = &js->m[i].val;
        if (normsent_key_is(k, "text", 4))
            m->text = v;
        else if (normsent_key_is(k, "start", 5))
            m->start = v;
        else if (normsent_key_is(k, "sid", 3))
            m->sid = v;
        else if (normsent_key_is(k, "para", 4))
            m->para = v;
        else if (normsent_key_is(k, "tokens", 6))
            m->tokens = v;
        else if (normsent_key_is(k, "bad", 3))
            m->bad = v;
    }
}

int normsent_read(struct normsent *ns, const struct jscan *js)
{
    return normsent_read_triples(ns, js, NULL);
}

int normsent_read_triples(struct normsent *ns, const struct jscan *js,
                          struct jscan_triple_sink *sink)
{
    struct normsent_members m;

    normsent_members(js, &m);
    const struct jscan_span *text = m.text;

    ns->ntok = ns->nbad = 0;
    ns->in_lead = false;
    ns->has_text = jscan_is_string(text);
    buf_reset(&ns->text);
    if (ns->has_text && jscan_string(text, &ns->text) < 0)
        return -1;
    ns->start = normsent_int(m.start);
    ns->sid = normsent_int(m.sid);
    if (normsent_para(ns, m.para) < 0 || normsent_tokens(ns, m.tokens, sink) < 0 ||
        normsent_bad(ns, m.bad) < 0)
        return -1;
    return 0;
}

void normsent_raw(const struct normsent *ns, struct claim_rawsent *r)
{
    r->text = ns->has_text ? buf_str(&ns->text) : NULL;
    r->tlen = ns->has_text ? ns->text.len : 0;
    r->start = ns->start;
    r->sid = ns->sid;
    r->para = ns->para;
    r->tok = ns->tok;
    r->ntok = ns->ntok;
    r->bad = ns->bad;
    r->nbad = ns->nbad;
}

bool normsent_same_para(const struct normsent *a, const struct normsent *b)
{
    if (a->para_kind == NORMSENT_PARA_INT && b->para_kind == NORMSENT_PARA_INT)
        return a->para == b->para;
    if (a->para_kind == NORMSENT_PARA_OTHER && b->para_kind == NORMSENT_PARA_OTHER)
        return json_equal(a->para_other, b->para_other);
    return false;
}
