#include "utf8.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"

#define UTF8_FOLD_OPTIONS (UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD)
/* Room for the code points one character folds to (utf8_fold_plain gives up when short) */
#define UTF8_FOLD_CHAR_MAX 8

static size_t utf8_seq_len(unsigned char c, int32_t *min)
{
    if (c < 0x80) {
        *min = 0;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        *min = 0x80;
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        *min = 0x800;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        *min = 0x10000;
        return 4;
    }
    return 0;
}

size_t utf8_decode(const char *s, size_t n, int32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    int32_t min;

    *cp = 0xFFFD;
    if (n == 0)
        return 0;
    size_t len = utf8_seq_len(u[0], &min);
    if (len == 0 || len > n)
        return 0;
    int32_t v = len == 1 ? u[0] : u[0] & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (u[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

size_t utf8_encode(int32_t cp, char *out)
{
    utf8proc_ssize_t n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return (size_t)n;
}

size_t utf8_count_invalid(const char *s, size_t n)
{
    size_t bad = 0;
    int32_t cp;

    for (size_t i = 0; i < n;) {
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (len == 0) {
            bad++;
            len = 1;
        }
        i += len;
    }
    return bad;
}

/*
 * NFC leaves ASCII as it is and case folding only lowers A-Z, so a string
 * of ASCII folds without utf8proc's two passes over UTF-32 (most tokens
 * and keys are ASCII; utf8proc_map was a quarter of normalize's time).
 */
static char *utf8_fold_ascii(const char *s, size_t n, size_t *outlen)
{
    char *out = malloc(n + 1);

    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + ('a' - 'A') : s[i]);
    out[n] = '\0';
    if (outlen)
        *outlen = n;
    return out;
}

static bool utf8_is_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80 || s[i] == '\0')
            return false;
    return true;
}

/* Whether s[0..n) is valid UTF-8 without NUL whose characters are all below U+0300. */
static bool utf8_is_plain(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;

    for (size_t i = 0; i < n; i++) {
        if (u[i] == 0)
            return false;
        if (u[i] < 0x80)
            continue;
        if (u[i] < 0xC2 || u[i] > 0xCB || i + 1 >= n || (u[i + 1] & 0xC0) != 0x80)
            return false;
        i++;
    }
    return true;
}

/* Put cps[0..n) in canonical order, as utf8proc_decompose() does after decomposing. */
static void utf8_canonical_order(utf8proc_int32_t *cps, utf8proc_ssize_t n)
{
    for (utf8proc_ssize_t pos = 0; pos < n - 1;) {
        utf8proc_propval_t c1 = utf8proc_get_property(cps[pos])->combining_class;
        utf8proc_propval_t c2 = utf8proc_get_property(cps[pos + 1])->combining_class;
        if (c1 > c2 && c2 > 0) {
            utf8proc_int32_t t = cps[pos];
            cps[pos] = cps[pos + 1];
            cps[pos + 1] = t;
            pos = pos > 0 ? pos - 1 : pos + 1;
        } else {
            pos++;
        }
    }
}

/*
 * Append to out what utf8proc_map() gives for the one character cp: the
 * steps of utf8proc_decompose() for it, then utf8proc_reencode(), without
 * decoding it again or a malloc.
 */
static int utf8_fold_char(struct buf *out, int32_t cp)
{
    utf8proc_int32_t cps[UTF8_FOLD_CHAR_MAX + 1]; /* reencoded in place, with a NUL */
    int boundclass = UTF8PROC_BOUNDCLASS_START;
    utf8proc_ssize_t n =
        utf8proc_decompose_char(cp, cps, UTF8_FOLD_CHAR_MAX, UTF8_FOLD_OPTIONS, &boundclass);

    if (n < 0 || n > UTF8_FOLD_CHAR_MAX)
        return -1;
    utf8_canonical_order(cps, n);
    n = utf8proc_reencode(cps, n, UTF8_FOLD_OPTIONS);
    return n < 0 ? -1 : buf_add(out, cps, (size_t)n);
}

/* Append the ASCII run s[0..n) lowered to out. */
static int utf8_fold_ascii_run(struct buf *out, const char *s, size_t n)
{
    if (buf_grow(out, n) < 0)
        return -1;
    char *p = out->data + out->len;
    for (size_t i = 0; i < n; i++)
        p[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + ('a' - 'A') : s[i]);
    out->len += n;
    out->data[out->len] = '\0';
    return 0;
}

/*
 * Fold a string of characters below U+0300 one character at a time, ASCII
 * without utf8proc. None of them has a combining class, and every
 * character that composes with a preceding one is a mark or lies above
 * U+0300, so NFC joins nothing across them and the fold of the string is
 * the folds of its characters in a row (test_utf8 checks every pair
 * against utf8proc_map). Most non-ASCII words are of this kind.
 */
static char *utf8_fold_plain(const char *s, size_t n, size_t *outlen)
{
    struct buf out = BUF_INIT;
    int rc = buf_grow(&out, n + UTF8_FOLD_CHAR_MAX);

    for (size_t i = 0; rc == 0 && i < n;) {
        const unsigned char *u = (const unsigned char *)s + i;
        size_t run = 0;
        while (i + run < n && u[run] < 0x80)
            run++;
        if (run) {
            rc = utf8_fold_ascii_run(&out, s + i, run);
            i += run;
        } else {
            rc = utf8_fold_char(&out, ((u[0] & 0x1F) << 6) | (u[1] & 0x3F));
            i += 2;
        }
    }
    if (rc < 0) {
        buf_release(&out);
        return NULL;
    }
    if (outlen)
        *outlen = out.len;
    return buf_detach(&out);
}

char *utf8_fold(const char *s, size_t n, size_t *outlen)
{
    utf8proc_uint8_t *dst = NULL;

    if (utf8_is_ascii(s, n))
        return utf8_fold_ascii(s, n, outlen);
    char *plain = utf8_is_plain(s, n) ? utf8_fold_plain(s, n, outlen) : NULL;
    if (plain)
        return plain;
    if (memchr(s, '\0', n))
        return NULL;
    utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &dst,
                                        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
    if (len < 0)
        return NULL;
    if (outlen)
        *outlen = (size_t)len;
    return (char *)dst;
}
