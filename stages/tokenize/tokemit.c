#include "tokemit.h"

#include <jansson.h>

#include "hygiene.h"
#include "jsonl.h"

static int tokemit_write(FILE *fp, json_t *rec)
{
    if (!rec)
        return -1;
    int rc = jsonl_write(fp, rec);
    json_decref(rec);
    return rc;
}

static json_t *tokemit_furniture(const struct furniture_span *v, size_t n)
{
    json_t *arr = json_array();

    for (size_t i = 0; arr && i < n; i++) {
        json_t *item =
            json_pack("[I,I,s]", (json_int_t)v[i].start, (json_int_t)v[i].end, v[i].name);
        if (json_array_append_new(arr, item) < 0) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

int tokemit_doc(FILE *fp, const struct tokemit_doc *d)
{
    json_t *furn = tokemit_furniture(d->furniture, d->nfurniture);

    if (!furn)
        return -1;
    return tokemit_write(
        fp, json_pack("{s:s,s:s,s:s,s:s?,s:s?,s:s,s:s,s:s,s:s,s:I,s:I,s:I,s:I,s:I,s:o}", "type",
                      "doc", "doc", d->doc, "path", d->path, "date", d->date, "date_source",
                      d->date_source, "lang", d->lang, "lang_source", d->lang_source, "source",
                      d->source, "url", d->url, "bytes", (json_int_t)d->bytes, "text_start",
                      (json_int_t)d->text_start, "invalid_bytes", (json_int_t)d->invalid_bytes,
                      "nul_bytes", (json_int_t)d->nul_bytes, "sentences", (json_int_t)d->sentences,
                      "furniture", furn));
}

static json_t *tokemit_tokens(const struct toklex_list *t)
{
    json_t *arr = json_array();
    char type[2] = {0, 0};

    for (size_t i = 0; arr && i < t->n; i++) {
        type[0] = t->v[i].type;
        json_t *item =
            json_pack("[I,I,s]", (json_int_t)t->v[i].start, (json_int_t)t->v[i].end, type);
        if (json_array_append_new(arr, item) < 0) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

int tokemit_sentence(FILE *fp, const char *doc, size_t sid, const struct toksent_span *sp,
                     const char *s, const struct toklex_list *tokens, struct buf *scratch)
{
    json_t *bad = json_array(), *toks = tokemit_tokens(tokens);
    json_t *rec = NULL;

    buf_reset(scratch);
    if (bad && toks && hygiene_text(scratch, bad, s, sp->start, sp->end) == 0)
        rec = json_pack("{s:s,s:s,s:I,s:I,s:I,s:I,s:s%,s:O}", "type", "sentence", "doc", doc, "sid",
                        (json_int_t)sid, "para", (json_int_t)sp->para, "start",
                        (json_int_t)sp->start, "end", (json_int_t)sp->end, "text", buf_str(scratch),
                        scratch->len, "tokens", toks);
    if (rec && json_array_size(bad) > 0 && json_object_set(rec, "bad", bad) < 0) {
        json_decref(rec);
        rec = NULL;
    }
    json_decref(bad);
    json_decref(toks);
    return tokemit_write(fp, rec);
}

int tokemit_skip(FILE *fp, const char *doc, const char *path, const char *reason)
{
    return tokemit_write(fp, json_pack("{s:s,s:s,s:s,s:s}", "type", "skip", "doc", doc, "path",
                                       path, "reason", reason));
}
