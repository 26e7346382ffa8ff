/*
 * recclaim: one claim as reconcile sees it, read from a normalized.jsonl
 * record (docs/FORMATS.md), with the interval and estimate it allows.
 *
 * A struct recclaim owns one block holding copies of its strings (not the
 * JSON record, which the caller keeps and may free at once);
 * recclaim_release() frees the block. Malformed records are reported
 * as "file:line: field 'x' ..." through err.h.
 */
#ifndef RECCLAIM_H
#define RECCLAIM_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "recconf.h"
#include "recdate.h"
#include "recscan.h"

struct recclaim {
    char *strings; /* owned: the strings below point into it */
    const char *doc, *date, *lang, *category, *qualifier, *unit, *subject, *victim, *side;
    const char *scope, *place, *attribution, *quote, *as_of, *source, *text;
    const char *doc_place; /* the document's main place; "" when absent */
    size_t start, end, sid;
    size_t seq; /* input order, set by the reader */
    double value;
    double low, high; /* as written in the record; NAN when null */
    /* set by recclaim_derive() */
    double lo, hi; /* the interval the claim allows; hi may be INFINITY */
    double est;    /* point estimate: the value, or a range's midpoint */
    double fig_lo; /* lowest figure the claim gives (a range's low, else est) */
    double fig_hi; /* highest figure */
    bool dated;
    struct recdate when;
    bool vague; /* a lower bound given by a word ("thousands"), not a figure */
};

/*
 * Check rec (borrowed) and, when it is a claim (category not null), fill c
 * with copies of its strings. Returns 1 for a claim, 0 for a valid record that is
 * not a claim, -1 for a malformed record (reported as file:line: ...).
 */
int recclaim_from_json(struct recclaim *c, json_t *rec, const char *file, size_t line);

/* Offsets in struct recclaim of its recclaim_nstrings string fields, the ones kept in one block. */
extern const size_t recclaim_string_fields[];
extern const size_t recclaim_nstrings;

/*
 * As recclaim_from_json(), from a line recscan read: 1 for a claim, 0 for
 * a valid record that is not a claim (c->doc then points into sc), -1
 * when the line must go through recclaim_from_json() after all (a
 * malformed record, which that reports, or memory ran out). Reports nothing.
 */
int recclaim_from_scan(struct recclaim *c, const struct recscan *sc);

/* Compute lo, hi, est, fig_lo, fig_hi and vague from the fields and cfg. */
void recclaim_derive(struct recclaim *c, const struct recconf *cfg);

/* Half-width that the visible rounding of an exact v allows (50,000 vs 65,036). */
double recclaim_rounding(double v, double max_share);

void recclaim_release(struct recclaim *c);

/* qsort comparator on (doc, start). */
int recclaim_cmp(const void *a, const void *b);

/* Whether the intervals of a and b have a point in common. */
bool recclaim_overlap(const struct recclaim *a, const struct recclaim *b);

#endif
