/*
 * normrec: a number record of normalized.jsonl (docs/FORMATS.md) held as C
 * fields, and written as jsonl_write() would write it as jansson values.
 *
 * resolve fills the fields of the number itself; claim annotation fills
 * the claim fields and sets annotated. A record that was never annotated
 * (its sentence was not read, or its language has no claims lexicon) is
 * written with resolve's fields only, as before.
 *
 * Strings are borrowed: those taken from the mention live in a struct
 * normpool the caller resets once the records are written; the claim
 * fields point into sentence texts, the config and the doc record, which
 * the caller keeps until then too. lang_other is owned by the record
 * (normrec_release).
 *
 * struct normpool hands out copies of strings that keep their address
 * until normpool_reset() (it grows by blocks, never moves one).
 */
#ifndef NORMREC_H
#define NORMREC_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "buf.h"

struct normstr {
    const char *p;
    size_t n;
};

struct normrec {
    long long sid, start, end;
    struct normstr doc, text;
    struct normstr lang; /* when lang is a string */
    bool lang_string;
    json_t *lang_other;      /* lang of another type (owned); NULL with !lang_string: null */
    double value, low, high; /* NAN: null */
    const char *qualifier, *kind, *unit;
    bool ambiguous;
    bool annotated;       /* the claim fields below are set */
    const char *category; /* NULL: null */
    struct normstr subject, victim, side, scope, place, doc_place, attribution, as_of, quote, date,
        source;
};

void normrec_release(struct normrec *r);

/*
 * Append r as one JSON object (sorted keys, compact, no newline). Returns
 * 0, or -1 when memory ran out or a string is not valid UTF-8.
 */
int normrec_put(struct buf *b, const struct normrec *r);

/*
 * v as json_dumpb() writes a real (jansson's "%.17g", with ".0" added when that shows neither a
 * point nor an exponent) into out, which has room for 32 bytes, without printf: its length, or 0
 * when v is one it does not handle this way (whole, NaN, below 1e-4, or with more than 59 bits
 * after the binary point), which the caller then dumps with jansson.
 */
size_t normrec_real_fast(double v, char *out);

struct normpool {
    char **blocks;
    size_t nblocks, cap;
    size_t used, size; /* of the last block */
};

void normpool_init(struct normpool *p);

/* A NUL-terminated copy of s[0..n), or NULL when memory ran out. */
const char *normpool_add(struct normpool *p, const char *s, size_t n);

/* Forget every copy (a single block is kept for the next ones). */
void normpool_reset(struct normpool *p);

void normpool_release(struct normpool *p);

#endif
