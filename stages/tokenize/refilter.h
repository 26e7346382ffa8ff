/*
 * refilter: a cheap test that rules out most lines before regexec() runs a
 * furniture pattern on them (regexec was a tenth of tokenize's time, and
 * nearly every call found nothing).
 *
 * The condition is read from the pattern's text (a POSIX ERE matched in the
 * C locale, so byte by byte) and is only ever a necessary one: a pattern
 * starting with '^' can only match a text whose first byte is one its first
 * element allows, and that starts with the literal after the '^' if there
 * is one ("^source:?$": "source") or, for a group, with the literal of one
 * of its alternatives when each has one ("^(annonse|reklame)$": "annonse"
 * or "reklame"); any other pattern only a text that holds
 * the literal its matches all start with. When the pattern is not that
 * simple (a top-level '|', an optional first element, '.', a negated or
 * named bracket class), there is no condition and every text may match.
 *
 * The struct is the caller's; refilter_release() frees the literals.
 * refilter_init() returns 0 or -1 (memory).
 */
#ifndef REFILTER_H
#define REFILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum refilter_kind {
    REFILTER_NONE,    /* every text may match */
    REFILTER_FIRST,   /* anchored: the first byte must be in first, the text start with lit */
    REFILTER_LITERAL, /* the text must contain lit */
};

struct refilter_alt {
    char *lit;
    size_t len;
};

struct refilter {
    enum refilter_kind kind;
    uint64_t first[4]; /* bit b: a match may start with byte b */
    char *lit;
    size_t litlen;
    struct refilter_alt *alts; /* FIRST: the text must start with one of these (when any) */
    size_t nalts;
};

int refilter_init(struct refilter *f, const char *re);
void refilter_release(struct refilter *f);

/* False only when re cannot match anywhere in text[0..len). */
bool refilter_may_match(const struct refilter *f, const char *text, size_t len);

/*
 * refilter_may_match() of text[0..len) with A-Z lowered (as an ASCII
 * line's fold is), without lowering it: false only when re cannot match
 * there.
 */
bool refilter_may_match_lowered(const struct refilter *f, const char *text, size_t len);

/* False only when re cannot match a text whose first byte is b. */
bool refilter_may_start(const struct refilter *f, unsigned char b);

#endif
