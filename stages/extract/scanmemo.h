/*
 * scanmemo: what scanning asks of each token's fold, remembered from sentence to sentence.
 *
 * scan_sentence() asks of every token the tables of the lexicon that hold
 * its fold and those with a key it begins (numlex_mark()) and, for a word
 * in none of them, whether it reads as a number word (numval_word()).
 * Both answers depend on the lexicon and the fold alone, and most words
 * come again and again, so the memo keeps them for the folds seen last
 * (one fold a slot, by a hash of its bytes; a new fold takes the slot of
 * an old one): a word is looked up once, not once a sentence.
 *
 * scanmemo_new() returns NULL when memory ran out; scanmemo_free() frees
 * it. The memo borrows the lexicons it is asked about, which must outlive
 * it.
 */
#ifndef SCANMEMO_H
#define SCANMEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "numlex.h"
#include "numtok.h"
#include "numval.h"

struct scanmemo;

struct scanmemo *scanmemo_new(void);

void scanmemo_free(struct scanmemo *m);

enum scanmemo_word {
    SCANMEMO_UNKNOWN,
    SCANMEMO_NUMBER,
    SCANMEMO_NONE,
};

/* What the memo noted of one token of the list last marked. */
struct scanmemo_tok {
    unsigned char word; /* enum scanmemo_word: what scanmemo_word() answers, when known */
    uint32_t slot;      /* the slot its fold went to; past the last for none */
};

/*
 * Mark toks for nl exactly as numlex_mark() does, from the memo where it
 * can. Returns a note for each token, owned by the memo and valid until it
 * marks again (a caller reads word there and asks scanmemo_word() only when
 * it is SCANMEMO_UNKNOWN), or NULL when memory ran out: then toks is marked
 * through numlex_mark() itself, nothing is reported, and scanmemo_word()
 * answers all the same.
 */
const struct scanmemo_tok *scanmemo_mark(struct scanmemo *m, const struct numlex *nl,
                                         struct numtok_list *toks);

/*
 * numval_word(nl, fold) == 0 for the fold of token i of the list last
 * marked (with the same nl), from the memo where it can.
 */
bool scanmemo_word(struct scanmemo *m, const struct numlex *nl, const struct numtok_list *toks,
                   size_t i);

/*
 * numval_eval(nl, text, toks, i, i + 1, out) for token i of the list last
 * marked (with the same nl), from the memo where it can: a token alone
 * reads by its type and fold (and a number's text, which the memo answers
 * for only when it is its fold), so the answer is kept in the fold's slot.
 */
int scanmemo_eval(struct scanmemo *m, const struct numlex *nl, const char *text,
                  const struct numtok_list *toks, size_t i, struct numval *out);

#endif
