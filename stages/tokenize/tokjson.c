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

/* Whether the 8 bytes at s need no escape and are ASCII: they are copied at once. */
static bool tokjson_plain8(const char *s)
{
    uint64_t x = utf8_load8(s);

    return utf8_printable8(s) && utf8_lacks8(x, '"') && utf8_lacks8(x, '\\');
}

char *tokjson_string_at(char *p, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    int32_t cp;

    *p++ = '"';
    for (size_t i = 0; i < n;) {
        if (n - i >= 8 && tokjson_plain8(s + i)) {
            memcpy(p, s + i, 8);
            p += 8;
            i += 8;
        } else if (tokjson_plain(u[i])) {
            *p++ = (char)u[i++];
        } else if (u[i] < 0x80) {
            p = tokjson_escape_at(p, u[i++]);
        } else if (u[i] >= 0xC2 && u[i] <= 0xDF && i + 1 < n && (u[i + 1] & 0xC0) == 0x80) {
            memcpy(p, s + i, 2); /* a 2-byte character, valid without utf8_decode */
            p += 2;
            i += 2;
        } else {
            size_t len = utf8_decode(s + i, n - i, &cp);
            if (len == 0)
                return NULL;
            memcpy(p, s + i, len);
            p += len;
            i += len;
        }
    }
    *p++ = '"';
    return p;
}
