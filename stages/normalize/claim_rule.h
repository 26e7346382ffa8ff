/*
 * claim_rule: the rules that turn the numbers of one sentence into claims.
 *
 * A number counts what a category trigger near it names. Triggers are the
 * nouns and verbs of each category in the language's lexicon, matched on
 * stems. The cost of a trigger is its distance in words from the number,
 * plus a penalty for each clause boundary between them; a trigger that is
 * the number's own noun ("26 doden") costs nothing; another number between
 * them blocks it (it has its own trigger), unless that number sits in an
 * aside ("inklusive två civila", "or more than a third"). Weak categories
 * (population) pay a penalty, so any other trigger near enough wins. The
 * cheapest trigger within lx->max_cost wins; none: the number is no claim.
 *
 * Scope: "part" after a part marker (the number then takes the category of
 * the whole it is part of), "increment" after an increment marker,
 * "estimate" with an estimate marker in its clause, else "total".
 *
 * Nothing here allocates; all spans are token ranges of the sentence.
 */
#ifndef CLAIM_RULE_H
#define CLAIM_RULE_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "claim_lex.h"
#include "claim_sent.h"
#include "normrec.h"

struct claim_num {
    struct normrec *rec;   /* borrowed number record */
    const char *kind;      /* its kind, "" when missing */
    double value;          /* its value, 0 when missing */
    size_t a, e;           /* its tokens [a, e); a == e when none was found */
    bool countable;        /* a kind that may count something */
    bool not_counted;      /* counts time or money ("26 jaar", "nine-month") */
    int cat;               /* category index into lx->cats, or -1 */
    size_t trig_a, trig_e; /* the winning trigger's tokens */
    bool trig_noun;
    size_t subj_a, subj_e; /* the counted noun and its modifiers */
    size_t head;           /* the noun trigger heading the subject, or subj_e */
    bool of_whole;         /* the subject follows "of" ("a third of the population") */
    const char *scope;     /* "total", "increment", "part", "estimate" */
    const char *victim;    /* a class name of lx->victims, or "" */
};

/*
 * Decide category, subject, scope and victim of the sentence's numbers
 * (nums in text order, their a/e/kind/countable/not_counted already set).
 */
void claim_rule_sentence(const struct claim_sent *s, const struct claim_lex *lx,
                         struct claim_num *nums, size_t n);

/* The attribution nearest to num: its name's tokens [*a, *e). false when none. */
bool claim_rule_attribution(const struct claim_sent *s, const struct claim_lex *lx,
                            const struct claim_num *num, size_t *a, size_t *e);

/*
 * The time anchor of the sentence ("as of 11 a.m. Wednesday"): a marker
 * followed in its clause by a time word or a time/date number. false when none.
 */
bool claim_rule_as_of(const struct claim_sent *s, const struct claim_lex *lx,
                      const struct claim_num *nums, size_t n, size_t *a, size_t *e);

/* The first side marker ("aan zijn kant") of the sentence: its first token, or ntok. */
size_t claim_rule_side_marker(const struct claim_sent *s, const struct claim_lex *lx);

#endif
