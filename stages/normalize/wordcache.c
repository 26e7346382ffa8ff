#include "wordcache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zmem.h"

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
    struct wordcache *c = zmem_alloc(sizeof(*c) + n * sizeof(struct wordcache_ent));

    if (c)
        c->mask = n - 1;
    return c;
}

void wordcache_free(struct wordcache *c)
{
    free(c);
}

/* The bytes key[0..n) (n < 8, the key's length is hashed besides) as one word, with no loop:
 * overlapping reads of four bytes, or the first, middle and last byte. */
static inline uint64_t wordcache_short(const char *key, size_t n)
{
    uint32_t lo, hi;

    if (n >= 4) {
        memcpy(&lo, key, 4);
        memcpy(&hi, key + n - 4, 4);
        return (uint64_t)hi << 32 | lo;
    }
    if (n == 0)
        return 0;
    return (uint64_t)(unsigned char)key[0] | (uint64_t)(unsigned char)key[n / 2] << 8 |
           (uint64_t)(unsigned char)key[n - 1] << 16;
}

/* A multiplicative hash of the key eight bytes at a time (the last eight read again where they
 * overlap), its high bits folded into the low ones that pick the slot. */
static inline size_t wordcache_slot(const struct wordcache *c, const char *key, size_t klen)
{
    const uint64_t mul = 0x9E3779B97F4A7C15ULL;
    uint64_t h = 14695981039346656037ULL ^ klen, x;
    size_t i = 0;

    for (; klen - i >= 8; i += 8) {
        memcpy(&x, key + i, 8);
        h = (h ^ x) * mul;
    }
    if (i < klen) {
        if (klen >= 8)
            memcpy(&x, key + klen - 8, 8);
        else
            x = wordcache_short(key, klen);
        h = (h ^ x) * mul;
    }
    h ^= h >> 32;
    h *= mul;
    return (size_t)(h ^ (h >> 29)) & c->mask;
}

/* Are a[0..n) and b[0..n) the same bytes (0 < n)? Eight at a time, the last eight again where they
 * overlap, as the hash reads them: keys are short, and a call to memcmp() costs more. */
static inline bool wordcache_same(const char *a, const char *b, size_t n)
{
    uint64_t x, y;
    size_t i = 0;

    if (n < 8)
        return wordcache_short(a, n) == wordcache_short(b, n);
    for (; n - i > 8; i += 8) {
        memcpy(&x, a + i, 8);
        memcpy(&y, b + i, 8);
        if (x != y)
            return false;
    }
    memcpy(&x, a + n - 8, 8);
    memcpy(&y, b + n - 8, 8);
    return x == y;
}

const char *wordcache_get(const struct wordcache *c, const char *key, size_t klen, size_t *vlen)
{
    if (klen == 0 || klen > WORDCACHE_KEY)
        return NULL;
    const struct wordcache_ent *e = &c->ents[wordcache_slot(c, key, klen)];
    if (e->klen != klen || !wordcache_same(e->key, key, klen))
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
