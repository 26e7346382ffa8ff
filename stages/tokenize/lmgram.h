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
 * low 13 bits), newest first in each.
 *
 * As no n-gram spans a '_', the n-grams of "_word_" are the same
 * wherever it occurs (only the text's last piece is cut short). lmgram
 * keeps, across documents, a dictionary of n-grams (each gets a number)
 * and the n-gram numbers of each word seen, so a word met again costs one
 * lookup. The dictionaries are emptied when they grow past a bound.
 * The words are tallied at the text's end, in the order first met, each
 * once with the times it occurs: as a repeat finds each of its n-grams
 * counted already, this leaves the counts and the order n-grams are first
 * met in (hence the table's order) as they were.
 *
 * The caller provides the struct: lmgram_init(), lmgram_release().
 */
#ifndef LMGRAM_H
#define LMGRAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LMGRAM_SYMBOLS 5   /* MAXNGRAMSYMBOL: characters in the longest n-gram */
#define LMGRAM_BYTES 20    /* MAXNGRAMSIZE: bytes in the longest n-gram */
#define LMGRAM_TABLEPOW 13 /* TABLEPOW: textcat's buckets */
#define LMGRAM_UNTAGGED INT32_MIN

/* An n-gram of the dictionary. */
struct lmgram_gram {
    char str[24];  /* NUL-padded; n-grams hold no NUL */
    uint32_t hash; /* textcat's simplehash(n-gram, characters in it) */
    uint32_t len;
    int32_t tag; /* the caller's, LMGRAM_UNTAGGED when the n-gram is added */
};

struct lmgram_unit;

struct lmgram {
    /* Results of lmgram_count(), valid until the next call. */
    struct lmgram_gram *grams;
    uint32_t *cnt;    /* per n-gram: its count in the text last counted */
    uint16_t *bucket; /* per n-gram: its bucket in textcat's table */
    /*
     * The text's n-grams in the order textcat's table lists them: the
     * buckets set in used[] in ascending order; in each, the n-gram
     * id = head[bucket], then id = next[id] while id >= 0.
     */
    uint32_t *created; /* the n-grams in the order first met */
    size_t ncreated;
    int32_t *next;                      /* per n-gram: textcat's next in its bucket */
    int32_t head[1 << LMGRAM_TABLEPOW]; /* -1 for a bucket with no n-gram */
    uint8_t used[1 << LMGRAM_TABLEPOW]; /* 1 for the buckets with n-grams, else 0 */

    /* The text. */
    char *buf;
    size_t capbuf, captext;
    uint32_t *scratch; /* n-grams of one word */
    size_t capscratch;
    uint32_t stamp;   /* this text's number, as units record it */
    uint32_t *events; /* the words met in this text, to be tallied (see lmgram.c) */
    size_t nevents, capevents;
    uint32_t *stash; /* the n-grams of the words not kept */
    size_t nstash, capstash;
    bool plain[0x100]; /* kept as is, a character each: ASCII but NUL, space, digit, _ */

    /* The n-gram dictionary: open addressing, slot holds number + 1. */
    size_t ngrams, capgrams, capcnt, capbucket, capnext;
    uint32_t *gslots;
    size_t gmask;
    unsigned gshift;

    /* The words: their bytes in kpool, their n-grams in gpool. */
    struct lmgram_unit *units;
    size_t nunits, capunits;
    uint32_t *uslots;
    size_t umask;
    unsigned ushift;
    char *kpool;
    size_t nk, capk;
    uint32_t *gpool;
    size_t ng, capg;
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
