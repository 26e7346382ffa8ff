/*
 * recout: write claims.csv and conflicts.csv (DESIGN.md) through
 * common/csvout. The FILE is the caller's. Functions return 0, or -1 when
 * a write failed (not reported: the caller names the file).
 */
#ifndef RECOUT_H
#define RECOUT_H

#include <stddef.h>
#include <stdio.h>

#include "recclaim.h"
#include "recrow.h"

#define RECOUT_CLAIMS_HEADER                                                                       \
    "claim_id,doc,date,lang,category,value,qualifier,low,high,unit,subject,place,attribution,"     \
    "quote,start,end"
#define RECOUT_CONFLICTS_HEADER                                                                    \
    "conflict_id,kind,category,subject,place,period,n_claims,n_docs,low,best,high,ratio,"          \
    "claim_ids,values,docs,note"

/* Header and one row per claim, in the order given. */
int recout_claims(FILE *fp, const struct recclaim *claims, size_t n);

/* Header and one row per conflict, in the order given. */
int recout_conflicts(FILE *fp, const struct recrow *rows, size_t n);

#endif
