#include "reconcile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"
#include "err.h"
#include "outfile.h"
#include "par.h"
#include "parq.h"
#include "recconflict.h"
#include "recgroup.h"
#include "recout.h"
#include "recrow.h"
#include "recset.h"
#include "recsummary.h"
#include "stats.h"

struct reconcile_state {
    struct recset set;
    struct recgroups groups;
    struct recrow *rows;
    size_t nrows;
    struct recsummary summary;
    struct stats st;
    long skipped; /* malformed lines, duplicate claims, bad stats files */
};

/* One group: add a row when its claims disagree. */
static int reconcile_group(struct reconcile_state *s, const struct recgroup *g,
                           const struct recconf *cfg)
{
    struct recconflict cf;

    if (recconflict_find(&cf, s->set.v, g, cfg) < 0)
        return -1;
    int rc = 0;
    if (cf.kind != RECCONFLICT_NONE)
        rc = recrow_init(&s->rows[s->nrows], s->set.v, g, &cf);
    if (cf.kind != RECCONFLICT_NONE && rc == 0)
        s->nrows++;
    recconflict_release(&cf);
    return rc;
}

static int reconcile_conflicts(struct reconcile_state *s, const struct recconf *cfg)
{
    if (recgroup_build(&s->groups, s->set.v, s->set.n, cfg) < 0)
        return -1;
    s->rows = calloc(s->groups.n ? s->groups.n : 1, sizeof(*s->rows));
    if (!s->rows)
        return error_at(NULL, 0, "out of memory");
    for (size_t i = 0; i < s->groups.n; i++)
        if (reconcile_group(s, &s->groups.v[i], cfg) < 0)
            return -1;
    if (s->nrows)
        qsort(s->rows, s->nrows, sizeof(*s->rows), recrow_cmp);
    return 0;
}

/* One part of an input file read on a thread (par.h): its claims into *set. */
struct reconcile_part {
    struct par_range range;
    struct recset *set; /* the first part's: the state's own; the others': own */
    struct recset own;
    long bad;
};

struct reconcile_parts {
    const char *path;
    const struct recconf *cfg;
};

static int reconcile_part(struct parq_part *part, void *ctx)
{
    const struct reconcile_parts *x = ctx;
    struct reconcile_part *p = (struct reconcile_part *)part->arg;

    p->bad = recset_read_range(p->set, x->path, &p->range, x->cfg, &part->stats);
    return p->bad < 0 ? STAGE_FATAL : p->bad > 0 ? STAGE_SKIPPED : STAGE_OK;
}

/*
 * Read parts[0..n) of path on threads, the first straight into s's claims,
 * and append the others' claims after them, in order.
 */
static int reconcile_read_parts(struct reconcile_state *s, const char *path,
                                const struct recconf *cfg, struct reconcile_part *rp, int n)
{
    struct reconcile_parts x = {path, cfg};
    struct parq_job job = {
        .args = rp, .size = sizeof(*rp), .n = n, .threads = n, .fn = reconcile_part, .ctx = &x};
    int k, rc = 0;

    for (k = 0; k < n; k++) {
        rp[k].bad = 0;
        rp[k].set = k ? &rp[k].own : &s->set;
        if (k && recset_init(&rp[k].own) < 0)
            break;
    }
    if (k < n)
        rc = error_at(NULL, 0, "out of memory");
    else if (parq_run(&job, &s->st) == STAGE_FATAL)
        rc = -1;
    s->skipped += rp[0].bad;
    for (int i = 1; i < k; i++) {
        if (rc == 0 && recset_append(&s->set, &rp[i].own) < 0)
            rc = -1;
        s->skipped += rp[i].bad;
        recset_release(&rp[i].own);
    }
    return rc;
}

/* One input: in parts on threads when it is a file that can be cut, else as a whole. */
static int reconcile_read_input(struct reconcile_state *s, const char *path,
                                const struct recconf *cfg, int threads)
{
    struct par_range r[PAR_MAX];
    struct reconcile_part rp[PAR_MAX];
    int n = par_split_lines(path, threads, r);

    if (n < 0)
        return -1;
    if (n > 1) {
        for (int k = 0; k < n; k++)
            rp[k].range = r[k];
        return reconcile_read_parts(s, path, cfg, rp, n);
    }
    long bad = recset_read(&s->set, path, cfg, &s->st);
    if (bad < 0)
        return -1;
    s->skipped += bad;
    return 0;
}

static int reconcile_read(struct reconcile_state *s, const struct recconf *cfg,
                          const struct reconcile_opts *o)
{
    for (size_t i = 0; i < o->n_inputs; i++)
        if (reconcile_read_input(s, o->inputs[i], cfg, o->threads) < 0)
            return -1;
    long dup = recset_finish(&s->set, &s->st);
    if (dup < 0)
        return -1;
    s->skipped += dup;
    s->st.documents = json_object_size(s->set.docs);
    s->st.records_out = s->set.n;
    return 0;
}

/* Other stages' figures: a bad file is reported and left out. */
static int reconcile_stage_stats(struct reconcile_state *s, const struct reconcile_opts *o)
{
    for (size_t i = 0; i < o->n_stage_stats; i++) {
        if (recsummary_add_file(&s->summary, o->stage_stats[i]) == 0)
            continue;
        s->skipped++;
        if (stats_skip_quiet(&s->st, NULL, o->stage_stats[i], "unreadable stage figures") < 0)
            return -1;
    }
    return 0;
}

enum { RECONCILE_CLAIMS, RECONCILE_CONFLICTS, RECONCILE_SUMMARY, RECONCILE_NOUT };

static const char *const reconcile_names[RECONCILE_NOUT] = {"claims.csv", "conflicts.csv",
                                                            "summary.json"};

static int reconcile_open(struct outfile *out, const char *dir)
{
    if (mkdir(dir, 0777) < 0 && errno != EEXIST)
        return error_at(dir, 0, "cannot create folder: %s", strerror(errno));
    for (size_t i = 0; i < RECONCILE_NOUT; i++) {
        char *path = config_path(dir, reconcile_names[i]);
        int rc = path ? outfile_open(&out[i], path) : error_at(NULL, 0, "out of memory");
        free(path);
        if (rc < 0) {
            while (i--)
                outfile_abort(&out[i]);
            return -1;
        }
    }
    return 0;
}

/* Write all three; on failure name the file. */
static int reconcile_fill(struct reconcile_state *s, struct outfile *out)
{
    json_t *own = stats_json(&s->st);

    if (!own || recsummary_add(&s->summary, own, NULL) < 0) {
        json_decref(own);
        return error_at(NULL, 0, "out of memory");
    }
    json_decref(own);
    json_t *sum = recsummary_json(&s->summary, json_object_size(s->set.docs), s->set.v, s->set.n,
                                  s->rows, s->nrows);
    if (!sum)
        return error_at(NULL, 0, "out of memory");
    int rc[RECONCILE_NOUT] = {recout_claims(out[0].fp, s->set.v, s->set.n),
                              recout_conflicts(out[1].fp, s->rows, s->nrows),
                              recsummary_write(out[2].fp, sum)};
    json_decref(sum);
    for (size_t i = 0; i < RECONCILE_NOUT; i++) {
        if (rc[i] < 0 || fflush(out[i].fp) == EOF || ferror(out[i].fp))
            return error_at(out[i].path, 0, "write failed: %s", strerror(errno));
    }
    return 0;
}

/* All three outputs, or none. */
static int reconcile_write(struct reconcile_state *s, const char *dir)
{
    struct outfile out[RECONCILE_NOUT];

    if (reconcile_open(out, dir) < 0)
        return -1;
    if (reconcile_fill(s, out) < 0) {
        for (size_t i = 0; i < RECONCILE_NOUT; i++)
            outfile_abort(&out[i]);
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < RECONCILE_NOUT; i++) {
        if (rc < 0)
            outfile_abort(&out[i]);
        else if (outfile_commit(&out[i]) < 0)
            rc = -1;
    }
    return rc;
}

static void reconcile_release(struct reconcile_state *s)
{
    for (size_t i = 0; i < s->nrows; i++)
        recrow_release(&s->rows[i]);
    free(s->rows);
    recgroups_release(&s->groups);
    recset_release(&s->set);
    recsummary_release(&s->summary);
    stats_release(&s->st);
}

int reconcile_run(const struct recconf *cfg, const struct reconcile_opts *opts)
{
    struct reconcile_state s = {0};
    int status = STAGE_FATAL;

    if (stats_init(&s.st, "reconcile") < 0 || recset_init(&s.set) < 0 ||
        recsummary_init(&s.summary) < 0) {
        error_at(NULL, 0, "out of memory");
        goto out;
    }
    if (reconcile_read(&s, cfg, opts) < 0 || reconcile_stage_stats(&s, opts) < 0 ||
        reconcile_conflicts(&s, cfg) < 0 || reconcile_write(&s, opts->out_dir) < 0)
        goto out;
    if (stats_write(&s.st, opts->stats) < 0)
        goto out;
    status = s.skipped ? STAGE_SKIPPED : STAGE_OK;
out:
    reconcile_release(&s);
    return status;
}
