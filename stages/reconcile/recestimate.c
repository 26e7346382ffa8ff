#include "recestimate.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "err.h"
#include "utf8.h"

int recestimate_wmedian(const double *v, const double *w, size_t n, double *out)
{
    double *sv = malloc((n ? n : 1) * sizeof(double));
    double *sw = malloc((n ? n : 1) * sizeof(double));
    double total = 0, cum = 0;
    const char *why = n ? "out of memory" : "median of nothing";
    int rc = -1;

    if (!sv || !sw || n == 0)
        goto out;
    memcpy(sv, v, n * sizeof(double));
    memcpy(sw, w, n * sizeof(double));
    gsl_sort2(sv, 1, sw, 1, n);
    for (size_t i = 0; i < n; i++)
        total += sw[i];
    why = "weights add up to nothing";
    if (!(total > 0))
        goto out;
    for (size_t i = 0; i < n; i++) {
        cum += sw[i];
        /* Exactly half the weight below: the midpoint, as the plain median does. */
        if (fabs(cum - total / 2) <= 1e-9 * total && i + 1 < n) {
            *out = (sv[i] + sv[i + 1]) / 2;
            rc = 0;
            break;
        }
        if (cum > total / 2) {
            *out = sv[i];
            rc = 0;
            break;
        }
    }
out:
    free(sv);
    free(sw);
    return rc < 0 ? error_at(NULL, 0, "%s", why) : 0;
}

/* Compare two texts ignoring case and Unicode normal form. */
static bool recestimate_same_text(const char *a, const char *b)
{
    char *fa = utf8_fold(a, strlen(a), NULL);
    char *fb = utf8_fold(b, strlen(b), NULL);
    bool same = fa && fb ? strcmp(fa, fb) == 0 : strcmp(a, b) == 0;

    free(fa);
    free(fb);
    return same;
}

/* a and b are the same source: one document, or a syndicated copy. */
static bool recestimate_copy(const struct recclaim *a, const struct recclaim *b)
{
    if (strcmp(a->doc, b->doc) == 0)
        return true;
    return a->value == b->value && *a->quote &&
           recestimate_same_text(a->attribution, b->attribution) &&
           recestimate_same_text(a->quote, b->quote);
}

static size_t recestimate_root(size_t *parent, size_t i)
{
    while (parent[i] != i)
        i = parent[i] = parent[parent[i]];
    return i;
}

/* Join the sets of i and j; a set's root is its smallest index. */
static void recestimate_union(size_t *parent, size_t i, size_t j)
{
    size_t a = recestimate_root(parent, i), b = recestimate_root(parent, j);

    if (a < b)
        parent[b] = a;
    else
        parent[a] = b;
}

size_t recestimate_sources(const struct recclaim *claims, const size_t *members, size_t n,
                           size_t *source)
{
    size_t *parent = malloc((n ? n : 1) * sizeof(size_t));
    size_t count = 0;

    if (!parent)
        return (size_t)(error_at(NULL, 0, "out of memory") + 1);
    for (size_t i = 0; i < n; i++)
        parent[i] = i;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (recestimate_copy(&claims[members[i]], &claims[members[j]]))
                recestimate_union(parent, i, j);
    for (size_t i = 0; i < n; i++) {
        size_t r = recestimate_root(parent, i);
        source[i] = r == i ? count++ : source[r];
    }
    free(parent);
    return count;
}

/* Each source weighs 1, shared among its claims. */
static void recestimate_weights(const size_t *source, size_t n, size_t nsources, double *w,
                                size_t *count)
{
    memset(count, 0, nsources * sizeof(size_t));
    for (size_t i = 0; i < n; i++)
        count[source[i]]++;
    for (size_t i = 0; i < n; i++)
        w[i] = 1.0 / (double)count[source[i]];
}

int recestimate_compute(struct recestimate *e, const struct recclaim *claims, const size_t *members,
                        size_t n)
{
    size_t *source = malloc((n ? n : 1) * sizeof(size_t));
    size_t *count = malloc((n ? n : 1) * sizeof(size_t));
    double *v = malloc((n ? n : 1) * sizeof(double));
    double *w = malloc((n ? n : 1) * sizeof(double));
    int rc = -1;

    if (n == 0 || !source || !count || !v || !w) {
        error_at(NULL, 0, n ? "out of memory" : "no claims to estimate");
        goto out;
    }
    e->n_docs = recestimate_sources(claims, members, n, source);
    if (e->n_docs == 0)
        goto out;
    recestimate_weights(source, n, e->n_docs, w, count);
    for (size_t i = 0; i < n; i++)
        v[i] = claims[members[i]].fig_lo;
    e->low = gsl_stats_min(v, 1, n);
    for (size_t i = 0; i < n; i++)
        v[i] = claims[members[i]].fig_hi;
    e->high = gsl_stats_max(v, 1, n);
    for (size_t i = 0; i < n; i++)
        v[i] = claims[members[i]].est;
    rc = recestimate_wmedian(v, w, n, &e->best);
    if (rc == 0) {
        e->best = e->best < e->low ? e->low : e->best > e->high ? e->high : e->best;
        e->ratio = e->low > 0 ? e->high / e->low : NAN;
    }
out:
    free(source);
    free(count);
    free(v);
    free(w);
    return rc;
}
