/*
 * numidx: a read-only hash table over the keys of one numlex table.
 *
 * numlex keeps each config table as a jansson object (the source of truth);
 * looking words up there cost more than everything else extract did, as
 * number recognition asks for every token and, to split compounds
 * ("tjuefem", "drieënvijftigduizend"), for every piece of it. numidx_build()
 * indexes an object's keys once at load with their values, and
 * numidx_add_prefixes() a set of every key's leading bytes, so a compound
 * splitter can stop as soon as no key can start with what it holds.
 *
 * Keys are borrowed from the jansson object, which must outlive the index
 * and not change. Lookups take a key and its length (no NUL needed).
 * numidx_build() and numidx_add_prefixes() return 0, or -1 when memory ran
 * out (not reported); numidx_release() frees the table.
 */
#ifndef NUMIDX_H
#define NUMIDX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <jansson.h>

struct numidx_entry {
    const char *key; /* NULL: an empty slot */
    size_t len;
    uint32_t hash;
    const json_t *val; /* borrowed; NULL in a prefix set */
    double num;        /* val's number, or NAN */
    bool whole;        /* in a prefix set: the part is a whole key */
    uint64_t tables;   /* in an index of several objects: bit k for each one holding the key */
};

struct numidx {
    struct numidx_entry *v;
    size_t mask; /* slots - 1; slots is a power of two */
    size_t n;
    size_t maxlen; /* bytes in the longest key */
};

#define NUMIDX_INIT                                                                                \
    {                                                                                              \
        NULL, 0, 0, 0                                                                              \
    }

/* Fold the 8 bytes w into h: a multiply, its high half folded back so every bit reaches the low. */
static inline uint64_t numidx_mix(uint64_t h, uint64_t w)
{
    h = (h ^ w) * UINT64_C(0x9E3779B97F4A7C15);
    return h ^ (h >> 32);
}

static inline uint64_t numidx_load32(const char *s)
{
    uint32_t x;

    memcpy(&x, s, 4);
    return x;
}

/*
 * The last r (0 to 8) bytes of a key as one little-endian word, its bytes
 * above them zero, read without a byte past them.
 */
static inline uint64_t numidx_tail(const char *s, size_t r)
{
    const unsigned char *u = (const unsigned char *)s;

    if (r >= 4)
        return numidx_load32(s) | (numidx_load32(s + r - 4) >> (8 * (8 - r))) << 32;
    uint64_t w = r > 0 ? u[0] : 0;
    if (r > 1)
        w |= (uint64_t)u[1] << 8;
    if (r > 2)
        w |= (uint64_t)u[2] << 16;
    return w;
}

/*
 * The hash of key[0..len) the index keeps: eight bytes at a time, inline,
 * as every token of a text is hashed (numtok) and most are short words.
 * The last 1 to 8 bytes are one word, zero above them (numidx_tail()), so
 * that a key in a buffer readable past it hashes with one load and a mask
 * (numidx_hash_padded()).
 */
static inline uint32_t numidx_hash(const char *s, size_t len)
{
    uint64_t h = len * UINT64_C(0xA0761D6478BD642F), w = 0;
    size_t i = 0;

    for (; len - i > 8; i += 8) {
        memcpy(&w, s + i, 8);
        h = numidx_mix(h, w);
    }
    return (uint32_t)numidx_mix(h, numidx_tail(s + i, len - i));
}

/*
 * numidx_hash(s, len) for a key with at least 7 bytes readable past it
 * (their values do not matter): its last word is read whole and masked.
 */
static inline uint32_t numidx_hash_padded(const char *s, size_t len)
{
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t h = len * UINT64_C(0xA0761D6478BD642F), w = 0;
    size_t i = 0;

    if (len == 0)
        return (uint32_t)numidx_mix(h, 0);
    for (; len - i > 8; i += 8) {
        memcpy(&w, s + i, 8);
        h = numidx_mix(h, w);
    }
    memcpy(&w, s + i, 8);
    return (uint32_t)numidx_mix(h, w & (~UINT64_C(0) >> (64 - 8 * (len - i))));
#else
    return numidx_hash(s, len);
#endif
}

/* Index every key of the object obj (NULL or empty: an empty index). */
int numidx_build(struct numidx *ix, const json_t *obj);

/* Add every non-empty leading part of every key of obj to the set ix (a whole key marked so). */
int numidx_add_prefixes(struct numidx *ix, const json_t *obj);

/* Add every key of obj to ix, marking it with tables |= bit (other fields unset). */
int numidx_add_keys(struct numidx *ix, const json_t *obj, uint64_t bit);

/* Add the first word (up to the first space) of every key of obj to ix, marked tables |= bit. */
int numidx_add_heads(struct numidx *ix, const json_t *obj, uint64_t bit);

/* The entry for key[0..len), or NULL. */
const struct numidx_entry *numidx_find(const struct numidx *ix, const char *key, size_t len);

/* As numidx_find(), with hash = numidx_hash(key, len) already made (one hash, several indexes). */
const struct numidx_entry *numidx_find_hashed(const struct numidx *ix, const char *key, size_t len,
                                              uint32_t hash);

void numidx_release(struct numidx *ix);

#endif
