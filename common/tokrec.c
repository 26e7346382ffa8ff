#include "tokrec.h"

#include <stdbool.h>
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

/* The members of a sentence record tokrec_scan() reads; NULL when it has none such. */
struct tokrec_members {
    const struct jscan_span *doc, *text, *sid, *start, *end, *bad;
};

/* Whether the key k is the C string key. */
static bool tokrec_key_is(const struct jscan_span *k, const char *key)
{
    return strlen(key) == k->n && memcmp(k->p, key, k->n) == 0;
}

/* Where *m points the member with key k, if it is one of ours: told by its first byte. */
static void tokrec_member(struct tokrec_members *m, const struct jscan_member *jm)
{
    const struct jscan_span *k = &jm->key;
    const struct jscan_span **slot = NULL;

    switch (k->n ? k->p[0] : '\0') {
    case 'b':
        slot = tokrec_key_is(k, "bad") ? &m->bad : NULL;
        break;
    case 'd':
        slot = tokrec_key_is(k, "doc") ? &m->doc : NULL;
        break;
    case 'e':
        slot = tokrec_key_is(k, "end") ? &m->end : NULL;
        break;
    case 's':
        slot = tokrec_key_is(k, "sid") ? &m->sid : tokrec_key_is(k, "start") ? &m->start : NULL;
        break;
    case 't':
        slot = tokrec_key_is(k, "text") ? &m->text : NULL;
        break;
    default:
        break;
    }
    if (slot)
        *slot = &jm->val;
}

/* The members of js tokrec_scan() reads, found in one pass (jscan_get() would search for each). */
static void tokrec_members(struct tokrec_members *m, const struct jscan *js)
{
    memset(m, 0, sizeof(*m));
    for (size_t i = 0; i < js->n; i++)
        tokrec_member(m, &js->m[i]);
}

static int tokrec_scan_size(const struct jscan_span *v, const char *key, size_t *out,
                            const char *file, size_t line)
{
    long long x;

    if (jscan_integer(v, &x) < 0 || x < 0)
        return error_at(file, line, "field '%s' is not a non-negative integer", key);
    *out = (size_t)x;
    return 0;
}

/* Decode the string v of member key into b. Returns 0, or -1 with a message. */
static int tokrec_scan_string(const struct jscan_span *v, const char *key, struct buf *b,
                              const char *file, size_t line)
{
    if (!jscan_is_string(v))
        return error_at(file, line, "field '%s' is not a string", key);
    if (jscan_string(v, b) < 0)
        return error_at(file, line, "out of memory");
    return 0;
}

static size_t tokrec_scan_count(const struct jscan_span *arr)
{
    struct jscan_span e;
    size_t pos = 0, n = 0;

    while (jscan_array_next(arr, &pos, &e) == 1)
        n++;
    return n;
}

static int tokrec_scan_bad(struct tokrec *tr, const struct jscan_span *bad, const char *file,
                           size_t line)
{
    struct jscan_span e;
    size_t pos = 0, n;
    long long v;

    tr->bad = NULL;
    tr->nbad = 0;
    if (!bad)
        return 0;
    if (bad->n == 0 || bad->p[0] != '[')
        return error_at(file, line, "field 'bad' is not an array");
    if ((n = tokrec_scan_count(bad)) == 0)
        return 0;
    tr->bad = calloc(n, sizeof(*tr->bad));
    if (!tr->bad)
        return error_at(file, line, "out of memory");
    while (jscan_array_next(bad, &pos, &e) == 1) {
        if (jscan_integer(&e, &v) < 0 || v < 0)
            return error_at(file, line, "field 'bad' holds a value that is not an offset");
        tr->bad[tr->nbad++] = (size_t)v;
    }
    qsort(tr->bad, tr->nbad, sizeof(*tr->bad), tokrec_cmp);
    return 0;
}

int tokrec_scan(struct tokrec *tr, const struct jscan *js, struct tokrec_store *store,
                const char *file, size_t line)
{
    struct tokrec_members m;

    memset(tr, 0, sizeof(*tr));
    tokrec_members(&m, js);
    if (tokrec_scan_string(m.doc, "doc", &store->doc, file, line) < 0 ||
        tokrec_scan_string(m.text, "text", &store->text, file, line) < 0)
        return -1;
    tr->doc = buf_str(&store->doc);
    tr->text = buf_str(&store->text);
    tr->text_len = store->text.len;
    if (tokrec_scan_size(m.sid, "sid", &tr->sid, file, line) < 0 ||
        tokrec_scan_size(m.start, "start", &tr->start, file, line) < 0 ||
        tokrec_scan_size(m.end, "end", &tr->end, file, line) < 0)
        return -1;
    if (tr->end < tr->start)
        return error_at(file, line, "field 'end' is before 'start'");
    if (tokrec_scan_bad(tr, m.bad, file, line) < 0) {
        tokrec_release(tr);
        return -1;
    }
    return 0;
}

void tokrec_store_release(struct tokrec_store *store)
{
    buf_release(&store->doc);
    buf_release(&store->text);
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
