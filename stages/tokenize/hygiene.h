/*
 * hygiene: the raw bytes of an article as they come: BOM, invalid UTF-8,
 * NUL bytes, binary files.
 *
 * Every offset stays one into the original bytes: an invalid byte or a NUL
 * is read as one character U+FFFD of length 1 (hygiene_char), and
 * hygiene_text() writes that replacement when it copies a span out.
 * Nothing here allocates except hygiene_text() (into the caller's buf,
 * returns -1 when memory ran out).
 */
#ifndef HYGIENE_H
#define HYGIENE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "buf.h"
#include "tokconf.h"

#define HYGIENE_BAD 0xFFFD

/*
 * The character at s[i] (n bytes in all): its length (>= 1 when i < n) and
 * *cp; *bad is set when the byte is invalid UTF-8 or NUL (*cp is U+FFFD).
 */
size_t hygiene_char_multi(const char *s, size_t n, size_t i, int32_t *cp, bool *bad);

/*
 * Inline for ASCII and 2-byte characters, which are most of any text: a
 * call per byte was a twentieth of the time.
 */
static inline size_t hygiene_char(const char *s, size_t n, size_t i, int32_t *cp, bool *bad)
{
    unsigned char c = (unsigned char)s[i];

    if (c != 0 && c < 0x80) {
        *cp = c;
        *bad = false;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF && n - i >= 2 && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
        *cp = ((c & 0x1F) << 6) | ((unsigned char)s[i + 1] & 0x3F); /* valid by its lead byte */
        *bad = false;
        return 2;
    }
    return hygiene_char_multi(s, n, i, cp, bad);
}

/* Length of a UTF-8 byte order mark at the start of s, or 0. */
size_t hygiene_bom(const char *s, size_t n);

struct hygiene_counts {
    size_t invalid, nul;
    size_t first_bad; /* offset of the first replaced byte (valid when a count > 0) */
};

/* Count invalid and NUL bytes in s[from..n). */
void hygiene_count(const char *s, size_t n, size_t from, struct hygiene_counts *hc);

/*
 * Whether s looks like a binary file: in its first sample bytes, the share
 * of control bytes (NUL and C0 other than tab, LF, VT, FF, CR, ESC) or of
 * invalid UTF-8 bytes is above the configured limits.
 */
bool hygiene_is_binary(const char *s, size_t n, const struct tokconf *tc);

/*
 * Append s[start..end) to out with each replaced byte written as U+FFFD;
 * when bad is not NULL, append each replaced byte's offset to it. Returns 0
 * or -1 (memory).
 */
int hygiene_text(struct buf *out, json_t *bad, const char *s, size_t start, size_t end);

/* 1-based line number of offset off in s. */
size_t hygiene_line_of(const char *s, size_t off);

#endif
