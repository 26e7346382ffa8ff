/*
 * markidx: the marker words of every configured language in one hash
 * table, so a word of a document is looked up once rather than once per
 * language (a binary search per language was a tenth of tokenize's time).
 *
 * The index borrows the folded words from the config, which must outlive
 * it; markidx_release() frees the rest. markidx_init() returns 0 or -1
 * (memory, not reported).
 */
#ifndef MARKIDX_H
#define MARKIDX_H

#include <stddef.h>

#include "tokconf.h"

struct markidx_slot {
    const char *word; /* folded, borrowed; NULL: empty slot */
    size_t len;
    size_t first, n; /* the word's languages: langs[first..first+n) */
    size_t last;     /* while building: 1 + the last language counted */
};

struct markidx {
    struct markidx_slot *slots;
    size_t mask; /* number of slots - 1 */
    size_t *langs;
};

int markidx_init(struct markidx *mi, const struct tokconf *tc);
void markidx_release(struct markidx *mi);

/* Add 1 to hits[i] for each language i whose markers hold the folded word w[0..len). */
void markidx_count(const struct markidx *mi, const char *w, size_t len, size_t *hits);

#endif
