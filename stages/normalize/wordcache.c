#include "wordcache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct wordcache_ent {
    uint8_t klen; /* 0: empty (an empty key is never stored) */
    uint8_t vlen;
    char key[WORDCACHE_KEY];
    char val[WORDCACHE_VAL];
};

struct wordcache {
    size_t mask;
    struct wordcache_ent ents[];
};

struct wordcache *wordcache_new(unsigned bits)
{
    size_t n = (size_t)1 << bits;
    struct wordcache *c = calloc(1, sizeof(*c) + n * sizeof(struct wordcache_ent));

    if (c)
        c->mask = n - 1;
    return c;
}

void wordcache_free(struct wordcache *c)
{
    free(c);
}

/* FNV-1a */
static size_t wordcache_slot(const struct wordcache *c, const char *key, size_t klen)
{
    uint64_t h = 14695981039346656037ULL;

    for (size_t i = 0; i < klen; i++) {
        h ^= (unsigned char)key[i];
        h *= 1099511628211ULL;
    }
    return (size_t)(h ^ (h >> 29)) & c->mask;
}

const char *wordcache_get(const struct wordcache *c, const char *key, size_t klen, size_t *vlen)
{
    if (klen == 0 || klen > WORDCACHE_KEY)
        return NULL;
    const struct wordcache_ent *e = &c->ents[wordcache_slot(c, key, klen)];
    if (e->klen != klen || memcmp(e->key, key, klen) != 0)
        return NULL;
    *vlen = e->vlen;
    return e->val;
}

bool wordcache_put(struct wordcache *c, const char *key, size_t klen, const char *val, size_t vlen)
{
    if (klen == 0 || klen > WORDCACHE_KEY || vlen > WORDCACHE_VAL)
        return false;
    struct wordcache_ent *e = &c->ents[wordcache_slot(c, key, klen)];
    e->klen = (uint8_t)klen;
    e->vlen = (uint8_t)vlen;
    memcpy(e->key, key, klen);
    if (vlen)
        memcpy(e->val, val, vlen);
    return true;
}
