/*
 * lmgram: a document's n-gram counts, as libexttextcat's fp_Create()
 * counts them, listed in the order its hash table yields them.
 *
 * textcat prepares the text (runs of spaces and digits become one '_',
 * with a '_' in front), then counts the n-grams of 1..5 characters
 * starting at each character, a '_' ending one unless it is the first.
 * Its characters are split by the lead byte alone (a NUL cuts one short),
 * and it stops for good at the first n-gram that reaches the text's end.
 * Which n-grams of equal count make its top 400, and their ranks, follow
 * from the order its table lists them in: by bucket (its simplehash's
 * low 13 bits), newest first in each. lmgram reproduces all of that, but
 * rolls the hash from prefix sums, keeps the first 8 bytes of each n-gram
 * as one word, and reuses its memory from one document to the next.
 *
 * The caller provides the struct: lmgram_init(), lmgram_release().
 */
#ifndef LMGRAM_H
#define LMGRAM_H

#include <stddef.h>
#include <stdint.h>

#define LMGRAM_SYMBOLS 5   /* MAXNGRAMSYMBOL: characters in the longest n-gram */
#define LMGRAM_BYTES 20    /* MAXNGRAMSIZE: bytes in the longest n-gram */
#define LMGRAM_TABLEPOW 13 /* TABLEPOW: textcat's buckets */

/* A distinct n-gram: bytes buf[off..off+len) of the prepared text. */
struct lmgram_entry {
    uint32_t hash; /* textcat's simplehash(n-gram, characters in it) */
    uint32_t off, len, cnt;
    uint32_t slot; /* where the lookup table holds it */
    int32_t next;  /* the entry created before it in the same bucket, or -1 */
};

struct lmgram_slot;
struct lmgram_rec;

struct lmgram {
    /* Results of lmgram_count(), valid until the next call. */
    char *buf;                 /* the prepared text, NUL-terminated */
    struct lmgram_entry *ents; /* in the order textcat creates them */
    uint32_t *order;           /* entry numbers in the order textcat's table lists them */
    size_t nents;

    /* Scratch. */
    size_t cap, capents;
    uint32_t *next_char;     /* byte after the character at each position */
    uint32_t *prefix;        /* simplehash's polynomial of buf[0..i) */
    struct lmgram_rec *recs; /* every n-gram met, in order */
    struct lmgram_slot *slots;
    size_t smask;
    unsigned shift;
    uint64_t lowbytes[9];
    uint32_t pow31[LMGRAM_BYTES + 1];
    int32_t head[1 << LMGRAM_TABLEPOW];
    uint64_t used[(1 << LMGRAM_TABLEPOW) / 64]; /* buckets whose head is valid */
};

void lmgram_init(struct lmgram *g);

void lmgram_release(struct lmgram *g);

/*
 * Counts the n-grams of s[0..n), read up to its first NUL (textcat reads
 * its buffer so, with n as a limit on the prepared text), n > 0. Returns 0,
 * or -1 (memory).
 */
int lmgram_count(struct lmgram *g, const char *s, size_t n);

/* simplehash(s, characters in s) of a NUL-terminated n-gram of len bytes. */
uint32_t lmgram_hash(const char *s, size_t len);

#endif
