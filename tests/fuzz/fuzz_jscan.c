/*
 * libFuzzer target: jscan against jansson on arbitrary bytes. Whatever jscan
 * accepts, jansson must accept as the same object, member for member; what
 * jansson accepts, jscan may refuse only for the shapes it documents.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jscan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void must(int ok)
{
    if (!ok)
        abort();
}

/* Whether jansson's value v equals jscan's raw value s. */
static void same_value(const json_t *v, const struct jscan_span *s)
{
    struct buf b = BUF_INIT;
    long long i;
    double d;
    size_t pos = 0, n = 0;
    struct jscan_span e;

    if (json_is_string(v)) {
        must(jscan_string(s, &b) == 0 && b.len == json_string_length(v) &&
             memcmp(b.data ? b.data : "", json_string_value(v), b.len) == 0);
    } else if (json_is_integer(v)) {
        must(jscan_integer(s, &i) == 0 && i == json_integer_value(v));
    } else if (json_is_real(v)) {
        must(jscan_number(s, &d) == 0 && d == json_real_value(v));
    } else if (json_is_array(v)) {
        while (jscan_array_next(s, &pos, &e) == 1)
            same_value(json_array_get(v, n++), &e);
        must(n == json_array_size(v));
    } else if (json_is_null(v)) {
        must(jscan_is_null(s));
    }
    buf_release(&b);
}

/* Whether v holds an object below the top or nests deeper than jscan reads. */
static int refused_shape(const json_t *v, int depth)
{
    size_t i;
    const json_t *e;

    if (depth > JSCAN_DEPTH || (depth > 0 && json_is_object(v)))
        return 1;
    if (json_is_object(v))
        return json_object_size(v) > JSCAN_MAX;
    json_array_foreach(v, i, e) if (refused_shape(e, depth + 1)) return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct jscan *js = malloc(sizeof(*js));
    json_error_t jerr;
    const char *key;
    json_t *v;

    if (!js)
        return 0;
    int ours = jscan_object(js, (const char *)data, size);
    json_t *rec = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &jerr);
    if (ours == 0) {
        must(json_is_object(rec) && json_object_size(rec) == js->n);
        json_object_foreach(rec, key, v)
        {
            const struct jscan_span *s = jscan_get(js, key);
            must(s != NULL);
            same_value(v, s);
        }
    } else if (json_is_object(rec)) {
        /*
         * refused shapes only: a nested object, an escaped key, too many
         * members or levels; or a NUL byte between tokens, which jansson
         * passes over and JSON does not allow
         */
        const json_t *m;
        json_object_foreach(rec, key, m) if (refused_shape(m, 1)) goto done;
        must(memchr(data, '\\', size) || memchr(data, '\0', size) || refused_shape(rec, 0));
    }
done:
    json_decref(rec);
    free(js);
    return 0;
}
