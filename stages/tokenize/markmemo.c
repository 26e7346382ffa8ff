#include "markmemo.h"

#include <stdlib.h>
#include <string.h>

#include "grow.h"

#define MARKMEMO_MAX_WORDS (1u << 16) /* emptied past this many words */
#define MARKMEMO_MAX_BYTES 64         /* longer words are not kept */

/* A word kept: bytes[off..off+len), its languages hits[first..first+n). */
struct markmemo_word {
    uint32_t hash, off, len, first, n;
};

int markmemo_init(struct markmemo *mm, size_t nlangs)
{
    memset(mm, 0, sizeof(*mm));
    mm->nlangs = nlangs;
    mm->tmp = calloc(nlangs ? nlangs : 1, sizeof(*mm->tmp));
    mm->slots = calloc(1024, sizeof(*mm->slots));
    mm->mask = 1023;
    if (!mm->tmp || !mm->slots) {
        markmemo_release(mm);
        return -1;
    }
    return 0;
}

void markmemo_release(struct markmemo *mm)
{
    free(mm->tmp);
    free(mm->words);
    free(mm->slots);
    free(mm->bytes);
    free(mm->hits);
    memset(mm, 0, sizeof(*mm));
}

static uint32_t markmemo_hash(const char *w, size_t len)
{
    uint32_t h = 2166136261u;

#pragma GCC unroll 4
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
}

static size_t markmemo_home(const struct markmemo *mm, uint32_t hash)
{
    return (size_t)(hash * 0x9E3779B1u >> 7) & mm->mask;
}

/* A table of size slots for the words kept; -1 (memory) leaves the old one. */
static int markmemo_regrow(struct markmemo *mm, size_t size)
{
    uint32_t *t = calloc(size, sizeof(*t));

    if (!t)
        return -1;
    free(mm->slots);
    mm->slots = t;
    mm->mask = size - 1;
    for (size_t k = 0; k < mm->nwords; k++) {
        size_t i = markmemo_home(mm, mm->words[k].hash);
        while (t[i])
            i = (i + 1) & mm->mask;
        t[i] = (uint32_t)k + 1;
    }
    return 0;
}

/* The hits of a word seen the first time, into mm->tmp (zeroed by the caller). */
static void markmemo_fold(struct markmemo *mm, const struct markidx *marks, const char *w,
                          size_t len, char *(*fold)(const char *, size_t, size_t *))
{
    size_t flen;
    char *f = fold(w, len, &flen);

    if (f)
        markidx_count(marks, f, flen, mm->tmp);
    free(f);
}

/* Keeps w[0..len) with the hits in mm->tmp, in free slot i; a memo, so memory short it is not kept.
 */
static void markmemo_keep(struct markmemo *mm, size_t i, const char *w, size_t len, uint32_t hash)
{
    size_t n = 0;

    for (size_t l = 0; l < mm->nlangs; l++)
        n += mm->tmp[l];
    if (grow_items(&mm->words, &mm->capwords, mm->nwords + 1, sizeof(*mm->words)) < 0 ||
        grow_items(&mm->bytes, &mm->capbytes, mm->nbytes + len, 1) < 0 ||
        grow_items(&mm->hits, &mm->caphits, mm->nhits + n, sizeof(*mm->hits)) < 0)
        return;
    mm->words[mm->nwords] = (struct markmemo_word){hash, (uint32_t)mm->nbytes, (uint32_t)len,
                                                   (uint32_t)mm->nhits, (uint32_t)n};
    memcpy(mm->bytes + mm->nbytes, w, len);
    mm->nbytes += len;
    for (size_t l = 0; l < mm->nlangs; l++)
        for (size_t c = 0; c < mm->tmp[l]; c++)
            mm->hits[mm->nhits++] = (uint32_t)l;
    mm->slots[i] = (uint32_t)++mm->nwords;
    if (2 * mm->nwords > mm->mask && markmemo_regrow(mm, 2 * (mm->mask + 1)) < 0) {
        memset(mm->slots, 0, (mm->mask + 1) * sizeof(*mm->slots));
        mm->nwords = mm->nbytes = mm->nhits = 0;
    }
}

void markmemo_count(struct markmemo *mm, const struct markidx *marks, const char *w, size_t len,
                    char *(*fold)(const char *, size_t, size_t *), size_t *hits)
{
    uint32_t hash = markmemo_hash(w, len);
    size_t i = markmemo_home(mm, hash);

    for (uint32_t v; (v = mm->slots[i]) != 0; i = (i + 1) & mm->mask) {
        const struct markmemo_word *x = &mm->words[v - 1];
        if (x->hash == hash && x->len == len && memcmp(mm->bytes + x->off, w, len) == 0) {
            for (uint32_t k = 0; k < x->n; k++)
                hits[mm->hits[x->first + k]]++;
            return;
        }
    }
    memset(mm->tmp, 0, mm->nlangs * sizeof(*mm->tmp));
    markmemo_fold(mm, marks, w, len, fold);
    for (size_t l = 0; l < mm->nlangs; l++)
        hits[l] += mm->tmp[l];
    if (len <= MARKMEMO_MAX_BYTES) {
        if (mm->nwords >= MARKMEMO_MAX_WORDS) {
            memset(mm->slots, 0, (mm->mask + 1) * sizeof(*mm->slots));
            mm->nwords = mm->nbytes = mm->nhits = 0;
            i = markmemo_home(mm, hash);
        }
        markmemo_keep(mm, i, w, len, hash);
    }
}
