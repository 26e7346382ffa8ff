/*
 * recrule: when two different numbers in one group are not a disagreement.
 *
 * Grouping already keeps apart one side's count and the other's, a part
 * and its whole, and an increment and its running total. These rules look
 * at one pair inside a group:
 *
 *  - a hedge: the same source (same document, and the same sentence or the
 *    same named attribution) gives a count and its own higher estimate
 *    ("20 confirmed dead; the toll may rise to 100");
 *  - increments ("another 26 dead") are compared only when both are dated
 *    to the same day with the same time anchor;
 *  - an update: reports of dates known to differ. A count that can only
 *    grow (a cumulative category) may rise; if it falls below what an
 *    earlier report allowed, that is a revision, which is a contradiction.
 *    Other counts (troops, population) may move either way.
 *
 * Pure functions.
 */
#ifndef RECRULE_H
#define RECRULE_H

#include <stdbool.h>

#include "recclaim.h"
#include "recconf.h"

enum recrule_verdict {
    RECRULE_COMPARE,   /* about the same thing at the same time: compare them */
    RECRULE_HEDGE,     /* one source's count and its own estimate */
    RECRULE_INCREMENT, /* increments not known to be of the same day */
    RECRULE_UPDATE,    /* reports of different dates that can both be right */
    RECRULE_REVISION,  /* a cumulative count fell between two dates */
};

/*
 * Whether a and b are a hedge: recrule_pair() gives RECRULE_HEDGE exactly
 * then. Only claims of one document, one of them an "estimate", can be.
 */
bool recrule_hedge(const struct recclaim *a, const struct recclaim *b);

enum recrule_verdict recrule_pair(const struct recclaim *a, const struct recclaim *b,
                                  const struct recconf *cfg);

/* A name for the verdict ("update", ...), for notes and tests. */
const char *recrule_name(enum recrule_verdict v);

#endif
