/*
 * jscan: read the fields of one JSON object line without building it.
 *
 * The stages read hundreds of megabytes of JSONL in which most of each
 * record is passed over (a sentence's token array, say). Building every
 * record as jansson values cost more than the work done on it; jscan checks
 * the line against the JSON grammar and notes where each top-level member
 * lies, allocating nothing (but a copy of a number more than 64 characters
 * long, for strtod()), and the caller decodes only what it uses.
 *
 * jscan_object() accepts exactly what jansson's json_loadb() with
 * JSON_REJECT_DUPLICATES accepts as an object, except that it also refuses
 * (returns -1 for) a few valid but unusual shapes: a key with an escape,
 * more than JSCAN_MAX members, nesting deeper than JSCAN_DEPTH. Whenever it
 * returns -1 the caller should hand the line to jansson, which says what is
 * wrong (jsonl_next_scan() does so).
 *
 * Spans point into the caller's text, which must outlive them.
 */
#ifndef JSCAN_H
#define JSCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

#define JSCAN_MAX 64
#define JSCAN_DEPTH 32

/* A piece of the line: a key without its quotes, or the raw text of a value. */
struct jscan_span {
    const char *p;
    size_t n;
};

struct jscan_member {
    struct jscan_span key; /* no escapes (they are refused) */
    struct jscan_span val; /* raw JSON text, e.g. "\"abc\"", "12", "[1,2]" */
};

/* Members are looked up from the last whose key's first byte b has its b % JSCAN_CLASSES. */
#define JSCAN_CLASSES 32

struct jscan {
    size_t n;
    struct jscan_member m[JSCAN_MAX];
    unsigned char last[JSCAN_CLASSES]; /* that member's index + 1; 0: none */
};

/* Check text[0..n) is one JSON object (surrounding whitespace allowed) and index its members.
 * Returns 0, or -1 (see above). */
int jscan_object(struct jscan *js, const char *text, size_t n);

/* The value of member key, or NULL when there is none. */
const struct jscan_span *jscan_get(const struct jscan *js, const char *key);

bool jscan_is_string(const struct jscan_span *v);
bool jscan_is_null(const struct jscan_span *v);

/* Replace out's contents with the decoded string v. Returns 0, or -1 when v is not a string or
 * memory ran out. */
int jscan_string(const struct jscan_span *v, struct buf *out);

/* The string v as it stands when it holds no escape (*s, *n point into the line). Returns 0, or -1
 * when v is not a string or has an escape. */
int jscan_plain(const struct jscan_span *v, const char **s, size_t *n);

/* The byte the two-character escape \e stands for; 0 for 'u' and anything else. */
char jscan_escape(unsigned char e);

/* An integer value (no fraction, no exponent) that fits in long long. Returns 0 or -1. */
int jscan_integer(const struct jscan_span *v, long long *out);

/* Any number value. Returns 0 or -1. */
int jscan_number(const struct jscan_span *v, double *out);

/*
 * Step through the elements of the array v: *pos starts at 0; each call
 * puts the next element in *elem and returns 1, or returns 0 at the end and
 * -1 when v is not an array. v must come from jscan_object() (it is valid).
 */
int jscan_array_next(const struct jscan_span *v, size_t *pos, struct jscan_span *elem);

/* A token as tokenize writes it: [offset,length,"type"]. */
struct jscan_triple {
    long long a, b;
    int c; /* the one byte of the string */
};

/*
 * Read the triple [a,b,"c"] at v->p[i] (a '['), written without white space: a and b integers
 * of 1 to 7 digits, c one printable ASCII byte but '"' and '\\'. Returns where it ends in v,
 * or 0 when v holds no such triple there (the caller then reads it with jscan_array_next()).
 */
size_t jscan_triple(const struct jscan_span *v, size_t i, struct jscan_triple *t);

/*
 * Read the array v when it holds nothing but triples (jscan_triple()), at most max, into t;
 * their count in *count. Returns 0, or -1 when v has another shape or more (the caller then
 * reads it with jscan_array_next()).
 */
int jscan_triples(const struct jscan_span *v, struct jscan_triple *t, size_t max, size_t *count);

/* Where jscan_object_triples() reads the value of one member when it is a list of triples. */
struct jscan_triple_sink {
    const char *key;        /* the member's key */
    struct jscan_triple *t; /* room for max triples */
    size_t max;
    size_t count; /* out: how many were read into t */
    bool found;   /* out: key's value is a list of 1 to max triples, read into t */
};

/*
 * jscan_object() that also reads the value of member sink->key into sink when it is a list of
 * triples as jscan_triples() reads them, while it checks it: one pass over the list, not two.
 * What it accepts is exactly what jscan_object() accepts. sink may be NULL.
 */
int jscan_object_triples(struct jscan *js, const char *text, size_t n,
                         struct jscan_triple_sink *sink);

/* How many bytes at s[0..n) stand in a JSON string as they are (0x20 to 0x7F but '"' and '\\')
 * before the first that does not: eight at a time. */
size_t jscan_plain_span(const char *s, size_t n);

#endif
