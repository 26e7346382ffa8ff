#include "normrun.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "claim.h"
#include "err.h"
#include "jsonl.h"
#include "outfile.h"
#include "resolve.h"

/*
 * One document's records, held until it is complete, so that a claim can
 * draw on its paragraph and the document's lead. A very long document is
 * annotated a window of sentences at a time (normconf.window_sentences) so
 * that memory stays bounded; each window sees the lead again, which is
 * where the document's main place comes from.
 */
struct normrun_doc {
    json_t *doc;       /* owned; NULL before the first doc record */
    json_t *sentences; /* owned array: the lead, then the current window */
    json_t *numbers;   /* owned array: the current window's numbers */
    json_t *lead;      /* owned array: the sentences of the first paragraph */
    bool lead_done;    /* a later paragraph has begun */
};

/* The lead is kept only this long: a document of one endless paragraph has no lead to speak of. */
#define NORMRUN_LEAD_MAX 32

static int normrun_doc_init(struct normrun_doc *d)
{
    d->doc = NULL;
    d->sentences = json_array();
    d->numbers = json_array();
    d->lead = json_array();
    d->lead_done = false;
    return d->sentences && d->numbers && d->lead ? 0 : -1;
}

static void normrun_doc_release(struct normrun_doc *d)
{
    json_decref(d->doc);
    json_decref(d->sentences);
    json_decref(d->numbers);
    json_decref(d->lead);
}

static int normrun_by_start(const void *a, const void *b)
{
    const json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
    json_int_t s = json_integer_value(json_object_get(x, "start"));
    json_int_t t = json_integer_value(json_object_get(y, "start"));
    return (s > t) - (s < t);
}

/* Annotate and write the buffered numbers, then empty the buffer (the doc record stays). */
static int normrun_flush_window(const struct normconf *nc, struct normrun_doc *d, FILE *out,
                                struct stats *st)
{
    size_t n = json_array_size(d->numbers);
    json_t **v = n ? calloc(n, sizeof(*v)) : NULL;
    int rc = 0;

    if (n && !v)
        return error_at(NULL, 0, "out of memory");
    if (n && claim_annotate_doc(nc->claims, d->doc ? d->doc : json_object_get(d->numbers, 0),
                                d->sentences, d->numbers) < 0)
        rc = -1;
    for (size_t i = 0; i < n; i++)
        v[i] = json_array_get(d->numbers, i);
    if (n)
        qsort(v, n, sizeof(*v), normrun_by_start);
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (jsonl_write(out, v[i]) < 0)
            rc = error_at(NULL, 0, "write failed");
        st->records_out++;
    }
    free(v);
    json_array_clear(d->numbers);
    if (json_array_clear(d->sentences) < 0 || json_array_extend(d->sentences, d->lead) < 0)
        return error_at(NULL, 0, "out of memory");
    return rc;
}

/* Annotate and write the rest of the document, then forget it. */
static int normrun_flush(const struct normconf *nc, struct normrun_doc *d, FILE *out,
                         struct stats *st)
{
    int rc = normrun_flush_window(nc, d, out, st);

    json_decref(d->doc);
    d->doc = NULL;
    json_array_clear(d->sentences);
    json_array_clear(d->lead);
    d->lead_done = false;
    return rc;
}

/* A sentence record: kept, after flushing a full window; the first paragraph is the lead. */
static int normrun_sentence(const struct normconf *nc, struct normrun_doc *d, json_t *rec,
                            FILE *out, struct stats *st)
{
    size_t held = json_array_size(d->sentences) - json_array_size(d->lead);

    if ((double)held >= nc->window_sentences && normrun_flush_window(nc, d, out, st) < 0)
        return -1;
    if (!d->lead_done) {
        const json_t *first = json_array_get(d->lead, 0);
        d->lead_done =
            json_array_size(d->lead) >= NORMRUN_LEAD_MAX ||
            (first && !json_equal(json_object_get(first, "para"), json_object_get(rec, "para")));
        if (!d->lead_done && json_array_append(d->lead, rec) < 0)
            return error_at(NULL, 0, "out of memory");
    }
    return json_array_append(d->sentences, rec) < 0 ? error_at(NULL, 0, "out of memory") : 0;
}

/* The name of a required field of a mention that is missing or of the wrong type, or NULL. */
static const char *normrun_bad_field(const json_t *rec)
{
    static const char *const ints[] = {"sid", "start", "end"};
    static const char *const strs[] = {"doc", "text", "form"};

    for (size_t k = 0; k < sizeof(ints) / sizeof(*ints); k++) {
        const json_t *v = json_object_get(rec, ints[k]);
        if (!json_is_integer(v) || json_integer_value(v) < 0)
            return ints[k];
    }
    for (size_t k = 0; k < sizeof(strs) / sizeof(*strs); k++)
        if (!json_is_string(json_object_get(rec, strs[k])))
            return strs[k];
    return NULL;
}

static int normrun_mention(const struct normconf *nc, struct normrun_doc *d, const json_t *rec,
                           const struct jsonl_reader *r)
{
    json_t *num;
    const char *bad = normrun_bad_field(rec);

    if (bad) {
        error_at(r->name, r->line, "field '%s' is missing or not of its type", bad);
        return 1;
    }
    int rc = resolve_mention(nc, rec, &num);

    if (rc == 2)
        return warn_at(r->name, r->line, "doc '%s': number '%.20s...' is too large for a double",
                       json_string_value(json_object_get(rec, "doc")),
                       json_string_value(json_object_get(rec, "text")));

    if (rc <= 0)
        return rc;
    return json_array_append_new(d->numbers, num) < 0 ? error_at(NULL, 0, "out of memory") : 0;
}

/* One record: 0 done, 1 skipped (reported), -1 fatal. */
static int normrun_record(const struct normconf *nc, struct normrun_doc *d, json_t *rec, FILE *out,
                          struct jsonl_reader *r, struct stats *st)
{
    const char *type = json_string_value(json_object_get(rec, "type"));

    if (!type) {
        error_at(r->name, r->line, "record has no 'type'");
        return 1;
    }
    if (strcmp(type, "doc") == 0) {
        if (normrun_flush(nc, d, out, st) < 0)
            return -1;
        st->documents++;
        d->doc = json_incref(rec);
        return 0;
    }
    if (strcmp(type, "sentence") == 0)
        return normrun_sentence(nc, d, rec, out, st);
    if (strcmp(type, "mention") == 0)
        return normrun_mention(nc, d, rec, r);
    if (strcmp(type, "skip") == 0)
        return stats_skip_quiet(st, json_string_value(json_object_get(rec, "doc")),
                                json_string_value(json_object_get(rec, "path")),
                                json_string_value(json_object_get(rec, "reason")));
    error_at(r->name, r->line, "unknown record type '%s'", type);
    return 1;
}

static int normrun_file(const struct normconf *nc, struct normrun_doc *d, const char *path,
                        FILE *out, struct stats *st)
{
    struct jsonl_reader r;
    int status = STAGE_OK, rc;
    json_t *rec;

    if (jsonl_open(&r, path) < 0)
        return STAGE_FATAL;
    while ((rc = jsonl_next(&r, &rec)) != 0) {
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
        rc = normrun_record(nc, d, rec, out, &r, st);
        json_decref(rec);
        if (rc < 0) {
            status = STAGE_FATAL;
            break;
        }
        if (rc > 0) {
            st->warnings++;
            status = STAGE_SKIPPED;
        }
    }
    jsonl_close(&r);
    return status;
}

int normrun_stream(const struct normconf *nc, char *const *inputs, int ninputs, FILE *out,
                   struct stats *st)
{
    struct normrun_doc d;
    int status = STAGE_OK;

    if (normrun_doc_init(&d) < 0) {
        normrun_doc_release(&d);
        return error_at(NULL, 0, "out of memory"), STAGE_FATAL;
    }
    for (int i = 0; i < ninputs && status != STAGE_FATAL; i++) {
        int rc = normrun_file(nc, &d, inputs[i], out, st);
        if (rc > status)
            status = rc;
    }
    if (status != STAGE_FATAL && normrun_flush(nc, &d, out, st) < 0)
        status = STAGE_FATAL;
    normrun_doc_release(&d);
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
    int status = normrun_stream(nc, args->inputs, args->ninputs, out.fp, &st);
    if (status == STAGE_FATAL)
        outfile_abort(&out);
    else if (outfile_commit(&out) < 0 || stats_write(&st, args->stats) < 0)
        status = STAGE_FATAL;
    stats_release(&st);
    return status;
}
