/*
 * recclust: split the claims of one key and period into clusters of claims
 * about one side and place (recgroup.h says why and how).
 *
 * Claim i joins the cluster whose every member it fits; among several, the
 * one holding a claim of its own document; else it opens a new cluster.
 * Whether a claim fits a member depends only on the member's side, place
 * and document place (its "signature"), and an unnamed side or place that
 * fits several clusters opens a new one, so a run holds many clusters
 * with the same few signature sets. Clusters are therefore kept in classes
 * by signature set: a claim is checked once per class, and its document's
 * clusters are found through a per-document list. Checking every earlier
 * claim (then every cluster) made grouping quadratic or worse.
 *
 * recclust_assign() returns 0, or -1 when memory ran out (not reported).
 */
#ifndef RECCLUST_H
#define RECCLUST_H

#include <stddef.h>

#include "recclaim.h"

/*
 * Assign claims[0..n) (in this order) to clusters: cluster[i] gets claim
 * i's cluster number (0, 1, ... in order of opening). doc[i] identifies
 * claim i's document (equal numbers, same document).
 */
int recclust_assign(const struct recclaim *const *claims, const size_t *doc, size_t n,
                    size_t *cluster);

#endif
