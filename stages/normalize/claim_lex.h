/*
 * claim_lex: one language's claim lexicon (config/claims/<lang>.json).
 *
 * Every word list of the file is loaded as a list of phrases; each phrase
 * is a sequence of words, each case-folded (utf8_fold) and reduced to its
 * Snowball stem with the language's stemmer (libstemmer, "UTF_8"), so that
 * text tokens are compared stem to stem. The struct is the caller's;
 * claim_lex_release() frees everything it holds, the stemmer included.
 * claim_lex_load() reports problems as "file:line: what" and returns -1.
 */
#ifndef CLAIM_LEX_H
#define CLAIM_LEX_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "buf.h"
#include "claim_index.h"
#include "wordcache.h"

struct sb_stemmer;

/* One entry of a word list: its words' stems, in order. */
struct claim_phrase {
    char **stems;
    size_t n;
};

struct claim_plist {
    struct claim_phrase *items;
    size_t n;
    size_t id; /* 1 .. claim_lex.nlists: its slot in a sentence's match memo; 0: none */
};

/* A claim category and its triggers. */
struct claim_cat {
    char *name;
    struct claim_plist nouns; /* the counted thing: "doden", "refugees" */
    struct claim_plist verbs; /* what happened to it: "killed", "krysset grensen" */
    bool weak;                /* loses to any other trigger near enough (population) */
    bool attached_only;       /* counts only as the number's own noun (other) */
    double min_value;         /* smaller numbers are no claim of it ("one attack": an article) */
};

struct claim_class {
    char *name;
    struct claim_plist words;
};

struct claim_lex {
    char *lang;
    char *locale; /* gettext locale of iso-codes' translations, "" for English */
    struct sb_stemmer *stemmer;
    char **genitive;     /* NULL-terminated suffixes a place name may take */
    size_t compound_min; /* a noun of this many stem bytes also ends compounds; 0: never */
    size_t phrase_gap;   /* words allowed between the words of a phrase */
    double max_cost, clause_penalty, weak_penalty;
    struct claim_cat *cats;
    size_t ncats;
    struct claim_class *victims;
    size_t nvictims;
    struct claim_plist increment, part, part_after, estimate, apposition;
    struct claim_plist attr_after, attr_before, as_of, time_words;
    struct claim_plist side_markers, of_words, not_counted, stopwords;
    struct claim_plist conjunctions; /* bound a clause like a comma: "... killed and 138 ..." */
    struct claim_plist locatives;    /* "in": the place named after one is where it happened */
    size_t nlists;                   /* how many phrase lists in all */
    struct claim_index index;        /* every list's phrases by first stem */
    struct wordcache *stems;         /* words of the text and their stems */
};

/* Load path into lx. Returns 0, or -1 with a message. */
int claim_lex_load(struct claim_lex *lx, const char *path);

void claim_lex_release(struct claim_lex *lx);

/*
 * The stem of the word s[0..n) (any case) as a new string (free it), or
 * NULL when s is not valid UTF-8 or memory ran out.
 */
char *claim_lex_stem(const struct claim_lex *lx, const char *s, size_t n);

/* Append stem[0..len) and a NUL to out (both counted in out->len). Returns 0 or -1. */
int claim_lex_add_stem(struct buf *out, const char *stem, size_t len);

/* What the index tells of a word's stem (claim_index_find(), claim_index_suffix()). */
struct claim_lex_word {
    const struct claim_stement *ent; /* the phrases starting with the stem, or NULL */
    bool compound;                   /* the stem ends with a one-word phrase */
};

/*
 * Append the stem of the word s[0..n) and a NUL to out, as claim_lex_stem()
 * makes it, and set *w for the stem, remembering both for the next time.
 * Returns 0, or -1 when s is not valid UTF-8 or memory ran out.
 */
int claim_lex_word_to(const struct claim_lex *lx, const char *s, size_t n, struct buf *out,
                      struct claim_lex_word *w);

/* Parse one list entry ("mistet livet") into ph. Returns 0 or -1 (out of memory, not reported). */
int claim_lex_phrase(const struct claim_lex *lx, const char *entry, struct claim_phrase *ph);

void claim_plist_release(struct claim_plist *pl);

#endif
