#include "tokrec.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"

/* Each replacement takes 3 bytes of text for 1 byte of the original. */
#define TOKREC_GROW 2

static int tokrec_size(const json_t *rec, const char *key, size_t *out, const char *file,
                       size_t line)
{
    const json_t *v = json_object_get(rec, key);

    if (!json_is_integer(v) || json_integer_value(v) < 0)
        return error_at(file, line, "field '%s' is not a non-negative integer", key);
    *out = (size_t)json_integer_value(v);
    return 0;
}

static int tokrec_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

static int tokrec_bad(struct tokrec *tr, const json_t *rec, const char *file, size_t line)
{
    const json_t *bad = json_object_get(rec, "bad");

    tr->bad = NULL;
    tr->nbad = 0;
    if (!bad)
        return 0;
    if (!json_is_array(bad))
        return error_at(file, line, "field 'bad' is not an array");
    if (json_array_size(bad) == 0)
        return 0;
    tr->bad = calloc(json_array_size(bad), sizeof(*tr->bad));
    if (!tr->bad)
        return error_at(file, line, "out of memory");
    for (size_t i = 0; i < json_array_size(bad); i++) {
        const json_t *v = json_array_get(bad, i);
        if (!json_is_integer(v) || json_integer_value(v) < 0)
            return error_at(file, line, "field 'bad' holds a value that is not an offset");
        tr->bad[tr->nbad++] = (size_t)json_integer_value(v);
    }
    qsort(tr->bad, tr->nbad, sizeof(*tr->bad), tokrec_cmp);
    return 0;
}

int tokrec_parse(struct tokrec *tr, const json_t *rec, const char *file, size_t line)
{
    memset(tr, 0, sizeof(*tr));
    tr->doc = json_string_value(json_object_get(rec, "doc"));
    if (!tr->doc)
        return error_at(file, line, "field 'doc' is not a string");
    const json_t *text = json_object_get(rec, "text");
    if (!json_is_string(text))
        return error_at(file, line, "field 'text' is not a string");
    tr->text = json_string_value(text);
    tr->text_len = json_string_length(text);
    if (tokrec_size(rec, "sid", &tr->sid, file, line) < 0 ||
        tokrec_size(rec, "start", &tr->start, file, line) < 0 ||
        tokrec_size(rec, "end", &tr->end, file, line) < 0)
        return -1;
    if (tr->end < tr->start)
        return error_at(file, line, "field 'end' is before 'start'");
    if (tokrec_bad(tr, rec, file, line) < 0) {
        tokrec_release(tr);
        return -1;
    }
    return 0;
}

void tokrec_release(struct tokrec *tr)
{
    free(tr->bad);
    tr->bad = NULL;
    tr->nbad = 0;
}

size_t tokrec_offset(const struct tokrec *tr, size_t off)
{
    size_t shift = 0;

    for (size_t k = 0; k < tr->nbad; k++) {
        if (tr->bad[k] < tr->start)
            continue;
        /* where the k-th replacement starts in text */
        size_t tpos = tr->bad[k] - tr->start + shift;
        if (tpos >= off)
            break;
        if (off < tpos + 3)
            return tr->bad[k] + 1; /* inside a replacement: just past the bad byte */
        shift += TOKREC_GROW;
    }
    return tr->start + off - shift;
}
