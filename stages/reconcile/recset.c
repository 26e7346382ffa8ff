#include "recset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "jsonl.h"

int recset_init(struct recset *s)
{
    memset(s, 0, sizeof(*s));
    s->docs = json_object();
    return s->docs ? 0 : -1;
}

void recset_release(struct recset *s)
{
    for (size_t i = 0; i < s->n; i++)
        recclaim_release(&s->v[i]);
    free(s->v);
    json_decref(s->docs);
    memset(s, 0, sizeof(*s));
}

static int recset_push(struct recset *s, const struct recclaim *c)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        struct recclaim *v = realloc(s->v, cap * sizeof(*v));
        if (!v)
            return error_at(NULL, 0, "out of memory");
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = *c;
    return 0;
}

static int recset_skip(struct stats *st, const char *file, size_t line, const char *doc)
{
    char where[512];

    snprintf(where, sizeof(where), "%s:%zu", file, line);
    return stats_skip_quiet(st, doc, where, "malformed record");
}

/* One record: 0 kept or dropped as a non-claim, 1 malformed, -1 out of memory. */
static int recset_record(struct recset *s, json_t *rec, const struct jsonl_reader *r,
                         const struct recconf *cfg, struct stats *st)
{
    struct recclaim c;
    const char *name = r->name;
    int rc = recclaim_from_json(&c, rec, name, r->line);

    if (rc < 0) {
        json_t *doc = json_object_get(rec, "doc");
        return recset_skip(st, name, r->line, json_string_value(doc)) < 0 ? -1 : 1;
    }
    if (json_object_set_new(s->docs, c.doc, json_true()) < 0) {
        recclaim_release(&c);
        return error_at(NULL, 0, "out of memory");
    }
    if (rc == 0)
        return 0;
    recclaim_derive(&c, cfg);
    c.seq = s->n;
    if (recset_push(s, &c) < 0) {
        recclaim_release(&c);
        return -1;
    }
    return 0;
}

long recset_read_stream(struct recset *s, FILE *fp, const char *name, const struct recconf *cfg,
                        struct stats *st)
{
    struct jsonl_reader r = {.fp = fp, .name = name};
    json_t *rec;
    long bad = 0;
    int rc;

    while ((rc = jsonl_next(&r, &rec)) != 0) {
        if (rc == -2)
            break;
        if (rc == -1) {
            bad++;
            if (recset_skip(st, r.name, r.line, NULL) < 0)
                break;
            continue;
        }
        s->records++;
        st->records_in++;
        int one = recset_record(s, rec, &r, cfg, st);
        json_decref(rec);
        if (one < 0) {
            rc = -2;
            break;
        }
        bad += one;
    }
    free(r.buf);
    return rc == -2 ? -1 : bad;
}

long recset_read(struct recset *s, const char *path, const struct recconf *cfg, struct stats *st)
{
    struct jsonl_reader r;

    if (jsonl_open(&r, path) < 0)
        return -1;
    long bad = recset_read_stream(s, r.fp, r.name, cfg, st);
    jsonl_close(&r);
    return bad;
}

/* (doc, start), then input order, so that the first of two repeats is kept. */
static int recset_cmp(const void *a, const void *b)
{
    const struct recclaim *x = a, *y = b;
    int d = recclaim_cmp(a, b);

    return d ? d : (x->seq > y->seq) - (x->seq < y->seq);
}

long recset_finish(struct recset *s, struct stats *st)
{
    size_t kept = 0;
    long dropped = 0;

    if (s->n)
        qsort(s->v, s->n, sizeof(*s->v), recset_cmp);
    for (size_t i = 0; i < s->n; i++) {
        if (kept && recclaim_cmp(&s->v[kept - 1], &s->v[i]) == 0) {
            error_at(NULL, 0, "claim '%s@%zu' appears twice; the second is dropped", s->v[i].doc,
                     s->v[i].start);
            if (stats_skip_quiet(st, s->v[i].doc, NULL, "duplicate claim") < 0)
                return -1;
            recclaim_release(&s->v[i]);
            dropped++;
            continue;
        }
        s->v[kept++] = s->v[i];
    }
    s->n = kept;
    return dropped;
}
