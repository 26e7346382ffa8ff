/*
 * recmark: find which claims of a group take part in a pair of one kind of
 * disagreement (recconflict.h), without judging every pair.
 *
 * Between claims that are no hedge, the rule recrule applies depends only
 * on their date spans (and, for increments, their time anchors). Claims
 * are therefore put in buckets of one span, and two buckets are either
 * compared, ordered in time, or kept apart. Among the claims a claim is
 * compared with, it takes part in a contradiction when the lowest upper
 * bound or the highest lower bound of the others excludes its interval,
 * and in a divergence when the lowest or the highest estimate of the others
 * is further from its own than the factor; so each bucket keeps its two
 * extreme bounds and estimates (two, of different claims, so that a claim
 * is never compared with itself). A revision needs a later bucket's lowest
 * upper bound below the claim's lower bound. Hedges, the one rule that
 * looks at the source, are rare: claims in one are judged pair by pair.
 * Comparing every pair made a group of tens of thousands of claims cost
 * billions of comparisons.
 *
 * Sets that buckets cannot stand for (several categories, or increments
 * beside other scopes, as only tests build) are judged pair by pair.
 *
 * Functions return 1 when some pair is of the wanted kind, 0 when none is,
 * or -1 when memory ran out (not reported).
 */
#ifndef RECMARK_H
#define RECMARK_H

#include <stdbool.h>
#include <stddef.h>

#include "recclaim.h"
#include "recconf.h"
#include "recconflict.h"

/*
 * Set mark[i] for every claim reps[i] that takes part in a pair of kind
 * want (mark[0..n) must be false on entry), and set out->revision when one
 * such pair is a revision. For a divergence, out->factor becomes the
 * largest ratio of estimates among the diverging pairs; it is left alone
 * for a contradiction. No two of reps[0..n) may be alike (recconflict.c's
 * classes; alike claims are never judged against each other), and want
 * may be RECCONFLICT_DIVERGENCE only when no pair of reps contradicts.
 */
int recmark_pairs(const struct recclaim *const *reps, size_t n, const struct recconf *cfg,
                  enum recconflict_kind want, bool *mark, struct recconflict *out);

/* As recmark_pairs(), judging every pair: the definition the buckets must agree with. */
int recmark_pairwise(const struct recclaim *const *reps, size_t n, const struct recconf *cfg,
                     enum recconflict_kind want, bool *mark, struct recconflict *out);

#endif
