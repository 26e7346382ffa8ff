/*
 * libFuzzer target: reconcile's claim reader (recset, recclaim) on
 * arbitrary normalized.jsonl bytes, then everything reconcile does with the
 * claims in memory: grouping, conflicts, rows, claims.csv, conflicts.csv
 * and summary.json (to memory streams). Each must succeed; the summary
 * must be JSON (jansson refuses a non-finite number).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "reconcile/recconflict.h"
#include "reconcile/recgroup.h"
#include "reconcile/recout.h"
#include "reconcile/recrow.h"
#include "reconcile/recset.h"
#include "reconcile/recsummary.h"
#include "stats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fz_state {
    struct recset set;
    struct recgroups groups;
    struct recrow *rows;
    size_t nrows;
    struct stats st;
};

static void fz_conflicts(struct fz_state *s, const struct recconf *cfg)
{
    if (recgroup_build(&s->groups, s->set.v, s->set.n, cfg) < 0)
        abort();
    s->rows = calloc(s->groups.n + 1, sizeof(*s->rows));
    if (!s->rows)
        abort();
    for (size_t i = 0; i < s->groups.n; i++) {
        struct recconflict cf;
        if (recconflict_find(&cf, s->set.v, &s->groups.v[i], cfg) < 0)
            abort();
        if (cf.kind != RECCONFLICT_NONE) {
            if (recrow_init(&s->rows[s->nrows], s->set.v, &s->groups.v[i], &cf) < 0)
                abort();
            s->nrows++;
        }
        recconflict_release(&cf);
    }
}

static void fz_write(struct fz_state *s)
{
    struct recsummary sum;
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);

    if (!fp || recsummary_init(&sum) < 0)
        abort();
    if (recout_claims(fp, s->set.v, s->set.n) < 0 || recout_conflicts(fp, s->rows, s->nrows) < 0)
        abort();
    json_t *j =
        recsummary_json(&sum, json_object_size(s->set.docs), s->set.v, s->set.n, s->rows, s->nrows);
    if (!j || recsummary_write(fp, j) < 0)
        abort();
    json_decref(j);
    recsummary_release(&sum);
    fclose(fp);
    free(out);
}

static struct recconf fz_cfg;
static int fz_ready;

static void fz_cleanup(void)
{
    recconf_release(&fz_cfg);
}

/* The real thresholds: ./config/reconcile.json, or $CLAIMREC_CONFIG's. */
static void fz_init(void)
{
    const char *dir = getenv("CLAIMREC_CONFIG");
    char path[4096];

    err_init("fuzz_claim");
    snprintf(path, sizeof(path), "%s/reconcile.json", dir ? dir : "config");
    if (recconf_load(&fz_cfg, path) < 0)
        abort();
    atexit(fz_cleanup);
    fz_ready = 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz_state s;

    if (!fz_ready)
        fz_init();
    if (size == 0)
        return 0;
    memset(&s, 0, sizeof(s));
    FILE *fp = fmemopen((void *)data, size, "r");
    if (!fp || stats_init(&s.st, "reconcile") < 0 || recset_init(&s.set) < 0)
        abort();
    if (recset_read_stream(&s.set, fp, "normalized.jsonl", &fz_cfg, &s.st) >= 0 &&
        recset_finish(&s.set, &s.st) >= 0) {
        fz_conflicts(&s, &fz_cfg);
        fz_write(&s);
    }
    fclose(fp);
    for (size_t i = 0; i < s.nrows; i++)
        recrow_release(&s.rows[i]);
    free(s.rows);
    recgroups_release(&s.groups);
    recset_release(&s.set);
    stats_release(&s.st);
    return 0;
}
