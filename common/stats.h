/*
 * stats: a stage's own figures (documents, skips with reasons, time, peak
 * memory), written as one JSON object by the -s option (docs/FORMATS.md)
 * and gathered by reconcile into summary.json.
 *
 * The struct is the caller's: stats_init() starts the clocks,
 * stats_release() frees the skip list. stats_skip() also prints the skip on
 * stderr, so a skipped document is always named.
 */
#ifndef STATS_H
#define STATS_H

#include <stddef.h>

#include <jansson.h>

struct stats {
    const char *stage;
    size_t documents;  /* documents processed */
    size_t records_in; /* input records read */
    size_t records_out;
    size_t bytes_in;
    size_t warnings;
    json_t *skipped; /* owned: array of {"doc","path","reason"} */
    double wall_start;
    double cpu_start;
};

/* Returns 0, or -1 when memory ran out. */
int stats_init(struct stats *st, const char *stage);
void stats_release(struct stats *st);

/*
 * Record a skipped document (or input line) and name it on stderr as
 * "stage: path: skipped: reason". doc or path may be NULL. Returns 0 or -1.
 */
int stats_skip(struct stats *st, const char *doc, const char *path, const char *reason);

/* Skipped documents passed down from an earlier stage: recorded, not printed again. */
int stats_skip_quiet(struct stats *st, const char *doc, const char *path, const char *reason);

size_t stats_nskipped(const struct stats *st);

/* Add the counts and skips of part to st (par.h). Returns 0, or -1 when memory ran out. */
int stats_add(struct stats *st, const struct stats *part);

/* The figures so far as a new JSON object (timings measured now). */
json_t *stats_json(const struct stats *st);

/* Write stats_json() to path through a temporary file. NULL path: nothing. Returns 0 or -1. */
int stats_write(const struct stats *st, const char *path);

/* Peak resident set size of this process in KiB (getrusage). */
long stats_peak_rss_kb(void);

#endif
