#include "markidx.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static size_t markidx_hash(const char *w, size_t len)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */

    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)w[i]) * 1099511628211u;
    return (size_t)h;
}

static struct markidx_slot *markidx_find(const struct markidx *mi, const char *w, size_t len)
{
    for (size_t i = markidx_hash(w, len) & mi->mask;; i = (i + 1) & mi->mask) {
        struct markidx_slot *s = &mi->slots[i];
        if (!s->word || (s->len == len && memcmp(s->word, w, len) == 0))
            return s;
    }
}

/* Count language lang (each word once per language) in the word's slot. */
static void markidx_note(struct markidx *mi, const char *w, size_t lang)
{
    size_t len = strlen(w);
    struct markidx_slot *s = markidx_find(mi, w, len);

    if (!s->word) {
        s->word = w;
        s->len = len;
    }
    if (s->last != lang + 1) {
        s->last = lang + 1;
        s->n++;
    }
}

/* Put lang in the word's list, its slot's n counting the languages filled so far. */
static void markidx_fill(struct markidx *mi, const char *w, size_t lang)
{
    struct markidx_slot *s = markidx_find(mi, w, strlen(w));

    if (s->last != lang + 1) {
        s->last = lang + 1;
        mi->langs[s->first + s->n++] = lang;
    }
}

static size_t markidx_words(const struct tokconf *tc)
{
    size_t n = 0;

    for (size_t i = 0; i < tc->nlangs; i++)
        n += tc->langs[i].markers.n;
    return n;
}

/* Give each word its stretch of langs[], and reset the slots for filling. */
static void markidx_place(struct markidx *mi)
{
    size_t at = 0;

    for (size_t i = 0; i <= mi->mask; i++) {
        struct markidx_slot *s = &mi->slots[i];
        s->first = at;
        at += s->n;
        s->n = 0;
        s->last = 0;
    }
}

int markidx_init(struct markidx *mi, const struct tokconf *tc)
{
    size_t words = markidx_words(tc), size = 16;

    while (size < 2 * words)
        size *= 2;
    mi->mask = size - 1;
    mi->slots = calloc(size, sizeof(*mi->slots));
    mi->langs = malloc((words ? words : 1) * sizeof(*mi->langs));
    if (!mi->slots || !mi->langs) {
        markidx_release(mi);
        return -1;
    }
    for (size_t i = 0; i < tc->nlangs; i++)
        for (size_t k = 0; k < tc->langs[i].markers.n; k++)
            markidx_note(mi, tc->langs[i].markers.words[k], i);
    markidx_place(mi);
    for (size_t i = 0; i < tc->nlangs; i++)
        for (size_t k = 0; k < tc->langs[i].markers.n; k++)
            markidx_fill(mi, tc->langs[i].markers.words[k], i);
    return 0;
}

void markidx_release(struct markidx *mi)
{
    free(mi->slots);
    free(mi->langs);
    mi->slots = NULL;
    mi->langs = NULL;
    mi->mask = 0;
}

void markidx_count(const struct markidx *mi, const char *w, size_t len, size_t *hits)
{
    const struct markidx_slot *s = markidx_find(mi, w, len);

    for (size_t i = 0; s->word && i < s->n; i++)
        hits[mi->langs[s->first + i]]++;
}
