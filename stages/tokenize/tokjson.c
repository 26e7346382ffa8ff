#include "tokjson.h"

#include <stdbool.h>
#include <stdint.h>

#include "jsonl.h"
#include "utf8.h"

char *tokjson_size_at_any(char *p, size_t v)
{
    if (v < 1000) { /* sentence offsets and token offsets past 100 */
        p[0] = (char)('0' + v / 100);
        p[1] = (char)('0' + v / 10 % 10);
        p[2] = (char)('0' + v % 10);
        return p + 3;
    }
    return jsonl_size_at(p, v);
}

/* The escape of ASCII control, quote or backslash c. */
static char *tokjson_escape_at(char *p, unsigned char c)
{
    static const char hex[] = "0123456789ABCDEF";
    char named = c == '"'    ? '"'
                 : c == '\\' ? '\\'
                 : c == '\b' ? 'b'
                 : c == '\f' ? 'f'
                 : c == '\n' ? 'n'
                 : c == '\r' ? 'r'
                 : c == '\t' ? 't'
                             : 0;

    *p++ = '\\';
    if (named) {
        *p++ = named;
        return p;
    }
    memcpy(p, "u00", 3);
    p[3] = hex[c >> 4];
    p[4] = hex[c & 15];
    return p + 5;
}

static bool tokjson_plain(unsigned char c)
{
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/*
 * How many of the 8 bytes at s, from the first, are ASCII and need no
 * escape (8: all); exact on little-endian machines, else maybe fewer (see
 * utf8_ascii_len8()).
 */
static size_t tokjson_plain_prefix8(const char *s)
{
    uint64_t x = utf8_load8(s);
    uint64_t stop = ((x - 0x20 * UTF8_ONES) | x) & UTF8_HIGHS;

    stop |= utf8_eq8(x, '"') | utf8_eq8(x, '\\');
    return stop ? utf8_first8(stop) : 8;
}

/* The character at s[*i] that is not plain ASCII, escaped or checked; NULL if not valid. */
static char *tokjson_char_at(char *p, const char *s, size_t n, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s + *i;
    int32_t cp;

    if (u[0] < 0x80) {
        (*i)++;
        return tokjson_escape_at(p, u[0]);
    }
    if (u[0] >= 0xC2 && u[0] <= 0xDF && n - *i >= 2 && (u[1] & 0xC0) == 0x80) {
        memcpy(p, u, 2); /* a 2-byte character, valid without utf8_decode */
        *i += 2;
        return p + 2;
    }
    size_t len = utf8_decode(s + *i, n - *i, &cp);
    if (len == 0)
        return NULL;
    memcpy(p, u, len);
    *i += len;
    return p + len;
}

/*
 * Runs of plain ASCII are copied 8 bytes at a time; a block that holds
 * another byte is copied whole too, only its plain start counting (the room
 * reserved is far more than 8 bytes ahead).
 */
char *tokjson_string_at(char *p, const char *s, size_t n)
{
    *p++ = '"';
    for (size_t i = 0; p && i < n;) {
        if (n - i >= 8) {
            size_t k = tokjson_plain_prefix8(s + i);
            memcpy(p, s + i, 8);
            p += k;
            i += k;
            if (k == 8)
                continue;
        } else if (tokjson_plain((unsigned char)s[i])) {
            *p++ = s[i++];
            continue;
        }
        p = tokjson_char_at(p, s, n, &i);
    }
    if (p)
        *p++ = '"';
    return p;
}

/*
 * How many of the 8 bytes at s, from the first, need no escape when s is
 * valid UTF-8 (bytes from 0x80 on need none); exact on little-endian
 * machines, else maybe fewer.
 */
static size_t tokjson_valid_prefix8(const char *s)
{
    uint64_t x = utf8_load8(s);
    uint64_t stop = (x - 0x20 * UTF8_ONES) & ~x & UTF8_HIGHS;

    stop |= utf8_eq8(x, '"') | utf8_eq8(x, '\\');
    return stop ? utf8_first8(stop) : 8;
}

/* The byte at s[i] of valid UTF-8, escaped when it is an ASCII control, quote or backslash. */
static char *tokjson_valid_byte_at(char *p, const char *s, size_t i)
{
    unsigned char c = (unsigned char)s[i];

    if (c < 0x20 || c == '"' || c == '\\')
        return tokjson_escape_at(p, c);
    *p = (char)c;
    return p + 1;
}

char *tokjson_valid_string_at(char *p, const char *s, size_t n)
{
    size_t i = 0;

    *p++ = '"';
    while (i < n) {
        if (n - i >= 8) {
            size_t k = tokjson_valid_prefix8(s + i);
            memcpy(p, s + i, 8);
            p += k;
            i += k;
            if (k == 8)
                continue;
        }
        p = tokjson_valid_byte_at(p, s, i++);
    }
    *p++ = '"';
    return p;
}
