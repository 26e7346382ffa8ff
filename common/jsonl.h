/*
 * jsonl: read and write one JSON object per line (STYLE.md §7).
 *
 * A reader owns its FILE (unless it reads stdin) and its line buffer.
 * jsonl_next() returns a new reference the caller must json_decref().
 * Errors are reported as "file:line: what" through err.h.
 */
#ifndef JSONL_H
#define JSONL_H

#include <stdio.h>

#include <jansson.h>

struct jsonl_reader {
    FILE *fp;
    const char *name; /* for messages; "-" is shown as "<stdin>" */
    size_t line;      /* number of the line last read */
    char *buf;
    size_t cap;
};

/* Open path ("-" is stdin). Returns 0, or -1 with a message. */
int jsonl_open(struct jsonl_reader *r, const char *path);

/*
 * Read the next record into *rec (a new reference, a JSON object).
 * Returns 1 for a record, 0 at end of file, -1 for a line that is not a
 * JSON object (reported; the caller may go on reading), -2 for a read
 * error (reported; stop).
 */
int jsonl_next(struct jsonl_reader *r, json_t **rec);

/* Close the file (not stdin) and free the buffer. */
void jsonl_close(struct jsonl_reader *r);

/* Write rec compactly with sorted keys and a newline. Returns 0 or -1 (not reported). */
int jsonl_write(FILE *fp, const json_t *rec);

#endif
