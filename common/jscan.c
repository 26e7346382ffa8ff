#include "jscan.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Longest number text decoded through strtod(); longer ones go to jansson. */
#define JSCAN_NUM_MAX 64

struct jscan_in {
    const char *s;
    size_t i, n;
};

static void jscan_ws(struct jscan_in *in)
{
    while (in->i < in->n) {
        char c = in->s[in->i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return;
        in->i++;
    }
}

static int jscan_hex4(const char *p, size_t avail, unsigned *out)
{
    unsigned v = 0;

    if (avail < 4)
        return -1;
    for (int k = 0; k < 4; k++) {
        char c = p[k];
        unsigned d;
        if (c >= '0' && c <= '9')
            d = (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            d = (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            d = (unsigned)(c - 'A' + 10);
        else
            return -1;
        v = v << 4 | d;
    }
    *out = v;
    return 0;
}

/*
 * Decode the \u escape at p (p[0] is 'u'), a surrogate pair included, into
 * *cp. Returns the bytes taken after the backslash, or 0 when invalid
 * (jansson refuses \u0000 and lone surrogates too).
 */
static size_t jscan_uescape(const char *p, size_t avail, int32_t *cp)
{
    unsigned hi, lo;

    if (jscan_hex4(p + 1, avail - 1, &hi) < 0 || hi == 0)
        return 0;
    if (hi >= 0xDC00 && hi <= 0xDFFF)
        return 0;
    if (hi < 0xD800 || hi > 0xDBFF) {
        *cp = (int32_t)hi;
        return 5;
    }
    if (avail < 11 || p[5] != '\\' || p[6] != 'u' || jscan_hex4(p + 7, avail - 7, &lo) < 0 ||
        lo < 0xDC00 || lo > 0xDFFF)
        return 0;
    *cp = (int32_t)(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
    return 11;
}

/* Skip the string at in->i (a '"'). Sets *escaped when it holds an escape. Returns 0 or -1. */
static int jscan_skip_string(struct jscan_in *in, bool *escaped)
{
    const unsigned char *u = (const unsigned char *)in->s;
    size_t i = in->i + 1;
    int32_t cp;

    *escaped = false;
    while (i < in->n) {
        while (i < in->n && u[i] >= 0x20 && u[i] < 0x80 && u[i] != '"' && u[i] != '\\')
            i++;
        if (i >= in->n)
            break;
        unsigned char c = u[i];
        if (c == '"') {
            in->i = i + 1;
            return 0;
        }
        if (c < 0x20)
            return -1;
        if (c == '\\') {
            *escaped = true;
            if (i + 1 >= in->n)
                return -1;
            char e = in->s[i + 1];
            if (e == 'u') {
                size_t k = jscan_uescape(in->s + i + 1, in->n - i - 1, &cp);
                if (k == 0)
                    return -1;
                i += 1 + k;
            } else if (strchr("\"\\/bfnrt", e) && e != '\0') {
                i += 2;
            } else {
                return -1;
            }
        } else if (c < 0x80) {
            i++;
        } else {
            size_t k = utf8_decode(in->s + i, in->n - i, &cp);
            if (k == 0)
                return -1;
            i += k;
        }
    }
    return -1;
}

static size_t jscan_digits(struct jscan_in *in)
{
    size_t k = 0;

    while (in->i < in->n && in->s[in->i] >= '0' && in->s[in->i] <= '9') {
        in->i++;
        k++;
    }
    return k;
}

/* Whether the number text s[0..n) is one jansson decodes without overflow. */
static bool jscan_number_fits(const char *s, size_t n, bool real)
{
    char tmp[JSCAN_NUM_MAX + 1];

    if (n > JSCAN_NUM_MAX)
        return false;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    errno = 0;
    if (real) {
        double d = strtod(tmp, NULL);
        return !(isinf(d) && errno == ERANGE);
    }
    (void)strtoll(tmp, NULL, 10);
    return errno != ERANGE;
}

static int jscan_skip_number(struct jscan_in *in)
{
    size_t start = in->i, digits;
    bool fraction = false, exponent = false;

    if (in->s[in->i] == '-')
        in->i++;
    if (in->i < in->n && in->s[in->i] == '0') {
        in->i++;
        digits = 1;
    } else if ((digits = jscan_digits(in)) == 0) {
        return -1;
    }
    if (in->i < in->n && in->s[in->i] == '.') {
        in->i++;
        fraction = true;
        if (jscan_digits(in) == 0)
            return -1;
    }
    if (in->i < in->n && (in->s[in->i] == 'e' || in->s[in->i] == 'E')) {
        in->i++;
        exponent = true;
        if (in->i < in->n && (in->s[in->i] == '+' || in->s[in->i] == '-'))
            in->i++;
        if (jscan_digits(in) == 0)
            return -1;
    }
    /* 18 digits always fit in long long, and a real without exponent short of DBL_MAX's 309 */
    if (!exponent && (fraction ? digits < 300 : digits <= 18))
        return 0;
    return jscan_number_fits(in->s + start, in->i - start, fraction || exponent) ? 0 : -1;
}

static int jscan_skip_word(struct jscan_in *in, const char *w)
{
    size_t k = strlen(w);

    if (in->n - in->i < k || memcmp(in->s + in->i, w, k) != 0)
        return -1;
    in->i += k;
    return 0;
}

static int jscan_skip_value(struct jscan_in *in, int depth);

/* Skip the members of an object or the elements of an array after its opening bracket. */
static int jscan_skip_items(struct jscan_in *in, int depth, char close, bool keyed)
{
    bool escaped;

    jscan_ws(in);
    if (in->i < in->n && in->s[in->i] == close) {
        in->i++;
        return 0;
    }
    for (;;) {
        if (keyed) {
            if (in->i >= in->n || in->s[in->i] != '"' || jscan_skip_string(in, &escaped) < 0)
                return -1;
            jscan_ws(in);
            if (in->i >= in->n || in->s[in->i] != ':')
                return -1;
            in->i++;
        }
        if (jscan_skip_value(in, depth + 1) < 0)
            return -1;
        jscan_ws(in);
        if (in->i >= in->n)
            return -1;
        char c = in->s[in->i++];
        if (c == close)
            return 0;
        if (c != ',')
            return -1;
        jscan_ws(in);
    }
}

/*
 * Nested objects are only checked: their keys are not compared, so a
 * duplicate inside one goes unnoticed; such objects are refused outright
 * (no record of ours nests one), and jansson judges them.
 */
static int jscan_skip_value(struct jscan_in *in, int depth)
{
    bool escaped;

    jscan_ws(in);
    if (in->i >= in->n || depth > JSCAN_DEPTH)
        return -1;
    switch (in->s[in->i]) {
    case '"':
        return jscan_skip_string(in, &escaped);
    case '[':
        in->i++;
        return jscan_skip_items(in, depth, ']', false);
    case '{':
        return -1;
    case 't':
        return jscan_skip_word(in, "true");
    case 'f':
        return jscan_skip_word(in, "false");
    case 'n':
        return jscan_skip_word(in, "null");
    default:
        return jscan_skip_number(in);
    }
}

static int jscan_keycmp(const struct jscan_span *a, const struct jscan_span *b)
{
    size_t k = a->n < b->n ? a->n : b->n;
    int c = memcmp(a->p, b->p, k);

    return c ? c : (a->n > b->n) - (a->n < b->n);
}

/* Whether some key of js repeats; cheap when the keys come sorted, as our writers put them. */
static bool jscan_duplicate(const struct jscan *js)
{
    bool sorted = true;

    for (size_t k = 1; k < js->n && sorted; k++)
        sorted = jscan_keycmp(&js->m[k - 1].key, &js->m[k].key) < 0;
    if (sorted)
        return false;
    for (size_t a = 0; a < js->n; a++)
        for (size_t b = a + 1; b < js->n; b++)
            if (jscan_keycmp(&js->m[a].key, &js->m[b].key) == 0)
                return true;
    return false;
}

static int jscan_member(struct jscan *js, struct jscan_in *in)
{
    bool escaped;
    size_t k0 = in->i;

    if (js->n == JSCAN_MAX || in->i >= in->n || in->s[in->i] != '"' ||
        jscan_skip_string(in, &escaped) < 0 || escaped)
        return -1;
    struct jscan_member *m = &js->m[js->n++];
    m->key.p = in->s + k0 + 1;
    m->key.n = in->i - k0 - 2;
    jscan_ws(in);
    if (in->i >= in->n || in->s[in->i] != ':')
        return -1;
    in->i++;
    jscan_ws(in);
    size_t v0 = in->i;
    if (jscan_skip_value(in, 1) < 0)
        return -1;
    m->val.p = in->s + v0;
    m->val.n = in->i - v0;
    return 0;
}

int jscan_object(struct jscan *js, const char *text, size_t n)
{
    struct jscan_in in = {text, 0, n};

    js->n = 0;
    jscan_ws(&in);
    if (in.i >= n || text[in.i] != '{')
        return -1;
    in.i++;
    jscan_ws(&in);
    if (in.i < n && text[in.i] == '}') {
        in.i++;
    } else {
        for (;;) {
            if (jscan_member(js, &in) < 0)
                return -1;
            jscan_ws(&in);
            if (in.i >= n)
                return -1;
            char c = text[in.i++];
            if (c == '}')
                break;
            if (c != ',')
                return -1;
            jscan_ws(&in);
        }
    }
    jscan_ws(&in);
    return in.i == n && !jscan_duplicate(js) ? 0 : -1;
}

const struct jscan_span *jscan_get(const struct jscan *js, const char *key)
{
    size_t k = strlen(key);

    for (size_t i = 0; i < js->n; i++)
        if (js->m[i].key.n == k && memcmp(js->m[i].key.p, key, k) == 0)
            return &js->m[i].val;
    return NULL;
}

bool jscan_is_string(const struct jscan_span *v)
{
    return v && v->n >= 2 && v->p[0] == '"';
}

bool jscan_is_null(const struct jscan_span *v)
{
    return v && v->n == 4 && memcmp(v->p, "null", 4) == 0;
}

int jscan_plain(const struct jscan_span *v, const char **s, size_t *n)
{
    if (!jscan_is_string(v) || memchr(v->p + 1, '\\', v->n - 2))
        return -1;
    *s = v->p + 1;
    *n = v->n - 2;
    return 0;
}

char jscan_escape(unsigned char e)
{
    switch (e) {
    case '"':
    case '\\':
    case '/':
        return (char)e;
    case 'b':
        return '\b';
    case 'f':
        return '\f';
    case 'n':
        return '\n';
    case 'r':
        return '\r';
    case 't':
        return '\t';
    default:
        return 0;
    }
}

int jscan_string(const struct jscan_span *v, struct buf *out)
{
    char enc[4];
    int32_t cp;

    if (!jscan_is_string(v))
        return -1;
    buf_reset(out);
    if (buf_grow(out, v->n) < 0)
        return -1;
    const char *p = v->p + 1, *end = v->p + v->n - 1;
    while (p < end) {
        const char *bs = memchr(p, '\\', (size_t)(end - p));
        size_t run = bs ? (size_t)(bs - p) : (size_t)(end - p);
        if (buf_add(out, p, run) < 0)
            return -1;
        p += run;
        if (!bs)
            break;
        if (p[1] == 'u') {
            size_t k = jscan_uescape(p + 1, (size_t)(end - p - 1), &cp);
            if (k == 0 || buf_add(out, enc, utf8_encode(cp, enc)) < 0)
                return -1;
            p += 1 + k;
        } else {
            if (buf_addch(out, jscan_escape((unsigned char)p[1])) < 0)
                return -1;
            p += 2;
        }
    }
    return 0;
}

int jscan_integer(const struct jscan_span *v, long long *out)
{
    char tmp[JSCAN_NUM_MAX + 1];

    if (!v || v->n == 0 || v->n > JSCAN_NUM_MAX || memchr(v->p, '.', v->n) ||
        memchr(v->p, 'e', v->n) || memchr(v->p, 'E', v->n) ||
        !(v->p[0] == '-' || (v->p[0] >= '0' && v->p[0] <= '9')))
        return -1;
    memcpy(tmp, v->p, v->n);
    tmp[v->n] = '\0';
    errno = 0;
    *out = strtoll(tmp, NULL, 10);
    return errno == ERANGE ? -1 : 0;
}

int jscan_number(const struct jscan_span *v, double *out)
{
    char tmp[JSCAN_NUM_MAX + 1];

    if (!v || v->n == 0 || v->n > JSCAN_NUM_MAX ||
        !(v->p[0] == '-' || (v->p[0] >= '0' && v->p[0] <= '9')))
        return -1;
    memcpy(tmp, v->p, v->n);
    tmp[v->n] = '\0';
    *out = strtod(tmp, NULL);
    return 0;
}

/* Where the (valid) value at s[i..n) ends. */
static size_t jscan_value_end(const char *s, size_t i, size_t n)
{
    int depth = 0;

    do {
        char c = s[i];
        if (c == '"') {
            for (i++; i < n && s[i] != '"'; i++)
                if (s[i] == '\\')
                    i++;
            i++;
        } else if (c == '[' || c == '{') {
            depth++;
            i++;
        } else if (c == ']' || c == '}') {
            depth--;
            i++;
        } else if (depth == 0) {
            while (i < n && !strchr(",]} \t\r\n", s[i]))
                i++;
        } else {
            i++;
        }
    } while (depth > 0 && i < n);
    return i;
}

int jscan_array_next(const struct jscan_span *v, size_t *pos, struct jscan_span *elem)
{
    struct jscan_in in = {v ? v->p : NULL, *pos, v ? v->n : 0};

    if (!v || v->n < 2 || v->p[0] != '[')
        return -1;
    if (in.i == 0)
        in.i = 1;
    jscan_ws(&in);
    if (in.i < in.n && in.s[in.i] == ',') {
        in.i++;
        jscan_ws(&in);
    }
    if (in.i >= in.n || in.s[in.i] == ']') {
        *pos = in.n;
        return 0;
    }
    size_t end = jscan_value_end(in.s, in.i, in.n);
    elem->p = in.s + in.i;
    elem->n = end - in.i;
    *pos = end;
    return 1;
}
