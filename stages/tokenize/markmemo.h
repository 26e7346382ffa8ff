/*
 * markmemo: the marker hits of each word already seen, so that a word met
 * again is neither folded (utf8proc, for non-ASCII words) nor looked up
 * in the marker index again. The hits of a word depend on its bytes
 * alone, so the memo holds across documents; it is emptied when it grows
 * past a bound.
 *
 * markmemo_init() sets up a caller's struct for nlangs languages;
 * markmemo_release() frees it.
 */
#ifndef MARKMEMO_H
#define MARKMEMO_H

#include <stddef.h>
#include <stdint.h>

#include "markidx.h"

struct markmemo_word;

struct markmemo {
    size_t nlangs;
    size_t *tmp; /* nlangs counters for a word seen the first time */
    struct markmemo_word *words;
    size_t nwords, capwords;
    uint32_t *slots; /* open addressing: word + 1, or 0 */
    size_t mask;
    char *bytes; /* the words' bytes */
    size_t nbytes, capbytes;
    uint32_t *hits; /* the words' languages, one entry per hit */
    size_t nhits, caphits;
};

/* Returns 0, or -1 (memory). */
int markmemo_init(struct markmemo *mm, size_t nlangs);

void markmemo_release(struct markmemo *mm);

/*
 * Adds 1 to hits[i] for each hit of word w[0..len) (raw bytes, folded
 * with fold, then looked up in marks) in language i. fold returns a
 * malloc'd folded copy and its length, or NULL (the word then has no hit).
 */
void markmemo_count(struct markmemo *mm, const struct markidx *marks, const char *w, size_t len,
                    char *(*fold)(const char *, size_t, size_t *), size_t *hits);

#endif
