#include "normrec.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jsonl.h"

/* Strings up to this long share a block; a longer one gets its own. */
#define NORMPOOL_BLOCK 65536

void normrec_release(struct normrec *r)
{
    json_decref(r->lang_other);
    r->lang_other = NULL;
}

/*
 * ,"key": as jsonl_put_key() writes it after a member, made at compile time
 * (keys here need no escaping): two arguments, the text and its length.
 */
#define NORMREC_KEY(name) ",\"" name "\":", sizeof(",\"" name "\":") - 1

/* Room for extra more bytes and the NUL in b: buf_grow() only when the room runs out. */
static inline int normrec_room(struct buf *b, size_t extra)
{
    return b->len + extra < b->cap ? 0 : buf_grow(b, extra);
}

/* Append t[0..n) that needs no escape (a key text of NORMREC_KEY(), null, true, false). */
static int normrec_raw(struct buf *b, const char *t, size_t n)
{
    if (normrec_room(b, n) < 0)
        return -1;
    memcpy(b->data + b->len, t, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

/* The key, then s[0..n) as a JSON string, with room made once for both when nothing is escaped. */
static int normrec_str(struct buf *b, const char *key, size_t klen, const char *s, size_t n)
{
    if (normrec_room(b, klen + n + 2) < 0)
        return -1;
    memcpy(b->data + b->len, key, klen);
    b->len += klen;
    return jsonl_put_string(b, s, n);
}

static int normrec_span(struct buf *b, const char *key, size_t klen, const struct normstr *s)
{
    return normrec_str(b, key, klen, s->p ? s->p : "", s->n);
}

static int normrec_cstr(struct buf *b, const char *key, size_t klen, const char *s)
{
    if (!s)
        return normrec_raw(b, key, klen) < 0 ? -1 : normrec_raw(b, "null", 4);
    return normrec_str(b, key, klen, s, strlen(s));
}

/* A JSON value as jansson dumps it alone (compact), for reals and lang of another type. */
static int normrec_dump(struct buf *b, const json_t *v)
{
    char tmp[256];
    size_t n = v ? json_dumpb(v, tmp, sizeof(tmp), JSON_ENCODE_ANY | JSON_COMPACT) : 0;

    if (n > 0 && n <= sizeof(tmp))
        return buf_add(b, tmp, n);
    char *s = v ? json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
    int rc = s ? buf_addstr(b, s) : -1;
    free(s);
    return rc;
}

/* An integer's decimal digits, as printf's %lld writes them, written in place at the end of b. */
static int normrec_int(struct buf *b, long long v)
{
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    size_t n = 1 + (v < 0);

    for (unsigned long long q = u / 10; q; q /= 10)
        n++;
    if (normrec_room(b, n) < 0)
        return -1;
    char *p = b->data + b->len + n;
    *p = '\0';
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    b->len += n;
    return 0;
}

/* The significant digits jansson writes a real with ("%.17g"). */
#define NORMREC_REAL_DIGITS 17
/* The most fraction bits normrec_real_fast() takes: ten times the fraction fits in 64 bits. */
#define NORMREC_REAL_BITS 59

/* Round the digits d[0..n) up by one in the last place. false when that carries out of d[0]. */
static bool normrec_round_up(char *d, size_t n)
{
    while (n-- > 0) {
        if (d[n] < 9) {
            d[n]++;
            return true;
        }
        d[n] = 0;
    }
    return false;
}

/*
 * The digits of "%.17g" for v = ip + frac / 2^bits, read exactly (no printf): into d the 17
 * significant digits, correctly rounded (ties to even, as glibc rounds), *lead the zeros after the
 * point before the first of them when ip is 0. false when the rounding carries over (the caller
 * then lets jansson write v).
 */
static bool normrec_real_digits(uint64_t ip, uint64_t frac, unsigned bits, char *d, size_t *lead)
{
    const uint64_t mask = ((uint64_t)1 << bits) - 1;
    char tmp[20];
    size_t n = 0, k = 0;

    for (; ip; ip /= 10)
        tmp[k++] = (char)(ip % 10);
    while (k > 0)
        d[n++] = tmp[--k];
    *lead = 0;
    while (n < NORMREC_REAL_DIGITS) {
        frac *= 10;
        char digit = (char)(frac >> bits);
        frac &= mask;
        if (n == 0 && digit == 0)
            (*lead)++;
        else
            d[n++] = digit;
    }
    frac *= 10;
    char next = (char)(frac >> bits);
    frac &= mask;
    if (next > 5 || (next == 5 && (frac != 0 || d[n - 1] % 2 == 1)))
        return normrec_round_up(d, n);
    return true;
}

/*
 * v as jansson writes a real ("%.17g", with ".0" when that shows neither point nor exponent) into
 * out (room for 32 bytes); its length, or 0 for a v it leaves to jansson: whole, too small for
 * the fixed notation, or with more than NORMREC_REAL_BITS bits after the binary point.
 */
size_t normrec_real_fast(double v, char *out)
{
    int ex;
    double m = frexp(fabs(v), &ex);
    uint64_t mant = (uint64_t)ldexp(m, 53);
    int e = ex - 53;

    if (!isfinite(v) || v == 0 || v == floor(v))
        return 0;
    while (e < 0 && (mant & 1) == 0) {
        mant >>= 1;
        e++;
    }
    if (e >= 0 || -e > NORMREC_REAL_BITS)
        return 0;
    unsigned bits = (unsigned)-e;
    char d[NORMREC_REAL_DIGITS];
    size_t lead, ni = 0, len = 0;
    uint64_t ip = mant >> bits;

    for (uint64_t q = ip; q; q /= 10)
        ni++;
    if (!normrec_real_digits(ip, mant & (((uint64_t)1 << bits) - 1), bits, d, &lead) ||
        lead >= 4) /* below 1e-4 "%g" writes an exponent */
        return 0;
    if (v < 0)
        out[len++] = '-';
    for (size_t i = 0; i < ni; i++)
        out[len++] = (char)('0' + d[i]);
    if (ni == 0)
        out[len++] = '0';
    out[len++] = '.';
    for (size_t i = 0; i < lead; i++)
        out[len++] = '0';
    size_t last = NORMREC_REAL_DIGITS;
    while (last > ni + 1 && d[last - 1] == 0)
        last--; /* "%g" drops trailing zeros; jansson keeps ".0" */
    for (size_t i = ni; i < last; i++)
        out[len++] = (char)('0' + d[i]);
    return len;
}

/* As resolve wrote numbers with jansson: null, an integer when whole, else a real. */
static int normrec_num(struct buf *b, const char *key, size_t klen, double v)
{
    if (normrec_raw(b, key, klen) < 0)
        return -1;
    if (isnan(v))
        return normrec_raw(b, "null", 4);
    if (v == floor(v) && fabs(v) < 9e15)
        return normrec_int(b, (long long)v);
    char text[32];
    size_t n = normrec_real_fast(v, text);
    if (n > 0)
        return normrec_raw(b, text, n);
    json_t *real = json_real(v);
    int rc = real ? normrec_dump(b, real) : -1;
    json_decref(real);
    return rc;
}

static int normrec_integer(struct buf *b, const char *key, size_t klen, long long v)
{
    return normrec_raw(b, key, klen) < 0 ? -1 : normrec_int(b, v);
}

static int normrec_lang(struct buf *b, const struct normrec *r)
{
    if (r->lang_string)
        return normrec_span(b, NORMREC_KEY("lang"), &r->lang);
    if (normrec_raw(b, NORMREC_KEY("lang")) < 0)
        return -1;
    return r->lang_other ? normrec_dump(b, r->lang_other) : normrec_raw(b, "null", 4);
}

/* The members up to "end" (sorted keys: claim fields interleave with resolve's). */
static int normrec_head(struct buf *b, const struct normrec *r)
{
    bool a = r->annotated;

    if (normrec_raw(b, "{\"ambiguous\":", 13) < 0 ||
        normrec_raw(b, r->ambiguous ? "true" : "false", r->ambiguous ? 4 : 5) < 0)
        return -1;
    if (a && (normrec_span(b, NORMREC_KEY("as_of"), &r->as_of) < 0 ||
              normrec_span(b, NORMREC_KEY("attribution"), &r->attribution) < 0))
        return -1;
    if (normrec_cstr(b, NORMREC_KEY("category"), a ? r->category : NULL) < 0)
        return -1;
    if (a && normrec_span(b, NORMREC_KEY("date"), &r->date) < 0)
        return -1;
    if (normrec_span(b, NORMREC_KEY("doc"), &r->doc) < 0)
        return -1;
    if (a && normrec_span(b, NORMREC_KEY("doc_place"), &r->doc_place) < 0)
        return -1;
    return normrec_integer(b, NORMREC_KEY("end"), r->end);
}

static int normrec_middle(struct buf *b, const struct normrec *r)
{
    bool a = r->annotated;

    if (normrec_num(b, NORMREC_KEY("high"), r->high) < 0 ||
        normrec_cstr(b, NORMREC_KEY("kind"), r->kind) < 0 || normrec_lang(b, r) < 0 ||
        normrec_num(b, NORMREC_KEY("low"), r->low) < 0)
        return -1;
    if (a && normrec_span(b, NORMREC_KEY("place"), &r->place) < 0)
        return -1;
    if (normrec_cstr(b, NORMREC_KEY("qualifier"), r->qualifier) < 0)
        return -1;
    if (a && (normrec_span(b, NORMREC_KEY("quote"), &r->quote) < 0 ||
              normrec_span(b, NORMREC_KEY("scope"), &r->scope) < 0))
        return -1;
    return normrec_integer(b, NORMREC_KEY("sid"), r->sid); /* "sid" sorts before "side" */
}

static int normrec_tail(struct buf *b, const struct normrec *r)
{
    bool a = r->annotated;

    if (a && (normrec_span(b, NORMREC_KEY("side"), &r->side) < 0 ||
              normrec_span(b, NORMREC_KEY("source"), &r->source) < 0))
        return -1;
    if (normrec_integer(b, NORMREC_KEY("start"), r->start) < 0)
        return -1;
    if (a && normrec_span(b, NORMREC_KEY("subject"), &r->subject) < 0)
        return -1;
    if (normrec_span(b, NORMREC_KEY("text"), &r->text) < 0 ||
        normrec_cstr(b, NORMREC_KEY("unit"), r->unit) < 0 ||
        normrec_num(b, NORMREC_KEY("value"), r->value) < 0)
        return -1;
    return a ? normrec_span(b, NORMREC_KEY("victim"), &r->victim) : 0;
}

int normrec_put(struct buf *b, const struct normrec *r)
{
    if (normrec_head(b, r) < 0 || normrec_middle(b, r) < 0 || normrec_tail(b, r) < 0)
        return -1;
    return normrec_raw(b, "}", 1);
}

void normpool_init(struct normpool *p)
{
    memset(p, 0, sizeof(*p));
}

static int normpool_grow(struct normpool *p, size_t need)
{
    size_t size = need > NORMPOOL_BLOCK ? need : NORMPOOL_BLOCK;

    if (p->nblocks == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 8;
        char **grown = realloc(p->blocks, cap * sizeof(*grown));
        if (!grown)
            return -1;
        p->blocks = grown;
        p->cap = cap;
    }
    char *block = malloc(size);
    if (!block)
        return -1;
    p->blocks[p->nblocks++] = block;
    p->used = 0;
    p->size = size;
    return 0;
}

const char *normpool_add(struct normpool *p, const char *s, size_t n)
{
    if ((p->nblocks == 0 || p->size - p->used < n + 1) && normpool_grow(p, n + 1) < 0)
        return NULL;
    char *at = p->blocks[p->nblocks - 1] + p->used;
    if (n)
        memcpy(at, s, n);
    at[n] = '\0';
    p->used += n + 1;
    return at;
}

void normpool_reset(struct normpool *p)
{
    if (p->nblocks > 1) {
        for (size_t i = 0; i < p->nblocks; i++)
            free(p->blocks[i]);
        p->nblocks = 0;
    }
    p->used = 0;
}

void normpool_release(struct normpool *p)
{
    for (size_t i = 0; i < p->nblocks; i++)
        free(p->blocks[i]);
    free(p->blocks);
    normpool_init(p);
}
