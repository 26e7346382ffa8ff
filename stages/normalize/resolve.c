#include "resolve.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "numtok.h"
#include "numval.h"
#include "wordcache.h"

/* What a part is read as, in cache keys: a number, a count, or a key of table (tag - TABLE) */
enum resolve_tag { RESOLVE_TAG_VALUE, RESOLVE_TAG_COUNT, RESOLVE_TAG_TABLE };

struct resolved {
    double value, lo, hi;
    const char *qualifier, *kind, *unit;
    bool ambiguous, range, rounded;
};

static const char *resolve_str(const struct normmention *m, enum normmention_field key)
{
    return m->str[key];
}

/*
 * The cache key of a part read (nc->values): the language's place in
 * nc->lex, what it is read as (tag: RESOLVE_TAG_*), and s. 0 when it is
 * not remembered.
 */
static size_t resolve_cache_key(const struct normconf *nc, const struct numlex *nl, int tag,
                                const char *s, size_t n, char *key)
{
    size_t lang = (size_t)(nl - nc->lex.v);

    if (!nc->values || lang > 255 || n + 2 > WORDCACHE_KEY)
        return 0;
    key[0] = (char)lang;
    key[1] = (char)tag;
    memcpy(key + 2, s, n);
    return n + 2;
}

/* numlex_match() of all of s[0..n) in table t: found or not, and its value. */
static bool resolve_lookup_read(const struct numlex *nl, const char *s, size_t n,
                                enum numlex_table t, const json_t **val)
{
    struct numtok_list toks = NUMTOK_LIST_INIT;
    bool found = false;

    if (numtok_lex(s, n, &toks) == 0 && toks.n > 0)
        found = numlex_match(nl, t, &toks, 0, toks.n, val) == toks.n;
    numtok_list_release(&toks);
    return found;
}

/*
 * Read the part key of m with table t: *val (borrowed) for the whole part,
 * or false. What short parts read as is remembered (nc->values).
 */
static bool resolve_lookup(const struct normconf *nc, const struct numlex *nl,
                           const struct normmention *m, enum normmention_field key,
                           enum numlex_table t, const json_t **val)
{
    const char *s = resolve_str(m, key);
    char ck[WORDCACHE_KEY], v[1 + sizeof(*val)];
    const json_t *got = NULL;
    size_t n, klen, vlen;

    if (!s) /* most parts are missing */
        return false;
    n = strlen(s);
    klen = resolve_cache_key(nc, nl, RESOLVE_TAG_TABLE + (int)t, s, n, ck);
    const char *hit = klen ? wordcache_get(nc->values, ck, klen, &vlen) : NULL;
    if (hit && vlen == sizeof(v)) {
        memcpy(&got, hit + 1, sizeof(got));
    } else {
        v[0] = (char)resolve_lookup_read(nl, s, n, t, &got);
        memcpy(v + 1, &got, sizeof(got));
        if (klen)
            wordcache_put(nc->values, ck, klen, v, sizeof(v));
        hit = v;
    }
    if (hit[0] && val)
        *val = got;
    return hit[0] != 0;
}

/* What numval_eval() or numval_eval_count() give for s, the text of a part. */
static int resolve_value_read(const struct numlex *nl, const char *s, size_t n, bool count,
                              struct numval *nv)
{
    struct numtok_list toks = NUMTOK_LIST_INIT;
    int rc = -1;

    memset(nv, 0, sizeof(*nv));
    if (numtok_lex(s, n, &toks) == 0)
        rc = count ? numval_eval_count(nl, s, &toks, 0, toks.n, nv)
                   : numval_eval(nl, s, &toks, 0, toks.n, nv);
    numtok_list_release(&toks);
    return rc;
}

/* Read part key of m as a number, remembering (nc->values) what short parts read as. */
static int resolve_value(const struct normconf *nc, const struct numlex *nl,
                         const struct normmention *m, enum normmention_field key, struct numval *nv)
{
    const char *s = resolve_str(m, key);
    bool count = resolve_str(m, NORMMENTION_DEN) != NULL;
    char ck[WORDCACHE_KEY], v[sizeof(int) + sizeof(*nv)];
    size_t n, klen, vlen;
    int rc;

    nv->overflow = false;
    if (!s)
        return -1;
    n = strlen(s);
    klen = resolve_cache_key(nc, nl, count ? RESOLVE_TAG_COUNT : RESOLVE_TAG_VALUE, s, n, ck);
    const char *hit = klen ? wordcache_get(nc->values, ck, klen, &vlen) : NULL;
    if (hit && vlen == sizeof(v)) {
        memcpy(&rc, hit, sizeof(rc));
        memcpy(nv, hit + sizeof(rc), sizeof(*nv));
        return rc;
    }
    rc = resolve_value_read(nl, s, n, count, nv);
    if (klen) {
        memcpy(v, &rc, sizeof(rc));
        memcpy(v + sizeof(rc), nv, sizeof(*nv));
        wordcache_put(nc->values, ck, klen, v, sizeof(v));
    }
    return rc;
}

static double resolve_suffix(const struct numlex *nl, const struct normmention *m)
{
    const char *s = resolve_str(m, NORMMENTION_SUFFIX);
    double f = s ? numlex_num(nl, NUMLEX_SUFFIXES, s) : NAN;
    return isnan(f) ? 1 : f;
}

/* "10-11.000": the low end shares the high end's magnitude. */
static double resolve_low_end(double lo, double hi)
{
    static const double mags[] = {1e3, 1e6, 1e9};

    if (lo <= 0 || hi < 100 * lo)
        return lo;
    for (size_t k = 0; k < sizeof(mags) / sizeof(*mags); k++)
        if (lo * mags[k] <= hi && lo * mags[k] * 10 > hi)
            return lo * mags[k];
    return lo;
}

static int resolve_number(const struct normconf *nc, const struct numlex *nl,
                          const struct normmention *m, struct resolved *r)
{
    struct numval nv;
    const json_t *val;

    if (strcmp(resolve_str(m, NORMMENTION_FORM), "vague") == 0) {
        if (!resolve_lookup(nc, nl, m, NORMMENTION_NUM, NUMLEX_VAGUE, &val))
            return -1;
        r->value = json_number_value(val);
        r->qualifier = "min";
        return 0;
    }
    if (resolve_value(nc, nl, m, NORMMENTION_NUM, &nv) < 0)
        return nv.overflow ? -2 : -1;
    r->value = nv.value * resolve_suffix(nl, m);
    r->ambiguous = nv.ambiguous;
    r->rounded = nv.decimals < 0;
    if (resolve_str(m, NORMMENTION_DEN)) {
        struct numval dv;
        if (resolve_value(nc, nl, m, NORMMENTION_DEN, &dv) < 0 || dv.value == 0)
            return -1;
        r->value /= dv.value; /* "one over three", "1 in 21" */
        nv.fraction = true;
        nv.ordinal = false;
        r->rounded = false;
    }
    if (nv.ordinal)
        r->kind = "ordinal";
    else if (nv.fraction)
        r->kind = "fraction";
    if (resolve_str(m, NORMMENTION_HI)) {
        struct numval hv;
        if (resolve_value(nc, nl, m, NORMMENTION_HI, &hv) < 0)
            return -1;
        r->hi = hv.value * resolve_suffix(nl, m);
        r->lo = resolve_low_end(r->value, r->hi);
        r->range = true;
        r->qualifier = "range";
        r->value = (r->lo + r->hi) / 2;
        r->ambiguous = r->ambiguous || hv.ambiguous;
    }
    return 0;
}

static void resolve_qualifier(const struct normconf *nc, const struct numlex *nl,
                              const struct normmention *m, struct resolved *r)
{
    const json_t *val;

    if (r->qualifier)
        return;
    r->qualifier = "exact";
    if (resolve_lookup(nc, nl, m, NORMMENTION_QUAL, NUMLEX_QUALIFIERS, &val) ||
        resolve_lookup(nc, nl, m, NORMMENTION_POST_QUAL, NUMLEX_POST_QUALIFIERS, &val))
        r->qualifier = json_string_value(val);
}

static void resolve_unit(const struct normconf *nc, const struct numlex *nl,
                         const struct normmention *m, struct resolved *r)
{
    const json_t *val;

    if (strcmp(resolve_str(m, NORMMENTION_FORM), "percent") == 0 ||
        resolve_lookup(nc, nl, m, NORMMENTION_UNIT, NUMLEX_PERCENT, NULL)) {
        r->kind = "percent";
        r->unit = "%";
        return;
    }
    if (resolve_lookup(nc, nl, m, NORMMENTION_UNIT, NUMLEX_UNITS, &val) ||
        resolve_lookup(nc, nl, m, NORMMENTION_PREFIX, NUMLEX_PREFIX_UNITS, &val)) {
        r->kind = json_string_value(json_array_get(val, 0));
        r->unit = json_string_value(json_array_get(val, 1));
    }
}

/* The kind from extract's cue, the unit, or what the number itself is. */
static void resolve_kind(const struct normconf *nc, const struct numlex *nl,
                         const struct normmention *m, struct resolved *r)
{
    const char *hint = resolve_str(m, NORMMENTION_HINT);

    if (hint) {
        bool year = strcmp(hint, "decade") == 0 || strcmp(hint, "year") == 0;
        r->kind = year ? "year" : hint;
        if (strcmp(hint, "decade") == 0 && r->value < 100)
            r->value += 1900; /* "de jaren negentig" */
        r->qualifier = "exact";
        r->rounded = false;
        return;
    }
    if (r->kind && strcmp(r->kind, "fraction") == 0 && m->share) {
        r->value = round(r->value * 10000) / 100; /* a share of a whole is a percent */
        r->kind = "percent";
        r->unit = "%";
        return;
    }
    if (r->kind && strcmp(r->kind, "ordinal") == 0)
        return;
    resolve_unit(nc, nl, m, r);
    if (!r->kind)
        r->kind = "cardinal";
}

void resolve_interval(const struct normconf *nc, const char *q, double v, bool rounded, double *low,
                      double *high)
{
    *low = *high = v;
    if (strcmp(q, "approx") == 0) {
        *low = v * (1 - nc->approx_tolerance);
        *high = v * (1 + nc->approx_tolerance);
    } else if (strcmp(q, "min") == 0) {
        *high = NAN;
    } else if (strcmp(q, "max") == 0) {
        *low = 0;
    } else if (rounded && v == floor(v) && fabs(v) >= 1) {
        double place = 1;
        int zeros = 0;
        while (fmod(fabs(v), place * 10) == 0 && zeros < 15) {
            place *= 10;
            zeros++;
        }
        if (zeros >= nc->rounding_min_zeros) {
            double w = fmin(nc->rounding_share * place, nc->rounding_max_share * fabs(v));
            *low = v - w;
            *high = v + w;
        }
    }
    if (*low > *high && !isnan(*high)) {
        double t = *low;
        *low = *high;
        *high = t;
    }
}

/* JSON has no infinity, nor a string for a lexicon entry that lacks one: no record can be written.
 */
static bool resolve_writable(const struct resolved *r)
{
    return !isinf(r->value) && !isinf(r->lo) && !isinf(r->hi) && r->qualifier && r->kind && r->unit;
}

/* A copy of string field k of the mention into the pool. -1 when memory ran out. */
static int resolve_copy(const struct normmention *m, enum normmention_field k,
                        struct normpool *pool, struct normstr *out)
{
    out->p = normpool_add(pool, m->str[k] ? m->str[k] : "", m->len[k]);
    out->n = m->len[k];
    return out->p ? 0 : -1;
}

/* "lang" as the mention gives it, whatever its type; null when missing. */
static int resolve_lang(const struct normmention *m, struct normpool *pool, struct normrec *out)
{
    out->lang_string = m->str[NORMMENTION_LANG] != NULL;
    if (out->lang_string)
        return resolve_copy(m, NORMMENTION_LANG, pool, &out->lang);
    if (m->lang_json.len == 0)
        return 0;
    out->lang_other = json_loadb(m->lang_json.data, m->lang_json.len, JSON_DECODE_ANY, NULL);
    return out->lang_other ? 0 : -1;
}

static int resolve_record(const struct normmention *m, const struct resolved *r,
                          struct normpool *pool, struct normrec *out)
{
    memset(out, 0, sizeof(*out));
    out->sid = m->sid;
    out->start = m->start;
    out->end = m->end;
    out->value = r->value;
    out->low = r->lo;
    out->high = r->hi;
    out->qualifier = r->qualifier;
    out->kind = r->kind;
    out->unit = r->unit;
    out->ambiguous = r->ambiguous;
    if (r->kind == m->str[NORMMENTION_HINT] &&
        !(out->kind = normpool_add(pool, r->kind, strlen(r->kind))))
        return -1;
    if (resolve_copy(m, NORMMENTION_DOC, pool, &out->doc) < 0 ||
        resolve_copy(m, NORMMENTION_TEXT, pool, &out->text) < 0 || resolve_lang(m, pool, out) < 0) {
        normrec_release(out);
        return -1;
    }
    return 0;
}

int resolve_mention(const struct normconf *nc, const struct normmention *mention,
                    struct normpool *pool, struct normrec *out)
{
    const char *lang = resolve_str(mention, NORMMENTION_LANG);
    const struct numlex *nl = numlex_set_find(&nc->lex, lang);
    struct resolved r = {.unit = ""};
    int rc;

    if (!nl || !resolve_str(mention, NORMMENTION_FORM))
        return 0;
    if ((rc = resolve_number(nc, nl, mention, &r)) < 0)
        return rc == -2 ? 2 : 0;
    resolve_qualifier(nc, nl, mention, &r);
    resolve_kind(nc, nl, mention, &r);
    if (!r.range)
        resolve_interval(nc, r.qualifier, r.value, r.rounded, &r.lo, &r.hi);
    if (!resolve_writable(&r) || resolve_record(mention, &r, pool, out) < 0)
        return error_at(NULL, 0, "out of memory");
    return 1;
}
