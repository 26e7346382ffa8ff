/*
 * numval: the value of a number as written, in one language (numlex).
 *
 * numval_digits() reads digits with the language's separators: "65.036" is
 * 65036 where '.' groups thousands (nb, nl, de) and "4,800" is 4.8 where ','
 * is the decimal mark. A lone mark before exactly three digits could be
 * either; the language decides and the reading is marked ambiguous.
 *
 * numval_eval() reads a run of tokens as one number: number words and
 * compounds ("tjuefem", "zeventien miljoen drieënvijftigduizend"), digits
 * with multipliers ("1,5 millioner", "3 hundred and 21"), fractions ("two
 * thirds", "een derde", "one hundred thirty fifths", "three and one fourth", "2 1/4"),
 * powers in digits ("1e10", "2.5^-1"), a leading minus. It rejects a run that is not one
 * well-formed number ("423 0000", "three two"), which is how extract decides
 * where one number ends.
 *
 * Nothing is allocated that outlives a call; functions return 0 when the
 * text is a number and -1 when it is not (nothing is reported).
 */
#ifndef NUMVAL_H
#define NUMVAL_H

#include <stdbool.h>
#include <stddef.h>

#include "numlex.h"
#include "numtok.h"

struct numval {
    double value;
    bool ambiguous;     /* separators allowed two readings */
    bool ordinal;       /* "second", "tweede", "2nd" */
    bool fraction;      /* a denominator or fixed fraction was read */
    bool words;         /* at least one number word */
    bool grouped;       /* digits with group separators ("2,000", "120 000") */
    int decimals;       /* digits after the decimal mark, -1 when none */
    int trailing_zeros; /* zeros at the end of the integer digits (rounding shown) */
    bool overflow;      /* set on failure: digits too many or too large for a double */
};

/* The value of s[0..n), a number token. */
int numval_digits(const struct numlex *nl, const char *s, size_t n, struct numval *out);

/* The value of toks->v[from..to) (text is what was lexed). */
int numval_eval(const struct numlex *nl, const char *text, const struct numtok_list *toks,
                size_t from, size_t to, struct numval *out);

/*
 * True when toks->v[from..to) may be a power in digits ("1e10", "-1.1^23", "1.3x10^6");
 * numval_eval() then reads it as one, or rejects it.
 */
bool numval_maybe_power(const struct numtok_list *toks, size_t from, size_t to);

/* As numval_eval(), but a lone article counts one: "een op de twintig", "a in 3". */
int numval_eval_count(const struct numlex *nl, const char *text, const struct numtok_list *toks,
                      size_t from, size_t to, struct numval *out);

/* True when token i is the dot of an abbreviated multiplier ("mrd.", "mio."). */
bool numval_abbr_dot(const struct numlex *nl, const struct numtok_list *toks, size_t i);

/*
 * The value of one folded word, a number word or a compound of them
 * ("tvåhundrafemtio"); *ordinal is set when it ends in an ordinal.
 */
int numval_word(const struct numlex *nl, const char *word, double *value, bool *ordinal);

#endif
