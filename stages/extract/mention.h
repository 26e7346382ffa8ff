/*
 * mention: write one "mention" record of mentions.jsonl (docs/FORMATS.md).
 *
 * mention_put() appends the record as JSON text and its newline to a
 * struct buf, with the bytes jsonl_write() would give the same record built
 * as jansson values (compact, sorted keys): building and dumping each
 * mention that way cost more than finding it. Parts of the expression
 * (qualifier, unit, high end, ...) are written only when present.
 * It returns 0, or -1 when memory ran out (not reported; b may then hold
 * part of the record).
 */
#ifndef MENTION_H
#define MENTION_H

#include "buf.h"
#include "numtok.h"
#include "scan.h"
#include "tokrec.h"

/* The sentence a mention is found in: its record, tokens and language. */
struct mention_ctx {
    const struct tokrec *tr;
    const struct numtok_list *toks;
    const char *lang;
};

int mention_put(struct buf *b, const struct mention_ctx *ctx, const struct scan_mention *m);

#endif
