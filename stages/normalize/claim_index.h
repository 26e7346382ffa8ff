/*
 * claim_index: a lexicon's phrases by their first stem.
 *
 * Claim rules ask, for many tokens of a sentence and many phrase lists,
 * which phrase of the list starts at the token. Comparing the token's stem
 * with every phrase of every list cost more than the rest of the stage;
 * the index answers with one hash lookup per token (done once, when the
 * sentence is read), which lists then narrow to a handful of phrases.
 *
 * For compound matching (claim_lex.compound_min), claim_index_suffix()
 * finds the one-word phrases a token's stem ends with.
 *
 * The struct is the caller's; claim_index_release() frees what it holds.
 * Entries borrow the phrases' stems, which must outlive the index.
 * claim_index_add() returns -1 when memory ran out (not reported).
 */
#ifndef CLAIM_INDEX_H
#define CLAIM_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct claim_plist;

/* A phrase: its list's id (claim_plist.id) and its index in the list. */
struct claim_first {
    uint32_t list;
    uint32_t phrase;
};

/* A stem and the phrases that start with it, by list id, then phrase index. */
struct claim_stement {
    const char *stem; /* borrowed; NULL for an empty slot */
    size_t len;
    struct claim_first *first;
    size_t nfirst;
    bool single;    /* some phrase is this one word */
    uint64_t lists; /* bit claim_index_list_bit(id): a phrase of list id starts here */
};

struct claim_index {
    struct claim_stement *slots;
    size_t mask; /* slots - 1, a power of two less one; 0 before the first add */
    size_t n;
    size_t compound_min;  /* suffix lookups: 0 for none */
    uint64_t single_lens; /* bit k: a one-word phrase of k stem bytes (k < 63); bit 63: longer */
};

void claim_index_init(struct claim_index *ix, size_t compound_min);

void claim_index_release(struct claim_index *ix);

/* Add the phrases of pl (lists must be added in order of id). Returns 0 or -1. */
int claim_index_add(struct claim_index *ix, const struct claim_plist *pl);

/* The entry of stem[0..len), or NULL. */
const struct claim_stement *claim_index_find(const struct claim_index *ix, const char *stem,
                                             size_t len);

/*
 * The next entry with a one-word phrase that stem[0..len) ends with, as a
 * compound ends with its last noun: a proper suffix of at least
 * compound_min bytes, starting at *from or later (*from starts at 1). Sets
 * *from past it; NULL when there is no more.
 */
const struct claim_stement *claim_index_suffix(const struct claim_index *ix, const char *stem,
                                               size_t len, size_t *from);

/*
 * The bit of list id in claim_stement.lists: its own below 63, a shared one
 * above, so that a clear bit means surely none (and a set one perhaps).
 */
static inline uint64_t claim_index_list_bit(size_t id)
{
    return (uint64_t)1 << (id < 63 ? id : 63);
}

/* The phrases of list id in e: *n of them from the returned pointer. */
const struct claim_first *claim_index_list(const struct claim_stement *e, size_t id, size_t *n);

/* Whether e (or NULL) lists a phrase of some list with id in [lo, hi]. */
bool claim_index_has_lists(const struct claim_stement *e, size_t lo, size_t hi);

#endif
