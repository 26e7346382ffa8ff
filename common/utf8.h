/*
 * utf8: strict UTF-8 decoding and the folded form used for matching.
 *
 * utf8_decode() follows RFC 3629: overlong forms, surrogates and code points
 * above U+10FFFF are invalid. utf8_fold() returns NFC, case-folded text
 * (utf8proc) in a new malloc'd string the caller frees.
 */
#ifndef UTF8_H
#define UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * Decode the character at s (n bytes available). Returns its length (1-4)
 * and sets *cp, or 0 when the bytes there are not valid UTF-8 (*cp is then
 * U+FFFD and the caller should skip one byte).
 */
size_t utf8_decode(const char *s, size_t n, int32_t *cp);

/* Encode cp into out (at least 4 bytes). Returns the length, or 0 for an invalid cp. */
size_t utf8_encode(int32_t cp, char *out);

/* Number of invalid bytes in s[0..n) (each would be skipped by utf8_decode's rule). */
size_t utf8_count_invalid(const char *s, size_t n);

/*
 * NFC-normalise and case-fold s[0..n), which must be valid UTF-8 without
 * NUL bytes. Returns a new string (free it), or NULL when s is not valid
 * or memory ran out. *outlen, when not NULL, gets its length.
 */
char *utf8_fold(const char *s, size_t n, size_t *outlen);

/*
 * Word-at-a-time tests for byte scans, which most text passes in their fast
 * path: whether the 8 bytes at s are all ASCII but NUL (0x01..0x7F), and
 * whether they are all printable ASCII (0x20..0x7F). A subtraction that
 * borrows can only make them answer false, never true, wrongly.
 */
#define UTF8_ONES 0x0101010101010101u
#define UTF8_HIGHS 0x8080808080808080u

static inline uint64_t utf8_load8(const char *s)
{
    uint64_t x;

    memcpy(&x, s, sizeof(x));
    return x;
}

static inline bool utf8_ascii8(const char *s)
{
    uint64_t x = utf8_load8(s);

    return (((x - UTF8_ONES) | x) & UTF8_HIGHS) == 0;
}

static inline bool utf8_printable8(const char *s)
{
    uint64_t x = utf8_load8(s);

    return (((x - 0x20 * UTF8_ONES) | x) & UTF8_HIGHS) == 0;
}

/*
 * The place (0-7, in memory order) of the first byte of an 8-byte load
 * whose high bit is set in stop (not 0).
 */
static inline size_t utf8_first8(uint64_t stop)
{
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return (size_t)__builtin_ctzll(stop) / 8;
#elif defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return (size_t)__builtin_clzll(stop) / 8;
#else
    unsigned char b[8];
    size_t k = 0;

    memcpy(b, &stop, sizeof(b));
    while (!(b[k] & 0x80))
        k++;
    return k;
#endif
}

/*
 * How many of the 8 bytes at s, from the first, pass utf8_ascii8() or
 * utf8_printable8() (8: all). A failing byte is always flagged, and a
 * borrow only flags bytes it reaches from a failing one: on a
 * little-endian machine those come after it, so the answer is exact;
 * elsewhere it may stop early, never late.
 */
static inline size_t utf8_ascii_len8(const char *s)
{
    uint64_t x = utf8_load8(s);
    uint64_t stop = ((x - UTF8_ONES) | x) & UTF8_HIGHS;

    return stop ? utf8_first8(stop) : 8;
}

static inline size_t utf8_printable_len8(const char *s)
{
    uint64_t x = utf8_load8(s);
    uint64_t stop = ((x - 0x20 * UTF8_ONES) | x) & UTF8_HIGHS;

    return stop ? utf8_first8(stop) : 8;
}

/* The number of ASCII letters among the 8 bytes x (all ASCII). */
static inline unsigned utf8_letters8(uint64_t x)
{
    uint64_t t = x | (0x20 * UTF8_ONES);                 /* A-Z as a-z */
    uint64_t ge = t + (0x80 - 'a') * UTF8_ONES;          /* high bit: t >= 'a' */
    uint64_t le = ~(t + (0x80 - ('z' + 1)) * UTF8_ONES); /* high bit: t <= 'z' */

    return (unsigned)((((ge & le & UTF8_HIGHS) >> 7) * UTF8_ONES) >> 56);
}

/* The 8 bytes x (all ASCII) with A-Z lowered. */
static inline uint64_t utf8_lower8(uint64_t x)
{
    uint64_t ge = x + (0x80 - 'A') * UTF8_ONES;          /* high bit: x >= 'A' */
    uint64_t le = ~(x + (0x80 - ('Z' + 1)) * UTF8_ONES); /* high bit: x <= 'Z' */

    return x | ((ge & le & UTF8_HIGHS) >> 2);
}

/*
 * The high bit of each byte of x that is c (c below 0x80); a borrow may
 * also flag a more significant byte than one that is c.
 */
static inline uint64_t utf8_eq8(uint64_t x, unsigned char c)
{
    uint64_t y = x ^ (c * UTF8_ONES);

    return (y - UTF8_ONES) & ~y & UTF8_HIGHS;
}

/* Whether no byte of x is c (x's bytes all below 0x80). */
static inline bool utf8_lacks8(uint64_t x, unsigned char c)
{
    return utf8_eq8(x, c) == 0;
}

#endif
