#include "recconflict.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "recrule.h"

static double recconflict_ratio(const struct recclaim *a, const struct recclaim *b)
{
    double lo = a->est < b->est ? a->est : b->est;
    double hi = a->est < b->est ? b->est : a->est;

    if (lo <= 0)
        return hi > 0 ? INFINITY : 1;
    return hi / lo;
}

/* The kind of disagreement between a and b, if any. */
static enum recconflict_kind recconflict_pair(const struct recclaim *a, const struct recclaim *b,
                                              const struct recconf *cfg, bool *revision)
{
    enum recrule_verdict v = recrule_pair(a, b, cfg);

    *revision = v == RECRULE_REVISION;
    if (v == RECRULE_REVISION)
        return RECCONFLICT_CONTRADICTION;
    if (v != RECRULE_COMPARE)
        return RECCONFLICT_NONE;
    if (!recclaim_overlap(a, b))
        return RECCONFLICT_CONTRADICTION;
    if (!a->vague && !b->vague && recconflict_ratio(a, b) > cfg->divergence_factor)
        return RECCONFLICT_DIVERGENCE;
    return RECCONFLICT_NONE;
}

/* Mark the members of every pair of the wanted kind; returns how many pairs. */
static size_t recconflict_mark(const struct recclaim *claims, const struct recgroup *g,
                               const struct recconf *cfg, enum recconflict_kind want, bool *mark,
                               struct recconflict *out)
{
    size_t pairs = 0;
    bool revision;

    for (size_t i = 0; i < g->n; i++) {
        for (size_t j = i + 1; j < g->n; j++) {
            const struct recclaim *a = &claims[g->idx[i]], *b = &claims[g->idx[j]];
            if (recconflict_pair(a, b, cfg, &revision) != want)
                continue;
            mark[i] = mark[j] = true;
            out->revision |= revision;
            double r = recconflict_ratio(a, b);
            if (r > out->factor)
                out->factor = r;
            pairs++;
        }
    }
    return pairs;
}

int recconflict_find(struct recconflict *out, const struct recclaim *claims,
                     const struct recgroup *g, const struct recconf *cfg)
{
    static const enum recconflict_kind kinds[] = {RECCONFLICT_CONTRADICTION,
                                                  RECCONFLICT_DIVERGENCE};
    bool *mark = calloc(g->n ? g->n : 1, sizeof(bool));

    memset(out, 0, sizeof(*out));
    if (!mark)
        return error_at(NULL, 0, "out of memory");
    for (size_t k = 0; k < 2 && out->kind == RECCONFLICT_NONE; k++) {
        out->factor = 1;
        out->revision = false;
        if (recconflict_mark(claims, g, cfg, kinds[k], mark, out))
            out->kind = kinds[k];
    }
    if (out->kind != RECCONFLICT_NONE) {
        out->members = malloc(g->n * sizeof(size_t));
        if (!out->members) {
            free(mark);
            return error_at(NULL, 0, "out of memory");
        }
        for (size_t i = 0; i < g->n; i++)
            if (mark[i])
                out->members[out->n++] = g->idx[i];
    }
    free(mark);
    return 0;
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
