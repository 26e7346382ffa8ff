/*
 * tokdoc: tokenize one article into tokens.jsonl records: read it (or
 * skip it with a reason), take its header, detect its language, find its
 * furniture, split its lines into sentences and paragraphs, and write the
 * doc record and then its sentences.
 *
 * struct tokdoc holds what is reused from one document to the next (the
 * bytes, spans, tokens), so memory is bounded by the largest document.
 * tokdoc_init() returns 0 or -1 (reported); tokdoc_release() frees.
 */
#ifndef TOKDOC_H
#define TOKDOC_H

#include <stdio.h>

#include "buf.h"
#include "furniture.h"
#include "langid.h"
#include "manifest.h"
#include "stats.h"
#include "tokconf.h"
#include "tokemit.h"
#include "toklex.h"
#include "toksent.h"
#include "tokwalk.h"

struct tokdoc {
    const struct tokconf *tc;
    struct langid langid;
    struct furniture furniture;
    struct toksent_list sentences;
    struct toklex_list tokens;
    struct buf bytes;
    struct tokemit_bufs emit;
    FILE *out;           /* borrowed */
    const char *outname; /* for messages */
    struct stats *stats; /* borrowed */
};

int tokdoc_init(struct tokdoc *d, const struct tokconf *tc, FILE *out, const char *outname,
                struct stats *stats);
void tokdoc_release(struct tokdoc *d);

/*
 * Process entry e, with its manifest row (NULL: none).
 * Returns 0 when it was processed, 1 when it was skipped (named on stderr,
 * a skip record written), -1 when the output could not be written
 * (reported).
 */
int tokdoc_process(struct tokdoc *d, const struct tokwalk_entry *e, const struct manifest_row *row);

#endif
