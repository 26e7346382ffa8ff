#include "recscan.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "jscan.h"

#define RECSCAN_NAME(s)                                                                            \
    {                                                                                              \
        s, sizeof(s) - 1                                                                           \
    }

static const struct {
    const char *s;
    size_t len;
} recscan_names[RECSCAN_NKEYS] = {
    RECSCAN_NAME("ambiguous"), RECSCAN_NAME("as_of"),     RECSCAN_NAME("attribution"),
    RECSCAN_NAME("category"),  RECSCAN_NAME("date"),      RECSCAN_NAME("doc"),
    RECSCAN_NAME("doc_place"), RECSCAN_NAME("end"),       RECSCAN_NAME("high"),
    RECSCAN_NAME("kind"),      RECSCAN_NAME("lang"),      RECSCAN_NAME("low"),
    RECSCAN_NAME("place"),     RECSCAN_NAME("qualifier"), RECSCAN_NAME("quote"),
    RECSCAN_NAME("scope"),     RECSCAN_NAME("sid"),       RECSCAN_NAME("side"),
    RECSCAN_NAME("source"),    RECSCAN_NAME("start"),     RECSCAN_NAME("subject"),
    RECSCAN_NAME("text"),      RECSCAN_NAME("unit"),      RECSCAN_NAME("value"),
    RECSCAN_NAME("victim"),
};

/* Where the scan is: the rest of the line, and the next free byte for strings. */
struct recscan_at {
    const unsigned char *p, *end;
    char *out;
};

static inline void recscan_ws(struct recscan_at *a)
{
    while (a->p < a->end && *a->p <= ' ' &&
           (*a->p == ' ' || *a->p == '\t' || *a->p == '\n' || *a->p == '\r'))
        a->p++;
}

/* Whether the next byte is c; if so, step over it. */
static inline bool recscan_eat(struct recscan_at *a, unsigned char c)
{
    if (a->p == a->end || *a->p != c)
        return false;
    a->p++;
    return true;
}

/* The length of the UTF-8 sequence at p (p[0] >= 0x80), or 0 when jansson would reject it. */
static size_t recscan_utf8(const unsigned char *p, const unsigned char *end)
{
    size_t n;
    uint32_t cp, min;

    if (p[0] >= 0xC2 && p[0] <= 0xDF) {
        n = 2, cp = p[0] & 0x1F, min = 0x80;
    } else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
        n = 3, cp = p[0] & 0x0F, min = 0x800;
    } else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
        n = 4, cp = p[0] & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if ((size_t)(end - p) < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* Copy the run of plain ASCII at p into *o (jscan finds its end, sixteen bytes at a time); returns
 * where the run ends. */
static const unsigned char *recscan_plain(const unsigned char *p, const unsigned char *end,
                                          char **o)
{
    size_t n = jscan_plain_span((const char *)p, (size_t)(end - p));

    memcpy(*o, p, n);
    *o += n;
    return p + n;
}

/* The string at a->p (its opening quote), unescaped into a->out. */
static bool recscan_string(struct recscan_at *a, const char **s, size_t *len)
{
    const unsigned char *p = a->p + 1;
    char *o = a->out;

    while ((p = recscan_plain(p, a->end, &o)) < a->end) {
        if (*p == '"') {
            *o = '\0';
            *s = a->out;
            *len = (size_t)(o - a->out);
            a->out = o + 1;
            a->p = p + 1;
            return true;
        }
        size_t n = *p < 0x80 ? 1 : recscan_utf8(p, a->end);
        if (*p < 0x20 || n == 0)
            return false;
        if (*p == '\\') {
            if (p + 1 == a->end || !(*o++ = jscan_escape(p[1])))
                return false;
            p += 2;
            continue;
        }
        memcpy(o, p, n);
        o += n;
        p += n;
    }
    return false;
}

static const unsigned char *recscan_digits(const unsigned char *p, const unsigned char *end)
{
    while (p < end && *p >= '0' && *p <= '9')
        p++;
    return p;
}

/* The end of the JSON number at p, or NULL when there is none; *real when it has a fraction or
 * exponent. */
static const unsigned char *recscan_number_end(const unsigned char *p, const unsigned char *end,
                                               bool *real)
{
    const unsigned char *q;

    *real = false;
    if (p < end && *p == '-')
        p++;
    if (p == end || *p < '0' || *p > '9')
        return NULL;
    q = *p == '0' ? p + 1 : recscan_digits(p, end);
    if (*p == '0' && q < end && *q >= '0' && *q <= '9')
        return NULL; /* a leading zero */
    if (q < end && *q == '.') {
        *real = true;
        p = recscan_digits(q + 1, end);
        if (p == q + 1)
            return NULL;
        q = p;
    }
    if (q < end && (*q == 'e' || *q == 'E')) {
        *real = true;
        q++;
        if (q < end && (*q == '+' || *q == '-'))
            q++;
        p = recscan_digits(q, end);
        if (p == q)
            return NULL;
        q = p;
    }
    return q;
}

/* Digits that cannot overflow a long long: what strtoll would read, without its cost. */
static bool recscan_small_integer(const unsigned char *p, const unsigned char *end, long long *out)
{
    bool neg = *p == '-';
    long long v = 0;

    p += neg;
    if (end - p > 18)
        return false;
    for (; p < end; p++)
        v = v * 10 + (*p - '0');
    *out = neg ? -v : v;
    return true;
}

/* A number as jansson reads it: strtoll for an integer (out of range: rejected), else strtod. */
static bool recscan_number(struct recscan_at *a, struct recscan_value *v)
{
    bool real;
    const unsigned char *end = recscan_number_end(a->p, a->end, &real);
    char text[64];

    if (!end || (size_t)(end - a->p) >= sizeof(text))
        return false;
    if (!real && recscan_small_integer(a->p, end, &v->i)) {
        a->p = end;
        v->type = RECSCAN_INTEGER;
        v->d = (double)v->i;
        return true;
    }
    memcpy(text, a->p, (size_t)(end - a->p));
    text[end - a->p] = '\0';
    a->p = end;
    errno = 0;
    if (real) {
        v->type = RECSCAN_REAL;
        v->d = strtod(text, NULL);
        return isfinite(v->d);
    }
    v->type = RECSCAN_INTEGER;
    v->i = strtoll(text, NULL, 10);
    v->d = (double)v->i;
    return errno != ERANGE;
}

static bool recscan_word(struct recscan_at *a, const char *word, enum recscan_type type,
                         struct recscan_value *v)
{
    size_t n = strlen(word);

    if ((size_t)(a->end - a->p) < n || memcmp(a->p, word, n) != 0)
        return false;
    a->p += n;
    v->type = type;
    return true;
}

/* A string, number, null, true or false; false for anything else. */
static bool recscan_value(struct recscan_at *a, struct recscan_value *v)
{
    if (a->p == a->end)
        return false;
    switch (*a->p) {
    case '"':
        v->type = RECSCAN_STRING;
        return recscan_string(a, &v->s, &v->len);
    case 'n':
        return recscan_word(a, "null", RECSCAN_NULL, v);
    case 't':
        return recscan_word(a, "true", RECSCAN_TRUE, v);
    case 'f':
        return recscan_word(a, "false", RECSCAN_FALSE, v);
    }
    return recscan_number(a, v);
}

static bool recscan_is(const char *key, size_t len, size_t k)
{
    return recscan_names[k].len == len && memcmp(recscan_names[k].s, key, len) == 0;
}

/* The index of key among recscan_names, RECSCAN_NKEYS when it is none; hint is tried first. */
static size_t recscan_find(const char *key, size_t len, size_t hint)
{
    if (hint < RECSCAN_NKEYS && recscan_is(key, len, hint))
        return hint;
    for (size_t k = 0; k < RECSCAN_NKEYS; k++)
        if (recscan_is(key, len, k))
            return k;
    return RECSCAN_NKEYS;
}

/* Note another key; false when it came before (jansson rejects duplicates) or memory ran out. */
static bool recscan_other(struct recscan *sc, const char *key, size_t len, bool *oom)
{
    for (size_t i = 0; i < sc->nother; i++)
        if (sc->other[i].len == len && memcmp(sc->other[i].s, key, len) == 0)
            return false;
    if (grow_items(&sc->other, &sc->othercap, sc->nother + 1, sizeof(*sc->other)) < 0) {
        *oom = true;
        return false;
    }
    sc->other[sc->nother++] = (struct recscan_key_seen){key, len};
    return true;
}

/* One "key": value; *k is the key's index (the hint for the next). */
/*
 * Whether the key at a->p is, quotes and all, the field k: normalize writes
 * the fields in this order, so most keys are read by one comparison.
 */
static bool recscan_expected(struct recscan_at *a, size_t k)
{
    size_t n = k < RECSCAN_NKEYS ? recscan_names[k].len : 0;

    if (!n || (size_t)(a->end - a->p) < n + 2 || a->p[n + 1] != '"' ||
        memcmp(a->p + 1, recscan_names[k].s, n) != 0)
        return false;
    a->p += n + 2;
    return true;
}

/* The key at a->p: *k becomes its index, or RECSCAN_NKEYS for another key (noted). */
static bool recscan_key(struct recscan *sc, struct recscan_at *a, size_t *k, bool *oom)
{
    const char *key;
    size_t len;

    if (recscan_expected(a, *k + 1)) {
        ++*k;
        return true;
    }
    if (a->p == a->end || *a->p != '"' || !recscan_string(a, &key, &len))
        return false;
    *k = recscan_find(key, len, *k + 1);
    return *k < RECSCAN_NKEYS || recscan_other(sc, key, len, oom);
}

static bool recscan_member(struct recscan *sc, struct recscan_at *a, size_t *k, bool *oom)
{
    struct recscan_value scratch;

    if (!recscan_key(sc, a, k, oom))
        return false;
    recscan_ws(a);
    if (!recscan_eat(a, ':'))
        return false;
    recscan_ws(a);
    if (*k == RECSCAN_NKEYS)
        return recscan_value(a, &scratch);
    if (sc->v[*k].type != RECSCAN_ABSENT)
        return false;
    return recscan_value(a, &sc->v[*k]);
}

/* The members of the object whose '{' was just read, up to its '}'. */
static bool recscan_members(struct recscan *sc, struct recscan_at *a, bool *oom)
{
    size_t k = SIZE_MAX; /* so that the first hint is 0 */

    recscan_ws(a);
    if (recscan_eat(a, '}'))
        return true;
    for (;;) {
        if (!recscan_member(sc, a, &k, oom))
            return false;
        recscan_ws(a);
        if (recscan_eat(a, '}'))
            return true;
        if (!recscan_eat(a, ','))
            return false;
        recscan_ws(a);
    }
}

int recscan_line(struct recscan *sc, const char *line, size_t len)
{
    bool oom = false;

    if (sc->cap < len + 1) {
        char *t = realloc(sc->text, len + 1);
        if (!t)
            return -1;
        sc->text = t;
        sc->cap = len + 1;
    }
    for (size_t k = 0; k < RECSCAN_NKEYS; k++)
        sc->v[k].type = RECSCAN_ABSENT;
    sc->nother = 0;
    struct recscan_at a = {(const unsigned char *)line, (const unsigned char *)line + len,
                           sc->text};
    recscan_ws(&a);
    if (!recscan_eat(&a, '{') || !recscan_members(sc, &a, &oom))
        return oom ? -1 : 0;
    recscan_ws(&a);
    return a.p == a.end;
}

void recscan_release(struct recscan *sc)
{
    free(sc->text);
    free(sc->other);
    memset(sc, 0, sizeof(*sc));
}
