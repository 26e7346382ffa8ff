#include "recmark.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "recrule.h"

/* The two largest values given, of different claims. */
struct recmark_top {
    double v[2];
    size_t id[2];
    size_t n;
};

/* A date span (and time anchor, for increments): its claims and their extremes. */
struct recmark_bucket {
    const struct recclaim *key; /* one member */
    size_t from, to;            /* members: order[from..to) */
    struct recmark_top lo;      /* lower bounds */
    struct recmark_top neg_hi;  /* upper bounds, negated: the lowest first */
    struct recmark_top est;     /* estimates of figures (not vague) */
    struct recmark_top neg_est;
};

struct recmark {
    const struct recclaim *const *reps;
    size_t n;
    const struct recconf *cfg;
    enum recconflict_kind want;
    bool increment;  /* the reps are increments: compared only within one day and anchor */
    bool cumulative; /* their category only grows: a later lower count is a revision */
    bool *hedged;    /* per rep: one of a hedge, so judged pair by pair */
    size_t *order;   /* the reps in buckets, by span */
    size_t norder;
    struct recmark_bucket *b;
    size_t nb;
    bool *mark;
    struct recconflict *out;
    bool found;
};

static double recmark_ratio(double x, double y)
{
    double lo = x < y ? x : y;
    double hi = x < y ? y : x;

    if (lo <= 0)
        return hi > 0 ? INFINITY : 1;
    return hi / lo;
}

/* The kind of disagreement between a and b, if any; *revision when it is a revision. */
static enum recconflict_kind recmark_verdict(const struct recclaim *a, const struct recclaim *b,
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
    if (!a->vague && !b->vague && recmark_ratio(a->est, b->est) > cfg->divergence_factor)
        return RECCONFLICT_DIVERGENCE;
    return RECCONFLICT_NONE;
}

/* Rep i takes part in a wanted pair; ratio is the pair's (divergences keep the largest). */
static void recmark_hit(struct recmark *m, size_t i, bool revision, double ratio)
{
    m->mark[i] = true;
    m->found = true;
    m->out->revision |= revision;
    if (m->want == RECCONFLICT_DIVERGENCE && ratio > m->out->factor)
        m->out->factor = ratio;
}

static void recmark_judge(struct recmark *m, size_t i, size_t j)
{
    const struct recclaim *a = m->reps[i], *b = m->reps[j];
    bool revision;

    if (recmark_verdict(a, b, m->cfg, &revision) != m->want)
        return;
    recmark_hit(m, i, revision, recmark_ratio(a->est, b->est));
    m->mark[j] = true;
}

/* Judge every pair with a rep that only[] holds, or every pair when only is NULL. */
static void recmark_judge_all(struct recmark *m, const bool *only)
{
    for (size_t i = 0; i < m->n; i++) {
        if (only && !only[i])
            continue;
        for (size_t j = only ? 0 : i + 1; j < m->n; j++)
            if (j != i && !(only && only[j] && j < i))
                recmark_judge(m, i, j);
    }
}

/* Whether buckets can stand for the reps (recmark.h). */
static bool recmark_fits(const struct recmark *m)
{
    for (size_t i = 0; i < m->n; i++) {
        const struct recclaim *c = m->reps[i];
        if (strcmp(c->category, m->reps[0]->category) != 0 ||
            (strcmp(c->scope, "increment") == 0) != m->increment || isnan(c->lo) || isnan(c->hi) ||
            isnan(c->est))
            return false;
    }
    return true;
}

struct recmark_item {
    const struct recclaim *c;
    size_t id;
    bool by_anchor;
};

/* Up to this many items, recmark_sort() sorts by insertion: qsort's setup costs more. */
#define RECMARK_SMALL_SORT 16

/* Sort v[0..n) by cmp, a total order (items tie only with themselves), so any sort gives one
 * result. */
static void recmark_sort(struct recmark_item *v, size_t n, int (*cmp)(const void *, const void *))
{
    if (n > RECMARK_SMALL_SORT) {
        qsort(v, n, sizeof(*v), cmp);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        struct recmark_item t = v[i];
        size_t j = i;
        for (; j > 0 && cmp(&v[j - 1], &t) > 0; j--)
            v[j] = v[j - 1];
        v[j] = t;
    }
}

static int recmark_doc_cmp(const void *pa, const void *pb)
{
    const struct recmark_item *x = pa, *y = pb;
    int d = strcmp(x->c->doc, y->c->doc);

    return d ? d : (x->id > y->id) - (x->id < y->id);
}

/* Mark hedged[] the reps that are one of a hedge: both are of one document. */
static int recmark_hedges(struct recmark *m)
{
    struct recmark_item *v = malloc((m->n ? m->n : 1) * sizeof(*v));

    if (!v)
        return -1;
    for (size_t i = 0; i < m->n; i++)
        v[i] = (struct recmark_item){m->reps[i], i, false};
    recmark_sort(v, m->n, recmark_doc_cmp);
    for (size_t from = 0, to; from < m->n; from = to) {
        for (to = from + 1; to < m->n && strcmp(v[to].c->doc, v[from].c->doc) == 0;)
            to++;
        for (size_t i = from; i < to; i++) {
            if (strcmp(v[i].c->scope, "estimate") != 0)
                continue;
            for (size_t j = from; j < to; j++)
                if (recrule_hedge(v[i].c, v[j].c))
                    m->hedged[v[i].id] = m->hedged[v[j].id] = true;
        }
    }
    free(v);
    return 0;
}

/* By span (undated first), then time anchor for increments, then rep. */
static int recmark_span_cmp(const void *pa, const void *pb)
{
    const struct recmark_item *x = pa, *y = pb;
    const struct recclaim *a = x->c, *b = y->c;

    if (a->dated != b->dated)
        return a->dated ? 1 : -1;
    if (a->dated && a->when.first != b->when.first)
        return a->when.first < b->when.first ? -1 : 1;
    if (a->dated && a->when.last != b->when.last)
        return a->when.last < b->when.last ? -1 : 1;
    int d = x->by_anchor ? strcmp(a->as_of, b->as_of) : 0;
    return d ? d : (x->id > y->id) - (x->id < y->id);
}

/* Whether rep c goes in a bucket: an increment only when dated to one day. */
static bool recmark_in_bucket(const struct recmark *m, const struct recclaim *c)
{
    return !m->increment || (c->dated && c->when.first == c->when.last);
}

/* Sort the reps that are in no hedge into m->order by span. */
static int recmark_order(struct recmark *m)
{
    struct recmark_item *v = malloc((m->n ? m->n : 1) * sizeof(*v));

    m->order = malloc((m->n ? m->n : 1) * sizeof(*m->order));
    if (!v || !m->order) {
        free(v);
        return -1;
    }
    for (size_t i = 0; i < m->n; i++)
        if (!m->hedged[i] && recmark_in_bucket(m, m->reps[i]))
            v[m->norder++] = (struct recmark_item){m->reps[i], i, m->increment};
    recmark_sort(v, m->norder, recmark_span_cmp);
    for (size_t i = 0; i < m->norder; i++)
        m->order[i] = v[i].id;
    free(v);
    return 0;
}

static void recmark_top_add(struct recmark_top *t, double v, size_t id)
{
    if (t->n == 0 || v > t->v[0]) {
        t->v[1] = t->v[0];
        t->id[1] = t->id[0];
        t->v[0] = v;
        t->id[0] = id;
        t->n = t->n ? 2 : 1;
    } else if (t->n == 1 || v > t->v[1]) {
        t->v[1] = v;
        t->id[1] = id;
        t->n = 2;
    }
}

static void recmark_top_merge(struct recmark_top *t, const struct recmark_top *u)
{
    for (size_t k = 0; k < u->n; k++)
        recmark_top_add(t, u->v[k], u->id[k]);
}

/* The largest value of t that is not rep id's; false when there is none. */
static bool recmark_top_other(const struct recmark_top *t, size_t id, double *v)
{
    if (t->n > 0 && t->id[0] != id) {
        *v = t->v[0];
        return true;
    }
    if (t->n > 1) {
        *v = t->v[1];
        return true;
    }
    return false;
}

static bool recmark_same_bucket(const struct recmark *m, const struct recclaim *a,
                                const struct recclaim *b)
{
    if (a->dated != b->dated ||
        (a->dated && (a->when.first != b->when.first || a->when.last != b->when.last)))
        return false;
    return !m->increment || strcmp(a->as_of, b->as_of) == 0;
}

static void recmark_fill(struct recmark_bucket *k, const struct recclaim *c, size_t id)
{
    recmark_top_add(&k->lo, c->lo, id);
    recmark_top_add(&k->neg_hi, -c->hi, id);
    if (c->vague)
        return;
    recmark_top_add(&k->est, c->est, id);
    recmark_top_add(&k->neg_est, -c->est, id);
}

/* Cut m->order into buckets of one span and fill their extremes. */
static int recmark_buckets(struct recmark *m)
{
    m->b = calloc(m->norder ? m->norder : 1, sizeof(*m->b));
    if (!m->b)
        return -1;
    for (size_t i = 0; i < m->norder; i++) {
        const struct recclaim *c = m->reps[m->order[i]];
        if (!m->nb || !recmark_same_bucket(m, m->b[m->nb - 1].key, c))
            m->b[m->nb++] = (struct recmark_bucket){.key = c, .from = i};
        struct recmark_bucket *k = &m->b[m->nb - 1];
        k->to = i + 1;
        recmark_fill(k, c, m->order[i]);
    }
    return 0;
}

/* Whether the claims of buckets p and q are compared (recrule: no order in time between them). */
static bool recmark_compared(const struct recmark *m, const struct recmark_bucket *p,
                             const struct recmark_bucket *q)
{
    const struct recclaim *a = p->key, *b = q->key;

    if (m->increment)
        return p == q;
    return !a->dated || !b->dated ||
           !(recdate_before(&a->when, &b->when) || recdate_before(&b->when, &a->when));
}

/* What the claims of one bucket are judged against. */
struct recmark_reach {
    struct recmark_bucket with; /* the extremes of the buckets compared with it */
    double later_hi;            /* the lowest upper bound of later buckets */
    double earlier_lo;          /* the highest lower bound of earlier buckets */
};

static void recmark_gather(const struct recmark *m, const struct recmark_bucket *p,
                           struct recmark_reach *r)
{
    memset(r, 0, sizeof(*r));
    r->later_hi = INFINITY;
    r->earlier_lo = -INFINITY;
    for (size_t q = 0; q < m->nb; q++) {
        const struct recmark_bucket *k = &m->b[q];
        if (recmark_compared(m, p, k)) {
            recmark_top_merge(&r->with.lo, &k->lo);
            recmark_top_merge(&r->with.neg_hi, &k->neg_hi);
            recmark_top_merge(&r->with.est, &k->est);
            recmark_top_merge(&r->with.neg_est, &k->neg_est);
        } else if (!m->increment && recdate_before(&p->key->when, &k->key->when)) {
            if (-k->neg_hi.v[0] < r->later_hi)
                r->later_hi = -k->neg_hi.v[0];
        } else if (!m->increment && k->lo.v[0] > r->earlier_lo) {
            r->earlier_lo = k->lo.v[0];
        }
    }
}

/* Rep i against what its bucket reaches, for a contradiction. */
static void recmark_contradiction(struct recmark *m, const struct recmark_reach *r, size_t i)
{
    const struct recclaim *c = m->reps[i];
    double v;

    if ((recmark_top_other(&r->with.neg_hi, i, &v) && -v < c->lo) ||
        (recmark_top_other(&r->with.lo, i, &v) && v > c->hi))
        recmark_hit(m, i, false, 1);
    if (m->cumulative && (r->later_hi < c->lo || r->earlier_lo > c->hi))
        recmark_hit(m, i, true, 1);
}

/* Rep i against what its bucket reaches, for a divergence: the furthest estimates. */
static void recmark_divergence(struct recmark *m, const struct recmark_reach *r, size_t i)
{
    const struct recclaim *c = m->reps[i];
    double v, ratio = 0;

    if (c->vague)
        return;
    if (recmark_top_other(&r->with.est, i, &v))
        ratio = recmark_ratio(c->est, v);
    if (recmark_top_other(&r->with.neg_est, i, &v) && recmark_ratio(c->est, -v) > ratio)
        ratio = recmark_ratio(c->est, -v);
    if (ratio > m->cfg->divergence_factor)
        recmark_hit(m, i, false, ratio);
}

static void recmark_sweep(struct recmark *m)
{
    struct recmark_reach r;

    for (size_t p = 0; p < m->nb; p++) {
        recmark_gather(m, &m->b[p], &r);
        for (size_t k = m->b[p].from; k < m->b[p].to; k++) {
            if (m->want == RECCONFLICT_CONTRADICTION)
                recmark_contradiction(m, &r, m->order[k]);
            else
                recmark_divergence(m, &r, m->order[k]);
        }
    }
}

static void recmark_release(struct recmark *m)
{
    free(m->hedged);
    free(m->order);
    free(m->b);
}

int recmark_pairs(const struct recclaim *const *reps, size_t n, const struct recconf *cfg,
                  enum recconflict_kind want, bool *mark, struct recconflict *out)
{
    struct recmark m = {.reps = reps, .n = n, .cfg = cfg, .want = want, .mark = mark, .out = out};
    int rc = -1;

    if (n == 0)
        return 0;
    m.increment = strcmp(reps[0]->scope, "increment") == 0;
    m.cumulative = recconf_cumulative(cfg, reps[0]->category);
    if (!recmark_fits(&m))
        return recmark_pairwise(reps, n, cfg, want, mark, out);
    m.hedged = calloc(n, sizeof(*m.hedged));
    if (!m.hedged || recmark_hedges(&m) < 0 || recmark_order(&m) < 0 || recmark_buckets(&m) < 0)
        goto out;
    recmark_sweep(&m);
    recmark_judge_all(&m, m.hedged);
    rc = m.found;
out:
    recmark_release(&m);
    return rc;
}

int recmark_pairwise(const struct recclaim *const *reps, size_t n, const struct recconf *cfg,
                     enum recconflict_kind want, bool *mark, struct recconflict *out)
{
    struct recmark m = {.reps = reps, .n = n, .cfg = cfg, .want = want, .mark = mark, .out = out};

    recmark_judge_all(&m, NULL);
    return m.found;
}
