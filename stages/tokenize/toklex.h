/*
 * toklex: split a sentence into tokens [start, end, type] (docs/FORMATS.md).
 *
 * Types: 'w' word (starts with a letter: "HTML5"), 'n' number-like (starts
 * with a digit: "65.036", "2,000", "7,8", "11:30", "3D"; digit groups
 * separated by a configured thousands separator such as a space, NBSP or
 * U+202F join when the group before has at most 3 digits and the group
 * after exactly 3: "120 000"), 'p' punctuation, 's' symbol (Unicode
 * symbols, dashes, and the config's "symbols" such as '%'). A word keeps
 * inner hyphens, apostrophes and dots ("Nagorno-Karabakh", "f.eks"), and
 * its final '.' when word plus dot is an abbreviation of the language.
 *
 * struct toklex_list owns its array; toklex_scan() returns 0 or -1 (memory).
 */
#ifndef TOKLEX_H
#define TOKLEX_H

#include <stddef.h>

#include "tokconf.h"

struct toklex {
    size_t start, end;
    char type; /* 'w', 'n', 'p' or 's' */
};

struct toklex_list {
    struct toklex *v;
    size_t n, cap;
};

void toklex_list_init(struct toklex_list *l);
void toklex_list_release(struct toklex_list *l);

/* Replace l's contents with the tokens of s[a..b). lang may be NULL. */
int toklex_scan(const struct tokconf *tc, const struct tokconf_lang *lang, const char *s, size_t a,
                size_t b, struct toklex_list *l);

#endif
