/*
 * run: the tokenize stage over its inputs (tokenize_run), called by
 * stages/tokenize.c.
 *
 * All inputs are listed and every manifest is read before anything is
 * written, so a bad manifest stops the run (exit 2) with no output. Then
 * each document is processed in order into one output file (common/
 * outfile: it appears whole or not at all) and the figures go to the stats
 * file when one is named.
 */
#ifndef RUN_H
#define RUN_H

#include "shard.h"
#include "tokconf.h"

struct tokenize_args {
    const char *output;        /* "-" for stdout */
    const char *stats;         /* NULL: none */
    const char *manifest;      /* NULL: IN/manifest.csv of each folder */
    const char *stdin_name;    /* doc id for "-" */
    const struct shard *shard; /* NULL: every document; else only its own */
    char **inputs;
    int ninputs;
    int threads; /* documents are read by this many threads at once (par.h) */
};

/* Returns STAGE_OK, STAGE_SKIPPED or STAGE_FATAL (err.h); everything is reported. */
int tokenize_run(const struct tokconf *tc, const struct tokenize_args *args);

#endif
