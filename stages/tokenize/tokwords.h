/*
 * tokwords: a sorted set of folded words (NFC, case-folded) for lookups
 * such as abbreviations and marker words.
 *
 * The struct is the caller's; tokwords_release() frees the words it holds.
 * Functions return 0, or -1 when memory ran out or a word is not valid
 * UTF-8 (not reported: the caller names the config key).
 */
#ifndef TOKWORDS_H
#define TOKWORDS_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

struct tokwords {
    char **words; /* sorted, folded, owned */
    size_t n;
    size_t maxlen; /* of the longest word: a longer one is no member, without a search */
};

void tokwords_init(struct tokwords *ws);
void tokwords_release(struct tokwords *ws);

/* Fold each string of the JSON array arr (may be NULL) into ws. */
int tokwords_add_json(struct tokwords *ws, const json_t *arr);

/* Whether the folded word w (len bytes) is in ws. */
bool tokwords_has(const struct tokwords *ws, const char *w, size_t len);

/* Whether the unfolded text s[0..n) folds to a word in ws. */
bool tokwords_has_raw(const struct tokwords *ws, const char *s, size_t n);

/* The folded form of s[0..n) (free it), or NULL (invalid text, memory). */
char *tokwords_fold(const char *s, size_t n, size_t *len);

#endif
