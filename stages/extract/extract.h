/*
 * extract: the stage's run loop (tokens.jsonl -> mentions.jsonl).
 *
 * extract_run() copies the doc, sentence and skip records of each input
 * through unchanged and writes after each sentence one "mention" record per
 * numeric expression found in it (docs/FORMATS.md). It returns STAGE_OK,
 * STAGE_SKIPPED (some lines could not be read: each reported) or
 * STAGE_FATAL (a read or write failed: reported; the caller aborts the
 * output).
 */
#ifndef EXTRACT_H
#define EXTRACT_H

#include <stdio.h>

#include <jansson.h>

#include "numlex.h"
#include "stats.h"
#include "tokrec.h"

struct extract_args {
    const char *output; /* "-" for stdout */
    const char *stats;  /* NULL: no figures */
    char *const *inputs;
    int ninputs;
    int threads; /* 1: one thread; more: a file is read in that many parts at once (par.h) */
};

/* Read the inputs, write the output whole (or nothing) and the figures. */
int extract_run(const struct numlex_set *set, const struct extract_args *args);

/* The loop alone, writing to out (args->output names where temporary parts go). */
int extract_stream(const struct numlex_set *set, const struct extract_args *args, FILE *out,
                   struct stats *st);

/*
 * The mention records of one sentence (tr, in language lang), appended to
 * the array mentions (owned by the caller) as jansson values: the records
 * extract writes, read back (for tests). Returns 0, or -1 with a message
 * naming file and line.
 */
int extract_sentence(const struct numlex *nl, const struct tokrec *tr, const char *lang,
                     json_t *mentions, const char *file, size_t line);

#endif
