#include "extract.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "jsonl.h"
#include "numtok.h"
#include "outfile.h"
#include "scan.h"

struct extract_doc {
    char *lang; /* owned; the current document's language */
};

static json_t *extract_text(const struct tokrec *tr, const struct numtok_list *toks,
                            struct scan_span sp)
{
    if (sp.to <= sp.from)
        return NULL;
    size_t a = toks->v[sp.from].start, b = toks->v[sp.to - 1].end;
    return json_stringn(tr->text + a, b - a);
}

static int extract_set_span(json_t *rec, const char *key, const struct tokrec *tr,
                            const struct numtok_list *toks, struct scan_span sp)
{
    if (sp.to <= sp.from)
        return 0;
    json_t *s = extract_text(tr, toks, sp);
    return s ? json_object_set_new(rec, key, s) : -1;
}

static json_t *extract_mention(const struct tokrec *tr, const struct numtok_list *toks,
                               const struct scan_mention *m, const char *lang)
{
    size_t a = toks->v[m->from].start, b = toks->v[m->to - 1].end;
    json_t *rec =
        json_pack("{s:s, s:s, s:I, s:I, s:I, s:s%, s:s, s:s}", "type", "mention", "doc", tr->doc,
                  "sid", (json_int_t)tr->sid, "start", (json_int_t)tokrec_offset(tr, a), "end",
                  (json_int_t)tokrec_offset(tr, b), "text", tr->text + a, b - a, "form", m->form,
                  "lang", lang);
    if (!rec)
        return NULL;
    int rc = extract_set_span(rec, "num", tr, toks, m->num) |
             extract_set_span(rec, "hi", tr, toks, m->hi) |
             extract_set_span(rec, "den", tr, toks, m->den) |
             extract_set_span(rec, "qual", tr, toks, m->qual) |
             extract_set_span(rec, "post_qual", tr, toks, m->postq) |
             extract_set_span(rec, "unit", tr, toks, m->unit) |
             extract_set_span(rec, "prefix", tr, toks, m->prefix) |
             extract_set_span(rec, "suffix", tr, toks, m->suffix);
    if (m->hint)
        rc |= json_object_set_new(rec, "hint", json_string(m->hint));
    if (m->share)
        rc |= json_object_set_new(rec, "share", json_true());
    if (rc != 0) {
        json_decref(rec);
        return NULL;
    }
    return rec;
}

int extract_sentence(const struct numlex *nl, const struct tokrec *tr, const char *lang,
                     json_t *mentions, const char *file, size_t line)
{
    struct numtok_list toks = NUMTOK_LIST_INIT;
    struct scan_list found = SCAN_LIST_INIT;
    int rc = -1;

    if (numtok_lex(tr->text, tr->text_len, &toks) < 0 ||
        scan_sentence(nl, tr->text, &toks, &found) < 0)
        goto out;
    for (size_t k = 0; k < found.n; k++) {
        json_t *rec = extract_mention(tr, &toks, &found.v[k], lang);
        if (!rec || json_array_append_new(mentions, rec) < 0)
            goto out;
    }
    rc = 0;
out:
    if (rc < 0)
        error_at(file, line, "out of memory");
    scan_list_release(&found);
    numtok_list_release(&toks);
    return rc;
}

/*
 * Pass the record just read on as it was written: re-dumping a sentence with
 * its token list cost more than everything else extract does.
 */
static int extract_pass(FILE *out, const struct jsonl_reader *r)
{
    size_t len = strlen(r->buf);

    return fwrite(r->buf, 1, len, out) == len ? 0 : -1;
}

static int extract_doc_record(struct extract_doc *d, const json_t *rec)
{
    const char *lang = json_string_value(json_object_get(rec, "lang"));
    char *copy = strdup(lang ? lang : "");

    if (!copy)
        return -1;
    free(d->lang);
    d->lang = copy;
    return 0;
}

static int extract_sentence_record(const struct numlex_set *set, const struct extract_doc *d,
                                   const json_t *rec, FILE *out, struct jsonl_reader *r,
                                   struct stats *st)
{
    struct tokrec tr;
    const char *lang = d->lang ? d->lang : "";
    json_t *mentions = json_array();
    int rc = -1;

    if (!mentions)
        return error_at(r->name, r->line, "out of memory");
    if (tokrec_parse(&tr, rec, r->name, r->line) < 0) {
        json_decref(mentions);
        return 1; /* reported; the line is skipped, not passed on */
    }
    if (extract_pass(out, r) < 0) {
        error_at(NULL, 0, "write failed");
        goto out;
    }
    st->records_out++;
    if (extract_sentence(numlex_set_find(set, lang), &tr, lang, mentions, r->name, r->line) < 0)
        goto out;
    for (size_t i = 0; i < json_array_size(mentions); i++) {
        if (jsonl_write(out, json_array_get(mentions, i)) < 0) {
            error_at(NULL, 0, "write failed");
            goto out;
        }
        st->records_out++;
    }
    rc = 0;
out:
    tokrec_release(&tr);
    json_decref(mentions);
    return rc;
}

/* One record: 0 done, 1 skipped (reported), -1 fatal. */
static int extract_record(const struct numlex_set *set, struct extract_doc *d, const json_t *rec,
                          FILE *out, struct jsonl_reader *r, struct stats *st)
{
    const char *type = json_string_value(json_object_get(rec, "type"));

    if (!type) {
        error_at(r->name, r->line, "record has no 'type'");
        return 1;
    }
    if (strcmp(type, "sentence") == 0)
        return extract_sentence_record(set, d, rec, out, r, st);
    if (extract_pass(out, r) < 0)
        return error_at(NULL, 0, "write failed");
    st->records_out++;
    if (strcmp(type, "doc") == 0) {
        st->documents++;
        return extract_doc_record(d, rec) < 0 ? error_at(r->name, r->line, "out of memory") : 0;
    }
    if (strcmp(type, "skip") == 0) {
        stats_skip_quiet(st, json_string_value(json_object_get(rec, "doc")),
                         json_string_value(json_object_get(rec, "path")),
                         json_string_value(json_object_get(rec, "reason")));
        return 0;
    }
    return 0;
}

static int extract_file(const struct numlex_set *set, const char *path, FILE *out, struct stats *st)
{
    struct jsonl_reader r;
    struct extract_doc d = {NULL};
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
        rc = extract_record(set, &d, rec, out, &r, st);
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
    free(d.lang);
    return status;
}

int extract_stream(const struct numlex_set *set, char *const *inputs, int ninputs, FILE *out,
                   struct stats *st)
{
    int status = STAGE_OK;

    for (int i = 0; i < ninputs; i++) {
        int rc = extract_file(set, inputs[i], out, st);
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
    int status = extract_stream(set, args->inputs, args->ninputs, out.fp, &st);
    if (status == STAGE_FATAL)
        outfile_abort(&out);
    else if (outfile_commit(&out) < 0 || stats_write(&st, args->stats) < 0)
        status = STAGE_FATAL;
    stats_release(&st);
    return status;
}
