#include "tokemit.h"

#include <string.h>

#include <jansson.h>

#include "hygiene.h"
#include "jsonl.h"
#include "tokjson.h"

/*
 * Records are written by hand into room reserved once (tokjson), with the
 * keys in sorted order: building them as jansson values, then a buf call
 * per piece, was most of tokenize's time outside language identification.
 */

/* [offset, length, "type"], at most TOKEMIT_TOKEN_MAX bytes with the comma before it. */
#define TOKEMIT_TOKEN_MAX 56
/* Sentence records are written when this many bytes are pending (fwrite per record was 1%). */
#define TOKEMIT_PENDING_MAX 65536
/* Room for the fixed parts of a record: keys, punctuation and numbers. */
#define TOKEMIT_FIXED_ROOM 256
/* More tokens or spans than this could overflow the room computed for them. */
#define TOKEMIT_MAX_ITEMS (((size_t)-1 / 4) / TOKEMIT_TOKEN_MAX)

static int tokemit_flush(FILE *fp, const struct buf *line)
{
    if (line->len == 0) /* data may be NULL: a document with no sentence */
        return 0;
    return fwrite(line->data, 1, line->len, fp) == line->len ? 0 : -1;
}

/* Close the record in line at p, the room having been reserved. */
static void tokemit_end_at(struct buf *line, char *p)
{
    *p = '\0';
    line->len = (size_t)(p - line->data);
}

/* key (with its comma and colon) and v; inline, so that the key's length is a constant. */
static inline char *tokemit_field_at(char *p, const char *key, size_t v)
{
    return tokjson_size_at(tokjson_lit_at(p, key), v);
}

/* key and the string s, or null when s is NULL and null is allowed; NULL if s is not valid. */
static char *tokemit_str_at(char *p, const char *key, const char *s, bool nullable)
{
    p = tokjson_lit_at(p, key);
    if (!s)
        return nullable ? tokjson_lit_at(p, "null") : NULL;
    return tokjson_string_at(p, s, strlen(s));
}

static size_t tokemit_str_room(const char *s)
{
    return s ? TOKJSON_STRING_ROOM(strlen(s)) : 4;
}

static char *tokemit_furniture_at(char *p, const struct furniture_span *v, size_t n)
{
    *p++ = '[';
    for (size_t i = 0; p && i < n; i++) {
        p = tokjson_lit_at(p, i ? ",[" : "[");
        p = tokjson_size_at(p, v[i].start);
        *p++ = ',';
        p = tokjson_size_at(p, v[i].end);
        *p++ = ',';
        p = tokjson_string_at(p, v[i].name, strlen(v[i].name));
        if (p)
            *p++ = ']';
    }
    if (p)
        *p++ = ']';
    return p;
}

static size_t tokemit_doc_room(const struct tokemit_doc *d)
{
    size_t room = TOKEMIT_FIXED_ROOM;
    const char *strs[] = {d->doc,  d->path,        d->date,   d->date_source,
                          d->lang, d->lang_source, d->source, d->url};

    for (size_t i = 0; i < sizeof(strs) / sizeof(*strs); i++)
        room += tokemit_str_room(strs[i]);
    for (size_t i = 0; i < d->nfurniture; i++)
        room += 2 * TOKJSON_SIZE_ROOM + 8 + tokemit_str_room(d->furniture[i].name);
    return room;
}

/* The doc record at p; NULL when a string is missing or not valid UTF-8. */
static char *tokemit_doc_at(char *p, const struct tokemit_doc *d)
{
    p = tokemit_field_at(p, "{\"bytes\":", d->bytes);
    p = tokemit_str_at(p, ",\"date\":", d->date, true);
    p = p ? tokemit_str_at(p, ",\"date_source\":", d->date_source, true) : NULL;
    p = p ? tokemit_str_at(p, ",\"doc\":", d->doc, false) : NULL;
    p = p ? tokemit_furniture_at(tokjson_lit_at(p, ",\"furniture\":"), d->furniture, d->nfurniture)
          : NULL;
    if (!p)
        return NULL;
    p = tokemit_field_at(p, ",\"invalid_bytes\":", d->invalid_bytes);
    p = tokemit_str_at(p, ",\"lang\":", d->lang, false);
    p = p ? tokemit_str_at(p, ",\"lang_source\":", d->lang_source, false) : NULL;
    if (!p)
        return NULL;
    p = tokemit_field_at(p, ",\"nul_bytes\":", d->nul_bytes);
    p = tokemit_str_at(p, ",\"path\":", d->path, false);
    if (!p)
        return NULL;
    p = tokemit_field_at(p, ",\"sentences\":", d->sentences);
    p = tokemit_str_at(p, ",\"source\":", d->source, false);
    if (!p)
        return NULL;
    p = tokemit_field_at(p, ",\"text_start\":", d->text_start);
    p = tokemit_str_at(tokjson_lit_at(p, ",\"type\":\"doc\""), ",\"url\":", d->url, false);
    return p ? tokjson_lit_at(p, "}\n") : NULL;
}

int tokemit_doc(FILE *fp, const struct tokemit_doc *d)
{
    struct buf line = BUF_INIT;
    int rc = -1;

    if (d->nfurniture > TOKEMIT_MAX_ITEMS || buf_grow(&line, tokemit_doc_room(d)) < 0)
        goto out;
    char *p = tokemit_doc_at(line.data, d);
    if (!p)
        goto out;
    tokemit_end_at(&line, p);
    rc = tokemit_flush(fp, &line);
out:
    buf_release(&line);
    return rc;
}

static char *tokemit_token_at(char *p, const struct toklex *t, size_t base)
{
    *p++ = '[';
    p = tokjson_size_at(p, t->start - base);
    *p++ = ',';
    p = tokjson_size_at(p, t->end - t->start);
    memcpy(p, ",\"?\"]", 5);
    p[2] = t->type;
    return p + 5;
}

static char *tokemit_tokens_at(char *p, const struct toklex_list *t, size_t base)
{
    *p++ = '[';
    for (size_t i = 0; i < t->n; i++) {
        if (i)
            *p++ = ',';
        p = tokemit_token_at(p, &t->v[i], base);
    }
    *p++ = ']';
    return p;
}

/* "bad": the offsets of the bytes hygiene_text() replaced in s[a..b), and a comma. */
static int tokemit_bad(struct buf *line, const char *s, size_t a, size_t b)
{
    int32_t cp;
    bool bad, first = true;

    if (buf_addstr(line, "\"bad\":[") < 0)
        return -1;
    for (size_t i = a; i < b;) {
        size_t len = hygiene_char(s, b, i, &cp, &bad);
        if (bad && ((!first && buf_addch(line, ',') < 0) || jsonl_put_size(line, i) < 0))
            return -1;
        first = first && !bad;
        i += len;
    }
    return buf_addstr(line, "],");
}

void tokemit_bufs_init(struct tokemit_bufs *bufs)
{
    buf_init(&bufs->text);
    buf_init(&bufs->line);
    bufs->clean = false;
    buf_init(&bufs->doc_id);
    buf_init(&bufs->doc_field);
}

void tokemit_bufs_release(struct tokemit_bufs *bufs)
{
    buf_release(&bufs->text);
    buf_release(&bufs->line);
    buf_release(&bufs->doc_id);
    buf_release(&bufs->doc_field);
}

/*
 * Make bufs->doc_field the "doc" field of doc, unless it is already: all
 * of a document's sentences have the same. Returns 0, or -1 when doc is not
 * valid UTF-8 or memory ran out.
 */
static int tokemit_doc_field(struct tokemit_bufs *bufs, const char *doc)
{
    size_t n = strlen(doc);

    if (bufs->doc_field.len > 0 && bufs->doc_id.len == n && memcmp(bufs->doc_id.data, doc, n) == 0)
        return 0;
    buf_reset(&bufs->doc_id);
    buf_reset(&bufs->doc_field);
    if (buf_grow(&bufs->doc_field, TOKJSON_STRING_ROOM(n) + 8) < 0)
        return -1;
    char *p = tokjson_string_at(tokjson_lit_at(bufs->doc_field.data, "\"doc\":"), doc, n);
    if (!p || buf_add(&bufs->doc_id, doc, n) < 0)
        return -1;
    tokemit_end_at(&bufs->doc_field, p);
    return 0;
}

/* The fields from "doc" on at p: room for them reserved; t is valid UTF-8 (hygiene_text()). */
static char *tokemit_sentence_at(char *p, const struct buf *doc_field, size_t sid,
                                 const struct toksent_span *sp, const char *t, size_t tlen,
                                 const struct toklex_list *tokens)
{
    memcpy(p, doc_field->data, doc_field->len);
    p += doc_field->len;
    p = tokemit_field_at(p, ",\"end\":", sp->end);
    p = tokemit_field_at(p, ",\"para\":", sp->para);
    p = tokemit_field_at(p, ",\"sid\":", sid);
    p = tokemit_field_at(p, ",\"start\":", sp->start);
    p = tokjson_valid_string_at(tokjson_lit_at(p, ",\"text\":"), t, tlen);
    p = tokemit_tokens_at(tokjson_lit_at(p, ",\"tokens\":"), tokens, sp->start);
    return tokjson_lit_at(p, ",\"type\":\"sentence\"}\n");
}

/* Append the record to bufs->line, with its newline; bufs->text gets the sentence's text. */
static int tokemit_sentence_line(struct tokemit_bufs *bufs, const char *doc, size_t sid,
                                 const struct toksent_span *sp, const char *s,
                                 const struct toklex_list *tokens)
{
    struct buf *line = &bufs->line, *text = &bufs->text;
    const char *t = s + sp->start;
    size_t tlen = sp->end - sp->start;

    if (tokemit_doc_field(bufs, doc) < 0)
        return -1;
    if (!bufs->clean) {
        buf_reset(text);
        if (hygiene_text(text, NULL, s, sp->start, sp->end) < 0)
            return -1;
        t = text->data;
        tlen = text->len;
    }
    /* each replaced byte became the 3 bytes of U+FFFD; else '{' goes into the room below */
    bool bad = tlen != sp->end - sp->start;
    if (bad && (buf_addch(line, '{') < 0 || tokemit_bad(line, s, sp->start, sp->end) < 0))
        return -1;
    if (tokens->n > TOKEMIT_MAX_ITEMS ||
        buf_grow(line, TOKEMIT_FIXED_ROOM + bufs->doc_field.len + TOKJSON_STRING_ROOM(tlen) +
                           tokens->n * TOKEMIT_TOKEN_MAX) < 0)
        return -1;
    char *p = line->data + line->len;
    if (!bad)
        *p++ = '{';
    p = tokemit_sentence_at(p, &bufs->doc_field, sid, sp, t, tlen, tokens);
    if (!p)
        return -1;
    tokemit_end_at(line, p);
    return 0;
}

int tokemit_sentence(FILE *fp, const char *doc, size_t sid, const struct toksent_span *sp,
                     const char *s, const struct toklex_list *tokens, struct tokemit_bufs *bufs)
{
    if (tokemit_sentence_line(bufs, doc, sid, sp, s, tokens) < 0)
        return -1;
    return bufs->line.len >= TOKEMIT_PENDING_MAX ? tokemit_sentences_flush(fp, bufs) : 0;
}

int tokemit_sentences_flush(FILE *fp, struct tokemit_bufs *bufs)
{
    int rc = tokemit_flush(fp, &bufs->line);

    buf_reset(&bufs->line);
    return rc;
}

static int tokemit_write(FILE *fp, json_t *rec)
{
    if (!rec)
        return -1;
    int rc = jsonl_write(fp, rec);
    json_decref(rec);
    return rc;
}

int tokemit_skip(FILE *fp, const char *doc, const char *path, const char *reason)
{
    return tokemit_write(fp, json_pack("{s:s,s:s,s:s,s:s}", "type", "skip", "doc", doc, "path",
                                       path, "reason", reason));
}
