/*
 * recconflict: find the disagreement inside one group of claims.
 *
 * Two claims contradict when their intervals cannot both hold (or a
 * cumulative count fell between two dates: a revision). They diverge when
 * their intervals can both hold but their estimates differ by more than
 * the configured factor; a vague lower bound ("thousands") never diverges,
 * since it promises only a minimum. Pairs that recrule excuses are skipped.
 * A group with any contradicting pair is a contradiction, else one with a
 * diverging pair a divergence. Only the claims of such pairs are members:
 * a "thousands" that fits both sides is left out.
 *
 * struct recconflict owns its member list; recconflict_release() frees it.
 */
#ifndef RECCONFLICT_H
#define RECCONFLICT_H

#include <stdbool.h>
#include <stddef.h>

#include "recclaim.h"
#include "recconf.h"
#include "recgroup.h"

enum recconflict_kind {
    RECCONFLICT_NONE,
    RECCONFLICT_CONTRADICTION,
    RECCONFLICT_DIVERGENCE,
};

struct recconflict {
    enum recconflict_kind kind;
    size_t *members; /* indices into the claim array, ascending */
    size_t n;
    bool revision; /* some pair is a cumulative count that fell */
    double factor; /* divergence: the largest ratio of estimates among the pairs; else 1 */
};

/*
 * Look for a disagreement in g. Returns 0 (kind NONE when there is none),
 * or -1 when memory ran out (reported).
 */
int recconflict_find(struct recconflict *out, const struct recclaim *claims,
                     const struct recgroup *g, const struct recconf *cfg);

void recconflict_release(struct recconflict *cf);

/* "contradiction", "divergence" or "". */
const char *recconflict_kind_name(enum recconflict_kind kind);

#endif
