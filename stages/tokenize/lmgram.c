#include "lmgram.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

#define LMGRAM_BUCKETS (1u << LMGRAM_TABLEPOW)
#define LMGRAM_MAX_GRAMS (1u << 19) /* the dictionaries are emptied past these */
#define LMGRAM_MAX_UNITS (1u << 17)
#define LMGRAM_UNIT_BYTES 64 /* longer words are not kept */

/* A word kept: its bytes kpool[koff..+klen) (without the '_' around), its n-grams
 * gpool[goff..+glen); times it occurs in the text numbered stamp. */
struct lmgram_unit {
    uint32_t hash, koff, klen, goff, glen, stamp, times;
};

/* textcat's INVALID(): isspace() or isdigit() in the C locale. */
static bool lmgram_invalid(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '0' && c <= '9');
}

void lmgram_init(struct lmgram *g)
{
    memset(g, 0, sizeof(*g));
    memset(g->head, 0xff, sizeof(g->head)); /* -1: no chain */
    for (unsigned x = 0x21; x < 0x80; x++)
        g->plain[x] = !lmgram_invalid((unsigned char)x) && x != '_';
}

void lmgram_release(struct lmgram *g)
{
    free(g->grams);
    free(g->cnt);
    free(g->bucket);
    free(g->buf);
    free(g->created);
    free(g->next);
    free(g->scratch);
    free(g->events);
    free(g->stash);
    free(g->gslots);
    free(g->units);
    free(g->uslots);
    free(g->kpool);
    free(g->gpool);
    lmgram_init(g);
}

static size_t lmgram_home(uint32_t hash, unsigned shift)
{
    return (size_t)((hash * 0x9E3779B1u) >> shift);
}

/* An empty open-addressing table of 2^bits slots. */
static int lmgram_table(uint32_t **slots, size_t *mask, unsigned *shift, unsigned bits)
{
    uint32_t *t = calloc((size_t)1 << bits, sizeof(*t));

    if (!t)
        return -1;
    free(*slots);
    *slots = t;
    *mask = ((size_t)1 << bits) - 1;
    *shift = 32 - bits;
    return 0;
}

/* Empties both dictionaries (their tables are made again when next needed). */
static void lmgram_forget(struct lmgram *g)
{
    free(g->gslots);
    free(g->uslots);
    g->gslots = g->uslots = NULL;
    g->ngrams = g->nunits = g->nk = g->ng = 0;
}

/* Bytes in the character at s (utf8_charcopy): the lead byte alone decides, a NUL cuts it. */
static size_t lmgram_charlen(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    size_t want = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    size_t i = 1;

    while (i < want && s[i])
        i++;
    return i;
}

/* textcat's simplehash step: its bytes are plain char, so signed where char is. */
static uint32_t lmgram_step(uint32_t h, char c)
{
    return h * 31u + (uint32_t)(int)c;
}

uint32_t lmgram_hash(const char *s, size_t len)
{
    uint32_t poly = 0, pw = 1, chars = 0;

    for (size_t i = 0; i < len; i += lmgram_charlen(s + i))
        chars++;
    for (size_t i = 0; i < len; i++) {
        poly = lmgram_step(poly, s[i]);
        pw *= 31u;
    }
    return 13u * chars * pw + poly;
}

static int lmgram_regrams(struct lmgram *g, unsigned bits)
{
    if (lmgram_table(&g->gslots, &g->gmask, &g->gshift, bits) < 0)
        return -1;
    for (size_t id = 0; id < g->ngrams; id++) {
        size_t i = lmgram_home(g->grams[id].hash, g->gshift);
        while (g->gslots[i])
            i = (i + 1) & g->gmask;
        g->gslots[i] = (uint32_t)id + 1;
    }
    return 0;
}

/* The number of n-gram s[0..len) of simplehash hash, added if new; UINT32_MAX (memory). */
static uint32_t lmgram_id(struct lmgram *g, const char *s, uint32_t len, uint32_t hash)
{
    char key[24] = {0};
    size_t i = lmgram_home(hash, g->gshift);

    memcpy(key, s, len);
    for (uint32_t v; (v = g->gslots[i]) != 0; i = (i + 1) & g->gmask) {
        const struct lmgram_gram *x = &g->grams[v - 1];
        if (x->hash == hash && memcmp(x->str, key, sizeof(key)) == 0)
            return v - 1;
    }
    if (grow_items(&g->grams, &g->capgrams, g->ngrams + 1, sizeof(*g->grams)) < 0 ||
        grow_items(&g->cnt, &g->capcnt, g->ngrams + 1, sizeof(*g->cnt)) < 0 ||
        grow_items(&g->bucket, &g->capbucket, g->ngrams + 1, sizeof(*g->bucket)) < 0 ||
        grow_items(&g->next, &g->capnext, g->ngrams + 1, sizeof(*g->next)) < 0)
        return UINT32_MAX;
    uint32_t id = (uint32_t)g->ngrams++;
    struct lmgram_gram *x = &g->grams[id];
    memcpy(x->str, key, sizeof(key));
    x->hash = hash;
    x->len = len;
    g->cnt[id] = 0;
    g->bucket[id] = (uint16_t)(hash & (LMGRAM_BUCKETS - 1));
    x->tag = LMGRAM_UNTAGGED;
    g->gslots[i] = id + 1;
    if (2 * g->ngrams > g->gmask && lmgram_regrams(g, 33 - g->gshift) < 0)
        return UINT32_MAX;
    return id;
}

/*
 * The n-grams of utfcreatengramtable() that start in buf[from..to), into
 * scratch: at each character up to LMGRAM_SYMBOLS characters, stopping
 * after a '_' that is not the first; and none after one that reaches the
 * text's end (so its last few characters never start one). Returns their
 * number, or SIZE_MAX (memory).
 */
static size_t lmgram_gen(struct lmgram *g, size_t from, size_t to)
{
    const char *b = g->buf;
    size_t k = 0;

    if (grow_items(&g->scratch, &g->capscratch, LMGRAM_SYMBOLS * (to - from + 1),
                   sizeof(*g->scratch)) < 0)
        return SIZE_MAX;
    for (size_t p = from; p < to; p += lmgram_charlen(b + p)) {
        uint32_t poly = 0, pw = 1;
        size_t q = p;
        for (uint32_t i = 1; i <= LMGRAM_SYMBOLS; i++) {
            size_t d = lmgram_charlen(b + q);
            for (size_t j = 0; j < d; j++, pw *= 31u)
                poly = lmgram_step(poly, b[q + j]);
            uint32_t id = lmgram_id(g, b + p, (uint32_t)(q + d - p), 13u * i * pw + poly);
            if (id == UINT32_MAX)
                return SIZE_MAX;
            g->scratch[k++] = id;
            if (i > 1 && b[q] == '_')
                break;
            q += d;
            if (!b[q])
                return k;
        }
    }
    return k;
}

/* increasefreq() times for each n-gram; the first of each goes to created[] and heads its bucket's
 * chain through next[] (textcat's table lists a bucket newest first). */
static void lmgram_tally(struct lmgram *g, const uint32_t *ids, size_t n, uint32_t times)
{
    const uint16_t *bucket = g->bucket;
    uint32_t *cnt = g->cnt, *created = g->created;
    int32_t *next = g->next, *head = g->head;
    uint8_t *used = g->used;
    size_t nc = g->ncreated;

#pragma GCC unroll 4
    for (size_t k = 0; k < n; k++) {
        uint32_t id = ids[k], was = cnt[id];
        cnt[id] = was + times;
        if (was != 0)
            continue;
        uint32_t b = bucket[id];
        used[b] = 1;
        next[id] = head[b];
        head[b] = (int32_t)id;
        created[nc++] = id;
    }
    g->ncreated = nc;
}

/*
 * The words of this text are tallied at its end (or before the units are
 * emptied), in the order first met, each once with the times it occurs: a
 * repeat's n-grams are all counted already when it comes, so this leaves
 * every count and the created[] order as tallying each occurrence would.
 * An event is a unit's number, or LMGRAM_STASHED | the offset in stash[]
 * of a word not kept: its number of n-grams, then the n-grams.
 */
#define LMGRAM_STASHED (UINT32_C(1) << 31)

/* Unit u met in this text: the first time an event, then one time more. */
static void lmgram_met(struct lmgram *g, uint32_t u)
{
    struct lmgram_unit *x = &g->units[u];

    if (x->stamp == g->stamp) {
        x->times++;
        return;
    }
    x->stamp = g->stamp;
    x->times = 1;
    g->events[g->nevents++] = u;
}

/* The n = its n-grams in scratch of a word not kept, as an event. */
static void lmgram_stash(struct lmgram *g, size_t n)
{
    g->events[g->nevents++] = LMGRAM_STASHED | (uint32_t)g->nstash;
    g->stash[g->nstash++] = (uint32_t)n;
    memcpy(g->stash + g->nstash, g->scratch, n * sizeof(*g->stash));
    g->nstash += n;
}

/* Every event so far tallied, in order. */
static void lmgram_flush(struct lmgram *g)
{
    for (size_t k = 0; k < g->nevents; k++) {
        uint32_t e = g->events[k];
        if (e & LMGRAM_STASHED) {
            const uint32_t *at = g->stash + (e & ~LMGRAM_STASHED);
            lmgram_tally(g, at + 1, at[0], 1);
        } else {
            const struct lmgram_unit *x = &g->units[e];
            lmgram_tally(g, g->gpool + x->goff, x->glen, x->times);
        }
    }
    g->nevents = g->nstash = 0;
}

static int lmgram_reunits(struct lmgram *g, unsigned bits)
{
    if (lmgram_table(&g->uslots, &g->umask, &g->ushift, bits) < 0)
        return -1;
    for (size_t u = 0; u < g->nunits; u++) {
        size_t i = lmgram_home(g->units[u].hash, g->ushift);
        while (g->uslots[i])
            i = (i + 1) & g->umask;
        g->uslots[i] = (uint32_t)u + 1;
    }
    return 0;
}

/* Keeps word key[0..klen) with the n = its n-grams in scratch, in free slot i, met once. A
 * cache: memory short, it is not kept (false). */
static bool lmgram_keep(struct lmgram *g, size_t i, const char *key, size_t klen, uint32_t hash,
                        size_t n)
{
    if (grow_items(&g->kpool, &g->capk, g->nk + klen, 1) < 0 ||
        grow_items(&g->gpool, &g->capg, g->ng + n, sizeof(*g->gpool)) < 0 ||
        grow_items(&g->units, &g->capunits, g->nunits + 1, sizeof(*g->units)) < 0)
        return false;
    memcpy(g->kpool + g->nk, key, klen);
    memcpy(g->gpool + g->ng, g->scratch, n * sizeof(*g->gpool));
    g->units[g->nunits] = (struct lmgram_unit){
        hash, (uint32_t)g->nk, (uint32_t)klen, (uint32_t)g->ng, (uint32_t)n, g->stamp, 1};
    g->events[g->nevents++] = (uint32_t)g->nunits;
    g->nk += klen;
    g->ng += n;
    g->uslots[i] = (uint32_t)++g->nunits;
    if (2 * g->nunits > g->umask && lmgram_reunits(g, 33 - g->ushift) < 0) {
        lmgram_flush(g); /* before the units it lists are gone */
        memset(g->uslots, 0, (g->umask + 1) * sizeof(*g->uslots));
        g->nunits = g->nk = g->ng = 0;
    }
    return true;
}

/* The n-grams starting in "_word_" at buf[a..b] (b the next '_'), hash that of word's bytes. */
static int lmgram_word(struct lmgram *g, size_t a, size_t b, uint32_t hash)
{
    const char *key = g->buf + a + 1;
    size_t klen = b - a - 1;
    size_t i = lmgram_home(hash, g->ushift);

    for (uint32_t v; (v = g->uslots[i]) != 0; i = (i + 1) & g->umask) {
        const struct lmgram_unit *u = &g->units[v - 1];
        if (u->hash == hash && u->klen == klen && memcmp(g->kpool + u->koff, key, klen) == 0) {
            lmgram_met(g, v - 1);
            return 0;
        }
    }
    size_t n = lmgram_gen(g, a, b);
    if (n == SIZE_MAX)
        return -1;
    if (klen > LMGRAM_UNIT_BYTES || !lmgram_keep(g, i, key, klen, hash, n))
        lmgram_stash(g, n);
    return 0;
}

/* Where the walk over the prepared text is: the word since a, its hash, bytes left of a character.
 */
struct lmgram_cursor {
    size_t a;
    uint32_t hash;
    unsigned skip;
};

/*
 * Byte w of the prepared text, just written: a '_' starting a character
 * ends the word since c->a (a '_' within a character, as the lead byte
 * reads it, does not).
 */
static inline int lmgram_put(struct lmgram *g, struct lmgram_cursor *c, size_t w)
{
    unsigned char x = (unsigned char)g->buf[w];

    if (c->skip == 0 && x == '_') {
        if (lmgram_word(g, c->a, w, c->hash) < 0)
            return -1;
        c->a = w;
        c->hash = 0;
        return 0;
    }
    c->hash = c->hash * 31u + x;
    if (c->skip > 0)
        c->skip--;
    else
        c->skip = x < 0xC0 ? 0 : x < 0xE0 ? 1 : x < 0xF0 ? 2 : 3;
    return 0;
}

/*
 * The run of plain bytes from s[i] (lmgram.plain), outside a character:
 * each is a character of its own that neither ends a word nor is changed
 * by prepbuffer(), so it is copied to buf[*w..) and hashed. Returns the
 * byte after the run.
 */
static size_t lmgram_run(struct lmgram *g, struct lmgram_cursor *c, const char *s, size_t i,
                         size_t n, size_t *w)
{
    const bool *plain = g->plain;
    char *out = g->buf + *w;
    uint32_t hash = c->hash;
    size_t from = i;

    for (unsigned char x; i < n && plain[x = (unsigned char)s[i]]; i++) {
        *out++ = (char)x;
        hash = hash * 31u + x;
    }
    *w += i - from;
    c->hash = hash;
    return i;
}

/*
 * prepbuffer(): '_' first, each run of spaces and digits as one '_'. A
 * text ending in a letter gets no final '_', except when the output
 * reaches n + 1 bytes (a text of n bytes, starting with a letter, with
 * no run longer than one byte): textcat's size limit then adds it. Each
 * word is counted as soon as it is written; the last piece, cut at the
 * text's end, at the end. Plain bytes outside a character go by runs.
 * Returns 0, or -1 (memory).
 */
static int lmgram_walk(struct lmgram *g, const char *s, size_t n)
{
    char *out = g->buf;
    struct lmgram_cursor c = {0, 0, 0};
    size_t w = 0;
    bool sep = true;

    out[w++] = '_';
    for (size_t i = 0; i < n && s[i];) {
        if (c.skip == 0 && g->plain[(unsigned char)s[i]]) {
            i = lmgram_run(g, &c, s, i, n, &w);
            sep = false;
            continue;
        }
        bool inval = lmgram_invalid((unsigned char)s[i]);
        if (!inval || !sep) {
            out[w] = inval ? '_' : s[i];
            if (lmgram_put(g, &c, w++) < 0)
                return -1;
        }
        sep = inval;
        i++;
    }
    if (!sep && w == n + 1) {
        out[w] = '_';
        if (lmgram_put(g, &c, w++) < 0)
            return -1;
    }
    out[w] = '\0';
    size_t k = lmgram_gen(g, c.a, w);
    if (k == SIZE_MAX)
        return -1;
    lmgram_stash(g, k);
    lmgram_flush(g);
    return 0;
}

/* created[] for a text of n bytes. */
static int lmgram_room_text(struct lmgram *g, size_t n)
{
    size_t most = LMGRAM_SYMBOLS * (n + 2);

    if (most <= g->captext)
        return 0;
    uint32_t *block = malloc(most * sizeof(*block));
    if (!block)
        return -1;
    free(g->created);
    g->created = block;
    g->captext = most;
    return 0;
}

/* The last text's counts back to 0, memory for this one, and the dictionaries' tables. */
static int lmgram_start(struct lmgram *g, size_t n)
{
#pragma GCC unroll 4
    for (size_t t = 0; t < g->ncreated; t++) {
        uint32_t id = g->created[t];
        g->cnt[id] = 0;
        g->head[g->bucket[id]] = -1;
    }
    g->ncreated = g->nevents = g->nstash = 0;
    memset(g->used, 0, sizeof(g->used));
    if (++g->stamp == 0) { /* wrapped: no unit may seem met in this text */
        for (size_t u = 0; u < g->nunits; u++)
            g->units[u].stamp = 0;
        g->stamp = 1;
    }
    if (g->ngrams > LMGRAM_MAX_GRAMS || g->nunits > LMGRAM_MAX_UNITS ||
        (g->gslots && 2 * g->ngrams > g->gmask))
        lmgram_forget(g);
    if (grow_items(&g->buf, &g->capbuf, n + 3, 1) < 0 || lmgram_room_text(g, n) < 0 ||
        grow_items(&g->events, &g->capevents, n + 2, sizeof(*g->events)) < 0 || /* words < n + 2 */
        grow_items(&g->stash, &g->capstash, (LMGRAM_SYMBOLS + 1) * (n + 2), sizeof(*g->stash)) < 0)
        return -1;
    if (!g->gslots && lmgram_regrams(g, 12) < 0)
        return -1;
    if (!g->uslots && lmgram_reunits(g, 10) < 0)
        return -1;
    return 0;
}

int lmgram_count(struct lmgram *g, const char *s, size_t n)
{
    if (lmgram_start(g, n) < 0)
        return -1;
    return lmgram_walk(g, s, n);
}
