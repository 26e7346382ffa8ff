#include "numidx.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static struct numidx_entry *numidx_slot(const struct numidx *ix, const char *key, size_t len,
                                        uint32_t h)
{
    for (size_t i = h & ix->mask;; i = (i + 1) & ix->mask) {
        struct numidx_entry *e = &ix->v[i];
        if (!e->key || (e->hash == h && e->len == len && memcmp(e->key, key, len) == 0))
            return e;
    }
}

/* Room for n more entries at a load of at most one half. */
static int numidx_reserve(struct numidx *ix, size_t more)
{
    size_t slots = ix->v ? ix->mask + 1 : 0, want = 16;

    while (want < 2 * (ix->n + more))
        want *= 2;
    if (want <= slots)
        return 0;
    struct numidx_entry *v = calloc(want, sizeof(*v)), *old = ix->v;
    if (!v)
        return -1;
    ix->v = v;
    ix->mask = want - 1;
    for (size_t i = 0; i < slots; i++)
        if (old[i].key)
            *numidx_slot(ix, old[i].key, old[i].len, old[i].hash) = old[i];
    free(old);
    return 0;
}

static struct numidx_entry *numidx_put(struct numidx *ix, const char *key, size_t len,
                                       const json_t *val)
{
    uint32_t h = numidx_hash(key, len);
    struct numidx_entry *e = numidx_slot(ix, key, len, h);
    bool whole = e->key && e->whole;

    if (!e->key)
        ix->n++;
    if (len > ix->maxlen)
        ix->maxlen = len;
    *e = (struct numidx_entry){
        key, len, h, val, json_is_number(val) ? json_number_value(val) : NAN, whole, e->tables,
    };
    return e;
}

int numidx_build(struct numidx *ix, const json_t *obj)
{
    const char *key;
    json_t *v;

    if (numidx_reserve(ix, json_object_size(obj)) < 0)
        return -1;
    json_object_foreach((json_t *)obj, key, v) numidx_put(ix, key, strlen(key), v);
    return 0;
}

int numidx_add_prefixes(struct numidx *ix, const json_t *obj)
{
    const char *key;
    json_t *v;

    json_object_foreach((json_t *)obj, key, v)
    {
        size_t len = strlen(key);
        if (numidx_reserve(ix, len) < 0)
            return -1;
        for (size_t l = 1; l <= len; l++)
            numidx_put(ix, key, l, NULL);
        if (len > 0)
            numidx_put(ix, key, len, NULL)->whole = true;
    }
    return 0;
}

int numidx_add_keys(struct numidx *ix, const json_t *obj, uint64_t bit)
{
    const char *key;
    json_t *v;

    if (numidx_reserve(ix, json_object_size(obj)) < 0)
        return -1;
    json_object_foreach((json_t *)obj, key, v) numidx_put(ix, key, strlen(key), NULL)->tables |=
        bit;
    return 0;
}

int numidx_add_heads(struct numidx *ix, const json_t *obj, uint64_t bit)
{
    const char *key;
    json_t *v;

    if (numidx_reserve(ix, json_object_size(obj)) < 0)
        return -1;
    json_object_foreach((json_t *)obj, key, v) numidx_put(ix, key, strcspn(key, " "), NULL)
        ->tables |= bit;
    return 0;
}

const struct numidx_entry *numidx_find(const struct numidx *ix, const char *key, size_t len)
{
    if (!ix->v)
        return NULL;
    const struct numidx_entry *e = numidx_slot(ix, key, len, numidx_hash(key, len));
    return e->key ? e : NULL;
}

const struct numidx_entry *numidx_find_hashed(const struct numidx *ix, const char *key, size_t len,
                                              uint32_t hash)
{
    if (!ix->v)
        return NULL;
    const struct numidx_entry *e = numidx_slot(ix, key, len, hash);
    return e->key ? e : NULL;
}

void numidx_release(struct numidx *ix)
{
    free(ix->v);
    ix->v = NULL;
    ix->mask = ix->n = ix->maxlen = 0;
}
