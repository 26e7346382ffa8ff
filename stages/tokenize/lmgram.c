#include "lmgram.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define LMGRAM_BUCKETS (1u << LMGRAM_TABLEPOW)

/*
 * A lookup slot: the n-gram's first 8 bytes (zero-padded; n-grams hold
 * no NUL, so 0 marks a free slot and a shorter n-gram is told by them
 * alone), its entry and its count.
 */
struct lmgram_slot {
    uint64_t k0;
    uint32_t id, cnt;
};

/* One n-gram as met, before it is counted. */
struct lmgram_rec {
    uint64_t k0;
    uint32_t hash, off, len;
};

void lmgram_init(struct lmgram *g)
{
    unsigned char ones[8];

    memset(g, 0, sizeof(*g));
    for (size_t n = 0; n <= 8; n++) {
        memset(ones, 0, sizeof(ones));
        memset(ones, 0xFF, n);
        memcpy(&g->lowbytes[n], ones, sizeof(ones));
    }
    g->pow31[0] = 1;
    for (size_t i = 1; i <= LMGRAM_BYTES; i++)
        g->pow31[i] = g->pow31[i - 1] * 31u;
}

void lmgram_release(struct lmgram *g)
{
    free(g->buf);
    free(g->ents);
    free(g->order);
    free(g->recs);
    free(g->next_char);
    free(g->prefix);
    free(g->slots);
    memset(g, 0, sizeof(*g));
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

/* textcat's INVALID(): isspace() or isdigit() in the C locale. */
static bool lmgram_invalid(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '0' && c <= '9');
}

/*
 * prepbuffer(): '_' first, each run of spaces and digits as one '_'. A
 * text ending in a letter gets no final '_', except when the output
 * reaches n + 1 bytes (a text of n bytes, starting with a letter, with
 * no run longer than one byte): textcat's size limit then adds it.
 */
static size_t lmgram_prepare(const char *s, size_t n, char *out)
{
    size_t w = 0;
    bool sep = true;

    out[w++] = '_';
    for (size_t i = 0; i < n && s[i]; i++) {
        bool inval = lmgram_invalid((unsigned char)s[i]);
        if (!inval)
            out[w++] = s[i];
        else if (!sep)
            out[w++] = '_';
        sep = inval;
    }
    if (!sep && w == n + 1)
        out[w++] = '_';
    out[w] = '\0';
    return w;
}

static void *lmgram_grow(void *p, size_t want, size_t size, bool *ok)
{
    void *q = realloc(p, want * size);

    *ok = *ok && q;
    return q ? q : p;
}

/* Room for the prepared text of n bytes (n + 2, a NUL, a word of zeros) and its n-grams. */
static int lmgram_reserve(struct lmgram *g, size_t n)
{
    size_t bytes = n + 3 + 8, ents = LMGRAM_SYMBOLS * (n + 2);
    bool ok = true;

    if (bytes > g->cap) {
        g->buf = lmgram_grow(g->buf, bytes, 1, &ok);
        g->next_char = lmgram_grow(g->next_char, bytes, sizeof(*g->next_char), &ok);
        g->prefix = lmgram_grow(g->prefix, bytes, sizeof(*g->prefix), &ok);
        if (ok)
            g->cap = bytes;
    }
    if (ok && ents > g->capents) {
        g->ents = lmgram_grow(g->ents, ents, sizeof(*g->ents), &ok);
        g->order = lmgram_grow(g->order, ents, sizeof(*g->order), &ok);
        g->recs = lmgram_grow(g->recs, ents, sizeof(*g->recs), &ok);
        if (ok)
            g->capents = ents;
    }
    if (ok && !g->slots) {
        g->slots = calloc(4096, sizeof(*g->slots));
        g->smask = 4095;
        g->shift = 32 - 12;
        ok = g->slots != NULL;
    }
    return ok ? 0 : -1;
}

static size_t lmgram_home(uint32_t hash, unsigned shift)
{
    return (size_t)((hash * 0x9E3779B1u) >> shift);
}

/* Doubles the lookup table; -1 (memory) leaves it as it was. */
static int lmgram_rehash(struct lmgram *g)
{
    size_t size = 2 * (g->smask + 1);
    struct lmgram_slot *t = calloc(size, sizeof(*t));

    if (!t)
        return -1;
    struct lmgram_slot *old = g->slots;
    g->slots = t;
    g->smask = size - 1;
    g->shift--;
    for (size_t e = 0; e < g->nents; e++) {
        size_t i = lmgram_home(g->ents[e].hash, g->shift);
        while (t[i].k0)
            i = (i + 1) & g->smask;
        t[i] = old[g->ents[e].slot];
        g->ents[e].slot = (uint32_t)i;
    }
    free(old);
    return 0;
}

/* The character positions and hash prefixes of the prepared text buf[0..w). */
static void lmgram_index(struct lmgram *g, size_t w)
{
    const char *b = g->buf;

    g->prefix[0] = 0;
    for (size_t i = 0; i < w; i++) {
        g->prefix[i + 1] = lmgram_step(g->prefix[i], b[i]);
        g->next_char[i] = (uint32_t)(i + ((unsigned char)b[i] < 0x80 ? 1 : lmgram_charlen(b + i)));
    }
}

/* Whether slot s holds record r's n-gram, whose first 8 bytes are those of s. */
static bool lmgram_same_tail(const struct lmgram *g, const struct lmgram_slot *s,
                             const struct lmgram_rec *r)
{
    const struct lmgram_entry *x = &g->ents[s->id];

    return x->len == r->len && memcmp(g->buf + x->off + 8, g->buf + r->off + 8, r->len - 8) == 0;
}

/* A new entry for record r in free slot i; -1 (memory) when the table cannot grow. */
static int lmgram_new(struct lmgram *g, const struct lmgram_rec *r, size_t i)
{
    g->slots[i] = (struct lmgram_slot){r->k0, (uint32_t)g->nents, 1};
    g->ents[g->nents++] = (struct lmgram_entry){r->hash, r->off, r->len, 0, (uint32_t)i, -1};
    return 2 * g->nents > g->smask ? lmgram_rehash(g) : 0;
}

/*
 * increasefreq() for each n-gram in turn. The table lives in locals
 * while counting (the counts it bumps could otherwise alias it).
 */
static int lmgram_tally(struct lmgram *g, size_t nrecs)
{
    struct lmgram_slot *slots = g->slots;
    size_t smask = g->smask;
    unsigned shift = g->shift;

    for (size_t k = 0; k < nrecs; k++) {
        const struct lmgram_rec *r = &g->recs[k];
        size_t i = lmgram_home(r->hash, shift);
        uint64_t sk;
        while ((sk = slots[i].k0) != 0) {
            if (sk == r->k0 && ((sk >> 56) == 0 || lmgram_same_tail(g, &slots[i], r)))
                break;
            i = (i + 1) & smask;
        }
        if (sk) {
            slots[i].cnt++;
            continue;
        }
        if (lmgram_new(g, r, i) < 0)
            return -1;
        slots = g->slots; /* a rehash moves them */
        smask = g->smask;
        shift = g->shift;
    }
    return 0;
}

/*
 * The n-grams of utfcreatengramtable(), in its order, into recs[]: at
 * each character up to LMGRAM_SYMBOLS characters, stopping after a '_'
 * that is not the first; and nothing more once one reaches the text's
 * end (so the last few characters never start one). Returns their number.
 */
static size_t lmgram_scan(struct lmgram *g)
{
    const char *b = g->buf;
    const uint32_t *next = g->next_char, *pre = g->prefix;
    struct lmgram_rec *r = g->recs;

    for (uint32_t p = 0;; p = next[p]) {
        uint32_t e = p, m = 13u - pre[p];
        uint64_t w;
        memcpy(&w, b + p, sizeof(w));
        for (uint32_t i = 1; i <= LMGRAM_SYMBOLS; i++, m += 13u) {
            uint32_t q = e, len = (e = next[q]) - p;
            *r++ = (struct lmgram_rec){w & g->lowbytes[len < 8 ? len : 8],
                                       pre[e] + g->pow31[len] * m, p, len};
            if (i > 1 && b[q] == '_')
                break;
            if (!b[e])
                return (size_t)(r - g->recs);
        }
    }
}

/* textcat's chains (per bucket, newest first), read bucket by bucket into order[]. */
static void lmgram_order(struct lmgram *g)
{
    size_t k = 0;

    memset(g->used, 0, sizeof(g->used));
    for (size_t e = 0; e < g->nents; e++) {
        uint32_t b = g->ents[e].hash & (LMGRAM_BUCKETS - 1);
        uint64_t bit = UINT64_C(1) << (b & 63);
        g->ents[e].next = g->used[b >> 6] & bit ? g->head[b] : -1;
        g->used[b >> 6] |= bit;
        g->head[b] = (int32_t)e;
    }
    for (size_t w = 0; w < LMGRAM_BUCKETS / 64; w++) {
        for (uint64_t bits = g->used[w]; bits; bits &= bits - 1) {
            size_t b = w * 64 + (size_t)__builtin_ctzll(bits);
            for (int32_t e = g->head[b]; e >= 0; e = g->ents[e].next)
                g->order[k++] = (uint32_t)e;
        }
    }
}

/* Counts move to the entries and the lookup table is emptied for the next text. */
static void lmgram_collect(struct lmgram *g)
{
    for (size_t e = 0; e < g->nents; e++) {
        struct lmgram_slot *s = &g->slots[g->ents[e].slot];
        g->ents[e].cnt = s->cnt;
        s->k0 = 0;
    }
}

int lmgram_count(struct lmgram *g, const char *s, size_t n)
{
    int rc = 0;

    g->nents = 0;
    if (lmgram_reserve(g, n) < 0)
        return -1;
    size_t w = lmgram_prepare(s, n, g->buf);
    memset(g->buf + w + 1, 0, 8);
    lmgram_index(g, w);
    rc = lmgram_tally(g, lmgram_scan(g));
    lmgram_collect(g);
    if (rc < 0) {
        g->nents = 0;
        return -1;
    }
    lmgram_order(g);
    return 0;
}
