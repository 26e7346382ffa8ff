/*
 * tokconf: the tokenize stage's configuration, loaded from CONFIG_DIR/
 * tokenize.json (limits, binary detection, sentence and token rules,
 * common furniture, scripts) and every CONFIG_DIR/lang/<code>.json (one
 * language each; adding a file adds a language).
 *
 * tokconf_load() fills a caller's struct and reports every problem as
 * "file:line: what" (returns -1); tokconf_release() frees everything.
 * Strings and compiled patterns are owned by the struct.
 */
#ifndef TOKCONF_H
#define TOKCONF_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "refilter.h"
#include "tokset.h"
#include "tokwords.h"

struct tokconf_pattern {
    char *name;
    regex_t re;             /* POSIX ERE, matched against the folded line */
    struct refilter filter; /* lines re cannot match */
};

struct tokconf_lang {
    char *code, *name, *textcat, *stemmer;
    char **close; /* codes of languages textcat confuses with this one */
    size_t nclose;
    struct tokwords markers;       /* words typical of this language only */
    struct tokwords abbreviations; /* folded, with their final '.' */
    struct tokwords ordinal_words; /* words after "19." that keep the sentence going */
};

enum tokconf_byte_flags {
    TOKCONF_BYTE_WORD = 1 << 0,  /* an ASCII letter or digit: inside a word */
    TOKCONF_BYTE_PLAIN = 1 << 1, /* ASCII but NUL, not a terminator: no sentence ends here */
    TOKCONF_BYTE_SPACE = 1 << 2, /* ASCII whitespace: between tokens */
    TOKCONF_BYTE_MARK = 1 << 3,  /* ASCII but NUL, not letter, digit or space: a token alone */
    TOKCONF_BYTE_PUNCT = 1 << 4, /* a MARK byte of token type 'p' (else 's') */
    TOKCONF_BYTE_STOP = 1 << 5,  /* ASCII but NUL, not letter, digit or word joiner: ends a word */
};

struct tokconf_range {
    int32_t lo, hi;
    size_t script;
};

struct tokconf {
    size_t max_document_bytes, max_sentence_bytes;
    size_t binary_sample_bytes;
    double binary_control_share, binary_invalid_share;
    char *model_dir, *default_lang;
    size_t langid_sample_bytes, min_marker_hits;
    struct tokset terminators, closers, continuers, line_final, symbols, word_joiners;
    char **group_separators; /* thousands separators inside numbers */
    size_t ngroup_separators;
    bool lowercase_continues, initials;
    size_t ordinal_max_digits;
    size_t furniture_max_line_bytes, foreign_min_letters;
    double foreign_min_share;
    struct tokconf_pattern *patterns; /* common ones, then each language's */
    size_t npatterns;
    char **scripts;
    size_t nscripts;
    struct tokconf_range *ranges;
    size_t nranges;
    unsigned char ascii_category[0x80]; /* utf8proc_category() of each ASCII character */
    unsigned char byte_class[0x100];    /* TOKCONF_BYTE_* flags of each byte, for byte loops */
    struct tokconf_lang *langs;         /* sorted by code */
    size_t nlangs;
};

/* Load dir/tokenize.json and dir/lang/\*.json. Returns 0 or -1 (reported). */
int tokconf_load(struct tokconf *tc, const char *dir);

void tokconf_release(struct tokconf *tc);

/* The language with this code, or NULL. */
const struct tokconf_lang *tokconf_lang_get(const struct tokconf *tc, const char *code);

/* The script index of letter cp, or tc->nscripts when no range holds it. */
size_t tokconf_script(const struct tokconf *tc, int32_t cp);

#endif
