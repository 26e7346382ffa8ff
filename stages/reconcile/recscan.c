#include "recscan.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "jscan.h"

/* Each field's key as normalize writes it, quotes and colon included: "name": */
#define RECSCAN_NAME(s)                                                                            \
    {                                                                                              \
        "\"" s "\":", sizeof(s) + 2                                                                \
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

/*
 * The scan passes the place it has reached as a pointer and returns the
 * next (NULL when it gives up), so that the place stays in a register.
 */
static inline const unsigned char *recscan_ws(const unsigned char *p, const unsigned char *end)
{
    while (p < end && *p <= ' ' && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    return p;
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

/* The string at p (its opening quote), unescaped into *out; returns where it ends. */
static const unsigned char *recscan_string(const unsigned char *p, const unsigned char *end,
                                           char **out, const char **s, size_t *len)
{
    char *o = *out;

    p++;
    while ((p = recscan_plain(p, end, &o)) < end) {
        if (*p == '"') {
            *o = '\0';
            *s = *out;
            *len = (size_t)(o - *out);
            *out = o + 1;
            return p + 1;
        }
        size_t n = *p < 0x80 ? 1 : recscan_utf8(p, end);
        if (*p < 0x20 || n == 0)
            return NULL;
        if (*p == '\\') {
            if (p + 1 == end || !(*o++ = jscan_escape(p[1])))
                return NULL;
            p += 2;
            continue;
        }
        memcpy(o, p, n);
        o += n;
        p += n;
    }
    return NULL;
}

/*
 * The string at p (its opening quote) when it has no escape: its *len bytes
 * from p + 1 are checked and left where they are. Returns where it ends, or
 * NULL with *escape set when it has an escape, NULL alone when it is invalid.
 */
static const unsigned char *recscan_plain_string(const unsigned char *p, const unsigned char *end,
                                                 size_t *len, bool *escape)
{
    const unsigned char *q = p + 1;

    for (;;) {
        q += jscan_plain_span((const char *)q, (size_t)(end - q));
        if (q == end)
            return NULL;
        if (*q == '"') {
            *len = (size_t)(q - p - 1);
            return q + 1;
        }
        if (*q == '\\') {
            *escape = true;
            return NULL;
        }
        size_t n = *q < 0x80 ? 0 : recscan_utf8(q, end);
        if (n == 0)
            return NULL;
        q += n;
    }
}

/*
 * A string value at p. Without an escape it stays in the line, and when
 * keep is set its closing quote becomes its NUL; with one it is unescaped
 * into *out. Returns where it ends, or NULL.
 */
static const unsigned char *recscan_string_value(const unsigned char *p, const unsigned char *end,
                                                 char **out, struct recscan_value *v, bool keep)
{
    bool escape = false;
    const unsigned char *q = recscan_plain_string(p, end, &v->len, &escape);

    if (q) {
        v->s = (const char *)p + 1;
        v->in_line = keep;
        if (keep)
            *(char *)(q - 1) = '\0'; /* the caller's line: recscan_line() takes it writable */
    } else if (escape) {
        v->in_line = false;
        q = recscan_string(p, end, out, &v->s, &v->len);
    }
    if (q)
        v->type = RECSCAN_STRING;
    return q;
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
static const unsigned char *recscan_number(const unsigned char *p, const unsigned char *end,
                                           struct recscan_value *v)
{
    bool real;
    const unsigned char *e = recscan_number_end(p, end, &real);
    char text[64];

    if (!e || (size_t)(e - p) >= sizeof(text))
        return NULL;
    if (!real && recscan_small_integer(p, e, &v->i)) {
        v->type = RECSCAN_INTEGER;
        v->d = (double)v->i;
        return e;
    }
    memcpy(text, p, (size_t)(e - p));
    text[e - p] = '\0';
    errno = 0;
    if (real) {
        v->type = RECSCAN_REAL;
        v->d = strtod(text, NULL);
        return isfinite(v->d) ? e : NULL;
    }
    v->type = RECSCAN_INTEGER;
    v->i = strtoll(text, NULL, 10);
    v->d = (double)v->i;
    return errno != ERANGE ? e : NULL;
}

static const unsigned char *recscan_word(const unsigned char *p, const unsigned char *end,
                                         const char *word, enum recscan_type type,
                                         struct recscan_value *v)
{
    size_t n = strlen(word);

    if ((size_t)(end - p) < n || memcmp(p, word, n) != 0)
        return NULL;
    v->type = type;
    return p + n;
}

/* A string, number, null, true or false at p; NULL for anything else. keep: a field's value. */
static const unsigned char *recscan_value(const unsigned char *p, const unsigned char *end,
                                          char **out, struct recscan_value *v, bool keep)
{
    if (p == end)
        return NULL;
    switch (*p) {
    case '"':
        return recscan_string_value(p, end, out, v, keep);
    case 'n':
        return recscan_word(p, end, "null", RECSCAN_NULL, v);
    case 't':
        return recscan_word(p, end, "true", RECSCAN_TRUE, v);
    case 'f':
        return recscan_word(p, end, "false", RECSCAN_FALSE, v);
    }
    return recscan_number(p, end, v);
}

static bool recscan_is(const char *key, size_t len, size_t k)
{
    return recscan_names[k].len == len + 3 && memcmp(recscan_names[k].s + 1, key, len) == 0;
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

/* Whether the n bytes at p are those at pat (4 <= n <= 16): two loads of each, overlapping. */
static inline bool recscan_same(const unsigned char *p, const char *pat, size_t n)
{
    if (n >= 8) {
        uint64_t a, b, c, d;
        memcpy(&a, p, 8), memcpy(&b, pat, 8);
        memcpy(&c, p + n - 8, 8), memcpy(&d, pat + n - 8, 8);
        return ((a ^ b) | (c ^ d)) == 0;
    }
    uint32_t a, b, c, d;
    memcpy(&a, p, 4), memcpy(&b, pat, 4);
    memcpy(&c, p + n - 4, 4), memcpy(&d, pat + n - 4, 4);
    return ((a ^ b) | (c ^ d)) == 0;
}

/*
 * Whether the text at p is "name": of field k: normalize writes the fields
 * in this order, so most keys are read by this one comparison.
 */
static inline bool recscan_expected(const unsigned char *p, const unsigned char *end, size_t k)
{
    return k < RECSCAN_NKEYS && (size_t)(end - p) >= recscan_names[k].len &&
           recscan_same(p, recscan_names[k].s, recscan_names[k].len);
}

/* The key at p and its ':': *k becomes its index, or RECSCAN_NKEYS for another key (noted). */
static const unsigned char *recscan_key(struct recscan *sc, const unsigned char *p,
                                        const unsigned char *end, char **out, size_t *k, bool *oom)
{
    const char *key;
    size_t len;

    if (p == end || *p != '"')
        return NULL;
    struct recscan_value v;
    if (!(p = recscan_string_value(p, end, out, &v, false)))
        return NULL;
    key = v.s;
    len = v.len;
    *k = recscan_find(key, len, *k + 1);
    if (*k == RECSCAN_NKEYS && !recscan_other(sc, key, len, oom))
        return NULL;
    p = recscan_ws(p, end);
    return p < end && *p == ':' ? p + 1 : NULL;
}

/* One "key": value; *k is the index of the key before (the hint for this one). */
static const unsigned char *recscan_member(struct recscan *sc, const unsigned char *p,
                                           const unsigned char *end, char **out, size_t *k,
                                           bool *oom)
{
    struct recscan_value scratch;

    if (recscan_expected(p, end, *k + 1))
        p += recscan_names[++*k].len;
    else if (!(p = recscan_key(sc, p, end, out, k, oom)))
        return NULL;
    p = recscan_ws(p, end);
    if (*k == RECSCAN_NKEYS)
        return recscan_value(p, end, out, &scratch, false);
    if (sc->v[*k].type != RECSCAN_ABSENT)
        return NULL;
    return recscan_value(p, end, out, &sc->v[*k], true);
}

/* The members of the object whose '{' was just read, up to and past its '}'. */
static const unsigned char *recscan_members(struct recscan *sc, const unsigned char *p,
                                            const unsigned char *end, bool *oom)
{
    size_t k = SIZE_MAX; /* so that the first hint is 0 */
    char *out = sc->text;

    p = recscan_ws(p, end);
    if (p < end && *p == '}')
        return p + 1;
    for (;;) {
        if (!(p = recscan_member(sc, p, end, &out, &k, oom)))
            return NULL;
        p = recscan_ws(p, end);
        if (p == end)
            return NULL;
        if (*p == '}')
            return p + 1;
        if (*p != ',')
            return NULL;
        p = recscan_ws(p + 1, end);
    }
}

void recscan_restore(struct recscan *sc)
{
    for (size_t k = 0; k < RECSCAN_NKEYS; k++)
        if (sc->v[k].type == RECSCAN_STRING && sc->v[k].in_line)
            ((char *)sc->v[k].s)[sc->v[k].len] = '"';
}

int recscan_line(struct recscan *sc, char *line, size_t len)
{
    const unsigned char *p = (const unsigned char *)line, *end = p + len;
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
    p = recscan_ws(p, end);
    if (p == end || *p != '{' || !(p = recscan_members(sc, p + 1, end, &oom)) ||
        recscan_ws(p, end) != end) {
        recscan_restore(sc);
        return oom ? -1 : 0;
    }
    return 1;
}

void recscan_release(struct recscan *sc)
{
    free(sc->text);
    free(sc->other);
    memset(sc, 0, sizeof(*sc));
}
