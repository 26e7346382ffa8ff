/*
 * scan: find the numeric expressions of one sentence (extract's core).
 *
 * scan_sentence() reads the sentence's tokens (numtok) with one language's
 * lexicon (numlex) and appends one struct scan_mention per expression:
 * digits, number words, fractions, vague quantities, percents, ranges,
 * dates, times, years and ordinals, each with the token spans of its parts
 * (qualifier words before it, the number itself, the high end of a range,
 * a unit or percent word after it) for normalize to resolve. Tokens that
 * are no numbers (HTML5, COVID-19, annons_2, phone numbers, IP addresses)
 * give nothing.
 *
 * scan_sentence() marks toks for nl (numlex_mark()) before reading them.
 * The list owns its array (scan_list_release()); spans are token indexes.
 * scan_sentence() returns 0, or -1 when memory ran out (not reported).
 */
#ifndef SCAN_H
#define SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "numlex.h"
#include "numtok.h"

struct scan_span {
    size_t from, to; /* tokens [from, to); empty when from == to */
};

struct scan_mention {
    size_t from, to;  /* the whole expression */
    const char *form; /* digits, words, fraction, vague, percent, range */
    const char *hint; /* date, time, year, decade, ordinal, or NULL */
    struct scan_span num, hi, qual, postq, post, unit, prefix, suffix;
    struct scan_span den; /* the denominator of "one over three", "1 in 21" */
    bool share;           /* a fraction of a whole ("over halvparten av") */
};

struct scan_list {
    struct scan_mention *v;
    size_t n, cap;
};

#define SCAN_LIST_INIT                                                                             \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

int scan_sentence(const struct numlex *nl, const char *text, struct numtok_list *toks,
                  struct scan_list *out);

/*
 * scan_sentence() with a memo of what it asks of each token (scanmemo.h),
 * kept by the caller from sentence to sentence; NULL for none. The mentions
 * found are the same.
 */
struct scanmemo;
int scan_sentence_memo(const struct numlex *nl, const char *text, struct numtok_list *toks,
                       struct scanmemo *memo, struct scan_list *out);

void scan_list_release(struct scan_list *list);

#endif
