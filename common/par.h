/*
 * par: how many threads a stage runs, and where its input is cut into the
 * parts that parq.h runs on them.
 *
 * A JSONL input is cut before document records (a document's records stay
 * together) or, when its lines are independent, before any line. Cutting
 * reads a line or two at each cut, not the file.
 */
#ifndef PAR_H
#define PAR_H

#include <stddef.h>
#include <sys/types.h>

/* The most threads a stage will run. */
#define PAR_MAX 64

/* The most parts par_cut_jsonl() makes. */
#define PAR_MAX_PARTS 100000

/* A part of a JSONL file: the lines that start in [start, end); line0 lines come before it. */
struct par_range {
    off_t start, end;
    size_t line0;
};

/* The number of threads to run when not told: the processors online, at most PAR_MAX. */
int par_threads_default(void);

/* The thread count in s (-t N): 1..PAR_MAX, 0 for the default; -1 when s is not one. */
int par_threads_arg(const char *s);

/*
 * Cut the regular file path for parq.h into parts of about chunk bytes (at
 * least threads of them), each but the first beginning at a record whose
 * "type" is "doc". Each part numbers its lines from 0 (line0 is 0):
 * parq_run()'s lines_of puts the lines before it into its messages.
 * Returns how many parts (*out malloc'd; the caller frees it), or 1 (the
 * whole file, *out NULL) when path is no regular file, threads <= 1 or there
 * is nowhere to cut; -1 on a read error or when memory ran out (reported).
 */
int par_cut_jsonl(const char *path, int threads, off_t chunk, struct par_range **out);

/*
 * Cut the regular file path into at most n (<= PAR_MAX) parts of about
 * equal size, each but the first beginning at any line, with line0 counted.
 * Fills r[0..k) and returns k >= 1; 1 (the whole file) when path is no
 * regular file. Returns -1 on a read error (reported).
 */
int par_split_lines(const char *path, int n, struct par_range *r);

#endif
