#include "tokemit.h"

#include <string.h>

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

/*
 * Sentence records are most of the output, and building each token as a
 * jansson array cost half of tokenize's time; they are written by hand
 * (common/jsonl's jsonl_put_*), with the keys in sorted order.
 */
/* [offset, length, "type"], at most TOKEMIT_TOKEN_MAX bytes with the comma before it. */
#define TOKEMIT_TOKEN_MAX 56

static char *tokemit_token(char *p, const struct toklex *t, size_t base)
{
    *p++ = '[';
    p = jsonl_size_at(p, t->start - base);
    *p++ = ',';
    p = jsonl_size_at(p, t->end - t->start);
    memcpy(p, ",\"?\"]", 5);
    p[2] = t->type;
    return p + 5;
}

/* The tokens straight into room reserved once: a buf call per byte was a tenth of the time. */
static int tokemit_tokens(struct buf *line, const struct toklex_list *t, size_t base)
{
    if (jsonl_put_key(line, "tokens") < 0 || t->n > ((size_t)-1 / 2) / TOKEMIT_TOKEN_MAX ||
        buf_grow(line, t->n * TOKEMIT_TOKEN_MAX + 2) < 0)
        return -1;
    char *p = line->data + line->len;
    *p++ = '[';
    for (size_t i = 0; i < t->n; i++) {
        if (i)
            *p++ = ',';
        p = tokemit_token(p, &t->v[i], base);
    }
    *p++ = ']';
    *p = '\0';
    line->len = (size_t)(p - line->data);
    return 0;
}

/* "bad": the offsets of the bytes hygiene_text() replaced in s[a..b). */
static int tokemit_bad(struct buf *line, const char *s, size_t a, size_t b)
{
    int32_t cp;
    bool bad, first = true;

    if (jsonl_put_key(line, "bad") < 0 || buf_addch(line, '[') < 0)
        return -1;
    for (size_t i = a; i < b;) {
        size_t len = hygiene_char(s, b, i, &cp, &bad);
        if (bad && ((!first && buf_addch(line, ',') < 0) || jsonl_put_size(line, i) < 0))
            return -1;
        first = first && !bad;
        i += len;
    }
    return buf_addch(line, ']');
}

static int tokemit_field(struct buf *line, const char *key, size_t v)
{
    return jsonl_put_key(line, key) < 0 ? -1 : jsonl_put_size(line, v);
}

/* The record into line, without its newline; text gets the sentence's text. */
static int tokemit_sentence_line(struct buf *line, struct buf *text, bool clean, const char *doc,
                                 size_t sid, const struct toksent_span *sp, const char *s,
                                 const struct toklex_list *tokens)
{
    const char *t = s + sp->start;
    size_t tlen = sp->end - sp->start;

    buf_reset(line);
    if (!clean) {
        buf_reset(text);
        if (hygiene_text(text, NULL, s, sp->start, sp->end) < 0)
            return -1;
        t = text->data;
        tlen = text->len;
    }
    if (buf_addch(line, '{') < 0)
        return -1;
    /* each replaced byte became the 3 bytes of U+FFFD */
    if (tlen != sp->end - sp->start && tokemit_bad(line, s, sp->start, sp->end) < 0)
        return -1;
    if (jsonl_put_key(line, "doc") < 0 || jsonl_put_string(line, doc, strlen(doc)) < 0 ||
        tokemit_field(line, "end", sp->end) < 0 || tokemit_field(line, "para", sp->para) < 0 ||
        tokemit_field(line, "sid", sid) < 0 || tokemit_field(line, "start", sp->start) < 0 ||
        jsonl_put_key(line, "text") < 0 || jsonl_put_string(line, t, tlen) < 0 ||
        tokemit_tokens(line, tokens, sp->start) < 0)
        return -1;
    return buf_addstr(line, ",\"type\":\"sentence\"}\n");
}

int tokemit_sentence(FILE *fp, const char *doc, size_t sid, const struct toksent_span *sp,
                     const char *s, const struct toklex_list *tokens, struct tokemit_bufs *bufs)
{
    if (tokemit_sentence_line(&bufs->line, &bufs->text, bufs->clean, doc, sid, sp, s, tokens) < 0)
        return -1;
    return fwrite(bufs->line.data, 1, bufs->line.len, fp) == bufs->line.len ? 0 : -1;
}

int tokemit_skip(FILE *fp, const char *doc, const char *path, const char *reason)
{
    return tokemit_write(fp, json_pack("{s:s,s:s,s:s,s:s}", "type", "skip", "doc", doc, "path",
                                       path, "reason", reason));
}
