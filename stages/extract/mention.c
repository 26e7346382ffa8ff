#include "mention.h"

#include <string.h>

#include "jsonl.h"

/*
 * Append s as it is: a key with its quotes, colon and the comma or brace
 * before it (",\"doc\":"), spelt out here rather than made by
 * jsonl_put_key() for each record.
 */
static inline int mention_raw(struct buf *b, const char *s)
{
    size_t n = strlen(s); /* inlined, of a literal: a constant, and the copy a few moves */

    /* buf_grow() leaves room for n bytes and a NUL past len */
    if (b->cap - b->len <= n && buf_grow(b, n) < 0)
        return -1;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

static int mention_str(struct buf *b, const char *key, const char *s, size_t n)
{
    return mention_raw(b, key) < 0 ? -1 : jsonl_put_string(b, s, n);
}

static int mention_cstr(struct buf *b, const char *key, const char *s)
{
    return mention_str(b, key, s, strlen(s));
}

/* A value of scan's own (a form, a hint): lower-case ASCII letters, nothing to escape. */
static int mention_word(struct buf *b, const char *key, const char *w)
{
    if (mention_raw(b, key) < 0 || mention_raw(b, "\"") < 0 || mention_raw(b, w) < 0)
        return -1;
    return mention_raw(b, "\"");
}

static int mention_size(struct buf *b, const char *key, size_t v)
{
    return mention_raw(b, key) < 0 ? -1 : jsonl_put_size(b, v);
}

/* The text of the tokens of sp, under key; nothing when sp is empty. */
static int mention_span(struct buf *b, const char *key, const struct mention_ctx *ctx,
                        struct scan_span sp)
{
    if (sp.to <= sp.from)
        return 0;
    size_t a = ctx->toks->v[sp.from].start, z = ctx->toks->v[sp.to - 1].end;
    return mention_str(b, key, ctx->tr->text + a, z - a);
}

/* The members up to "lang", in key order, after the opening brace. */
static int mention_head(struct buf *b, const struct mention_ctx *ctx, const struct scan_mention *m)
{
    const struct tokrec *tr = ctx->tr;
    size_t z = ctx->toks->v[m->to - 1].end;
    bool den = m->den.to > m->den.from;

    if (mention_span(b, "{\"den\":", ctx, m->den) < 0 ||
        mention_cstr(b, den ? ",\"doc\":" : "{\"doc\":", tr->doc) < 0 ||
        mention_size(b, ",\"end\":", tokrec_offset(tr, z)) < 0 ||
        mention_word(b, ",\"form\":", m->form) < 0 || mention_span(b, ",\"hi\":", ctx, m->hi) < 0)
        return -1;
    if (m->hint && mention_word(b, ",\"hint\":", m->hint) < 0)
        return -1;
    return mention_cstr(b, ",\"lang\":", ctx->lang);
}

/* The members after "lang", in key order. */
static int mention_tail(struct buf *b, const struct mention_ctx *ctx, const struct scan_mention *m)
{
    const struct tokrec *tr = ctx->tr;
    size_t a = ctx->toks->v[m->from].start, z = ctx->toks->v[m->to - 1].end;

    if (mention_span(b, ",\"num\":", ctx, m->num) < 0 ||
        mention_span(b, ",\"post_qual\":", ctx, m->postq) < 0 ||
        mention_span(b, ",\"prefix\":", ctx, m->prefix) < 0 ||
        mention_span(b, ",\"qual\":", ctx, m->qual) < 0)
        return -1;
    if (m->share && mention_raw(b, ",\"share\":true") < 0)
        return -1;
    if (mention_size(b, ",\"sid\":", tr->sid) < 0 ||
        mention_size(b, ",\"start\":", tokrec_offset(tr, a)) < 0 ||
        mention_span(b, ",\"suffix\":", ctx, m->suffix) < 0 ||
        mention_str(b, ",\"text\":", tr->text + a, z - a) < 0 ||
        mention_raw(b, ",\"type\":\"mention\"") < 0)
        return -1;
    return mention_span(b, ",\"unit\":", ctx, m->unit);
}

int mention_put(struct buf *b, const struct mention_ctx *ctx, const struct scan_mention *m)
{
    if (mention_head(b, ctx, m) < 0 || mention_tail(b, ctx, m) < 0)
        return -1;
    return mention_raw(b, "}\n");
}
