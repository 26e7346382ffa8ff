#include "lmfp.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmgram.h"

/* libexttextcat 3.4.5's constants (src/constants.h); the answer depends on each. */
#define LMFP_NGRAMS 400 /* MAXNGRAMS: fingerprint size, and model lines read */
#define LMFP_GRAM_MAX LMGRAM_BYTES
#define LMFP_OUT_OF_PLACE 400    /* MAXOUTOFPLACE: cost of an n-gram the model lacks */
#define LMFP_CANDIDATES 5        /* MAXCANDIDATES: more are "UNKNOWN" */
#define LMFP_THRESHOLD 1.03      /* THRESHOLDVALUE: candidates score below best * this */
#define LMFP_LINE 1024           /* fp_Read's line buffer: longer lines are read in pieces */
#define LMFP_SENTINEL UINT32_MAX /* the count past the heap's end: more than any n-gram's */

/* What textcat's heap holds of an entry: its count decides, the id rides along. */
struct lmfp_item {
    uint32_t cnt, id;
};

/* A model line kept: its n-gram, its rank in the model, the model's number. */
struct lmfp_gram {
    char str[LMFP_GRAM_MAX + 1];
    uint32_t len, rank, model;
};

struct lmfp {
    struct lmfp_gram *grams; /* every model's lines, in the order read */
    size_t ngrams, capgrams, nmodels;
    bool built; /* the lookup below matches grams[] */
    /* Open addressing over distinct model n-grams: slot holds key + 1, or 0. */
    uint32_t *slots, *key_hash, *key_gram;
    size_t mask, nkeys;
    int16_t *ranks; /* ranks[key * nmodels + model], -1 when the model lacks it */
    int *sums;      /* per model */
    struct lmgram doc;
    struct lmfp_item heap[LMFP_NGRAMS + 1]; /* heap[heapn] is a sentinel for siftdown */
    size_t heapn;
    uint32_t fprint[LMFP_NGRAMS]; /* entry id of each rank */
};

struct lmfp *lmfp_new(void)
{
    struct lmfp *fp = calloc(1, sizeof(struct lmfp));

    if (fp)
        lmgram_init(&fp->doc);
    return fp;
}

static void lmfp_drop_lookup(struct lmfp *fp)
{
    free(fp->slots);
    free(fp->key_hash);
    free(fp->key_gram);
    free(fp->ranks);
    free(fp->sums);
    fp->slots = fp->key_hash = fp->key_gram = NULL;
    fp->ranks = NULL;
    fp->sums = NULL;
    fp->built = false;
}

void lmfp_free(struct lmfp *fp)
{
    if (!fp)
        return;
    lmfp_drop_lookup(fp);
    free(fp->grams);
    lmgram_release(&fp->doc);
    free(fp);
}

/* fp_Read's field: trimmed of isspace, cut at the first blank or tab. */
static char *lmfp_field(char *line)
{
    line[strcspn(line, "\n\r")] = '\0';
    while (*line == ' ' || (*line >= '\t' && *line <= '\r'))
        line++;
    size_t end = strlen(line);
    while (end > 0 && (line[end - 1] == ' ' || (line[end - 1] >= '\t' && line[end - 1] <= '\r')))
        end--;
    line[end] = '\0';
    line[strcspn(line, " \t")] = '\0';
    return line;
}

static int lmfp_push_gram(struct lmfp *fp, const char *g, size_t len, uint32_t rank)
{
    if (fp->ngrams == fp->capgrams) {
        size_t cap = fp->capgrams ? 2 * fp->capgrams : 1024;
        struct lmfp_gram *p = realloc(fp->grams, cap * sizeof(*p));
        if (!p)
            return -1;
        fp->grams = p;
        fp->capgrams = cap;
    }
    struct lmfp_gram *r = &fp->grams[fp->ngrams++];
    memcpy(r->str, g, len + 1);
    r->len = (uint32_t)len;
    r->rank = rank;
    r->model = (uint32_t)fp->nmodels;
    return 0;
}

int lmfp_add_model(struct lmfp *fp, const char *path)
{
    FILE *f = fopen(path, "r");
    char line[LMFP_LINE];
    uint32_t rank = 0;
    size_t before = fp->ngrams;
    int rc = 0;

    if (!f)
        return -1;
    while (rc == 0 && rank < LMFP_NGRAMS && fgets(line, sizeof(line), f)) {
        char *g = lmfp_field(line);
        size_t len = strlen(g);
        if (len <= LMFP_GRAM_MAX)
            rc = lmfp_push_gram(fp, g, len, rank++);
    }
    if (rc == 0 && ferror(f)) {
        errno = EIO;
        rc = -1;
    }
    fclose(f);
    if (rc < 0) {
        fp->ngrams = before; /* a model is added whole or not at all */
        return -1;
    }
    fp->nmodels++;
    lmfp_drop_lookup(fp);
    return 0;
}

static size_t lmfp_slot0(const struct lmfp *fp, uint32_t hash)
{
    return (size_t)((hash * 0x9E3779B1u) >> 7) & fp->mask;
}

/* The key of n-gram s[0..len) with this hash, or SIZE_MAX; *slot is where it is or would go. */
static size_t lmfp_find(const struct lmfp *fp, uint32_t hash, const char *s, size_t len,
                        size_t *slot)
{
    size_t i = lmfp_slot0(fp, hash);

    for (; fp->slots[i]; i = (i + 1) & fp->mask) {
        size_t k = fp->slots[i] - 1;
        const struct lmfp_gram *g = &fp->grams[fp->key_gram[k]];
        if (fp->key_hash[k] == hash && g->len == len && memcmp(g->str, s, len) == 0)
            break;
    }
    *slot = i;
    return fp->slots[i] ? fp->slots[i] - 1 : SIZE_MAX;
}

/* A model repeating an n-gram matches with its first (lowest) rank, as textcat's merge does. */
static void lmfp_index_gram(struct lmfp *fp, size_t gi)
{
    const struct lmfp_gram *g = &fp->grams[gi];
    uint32_t hash = lmgram_hash(g->str, g->len);
    size_t slot, k = lmfp_find(fp, hash, g->str, g->len, &slot);

    if (k == SIZE_MAX) {
        k = fp->nkeys++;
        fp->slots[slot] = (uint32_t)k + 1;
        fp->key_hash[k] = hash;
        fp->key_gram[k] = (uint32_t)gi;
        for (size_t m = 0; m < fp->nmodels; m++)
            fp->ranks[k * fp->nmodels + m] = -1;
    }
    int16_t *r = &fp->ranks[k * fp->nmodels + g->model];
    if (*r < 0)
        *r = (int16_t)g->rank;
}

static int lmfp_build(struct lmfp *fp)
{
    size_t size = 64;

    while (size < 2 * fp->ngrams)
        size *= 2;
    fp->slots = calloc(size, sizeof(*fp->slots));
    fp->key_hash = malloc((fp->ngrams + 1) * sizeof(*fp->key_hash));
    fp->key_gram = malloc((fp->ngrams + 1) * sizeof(*fp->key_gram));
    fp->ranks = malloc((fp->ngrams + 1) * (fp->nmodels + 1) * sizeof(*fp->ranks));
    fp->sums = malloc((fp->nmodels + 1) * sizeof(*fp->sums));
    if (!fp->slots || !fp->key_hash || !fp->key_gram || !fp->ranks || !fp->sums) {
        lmfp_drop_lookup(fp);
        return -1;
    }
    fp->mask = size - 1;
    fp->nkeys = 0;
    for (size_t i = 0; i < fp->ngrams; i++)
        lmfp_index_gram(fp, i);
    for (size_t i = 0; i < fp->doc.ngrams; i++)
        fp->doc.grams[i].tag = LMGRAM_UNTAGGED;
    fp->built = true;
    return 0;
}

/* siftup() and siftdown() swap the moving item step by step; moving a hole ends the same. */
static void lmfp_siftup(struct lmfp_item *heap, size_t child)
{
    struct lmfp_item it = heap[child];

    while (child > 0) {
        size_t parent = (child - 1) >> 1;
        if (heap[parent].cnt <= it.cnt)
            break;
        heap[child] = heap[parent];
        child = parent;
    }
    heap[child] = it;
}

/*
 * The end of a bottom-up siftdown: the hole at parent climbs back towards
 * top past the items whose counts are not less than its own, and takes
 * the place where it stops.
 */
static inline void lmfp_climb(struct lmfp_item *heap, size_t parent, size_t top,
                              struct lmfp_item it)
{
    while (parent > top) {
        size_t up = (parent - 1) >> 1;
        if (heap[up].cnt < it.cnt)
            break;
        heap[parent] = heap[up];
        parent = up;
    }
    heap[parent] = it;
}

/*
 * siftdown(): the item goes down past every smaller child (the left one
 * when both are equal). Done bottom-up: the hole goes down the path of
 * lesser children to its end, then the item climbs back past the ones
 * not smaller than it. Counts only grow down the path, so it stops where
 * textcat's stops, with one comparison a level on the way down. heap[size]
 * must count LMFP_SENTINEL, so that a lone left child is taken.
 */
static inline void lmfp_siftdown(struct lmfp_item *heap, size_t size, size_t parent)
{
    struct lmfp_item it = heap[parent];
    size_t top = parent;

    for (size_t child = 2 * parent + 1; child < size; child = 2 * parent + 1) {
        child += heap[child].cnt > heap[child + 1].cnt;
        heap[parent] = heap[child];
        parent = child;
    }
    lmfp_climb(heap, parent, top, it);
}

/*
 * lmfp_siftdown() from the root of a full heap (LMFP_NGRAMS items): the
 * first LMFP_FULL_LEVELS levels below the root are complete, so the hole
 * goes down them with no bound check, then at most one level more.
 */
#define LMFP_FULL_LEVELS 7
_Static_assert((1 << (LMFP_FULL_LEVELS + 1)) - 1 < LMFP_NGRAMS &&
                   LMFP_NGRAMS <= (1 << (LMFP_FULL_LEVELS + 2)) - 1,
               "a full heap has LMFP_FULL_LEVELS complete levels below its root and one partial");

static inline void lmfp_siftdown_full(struct lmfp_item *heap)
{
    struct lmfp_item it = heap[0];
    size_t parent = 0, child;

#pragma GCC unroll 8
    for (int level = 0; level < LMFP_FULL_LEVELS; level++) {
        child = 2 * parent + 1;
        child += heap[child].cnt > heap[child + 1].cnt;
        heap[parent] = heap[child];
        parent = child;
    }
    child = 2 * parent + 1;
    if (child < LMFP_NGRAMS) {
        child += heap[child].cnt > heap[child + 1].cnt;
        heap[parent] = heap[child];
        parent = child;
    }
    lmfp_climb(heap, parent, 0, it);
}

/*
 * heapinsert(): a count equal to the least kept one replaces it. least is
 * that count once the heap is full, else 0; returns it as it is after.
 */
static uint32_t lmfp_heap_insert(struct lmfp *fp, struct lmfp_item it, uint32_t least)
{
    if (fp->heapn < LMFP_NGRAMS) {
        fp->heap[fp->heapn] = it;
        lmfp_siftup(fp->heap, fp->heapn++);
        return fp->heapn == LMFP_NGRAMS ? fp->heap[0].cnt : 0;
    }
    fp->heap[0] = it;
    if (it.cnt == least)
        return least; /* no child is smaller: siftdown() leaves it there */
    lmfp_siftdown_full(fp->heap);
    return fp->heap[0].cnt;
}

/* heapextract(): its sift-down still counts the moved last slot, so we do too. */
static uint32_t lmfp_heap_extract(struct lmfp *fp)
{
    uint32_t id = fp->heap[0].id;

    if (fp->heapn > 1)
        fp->heap[0] = fp->heap[fp->heapn - 1];
    lmfp_siftdown(fp->heap, fp->heapn, 0);
    fp->heap[--fp->heapn].cnt = LMFP_SENTINEL;
    return id;
}

/* used[0..8) as one word, used[k] in its bits 8k.. whatever the byte order: lowest bit first. */
static uint64_t lmfp_used8(const uint8_t *used)
{
    uint64_t x;

    memcpy(&x, used, sizeof(x));
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap64(x);
#endif
    return x;
}

/*
 * table2heap() over the table's chains (see lmgram.h), then the ranks: the
 * heap's least item is extracted first, ranked last. An n-gram counted
 * less than the least of a full heap changes nothing, so it is passed
 * over with one comparison (least is 0 until the heap is full).
 */
static size_t lmfp_fingerprint(struct lmfp *fp)
{
    const struct lmgram *d = &fp->doc;
    const uint32_t *cnt = d->cnt;
    uint32_t least = 0;

    fp->heapn = 0;
    fp->heap[LMFP_NGRAMS].cnt = LMFP_SENTINEL;
    for (size_t w = 0; w < sizeof(d->used); w += 8) {
        for (uint64_t bits = lmfp_used8(d->used + w); bits; bits &= bits - 1) {
            size_t b = w + (size_t)__builtin_ctzll(bits) / 8;
            for (int32_t id = d->head[b]; id >= 0; id = d->next[id]) {
                if (cnt[id] >= least)
                    least = lmfp_heap_insert(fp, (struct lmfp_item){cnt[id], id}, least);
            }
        }
    }
    size_t size = fp->heapn;
    fp->heap[size].cnt = LMFP_SENTINEL;
    for (size_t i = size; i-- > 0;)
        fp->fprint[i] = lmfp_heap_extract(fp);
    return size;
}

/* The model key of a document n-gram (-1: no model has it), looked up once per n-gram. */
static int32_t lmfp_key(struct lmfp *fp, struct lmgram_gram *x)
{
    if (x->tag == LMGRAM_UNTAGGED) {
        size_t slot, k = lmfp_find(fp, x->hash, x->str, x->len, &slot);
        x->tag = k == SIZE_MAX ? -1 : (int32_t)k;
    }
    return x->tag;
}

/* fp_Compare() against every model at once: the out-of-place distance. */
static void lmfp_score(struct lmfp *fp, size_t size)
{
    size_t nm = fp->nmodels;
    int *sums = fp->sums;
    int absent = 0; /* n-grams no model has: LMFP_OUT_OF_PLACE to each */

    for (size_t m = 0; m < nm; m++)
        sums[m] = 0;
    for (size_t r = 0; r < size; r++) {
        int32_t k = lmfp_key(fp, &fp->doc.grams[fp->fprint[r]]);
        if (k < 0) {
            absent += LMFP_OUT_OF_PLACE;
            continue;
        }
        const int16_t *row = fp->ranks + (size_t)k * nm;
        for (size_t m = 0; m < nm; m++) {
            int d = row[m] - (int)r;
            sums[m] += row[m] < 0 ? LMFP_OUT_OF_PLACE : d < 0 ? -d : d;
        }
    }
    for (size_t m = 0; m < nm; m++)
        sums[m] += absent;
}

/*
 * textcat_ClassifyFull()'s verdict. A model scoring over the running
 * cutoff gets INT_MAX (fp_Compare stops early); candidates score below
 * the final threshold, which for a best score under 34 equals it, so
 * then none is ("UNKNOWN"). The sort of candidates by score is stable.
 */
static int lmfp_verdict(const struct lmfp *fp)
{
    int minscore = INT_MAX, threshold = INT_MAX, best = LMFP_UNKNOWN, bestscore = INT_MAX;
    size_t cnt = 0;

    for (size_t m = 0; m < fp->nmodels; m++) {
        int score = fp->sums[m] > threshold ? INT_MAX : fp->sums[m];
        if (score < minscore) {
            minscore = score;
            threshold = (int)((double)score * LMFP_THRESHOLD);
        }
    }
    for (size_t m = 0; m < fp->nmodels; m++) {
        if (fp->sums[m] >= threshold)
            continue;
        if (++cnt > LMFP_CANDIDATES)
            return LMFP_UNKNOWN;
        if (fp->sums[m] < bestscore) {
            bestscore = fp->sums[m];
            best = (int)m;
        }
    }
    return best;
}

int lmfp_classify(struct lmfp *fp, const char *s, size_t n)
{
    if (n == 0)
        return LMFP_SHORT;
    if ((!fp->built && lmfp_build(fp) < 0) || lmgram_count(&fp->doc, s, n) < 0)
        return LMFP_NOMEM;
    lmfp_score(fp, lmfp_fingerprint(fp));
    return lmfp_verdict(fp);
}
