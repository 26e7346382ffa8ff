/*
 * parq: a stage's work in many parts on a pool of threads, written once, in
 * order, giving the output, messages, figures and exit status that one
 * thread gives.
 *
 * The caller cuts its input into parts in input order, more of them than
 * threads (par_cut_jsonl() cuts a JSONL file before document records), and
 * names a function that does one part: it writes to part->out (a buffer in
 * memory), counts in part->stats and returns a stage status (err.h). Each of
 * `threads` threads takes the next part as soon as it is free; the calling
 * thread passes each part's messages, output and figures on as soon as it
 * and every part before it are done, so the output is written once, straight
 * to its file, while the later parts run. At most 2 x threads parts are held
 * at once: memory is bounded by the largest parts' outputs, whatever the
 * input's size. After a part that failed, nothing further is passed on or
 * started, where one thread would have stopped.
 *
 * The work function must touch nothing shared but read-only data. State a
 * thread keeps from part to part (caches, a config of its own) goes in a
 * slot of the caller's indexed by part->worker, which only that thread uses.
 */
#ifndef PARQ_H
#define PARQ_H

#include <stdbool.h>
#include <stdio.h>

#include "stats.h"

struct parq_part {
    const void *arg;    /* the caller's: which part this is */
    FILE *out;          /* where the part writes: a buffer in memory */
    struct stats stats; /* the part's own figures */
    int worker;         /* which thread runs it: 0 .. threads - 1 */
    int status;         /* what the work function returned */
    size_t lines;       /* with lines_of: the lines of it the work function read */
    /* parq.c's own */
    bool done, stats_ok;
    int slot;
    off_t outlen, msglen;
};

typedef int (*parq_work_fn)(struct parq_part *part, void *ctx);

/* One run: n parts, part k's arg at (const char *)args + k * size. */
struct parq_job {
    const void *args;
    size_t size;
    int n;
    int threads; /* 1 .. PAR_MAX */
    parq_work_fn fn;
    void *ctx;
    FILE *out;            /* NULL: the parts write nothing */
    const char *name;     /* out's name in messages; NULL: standard output */
    const char *lines_of; /* see below; NULL: messages as the parts give them */
};

/*
 * Run job->fn(part, job->ctx) for each part on job->threads threads,
 * passing each part's messages to stderr, its output to job->out and its
 * figures into total, in part order. With out NULL, the parts write
 * nothing and leave their results to the caller. With lines_of (a file's
 * name as the parts' messages give it), each part numbers its lines of
 * that file from 0 (par_cut_jsonl() ranges) and sets part->lines; its
 * messages about that file get their numbers when the lines before it are
 * known (err.h). Returns the worst status of the parts passed on, or
 * STAGE_FATAL when memory ran out or out could not be written (reported).
 */
int parq_run(const struct parq_job *job, struct stats *total);

#endif
