#include "mention.h"

#include <string.h>

#include "jsonl.h"

static int mention_str(struct buf *b, const char *key, const char *s, size_t n)
{
    return jsonl_put_key(b, key) < 0 ? -1 : jsonl_put_string(b, s, n);
}

static int mention_cstr(struct buf *b, const char *key, const char *s)
{
    return mention_str(b, key, s, strlen(s));
}

static int mention_size(struct buf *b, const char *key, size_t v)
{
    return jsonl_put_key(b, key) < 0 ? -1 : jsonl_put_size(b, v);
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

/* The members up to "lang", in key order. */
static int mention_head(struct buf *b, const struct mention_ctx *ctx, const struct scan_mention *m)
{
    const struct tokrec *tr = ctx->tr;
    size_t z = ctx->toks->v[m->to - 1].end;

    if (mention_span(b, "den", ctx, m->den) < 0 || mention_cstr(b, "doc", tr->doc) < 0 ||
        mention_size(b, "end", tokrec_offset(tr, z)) < 0 || mention_cstr(b, "form", m->form) < 0 ||
        mention_span(b, "hi", ctx, m->hi) < 0)
        return -1;
    if (m->hint && mention_cstr(b, "hint", m->hint) < 0)
        return -1;
    return mention_cstr(b, "lang", ctx->lang);
}

/* The members after "lang", in key order. */
static int mention_tail(struct buf *b, const struct mention_ctx *ctx, const struct scan_mention *m)
{
    const struct tokrec *tr = ctx->tr;
    size_t a = ctx->toks->v[m->from].start, z = ctx->toks->v[m->to - 1].end;

    if (mention_span(b, "num", ctx, m->num) < 0 ||
        mention_span(b, "post_qual", ctx, m->postq) < 0 ||
        mention_span(b, "prefix", ctx, m->prefix) < 0 || mention_span(b, "qual", ctx, m->qual) < 0)
        return -1;
    if (m->share && (jsonl_put_key(b, "share") < 0 || buf_add(b, "true", 4) < 0))
        return -1;
    if (mention_size(b, "sid", tr->sid) < 0 || mention_size(b, "start", tokrec_offset(tr, a)) < 0 ||
        mention_span(b, "suffix", ctx, m->suffix) < 0 ||
        mention_str(b, "text", tr->text + a, z - a) < 0 || mention_cstr(b, "type", "mention") < 0)
        return -1;
    return mention_span(b, "unit", ctx, m->unit);
}

int mention_put(struct buf *b, const struct mention_ctx *ctx, const struct scan_mention *m)
{
    if (buf_addch(b, '{') < 0 || mention_head(b, ctx, m) < 0 || mention_tail(b, ctx, m) < 0)
        return -1;
    return buf_add(b, "}\n", 2);
}
