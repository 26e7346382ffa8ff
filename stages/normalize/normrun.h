/*
 * normrun: normalize's run loop (mentions.jsonl -> normalized.jsonl).
 *
 * Records are buffered one document at a time: its doc record, sentences
 * and resolved numbers. When the document ends the numbers are handed to
 * claim_annotate_raw() and written in start order; doc, sentence and skip
 * records are not written (skips are counted in the stage figures).
 * normrun_stream() returns STAGE_OK, STAGE_SKIPPED (lines that could not be
 * read, each reported) or STAGE_FATAL (reported).
 */
#ifndef NORMRUN_H
#define NORMRUN_H

#include <stdio.h>

#include "normconf.h"
#include "stats.h"

struct normrun_args {
    const char *output;
    const char *stats;
    char *const *inputs;
    int ninputs;
    int threads;                  /* 1: one thread; more: one input file is read in parts at once */
    const char *config_dir;       /* where a part on its own thread loads its normconf (par.h) */
    struct normconf_spare *spare; /* the second part's normconf, loading already; or NULL */
};

/*
 * The loop alone, writing to out (named args->output in messages). nc NULL:
 * a config is loaded here (args->config_dir), one a thread when the input
 * is read in parts.
 */
int normrun_stream(const struct normconf *nc, const struct normrun_args *args, FILE *out,
                   struct stats *st);

/* Read the inputs, write the output whole (or nothing) and the figures. */
int normrun_run(const struct normconf *nc, const struct normrun_args *args);

#endif
