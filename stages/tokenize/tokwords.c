#include "tokwords.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

#define TOKWORDS_ASCII_MAX 64 /* ASCII words up to this length skip utf8proc */

void tokwords_init(struct tokwords *ws)
{
    ws->words = NULL;
    ws->n = 0;
    ws->maxlen = 0;
}

void tokwords_release(struct tokwords *ws)
{
    for (size_t i = 0; i < ws->n; i++)
        free(ws->words[i]);
    free(ws->words);
    tokwords_init(ws);
}

static int tokwords_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int tokwords_add_json(struct tokwords *ws, const json_t *arr)
{
    size_t n = json_array_size(arr);

    if (n == 0)
        return 0;
    char **words = realloc(ws->words, (ws->n + n) * sizeof(*words));
    if (!words)
        return -1;
    ws->words = words;
    for (size_t i = 0; i < n; i++) {
        const char *s = json_string_value(json_array_get(arr, i));
        char *f = s ? utf8_fold(s, strlen(s), NULL) : NULL;
        if (!f)
            return -1;
        ws->words[ws->n++] = f;
        if (strlen(f) > ws->maxlen)
            ws->maxlen = strlen(f);
    }
    qsort(ws->words, ws->n, sizeof(*ws->words), tokwords_cmp);
    return 0;
}

bool tokwords_has(const struct tokwords *ws, const char *w, size_t len)
{
    size_t lo = 0, hi = len > ws->maxlen ? 0 : ws->n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *m = ws->words[mid];
        int c = strncmp(m, w, len);
        if (c == 0 && m[len] != '\0')
            c = 1;
        if (c == 0)
            return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* Lowercase ASCII s into out (a word of at most TOKWORDS_ASCII_MAX bytes); false if not ASCII. */
static bool tokwords_ascii(const char *s, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0 || c >= 0x80)
            return false;
        out[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return true;
}

char *tokwords_fold(const char *s, size_t n, size_t *len)
{
    char *out = malloc(n + 1);

    if (out && tokwords_ascii(s, n, out)) {
        out[n] = '\0';
        *len = n;
        return out;
    }
    free(out);
    return utf8_fold(s, n, len);
}

/* Whether s[0..n) is ASCII without NUL, 8 bytes at a time (off little-endian maybe false). */
static bool tokwords_is_ascii(const char *s, size_t n)
{
    size_t i = 0;

    for (; n - i >= 8; i += 8)
        if (utf8_ascii_len8(s + i) < 8)
            return false;
    for (; i < n; i++)
        if (s[i] == '\0' || (unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

bool tokwords_has_raw(const struct tokwords *ws, const char *s, size_t n)
{
    char ascii[TOKWORDS_ASCII_MAX];
    size_t len;

    if (ws->n == 0 || n == 0)
        return false;
    if (n > ws->maxlen && tokwords_is_ascii(s, n)) /* ASCII folds to as many bytes */
        return false;
    if (n <= sizeof(ascii) && tokwords_ascii(s, n, ascii))
        return tokwords_has(ws, ascii, n);
    char *f = utf8_fold(s, n, &len);
    if (!f)
        return false;
    bool has = tokwords_has(ws, f, len);
    free(f);
    return has;
}
