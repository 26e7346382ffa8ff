#include "normrun.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "claim.h"
#include "err.h"
#include "grow.h"
#include "jsonl.h"
#include "normmention.h"
#include "normrec.h"
#include "normsent.h"
#include "outfile.h"
#include "par.h"
#include "parq.h"
#include "resolve.h"

/*
 * One document's records, held until it is complete, so that a claim can
 * draw on its paragraph and the document's lead. A very long document is
 * annotated a window of sentences at a time (normconf.window_sentences) so
 * that memory stays bounded; each window sees the lead again, which is
 * where the document's main place comes from. Sentences are kept in
 * struct normsent slots that are reused, document after document.
 */
struct normrun_doc {
    bool has_doc;                              /* a doc record was read for the document */
    struct buf doc_lang, doc_date, doc_source; /* its string fields ("" for any other) */
    struct normrec *recs;                      /* the current window's numbers */
    size_t nrecs, caprecs;
    struct normpool strs;   /* their strings */
    struct normsent **sent; /* the lead, then the current window */
    size_t nsent, capsent;
    size_t nlead;           /* sentences of the first paragraph (in_lead), the first of sent */
    bool lead_done;         /* a later paragraph has begun */
    struct normsent **pool; /* free slots */
    size_t npool, cappool;
    struct claim_rawsent *raw; /* scratch: the fields of sent, for claim_annotate_raw */
    size_t capraw;
    struct buf type;                 /* scratch: a record's type */
    struct buf line;                 /* scratch: a record written */
    struct normmention mention;      /* scratch: the mention being read */
    struct jscan_triple_sink tokens; /* a sentence's tokens, read as its record is scanned */
};

/* The lead is kept only this long: a document of one endless paragraph has no lead to speak of. */
#define NORMRUN_LEAD_MAX 32

static int normrun_doc_init(struct normrun_doc *d)
{
    memset(d, 0, sizeof(*d));
    buf_init(&d->type);
    buf_init(&d->line);
    normmention_init(&d->mention);
    buf_init(&d->doc_lang);
    buf_init(&d->doc_date);
    buf_init(&d->doc_source);
    normpool_init(&d->strs);
    d->tokens.key = "tokens";
    return 0;
}

static void normrun_doc_release(struct normrun_doc *d)
{
    for (size_t i = 0; i < d->nrecs; i++)
        normrec_release(&d->recs[i]);
    free(d->recs);
    normpool_release(&d->strs);
    buf_release(&d->doc_lang);
    buf_release(&d->doc_date);
    buf_release(&d->doc_source);
    for (size_t i = 0; i < d->nsent; i++) {
        normsent_release(d->sent[i]);
        free(d->sent[i]);
    }
    for (size_t i = 0; i < d->npool; i++) {
        normsent_release(d->pool[i]);
        free(d->pool[i]);
    }
    free(d->sent);
    free(d->pool);
    free(d->raw);
    free(d->tokens.t);
    buf_release(&d->type);
    buf_release(&d->line);
    normmention_release(&d->mention);
}

/* A slot for a new sentence: a free one, else a new one. NULL when memory ran out. */
static struct normsent *normrun_slot(struct normrun_doc *d)
{
    struct normsent *ns;

    if (d->npool)
        return d->pool[--d->npool];
    ns = malloc(sizeof(*ns));
    if (ns)
        normsent_init(ns);
    return ns;
}

/* Give the sentences sent[from..] back to the pool (it has room: every slot was in it once). */
static int normrun_unhold(struct normrun_doc *d, size_t from)
{
    if (grow_items(&d->pool, &d->cappool, d->npool + d->nsent - from, sizeof(*d->pool)) < 0)
        return -1;
    for (size_t i = from; i < d->nsent; i++) {
        d->sent[i]->in_lead = false;
        d->pool[d->npool++] = d->sent[i];
    }
    d->nsent = from;
    return 0;
}

static int normrun_hold(struct normrun_doc *d, struct normsent *ns)
{
    if (grow_items(&d->sent, &d->capsent, d->nsent + 1, sizeof(*d->sent)) < 0)
        return -1;
    d->sent[d->nsent++] = ns;
    return 0;
}

/* A number record and its place in the window, for writing in start order. */
struct normrun_key {
    long long start;
    size_t i;
    const struct normrec *rec;
};

/* By start, then as read: the order a stable sort by start gives. */
static int normrun_by_start(const void *a, const void *b)
{
    const struct normrun_key *x = a, *y = b;

    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->i > y->i) - (x->i < y->i);
}

/* Annotate the numbers with the sentences held. */
static int normrun_annotate(const struct normconf *nc, struct normrun_doc *d)
{
    if (d->nsent > d->capraw) {
        struct claim_rawsent *grown = realloc(d->raw, d->nsent * sizeof(*grown));
        if (!grown)
            return error_at(NULL, 0, "out of memory");
        d->raw = grown;
        d->capraw = d->nsent;
    }
    for (size_t i = 0; i < d->nsent; i++)
        normsent_raw(d->sent[i], &d->raw[i]);
    struct claim_docinfo doc = {buf_str(&d->doc_lang), buf_str(&d->doc_date),
                                buf_str(&d->doc_source)};
    if (!d->has_doc) /* claims read the first number as if it were the doc record */
        doc.lang = d->recs[0].lang_string ? d->recs[0].lang.p : "";
    return claim_annotate_raw(nc->claims, &doc, d->raw, d->nsent, d->recs, d->nrecs);
}

/* Write one number record and its newline. Returns 0 or -1 (reported). */
static int normrun_write(FILE *out, const struct normrec *rec, struct buf *line)
{
    buf_reset(line);
    if (normrec_put(line, rec) < 0 || buf_addch(line, '\n') < 0)
        return error_at(NULL, 0, "out of memory");
    if (fwrite(line->data, 1, line->len, out) != line->len)
        return error_at(NULL, 0, "write failed");
    return 0;
}

/* Room for one more number record. Returns 0 or -1. */
static int normrun_room(struct normrun_doc *d)
{
    return grow_items(&d->recs, &d->caprecs, d->nrecs + 1, sizeof(*d->recs));
}

/*
 * Annotate and write the buffered numbers, then empty the buffer (the doc
 * record and the lead stay). The window's sentences follow the lead in
 * sent, except for those of the lead itself, which come first.
 */
static int normrun_flush_window(const struct normconf *nc, struct normrun_doc *d, FILE *out,
                                struct stats *st)
{
    size_t n = d->nrecs;
    struct normrun_key *v = n ? malloc(n * sizeof(*v)) : NULL; /* each is set below */
    int rc = 0;

    if (n && !v)
        return error_at(NULL, 0, "out of memory");
    if (n && normrun_annotate(nc, d) < 0)
        rc = -1;
    for (size_t i = 0; i < n; i++) {
        v[i].rec = &d->recs[i];
        v[i].start = d->recs[i].start;
        v[i].i = i;
    }
    if (n)
        qsort(v, n, sizeof(*v), normrun_by_start);
    for (size_t i = 0; i < n && rc == 0; i++) {
        rc = normrun_write(out, v[i].rec, &d->line);
        st->records_out++;
    }
    free(v);
    for (size_t i = 0; i < n; i++)
        normrec_release(&d->recs[i]);
    d->nrecs = 0;
    normpool_reset(&d->strs);
    if (normrun_unhold(d, d->nlead) < 0)
        return error_at(NULL, 0, "out of memory");
    return rc;
}

/* Annotate and write the rest of the document, then forget it. */
static int normrun_flush(const struct normconf *nc, struct normrun_doc *d, FILE *out,
                         struct stats *st)
{
    int rc = normrun_flush_window(nc, d, out, st);

    d->has_doc = false;
    if (normrun_unhold(d, 0) < 0)
        return error_at(NULL, 0, "out of memory");
    d->nlead = 0;
    d->lead_done = false;
    return rc;
}

/*
 * Keep ns in the lead while the first paragraph lasts. The lead's sentences
 * are the first of sent: in the first window they are the window's first,
 * and after a flush only they remain.
 */
static void normrun_lead(struct normrun_doc *d, struct normsent *ns)
{
    if (d->lead_done)
        return;
    const struct normsent *first = d->nlead ? d->sent[0] : NULL;
    d->lead_done = d->nlead >= NORMRUN_LEAD_MAX || (first && !normsent_same_para(first, ns));
    if (!d->lead_done)
        ns->in_lead = true;
}

/* A sentence record: kept, after flushing a full window; the first paragraph is the lead. */
static int normrun_sentence(const struct normconf *nc, struct normrun_doc *d,
                            const struct jscan *js, FILE *out, struct stats *st)
{
    size_t held = d->nsent - d->nlead;

    if ((double)held >= nc->window_sentences && normrun_flush_window(nc, d, out, st) < 0)
        return -1;
    struct normsent *ns = normrun_slot(d);
    if (!ns || normsent_read_triples(ns, js, &d->tokens) < 0 || normrun_hold(d, ns) < 0) {
        if (ns) {
            normsent_release(ns);
            free(ns);
        }
        return error_at(NULL, 0, "out of memory");
    }
    normrun_lead(d, ns);
    d->nlead += ns->in_lead;
    return 0;
}

static int normrun_mention(const struct normconf *nc, struct normrun_doc *d, const struct jscan *js,
                           const struct jsonl_reader *r)
{
    struct normmention *m = &d->mention;

    if (normmention_read(m, js) < 0)
        return error_at(NULL, 0, "out of memory");
    const char *bad = normmention_bad_field(m);
    if (bad) {
        error_at(r->name, r->line, "field '%s' is missing or not of its type", bad);
        return 1;
    }
    if (normrun_room(d) < 0)
        return error_at(NULL, 0, "out of memory");
    int rc = resolve_mention(nc, m, &d->strs, &d->recs[d->nrecs]);

    if (rc == 2)
        return warn_at(r->name, r->line, "doc '%s': number '%.20s...' is too large for a double",
                       m->str[NORMMENTION_DOC], m->str[NORMMENTION_TEXT]);

    if (rc <= 0)
        return rc;
    d->nrecs++;
    return 0;
}

/*
 * The record's type in *s, *n: in the line when written without escapes,
 * else decoded into d->type. Returns 0, or -1 when it has none (a string).
 */
static int normrun_type(struct normrun_doc *d, const struct jscan *js, const char **s, size_t *n)
{
    const struct jscan_span *v = jscan_get(js, "type");

    if (jscan_plain(v, s, n) == 0)
        return 0;
    buf_reset(&d->type);
    if (jscan_string(v, &d->type) < 0)
        return -1;
    *s = buf_str(&d->type);
    *n = d->type.len;
    return 0;
}

/* Does the type s[0..n) read as name, as strcmp() reads it (up to a NUL)? */
static bool normrun_type_is(const char *s, size_t n, const char *name, size_t len)
{
    return n >= len && memcmp(s, name, len) == 0 && (n == len || s[len] == '\0');
}

/* The record as jansson values (a new reference), or NULL when memory ran out (reported). */
static json_t *normrun_build(const char *line, size_t len)
{
    json_t *rec = json_loadb(line, len, JSON_REJECT_DUPLICATES, NULL);

    if (!rec)
        error_at(NULL, 0, "out of memory");
    return rec;
}

static int normrun_skip(struct stats *st, const char *line, size_t len)
{
    json_t *rec = normrun_build(line, len);

    if (!rec)
        return -1;
    int rc = stats_skip_quiet(st, json_string_value(json_object_get(rec, "doc")),
                              json_string_value(json_object_get(rec, "path")),
                              json_string_value(json_object_get(rec, "reason")));
    json_decref(rec);
    return rc;
}

/* Field key of the doc record into out when it is a string, else "". Returns 0 or -1. */
static int normrun_doc_field(const struct jscan *js, const char *key, struct buf *out)
{
    const struct jscan_span *v = jscan_get(js, key);

    buf_reset(out);
    if (jscan_is_string(v) && jscan_string(v, out) < 0)
        return -1;
    return buf_add(out, "", 0); /* terminated even when new and "" */
}

static int normrun_doc_record(const struct normconf *nc, struct normrun_doc *d, FILE *out,
                              struct stats *st, const struct jscan *js)
{
    if (normrun_flush(nc, d, out, st) < 0)
        return -1;
    st->documents++;
    d->has_doc = true;
    if (normrun_doc_field(js, "lang", &d->doc_lang) < 0 ||
        normrun_doc_field(js, "date", &d->doc_date) < 0 ||
        normrun_doc_field(js, "source", &d->doc_source) < 0)
        return error_at(NULL, 0, "out of memory");
    return 0;
}

/* One record: 0 done, 1 skipped (reported), -1 fatal. */
static int normrun_record(const struct normconf *nc, struct normrun_doc *d, const struct jscan *js,
                          FILE *out, struct jsonl_reader *r, struct stats *st, const char *line,
                          size_t len)
{
    const char *type;
    size_t n;

    if (normrun_type(d, js, &type, &n) < 0) {
        error_at(r->name, r->line, "record has no 'type'");
        return 1;
    }
    if (normrun_type_is(type, n, "doc", 3))
        return normrun_doc_record(nc, d, out, st, js);
    if (normrun_type_is(type, n, "sentence", 8))
        return normrun_sentence(nc, d, js, out, st);
    if (normrun_type_is(type, n, "mention", 7))
        return normrun_mention(nc, d, js, r);
    if (normrun_type_is(type, n, "skip", 4))
        return normrun_skip(st, line, len);
    error_at(r->name, r->line, "unknown record type '%.*s'", (int)n, type);
    return 1;
}

/* The lines of path in range r (NULL: all of it). */
static int normrun_file(const struct normconf *nc, struct normrun_doc *d, const char *path,
                        const struct par_range *range, FILE *out, struct stats *st, size_t *lines)
{
    struct jsonl_reader r;
    struct jscan js;
    int status = STAGE_OK, rc;
    const char *line;
    size_t len;

    if ((range ? jsonl_open_range(&r, path, range->start, range->end, range->line0)
               : jsonl_open(&r, path)) < 0)
        return STAGE_FATAL;
    while ((rc = jsonl_next_scan_triples(&r, &js, &d->tokens, &line, &len)) != 0) {
        if (rc == -2) {
            status = STAGE_FATAL;
            break;
        }
        st->records_in++;
        if (rc == -1) {
            st->warnings++;
            status = STAGE_SKIPPED;
            continue;
        }
        rc = normrun_record(nc, d, &js, out, &r, st, line, len);
        if (rc < 0) {
            status = STAGE_FATAL;
            break;
        }
        if (rc > 0) {
            st->warnings++;
            status = STAGE_SKIPPED;
        }
    }
    if (lines)
        *lines = r.line;
    jsonl_close(&r);
    return status;
}

/* The inputs (or the part range of the only one), with one document buffer throughout. */
static int normrun_files(const struct normconf *nc, char *const *inputs, int ninputs,
                         const struct par_range *range, FILE *out, struct stats *st)
{
    struct normrun_doc d;
    int status = STAGE_OK;

    if (normrun_doc_init(&d) < 0) {
        normrun_doc_release(&d);
        return error_at(NULL, 0, "out of memory"), STAGE_FATAL;
    }
    for (int i = 0; i < ninputs && status != STAGE_FATAL; i++) {
        int rc = normrun_file(nc, &d, inputs[i], range, out, st, NULL);
        if (rc > status)
            status = rc;
    }
    if (status != STAGE_FATAL && normrun_flush(nc, &d, out, st) < 0)
        status = STAGE_FATAL;
    normrun_doc_release(&d);
    return status;
}

/* Input chunks of about this many bytes are done by the threads in turn (parq.h). */
#define NORMRUN_CHUNK ((off_t)1024 * 1024)

/* What a thread keeps from part to part: its config (caches are not shared), its document. */
struct normrun_worker {
    const struct normconf *nc; /* NULL until its first part */
    struct normconf *spare;    /* taken from args->spare (worker 1) */
    struct normconf own;
    bool owned, doc_ready;
    struct normrun_doc doc;
};

struct normrun_parts {
    const struct normconf *nc; /* the caller's, worker 0's; NULL: it loads its own */
    const struct normrun_args *args;
    struct normrun_worker w[PAR_MAX];
};

/* Worker id's config: the caller's, the spare, or one loaded now; NULL when none loads. */
static const struct normconf *normrun_worker_conf(struct normrun_parts *x, int id)
{
    struct normrun_worker *w = &x->w[id];

    if (w->nc)
        return w->nc;
    if (id == 0 && x->nc)
        return w->nc = x->nc;
    if (id == 1 && x->args->spare && (w->spare = normconf_spare_take(x->args->spare)))
        return w->nc = w->spare;
    if (normconf_load(&w->own, x->args->config_dir) < 0)
        return NULL;
    w->owned = true;
    return w->nc = &w->own;
}

static int normrun_part(struct parq_part *part, void *ctx)
{
    struct normrun_parts *x = ctx;
    struct normrun_worker *w = &x->w[part->worker];
    const struct normconf *nc = normrun_worker_conf(x, part->worker);

    if (!nc)
        return STAGE_FATAL;
    if (!w->doc_ready) {
        if (normrun_doc_init(&w->doc) < 0) {
            normrun_doc_release(&w->doc);
            return error_at(NULL, 0, "out of memory"), STAGE_FATAL;
        }
        w->doc_ready = true;
    }
    int status = normrun_file(nc, &w->doc, x->args->inputs[0], part->arg, part->out, &part->stats,
                              &part->lines);
    if (status != STAGE_FATAL && normrun_flush(nc, &w->doc, part->out, &part->stats) < 0)
        status = STAGE_FATAL;
    return status;
}

static void normrun_workers_release(struct normrun_parts *x)
{
    for (int i = 0; i < PAR_MAX; i++) {
        if (x->w[i].doc_ready)
            normrun_doc_release(&x->w[i].doc);
        if (x->w[i].spare)
            normconf_release(x->w[i].spare);
        if (x->w[i].owned)
            normconf_release(&x->w[i].own);
    }
}

/* The parts r[0..n) of the only input on threads (parq.h). */
static int normrun_parts_run(const struct normconf *nc, const struct normrun_args *args,
                             const struct par_range *r, int n, FILE *out, struct stats *st)
{
    struct normrun_parts *x = calloc(1, sizeof(*x));

    if (!x)
        return error_at(NULL, 0, "out of memory"), STAGE_FATAL;
    x->nc = nc;
    x->args = args;
    struct parq_job job = {.args = r,
                           .size = sizeof(*r),
                           .n = n,
                           .threads = args->threads,
                           .fn = normrun_part,
                           .ctx = x,
                           .out = out,
                           .name = args->output,
                           .lines_of = args->inputs[0]};
    int status = parq_run(&job, st);
    normrun_workers_release(x);
    free(x);
    return status;
}

/* The inputs whole, with a config loaded now (the caller has none). */
static int normrun_own_conf(const struct normrun_args *args, FILE *out, struct stats *st)
{
    struct normconf own;

    if (normconf_load(&own, args->config_dir) < 0)
        return STAGE_FATAL;
    int status = normrun_files(&own, args->inputs, args->ninputs, NULL, out, st);
    normconf_release(&own);
    return status;
}

/*
 * A document may go on from one input file into the next, so only a single
 * input is read in parts, each beginning at a doc record.
 */
int normrun_stream(const struct normconf *nc, const struct normrun_args *args, FILE *out,
                   struct stats *st)
{
    struct par_range *r = NULL;
    int status, n = 1;

    if (args->ninputs == 1 && args->threads > 1 && args->config_dir)
        n = par_cut_jsonl(args->inputs[0], args->threads, NORMRUN_CHUNK, &r);
    if (n < 0)
        return STAGE_FATAL;
    if (n > 1)
        status = normrun_parts_run(nc, args, r, n, out, st);
    else if (nc)
        status = normrun_files(nc, args->inputs, args->ninputs, NULL, out, st);
    else
        status = normrun_own_conf(args, out, st);
    free(r);
    if (status == STAGE_OK && stats_nskipped(st) > 0)
        status = STAGE_SKIPPED;
    return status;
}

int normrun_run(const struct normconf *nc, const struct normrun_args *args)
{
    struct stats st;
    struct outfile out;

    if (stats_init(&st, "normalize") < 0)
        return error_at(NULL, 0, "out of memory"), STAGE_FATAL;
    if (outfile_open(&out, args->output) < 0) {
        stats_release(&st);
        return STAGE_FATAL;
    }
    int status = normrun_stream(nc, args, out.fp, &st);
    if (status == STAGE_FATAL)
        outfile_abort(&out);
    else if (outfile_commit(&out) < 0 || stats_write(&st, args->stats) < 0)
        status = STAGE_FATAL;
    stats_release(&st);
    return status;
}
