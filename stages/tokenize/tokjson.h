/*
 * tokjson: JSON text written straight into room the caller reserved, for
 * the tokens.jsonl records tokemit writes by hand. The bytes are those
 * jsonl_write() would write (compact, jansson's escaping); a buf call per
 * piece of a record was most of the cost of writing it.
 *
 * Each function writes at p and returns the end of what it wrote. Nothing
 * allocates; the caller reserves the room the macros give.
 */
#ifndef TOKJSON_H
#define TOKJSON_H

#include <stddef.h>
#include <string.h>

/* Room for s[0..n) as a JSON string: quotes, and 6 bytes for the longest escape (\u00XX). */
#define TOKJSON_STRING_ROOM(n) (6 * (n) + 2)

/* Room for a size_t in decimal. */
#define TOKJSON_SIZE_ROOM 20

char *tokjson_size_at_any(char *p, size_t v);

/* v in decimal; inline for the short numbers most are (token offsets and lengths). */
static inline char *tokjson_size_at(char *p, size_t v)
{
    if (v < 10) {
        *p = (char)('0' + v);
        return p + 1;
    }
    if (v < 100) {
        p[0] = (char)('0' + v / 10);
        p[1] = (char)('0' + v % 10);
        return p + 2;
    }
    return tokjson_size_at_any(p, v);
}

/*
 * s[0..n) quoted and escaped as jansson escapes: \" \\ \b \f \n \r \t,
 * other controls (NUL too) as \u00XX, everything else as it is. Returns
 * NULL when s is not valid UTF-8 (p then holds part of it).
 */
char *tokjson_string_at(char *p, const char *s, size_t n);

/*
 * The same for s[0..n) known to be valid UTF-8 without NUL (hygiene found
 * no byte to replace): its bytes from 0x80 on are copied unchecked.
 */
char *tokjson_valid_string_at(char *p, const char *s, size_t n);

/* The literal lit (a key, punctuation) as it is. */
static inline char *tokjson_lit_at(char *p, const char *lit)
{
    size_t n = strlen(lit);

    memcpy(p, lit, n);
    return p + n;
}

#endif
