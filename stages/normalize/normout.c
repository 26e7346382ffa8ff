#include "normout.h"

#include <stdlib.h>
#include <string.h>

#include "jsonl.h"

/* Keys fewer than this are sorted on the stack. */
#define NORMOUT_KEYS 64

/* A member of the record, read once from its hash table. */
struct normout_member {
    const char *key;
    const json_t *v;
};

static int normout_cmp(const void *a, const void *b)
{
    return strcmp(((const struct normout_member *)a)->key, ((const struct normout_member *)b)->key);
}

/* An integer's decimal digits, as printf's %lld writes them. */
static int normout_int(struct buf *b, json_int_t v)
{
    char tmp[24];
    size_t i = sizeof(tmp);
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

    do {
        tmp[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        tmp[--i] = '-';
    return buf_add(b, tmp + i, sizeof(tmp) - i);
}

/* A real as jansson dumps it (its own formatting, so that the digits are the same). */
static int normout_real(struct buf *b, const json_t *v)
{
    char tmp[64];
    size_t n = json_dumpb(v, tmp, sizeof(tmp), JSON_ENCODE_ANY | JSON_COMPACT);

    return n == 0 || n > sizeof(tmp) ? -1 : buf_add(b, tmp, n);
}

/* Append scalar v; 1 when it is an array or object. */
static int normout_value(struct buf *b, const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_STRING:
        return jsonl_put_string(b, json_string_value(v), json_string_length(v));
    case JSON_INTEGER:
        return normout_int(b, json_integer_value(v));
    case JSON_REAL:
        return normout_real(b, v);
    case JSON_TRUE:
        return buf_add(b, "true", 4);
    case JSON_FALSE:
        return buf_add(b, "false", 5);
    case JSON_NULL:
        return buf_add(b, "null", 4);
    default:
        return 1;
    }
}

int normout_put(struct buf *b, const json_t *rec)
{
    struct normout_member m[NORMOUT_KEYS];
    size_t n = 0;
    const char *key;
    json_t *v;

    if (!json_is_object(rec) || json_object_size(rec) > NORMOUT_KEYS)
        return 1;
    json_object_foreach((json_t *)rec, key, v) m[n++] = (struct normout_member){key, v};
    qsort(m, n, sizeof(*m), normout_cmp);
    if (buf_addch(b, '{') < 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if ((i && buf_addch(b, ',') < 0) || jsonl_put_string(b, m[i].key, strlen(m[i].key)) < 0 ||
            buf_addch(b, ':') < 0)
            return -1;
        int rc = normout_value(b, m[i].v);
        if (rc != 0)
            return rc;
    }
    return buf_addch(b, '}');
}

int normout_write(FILE *fp, const json_t *rec, struct buf *b)
{
    buf_reset(b);
    int rc = normout_put(b, rec);
    if (rc > 0)
        return jsonl_write(fp, rec);
    if (rc < 0 || buf_addch(b, '\n') < 0)
        return -1;
    return fwrite(b->data, 1, b->len, fp) == b->len ? 0 : -1;
}
