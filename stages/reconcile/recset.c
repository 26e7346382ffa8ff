#include "recset.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "grow.h"
#include "jsonl.h"
#include "recscan.h"

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
    free(s->last_doc);
    memset(s, 0, sizeof(*s));
}

static int recset_push(struct recset *s, const struct recclaim *c)
{
    if (grow_items(&s->v, &s->cap, s->n + 1, sizeof(*s->v)) < 0)
        return error_at(NULL, 0, "out of memory");
    s->v[s->n++] = *c;
    return 0;
}

static int recset_skip(struct stats *st, const char *file, size_t line, const char *doc)
{
    char where[512];

    snprintf(where, sizeof(where), "%s:%zu", file, line);
    return stats_skip_quiet(st, doc, where, "malformed record");
}

/* Note the record's document (records of one document come together). */
static int recset_doc(struct recset *s, const char *doc)
{
    if (s->last_doc && strcmp(s->last_doc, doc) == 0)
        return 0;
    free(s->last_doc);
    s->last_doc = strdup(doc);
    if (!s->last_doc || json_object_set_new(s->docs, doc, json_true()) < 0)
        return error_at(NULL, 0, "out of memory");
    return 0;
}

/* Keep a valid record read into c: a claim (claim true) is derived and kept. 0, or -1 out of
 * memory. */
static int recset_keep(struct recset *s, struct recclaim *c, bool claim, const struct recconf *cfg)
{
    if (recset_doc(s, c->doc) < 0) {
        recclaim_release(c);
        return -1;
    }
    if (!claim)
        return 0;
    recclaim_derive(c, cfg);
    c->seq = s->n;
    if (recset_push(s, c) < 0) {
        recclaim_release(c);
        return -1;
    }
    return 0;
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
    return recset_keep(s, &c, rc == 1, cfg);
}

/*
 * The line in r->buf[0..len): read by recscan when it can, else by jansson.
 * Returns as recset_record(), or -2 for a line that is no JSON object (reported).
 */
static int recset_line(struct recset *s, struct recscan *sc, struct jsonl_reader *r, size_t len,
                       const struct recconf *cfg, struct stats *st)
{
    int scanned = recscan_line(sc, r->buf, len);
    struct recclaim c;
    json_t *rec;

    if (scanned < 0)
        return error_at(NULL, 0, "out of memory");
    int rc = scanned ? recclaim_from_scan(&c, sc) : -1;
    if (rc >= 0) {
        s->records++;
        st->records_in++;
        return recset_keep(s, &c, rc == 1, cfg);
    }
    if (scanned)
        recscan_restore(sc); /* jansson reads the line as it was */
    if (jsonl_parse(r, len, &rec) < 0)
        return -2;
    s->records++;
    st->records_in++;
    rc = recset_record(s, rec, r, cfg, st);
    json_decref(rec);
    return rc;
}

/* Every line of r (opened; closed here). */
static long recset_read_reader(struct recset *s, struct jsonl_reader *r, const struct recconf *cfg,
                               struct stats *st)
{
    struct recscan sc = {0};
    long bad = 0;
    size_t len;
    int rc;

    while ((rc = jsonl_next_line(r, &len)) != 0) {
        if (rc == -2)
            break;
        int one = rc == 1 ? recset_line(s, &sc, r, len, cfg, st) : -2;
        if (one == -2) {
            bad++;
            rc = -1;
            if (recset_skip(st, r->name, r->line, NULL) < 0)
                break;
            continue;
        }
        if (one < 0) {
            rc = -2;
            break;
        }
        bad += one;
    }
    recscan_release(&sc);
    return rc == -2 ? -1 : bad;
}

long recset_read_stream(struct recset *s, FILE *fp, const char *name, const struct recconf *cfg,
                        struct stats *st)
{
    struct jsonl_reader r;

    jsonl_open_stream(&r, fp, name);
    long bad = recset_read_reader(s, &r, cfg, st);
    r.fp = NULL; /* the caller's */
    jsonl_close(&r);
    return bad;
}

long recset_read(struct recset *s, const char *path, const struct recconf *cfg, struct stats *st)
{
    struct jsonl_reader r;

    if (jsonl_open(&r, path) < 0)
        return -1;
    long bad = recset_read_reader(s, &r, cfg, st);
    jsonl_close(&r);
    return bad;
}

long recset_read_range(struct recset *s, const char *path, const struct par_range *range,
                       const struct recconf *cfg, struct stats *st)
{
    struct jsonl_reader r;

    if (jsonl_open_range(&r, path, range->start, range->end, range->line0) < 0)
        return -1;
    long bad = recset_read_reader(s, &r, cfg, st);
    jsonl_close(&r);
    return bad;
}

int recset_append(struct recset *s, struct recset *from)
{
    if (from->n && grow_items(&s->v, &s->cap, s->n + from->n, sizeof(*s->v)) < 0)
        return error_at(NULL, 0, "out of memory");
    if (json_object_update(s->docs, from->docs) < 0)
        return error_at(NULL, 0, "out of memory");
    for (size_t i = 0; i < from->n; i++) {
        s->v[s->n] = from->v[i];
        s->v[s->n].seq = s->n;
        s->n++;
    }
    from->n = 0;
    s->records += from->records;
    if (from->last_doc) {
        free(s->last_doc);
        s->last_doc = from->last_doc;
        from->last_doc = NULL;
    }
    return 0;
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
