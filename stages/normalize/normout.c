#include "normout.h"

#include <stdlib.h>
#include <string.h>

#include "jsonl.h"

/* Keys fewer than this are sorted on the stack. */
#define NORMOUT_KEYS 64

static int normout_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
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
    char tmp[32];

    switch (json_typeof(v)) {
    case JSON_STRING:
        return jsonl_put_string(b, json_string_value(v), json_string_length(v));
    case JSON_INTEGER:
        snprintf(tmp, sizeof(tmp), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return buf_addstr(b, tmp);
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
    const char *keys[NORMOUT_KEYS];
    size_t n = 0;
    const char *key;
    json_t *v;

    if (!json_is_object(rec) || json_object_size(rec) > NORMOUT_KEYS)
        return 1;
    json_object_foreach((json_t *)rec, key, v) keys[n++] = key;
    qsort(keys, n, sizeof(*keys), normout_cmp);
    if (buf_addch(b, '{') < 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if ((i && buf_addch(b, ',') < 0) || jsonl_put_string(b, keys[i], strlen(keys[i])) < 0 ||
            buf_addch(b, ':') < 0)
            return -1;
        int rc = normout_value(b, json_object_get(rec, keys[i]));
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
