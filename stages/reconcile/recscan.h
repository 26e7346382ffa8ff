/*
 * recscan: read one normalized.jsonl line without building a JSON tree.
 *
 * Parsing each record into jansson values (a hash table, a string and a
 * number object per field) and copying out the few fields reconcile keeps
 * took most of reconcile's time. The lines normalize writes are flat
 * objects of strings, numbers, null and booleans, so the scanner reads
 * those and nothing else: an array or object value, a \u escape, a
 * duplicate key, an integer out of range, or anything not valid JSON
 * makes it give up, and the caller parses the line with jansson, which
 * decides and reports what is wrong. For the lines it accepts, it gives
 * exactly the values jansson would: strings unescaped and checked as
 * UTF-8, integers as strtoll reads them, other numbers as strtod does.
 *
 * A string without an escape is left in the line, its closing quote
 * overwritten by its NUL, so recscan_line() takes the line writable; when
 * it gives up it puts the quotes back. A string with an escape is unescaped
 * into the struct recscan's buffer. Either lasts until the next line (and
 * as long as the line). recscan_release() frees the buffers.
 */
#ifndef RECSCAN_H
#define RECSCAN_H

#include <stdbool.h>
#include <stddef.h>

enum recscan_type {
    RECSCAN_ABSENT,
    RECSCAN_STRING,
    RECSCAN_INTEGER,
    RECSCAN_REAL,
    RECSCAN_NULL,
    RECSCAN_TRUE,
    RECSCAN_FALSE,
};

/* The fields reconcile reads, in recscan_names order. */
enum recscan_key {
    RECSCAN_AMBIGUOUS,
    RECSCAN_AS_OF,
    RECSCAN_ATTRIBUTION,
    RECSCAN_CATEGORY,
    RECSCAN_DATE,
    RECSCAN_DOC,
    RECSCAN_DOC_PLACE,
    RECSCAN_END,
    RECSCAN_HIGH,
    RECSCAN_KIND,
    RECSCAN_LANG,
    RECSCAN_LOW,
    RECSCAN_PLACE,
    RECSCAN_QUALIFIER,
    RECSCAN_QUOTE,
    RECSCAN_SCOPE,
    RECSCAN_SID,
    RECSCAN_SIDE,
    RECSCAN_SOURCE,
    RECSCAN_START,
    RECSCAN_SUBJECT,
    RECSCAN_TEXT,
    RECSCAN_UNIT,
    RECSCAN_VALUE,
    RECSCAN_VICTIM,
    RECSCAN_NKEYS
};

struct recscan_value {
    enum recscan_type type;
    const char *s; /* RECSCAN_STRING: NUL-terminated, without NUL inside */
    size_t len;    /* its length in bytes */
    bool in_line;  /* s points into the line */
    long long i;   /* RECSCAN_INTEGER */
    double d;      /* RECSCAN_INTEGER and RECSCAN_REAL: the number */
};

struct recscan_key_seen {
    const char *s;
    size_t len;
};

struct recscan {
    struct recscan_value v[RECSCAN_NKEYS];
    char *text; /* unescaped strings */
    size_t cap;
    struct recscan_key_seen *other; /* keys of other fields, for the duplicate check */
    size_t nother, othercap;
};

/*
 * Scan line[0..len) into sc->v. Returns 1 when the line is a JSON object
 * the scanner read in full, 0 when the caller must parse it another way,
 * or -1 when memory ran out (not reported); the line is then as it was.
 */
int recscan_line(struct recscan *sc, char *line, size_t len);

/* Put back the quotes the last recscan_line() that returned 1 overwrote in its line. */
void recscan_restore(struct recscan *sc);

void recscan_release(struct recscan *sc);

#endif
