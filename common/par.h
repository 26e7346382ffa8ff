/*
 * par: a stage's work in parts on several threads, giving the output,
 * messages, figures and exit status that one thread gives.
 *
 * The caller cuts its input into parts in input order (par_split_jsonl()
 * cuts a JSONL file before document records) and names a function that does
 * one part: it writes to part->out, counts in part->stats and returns a
 * stage status (err.h). par_run() runs part 0 on the calling thread, straight
 * to the output and stderr, and every other part on a thread of its own,
 * into a temporary file and a message buffer. Then, in part order, it passes
 * on each part's messages and output and adds up its figures, and stops
 * after a part that failed, where one thread would have stopped.
 *
 * The work function must touch nothing shared but read-only data: each part
 * brings its own buffers and caches.
 */
#ifndef PAR_H
#define PAR_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include <pthread.h>

#include "stats.h"

/* The most threads a stage will run. */
#define PAR_MAX 64

struct par_part;
typedef int (*par_work_fn)(struct par_part *part, void *ctx);

struct par_part {
    const void *arg;    /* the caller's: which part this is */
    FILE *out;          /* where the part writes */
    struct stats stats; /* the part's own figures */
    int status;         /* what the work function returned */
    /* par.c's own */
    par_work_fn fn;
    void *ctx;
    FILE *msgs; /* NULL: stderr (part 0) */
    char *msgbuf;
    size_t msglen;
    char *outbuf; /* out's buffer (k > 0) */
    pthread_t thread;
    bool started;
};

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
 * Cut the regular file path into at most n parts of about equal size, each
 * but the first beginning at a record whose "type" is "doc". Fills r[0..k)
 * and returns k >= 1; k is 1 (the whole file) when path is no regular file
 * or has no such record to cut at. Returns -1 on a read error (reported).
 */
int par_split_jsonl(const char *path, int n, struct par_range *r);

/* As par_split_jsonl(), each part but the first beginning at any line. */
int par_split_lines(const char *path, int n, struct par_range *r);

/*
 * Run fn(&parts[k], ctx) for k in 0..n-1 (arg already set in each part),
 * part 0 writing to out, the others to temporary files made next to near
 * (a path; NULL or "-": $TMPDIR, else /tmp), then pass their messages and
 * output on in order and add their figures into total. With out NULL the
 * parts write nothing (part->out is NULL): their results are the caller's. Returns the worst
 * status of the parts passed on, STAGE_FATAL when a part could not be
 * started or its output not copied (reported).
 */
int par_run(struct par_part *parts, int n, par_work_fn fn, void *ctx, FILE *out, const char *near,
            struct stats *total);

#endif
