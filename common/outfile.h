/*
 * outfile: an output file that appears whole or not at all.
 *
 * outfile_open() creates "<path>.tmp" (or uses stdout for "-");
 * outfile_commit() flushes, checks for write errors, closes and renames the
 * temporary file into place; outfile_abort() closes and removes it. Every
 * function reports its own errors through err.h and returns -1 on failure.
 * The struct is the caller's; the functions own only the FILE and its buffer
 * inside it.
 */
#ifndef OUTFILE_H
#define OUTFILE_H

#include <stdio.h>

struct outfile {
    FILE *fp;      /* write here between open and commit/abort */
    char *path;    /* final path, or "-" */
    char *tmppath; /* NULL for stdout */
    char *buf;     /* fp's buffer (OUTFILE_BUF bytes), NULL for stdio's own */
};

/* An output file's buffer: a stage writes tens of MB, in few large writes. */
#define OUTFILE_BUF (64 * 1024)

/* Open path for writing ("-" is stdout). Returns 0, or -1 with a message. */
int outfile_open(struct outfile *out, const char *path);

/* Flush, check, close and rename into place. Returns 0 or -1 (then the temporary is removed). */
int outfile_commit(struct outfile *out);

/* Close and remove the temporary file; nothing reaches path. Safe after a failed commit. */
void outfile_abort(struct outfile *out);

#endif
