#include "hygiene.h"

#include <string.h>

#include "utf8.h"

size_t hygiene_char_multi(const char *s, size_t n, size_t i, int32_t *cp, bool *bad)
{
    unsigned char c = (unsigned char)s[i];
    size_t len = c == 0 ? 0 : utf8_decode(s + i, n - i, cp);
    *bad = len == 0;
    if (*bad) {
        *cp = HYGIENE_BAD;
        len = 1;
    }
    return len;
}

size_t hygiene_bom(const char *s, size_t n)
{
    return n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

void hygiene_count(const char *s, size_t n, size_t from, struct hygiene_counts *hc)
{
    int32_t cp;
    bool bad;

    hc->invalid = hc->nul = hc->first_bad = 0;
    for (size_t i = from; i < n;) {
        if (n - i >= 8) { /* the ASCII start of 8 bytes is passed at once */
            size_t k = utf8_ascii_len8(s + i);
            i += k;
            if (k == 8)
                continue;
        }
        size_t len = hygiene_char(s, n, i, &cp, &bad);
        if (bad && hc->invalid + hc->nul == 0)
            hc->first_bad = i;
        if (bad && s[i] == '\0')
            hc->nul++;
        else if (bad)
            hc->invalid++;
        i += len;
    }
}

static bool hygiene_is_control(unsigned char c)
{
    return c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1B;
}

bool hygiene_is_binary(const char *s, size_t n, const struct tokconf *tc)
{
    size_t m = n < tc->binary_sample_bytes ? n : tc->binary_sample_bytes;
    size_t control = 0, invalid = 0;
    int32_t cp;
    bool bad;

    if (m == 0)
        return false;
    for (size_t i = 0; i < m;) {
        if (m - i >= 8) { /* the start of 8 bytes that is neither control nor invalid */
            size_t k = utf8_printable_len8(s + i);
            i += k;
            if (k == 8)
                continue;
        }
        if (hygiene_is_control((unsigned char)s[i]))
            control++;
        size_t len = hygiene_char(s, m, i, &cp, &bad);
        /* a character cut by the sample's end is not counted as invalid */
        if (bad && s[i] != '\0' && m - i >= 4)
            invalid++;
        i += len;
    }
    return (double)control / (double)m > tc->binary_control_share ||
           (double)invalid / (double)m > tc->binary_invalid_share;
}

int hygiene_text(struct buf *out, json_t *bad, const char *s, size_t start, size_t end)
{
    size_t run = start;
    int32_t cp;
    bool isbad;

    for (size_t i = start; i < end;) {
        size_t len = hygiene_char(s, end, i, &cp, &isbad);
        if (isbad) {
            if (buf_add(out, s + run, i - run) < 0 || buf_add(out, "\xEF\xBF\xBD", 3) < 0)
                return -1;
            if (bad && json_array_append_new(bad, json_integer((json_int_t)i)) < 0)
                return -1;
            run = i + 1;
        }
        i += len;
    }
    return buf_add(out, s + run, end - run);
}

size_t hygiene_line_of(const char *s, size_t off)
{
    size_t line = 1;

    for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + off - p))) != NULL; p++)
        line++;
    return line;
}
