/*
 * recrow: one row of conflicts.csv, assembled from a group and the
 * disagreement found in it.
 *
 * The conflict id is "c" and the first 11 hex digits of the 64-bit FNV-1a hash of
 * the group key and period, so it stays the same across runs as long as
 * the group does. A row owns its strings; recrow_release() frees them.
 */
#ifndef RECROW_H
#define RECROW_H

#include <stddef.h>

#include "recclaim.h"
#include "recconflict.h"
#include "recestimate.h"
#include "recgroup.h"

#define RECROW_ID_LEN 12

struct recrow {
    char id[RECROW_ID_LEN + 1];
    const char *kind, *category, *place, *period; /* borrowed */
    char *subject, *claim_ids, *values, *docs, *note;
    size_t n_claims;
    size_t first; /* index of the first member, for ordering */
    struct recestimate est;
};

/* Write the conflict id of (key, period) into id. */
void recrow_id(char id[RECROW_ID_LEN + 1], const char *key, const char *period);

/* Fill row. Returns 0, or -1 when memory ran out (reported; row then holds nothing). */
int recrow_init(struct recrow *row, const struct recclaim *claims, const struct recgroup *g,
                const struct recconflict *cf);

void recrow_release(struct recrow *row);

/* qsort comparator: by first member, then id. */
int recrow_cmp(const void *a, const void *b);

#endif
