/*
 * numlex: one language's number lexicon, config/numbers/<lang>.json.
 *
 * Every word list, separator rule, qualifier, unit and kind cue of number
 * recognition is data in that file (docs/FORMATS.md); adding a language is
 * adding a file. Phrase keys ("more than", "ca.", "zo'n") are stored in the
 * folded, token-joined form of numtok_join(), so a lookup matches however
 * the text spaces or capitalises them. The "suffixes" table (letters glued
 * to digits: "10k", "10M") is matched as written, case and all.
 *
 * numlex_set_load() loads every file of CONFIG_DIR/numbers/ and owns them;
 * numlex_set_release() frees them. Lookups return borrowed values, valid
 * while the set lives. Loading reports "file:line: what" and returns -1.
 * The tables stay jansson objects; lookups go through hash indexes of them
 * built at load (numidx), and allocate nothing.
 */
#ifndef NUMLEX_H
#define NUMLEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "config.h"
#include "numidx.h"
#include "numtok.h"

enum numlex_table {
    NUMLEX_CARDINALS,       /* word -> value: "five", "tjue", "vijftig" */
    NUMLEX_MULTIPLIERS,     /* word -> factor: "hundred", "million", "dozen", "mrd." */
    NUMLEX_CONNECTORS,      /* list: "and", "og", "en", "und", "ën" (also inside words) */
    NUMLEX_ARTICLES,        /* list: "a", "een": one only before a multiplier or fraction */
    NUMLEX_WEAK_ONE,        /* list: "one": one, unless a blocker comes before */
    NUMLEX_ONE_BLOCKERS,    /* list: "the", "which": "the one" counts nothing */
    NUMLEX_ORDINALS,        /* word -> value: "second", "tweede" */
    NUMLEX_ORDINAL_SUFFIX,  /* list, as written: "nd", "th", "e" glued to digits */
    NUMLEX_DENOMINATORS,    /* word -> n: "third", "derde", "fjerdedeler" */
    NUMLEX_FIXED,           /* word -> value: "half" 0.5, "anderhalf" 1.5 */
    NUMLEX_SHARES,          /* list: words that always mean a share: "halvparten" */
    NUMLEX_SHARE_OF,        /* list: "of", "av", "van": a fraction of a whole */
    NUMLEX_VAGUE,           /* phrase -> smallest value promised: "tusenvis" 1000 */
    NUMLEX_QUALIFIERS,      /* phrase -> exact|approx|min|max, before the number */
    NUMLEX_POST_QUALIFIERS, /* phrase -> qualifier, after the number: "or more" */
    NUMLEX_RANGE_BETWEEN,   /* word -> joining word: "between" -> "and" */
    NUMLEX_RANGE_JOINS,     /* list: "-", "to", "à", "til" */
    NUMLEX_PERCENT,         /* list: "%", "prosent", "per cent" */
    NUMLEX_SUFFIXES,        /* as written -> factor: "k" 1000, "M" 1e6 */
    NUMLEX_UNITS,           /* phrase after the number -> [kind, unit] */
    NUMLEX_PREFIX_UNITS,    /* phrase before the number -> [kind, unit]: "$" */
    NUMLEX_MONTHS,          /* list: month names and their abbreviations */
    NUMLEX_TIME_BEFORE,     /* list: "kl.", "klockan" */
    NUMLEX_TIME_AFTER,      /* list: "a.m.", "uur", "uhr" */
    NUMLEX_DECADE_SUFFIX,   /* list, as written after a year: "s", "'s", "-talet" */
    NUMLEX_DECADE_WORDS,    /* list: "jaren": "de jaren negentig" is the 1990s */
    NUMLEX_NEGATIVE,        /* list: "minus", "negative" */
    NUMLEX_POINT,           /* list: "point", "komma": decimals in words */
    NUMLEX_FRACTION_JOINS,  /* phrase -> any|less|end: "over", "out of", "op de" (1 over 3) */
    NUMLEX_FRACTION_OF,     /* list: "of": "two thirds of a million" is a count */
    NUMLEX_DETERMINED,      /* list: ordinals only after a determiner: "andre" ("other") */
    NUMLEX_DETERMINERS,     /* list: "den", "det": "den andre" is the second */
    NUMLEX_GOVERNORS,       /* phrase -> list of words before it that make it a preposition */
    NUMLEX_NTABLES,
};

struct numlex {
    char *lang; /* the file's base name */
    struct config_file cf;
    char decimal;       /* '.' or ',' */
    json_t *group;      /* owned: array of the group separators as written */
    bool ordinal_dot;   /* "2." before a word is an ordinal */
    bool juxtaposed;    /* "twintig drie vijfde" is 20 + 3/5 (Dutch) */
    bool noun_ordinals; /* a capitalised ordinal inside a sentence is a noun: "Fürs Erste" */
    double year_min;    /* a bare four-digit number in [year_min, year_max] is a year */
    double year_max;
    json_t *t[NUMLEX_NTABLES];        /* owned: folded key -> value (true for lists) */
    size_t maxw[NUMLEX_NTABLES];      /* most tokens in a key */
    struct numidx ix[NUMLEX_NTABLES]; /* owned: an index of each table */
    struct numidx parts; /* owned: the leading parts of the words compounds are made of */
    struct numidx all;   /* owned: every key, with the tables that hold it */
    struct numidx heads; /* owned: every key's first word, with the tables that hold the key */
};

struct numlex_set {
    struct numlex *v;
    size_t n;
};

/* Load one file into nl, named lang. Returns 0 or -1. */
int numlex_load(struct numlex *nl, const char *path, const char *lang);

/* As numlex_load(), from text (for tests); name is used in messages. */
int numlex_load_text(struct numlex *nl, const char *name, const char *text, const char *lang);

void numlex_release(struct numlex *nl);

/* Load every CONFIG_DIR/numbers/<lang>.json. Returns 0 or -1 (none found is an error). */
int numlex_set_load(struct numlex_set *set, const char *config_dir);

void numlex_set_release(struct numlex_set *set);

/* The lexicon for lang, else "en", else the first; NULL for an empty set. */
const struct numlex *numlex_set_find(const struct numlex_set *set, const char *lang);

/* table[key] (key folded and token-joined), borrowed, or NULL. */
const json_t *numlex_get(const struct numlex *nl, enum numlex_table t, const char *key);

/* True when key is in table t. */
bool numlex_has(const struct numlex *nl, enum numlex_table t, const char *key);

/*
 * The longest key of table t that matches the tokens at toks->v[i...],
 * never going past token end. Returns the number of tokens matched (0 for
 * none) and sets *val (borrowed) when val is not NULL.
 */
size_t numlex_match(const struct numlex *nl, enum numlex_table t, const struct numtok_list *toks,
                    size_t i, size_t end, const json_t **val);

/* A number value from table t, or NAN. */
double numlex_num(const struct numlex *nl, enum numlex_table t, const char *key);

/* The tables that hold key, as a set of bits NUMLEX_BIT(t): one lookup for many tables. */
#define NUMLEX_BIT(t) ((uint64_t)1 << (t))
uint64_t numlex_tables(const struct numlex *nl, const char *key);

/*
 * Note in each token of toks the tables holding its fold (numlex_tables())
 * and those with a key it is the first word of: what scanning a sentence
 * asks of every token, in two lookups. numlex_match() then reads the mark.
 */
void numlex_mark(const struct numlex *nl, struct numtok_list *toks);

/*
 * Mark the one token tok as numlex_mark() marks each (toks->marked is the
 * caller's to set); it reads the fold's length and hash numtok_lex() left.
 */
void numlex_mark_one(const struct numlex *nl, struct numtok *tok);

/* True when table t holds the fold of token tok (marked by numlex_mark()). */
static inline bool numlex_tok_has(const struct numtok *tok, enum numlex_table t)
{
    return (tok->tables & NUMLEX_BIT(t)) != 0;
}

/* True when the fold of token tok is the first word of a key of table t (numlex_mark()). */
static inline bool numlex_tok_heads(const struct numtok *tok, enum numlex_table t)
{
    return (tok->heads & NUMLEX_BIT(t)) != 0;
}

/* As numlex_has() and numlex_num(), for key[0..len) (no NUL needed). */
bool numlex_hasn(const struct numlex *nl, enum numlex_table t, const char *key, size_t len);
double numlex_numn(const struct numlex *nl, enum numlex_table t, const char *key, size_t len);

/*
 * True when some word of the tables compounds are made of (cardinals,
 * multipliers, ordinals, denominators, fixed fractions, connectors) begins
 * with key[0..len): when not, no longer piece of a word that begins so can
 * be one either. *whole is set when key[0..len) is such a word itself.
 */
bool numlex_part_prefix(const struct numlex *nl, const char *key, size_t len, bool *whole);

#endif
