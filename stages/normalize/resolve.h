/*
 * resolve: one mention record (extract) -> one number record (DESIGN.md
 * "normalized.jsonl"): value, interval, qualifier, kind, unit, ambiguous.
 *
 * resolve_mention() reads the mention's parts (normmention.h) with the
 * lexicon of its language and fills *out (its strings copied into pool;
 * free it with normrec_release()). It returns
 * 1 for a record, 0 when the parts do not read as a number (no record), 2 when
 * the number is too large for a double (no record; the caller reports it), and
 * -1 when memory ran out (reported).
 */
#ifndef RESOLVE_H
#define RESOLVE_H

#include "normconf.h"
#include "normmention.h"
#include "normrec.h"

int resolve_mention(const struct normconf *nc, const struct normmention *mention,
                    struct normpool *pool, struct normrec *out);

/*
 * The interval [*low, *high] that qualifier q allows around v (NAN for an
 * unbounded end); exact values are widened by the rounding v shows.
 */
void resolve_interval(const struct normconf *nc, const char *q, double v, bool rounded, double *low,
                      double *high);

#endif
