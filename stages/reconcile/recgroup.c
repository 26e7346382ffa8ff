#include "recgroup.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "grow.h"
#include "recclust.h"
#include "utf8.h"

struct recgroup_item {
    const char *key; /* its key, held in struct recgroup_keys */
    size_t idx;
    const struct recclaim *c;
    size_t cluster; /* within its key: claims about the same side and place */
    size_t doc;     /* the document, as the index of its first claim */
    size_t rank;    /* its key's place among the keys in strcmp order */
};

/* The distinct keys of a build, found through an open-addressing hash table. */
struct recgroup_keys {
    char **v;
    size_t n, cap;
    size_t *slot; /* key index + 1, 0 when empty */
    size_t nslot; /* a power of two, more than twice n */
};

const char *recgroup_scope_class(const char *scope)
{
    if (strcmp(scope, "part") == 0)
        return "part";
    if (strcmp(scope, "increment") == 0)
        return "increment";
    return "whole";
}

int recgroup_key(struct buf *b, const struct recclaim *c, const struct recconf *cfg)
{
    bool by_subject = recconf_by_subject(cfg, c->category);
    char *folded = by_subject ? utf8_fold(c->subject, strlen(c->subject), NULL) : NULL;
    const char *subject = folded ? folded : by_subject ? c->subject : "";
    const char *parts[] = {c->category, c->unit, c->victim, recgroup_scope_class(c->scope),
                           subject};
    int rc = 0;

    buf_reset(b);
    for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]) && rc == 0; i++)
        rc = (i && buf_addch(b, '|') < 0) || buf_addstr(b, parts[i]) < 0 ? -1 : 0;
    free(folded);
    return rc;
}

static size_t recgroup_hash(const char *s, size_t len)
{
    uint64_t h = 14695981039346656037ULL; /* FNV-1a */

    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return (size_t)(h ^ h >> 29);
}

/* Make the table twice as large (or 64 slots at first). */
static int recgroup_keys_grow(struct recgroup_keys *ks)
{
    size_t nslot = ks->nslot ? ks->nslot * 2 : 64;
    size_t *slot = calloc(nslot, sizeof(*slot));

    if (!slot)
        return -1;
    for (size_t i = 0; i < ks->n; i++) {
        size_t h = recgroup_hash(ks->v[i], strlen(ks->v[i])) & (nslot - 1);
        while (slot[h])
            h = (h + 1) & (nslot - 1);
        slot[h] = i + 1;
    }
    free(ks->slot);
    ks->slot = slot;
    ks->nslot = nslot;
    return 0;
}

/* The slot of key s[0..len) in ks: the one holding it, or the empty one where it would go. */
static size_t recgroup_keys_slot(const struct recgroup_keys *ks, const char *s, size_t len)
{
    size_t h = recgroup_hash(s, len) & (ks->nslot - 1);

    for (; ks->slot[h]; h = (h + 1) & (ks->nslot - 1)) {
        const char *k = ks->v[ks->slot[h] - 1];
        if (strncmp(k, s, len) == 0 && k[len] == '\0')
            break;
    }
    return h;
}

/* The index of key s[0..len) in ks, added when new; SIZE_MAX when memory ran out. */
static size_t recgroup_keys_get(struct recgroup_keys *ks, const char *s, size_t len)
{
    if (2 * (ks->n + 1) > ks->nslot && recgroup_keys_grow(ks) < 0)
        return SIZE_MAX;
    size_t h = recgroup_keys_slot(ks, s, len);
    if (ks->slot[h])
        return ks->slot[h] - 1;
    if (grow_items(&ks->v, &ks->cap, ks->n + 1, sizeof(*ks->v)) < 0)
        return SIZE_MAX;
    char *k = malloc(len + 1);
    if (!k)
        return SIZE_MAX;
    memcpy(k, s, len);
    k[len] = '\0';
    ks->v[ks->n] = k;
    ks->slot[h] = ++ks->n;
    return ks->n - 1;
}

static void recgroup_keys_release(struct recgroup_keys *ks)
{
    for (size_t i = 0; i < ks->n; i++)
        free(ks->v[i]);
    free(ks->v);
    free(ks->slot);
}

static int recgroup_str_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Turn each item's key index (in rank) into the rank of its key in strcmp order. */
static int recgroup_ranks(const struct recgroup_keys *ks, struct recgroup_item *items, size_t n)
{
    size_t m = ks->n ? ks->n : 1;
    char **sorted = malloc(m * sizeof(*sorted));
    size_t *rank = malloc(m * sizeof(*rank));

    if (!sorted || !rank) {
        free(sorted);
        free(rank);
        return -1;
    }
    if (ks->n)
        memcpy(sorted, ks->v, ks->n * sizeof(*sorted));
    qsort(sorted, ks->n, sizeof(*sorted), recgroup_str_cmp);
    for (size_t r = 0; r < ks->n; r++)
        rank[ks->slot[recgroup_keys_slot(ks, sorted[r], strlen(sorted[r]))] - 1] = r;
    for (size_t i = 0; i < n; i++)
        items[i].rank = rank[items[i].rank];
    free(sorted);
    free(rank);
    return 0;
}

/* By key, then dated before undated, then date, then claim order. */
static int recgroup_item_cmp(const void *a, const void *b)
{
    const struct recgroup_item *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->c->dated != y->c->dated)
        return x->c->dated ? -1 : 1;
    if (x->c->dated && x->c->when.first != y->c->when.first)
        return x->c->when.first < y->c->when.first ? -1 : 1;
    return (x->idx > y->idx) - (x->idx < y->idx);
}

static int recgroup_idx_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

static char *recgroup_period(const struct recclaim *claims, const size_t *idx, size_t n)
{
    const struct recclaim *first = NULL, *last = NULL;
    bool same = true;

    for (size_t i = 0; i < n; i++) {
        const struct recclaim *c = &claims[idx[i]];
        if (!c->dated)
            continue;
        if (first && strcmp(first->date, c->date) != 0)
            same = false;
        if (!first || c->when.first < first->when.first)
            first = c;
        if (!last || c->when.last > last->when.last)
            last = c;
    }
    struct buf b = BUF_INIT;
    if (first && (buf_addstr(&b, first->date) < 0 ||
                  (!same && (buf_addstr(&b, "..") < 0 || buf_addstr(&b, last->date) < 0)))) {
        buf_release(&b);
        return NULL;
    }
    return b.data ? buf_detach(&b) : strdup("");
}

/* Add a group of items[0..n) (copied and sorted) under key (taken over, freed on failure). */
static int recgroup_add_one(struct recgroups *gs, const struct recclaim *claims, char *key,
                            const struct recgroup_item *items, size_t n)
{
    if (grow_items(&gs->v, &gs->cap, gs->n + 1, sizeof(*gs->v)) < 0) {
        free(key);
        return error_at(NULL, 0, "out of memory");
    }
    struct recgroup *g = &gs->v[gs->n];
    g->idx = malloc(n * sizeof(size_t));
    g->key = key;
    g->period = NULL;
    g->n = n;
    if (g->idx) {
        for (size_t i = 0; i < n; i++)
            g->idx[i] = items[i].idx;
        qsort(g->idx, n, sizeof(size_t), recgroup_idx_cmp);
        g->period = recgroup_period(claims, g->idx, n);
    }
    if (!g->idx || !g->key || !g->period) {
        free(g->idx);
        free(g->key);
        free(g->period);
        return error_at(NULL, 0, "out of memory");
    }
    gs->n++;
    return 0;
}

static int recgroup_add(struct recgroups *gs, const struct recclaim *claims,
                        struct recgroup_item *items, size_t n);

/* Whether undated claim u fits every dated item of the one period in [0, n). */
static bool recgroup_fits(const struct recgroup_item *items, size_t n, const struct recclaim *u)
{
    for (size_t i = 0; i < n; i++)
        if (!recclaim_overlap(items[i].c, u))
            return false;
    return true;
}

/* The end (exclusive) of the period that starts at items[from] (dated, same key). */
static size_t recgroup_period_end(const struct recgroup_item *items, size_t from, size_t to,
                                  double window)
{
    long reach = items[from].c->when.last;
    size_t i = from + 1;

    for (; i < to && items[i].c->dated; i++) {
        if ((double)items[i].c->when.first > (double)reach + window)
            break;
        if (items[i].c->when.last > reach)
            reach = items[i].c->when.last;
    }
    return i;
}

/*
 * Group items[from..to), all of one key, sorted dated first by date. An
 * undated claim is moved into the only period when it fits there.
 */
static int recgroup_key_run(struct recgroups *gs, const struct recclaim *claims,
                            struct recgroup_item *items, size_t from, size_t to, double window)
{
    size_t undated = from, periods = 0;

    while (undated < to && items[undated].c->dated)
        undated++;
    for (size_t i = from; i < undated; periods++)
        i = recgroup_period_end(items, i, undated, window);
    size_t stay = undated; /* undated items from here on form their own group */
    for (size_t i = undated; periods == 1 && i < to; i++) {
        if (!recgroup_fits(items + from, undated - from, items[i].c))
            continue;
        struct recgroup_item t = items[stay];
        items[stay++] = items[i];
        items[i] = t;
    }
    if (periods == 1)
        return recgroup_add(gs, claims, items + from, stay - from) < 0 ||
                       (stay < to && recgroup_add(gs, claims, items + stay, to - stay) < 0)
                   ? -1
                   : 0;
    for (size_t i = from; i < undated;) {
        size_t end = recgroup_period_end(items, i, undated, window);
        if (recgroup_add(gs, claims, items + i, end - i) < 0)
            return -1;
        i = end;
    }
    if (stay < to && recgroup_add(gs, claims, items + stay, to - stay) < 0)
        return -1;
    return 0;
}

bool recgroup_same_side(const struct recclaim *a, const struct recclaim *b)
{
    return !*a->side || !*b->side || strcmp(a->side, b->side) == 0;
}

static bool recgroup_place_in(const char *p, const struct recclaim *c)
{
    return *p && (strcmp(p, c->place) == 0 || strcmp(p, c->doc_place) == 0);
}

bool recgroup_same_place(const struct recclaim *a, const struct recclaim *b)
{
    if ((!*a->place && !*a->doc_place) || (!*b->place && !*b->doc_place))
        return true;
    return recgroup_place_in(a->place, b) || recgroup_place_in(a->doc_place, b);
}

/* Split a run of one key and period into clusters of claims about one side and place. */
static int recgroup_cluster(struct recgroup_item *items, size_t n)
{
    size_t m = n ? n : 1;
    const struct recclaim **claims = calloc(m, sizeof(*claims));
    size_t *doc = calloc(m, sizeof(*doc)), *cluster = calloc(m, sizeof(*cluster));
    int rc = -1;

    if (claims && doc && cluster) {
        for (size_t i = 0; i < n; i++) {
            claims[i] = items[i].c;
            doc[i] = items[i].doc;
        }
        rc = recclust_assign(claims, doc, n, cluster);
        for (size_t i = 0; rc == 0 && i < n; i++)
            items[i].cluster = cluster[i];
    }
    free(claims);
    free(doc);
    free(cluster);
    return rc < 0 ? error_at(NULL, 0, "out of memory") : 0;
}

static int recgroup_cluster_cmp(const void *a, const void *b)
{
    const struct recgroup_item *x = a, *y = b;

    if (x->cluster != y->cluster)
        return x->cluster < y->cluster ? -1 : 1;
    return recgroup_item_cmp(a, b);
}

/* The first non-empty value of field among items[from..to). */
static const char *recgroup_first(const struct recgroup_item *items, size_t from, size_t to,
                                  bool side)
{
    for (size_t i = from; i < to; i++) {
        const char *v = side ? items[i].c->side : items[i].c->place;
        if (*v)
            return v;
    }
    return "";
}

/* The full key of items[from..to): the run's key, side and place; NULL when memory ran out. */
static char *recgroup_full_key(const struct recgroup_item *items, size_t from, size_t to)
{
    struct buf b = BUF_INIT;

    if (buf_addstr(&b, items[from].key) < 0 || buf_addch(&b, '|') < 0 ||
        buf_addstr(&b, recgroup_first(items, from, to, true)) < 0 || buf_addch(&b, '|') < 0 ||
        buf_addstr(&b, recgroup_first(items, from, to, false)) < 0) {
        buf_release(&b);
        return NULL;
    }
    return buf_detach(&b);
}

/* Add the claims of one key and period as groups: one per cluster of side and place. */
static int recgroup_add(struct recgroups *gs, const struct recclaim *claims,
                        struct recgroup_item *items, size_t n)
{
    if (recgroup_cluster(items, n) < 0)
        return -1;
    qsort(items, n, sizeof(*items), recgroup_cluster_cmp);
    for (size_t a = 0; a < n;) {
        size_t e = a + 1;
        while (e < n && items[e].cluster == items[a].cluster)
            e++;
        char *key = recgroup_full_key(items, a, e);
        if (!key)
            return error_at(NULL, 0, "out of memory");
        if (recgroup_add_one(gs, claims, key, items + a, e - a) < 0)
            return -1;
        a = e;
    }
    return 0;
}

static int recgroup_doc_cmp(const void *a, const void *b)
{
    const struct recgroup_item *x = a, *y = b;
    int d = strcmp(x->c->doc, y->c->doc);

    return d ? d : (x->idx > y->idx) - (x->idx < y->idx);
}

/*
 * Number the documents of items[0..n) (item order is kept: by claim index).
 * The claims come sorted by document, so a document's claims are neighbours
 * and no sort is needed; if they were not, they are sorted.
 */
static void recgroup_doc_ids(struct recgroup_item *items, size_t n)
{
    size_t i = 1;

    for (; i < n; i++) {
        int d = strcmp(items[i - 1].c->doc, items[i].c->doc);
        if (d > 0)
            break;
        if (d == 0)
            items[i].doc = items[i - 1].doc;
    }
    if (i >= n)
        return;
    for (i = 0; i < n; i++)
        items[i].doc = items[i].idx;
    qsort(items, n, sizeof(*items), recgroup_doc_cmp);
    for (i = 1; i < n; i++)
        if (strcmp(items[i].c->doc, items[i - 1].c->doc) == 0)
            items[i].doc = items[i - 1].doc;
}

/* Give each item its claim's key and rank; recgroup_build() sorts them. */
static int recgroup_items(struct recgroup_keys *ks, struct recgroup_item *items,
                          const struct recclaim *claims, size_t n, const struct recconf *cfg)
{
    struct buf b = BUF_INIT;
    size_t k = 0;

    for (size_t i = 0; i < n && k != SIZE_MAX; i++) {
        k = recgroup_key(&b, &claims[i], cfg) < 0 ? SIZE_MAX
                                                  : recgroup_keys_get(ks, buf_str(&b), b.len);
        items[i] = (struct recgroup_item){NULL, i, &claims[i], 0, i, k};
    }
    buf_release(&b);
    if (k == SIZE_MAX)
        return -1;
    for (size_t i = 0; i < n; i++)
        items[i].key = ks->v[items[i].rank];
    return recgroup_ranks(ks, items, n);
}

int recgroup_build(struct recgroups *gs, const struct recclaim *claims, size_t n,
                   const struct recconf *cfg)
{
    struct recgroup_item *items = calloc(n ? n : 1, sizeof(*items));
    struct recgroup_keys ks = {0};
    int rc = 0;

    if (!items || recgroup_items(&ks, items, claims, n, cfg) < 0) {
        free(items);
        recgroup_keys_release(&ks);
        return error_at(NULL, 0, "out of memory");
    }
    recgroup_doc_ids(items, n);
    qsort(items, n, sizeof(*items), recgroup_item_cmp);
    for (size_t from = 0; from < n && rc == 0;) {
        size_t to = from + 1;
        while (to < n && items[to].rank == items[from].rank)
            to++;
        rc = recgroup_key_run(gs, claims, items, from, to, cfg->period_window_days);
        from = to;
    }
    free(items);
    recgroup_keys_release(&ks);
    return rc;
}

void recgroups_release(struct recgroups *gs)
{
    for (size_t i = 0; i < gs->n; i++) {
        free(gs->v[i].key);
        free(gs->v[i].period);
        free(gs->v[i].idx);
    }
    free(gs->v);
    gs->v = NULL;
    gs->n = gs->cap = 0;
}
