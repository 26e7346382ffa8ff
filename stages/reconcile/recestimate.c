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

/* A member's keys for finding its copies: folded once, compared many times. */
struct recestimate_key {
    size_t pos;
    const struct recclaim *c;
    char *attr, *quote; /* folded; NULL when it cannot be a copy (no quote, a value of its own) */
};

static int recestimate_by_doc(const void *pa, const void *pb)
{
    const struct recestimate_key *x = pa, *y = pb;
    int d = strcmp(x->c->doc, y->c->doc);

    return d ? d : (x->pos > y->pos) - (x->pos < y->pos);
}

/* Copies sort together: by value, attribution and quote (claims without a quote last). */
static int recestimate_by_text(const void *pa, const void *pb)
{
    const struct recestimate_key *x = pa, *y = pb;
    int d;

    if (!x->quote || !y->quote)
        return x->quote ? -1 : y->quote ? 1 : (x->pos > y->pos) - (x->pos < y->pos);
    if (x->c->value != y->c->value)
        return x->c->value < y->c->value ? -1 : 1;
    if ((d = strcmp(x->attr, y->attr)) || (d = strcmp(x->quote, y->quote)))
        return d;
    return (x->pos > y->pos) - (x->pos < y->pos);
}

static bool recestimate_same_copy(const struct recestimate_key *x, const struct recestimate_key *y)
{
    return x->quote && y->quote && x->c->value == y->c->value && strcmp(x->attr, y->attr) == 0 &&
           strcmp(x->quote, y->quote) == 0;
}

static char *recestimate_fold(const char *s)
{
    char *f = utf8_fold(s, strlen(s), NULL);
    return f ? f : strdup(s);
}

static void recestimate_keys_free(struct recestimate_key *k, size_t n)
{
    for (size_t i = 0; k && i < n; i++) {
        free(k[i].attr);
        free(k[i].quote);
    }
    free(k);
}

/* By value, then quote and attribution as written. */
static int recestimate_by_raw(const void *pa, const void *pb)
{
    const struct recestimate_key *x = *(const struct recestimate_key *const *)pa;
    const struct recestimate_key *y = *(const struct recestimate_key *const *)pb;
    int d;

    if (x->c->value != y->c->value)
        return x->c->value < y->c->value ? -1 : 1;
    d = strcmp(x->c->quote, y->c->quote);
    return d ? d : strcmp(x->c->attribution, y->c->attribution);
}

static bool recestimate_same_value(struct recestimate_key *const *v, size_t i, size_t j)
{
    return v[i]->c->value == v[j]->c->value;
}

/* Fold k's quote and attribution, or copy prev's folds of the same text. */
static int recestimate_fold_key(struct recestimate_key *k, const struct recestimate_key *prev)
{
    bool same = prev && strcmp(prev->c->quote, k->c->quote) == 0;

    k->quote = same ? strdup(prev->quote) : recestimate_fold(k->c->quote);
    same = same && strcmp(prev->c->attribution, k->c->attribution) == 0;
    k->attr = same ? strdup(prev->attr) : recestimate_fold(k->c->attribution);
    return k->quote && k->attr ? 0 : -1;
}

/*
 * Fold the quotes and attributions of the members that may be copies: a
 * copy has the value of another member, so a member alone with its value
 * keeps no quote (never a copy) and is not folded. Each text is folded
 * once: syndicated copies repeat them, and folding a sentence costs far
 * more than sorting.
 */
static int recestimate_fold_keys(struct recestimate_key *k, size_t n)
{
    struct recestimate_key **v = malloc((n ? n : 1) * sizeof(*v));
    size_t m = 0;
    int rc = v ? 0 : -1;

    for (size_t i = 0; v && i < n; i++)
        if (*k[i].c->quote)
            v[m++] = &k[i];
    if (v)
        qsort(v, m, sizeof(*v), recestimate_by_raw);
    for (size_t i = 0; rc == 0 && i < m; i++) {
        bool after = i > 0 && recestimate_same_value(v, i - 1, i);
        if (after || (i + 1 < m && recestimate_same_value(v, i, i + 1)))
            rc = recestimate_fold_key(v[i], after ? v[i - 1] : NULL);
    }
    free(v);
    return rc;
}

static struct recestimate_key *recestimate_keys(const struct recclaim *claims,
                                                const size_t *members, size_t n)
{
    struct recestimate_key *k = calloc(n ? n : 1, sizeof(*k));

    if (!k)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        k[i].pos = i;
        k[i].c = &claims[members[i]];
    }
    if (recestimate_fold_keys(k, n) < 0) {
        recestimate_keys_free(k, n);
        return NULL;
    }
    return k;
}

/*
 * One source is one document, joined with its syndicated copies (the same
 * value, attribution and quote elsewhere). Both are equivalences, so sorting
 * by each and joining neighbours finds every set without comparing all pairs.
 */
size_t recestimate_sources(const struct recclaim *claims, const size_t *members, size_t n,
                           size_t *source)
{
    size_t *parent = malloc((n ? n : 1) * sizeof(size_t));
    struct recestimate_key *k = recestimate_keys(claims, members, n);
    size_t count = 0;

    if (!parent || !k) {
        free(parent);
        recestimate_keys_free(k, n);
        return (size_t)(error_at(NULL, 0, "out of memory") + 1);
    }
    for (size_t i = 0; i < n; i++)
        parent[i] = i;
    qsort(k, n, sizeof(*k), recestimate_by_doc);
    for (size_t i = 1; i < n; i++)
        if (strcmp(k[i - 1].c->doc, k[i].c->doc) == 0)
            recestimate_union(parent, k[i - 1].pos, k[i].pos);
    qsort(k, n, sizeof(*k), recestimate_by_text);
    for (size_t i = 1; i < n; i++)
        if (recestimate_same_copy(&k[i - 1], &k[i]))
            recestimate_union(parent, k[i - 1].pos, k[i].pos);
    for (size_t i = 0; i < n; i++) {
        size_t r = recestimate_root(parent, i);
        source[i] = r == i ? count++ : source[r];
    }
    free(parent);
    recestimate_keys_free(k, n);
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
