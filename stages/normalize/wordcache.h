/*
 * wordcache: remember the results of a costly function of a short string.
 *
 * Stemming a word (case folding, Snowball) and looking up a place name
 * (folding, bisection) are done for every token of every sentence, and
 * most tokens are words seen many times before. A wordcache maps a key of
 * at most WORDCACHE_KEY bytes to a value of at most WORDCACHE_VAL bytes;
 * it is direct-mapped, so a new key evicts the one in its slot, and its
 * memory is fixed at wordcache_new() whatever the input. Only pure
 * functions may be cached: a value is a hint that must equal what the
 * function would return.
 *
 * wordcache_new() returns NULL when memory ran out (not reported).
 */
#ifndef WORDCACHE_H
#define WORDCACHE_H

#include <stdbool.h>
#include <stddef.h>

#define WORDCACHE_KEY 48
#define WORDCACHE_VAL 40

struct wordcache;

/* A cache of 2^bits entries. */
struct wordcache *wordcache_new(unsigned bits);

void wordcache_free(struct wordcache *c);

/* The value stored for key[0..klen) (*vlen bytes, not NUL-terminated), or NULL. All of
 * WORDCACHE_VAL bytes may be read there (those past *vlen hold anything). */
const char *wordcache_get(const struct wordcache *c, const char *key, size_t klen, size_t *vlen);

/* Store val[0..vlen) for key[0..klen). false when either is too long (nothing stored). */
bool wordcache_put(struct wordcache *c, const char *key, size_t klen, const char *val, size_t vlen);

#endif
