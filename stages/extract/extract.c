#include "extract.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "jsonl.h"
#include "mention.h"
#include "numtok.h"
#include "outfile.h"
#include "par.h"
#include "parq.h"
#include "scan.h"
#include "scanmemo.h"

/* The lists one sentence is read into, kept from sentence to sentence. */
struct extract_work {
    struct numtok_list toks;
    struct scan_list found;
    struct scanmemo *memo; /* made on first use; NULL: none (memory ran out) */
};

#define EXTRACT_WORK_INIT                                                                          \
    {                                                                                              \
        NUMTOK_LIST_INIT, SCAN_LIST_INIT, NULL                                                     \
    }

static void extract_work_release(struct extract_work *w)
{
    numtok_list_release(&w->toks);
    scan_list_release(&w->found);
    scanmemo_free(w->memo);
    w->memo = NULL;
}

/* What one input file's loop keeps from record to record. */
struct extract_file {
    struct jsonl_reader r;
    struct jscan js;
    const char *line; /* the record just read, len bytes, without its newline */
    size_t len;
    struct buf lang; /* the current document's language */
    struct buf type; /* the record's type */
    struct tokrec_store store;
    struct buf out;            /* a sentence and its mentions, written at once */
    struct extract_work *work; /* the thread's (borrowed) */
};

/* Append the mention records of one sentence to out. Returns their number, or -1. */
static long extract_put(const struct numlex *nl, const struct tokrec *tr, const char *lang,
                        struct extract_work *w, struct buf *out)
{
    struct mention_ctx ctx = {tr, &w->toks, lang};

    numtok_list_reset(&w->toks);
    w->found.n = 0;
    if (!w->memo)
        w->memo = scanmemo_new(); /* NULL: the scan goes on without */
    if (numtok_lex(tr->text, tr->text_len, &w->toks) < 0 ||
        scan_sentence_memo(nl, tr->text, &w->toks, w->memo, &w->found) < 0)
        return -1;
    for (size_t k = 0; k < w->found.n; k++)
        if (mention_put(out, &ctx, &w->found.v[k]) < 0)
            return -1;
    return (long)w->found.n;
}

/* Append each line of text to mentions as a JSON value. Returns 0 or -1. */
static int extract_load_lines(const char *text, json_t *mentions)
{
    const char *p = text, *nl;

    while ((nl = strchr(p, '\n')) != NULL) {
        json_t *rec = json_loadb(p, (size_t)(nl - p), 0, NULL);
        if (!rec || json_array_append_new(mentions, rec) < 0)
            return -1;
        p = nl + 1;
    }
    return 0;
}

int extract_sentence(const struct numlex *nl, const struct tokrec *tr, const char *lang,
                     json_t *mentions, const char *file, size_t line)
{
    struct buf b = BUF_INIT;
    struct extract_work w = EXTRACT_WORK_INIT;
    int rc = -1;

    if (extract_put(nl, tr, lang, &w, &b) >= 0 && extract_load_lines(buf_str(&b), mentions) == 0)
        rc = 0;
    extract_work_release(&w);
    buf_release(&b);
    return rc < 0 ? error_at(file, line, "out of memory") : 0;
}

/* The decoded string member key, or NULL when it is none (or memory ran out). */
static const char *extract_string(const struct jscan *js, const char *key, struct buf *b)
{
    return jscan_string(jscan_get(js, key), b) == 0 ? buf_str(b) : NULL;
}

/*
 * Pass the record just read on as it was written: tokenize writes what
 * jsonl_write() would, so re-dumping it would give the same bytes, and
 * re-dumping a sentence with its token list cost more than everything else
 * extract does.
 */
static int extract_pass(struct buf *b, const struct extract_file *f)
{
    return buf_add(b, f->line, f->len) < 0 ? -1 : buf_addch(b, '\n');
}

static int extract_write(FILE *out, const struct buf *b)
{
    return fwrite(b->data, 1, b->len, out) == b->len ? 0 : error_at(NULL, 0, "write failed");
}

static int extract_doc_record(struct extract_file *f)
{
    const struct jscan_span *lang = jscan_get(&f->js, "lang");

    if (!jscan_is_string(lang)) {
        buf_reset(&f->lang);
        return 0;
    }
    return jscan_string(lang, &f->lang) < 0 ? error_at(f->r.name, f->r.line, "out of memory") : 0;
}

static int extract_sentence_record(const struct numlex_set *set, struct extract_file *f, FILE *out,
                                   struct stats *st)
{
    struct tokrec tr;
    const char *lang = buf_str(&f->lang);

    if (tokrec_scan(&tr, &f->js, &f->store, f->r.name, f->r.line) < 0)
        return 1; /* reported; the line is skipped, not passed on */
    buf_reset(&f->out);
    long n = extract_pass(&f->out, f) < 0
                 ? -1
                 : extract_put(numlex_set_find(set, lang), &tr, lang, f->work, &f->out);
    tokrec_release(&tr);
    if (n < 0)
        return error_at(f->r.name, f->r.line, "out of memory");
    if (extract_write(out, &f->out) < 0)
        return -1;
    st->records_out += 1 + (size_t)n;
    return 0;
}

static int extract_skip_record(struct extract_file *f, struct stats *st)
{
    struct buf doc = BUF_INIT, path = BUF_INIT, reason = BUF_INIT;

    int rc = stats_skip_quiet(st, extract_string(&f->js, "doc", &doc),
                              extract_string(&f->js, "path", &path),
                              extract_string(&f->js, "reason", &reason));
    buf_release(&doc);
    buf_release(&path);
    buf_release(&reason);
    return rc;
}

/* One record: 0 done, 1 skipped (reported), -1 fatal. */
static int extract_record(const struct numlex_set *set, struct extract_file *f, FILE *out,
                          struct stats *st)
{
    const char *type = extract_string(&f->js, "type", &f->type);

    if (!type) {
        error_at(f->r.name, f->r.line, "record has no 'type'");
        return 1;
    }
    if (strcmp(type, "sentence") == 0)
        return extract_sentence_record(set, f, out, st);
    buf_reset(&f->out);
    if (extract_pass(&f->out, f) < 0)
        return error_at(f->r.name, f->r.line, "out of memory");
    if (extract_write(out, &f->out) < 0)
        return -1;
    st->records_out++;
    if (strcmp(type, "doc") == 0) {
        st->documents++;
        return extract_doc_record(f);
    }
    if (strcmp(type, "skip") == 0)
        extract_skip_record(f, st);
    return 0;
}

static void extract_file_release(struct extract_file *f)
{
    jsonl_close(&f->r);
    buf_release(&f->lang);
    buf_release(&f->type);
    buf_release(&f->out);
    tokrec_store_release(&f->store);
}

/* The lines of path in range r (NULL: all of it), with the thread's work buffers and memo. */
static int extract_file(const struct numlex_set *set, const char *path, const struct par_range *r,
                        FILE *out, struct stats *st, struct extract_work *work, size_t *lines)
{
    struct extract_file f = {
        .lang = BUF_INIT,
        .type = BUF_INIT,
        .store = TOKREC_STORE_INIT,
        .out = BUF_INIT,
        .work = work,
    };
    int status = STAGE_OK, rc;

    if ((r ? jsonl_open_range(&f.r, path, r->start, r->end, r->line0) : jsonl_open(&f.r, path)) < 0)
        return STAGE_FATAL;
    while ((rc = jsonl_next_scan(&f.r, &f.js, &f.line, &f.len)) != 0) {
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
        rc = extract_record(set, &f, out, st);
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
        *lines = f.r.line;
    extract_file_release(&f);
    return status;
}

/* Input chunks of about this many bytes are done by the threads in turn (parq.h). */
#define EXTRACT_CHUNK ((off_t)512 * 1024)

struct extract_parts {
    const struct numlex_set *set;
    const char *path;
    struct extract_work work[PAR_MAX]; /* each thread's */
};

static int extract_part(struct parq_part *part, void *ctx)
{
    struct extract_parts *x = ctx;

    return extract_file(x->set, x->path, part->arg, part->out, &part->stats, &x->work[part->worker],
                        &part->lines);
}

/* Run the parts of path in r[0..n) on threads (parq.h). */
static int extract_parts(const struct numlex_set *set, const char *path,
                         const struct extract_args *args, const struct par_range *r, int n,
                         FILE *out, struct stats *st)
{
    struct extract_parts *x = malloc(sizeof(*x));

    if (!x)
        return error_at(NULL, 0, "out of memory"), STAGE_FATAL;
    *x = (struct extract_parts){.set = set, .path = path};
    for (int i = 0; i < PAR_MAX; i++)
        x->work[i] = (struct extract_work)EXTRACT_WORK_INIT;
    struct parq_job job = {.args = r,
                           .size = sizeof(*r),
                           .n = n,
                           .threads = args->threads,
                           .fn = extract_part,
                           .ctx = x,
                           .out = out,
                           .name = args->output,
                           .lines_of = path};
    int status = parq_run(&job, st);
    for (int i = 0; i < PAR_MAX; i++)
        extract_work_release(&x->work[i]);
    free(x);
    return status;
}

/* One input: in chunks on threads when it is a file that can be cut, else as a whole. */
static int extract_input(const struct numlex_set *set, const char *path,
                         const struct extract_args *args, FILE *out, struct stats *st)
{
    struct par_range *r;
    int n = par_cut_jsonl(path, args->threads, EXTRACT_CHUNK, &r);

    if (n < 0)
        return STAGE_FATAL;
    if (n > 1) {
        int status = extract_parts(set, path, args, r, n, out, st);
        free(r);
        return status;
    }
    struct extract_work work = EXTRACT_WORK_INIT;
    int status = extract_file(set, path, NULL, out, st, &work, NULL);
    extract_work_release(&work);
    return status;
}

int extract_stream(const struct numlex_set *set, const struct extract_args *args, FILE *out,
                   struct stats *st)
{
    int status = STAGE_OK;

    for (int i = 0; i < args->ninputs; i++) {
        int rc = extract_input(set, args->inputs[i], args, out, st);
        if (rc == STAGE_FATAL)
            return STAGE_FATAL;
        if (rc > status)
            status = rc;
    }
    if (stats_nskipped(st) > 0 && status == STAGE_OK)
        status = STAGE_SKIPPED;
    return status;
}

int extract_run(const struct numlex_set *set, const struct extract_args *args)
{
    struct stats st;
    struct outfile out;

    if (stats_init(&st, "extract") < 0)
        return error_at(NULL, 0, "out of memory"), STAGE_FATAL;
    if (outfile_open(&out, args->output) < 0) {
        stats_release(&st);
        return STAGE_FATAL;
    }
    int status = extract_stream(set, args, out.fp, &st);
    if (status == STAGE_FATAL)
        outfile_abort(&out);
    else if (outfile_commit(&out) < 0 || stats_write(&st, args->stats) < 0)
        status = STAGE_FATAL;
    stats_release(&st);
    return status;
}
