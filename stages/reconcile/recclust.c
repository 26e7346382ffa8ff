#include "recclust.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "recgroup.h"

struct recclust_ids {
    size_t *v;
    size_t n, cap;
};

/* Clusters with one signature set: a claim fits all of them or none. */
struct recclust_class {
    struct recclust_ids sigs;    /* sorted signature ids */
    struct recclust_ids members; /* cluster numbers */
    bool fit;                    /* for the claim being placed */
};

struct recclust_cluster {
    struct recclust_ids sigs; /* sorted signature ids of its members */
    size_t cls;               /* its class, SIZE_MAX before the first member */
    size_t pos;               /* its place in that class's members */
};

/* Up to this many signatures, whether two fit is worked out once per pair (a byte each). */
#define RECCLUST_FIT_SIGS 256

struct recclust {
    const struct recclaim *const *claims;
    size_t n;
    const struct recclaim **rep; /* one claim per signature */
    size_t nsig;
    unsigned char *fit; /* [a * nsig + b]: a claim of signature b fits one of a; NULL: too many */
    size_t *sig;        /* per claim: its signature */
    size_t *ldoc;       /* per claim: its document, numbered 0.. within the run */
    struct recclust_ids *docs; /* per document: the clusters holding one of its claims */
    size_t ndocs;
    struct recclust_cluster *ks;
    size_t nk;
    struct recclust_class *cs;
    size_t nc, ccap;
};

static int recclust_push(struct recclust_ids *a, size_t x)
{
    if (grow_items(&a->v, &a->cap, a->n + 1, sizeof(*a->v)) < 0)
        return -1;
    a->v[a->n++] = x;
    return 0;
}

static bool recclust_has(const struct recclust_ids *a, size_t x)
{
    for (size_t i = 0; i < a->n; i++)
        if (a->v[i] == x)
            return true;
    return false;
}

static bool recclust_same_sig(const struct recclaim *a, const struct recclaim *b)
{
    return strcmp(a->side, b->side) == 0 && strcmp(a->place, b->place) == 0 &&
           strcmp(a->doc_place, b->doc_place) == 0;
}

/* Number the distinct signatures of the run. */
static void recclust_sigs(struct recclust *r)
{
    for (size_t i = 0; i < r->n; i++) {
        size_t s = 0;
        while (s < r->nsig && !recclust_same_sig(r->rep[s], r->claims[i]))
            s++;
        if (s == r->nsig)
            r->rep[r->nsig++] = r->claims[i];
        r->sig[i] = s;
    }
}

struct recclust_pair {
    size_t doc, i;
};

static int recclust_pair_cmp(const void *a, const void *b)
{
    const struct recclust_pair *x = a, *y = b;
    return (x->doc > y->doc) - (x->doc < y->doc);
}

/* Number the run's documents 0.. (into r->ldoc) and make their cluster lists. */
static int recclust_docs(struct recclust *r, const size_t *doc)
{
    struct recclust_pair *p = malloc((r->n ? r->n : 1) * sizeof(*p));
    size_t ndocs = 0;

    if (!p)
        return -1;
    for (size_t i = 0; i < r->n; i++)
        p[i] = (struct recclust_pair){doc[i], i};
    qsort(p, r->n, sizeof(*p), recclust_pair_cmp);
    for (size_t i = 0; i < r->n; i++) {
        if (i > 0 && p[i].doc != p[i - 1].doc)
            ndocs++;
        r->ldoc[p[i].i] = ndocs;
    }
    free(p);
    r->ndocs = ndocs + 1;
    r->docs = calloc(r->ndocs, sizeof(*r->docs));
    return r->docs ? 0 : -1;
}

static bool recclust_sig_fits(const struct recclaim *m, const struct recclaim *c)
{
    return recgroup_same_side(m, c) && recgroup_same_place(m, c);
}

/* Fill r->fit when the run has few enough signatures. 0, or -1 when memory ran out. */
static int recclust_fit_table(struct recclust *r)
{
    size_t ns = r->nsig;

    if (ns > RECCLUST_FIT_SIGS)
        return 0;
    r->fit = malloc(ns ? ns * ns : 1);
    if (!r->fit)
        return -1;
    for (size_t a = 0; a < ns; a++)
        for (size_t b = 0; b < ns; b++)
            r->fit[a * ns + b] = recclust_sig_fits(r->rep[a], r->rep[b]);
    return 0;
}

/* Whether claim i fits every signature of class q. */
static bool recclust_fits(const struct recclust *r, const struct recclust_class *q, size_t i)
{
    for (size_t k = 0; k < q->sigs.n; k++) {
        size_t s = q->sigs.v[k];
        if (r->fit ? !r->fit[s * r->nsig + r->sig[i]] : !recclust_sig_fits(r->rep[s], r->claims[i]))
            return false;
    }
    return true;
}

/* The cluster claim i joins, or r->nk for a new one (recgroup.h's rule). */
static size_t recclust_choose(struct recclust *r, size_t i)
{
    size_t fits = 0, which = 0, same_doc = 0, doc_which = 0;
    const struct recclust_ids *mine = &r->docs[r->ldoc[i]];

    for (size_t q = 0; q < r->nc; q++) {
        struct recclust_class *cl = &r->cs[q];
        cl->fit = cl->members.n > 0 && recclust_fits(r, cl, i);
        if (cl->fit) {
            fits += cl->members.n;
            which = cl->members.v[cl->members.n - 1];
        }
    }
    for (size_t j = 0; j < mine->n; j++) {
        if (r->cs[r->ks[mine->v[j]].cls].fit) {
            same_doc++;
            doc_which = mine->v[j];
        }
    }
    if (fits == 1)
        return which;
    return same_doc == 1 ? doc_which : r->nk;
}

static bool recclust_same_ids(const struct recclust_ids *a, const struct recclust_ids *b)
{
    return a->n == b->n && (a->n == 0 || memcmp(a->v, b->v, a->n * sizeof(*a->v)) == 0);
}

/* The class of signature set sigs, made when new; SIZE_MAX when memory ran out. */
static size_t recclust_class_of(struct recclust *r, const struct recclust_ids *sigs)
{
    for (size_t q = 0; q < r->nc; q++)
        if (recclust_same_ids(&r->cs[q].sigs, sigs))
            return q;
    if (grow_items(&r->cs, &r->ccap, r->nc + 1, sizeof(*r->cs)) < 0)
        return SIZE_MAX;
    struct recclust_class *cl = &r->cs[r->nc];
    memset(cl, 0, sizeof(*cl));
    for (size_t i = 0; i < sigs->n; i++)
        if (recclust_push(&cl->sigs, sigs->v[i]) < 0) {
            free(cl->sigs.v);
            return SIZE_MAX;
        }
    return r->nc++;
}

/* Move cluster k into the class of its (changed) signature set. */
static int recclust_reclass(struct recclust *r, size_t k)
{
    struct recclust_cluster *kc = &r->ks[k];

    if (kc->cls != SIZE_MAX) {
        struct recclust_ids *m = &r->cs[kc->cls].members;
        size_t last = m->v[--m->n];
        m->v[kc->pos] = last;
        r->ks[last].pos = kc->pos;
    }
    kc->cls = recclust_class_of(r, &kc->sigs);
    if (kc->cls == SIZE_MAX)
        return -1;
    kc->pos = r->cs[kc->cls].members.n;
    return recclust_push(&r->cs[kc->cls].members, k);
}

/* Insert s into the sorted set a (absent from it). */
static int recclust_insert(struct recclust_ids *a, size_t s)
{
    if (recclust_push(a, s) < 0)
        return -1;
    size_t at = a->n - 1;
    for (; at > 0 && a->v[at - 1] > s; at--)
        a->v[at] = a->v[at - 1];
    a->v[at] = s;
    return 0;
}

static int recclust_join(struct recclust *r, size_t k, size_t i)
{
    if (k == r->nk)
        r->ks[r->nk++].cls = SIZE_MAX;
    struct recclust_cluster *kc = &r->ks[k];
    if (!recclust_has(&kc->sigs, r->sig[i]) &&
        (recclust_insert(&kc->sigs, r->sig[i]) < 0 || recclust_reclass(r, k) < 0))
        return -1;
    struct recclust_ids *mine = &r->docs[r->ldoc[i]];
    return recclust_has(mine, k) ? 0 : recclust_push(mine, k);
}

static void recclust_release(struct recclust *r)
{
    for (size_t k = 0; k < r->nk; k++)
        free(r->ks[k].sigs.v);
    for (size_t q = 0; q < r->nc; q++) {
        free(r->cs[q].sigs.v);
        free(r->cs[q].members.v);
    }
    for (size_t d = 0; r->docs && d < r->ndocs; d++)
        free(r->docs[d].v);
    free(r->docs);
    free(r->ks);
    free(r->cs);
    free(r->rep);
    free(r->fit);
    free(r->sig);
    free(r->ldoc);
}

int recclust_assign(const struct recclaim *const *claims, const size_t *doc, size_t n,
                    size_t *cluster)
{
    struct recclust r = {.claims = claims, .n = n};
    size_t m = n ? n : 1;
    int rc = -1;

    r.rep = malloc(m * sizeof(*r.rep));
    r.sig = malloc(m * sizeof(*r.sig));
    r.ldoc = malloc(m * sizeof(*r.ldoc));
    r.ks = calloc(m, sizeof(*r.ks));
    if (!r.rep || !r.sig || !r.ldoc || !r.ks || recclust_docs(&r, doc) < 0)
        goto out;
    recclust_sigs(&r);
    if (recclust_fit_table(&r) < 0)
        goto out;
    for (size_t i = 0; i < n; i++) {
        cluster[i] = recclust_choose(&r, i);
        if (recclust_join(&r, cluster[i], i) < 0)
            goto out;
    }
    rc = 0;
out:
    recclust_release(&r);
    return rc;
}
