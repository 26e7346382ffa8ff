#include "jscan.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "utf8.h"

/* Longest number text decoded on the stack; a longer one is copied to the heap. */
#define JSCAN_NUM_MAX 64

struct jscan_in {
    const char *s;
    size_t i, n;
};

static inline bool jscan_is_ws(char c)
{
    return (unsigned char)c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r');
}

/* The position past the white space at s[i..n). */
static inline size_t jscan_ws_at(const char *s, size_t i, size_t n)
{
    while (i < n && jscan_is_ws(s[i]))
        i++;
    return i;
}

static inline void jscan_ws(struct jscan_in *in)
{
    in->i = jscan_ws_at(in->s, in->i, in->n);
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

/*
 * The bytes of x (8 read from memory) that are no plain string byte (below 0x20, above 0x7F,
 * '"' or '\\'), each as its top bit. The lowest bit set is exact; a borrow of the subtractions
 * may also flag bytes above it, which only ends a run early.
 */
static inline uint64_t jscan_special8(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101u, tops = 0x8080808080808080u;
    uint64_t quote = x ^ (ones * '"'), bslash = x ^ (ones * '\\');

    return (x | (x - ones * 0x20) | ((quote - ones) & ~quote) | ((bslash - ones) & ~bslash)) & tops;
}

static inline bool jscan_plain_byte(unsigned char c)
{
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

#if defined(__SSE2__)
/*
 * Where the run of plain string bytes at u[i..n) ends, sixteen at a time while sixteen are
 * left (then i, where fewer are): a signed compare with 0x20 flags the bytes below 0x20 and
 * those above 0x7F at once.
 */
static inline size_t jscan_plain_run16(const unsigned char *u, size_t i, size_t n)
{
    const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'),
                  bslash = _mm_set1_epi8('\\');

    while (n - i >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
        __m128i bad =
            _mm_or_si128(_mm_cmplt_epi8(x, space),
                         _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bslash)));
        unsigned m = (unsigned)_mm_movemask_epi8(bad);
        if (m)
            return i + (size_t)__builtin_ctz(m);
        i += 16;
    }
    return i;
}
#endif

/* Where the run of plain string bytes at u[i..n) ends: sixteen or eight at a time, then one by one.
 */
static inline size_t jscan_plain_run(const unsigned char *u, size_t i, size_t n)
{
#if defined(__SSE2__)
    i = jscan_plain_run16(u, i, n);
    if (n - i >= 16)
        return i;
#endif
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t x, m;

    while (n - i >= 8) {
        memcpy(&x, u + i, 8);
        if ((m = jscan_special8(x)) != 0)
            return i + (size_t)__builtin_ctzll(m) / 8;
        i += 8;
    }
#endif
    while (i < n && jscan_plain_byte(u[i]))
        i++;
    return i;
}

/* Always inlined where the compiler allows: a NULL argument then drops the work it asks for. */
#if defined(__GNUC__)
#define JSCAN_INLINE static inline __attribute__((always_inline))
#else
#define JSCAN_INLINE static inline
#endif

/*
 * How many of the bytes at s[i..n) are digits before the first that is not, up to 7 (a run of 8
 * or more reads as 7, with a digit after it).
 */
JSCAN_INLINE size_t jscan_digit_run(const char *s, size_t i, size_t n)
{
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n - i >= 8) {
        const uint64_t ones = 0x0101010101010101u, tops = 0x8080808080808080u;
        uint64_t x, m;
        memcpy(&x, s + i, 8);
        /* a byte above '9' gets its top bit from the sum, one below '0' from the difference;
         * carries and borrows start only at such a byte, so the lowest flagged is exact */
        m = (x | (x + ones * 0x46) | (x - ones * '0')) & tops;
        return (size_t)__builtin_ctzll(m | 1ull << 63) / 8;
    }
#endif
    size_t k = 0;
    while (k < 7 && i + k < n && (unsigned char)(s[i + k] - '0') < 10)
        k++;
    return k;
}

/* The value of the digits s[0..d). */
JSCAN_INLINE long long jscan_digits_value(const char *s, size_t d)
{
    long long x = 0;

    for (size_t j = 0; j < d; j++)
        x = x * 10 + (s[j] - '0');
    return x;
}

/*
 * The number of a triple at s[*k..n), followed by its ',': 1 to 7 digits, no leading zero. Moves
 * *k past the ','; puts its value in *v unless v is NULL. false when it is none such.
 */
JSCAN_INLINE bool jscan_triple_number(const char *s, size_t *k, size_t n, long long *v)
{
    size_t i = *k, d = jscan_digit_run(s, i, n);

    if (d == 0 || i + d >= n || s[i + d] != ',' || (s[i] == '0' && d > 1))
        return false;
    if (v)
        *v = jscan_digits_value(s + i, d);
    *k = i + d + 1;
    return true;
}

#if defined(__SSE2__)
/*
 * A bit for each of the 16 bytes of x that is no digit, and for every place past the sixteen:
 * adding 0x50 takes '0'..'9' to the ten lowest signed bytes (-128..-119), and every other byte
 * above them, so one signed compare tells them apart.
 */
JSCAN_INLINE uint32_t jscan_nondigits16(__m128i x)
{
    __m128i y = _mm_add_epi8(x, _mm_set1_epi8(0x50));

    return (uint32_t)_mm_movemask_epi8(_mm_cmpgt_epi8(y, _mm_set1_epi8(-119))) | 0xFFFF0000u;
}

/*
 * jscan_triple_at() for a triple whose 16 bytes from s[i] can be read: the digits of both
 * numbers are found at once, as the bits of one mask.
 */
JSCAN_INLINE size_t jscan_triple_at16(const char *s, size_t i, size_t n, struct jscan_triple *t)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    /* a bit for each byte that is no digit, and for every place past the sixteen */
    uint32_t other = jscan_nondigits16(x);
    size_t d1 = (size_t)__builtin_ctz(other >> 1), c1 = 1 + d1;

    if (d1 == 0 || d1 > 7 || s[i + c1] != ',' || (s[i + 1] == '0' && d1 > 1))
        return 0;
    size_t d2 = (size_t)__builtin_ctz(other >> (c1 + 1)), c2 = c1 + 1 + d2;
    if (d2 == 0 || d2 > 7 || i + c2 >= n || s[i + c2] != ',' || (s[i + c1 + 1] == '0' && d2 > 1))
        return 0;
    size_t k = i + c2 + 1;
    if (n - k < 4 || s[k] != '"' || s[k + 2] != '"' || s[k + 3] != ']' ||
        !jscan_plain_byte((unsigned char)s[k + 1]))
        return 0;
    if (t) {
        t->a = jscan_digits_value(s + i + 1, d1);
        t->b = jscan_digits_value(s + i + c1 + 1, d2);
        t->c = (unsigned char)s[k + 1];
    }
    return k + 4;
}
#endif

/*
 * Where the triple [a,b,"c"] at s[i..n) (s[i] is '[') ends; its values in *t unless t is NULL.
 * 0 when it is none such (see jscan_triple()).
 */
JSCAN_INLINE size_t jscan_triple_at(const char *s, size_t i, size_t n, struct jscan_triple *t)
{
#if defined(__SSE2__)
    if (n - i >= 16)
        return jscan_triple_at16(s, i, n, t);
#endif
    size_t k = i + 1;

    if (!jscan_triple_number(s, &k, n, t ? &t->a : NULL) ||
        !jscan_triple_number(s, &k, n, t ? &t->b : NULL) || n - k < 4 || s[k] != '"' ||
        s[k + 2] != '"' || s[k + 3] != ']' || !jscan_plain_byte((unsigned char)s[k + 1]))
        return 0;
    if (t)
        t->c = (unsigned char)s[k + 1];
    return k + 4;
}

/* Length of the valid UTF-8 character at u[i..n) (u[i] >= 0x80), or 0; two-byte ones inline. */
static inline size_t jscan_utf8(const unsigned char *u, size_t i, size_t n)
{
    int32_t cp;

    if (u[i] >= 0xC2 && u[i] <= 0xDF && n - i >= 2 && (u[i + 1] & 0xC0) == 0x80)
        return 2;
    return utf8_decode((const char *)u + i, n - i, &cp);
}

/* The length of the valid escape at s[i..n) (s[i] is the backslash), or 0. */
static size_t jscan_escape_len(const char *s, size_t i, size_t n)
{
    int32_t cp;

    if (i + 1 >= n)
        return 0;
    char e = s[i + 1];
    if (e == 'u') {
        size_t k = jscan_uescape(s + i + 1, n - i - 1, &cp);
        return k ? 1 + k : 0;
    }
    return jscan_escape((unsigned char)e) ? 2 : 0;
}

/*
 * Where the string at s[i..n) (s[i] is '"') ends, past its closing quote, or 0 when it is
 * invalid. Sets *escaped when it holds an escape.
 */
static size_t jscan_string_end(const char *s, size_t i, size_t n, bool *escaped)
{
    const unsigned char *u = (const unsigned char *)s;
    bool esc = false;
    size_t k;

    for (i++;; i += k) {
        i = jscan_plain_run(u, i, n);
        if (i >= n || u[i] < 0x20)
            return 0;
        if (u[i] == '"')
            break;
        if (u[i] == '\\') {
            esc = true;
            k = jscan_escape_len(s, i, n);
        } else {
            k = jscan_utf8(u, i, n);
        }
        if (k == 0)
            return 0;
    }
    *escaped = esc;
    return i + 1;
}

/*
 * Where the string at s[i..n) ends when it is a short one of plain bytes ("w", a token's type):
 * found with one test of the 8 bytes after its quote. 0 when it is none such.
 */
static inline size_t jscan_short_string_end(const char *s, size_t i, size_t n)
{
    if (n - i >= 3 && s[i + 2] == '"' && jscan_plain_byte((unsigned char)s[i + 1]))
        return i + 3; /* one byte: "w", a token's type */
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t x, m;

    if (n - i < 9)
        return 0;
    memcpy(&x, s + i + 1, 8);
    if ((m = jscan_special8(x)) == 0)
        return 0;
    size_t end = i + 1 + (size_t)__builtin_ctzll(m) / 8;
    return s[end] == '"' ? end + 1 : 0;
#else
    return 0;
#endif
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

/*
 * The number text s[0..n) as a C string for strtod(): in tmp (JSCAN_NUM_MAX + 1 bytes), or for
 * a longer one (hundreds of digits: odd input only) in a copy the caller frees. NULL when memory
 * ran out.
 */
static char *jscan_number_text(const char *s, size_t n, char *tmp)
{
    char *text = n <= JSCAN_NUM_MAX ? tmp : malloc(n + 1);

    if (text) {
        memcpy(text, s, n);
        text[n] = '\0';
    }
    return text;
}

/* Whether the number text s[0..n) is one jansson decodes without overflow. */
static bool jscan_number_fits(const char *s, size_t n, bool real)
{
    char tmp[JSCAN_NUM_MAX + 1], *text = jscan_number_text(s, n, tmp);
    bool fits;

    if (!text)
        return false; /* refused: jansson judges it */
    errno = 0;
    if (real) {
        double d = strtod(text, NULL);
        fits = !(isinf(d) && errno == ERANGE);
    } else {
        (void)strtoll(text, NULL, 10);
        fits = errno != ERANGE;
    }
    if (text != tmp)
        free(text);
    return fits;
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

/*
 * The end of the integer of at most 18 digits at s[i..n) ("0", "17", "-3": what our records
 * hold), or 0 when the number there is any other (jscan_skip_number() then judges it).
 */
static inline size_t jscan_small_int(const char *s, size_t i, size_t n)
{
    size_t k = i + (s[i] == '-'), first = k;

    if (k < n && s[k] == '0')
        k++;
    else
        while (k < n && (unsigned char)(s[k] - '0') < 10)
            k++;
    if (k == first || k - first > 18)
        return 0;
    /* a fraction or an exponent follows: not ours ('e' | 0x20 is 'e', and so is 'E' | 0x20) */
    return k < n && (s[k] == '.' || (s[k] | 0x20) == 'e') ? 0 : k;
}

/* Where the scalar at s[i] ends (0: invalid, or '{', refused). */
static size_t jscan_scalar_end(struct jscan_in *in, size_t i)
{
    bool escaped;
    size_t end;
    int rc;

    switch (in->s[i]) {
    case '"':
        return (end = jscan_short_string_end(in->s, i, in->n)) != 0
                   ? end
                   : jscan_string_end(in->s, i, in->n, &escaped);
    case '{':
        return 0;
    case 't':
    case 'f':
    case 'n':
        in->i = i;
        rc = jscan_skip_word(in, in->s[i] == 't' ? "true" : in->s[i] == 'f' ? "false" : "null");
        return rc < 0 ? 0 : in->i;
    default:
        if ((end = jscan_small_int(in->s, i, in->n)) != 0)
            return end;
        in->i = i;
        return jscan_skip_number(in) < 0 ? 0 : in->i;
    }
}

/*
 * Where the value that ends at s[i] is followed: past the ',' before the next element of the
 * array it is in (open arrays are open around it), or past the brackets that close, up to
 * the end of the value skipped (then *open is 0). Returns 0 when no ',' or ']' is there.
 */
static size_t jscan_after_value(const char *s, size_t i, size_t n, int *open)
{
    while (*open > 0) {
        if (i < n && s[i] == ',')
            return i + 1;
        i = jscan_ws_at(s, i, n);
        if (i >= n)
            return 0;
        char c = s[i++];
        if (c == ',')
            return i;
        if (c != ']')
            return 0;
        --*open;
    }
    return i;
}

/*
 * Where the digits at s[i..n) end when they are at most 18 with no leading
 * zero; 0 when s[i] is no digit. What follows is the caller's to check: a
 * ',' or ']' makes them a whole integer.
 */
static inline size_t jscan_flat_digits(const char *s, size_t i, size_t n)
{
    size_t k = i + 1;

    if ((unsigned char)(s[i] - '0') >= 10)
        return 0;
    if (s[i] != '0')
        while (k < n && k - i < 18 && (unsigned char)(s[k] - '0') < 10)
            k++;
    return k;
}

/*
 * Where the array at s[i] ('[') ends when it holds only non-negative
 * integers of at most 18 digits and short plain strings, with no white
 * space, as each token of a sentence does ([0,3,"w"]): read in one loop. 0
 * when it is none such (the caller then reads it in full).
 */
static size_t jscan_flat_array_end(const char *s, size_t i, size_t n)
{
    for (i++; i < n; i++) {
        size_t end = s[i] == '"' ? jscan_short_string_end(s, i, n) : jscan_flat_digits(s, i, n);
        if (end == 0 || end >= n)
            return 0;
        i = end;
        if (s[i] == ']')
            return i + 1;
        if (s[i] != ',')
            return 0;
    }
    return 0;
}

#if defined(__SSE2__) && defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define JSCAN_TRIPLE_STEP 1
/* The eight bytes from a triple's second ',' as they stand in a list: ,"c"],[ (another triple
 * follows) or ,"c"]] (the list ends), c and what is past the list left out. */
#define JSCAN_TAIL(b5, b6)                                                                         \
    ((uint64_t)',' | (uint64_t)'"' << 8 | (uint64_t)'"' << 24 | (uint64_t)']' << 32 |              \
     (uint64_t)(b5) << 40 | (uint64_t)(b6) << 48)
#define JSCAN_TAIL_NEXT JSCAN_TAIL(',', '[')
#define JSCAN_TAIL_NEXT_MASK 0x00FFFFFFFF00FFFFull
#define JSCAN_TAIL_LAST JSCAN_TAIL(']', 0)
#define JSCAN_TAIL_LAST_MASK 0x0000FFFFFF00FFFFull

/*
 * The triple at s[i] ('[') with what follows it in its list, read in one step when its two
 * numbers hold 6 digits or fewer (so that it, the ',' and '[' after it lie in the 16 bytes from
 * s[i], which can be read): the digits are found as the bits of one mask, the rest of the triple
 * and what follows it by one compare of eight bytes. Returns 1 when another triple follows (at
 * *next), 2 when the list ends (*next is past it), 0 when it is none such (nothing is read).
 */
JSCAN_INLINE int jscan_triple_step(const char *s, size_t i, struct jscan_triple *t, size_t *next)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    /* a bit for each byte that is no digit, and for every place past the sixteen */
    uint32_t other = jscan_nondigits16(x);
    uint32_t c1 = (uint32_t)__builtin_ctz(other >> 1) + 1;
    uint32_t c2 = (uint32_t)__builtin_ctz(other >> (c1 + 1)) + c1 + 1;
    uint64_t w;
    int r;

    /* each number 1 digit or more, the first followed by ',' (the tail holds the second's) */
    if (c1 < 2 || c2 - c1 < 2 || c2 > 8 || s[i + c1] != ',')
        return 0;
    if ((s[i + 1] == '0' && c1 > 2) || (s[i + c1 + 1] == '0' && c2 - c1 > 2))
        return 0;
    memcpy(&w, s + i + c2, 8);
    if ((w & JSCAN_TAIL_NEXT_MASK) == JSCAN_TAIL_NEXT)
        r = 1;
    else if ((w & JSCAN_TAIL_LAST_MASK) == JSCAN_TAIL_LAST)
        r = 2;
    else
        return 0;
    if (!jscan_plain_byte((unsigned char)(w >> 16)))
        return 0;
    if (t) {
        t->a = jscan_digits_value(s + i + 1, c1 - 1);
        t->b = jscan_digits_value(s + i + c1 + 1, c2 - c1 - 1);
        t->c = (unsigned char)(w >> 16);
    }
    *next = i + c2 + 6;
    return r;
}
#endif

/*
 * Where the array at s[i] ('[') ends when it holds one or more triples (jscan_triple_at()) and
 * nothing else, as a sentence's tokens: read in one loop, a step at a time where
 * jscan_triple_step() can. Their values go to t (unless t is NULL), at most max of them, their
 * count to *count. 0 when the list is none such or holds more than max.
 */
JSCAN_INLINE size_t jscan_triple_list(const char *s, size_t i, size_t n, struct jscan_triple *t,
                                      size_t max, size_t *count)
{
    size_t k = 0, end;

    if (++i >= n || s[i] != '[')
        return 0;
    for (;;) { /* s[i] is '[' */
        if (t && k == max)
            return 0;
#if defined(JSCAN_TRIPLE_STEP)
        int r;
        if (n - i >= 16 && (r = jscan_triple_step(s, i, t ? &t[k] : NULL, &end)) != 0) {
            k++;
            if (r == 2) {
                *count = k;
                return end;
            }
            i = end;
            continue;
        }
#endif
        end = jscan_triple_at(s, i, n, t ? &t[k] : NULL);
        k++;
        if (end == 0 || end >= n)
            return 0;
        if (s[end] == ']') {
            *count = k;
            return end + 1;
        }
        if (s[end] != ',' || ++end >= n || s[end] != '[')
            return 0;
        i = end;
    }
}

/* jscan_triple_list() that only finds where the list ends. */
static size_t jscan_triple_list_end(const char *s, size_t i, size_t n)
{
    size_t count;

    return jscan_triple_list(s, i, n, NULL, 0, &count);
}

/*
 * Skip the value at in->i, at nesting depth depth. Arrays are walked in a loop that counts the
 * ones open, not by recursion (a token list is thousands of small arrays), on local copies of
 * the position: stores through in would make the compiler reload it after each one. A value
 * deeper than JSCAN_DEPTH is refused. Nested objects are refused outright (no record of ours
 * nests one; jansson judges them).
 */
static int jscan_skip_value(struct jscan_in *in, int depth)
{
    const char *s = in->s;
    size_t i = in->i, n = in->n, end;
    int open = 0;

    for (;;) {
        i = jscan_ws_at(s, i, n);
        if (i >= n || depth + open > JSCAN_DEPTH)
            return -1;
        if (s[i] == '[' && depth + open + 2 <= JSCAN_DEPTH &&
            (end = jscan_triple_list_end(s, i, n))) {
            i = end; /* its triples' numbers are at depth + open + 2 */
        } else if (s[i] == '[' && depth + open < JSCAN_DEPTH &&
                   (end = jscan_flat_array_end(s, i, n))) {
            i = end;
        } else if (s[i] == '[') {
            i = jscan_ws_at(s, i + 1, n);
            if (i >= n || s[i] != ']') {
                open++;
                continue;
            }
            i++;
        } else if ((i = jscan_scalar_end(in, i)) == 0) {
            return -1;
        }
        if ((i = jscan_after_value(s, i, n, &open)) == 0)
            return -1;
        if (open == 0) {
            in->i = i;
            return 0;
        }
    }
}

/* Keys are a few bytes and most differ in the first: compared here, not by memcmp(). */
static int jscan_keycmp(const struct jscan_span *a, const struct jscan_span *b)
{
    size_t k = a->n < b->n ? a->n : b->n;

    for (size_t i = 0; i < k; i++)
        if (a->p[i] != b->p[i])
            return (unsigned char)a->p[i] < (unsigned char)b->p[i] ? -1 : 1;
    return (a->n > b->n) - (a->n < b->n);
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

/*
 * Read the value at in->i into sink when it is a list of triples (the list is then skipped, as
 * jscan_skip_value() would at depth 1). Returns true when it read it.
 */
static bool jscan_sink_value(struct jscan_in *in, struct jscan_triple_sink *sink)
{
    size_t end;

    if (in->i >= in->n || in->s[in->i] != '[')
        return false;
    end = jscan_triple_list(in->s, in->i, in->n, sink->t, sink->max, &sink->count);
    if (end == 0)
        return false;
    sink->found = true;
    in->i = end;
    return true;
}

/* Whether the key k is the sink's key, of length kn (its first byte first: most differ there). */
static inline bool jscan_sink_wants(const struct jscan_triple_sink *sink, size_t kn,
                                    const struct jscan_span *k)
{
    return sink && k->n == kn &&
           (kn == 0 || (k->p[0] == sink->key[0] && memcmp(k->p, sink->key, kn) == 0));
}

/* The position of the byte c at s[i..n) after white space, or 0 when another is there. */
static inline size_t jscan_expect(const char *s, size_t i, size_t n, char c)
{
    if (i < n && s[i] == c) /* our writers put no white space */
        return i;
    i = jscan_ws_at(s, i, n);
    return i < n && s[i] == c ? i : 0;
}

/* Where the value at s[i] (no white space) ends when it is a string or a small integer, the
 * values most members hold: read here, not by jscan_skip_value(). 0 when it is another. */
static inline size_t jscan_member_scalar_end(const char *s, size_t i, size_t n)
{
    bool escaped;
    size_t end;

    if (s[i] == '"')
        return (end = jscan_short_string_end(s, i, n)) != 0 ? end
                                                            : jscan_string_end(s, i, n, &escaped);
    if ((unsigned char)(s[i] - '0') < 10 || s[i] == '-')
        return jscan_small_int(s, i, n);
    return 0;
}

/*
 * Index the member at s[*at] ('"' of its key) in m, moving *at past its value. Its key is kn
 * bytes long when it is the sink's. Returns 0 or -1.
 */
static int jscan_member(struct jscan_member *m, const char *s, size_t *at, size_t n,
                        struct jscan_triple_sink *sink, size_t kn)
{
    bool escaped = false;
    size_t i = *at, end;

    if ((end = jscan_short_string_end(s, i, n)) == 0 &&
        ((end = jscan_string_end(s, i, n, &escaped)) == 0 || escaped))
        return -1;
    m->key.p = s + i + 1;
    m->key.n = end - i - 2;
    if ((i = jscan_expect(s, end, n, ':')) == 0)
        return -1;
    i = jscan_ws_at(s, i + 1, n);
    if (i >= n)
        return -1;
    m->val.p = s + i;
    struct jscan_in in = {s, i, n};
    if (jscan_sink_wants(sink, kn, &m->key) && jscan_sink_value(&in, sink))
        end = in.i; /* read and skipped */
    else if ((end = jscan_member_scalar_end(s, i, n)) == 0) {
        if (jscan_skip_value(&in, 1) < 0)
            return -1;
        end = in.i;
    }
    m->val.n = end - i;
    *at = end;
    return 0;
}

/*
 * The members of the object whose '{' and white space end at s[i], up to its '}': indexed in
 * js->m, their count in *count. Returns where the object ends (past its '}'), or 0.
 */
static size_t jscan_members(struct jscan *js, const char *s, size_t i, size_t n,
                            struct jscan_triple_sink *sink, size_t *count)
{
    size_t k = 0, kn = sink ? strlen(sink->key) : 0;

    if (i < n && s[i] == '}')
        return i + 1;
    for (;;) {
        struct jscan_member *m = &js->m[k];
        if (k == JSCAN_MAX || i >= n || s[i] != '"' || jscan_member(m, s, &i, n, sink, kn) < 0)
            break;
        js->last[(unsigned char)m->key.p[0] % JSCAN_CLASSES] = (unsigned char)++k;
        *count = k;
        if (i < n && s[i] == ',' && i + 1 < n && s[i + 1] == '"') {
            i++;
            continue;
        }
        i = jscan_ws_at(s, i, n);
        if (i >= n)
            break;
        char c = s[i++];
        if (c == '}')
            return i;
        if (c != ',')
            break;
        i = jscan_ws_at(s, i, n);
    }
    *count = k;
    return 0;
}

int jscan_object(struct jscan *js, const char *text, size_t n)
{
    return jscan_object_triples(js, text, n, NULL);
}

int jscan_object_triples(struct jscan *js, const char *text, size_t n,
                         struct jscan_triple_sink *sink)
{
    size_t i = jscan_ws_at(text, 0, n), count = 0;

    js->n = 0;
    memset(js->last, 0, sizeof(js->last));
    if (sink) {
        sink->count = 0;
        sink->found = false;
    }
    if (i >= n || text[i] != '{')
        return -1;
    i = jscan_members(js, text, jscan_ws_at(text, i + 1, n), n, sink, &count);
    js->n = count;
    if (i == 0)
        return -1;
    return jscan_ws_at(text, i, n) == n && !jscan_duplicate(js) ? 0 : -1;
}

/*
 * Whether the key k is the C string key. A key holds no NUL (a raw control byte ends no valid
 * string), so the loop stops at key's end without its length.
 */
static inline bool jscan_key_is(const struct jscan_span *k, const char *key)
{
    size_t i = 0;

    while (i < k->n && k->p[i] == key[i])
        i++;
    return i == k->n && key[i] == '\0';
}

/*
 * The search goes back from the last member whose key's first byte falls in the same one of
 * JSCAN_CLASSES classes as the sought key's (noted as the line was scanned: no key repeats, so
 * the order does not matter), and most keys differ from the one sought in the first byte: that
 * is tested first, with the byte at hand. A key's first
 * byte can be read even when it is empty (it is then the closing quote, which no key holds, nor
 * matches the end of an empty one: those are sought apart).
 */
const struct jscan_span *jscan_get(const struct jscan *js, const char *key)
{
    const char c = key[0];

    if (c == '\0') {
        for (size_t i = 0; i < js->n; i++)
            if (js->m[i].key.n == 0)
                return &js->m[i].val;
        return NULL;
    }
    for (size_t i = js->last[(unsigned char)c % JSCAN_CLASSES]; i-- > 0;)
        if (js->m[i].key.p[0] == c && jscan_key_is(&js->m[i].key, key))
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

/*
 * Decode the escape at p (p[0] is the backslash, end the closing quote) to w, which has room (no
 * escape decodes to more bytes than it takes). Returns the bytes written, and moves *p past it;
 * 0 when it is invalid.
 */
static size_t jscan_unescape(const char **p, const char *end, char *w)
{
    const char *e = *p;
    int32_t cp;

    if (e[1] != 'u') {
        *w = jscan_escape((unsigned char)e[1]);
        *p = e + 2;
        return 1;
    }
    size_t k = jscan_uescape(e + 1, (size_t)(end - e - 1), &cp);
    if (k == 0)
        return 0;
    *p = e + 1 + k;
    return utf8_encode(cp, w);
}

/* The decoded text is written straight into out's room, made once: it is never longer than v. */
int jscan_string(const struct jscan_span *v, struct buf *out)
{
    if (!jscan_is_string(v))
        return -1;
    out->len = 0;
    if (buf_grow(out, v->n) < 0)
        return -1;
    char *w = out->data;
    const char *p = v->p + 1, *end = v->p + v->n - 1;
    for (;;) {
        const char *bs = memchr(p, '\\', (size_t)(end - p));
        size_t run = (size_t)((bs ? bs : end) - p), k;
        memcpy(w, p, run);
        w += run;
        if (!bs)
            break;
        p = bs;
        if ((k = jscan_unescape(&p, end, w)) == 0) {
            *w = '\0';
            out->len = (size_t)(w - out->data);
            return -1;
        }
        w += k;
    }
    *w = '\0';
    out->len = (size_t)(w - out->data);
    return 0;
}

/* The value of s[0..n) when it is an optional '-' and 1 to 18 digits (no overflow): 0 or -1. */
static int jscan_small_value(const char *s, size_t n, long long *out)
{
    bool neg = n > 0 && s[0] == '-';
    long long v = 0;

    if (n - neg == 0 || n - neg > 18)
        return -1;
    for (size_t i = neg; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = neg ? -v : v;
    return 0;
}

int jscan_integer(const struct jscan_span *v, long long *out)
{
    char tmp[JSCAN_NUM_MAX + 1];

    if (v && jscan_small_value(v->p, v->n, out) == 0)
        return 0;
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
    char tmp[JSCAN_NUM_MAX + 1], *text;

    if (!v || v->n == 0 || !(v->p[0] == '-' || (v->p[0] >= '0' && v->p[0] <= '9')) ||
        !(text = jscan_number_text(v->p, v->n, tmp)))
        return -1;
    *out = strtod(text, NULL);
    if (text != tmp)
        free(text);
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

size_t jscan_triple(const struct jscan_span *v, size_t i, struct jscan_triple *t)
{
    if (!v || i >= v->n || v->p[i] != '[')
        return 0;
    return jscan_triple_at(v->p, i, v->n, t);
}

size_t jscan_plain_span(const char *s, size_t n)
{
    return jscan_plain_run((const unsigned char *)s, 0, n);
}

int jscan_triples(const struct jscan_span *v, struct jscan_triple *t, size_t max, size_t *count)
{
    const char *s = v ? v->p : NULL;
    size_t n = v ? v->n : 0, i = 1, k = 0, end;

    if (n < 2 || s[0] != '[')
        return -1;
    if (n == 2 && s[1] == ']') {
        *count = 0;
        return 0;
    }
    for (;
         k < max && i < n && s[i] == '[' && (end = jscan_triple_at(s, i, n, &t[k])) != 0 && end < n;
         i = end + 1) {
        k++;
        if (s[end] == ']') {
            *count = k;
            return end + 1 == n ? 0 : -1;
        }
        if (s[end] != ',')
            return -1;
    }
    return -1;
}
