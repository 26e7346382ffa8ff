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

/*
 * jscan_object_triples() judges the line as jscan_object() did (ours) and indexes it the same;
 * for the member key it reads, what jscan_triples() reads from its value, when that fits max.
 */
static void same_with_sink(const struct jscan *js, const uint8_t *data, size_t size, int ours,
                           const char *key, size_t max)
{
    struct jscan *js2 = malloc(sizeof(*js2));
    struct jscan_triple t[8], u[8];
    struct jscan_triple_sink sink = {key, t, max, 0, false};
    size_t count;

    if (!js2)
        return;
    must(jscan_object_triples(js2, (const char *)data, size, &sink) == ours);
    if (ours == 0) {
        must(js2->n == js->n && memcmp(js2->m, js->m, js->n * sizeof(*js->m)) == 0);
        const struct jscan_span *v = jscan_get(js, key);
        int rc = v ? jscan_triples(v, u, max, &count) : -1;
        must(sink.found == (rc == 0 && count > 0));
        must(!sink.found || sink.count == count);
        for (size_t k = 0; sink.found && k < count; k++)
            must(t[k].a == u[k].a && t[k].b == u[k].b && t[k].c == u[k].c);
    }
    free(js2);
}

/* same_with_sink() for the first member's key (or "tokens"), with room for 2 and for 8 triples. */
static void same_with_sinks(const struct jscan *js, const uint8_t *data, size_t size, int ours)
{
    char key[64] = "tokens";

    if (ours == 0 && js->n > 0 && js->m[0].key.n < sizeof(key)) {
        memcpy(key, js->m[0].key.p, js->m[0].key.n);
        key[js->m[0].key.n] = '\0';
    }
    same_with_sink(js, data, size, ours, key, 2);
    same_with_sink(js, data, size, ours, key, 8);
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
    same_with_sinks(js, data, size, ours);
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
