#include "recconflict.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "recmark.h"

/* Claims that every rule treats alike: same document, sentence, source, scope, figures, dates. */
static int recconflict_alike_cmp(const struct recclaim *a, const struct recclaim *b)
{
    int d;

    if ((d = strcmp(a->doc, b->doc)) || (d = (a->sid > b->sid) - (a->sid < b->sid)) ||
        (d = strcmp(a->attribution, b->attribution)) || (d = strcmp(a->scope, b->scope)) ||
        (d = strcmp(a->as_of, b->as_of)))
        return d;
    const double x[] = {a->est, a->lo, a->hi, a->fig_lo, a->fig_hi};
    const double y[] = {b->est, b->lo, b->hi, b->fig_lo, b->fig_hi};
    for (size_t k = 0; k < sizeof(x) / sizeof(x[0]); k++)
        if (x[k] != y[k])
            return x[k] < y[k] ? -1 : 1;
    if (a->vague != b->vague || a->dated != b->dated)
        return a->vague != b->vague ? a->vague - b->vague : a->dated - b->dated;
    if (a->when.first != b->when.first)
        return a->when.first < b->when.first ? -1 : 1;
    return (a->when.last > b->when.last) - (a->when.last < b->when.last);
}

struct recconflict_sort {
    const struct recclaim *claims;
    size_t pos; /* in the group */
};

static int recconflict_sort_cmp(const void *pa, const void *pb)
{
    const struct recconflict_sort *x = pa, *y = pb;
    int d = recconflict_alike_cmp(x->claims, y->claims);

    return d ? d : (x->pos > y->pos) - (x->pos < y->pos);
}

/*
 * The group's claims sorted so that alike claims sit together; rep[i] is
 * the position (in that order) of the first of i's class. Syndicated copies
 * and a figure repeated down a long text make large groups of a few kinds of
 * claim, and comparing kinds instead of claims keeps them from being
 * quadratic in claims. Returns the array (free it, and *rep), or NULL out of memory.
 */
static struct recconflict_sort *recconflict_classes(const struct recclaim *claims,
                                                    const struct recgroup *g, size_t **rep)
{
    struct recconflict_sort *v = malloc((g->n ? g->n : 1) * sizeof(*v));

    *rep = malloc((g->n ? g->n : 1) * sizeof(**rep));
    if (!v || !*rep) {
        free(v);
        free(*rep);
        return NULL;
    }
    for (size_t i = 0; i < g->n; i++)
        v[i] = (struct recconflict_sort){&claims[g->idx[i]], i};
    qsort(v, g->n, sizeof(*v), recconflict_sort_cmp);
    for (size_t i = 0; i < g->n; i++)
        (*rep)[i] =
            i && recconflict_alike_cmp(v[i - 1].claims, v[i].claims) == 0 ? (*rep)[i - 1] : i;
    return v;
}

/*
 * Mark the members of every pair of the wanted kind: recmark judges one
 * claim of each class, and a class is marked as its first claim is.
 * Returns whether there is such a pair, or -1 when memory ran out.
 */
static int recconflict_mark(const struct recconflict_sort *v, const size_t *rep, size_t n,
                            const struct recconf *cfg, enum recconflict_kind want, bool *mark,
                            struct recconflict *out)
{
    const struct recclaim **reps = malloc((n ? n : 1) * sizeof(*reps));
    bool *hit = calloc(n ? n : 1, sizeof(*hit));
    size_t *which = malloc((n ? n : 1) * sizeof(*which)); /* per claim: its class's rep */
    size_t nreps = 0;
    int rc = -1;

    if (!reps || !hit || !which)
        goto out;
    for (size_t i = 0; i < n; i++) {
        if (rep[i] == i)
            reps[nreps++] = v[i].claims;
        which[i] = nreps - 1;
    }
    rc = recmark_pairs(reps, nreps, cfg, want, hit, out);
    for (size_t i = 0; rc >= 0 && i < n; i++)
        mark[v[i].pos] = hit[which[i]];
out:
    free(reps);
    free(hit);
    free(which);
    return rc;
}

int recconflict_find(struct recconflict *out, const struct recclaim *claims,
                     const struct recgroup *g, const struct recconf *cfg)
{
    static const enum recconflict_kind kinds[] = {RECCONFLICT_CONTRADICTION,
                                                  RECCONFLICT_DIVERGENCE};
    bool *mark = calloc(g->n ? g->n : 1, sizeof(bool));
    size_t *rep = NULL;
    struct recconflict_sort *v = recconflict_classes(claims, g, &rep);
    int rc = -1;

    memset(out, 0, sizeof(*out));
    if (!mark || !v) {
        error_at(NULL, 0, "out of memory");
        goto out;
    }
    for (size_t k = 0; k < 2 && out->kind == RECCONFLICT_NONE; k++) {
        out->factor = 1;
        out->revision = false;
        int found = recconflict_mark(v, rep, g->n, cfg, kinds[k], mark, out);
        if (found < 0) {
            error_at(NULL, 0, "out of memory");
            goto out;
        }
        if (found)
            out->kind = kinds[k];
    }
    if (out->kind != RECCONFLICT_NONE) {
        out->members = malloc(g->n * sizeof(size_t));
        if (!out->members) {
            error_at(NULL, 0, "out of memory");
            goto out;
        }
        for (size_t i = 0; i < g->n; i++)
            if (mark[i])
                out->members[out->n++] = g->idx[i];
    }
    rc = 0;
out:
    free(mark);
    free(v);
    free(rep);
    return rc;
}

void recconflict_release(struct recconflict *cf)
{
    free(cf->members);
    cf->members = NULL;
    cf->n = 0;
}

const char *recconflict_kind_name(enum recconflict_kind kind)
{
    switch (kind) {
    case RECCONFLICT_CONTRADICTION:
        return "contradiction";
    case RECCONFLICT_DIVERGENCE:
        return "divergence";
    case RECCONFLICT_NONE:
        break;
    }
    return "";
}
