/*
 * tokset: a set of characters given as a UTF-8 string in the config
 * (sentence terminators, closers, word joiners, symbols), looked up once per
 * character of the text: ASCII members in a bitmap, the others in a short
 * list. Decoding the string on every lookup was a twentieth of tokenize's
 * time.
 *
 * The struct is the caller's and owns a copy of the string and the list;
 * tokset_release() frees them (and is safe on a zeroed struct).
 */
#ifndef TOKSET_H
#define TOKSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tokset {
    char *utf8;        /* the members as given */
    uint64_t ascii[2]; /* bit c: ASCII character c is a member */
    int32_t *others;   /* non-ASCII members, up to the first invalid byte */
    size_t nothers;
};

/* Build the set of the characters of utf8. Returns 0 or -1 (memory). */
int tokset_init(struct tokset *set, const char *utf8);

void tokset_release(struct tokset *set);

bool tokset_has_other(const struct tokset *set, int32_t cp);

/* Whether cp is a member (never for 0 or a negative cp). */
static inline bool tokset_has(const struct tokset *set, int32_t cp)
{
    if (cp > 0 && cp < 0x80)
        return (set->ascii[cp >> 6] >> (cp & 63)) & 1;
    return tokset_has_other(set, cp);
}

#endif
