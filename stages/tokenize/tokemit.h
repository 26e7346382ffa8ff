/*
 * tokemit: write tokens.jsonl records (docs/FORMATS.md). Doc and sentence
 * records are written by hand (tokjson), byte for byte as jsonl_write()
 * would write them; skip records, rare, go through jansson.
 *
 * Each function builds one record and writes it with a newline (sentence
 * records a batch at a time).
 * Returns 0, or -1 when memory ran out or the write failed (not reported:
 * the caller names the output).
 */
#ifndef TOKEMIT_H
#define TOKEMIT_H

#include <stdbool.h>
#include <stdio.h>

#include "buf.h"
#include "furniture.h"
#include "toklex.h"
#include "toksent.h"

struct tokemit_doc {
    const char *doc, *path, *date, *date_source; /* date, date_source: NULL for null */
    const char *lang, *lang_source, *source, *url;
    size_t bytes, text_start, invalid_bytes, nul_bytes, sentences;
    const struct furniture_span *furniture;
    size_t nfurniture;
};

int tokemit_doc(FILE *fp, const struct tokemit_doc *d);

/* Scratch buffers for tokemit_sentence(): tokemit_bufs_init(), then tokemit_bufs_release(). */
struct tokemit_bufs {
    struct buf text, line;
    bool clean; /* no byte of the document is replaced: its text is written as it is */
    /* the "doc" field of the last doc id written (doc_id), made once for its sentences */
    struct buf doc_id, doc_field;
};

void tokemit_bufs_init(struct tokemit_bufs *bufs);
void tokemit_bufs_release(struct tokemit_bufs *bufs);

/*
 * The sentence sp of doc (sid) from the original bytes s: text with
 * replaced bytes, tokens as [offset from sp->start, length, type], "bad"
 * when any byte was replaced. Written by hand, not with jansson, as
 * jsonl_write() would write it. Records wait in bufs->line until enough
 * are pending or tokemit_sentences_flush() writes them: call it after a
 * document's last sentence, before any other record.
 */
int tokemit_sentence(FILE *fp, const char *doc, size_t sid, const struct toksent_span *sp,
                     const char *s, const struct toklex_list *tokens, struct tokemit_bufs *bufs);

/* Write the pending sentence records. Returns 0 or -1 (write failed). */
int tokemit_sentences_flush(FILE *fp, struct tokemit_bufs *bufs);

int tokemit_skip(FILE *fp, const char *doc, const char *path, const char *reason);

#endif
