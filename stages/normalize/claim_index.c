#include "claim_index.h"

#include <stdlib.h>
#include <string.h>

#include "claim_lex.h"

void claim_index_init(struct claim_index *ix, size_t compound_min)
{
    memset(ix, 0, sizeof(*ix));
    ix->compound_min = compound_min;
}

void claim_index_release(struct claim_index *ix)
{
    for (size_t i = 0; ix->slots && i <= ix->mask; i++)
        free(ix->slots[i].first);
    free(ix->slots);
    claim_index_init(ix, 0);
}

/* FNV-1a */
static size_t claim_index_hash(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037ULL;

    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return (size_t)(h ^ (h >> 32));
}

static struct claim_stement *claim_index_slot(struct claim_stement *slots, size_t mask,
                                              const char *stem, size_t len)
{
    size_t i = claim_index_hash(stem, len) & mask;

    while (slots[i].stem && !(slots[i].len == len && memcmp(slots[i].stem, stem, len) == 0))
        i = (i + 1) & mask;
    return &slots[i];
}

/* Keep the table at most half full. */
static int claim_index_grow(struct claim_index *ix)
{
    size_t cap = ix->slots ? 2 * (ix->mask + 1) : 64;

    if (ix->slots && 2 * (ix->n + 1) <= ix->mask + 1)
        return 0;
    struct claim_stement *slots = calloc(cap, sizeof(*slots));
    if (!slots)
        return -1;
    for (size_t i = 0; ix->slots && i <= ix->mask; i++)
        if (ix->slots[i].stem)
            *claim_index_slot(slots, cap - 1, ix->slots[i].stem, ix->slots[i].len) = ix->slots[i];
    free(ix->slots);
    ix->slots = slots;
    ix->mask = cap - 1;
    return 0;
}

static int claim_index_put(struct claim_index *ix, const char *stem, struct claim_first f,
                           bool single)
{
    size_t len = strlen(stem);

    if (claim_index_grow(ix) < 0)
        return -1;
    struct claim_stement *e = claim_index_slot(ix->slots, ix->mask, stem, len);
    struct claim_first *grown = realloc(e->first, (e->nfirst + 1) * sizeof(*grown));
    if (!grown)
        return -1;
    if (!e->stem) {
        e->stem = stem;
        e->len = len;
        ix->n++;
    }
    e->first = grown;
    e->first[e->nfirst++] = f;
    e->single = e->single || single;
    e->lists |= claim_index_list_bit(f.list);
    if (single)
        ix->single_lens |= (uint64_t)1 << (len < 63 ? len : 63);
    return 0;
}

int claim_index_add(struct claim_index *ix, const struct claim_plist *pl)
{
    for (size_t k = 0; k < pl->n; k++) {
        struct claim_first f = {(uint32_t)pl->id, (uint32_t)k};
        if (claim_index_put(ix, pl->items[k].stems[0], f, pl->items[k].n == 1) < 0)
            return -1;
    }
    return 0;
}

const struct claim_stement *claim_index_find(const struct claim_index *ix, const char *stem,
                                             size_t len)
{
    if (!ix->slots)
        return NULL;
    const struct claim_stement *e = claim_index_slot(ix->slots, ix->mask, stem, len);
    return e->stem ? e : NULL;
}

const struct claim_stement *claim_index_suffix(const struct claim_index *ix, const char *stem,
                                               size_t len, size_t *from)
{
    size_t min = ix->compound_min;

    if (min == 0 || len <= min)
        return NULL;
    for (size_t p = *from ? *from : 1; p <= len - min; p++) {
        size_t sl = len - p;
        if (!(ix->single_lens & (uint64_t)1 << (sl < 63 ? sl : 63)))
            continue;
        const struct claim_stement *e = claim_index_find(ix, stem + p, sl);
        if (e && e->single) {
            *from = p + 1;
            return e;
        }
    }
    *from = len;
    return NULL;
}

const struct claim_first *claim_index_list(const struct claim_stement *e, size_t id, size_t *n)
{
    size_t a = 0;

    while (a < e->nfirst && e->first[a].list < id)
        a++;
    size_t b = a;
    while (b < e->nfirst && e->first[b].list == id)
        b++;
    *n = b - a;
    return e->first + a;
}

bool claim_index_has_lists(const struct claim_stement *e, size_t lo, size_t hi)
{
    for (size_t a = 0; e && a < e->nfirst && e->first[a].list <= hi; a++)
        if (e->first[a].list >= lo)
            return true;
    return false;
}
