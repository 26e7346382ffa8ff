#include "run.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "err.h"
#include "manifest.h"
#include "outfile.h"
#include "par.h"
#include "parq.h"
#include "stats.h"
#include "tokdoc.h"
#include "tokwalk.h"

struct tokenize_input {
    struct tokwalk walk;
    struct manifest manifest; /* empty when the input has none */
    bool has_manifest;
};

static int tokenize_input_open(struct tokenize_input *in, const struct tokconf *tc, const char *arg,
                               const struct tokenize_args *args)
{
    struct stat st;
    char *mpath = NULL;
    int rc;

    tokwalk_init(&in->walk);
    manifest_init(&in->manifest);
    in->has_manifest = false;
    bool dir = strcmp(arg, "-") != 0 && stat(arg, &st) == 0 && S_ISDIR(st.st_mode);
    rc = dir ? tokwalk_dir(&in->walk, arg) : tokwalk_file(&in->walk, arg, args->stdin_name);
    if (rc < 0)
        return error_at(arg, 0, "out of memory");
    if (args->shard)
        shard_filter(args->shard, &in->walk);
    if (args->manifest || !dir)
        return 0;
    mpath = config_path(arg, "manifest.csv");
    if (!mpath)
        return error_at(arg, 0, "out of memory");
    if (access(mpath, F_OK) == 0) {
        in->has_manifest = true;
        rc = manifest_load(&in->manifest, mpath, tc);
        if (rc == 0 && args->shard)
            shard_claim_rows(args->shard, &in->manifest);
    }
    free(mpath);
    return rc;
}

static void tokenize_input_release(struct tokenize_input *in)
{
    tokwalk_release(&in->walk);
    manifest_release(&in->manifest);
}

struct tokenize_state {
    const struct tokconf *tc;
    const struct tokenize_args *args;
    struct tokenize_input *inputs;
    struct manifest manifest; /* from -m */
    bool has_manifest;
    struct stats stats;
};

static int tokenize_open_all(struct tokenize_state *st)
{
    const struct tokenize_args *a = st->args;

    if (a->manifest) {
        if (manifest_load(&st->manifest, a->manifest, st->tc) < 0)
            return -1;
        if (a->shard)
            shard_claim_rows(a->shard, &st->manifest);
        st->has_manifest = true;
    }
    st->inputs = calloc((size_t)a->ninputs, sizeof(*st->inputs));
    if (!st->inputs)
        return error_at(NULL, 0, "out of memory");
    for (int i = 0; i < a->ninputs; i++)
        if (tokenize_input_open(&st->inputs[i], st->tc, a->inputs[i], a) < 0)
            return -1;
    return 0;
}

static void tokenize_close_all(struct tokenize_state *st)
{
    for (int i = 0; st->inputs && i < st->args->ninputs; i++)
        tokenize_input_release(&st->inputs[i]);
    free(st->inputs);
    manifest_release(&st->manifest);
    stats_release(&st->stats);
}

static struct manifest *tokenize_manifest_for(struct tokenize_state *st, int i)
{
    if (st->has_manifest)
        return &st->manifest;
    return st->inputs[i].has_manifest ? &st->inputs[i].manifest : NULL;
}

/* Documents of about this many bytes make one part for the threads (parq.h). */
#define TOKENIZE_CHUNK ((off_t)256 * 1024)
/* What a document not sized by the walk counts for. */
#define TOKENIZE_GUESS ((off_t)4096)

/* A run of consecutive documents of one input. */
struct tokenize_part {
    const struct tokwalk_entry *v;
    const struct manifest_row *const *rows; /* v[k]'s manifest row, or NULL */
    bool *done;                             /* set: v[k] was read (its row is in use) */
    size_t n;
};

/* The documents of p with d. Returns 0, or -1 when the output failed (reported). */
static int tokenize_docs(struct tokdoc *d, const struct tokenize_part *p)
{
    int rc = 0;

    for (size_t k = 0; rc == 0 && k < p->n; k++) {
        rc = tokdoc_process(d, &p->v[k], p->rows[k]);
        p->done[k] = rc == 0;
        if (rc > 0)
            rc = 0;
    }
    return rc;
}

struct tokenize_parts {
    const struct tokconf *tc;
    const char *outname;
    struct tokdoc doc[PAR_MAX]; /* each thread's, made on its first part */
    bool ready[PAR_MAX];
};

static int tokenize_part(struct parq_part *part, void *ctx)
{
    struct tokenize_parts *x = ctx;
    struct tokdoc *d = &x->doc[part->worker];

    if (!x->ready[part->worker]) {
        if (tokdoc_init(d, x->tc, part->out, x->outname, &part->stats) < 0) {
            tokdoc_release(d);
            return STAGE_FATAL;
        }
        x->ready[part->worker] = true;
    }
    d->out = part->out;
    d->stats = &part->stats;
    if (tokenize_docs(d, part->arg) < 0)
        return STAGE_FATAL;
    return stats_nskipped(&part->stats) > 0 ? STAGE_SKIPPED : STAGE_OK;
}

/* Cut n documents into runs of about TOKENIZE_CHUNK bytes, into p (n entries). Returns how many. */
static size_t tokenize_cut(struct tokenize_part *p, const struct tokwalk_entry *v,
                           const struct manifest_row *const *rows, bool *done, size_t n)
{
    size_t nparts = 0, from = 0;
    off_t bytes = 0;

    for (size_t k = 0; k < n; k++) {
        bytes += v[k].stated ? v[k].size : TOKENIZE_GUESS;
        if (bytes >= TOKENIZE_CHUNK || k + 1 == n) {
            p[nparts++] = (struct tokenize_part){v + from, rows + from, done + from, k + 1 - from};
            from = k + 1;
            bytes = 0;
        }
    }
    return nparts;
}

/* The parts p[0..nparts) on threads (parq.h). */
static int tokenize_parts_run(struct tokenize_state *st, FILE *out, const struct tokenize_part *p,
                              size_t nparts)
{
    struct tokenize_parts *x = calloc(1, sizeof(*x));

    if (!x)
        return error_at(NULL, 0, "out of memory"), STAGE_FATAL;
    x->tc = st->tc;
    x->outname = st->args->output;
    struct parq_job job = {.args = p,
                           .size = sizeof(*p),
                           .n = (int)nparts,
                           .threads = st->args->threads,
                           .fn = tokenize_part,
                           .ctx = x,
                           .out = out,
                           .name = st->args->output};
    int status = parq_run(&job, &st->stats);
    for (int i = 0; i < PAR_MAX; i++)
        if (x->ready[i])
            tokdoc_release(&x->doc[i]);
    free(x);
    return status;
}

/* The documents of p on this thread, straight to out. */
static int tokenize_one_part(struct tokenize_state *st, FILE *out, const struct tokenize_part *p)
{
    struct tokdoc d;
    int rc = tokdoc_init(&d, st->tc, out, st->args->output, &st->stats);

    if (rc == 0)
        rc = tokenize_docs(&d, p);
    tokdoc_release(&d);
    if (rc < 0)
        return STAGE_FATAL;
    return stats_nskipped(&st->stats) > 0 ? STAGE_SKIPPED : STAGE_OK;
}

/* The documents of one input, in parts on threads; rows used are marked after. */
static int tokenize_input_docs(struct tokenize_state *st, FILE *out, struct tokwalk *walk,
                               struct manifest *m)
{
    size_t n = walk->n ? walk->n : 1;
    struct manifest_row **rows = calloc(n, sizeof(*rows));
    bool *done = calloc(n, sizeof(*done));
    struct tokenize_part *p = calloc(n, sizeof(*p));
    int status = STAGE_FATAL;

    if (!rows || !done || !p) {
        error_at(NULL, 0, "out of memory");
        goto out;
    }
    for (size_t k = 0; m && k < walk->n; k++)
        rows[k] = manifest_lookup(m, walk->v[k].doc);
    size_t nparts =
        tokenize_cut(p, walk->v, (const struct manifest_row *const *)rows, done, walk->n);
    if (st->args->threads > 1 && nparts > 1)
        status = tokenize_parts_run(st, out, p, nparts);
    else {
        struct tokenize_part all = {walk->v, (const struct manifest_row *const *)rows, done,
                                    walk->n};
        status = tokenize_one_part(st, out, &all);
    }
    for (size_t k = 0; k < walk->n; k++)
        if (done[k] && rows[k])
            rows[k]->used = true;
out:
    free(rows);
    free(done);
    free(p);
    return status;
}

static int tokenize_documents(struct tokenize_state *st, FILE *out)
{
    for (int i = 0; i < st->args->ninputs; i++) {
        struct tokenize_input *in = &st->inputs[i];
        if (tokenize_input_docs(st, out, &in->walk, tokenize_manifest_for(st, i)) == STAGE_FATAL)
            return -1;
        if (in->has_manifest)
            st->stats.warnings += manifest_warn_unused(&in->manifest);
    }
    if (st->has_manifest)
        st->stats.warnings += manifest_warn_unused(&st->manifest);
    return 0;
}

static int tokenize_write(struct tokenize_state *st)
{
    struct outfile out;

    if (outfile_open(&out, st->args->output) < 0)
        return -1;
    if (tokenize_documents(st, out.fp) < 0) {
        outfile_abort(&out);
        return -1;
    }
    return outfile_commit(&out);
}

int tokenize_run(const struct tokconf *tc, const struct tokenize_args *args)
{
    struct tokenize_state st = {.tc = tc, .args = args};
    int status = STAGE_FATAL;

    manifest_init(&st.manifest);
    if (stats_init(&st.stats, "tokenize") < 0) {
        error_at(NULL, 0, "out of memory");
        return STAGE_FATAL;
    }
    if (tokenize_open_all(&st) == 0 && tokenize_write(&st) == 0 &&
        stats_write(&st.stats, args->stats) == 0)
        status = stats_nskipped(&st.stats) > 0 ? STAGE_SKIPPED : STAGE_OK;
    tokenize_close_all(&st);
    return status;
}
