#include "numval.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

#define NUMVAL_MAXSEP 64
#define NUMVAL_MAXITEMS 64
#define NUMVAL_WORDMAX 128

/* ---- digits */

struct numval_seps {
    char sep[NUMVAL_MAXSEP];        /* '.', ',' or ' ' (any space-like separator) */
    size_t glen[NUMVAL_MAXSEP + 1]; /* digits in each group */
    size_t nsep;
    char digits[128]; /* all digits, in order */
    size_t ndigits;
};

/* Length of the separator at s (n bytes left) mapped into *c, or 0. */
static size_t numval_sep(const char *s, size_t n, char *c)
{
    static const char *const spaces[] = {" ", "\xc2\xa0", "\xe2\x80\xaf", "\xe2\x80\x89"};

    if (*s == '.' || *s == ',') {
        *c = *s;
        return 1;
    }
    for (size_t i = 0; i < sizeof(spaces) / sizeof(*spaces); i++) {
        size_t l = strlen(spaces[i]);
        if (n >= l && memcmp(s, spaces[i], l) == 0) {
            *c = ' ';
            return l;
        }
    }
    return 0;
}

static int numval_split(const char *s, size_t n, struct numval_seps *sp)
{
    size_t i = 0;

    /* only what is read is set: groups are zeroed as they begin (the whole struct was a cost) */
    sp->nsep = sp->ndigits = 0;
    sp->glen[0] = 0;
    while (i < n) {
        char c;
        size_t l;
        if (s[i] >= '0' && s[i] <= '9') {
            if (sp->ndigits + 1 >= sizeof(sp->digits))
                return -1;
            sp->digits[sp->ndigits++] = s[i++];
            sp->glen[sp->nsep]++;
        } else if ((l = numval_sep(s + i, n - i, &c)) > 0 && sp->nsep < NUMVAL_MAXSEP) {
            sp->sep[sp->nsep++] = c;
            sp->glen[sp->nsep] = 0;
            i += l;
        } else {
            return -1;
        }
    }
    return sp->ndigits ? 0 : -1;
}

static size_t numval_count(const struct numval_seps *sp, char c)
{
    size_t k = 0;
    for (size_t i = 0; i < sp->nsep; i++)
        k += sp->sep[i] == c;
    return k;
}

/* Index of the decimal mark among the separators, nsep for none, or -1 for no valid reading. */
static long numval_decimal(const struct numlex *nl, const struct numval_seps *sp, bool *amb)
{
    size_t dots = numval_count(sp, '.'), commas = numval_count(sp, ',');

    *amb = false;
    if (dots + commas == 0)
        return (long)sp->nsep;
    size_t last = sp->nsep - 1;
    char lc = sp->sep[last];
    if (dots && commas)
        return numval_count(sp, lc) == 1 ? (long)last : -1;
    char c = dots ? '.' : ',';
    if (numval_count(sp, c) > 1)
        return (long)sp->nsep;
    size_t at = 0;
    while (sp->sep[at] != c)
        at++;
    if (at != last)
        return -1; /* "1.234 567" */
    if (sp->glen[last + 1] != 3 || sp->glen[0] == 0 || at > 0)
        return (long)last;
    if (sp->glen[0] == 1 && sp->digits[0] == '0')
        return (long)last;
    if (c == nl->decimal) {
        *amb = true;
        return (long)last;
    }
    return (long)sp->nsep;
}

/* Groups before the decimal mark: a head of 1-3 digits, then threes (Indian twos allowed). */
static bool numval_groups_ok(const struct numval_seps *sp, size_t dec)
{
    if (dec == 0)
        return true;
    if (sp->glen[0] < 1 || sp->glen[0] > 3)
        return false;
    for (size_t g = 1; g <= dec; g++) {
        bool last = g == dec;
        if (sp->glen[g] != 3 && !(sp->glen[g] == 2 && !last))
            return false;
    }
    return true;
}

static void numval_zero(struct numval *out)
{
    memset(out, 0, sizeof(*out));
    out->decimals = -1;
}

/* A run of more digits than a number can have: "1000…" (400 zeros). */
static bool numval_too_long(const char *s, size_t n)
{
    size_t digits = 0;

    for (size_t i = 0; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            digits++;
        else if (s[i] != '.' && s[i] != ',' && s[i] != ' ')
            return false;
    }
    return digits >= 100;
}

/* The digits of sp with the decimal mark before group dec + 1, read by strtod(). */
static int numval_strtod(const struct numval_seps *sp, long dec, double *v)
{
    char clean[160];
    size_t k = 0, di = 0;

    for (size_t g = 0; g <= sp->nsep; g++) {
        if ((long)g == dec + 1)
            clean[k++] = '.';
        for (size_t j = 0; j < sp->glen[g]; j++)
            clean[k++] = sp->digits[di++];
    }
    clean[k] = 0;
    errno = 0;
    *v = strtod(clean, NULL);
    return errno || isinf(*v) ? -1 : 0;
}

/*
 * As numval_strtod(), and the same double, without it when the digits are at
 * most 15 and the decimals at most 22: the digits as an integer and 10^decimals
 * are then both exact doubles, and one division rounds their quotient
 * correctly, as strtod() does (Clinger's fast path).
 */
static int numval_value(const struct numval_seps *sp, long dec, double *v)
{
    size_t frac = 0;

    for (long g = dec + 1; g <= (long)sp->nsep; g++)
        frac += sp->glen[g];
    if (sp->ndigits > 15 || frac > 22)
        return numval_strtod(sp, dec, v);
    uint64_t m = 0;
    for (size_t i = 0; i < sp->ndigits; i++)
        m = 10 * m + (uint64_t)(sp->digits[i] - '0');
    double p = 1;
    for (size_t i = 0; i < frac; i++)
        p *= 10;
    *v = (double)m / p;
    return 0;
}

int numval_digits(const struct numlex *nl, const char *s, size_t n, struct numval *out)
{
    struct numval_seps sp;
    bool amb;

    numval_zero(out);
    if (numval_split(s, n, &sp) < 0) {
        out->overflow = numval_too_long(s, n);
        return -1;
    }
    long dec = numval_decimal(nl, &sp, &amb);
    if (dec < 0 || !numval_groups_ok(&sp, (size_t)dec))
        return -1;
    if (numval_value(&sp, dec, &out->value) < 0) {
        out->overflow = true;
        return -1;
    }
    out->ambiguous = amb;
    out->grouped = dec > 0 || (dec == 0 && sp.nsep > 0);
    out->decimals = dec < (long)sp.nsep ? (int)sp.glen[dec + 1] : -1;
    size_t intd = 0;
    for (long g = 0; g <= dec && g <= (long)sp.nsep; g++)
        intd += sp.glen[g];
    for (size_t j = intd; j > 0 && sp.digits[j - 1] == '0' && out->decimals < 0; j--)
        out->trailing_zeros++;
    return 0;
}

/* ---- word items */

enum numval_item_type {
    NUMVAL_CARD,
    NUMVAL_MULT,
    NUMVAL_CONN,
    NUMVAL_HYPHEN,
    NUMVAL_ARTICLE,
    NUMVAL_NEG,
    NUMVAL_POINT,
    NUMVAL_NUM,
    NUMVAL_ORDWORD, /* ordinal, denominator or fixed fraction (any of them may be set) */
    NUMVAL_SLASH,   /* "3/4" */
    NUMVAL_OF,      /* "two thirds of a million" */
};

struct numval_item {
    enum numval_item_type type;
    double v;     /* CARD, MULT, NUM */
    double ord;   /* NAN when not an ordinal */
    double denom; /* NAN when not a denominator */
    double fixed; /* NAN when not a fixed fraction */
    bool inword;  /* came from inside a compound, after another morpheme */
};

struct numval_items {
    struct numval_item v[NUMVAL_MAXITEMS];
    size_t n;
};

static int numval_push(struct numval_items *it, struct numval_item item)
{
    if (it->n >= NUMVAL_MAXITEMS)
        return -1;
    it->v[it->n++] = item;
    return 0;
}

static struct numval_item numval_mk(enum numval_item_type type, double v)
{
    return (struct numval_item){type, v, NAN, NAN, NAN, false};
}

/* The item for the whole morpheme or word key[0..len); false when it is none. */
static bool numval_lookup(const struct numlex *nl, const char *key, size_t len, bool compound,
                          struct numval_item *item)
{
    double v;

    if (compound && numlex_hasn(nl, NUMLEX_CONNECTORS, key, len)) {
        *item = numval_mk(NUMVAL_CONN, 0);
        return true;
    }
    if (!isnan(v = numlex_numn(nl, NUMLEX_CARDINALS, key, len))) {
        *item = numval_mk(NUMVAL_CARD, v);
        return true;
    }
    if (!isnan(v = numlex_numn(nl, NUMLEX_MULTIPLIERS, key, len))) {
        *item = numval_mk(NUMVAL_MULT, v);
        return true;
    }
    *item = numval_mk(NUMVAL_ORDWORD, 0);
    item->ord = numlex_numn(nl, NUMLEX_ORDINALS, key, len);
    item->denom = numlex_numn(nl, NUMLEX_DENOMINATORS, key, len);
    item->fixed = numlex_numn(nl, NUMLEX_FIXED, key, len);
    return !isnan(item->ord) || !isnan(item->denom) || !isnan(item->fixed);
}

/* ---- the state machine that reads items as one number */

enum numval_small {
    NUMVAL_S_NONE,
    NUMVAL_S_UNIT, /* 1-9 */
    NUMVAL_S_TEEN, /* 10-19 */
    NUMVAL_S_TEN,  /* 20, 30, ... 90 */
    NUMVAL_S_TENUNIT,
    NUMVAL_S_OTHER, /* digits, a fraction, a product: nothing may join it */
};

struct numval_state {
    double total, hund, small;
    enum numval_small kind;
    double last_scale;
    bool any, conn, article, neg, done, point, frac, ordinal, words;
    double pre_conn, since_conn; /* for "one and a half", "3 million and a half" */
    bool after_conn, conn_after_scale;
    bool dash;                    /* the minus was a dash: "– en" is no "min een" */
    bool as_ord;                  /* read denominators as ordinals: "twenty fifths" is 25th */
    bool pend;                    /* a new part after "and": only a denominator may close it */
    bool of;                      /* "of" after a fraction: a multiplier must follow */
    bool mixed;                   /* "2 1/4": whole digits, then a fraction in digits */
    double mwhole;                /* the whole of a mixed number */
    double fwhole, fpart, fscale; /* the last fraction: "one billion and a half million" */
    bool hyphen;                  /* a hyphen was last: something must follow */
    bool slash;                   /* a slash was last: a denominator in digits must follow */
    struct buf dec;               /* decimal digits read after "point" */
    struct numval digits;         /* the last digits item, for rounding and ambiguity */
};

static enum numval_small numval_kind(double v)
{
    if (v >= 1 && v < 10 && v == floor(v))
        return NUMVAL_S_UNIT;
    if (v >= 10 && v < 20 && v == floor(v))
        return NUMVAL_S_TEEN;
    if (v >= 20 && v < 100 && fmod(v, 10) == 0)
        return NUMVAL_S_TEN;
    return NUMVAL_S_OTHER;
}

static double numval_current(const struct numval_state *st)
{
    return st->total + st->hund + st->small;
}

static int numval_point_digit(struct numval_state *st, double v)
{
    char tmp[32];

    if (v < 0 || v >= 100 || v != floor(v))
        return -1;
    if (v < 10 && st->kind == NUMVAL_S_TEN && st->dec.len) {
        st->dec.data[st->dec.len - 1] = (char)('0' + (int)v);
        st->kind = NUMVAL_S_NONE;
        return 0;
    }
    st->kind = numval_kind(v) == NUMVAL_S_TEN ? NUMVAL_S_TEN : NUMVAL_S_NONE;
    snprintf(tmp, sizeof(tmp), "%d", (int)v);
    return buf_addstr(&st->dec, tmp);
}

/* "three and two thirds": a part after "and" that does not join the number before it. */
static void numval_pend(struct numval_state *st, double v, enum numval_small k)
{
    st->pend = true;
    st->total = st->hund = 0;
    st->small = v;
    st->kind = k;
    st->last_scale = 0;
    st->conn_after_scale = false;
}

static int numval_card(struct numval_state *st, double v, bool inword)
{
    enum numval_small k = numval_kind(v);

    if (st->point)
        return numval_point_digit(st, v);
    if (st->article || st->done || st->frac)
        return -1;
    if (st->kind == NUMVAL_S_NONE) {
        st->small = v;
        st->kind = k;
    } else if (k == NUMVAL_S_UNIT && st->kind == NUMVAL_S_TEN) {
        st->small += v;
        st->kind = NUMVAL_S_TENUNIT;
    } else if (k == NUMVAL_S_TEN && st->kind == NUMVAL_S_UNIT && st->conn && inword) {
        st->small += v; /* "vierundzwanzig", "drieëntwintig": one number */
        st->kind = NUMVAL_S_TENUNIT;
        st->after_conn = false;
    } else if (st->after_conn && st->since_conn == 0 && !st->pend) {
        numval_pend(st, v, k);
    } else {
        return -1;
    }
    if (st->after_conn)
        st->since_conn += v;
    st->any = true;
    st->conn = false;
    return 0;
}

static void numval_set_frac(struct numval_state *st, double whole, double part);

static int numval_num(struct numval_state *st, double v)
{
    if (st->slash) {
        st->slash = false;
        if (v == 0 || (st->mixed && st->small >= v))
            return -1;
        numval_set_frac(st, st->mixed ? st->mwhole : 0, st->small / v);
        st->mixed = false;
        return 0;
    }
    if (st->kind == NUMVAL_S_OTHER && !st->words && !st->mixed && !st->frac && !st->point &&
        st->total == 0 && st->small == floor(st->small) && st->small <= 100 && v == floor(v)) {
        st->mixed = true; /* "2 1/4": a slash must follow */
        st->mwhole = st->small;
        st->small = v;
        return 0;
    }
    if (st->article || st->done || st->frac || st->point || st->kind != NUMVAL_S_NONE)
        return -1;
    if ((st->total > 0 || st->hund > 0) && (v >= 1000 || v != floor(v)))
        return -1;
    if (v == 0 && st->after_conn)
        return -1; /* "4 thousand 3 hundred and 0": the zero is a number of its own */
    st->small = v;
    st->kind = NUMVAL_S_OTHER;
    if (st->after_conn)
        st->since_conn += v;
    st->any = true;
    st->conn = false;
    return 0;
}

static int numval_scale(struct numval_state *st, double m)
{
    double g = st->hund + st->small;

    if (g == 0 && st->total > 0 && m > st->total && st->last_scale < m) {
        st->total *= m; /* "honderdduizend miljoen" */
    } else {
        if (g == 0) {
            if (st->total > 0)
                return -1;
            g = 1;
        }
        if (st->last_scale > 0 && m >= st->last_scale)
            return -1;
        st->total += g * m;
    }
    st->last_scale = m;
    st->hund = st->small = 0;
    st->kind = NUMVAL_S_NONE;
    return 0;
}

/* "one billion and a half million": the fraction counts in the new, smaller scale. */
static bool numval_frac_scale(struct numval_state *st, double m)
{
    if (!st->frac || st->fscale <= m || st->fwhole <= 0)
        return false;
    st->small = st->fwhole + st->fpart * m;
    st->total = st->hund = 0;
    st->last_scale = m;
    st->kind = NUMVAL_S_OTHER;
    st->frac = false;
    st->fscale = 0;
    return true;
}

static int numval_mult(struct numval_state *st, double m)
{
    if (st->done || st->point || st->conn || st->pend || st->mixed)
        return -1;
    st->of = false;
    if (numval_frac_scale(st, m)) {
        st->article = false;
        return 0;
    }
    st->article = false;
    st->any = true;
    st->after_conn = false;
    st->frac = false; /* "half a million" is a count */
    if (m >= 1000)
        return numval_scale(st, m);
    if (m == 100) {
        if (st->hund > 0)
            return -1;
        st->hund = (st->kind == NUMVAL_S_NONE ? 1 : st->small) * 100;
        st->small = 0;
        st->kind = NUMVAL_S_NONE;
        st->frac = false;
        return 0;
    }
    if (st->small > 0) {
        st->small *= m; /* "three hundred and two dozens" is 324 */
    } else {
        st->small = (st->hund == 0 ? 1 : st->hund) * m;
        st->hund = 0;
    }
    st->kind = NUMVAL_S_OTHER;
    return 0;
}

/* Set the value so far to whole + part, where part counts in units of the last scale. */
static void numval_set_frac(struct numval_state *st, double whole, double part)
{
    st->fwhole = whole;
    st->fpart = part;
    st->fscale = st->conn_after_scale ? st->last_scale : 0;
    st->pend = false;
    if (st->conn_after_scale)
        part *= st->last_scale;
    st->total = 0;
    st->hund = 0;
    st->small = whole + part;
    st->last_scale = 0;
    st->kind = NUMVAL_S_OTHER;
    st->frac = true;
    st->any = true;
    st->conn = false;
    st->after_conn = false;
}

static int numval_denom(struct numval_state *st, double d)
{
    double whole = 0, num;

    if (st->article)
        num = 1;
    else if (st->after_conn && st->since_conn > 0 &&
             (st->pend || st->conn_after_scale || st->since_conn < 10 || d >= 100)) {
        /* "one hundred and three quarters" is 100.75, "and fifty-four hundredths" a decimal;
           "one hundred and thirty-two fifths" is 132/5 */
        whole = st->pre_conn;
        num = st->since_conn;
    } else
        num = numval_current(st);
    if (st->article && st->after_conn)
        whole = st->pre_conn;
    if (num == 0 || d == 0)
        return -1;
    st->article = false;
    numval_set_frac(st, whole, num / d);
    return 0;
}

static int numval_fixed(struct numval_state *st, const struct numval_item *it)
{
    double f = it->fixed;

    if (st->after_conn && st->since_conn == 0)
        numval_set_frac(st, st->pre_conn, f); /* "one and a half" */
    else if (st->kind != NUMVAL_S_NONE && it->inword)
        numval_set_frac(st, numval_current(st), f); /* "dreieinhalb" */
    else if (st->kind != NUMVAL_S_NONE)
        numval_set_frac(st, 0, numval_current(st) * f); /* "drei halbe" */
    else if (st->any)
        return -1;
    else
        numval_set_frac(st, 0, f);
    st->article = false;
    return 0;
}

/* An ordinal o ends the number: "twenty-first", "eenentwintigste", "hundred and fifth". */
static int numval_as_ord(struct numval_state *st, double o)
{
    bool tens_after_unit = st->kind == NUMVAL_S_UNIT && st->conn && numval_kind(o) == NUMVAL_S_TEN;

    if (isnan(o) || st->done || st->point || st->frac)
        return -1;
    if (st->kind != NUMVAL_S_NONE && !(st->kind == NUMVAL_S_TEN && o < 10) && !tens_after_unit)
        return -1;
    st->small += o;
    st->kind = NUMVAL_S_OTHER;
    st->ordinal = st->done = st->any = true;
    st->conn = false;
    return 0;
}

static int numval_ordword(struct numval_state *st, const struct numval_item *it)
{
    bool counted = st->article || (st->after_conn ? st->since_conn > 0 : st->kind != NUMVAL_S_NONE);

    /* "a hundred trillionths": a round denominator after a multiplier */
    if (!counted && !st->after_conn && (it->denom >= 100 || isnan(it->ord)) &&
        numval_current(st) > 0)
        counted = true;

    if (st->done || st->point || st->frac)
        return -1;
    if (st->as_ord)
        return numval_as_ord(st, isnan(it->ord) ? it->denom : it->ord);
    if (counted && !isnan(it->denom))
        return numval_denom(st, it->denom);
    if (!isnan(it->fixed))
        return numval_fixed(st, it);
    if (isnan(it->ord) || st->article)
        return -1;
    return numval_as_ord(st, it->ord);
}

static int numval_conn(struct numval_state *st, bool hyphen)
{
    if (hyphen && st->point && st->kind == NUMVAL_S_TEN) {
        st->hyphen = true; /* "point seventy-one" */
        return 0;
    }
    if (hyphen && st->article) {
        st->hyphen = true; /* "een-achtste" */
        return 0;
    }
    if (hyphen && !st->any && !st->neg) {
        st->neg = st->dash = true; /* a leading minus */
        return 0;
    }
    if (!hyphen && st->article && !st->any) {
        st->article = false; /* "een en een vierde": the article counted one */
        st->small = 1;
        st->kind = NUMVAL_S_UNIT;
        st->any = true;
    }
    if (!st->any || st->conn || st->done || st->point || st->article)
        return -1;
    st->conn = !hyphen;
    if (hyphen) {
        st->hyphen = true;
        return 0;
    }
    st->conn_after_scale = st->last_scale > 0 && st->hund == 0 && st->kind == NUMVAL_S_NONE;
    st->pre_conn = numval_current(st);
    st->since_conn = 0;
    st->after_conn = true;
    return 0;
}

static int numval_article(struct numval_state *st, const struct numval_item *it)
{
    if (!isnan(it->v) && st->kind == NUMVAL_S_TEN && !st->conn && !st->point)
        return numval_card(st, it->v, false); /* "tjugo ett" */
    if (st->article || (st->any && !st->after_conn && !st->frac) || st->done)
        return -1;
    st->article = true; /* "a million", "one and a half", "half a million" */
    return 0;
}

static int numval_feed(struct numval_state *st, const struct numval_item *it)
{
    if (it->type != NUMVAL_HYPHEN)
        st->hyphen = false;
    switch (it->type) {
    case NUMVAL_CARD:
        st->words = true;
        return numval_card(st, it->v, it->inword);
    case NUMVAL_NUM:
        return numval_num(st, it->v);
    case NUMVAL_MULT:
        return numval_mult(st, it->v);
    case NUMVAL_CONN:
        return numval_conn(st, false);
    case NUMVAL_HYPHEN:
        return numval_conn(st, true);
    case NUMVAL_ARTICLE:
        return numval_article(st, it);
    case NUMVAL_NEG:
        if (st->any || st->neg)
            return -1;
        st->neg = true;
        return 0;
    case NUMVAL_POINT:
        if (!st->any || st->point || st->frac || st->done || st->conn)
            return -1;
        st->point = true;
        st->kind = NUMVAL_S_NONE;
        return 0;
    case NUMVAL_ORDWORD:
        st->words = true;
        return numval_ordword(st, it);
    case NUMVAL_OF:
        if (!st->frac || st->of)
            return -1;
        return st->of = true, 0;
    case NUMVAL_SLASH:
        if (st->kind != NUMVAL_S_OTHER || st->frac || st->total > 0 || st->hund > 0 || st->slash)
            return -1;
        st->slash = true;
        return 0;
    }
    return -1;
}

static int numval_finish(struct numval_state *st, struct numval *out)
{
    int rc = 0;

    if (st->neg && !st->dash && st->article && !st->any) {
        st->article = false; /* "min een" */
        st->small = 1;
        st->any = true;
    }
    if (!st->any || st->conn || st->hyphen || st->slash || st->article || st->pend || st->of ||
        st->mixed || (st->point && st->dec.len == 0))
        rc = -1;
    double v = numval_current(st);
    if (rc == 0 && st->point) {
        char tmp[160];
        snprintf(tmp, sizeof(tmp), "0.%s", buf_str(&st->dec));
        v += strtod(tmp, NULL);
    }
    *out = st->digits;
    out->value = st->neg ? -v : v;
    out->ordinal = st->ordinal;
    out->fraction = st->frac;
    out->words = st->words;
    buf_release(&st->dec);
    return rc;
}

static void numval_state_init(struct numval_state *st)
{
    memset(st, 0, sizeof(*st));
    buf_init(&st->dec);
    numval_zero(&st->digits);
}

static int numval_run_as(const struct numval_items *items, bool as_ord, struct numval *out)
{
    struct numval_state st;

    numval_state_init(&st);
    st.as_ord = as_ord;
    for (size_t i = 0; i < items->n; i++) {
        if (numval_feed(&st, &items->v[i]) < 0) {
            buf_release(&st.dec);
            return -1;
        }
    }
    return numval_finish(&st, out);
}

static int numval_run(const struct numval_items *items, struct numval *out)
{
    return numval_run_as(items, false, out);
}

/* ---- compounds */

/*
 * The lengths (2 or more, ascending) of the pieces at word[pos..len) that
 * are whole number words, into l; returns how many. The search stops where
 * no number word begins with the piece: most words are no numbers at all.
 */
static size_t numval_pieces(const struct numlex *nl, const char *word, size_t pos, size_t len,
                            size_t *l)
{
    size_t n = 0;

    bool whole;

    for (size_t k = 2; pos + k <= len && numlex_part_prefix(nl, word + pos, k, &whole); k++)
        if (whole)
            l[n++] = k;
    return n;
}

/* Segment word[pos..] into morphemes appended to items; 0 when the whole reads as a number. */
static int numval_segment(const struct numlex *nl, const char *word, size_t pos, size_t len,
                          struct numval_items *items)
{
    size_t l[NUMVAL_WORDMAX];

    if (pos == len) {
        struct numval tmp;
        return items->n == 1 ? 0 : numval_run(items, &tmp); /* one word may need context */
    }
    /* the longest piece first */
    for (size_t k = numval_pieces(nl, word, pos, len, l); k > 0; k--) {
        struct numval_item it;
        if (!numval_lookup(nl, word + pos, l[k - 1], pos > 0 && pos + l[k - 1] < len, &it))
            continue;
        it.inword = pos > 0;
        size_t saved = items->n;
        if (numval_push(items, it) == 0 &&
            numval_segment(nl, word, pos + l[k - 1], len, items) == 0)
            return 0;
        items->n = saved;
    }
    return -1;
}

/* Append the items of one folded word (whole, or as a compound). */
static int numval_word_items(const struct numlex *nl, const char *word, struct numval_items *items)
{
    size_t len = strlen(word);
    struct numval_items one; /* only v[0..n) is ever read: zeroing v cost more than the lookups */

    one.n = 0;
    if (len >= NUMVAL_WORDMAX)
        return -1;
    if (numval_segment(nl, word, 0, len, &one) < 0)
        return -1;
    for (size_t i = 0; i < one.n; i++)
        if (numval_push(items, one.v[i]) < 0)
            return -1;
    return 0;
}

int numval_word(const struct numlex *nl, const char *word, double *value, bool *ordinal)
{
    struct numval_items items;
    struct numval out;

    items.n = 0;
    if (numval_word_items(nl, word, &items) < 0 || numval_run(&items, &out) < 0)
        return -1;
    *value = out.value;
    *ordinal = out.ordinal;
    return 0;
}

/*
 * numlex_has(nl, tab, fold) for token t of toks: read from the token's marks
 * when toks was marked for nl (numlex_mark() looked its fold up in every table).
 */
static bool numval_tok_has(const struct numlex *nl, const struct numtok_list *toks,
                           const struct numtok *t, enum numlex_table tab)
{
    return toks->marked == nl ? numlex_tok_has(t, tab) : numlex_has(nl, tab, t->fold);
}

/* The tables a word that is a key of one of them reads as one item from (numval_lookup()). */
#define NUMVAL_WORD_TABLES                                                                         \
    (NUMLEX_BIT(NUMLEX_CARDINALS) | NUMLEX_BIT(NUMLEX_MULTIPLIERS) | NUMLEX_BIT(NUMLEX_ORDINALS) | \
     NUMLEX_BIT(NUMLEX_DENOMINATORS) | NUMLEX_BIT(NUMLEX_FIXED))

/*
 * numval_word_items() for the word token t. When its marks say the whole
 * fold is a key of those tables, the segmenter's first try (the longest
 * piece: the whole word) is made here at once, without first looking up
 * every leading part of it.
 */
static int numval_tok_word_items(const struct numlex *nl, const struct numtok_list *toks,
                                 const struct numtok *t, struct numval_items *items)
{
    struct numval_item it;

    if (toks->marked == nl && (t->tables & NUMVAL_WORD_TABLES) && t->flen >= 2 &&
        t->flen < NUMVAL_WORDMAX && numval_lookup(nl, t->fold, t->flen, false, &it))
        return numval_push(items, it);
    return numval_word_items(nl, t->fold, items);
}

static int numval_token_items(const struct numlex *nl, const char *text,
                              const struct numtok_list *toks, const struct numtok *t,
                              struct numval_items *items, struct numval *digits)
{
    const char *f = t->fold;

    if (t->type == NUMTOK_NUM) {
        if (numval_digits(nl, text + t->start, t->end - t->start, digits) < 0)
            return -1;
        return numval_push(items, numval_mk(NUMVAL_NUM, digits->value));
    }
    if (t->type == NUMTOK_PUNCT && strcmp(f, "/") == 0)
        return numval_push(items, numval_mk(NUMVAL_SLASH, 0));
    if (t->type == NUMTOK_PUNCT && !numval_tok_has(nl, toks, t, NUMLEX_FIXED))
        return strcmp(f, "-") == 0 ? numval_push(items, numval_mk(NUMVAL_HYPHEN, 0)) : -1;
    if (numval_tok_has(nl, toks, t, NUMLEX_ARTICLES))
        return numval_push(items, numval_mk(NUMVAL_ARTICLE, numlex_num(nl, NUMLEX_CARDINALS, f)));
    if (numval_tok_has(nl, toks, t, NUMLEX_NEGATIVE))
        return numval_push(items, numval_mk(NUMVAL_NEG, 0));
    if (numval_tok_has(nl, toks, t, NUMLEX_POINT))
        return numval_push(items, numval_mk(NUMVAL_POINT, 0));
    if (numval_tok_has(nl, toks, t, NUMLEX_CONNECTORS))
        return numval_push(items, numval_mk(NUMVAL_CONN, 0));
    if (numval_tok_has(nl, toks, t, NUMLEX_FRACTION_OF))
        return numval_push(items, numval_mk(NUMVAL_OF, 0));
    return numval_tok_word_items(nl, toks, t, items);
}

bool numval_abbr_dot(const struct numlex *nl, const struct numtok_list *toks, size_t i)
{
    const struct numtok *t = i < toks->n ? &toks->v[i] : NULL;
    char key[NUMVAL_WORDMAX];

    if (!t || i == 0 || t->space || strcmp(t->fold, ".") != 0 || toks->v[i - 1].type != NUMTOK_WORD)
        return false;
    snprintf(key, sizeof(key), "%s .", toks->v[i - 1].fold);
    return numlex_has(nl, NUMLEX_MULTIPLIERS, key);
}

static int numval_eval_as(const struct numlex *nl, const char *text, const struct numtok_list *toks,
                          size_t from, size_t to, bool as_ord, struct numval *out)
{
    struct numval_items items;
    struct numval digits, last;
    size_t ndigits = 0;

    items.n = 0;
    numval_zero(out);
    numval_zero(&last);
    for (size_t i = from; i < to; i++) {
        numval_zero(&digits);
        if (i > from && numval_abbr_dot(nl, toks, i))
            continue;
        if (numval_token_items(nl, text, toks, &toks->v[i], &items, &digits) < 0) {
            out->overflow = digits.overflow;
            return -1;
        }
        if (toks->v[i].type == NUMTOK_NUM) {
            last = digits;
            ndigits++;
        }
    }
    if (numval_run_as(&items, as_ord, out) < 0)
        return -1;
    out->ambiguous = last.ambiguous;
    out->grouped = last.grouped;
    out->decimals = last.decimals;
    out->trailing_zeros = last.trailing_zeros;
    (void)ndigits;
    return 0;
}

/* ---- whole expressions: powers and fractions with an ordinal compound as denominator */

static bool numval_punct(const struct numtok *t, const char *fold)
{
    return t->type == NUMTOK_PUNCT && strcmp(t->fold, fold) == 0;
}

/* A run of glued '+' and '-' at toks->v[*i]; its sign. */
static double numval_signs(const struct numtok_list *toks, size_t *i, size_t to)
{
    double sign = 1;

    while (*i < to && !toks->v[*i].space &&
           (numval_punct(&toks->v[*i], "-") || numval_punct(&toks->v[*i], "+"))) {
        if (toks->v[*i].fold[0] == '-')
            sign = -sign;
        (*i)++;
    }
    return sign;
}

/* The integer s (digits only), or NAN. */
static double numval_int(const char *s)
{
    char *end;

    if (*s < '0' || *s > '9')
        return NAN;
    errno = 0;
    double v = strtod(s, &end);
    return *end || errno ? NAN : v;
}

/* The exponent after '^' or 'e' at toks->v[i]: signs, then glued digits ending the run. */
static double numval_exponent(const struct numtok_list *toks, size_t i, size_t to)
{
    double sign = numval_signs(toks, &i, to);

    if (i + 1 != to || toks->v[i].type != NUMTOK_NUM || toks->v[i].space)
        return NAN;
    return sign * numval_int(toks->v[i].fold);
}

/* "1e10", "-12e-1", "1.3x10^6", "2.5^-1": mantissa (already read) and what follows it. */
static double numval_power_tail(const struct numtok_list *toks, size_t i, size_t to, double mant)
{
    const struct numtok *t = &toks->v[i];
    const char *w = t->fold;

    if (t->space)
        return NAN;
    if (numval_punct(t, "^"))
        return pow(mant, numval_exponent(toks, i + 1, to));
    if (t->type != NUMTOK_WORD)
        return NAN;
    if (w[0] == 'e' && w[1])
        return i + 1 == to ? mant * pow(10, numval_int(w + 1)) : NAN;
    if (w[0] == 'e')
        return mant * pow(10, numval_exponent(toks, i + 1, to));
    if (w[0] == 'x' && i + 1 < to && numval_punct(&toks->v[i + 1], "^") && !toks->v[i + 1].space)
        return mant * pow(numval_int(w + 1), numval_exponent(toks, i + 2, to));
    return NAN;
}

static int numval_power(const struct numlex *nl, const char *text, const struct numtok_list *toks,
                        size_t from, size_t to, struct numval *out)
{
    size_t i = from;
    double sign = 1;
    struct numval d;

    if (i < to && numval_punct(&toks->v[i], "-")) {
        sign = -1;
        i++;
    }
    if (i + 2 > to || toks->v[i].type != NUMTOK_NUM || (i > from && toks->v[i].space) ||
        numval_digits(nl, text + toks->v[i].start, toks->v[i].end - toks->v[i].start, &d) < 0)
        return -1;
    double v = numval_power_tail(toks, i + 1, to, d.value);
    if (isnan(v) || isinf(v))
        return -1;
    numval_zero(out);
    out->value = sign * v;
    out->decimals = 0;
    return 0;
}

/* True when the last token of toks->v[..to) ends in an ordinal or a denominator. */
static bool numval_ends_ordinal(const struct numlex *nl, const struct numtok_list *toks, size_t to)
{
    const struct numtok *t = &toks->v[to - 1];
    struct numval_items items;

    items.n = 0;
    if (t->type != NUMTOK_WORD)
        return false;
    if (numval_tok_has(nl, toks, t, NUMLEX_ORDINALS) ||
        numval_tok_has(nl, toks, t, NUMLEX_DENOMINATORS))
        return true;
    return numval_word_items(nl, t->fold, &items) == 0 && items.n > 1 &&
           items.v[items.n - 1].type == NUMVAL_ORDWORD;
}

/* A denominator starts with a number word or digits, not "hundred", "and", "-" or "a". */
static bool numval_den_start(const struct numlex *nl, const struct numtok_list *toks,
                             const struct numtok *t)
{
    return t->type != NUMTOK_PUNCT && !numval_tok_has(nl, toks, t, NUMLEX_MULTIPLIERS) &&
           !numval_tok_has(nl, toks, t, NUMLEX_CONNECTORS) &&
           !numval_tok_has(nl, toks, t, NUMLEX_ARTICLES);
}

/* The numerator toks->v[from..k): a count, or an article alone ("a twenty-first"). */
static int numval_numerator(const struct numlex *nl, const char *text,
                            const struct numtok_list *toks, size_t from, size_t k, double *n)
{
    struct numval a;

    if (k == from + 1 && numval_tok_has(nl, toks, &toks->v[from], NUMLEX_ARTICLES)) {
        *n = 1;
        return 0;
    }
    if (numval_eval_as(nl, text, toks, from, k, false, &a) < 0 || a.fraction || a.ordinal ||
        a.value == 0)
        return -1;
    *n = a.value;
    return 0;
}

/*
 * A one-token denominator must be a compound ("eenentwintigste", "tjugoförstedelar") after
 * number words: "138 andra" is 138 others, not 138 halves.
 */
static bool numval_compound_den(const struct numlex *nl, const struct numtok_list *toks,
                                size_t from, size_t k)
{
    const struct numtok *t = &toks->v[k];

    if (numval_tok_has(nl, toks, t, NUMLEX_ORDINALS) ||
        numval_tok_has(nl, toks, t, NUMLEX_DENOMINATORS))
        return false;
    for (size_t i = from; i < k; i++)
        if (toks->v[i].type != NUMTOK_WORD)
            return false;
    return true;
}

/*
 * "one twenty-fifth", "one hundred thirty fifths" (100/35), "een eenentwintigste": a count,
 * then an ordinal compound as the denominator, the longest that leaves a count before it.
 * A one-token denominator only when the whole does not read otherwise (plain_ok false).
 */
static int numval_split_den(const struct numlex *nl, const char *text,
                            const struct numtok_list *toks, size_t from, size_t to, bool plain_ok,
                            struct numval *out)
{
    if (to - from < 2 || !numval_ends_ordinal(nl, toks, to))
        return -1;
    for (size_t k = from + 1; k < to; k++) {
        struct numval d;
        double n;
        if (k == to - 1 && (plain_ok || !numval_compound_den(nl, toks, from, k)))
            break;
        if (!numval_den_start(nl, toks, &toks->v[k]) ||
            numval_eval_as(nl, text, toks, k, to, true, &d) < 0 || d.value < 2 ||
            numval_numerator(nl, text, toks, from, k, &n) < 0)
            continue;
        numval_zero(out);
        out->value = n / d.value;
        out->fraction = out->words = true;
        return 0;
    }
    return -1;
}

/* "e", "e10", "x10" or "^" glued after digits. */
static bool numval_power_op(const struct numtok *t)
{
    const char *w = t->fold;

    if (t->space)
        return false;
    if (numval_punct(t, "^"))
        return true;
    if (t->type != NUMTOK_WORD || (w[0] != 'e' && w[0] != 'x') || (w[0] == 'x' && !w[1]))
        return false;
    return w[1] == 0 || !isnan(numval_int(w + 1));
}

bool numval_maybe_power(const struct numtok_list *toks, size_t from, size_t to)
{
    size_t i = from + (toks->v[from].type == NUMTOK_PUNCT);

    return i + 1 < to && toks->v[i].type == NUMTOK_NUM && numval_power_op(&toks->v[i + 1]);
}

/* "twintig drie vijfde", "honderd driekwart": a whole, then a fraction of one or two words. */
static int numval_juxtaposed(const struct numlex *nl, const char *text,
                             const struct numtok_list *toks, size_t from, size_t to,
                             struct numval *out)
{
    struct numval whole, part;

    if (!numval_ends_ordinal(nl, toks, to) &&
        !numval_tok_has(nl, toks, &toks->v[to - 1], NUMLEX_FIXED))
        return -1;
    for (size_t k = to - 1; k + 2 >= to && k > from; k--) {
        if ((k == to - 1 &&
             numval_tok_has(nl, toks, &toks->v[k], NUMLEX_DENOMINATORS)) || /* "drie kwart" */
            toks->v[k].type != NUMTOK_WORD ||
            toks->v[k - 1].type != NUMTOK_WORD ||
            numval_eval_as(nl, text, toks, k, to, false, &part) < 0 || !part.fraction ||
            part.value >= 1 || numval_eval_as(nl, text, toks, from, k, false, &whole) < 0 ||
            whole.fraction || whole.ordinal || whole.value < 1)
            continue;
        *out = whole;
        out->value = whole.value + part.value;
        out->fraction = true;
        return 0;
    }
    return -1;
}

int numval_eval(const struct numlex *nl, const char *text, const struct numtok_list *toks,
                size_t from, size_t to, struct numval *out)
{
    if (from >= to)
        return -1;
    if (nl->juxtaposed && to - from >= 2 && numval_juxtaposed(nl, text, toks, from, to, out) == 0)
        return 0;
    if (numval_maybe_power(toks, from, to))
        return numval_power(nl, text, toks, from, to, out);
    /* numval_split_den() writes out only when it reads a fraction; else out keeps the plain one */
    int plain = numval_eval_as(nl, text, toks, from, to, false, out);
    if (numval_split_den(nl, text, toks, from, to, plain == 0, out) == 0)
        return 0;
    return plain;
}

int numval_eval_count(const struct numlex *nl, const char *text, const struct numtok_list *toks,
                      size_t from, size_t to, struct numval *out)
{
    if (to == from + 1 && numval_tok_has(nl, toks, &toks->v[from], NUMLEX_ARTICLES)) {
        numval_zero(out);
        out->value = 1;
        out->words = true;
        return 0;
    }
    return numval_eval(nl, text, toks, from, to, out);
}
