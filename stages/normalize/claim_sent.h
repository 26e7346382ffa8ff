/*
 * claim_sent: one sentence record made ready for claim rules.
 *
 * claim_sent_init() reads a "sentence" record (docs/FORMATS.md): its
 * tokens, with their offsets into the sentence text (shifted by the bytes
 * of U+FFFD that replaced each invalid byte listed in "bad"), folded text
 * and stems, and the clause segments between , ; : ( ) and dashes, with
 * the asides among them (a segment opened by an apposition or part marker
 * of lx, or in parentheses). The
 * struct borrows the record's text (it must outlive the struct) and owns
 * its token array, unless made by an _in variant in the caller's room;
 * claim_sent_release() frees what it owns. Errors: -1 when memory
 * ran out (not reported); odd records give an empty sentence, not an error.
 */
#ifndef CLAIM_SENT_H
#define CLAIM_SENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "claim_lex.h"
#include "jscan.h"

/*
 * A token as a sentence record lists it, [offset, length, type], is a struct jscan_triple
 * (common/jscan.h), so that the triples the scan of a record read serve as they are: a is the
 * offset, b the length (0 for a missing number), c the first byte of the type string (0 for ""),
 * -1 when it is no string.
 */

/*
 * A sentence record's fields as claim_sent_init_raw() reads them: the
 * values jansson's *_value() getters would give (0, "" or nothing when a
 * field is missing or of another type). Everything is borrowed.
 */
struct claim_rawsent {
    const char *text;
    size_t tlen;
    long long start, sid, para;
    const struct jscan_triple *tok;
    size_t ntok;
    const long long *bad; /* the integers of "bad" */
    size_t nbad;
};

/* Ordered so that a token fills 80 bytes, not 96: most sentences are read for places only. */
struct claim_tok {
    size_t start, end;               /* in the original file */
    size_t ts, te;                   /* in the sentence text */
    const char *stem;                /* folded stem, in the sentence's stems; "" for punctuation */
    size_t stemlen;                  /* strlen(stem) */
    size_t seg;                      /* clause segment */
    const struct claim_stement *ent; /* the phrases starting with its stem, or NULL */
    int num;       /* the number covering it (its index in the sentence's numbers), or -1 */
    int verb;      /* -1, or the category whose verb trigger covers it */
    char type;     /* 'w' word, 'n' number-like, 'p' punctuation, 's' symbol */
    bool upper;    /* begins with an upper-case letter */
    bool clause;   /* a clause boundary: , ; : ( ) or a dash */
    bool compound; /* its stem ends with a one-word phrase (claim_index_suffix) */
};

struct claim_sent {
    const char *text;
    size_t tlen;
    size_t start; /* offset of text in the original file */
    long long sid, para;
    struct claim_tok *tok;
    size_t ntok;
    bool tok_borrowed; /* tok is the caller's room (the _in variants), not freed here */
    char *stems;       /* the tokens' stems, each NUL-terminated */
    size_t nseg;
    bool *paren; /* per segment: an aside ("inklusive två civila", "or a third") */
};

/* Read rec. lx may be NULL (no stems). Returns 0 or -1. */
int claim_sent_init(struct claim_sent *s, const json_t *rec, const struct claim_lex *lx);

/* The same from a record's fields already read (its text must outlive s). Returns 0 or -1. */
int claim_sent_init_raw(struct claim_sent *s, const struct claim_rawsent *r,
                        const struct claim_lex *lx);

/*
 * The same with the tokens in room, the caller's, with space for r->ntok of
 * them: it must outlive s, and claim_sent_release() leaves it. A document's
 * sentences can share one array so. Returns 0 or -1.
 */
int claim_sent_init_raw_in(struct claim_sent *s, const struct claim_rawsent *r,
                           const struct claim_lex *lx, struct claim_tok *room);

/*
 * The same without what only claim rules use: every stem is "" and there
 * are no segments (nseg 0, paren NULL); the tokens' offsets, type, upper
 * and clause are as claim_sent_init_raw() sets them, so that places are
 * found the same. Returns 0 or -1.
 */
int claim_sent_init_light(struct claim_sent *s, const struct claim_rawsent *r);

/* claim_sent_init_light() with the tokens in room, as claim_sent_init_raw_in(). 0 or -1. */
int claim_sent_init_light_in(struct claim_sent *s, const struct claim_rawsent *r,
                             struct claim_tok *room);

/* Give a sentence made by claim_sent_init_light() its stems (still no segments). 0 or -1. */
int claim_sent_add_stems(struct claim_sent *s, const struct claim_lex *lx);

/*
 * The same for the tokens i with want[i] only (want NULL: all); the others
 * get the stem "" and no phrases, so that only phrases read within the
 * wanted tokens match as in a full read. 0 or -1.
 */
int claim_sent_add_stems_where(struct claim_sent *s, const struct claim_lex *lx, const bool *want);

/*
 * Read the fields of a sentence record into *r, with arrays it allocates
 * (free them with claim_rawsent_release). Returns 0 or -1 (out of memory).
 */
int claim_rawsent_from_json(struct claim_rawsent *r, const json_t *rec);

void claim_rawsent_release(struct claim_rawsent *r);

void claim_sent_release(struct claim_sent *s);

/*
 * Does phrase ph match at word token i? Skips tokens of numbers. Returns the
 * index after its last token, or 0. compound: a one-word noun may also end
 * a compound (lx->compound_min).
 */
size_t claim_match(const struct claim_sent *s, size_t i, const struct claim_phrase *ph,
                   const struct claim_lex *lx, bool compound);

/* claim_match_list() at a word token that its quick tests do not rule out. */
size_t claim_match_listed(const struct claim_sent *s, size_t i, const struct claim_plist *pl,
                          const struct claim_lex *lx, bool compound, size_t *which);

/*
 * The longest phrase of pl matching at i, the first of equals (its end,
 * *which set), or 0 (*which 0). Only the phrases the lexicon's index lists
 * for the token's stem are tried. Inline because claim rules ask it of most
 * tokens with most lists, mostly in vain: the list bits of the token's stem
 * rule out most at once.
 */
static inline size_t claim_match_list(const struct claim_sent *s, size_t i,
                                      const struct claim_plist *pl, const struct claim_lex *lx,
                                      bool compound, size_t *which)
{
    *which = 0;
    if (i >= s->ntok)
        return 0;
    const struct claim_tok *t = &s->tok[i];
    if ((t->type != 'w' && t->type != 'n') || t->num >= 0)
        return 0;
    if (pl->id != 0 && !(t->ent && (t->ent->lists & claim_index_list_bit(pl->id))) &&
        !(compound && t->compound))
        return 0;
    return claim_match_listed(s, i, pl, lx, compound, which);
}

/*
 * May a phrase of a list in the lexicon's index match at token i? false
 * when claim_match_list() surely returns 0 there for every list with an id
 * (no phrase starts with its stem, and it ends with no one-word phrase).
 */
bool claim_may_start(const struct claim_sent *s, size_t i);

/* Is token i a stop word (or part of a number, or not a word)? */
bool claim_stopword(const struct claim_sent *s, size_t i, const struct claim_lex *lx);

/* The token index of the first token overlapping [start,end), or ntok. */
size_t claim_tok_at(const struct claim_sent *s, size_t start, size_t end, size_t *last);

#endif
