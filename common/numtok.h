/*
 * numtok: split text into the tokens number recognition works on.
 *
 * Words are runs of letters and marks (digits inside a word that began with
 * a letter stay in it: "HTML5"), with internal apostrophes ("zo'n", "zo’n").
 * Numbers begin with a digit (or a '.' or ',' right before a digit after a
 * space) and take '.' and ',' between digits, and a space, NBSP, U+202F or
 * U+2009 before a group of exactly three digits after a head of one to three
 * digits ("120 000"). Everything else but white space is one punctuation
 * token per character. Each token keeps its byte span and a folded form
 * (case-folded, typographic apostrophes as "'", dashes and minus signs as
 * "-") that the config's phrases are matched against.
 *
 * The list owns the folded strings (kept together in one buffer: a malloc
 * for each token cost more than the lexing); numtok_list_release() frees
 * them. A token's fold stays valid until the list is released or lexed into
 * again.
 * numtok_lex() returns 0, or -1 when memory ran out (not reported).
 */
#ifndef NUMTOK_H
#define NUMTOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum numtok_type {
    NUMTOK_WORD,
    NUMTOK_NUM,
    NUMTOK_PUNCT,
};

struct numtok {
    size_t start, end; /* bytes of the text lexed */
    enum numtok_type type;
    bool space;  /* white space (or the start of text) before it */
    char *fold;  /* owned by the list, NUL-terminated */
    size_t foff; /* where fold lies in the list's buffer */
    size_t flen; /* bytes in fold, without its NUL */
    /* numidx_hash() of fold[0..flen), made as it is folded */
    uint32_t hash;
    /*
     * Set by numlex_mark() (0 from numtok_lex()): the tables of one lexicon
     * that hold fold as a key, and those with a key whose first word it is.
     */
    uint64_t tables, heads;
};

/* Folds of non-ASCII words made before, so that each is made once (opaque). */
struct numtok_cache;

struct numtok_list {
    struct numtok *v;
    size_t n, cap;
    struct buf folds;           /* every token's fold, each with its NUL */
    const void *marked;         /* the lexicon numlex_mark() last marked every token for, or NULL */
    struct numtok_cache *cache; /* owned: made by numtok_list_reset(), for a list lexed again */
};

#define NUMTOK_LIST_INIT                                                                           \
    {                                                                                              \
        NULL, 0, 0, BUF_INIT, NULL, NULL                                                           \
    }

/* Bytes of list->folds kept allocated past the last fold's NUL after numtok_lex(). */
#define NUMTOK_FOLD_PAD 8

/*
 * Append the tokens of s[0..n) to list. Past the NUL of the last fold,
 * NUMTOK_FOLD_PAD bytes stay allocated (their values unspecified), so that
 * a fold may be read a word at a time.
 */
int numtok_lex(const char *s, size_t n, struct numtok_list *list);

/*
 * Empty list, keeping its memory for the next numtok_lex(), and a cache of
 * the folds of non-ASCII words, which a list lexed into again and again
 * meets again and again (made here: a list used once makes none).
 */
void numtok_list_reset(struct numtok_list *list);

void numtok_list_release(struct numtok_list *list);

/*
 * The folded tokens list->v[from..to) joined by single spaces, in a new
 * string (free it), or NULL when memory ran out.
 */
char *numtok_join(const struct numtok_list *list, size_t from, size_t to);

#endif
