/*
 * recsummary: summary.json, the run's figures: documents read and skipped
 * (with reasons, gathered from every stage's -s file), claims per
 * category, conflicts per kind, and time and peak memory per stage.
 *
 * Everything but the timing fields ("seconds", "cpu_seconds",
 * "peak_rss_kb") is the same for the same input. struct recsummary owns
 * its JSON; recsummary_release() drops it. Functions return 0, or -1 after
 * reporting.
 */
#ifndef RECSUMMARY_H
#define RECSUMMARY_H

#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#include "recclaim.h"
#include "recrow.h"
#include "stats.h"

struct recsummary {
    json_t *stages;  /* owned: array of per-stage figures, in the order added */
    json_t *skipped; /* owned: object, one entry per skipped document and reason */
    long documents;  /* documents tokenize read (all parts), or -1 when no tokenize stats */
};

int recsummary_init(struct recsummary *s);
void recsummary_release(struct recsummary *s);

/*
 * Fold in another stage's stats file (docs/FORMATS.md). The files of one
 * stage's parts (shards) are added up into one entry, in the place of the
 * first: counts and times summed (so "seconds" is the work of all parts,
 * not the wall time), "peak_rss_kb" the largest. Returns 0, or -1 after
 * reporting.
 */
int recsummary_add_file(struct recsummary *s, const char *path);

/* Fold in a stage's figures (borrowed), e.g. reconcile's own stats_json(). */
int recsummary_add(struct recsummary *s, const json_t *figures, const char *path);

/*
 * The summary as a new JSON object: docs_seen is the number of documents in
 * the input, claims[0..nclaims) and rows[0..nrows) the results.
 */
json_t *recsummary_json(const struct recsummary *s, size_t docs_seen, const struct recclaim *claims,
                        size_t nclaims, const struct recrow *rows, size_t nrows);

/* Write j indented with sorted keys and a final newline. Returns 0 or -1 (not reported). */
int recsummary_write(FILE *fp, const json_t *j);

#endif
