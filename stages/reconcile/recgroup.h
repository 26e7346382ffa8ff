/*
 * recgroup: split the claims into groups that say something about the same
 * thing: one category, unit, victim class and scope class (whole, part or
 * increment), side and place, in one period.
 *
 * Side and place come from free text and are often unnamed or named loosely
 * (the place nearest the number, the document's main place), so they are
 * matched leniently: an unnamed side fits any side, and two claims are
 * about one place when either's place or document place is the other's.
 * Within a key and period, a claim joins the cluster whose every member it
 * fits; one that fits several joins the one holding a claim of its own
 * document, else stays apart, so an unnamed side never joins two named ones
 * into a conflict.
 *
 * Subjects are free text in the article's language, so they are not part
 * of the key; the victim class (civilians, children, ...) is what tells two
 * counts of different people apart. Only for the categories the config
 * lists under "subject_categories" ("other": villages, vehicles,
 * positions) does the subject itself, case-folded, join the key. The period is a run of document
 * dates no more than the configured window apart; a month-only date spans its month. An undated
 * claim joins the one period of its key when there is exactly one and its interval fits every claim
 * there; otherwise it is grouped only with other undated claims.
 *
 * struct recgroups owns its groups; recgroups_release() frees them.
 * Functions return 0, or -1 when memory ran out (reported).
 */
#ifndef RECGROUP_H
#define RECGROUP_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "recclaim.h"
#include "recconf.h"

struct recgroup {
    char *key;    /* fields joined by '|' */
    char *period; /* "2023-09", "2023-09-01..2023-09-20", or "" when undated */
    size_t *idx;  /* indices into the claim array, ascending */
    size_t n;
};

struct recgroups {
    struct recgroup *v;
    size_t n, cap;
};

/* The scope class: "part", "increment", or "whole" (total, estimate, unknown). */
const char *recgroup_scope_class(const char *scope);

/* The group key of c, into b (emptied first). 0, or -1 when memory ran out (not reported). */
int recgroup_key(struct buf *b, const struct recclaim *c, const struct recconf *cfg);

/* Whether a and b may count for the same side: one is unnamed, or both are equal. */
bool recgroup_same_side(const struct recclaim *a, const struct recclaim *b);

/* Whether a and b may be about one place (place or document place in common, or none known). */
bool recgroup_same_place(const struct recclaim *a, const struct recclaim *b);

/* Group claims[0..n) (sorted by doc, start). gs must be zeroed. */
int recgroup_build(struct recgroups *gs, const struct recclaim *claims, size_t n,
                   const struct recconf *cfg);

void recgroups_release(struct recgroups *gs);

#endif
