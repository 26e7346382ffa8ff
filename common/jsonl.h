/*
 * jsonl: read and write one JSON object per line (STYLE.md §7).
 *
 * A reader owns its FILE (unless it reads stdin) and its line buffer.
 * jsonl_next() returns a new reference the caller must json_decref().
 * Errors are reported as "file:line: what" through err.h.
 *
 * jsonl_put_*() append JSON text to a struct buf, for the few records
 * written so often that building them as jansson values dominated a stage
 * (tokenize's sentences). They write exactly what jsonl_write() would
 * (compact, jansson's escaping); the caller writes keys in sorted order.
 * They return 0, or -1 when memory ran out or the string is not valid
 * UTF-8 (not reported; b may then hold part of the text).
 */
#ifndef JSONL_H
#define JSONL_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include <jansson.h>

#include "buf.h"
#include "jscan.h"

/*
 * A reader zeroed by hand (fp and name set) reads each line with getline() into buf, which it
 * owns (the caller frees it). A reader made by jsonl_open() or jsonl_open_stream() reads the
 * file in blocks instead and finds the lines in them, copying none: buf then points at the line
 * last read, inside blk, and jsonl_close() frees blk.
 */
struct jsonl_reader {
    FILE *fp;
    const char *name; /* for messages; "-" is shown as "<stdin>" */
    size_t line;      /* number of the line last read */
    char *buf;        /* the line last read */
    size_t cap;
    off_t pos, end; /* offset of the next line; with ranged, where the part read ends */
    bool ranged;    /* false (as zeroed): read to the end of the file */
    /* block reading */
    bool block; /* false (as zeroed): getline() */
    bool eof;   /* fp has given all it holds */
    char *blk;  /* blk[next..len) is read but not yet returned */
    size_t blk_next, blk_len, blk_cap;
};

/* Open path ("-" is stdin). Returns 0, or -1 with a message. */
int jsonl_open(struct jsonl_reader *r, const char *path);

/* Read fp, named name in messages, in blocks; jsonl_close() closes it unless it is stdin. */
void jsonl_open_stream(struct jsonl_reader *r, FILE *fp, const char *name);

/*
 * Open path to read only the lines that start in [start, end) (end -1: to
 * the end of the file), where start is the start of line number line0 + 1
 * (par.h reads a file in parts).
 * Returns 0, or -1 with a message.
 */
int jsonl_open_range(struct jsonl_reader *r, const char *path, off_t start, off_t end,
                     size_t line0);

/*
 * Read the next record into *rec (a new reference, a JSON object).
 * Returns 1 for a record, 0 at end of file, -1 for a line that is not a
 * JSON object (reported; the caller may go on reading), -2 for a read
 * error (reported; stop).
 */
int jsonl_next(struct jsonl_reader *r, json_t **rec);

/*
 * Read the next record as its raw line, checked and indexed by jscan (the
 * fast path for records read in bulk). *line and *len give the text, valid
 * until the next read. Returns as jsonl_next(); a line jscan refuses is
 * judged by jansson, so a malformed line is reported in the same words.
 */
int jsonl_next_scan(struct jsonl_reader *r, struct jscan *js, const char **line, size_t *len);

/*
 * jsonl_next_scan() that also reads the triples of member sink->key (jscan_object_triples()).
 * sink->t is first grown (realloc) to room for all the triples the line could hold; the caller
 * frees it. Memory running out is reported and returns -2.
 */
int jsonl_next_scan_triples(struct jsonl_reader *r, struct jscan *js,
                            struct jscan_triple_sink *sink, const char **line, size_t *len);

/*
 * jsonl_next() in two steps, for a reader that handles some lines itself:
 * jsonl_next_line() reads the next non-empty line into r->buf[0..*len)
 * (the newline dropped) and returns 1, or 0, -1 or -2 as jsonl_next()
 * does; jsonl_parse() parses r->buf[0..len) as jsonl_next() does.
 */
int jsonl_next_line(struct jsonl_reader *r, size_t *len);
int jsonl_parse(struct jsonl_reader *r, size_t len, json_t **rec);

/* Close the file (not stdin) and free the buffer. */
void jsonl_close(struct jsonl_reader *r);

/* Write rec compactly with sorted keys and a newline. Returns 0 or -1 (not reported). */
int jsonl_write(FILE *fp, const json_t *rec);

/*
 * Append s[0..n) as a JSON string, quoted and escaped as jansson escapes:
 * \" \\ \b \f \n \r \t, other controls as \u00XX, everything else
 * (non-ASCII included) as it is. s must be valid UTF-8; NUL is \u0000.
 */
int jsonl_put_string(struct buf *b, const char *s, size_t n);

/* The most digits jsonl_size_at() writes (SIZE_MAX on 64 bits). */
#define JSONL_SIZE_DIGITS 20

/* Write v in decimal at p (room for JSONL_SIZE_DIGITS bytes), no NUL; returns the end. */
char *jsonl_size_at(char *p, size_t v);

/* Append v in decimal. */
int jsonl_put_size(struct buf *b, size_t v);

/* Append ,"key": (no comma when b is empty or ends with '{' or '['). key needs no escaping. */
int jsonl_put_key(struct buf *b, const char *key);

#endif
