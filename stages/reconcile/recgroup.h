/*
 * recgroup: split the claims into groups that say something about the same
 * thing: one category, unit, victim class, side, place and scope class
 * (whole, part or increment), in one period.
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

#include <stddef.h>

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

/* The group key of c as a new string (free it), or NULL when memory ran out. */
char *recgroup_key(const struct recclaim *c, const struct recconf *cfg);

/* Group claims[0..n) (sorted by doc, start). gs must be zeroed. */
int recgroup_build(struct recgroups *gs, const struct recclaim *claims, size_t n,
                   const struct recconf *cfg);

void recgroups_release(struct recgroups *gs);

#endif
