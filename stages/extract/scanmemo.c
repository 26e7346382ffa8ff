#include "scanmemo.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "numval.h"
#include "zmem.h"

#define SCANMEMO_SLOTS 16384 /* a power of two: 1 MB a memo, one memo a thread */
#define SCANMEMO_KEYMAX 32   /* longer folds are not remembered: they are few */
#define SCANMEMO_KEYWORDS (SCANMEMO_KEYMAX / 8)

struct scanmemo_slot {
    const struct numlex *nl; /* NULL: empty */
    uint64_t tables, heads;  /* as numlex_mark() sets them */
    unsigned char word;      /* enum scanmemo_word */
    unsigned char len;
    unsigned char eval; /* enum scanmemo_eval: what numval_eval() gave the fold alone */
    uint64_t key[SCANMEMO_KEYWORDS]; /* the fold's bytes, zero past len */
};

/* What numval_eval() gave a token alone, for its slot: not yet asked, a number, none. */
enum scanmemo_eval {
    SCANMEMO_EVAL_UNKNOWN,
    SCANMEMO_EVAL_OK,
    SCANMEMO_EVAL_FAIL,
};

struct scanmemo {
    struct scanmemo_slot slot[SCANMEMO_SLOTS];
    struct numval val[SCANMEMO_SLOTS]; /* what numval_eval() wrote, for a slot's eval known */
    struct scanmemo_tok *tok;          /* one for each token of the list last marked */
    size_t n, cap;
};

struct scanmemo *scanmemo_new(void)
{
    return zmem_alloc(sizeof(struct scanmemo));
}

void scanmemo_free(struct scanmemo *m)
{
    if (!m)
        return;
    free(m->tok);
    free(m);
}

/*
 * Bytes 8 * w .. 8 * w + 8 of key[0..len), those past len zero, as the slot
 * keeps them. It reads up to 7 bytes past the key's NUL: numtok_lex()
 * leaves NUMTOK_FOLD_PAD bytes of its list's folds readable past the last.
 */
static uint64_t scanmemo_key_word(const char *key, size_t len, size_t w)
{
    static const unsigned char ones[16] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    size_t left = len - 8 * w;
    uint64_t x, mask;

    memcpy(&x, key + 8 * w, 8);
    if (left >= 8)
        return x;
    memcpy(&mask, ones + 8 - left, 8); /* 0xFF for the first left bytes, in memory order */
    return x & mask;
}

/* Whether slot s holds key[0..len) (len <= SCANMEMO_KEYMAX) for nl: a word at a time. */
static inline bool scanmemo_holds(const struct scanmemo_slot *s, const struct numlex *nl,
                                  const char *key, size_t len)
{
    if (s->nl != nl || s->len != len)
        return false;
    size_t w = 0;
    for (; len - 8 * w > 8; w++) {
        uint64_t x;
        memcpy(&x, key + 8 * w, 8);
        if (x != s->key[w])
            return false;
    }
    return scanmemo_key_word(key, len, w) == s->key[w];
}

static int scanmemo_reserve(struct scanmemo *m, size_t n)
{
    if (n <= m->cap)
        return 0;
    size_t cap = m->cap ? m->cap : 64;
    while (cap < n)
        cap *= 2;
    struct scanmemo_tok *tok = realloc(m->tok, cap * sizeof(*tok));
    if (!tok)
        return -1;
    m->tok = tok;
    m->cap = cap;
    return 0;
}

/* Mark token t from the memo, or mark it and remember it there; *tk notes where it went. */
static void scanmemo_mark_one(struct scanmemo *m, const struct numlex *nl, struct numtok *t,
                              struct scanmemo_tok *tk)
{
    size_t len = t->flen;

    tk->word = SCANMEMO_UNKNOWN;
    tk->slot = SCANMEMO_SLOTS;
    if (len > SCANMEMO_KEYMAX) {
        numlex_mark_one(nl, t);
        return;
    }
    uint32_t k = t->hash & (SCANMEMO_SLOTS - 1);
    struct scanmemo_slot *s = &m->slot[k];
    tk->slot = k;
    if (scanmemo_holds(s, nl, t->fold, len)) {
        t->tables = s->tables;
        t->heads = s->heads;
        tk->word = s->word;
        return;
    }
    numlex_mark_one(nl, t);
    *s = (struct scanmemo_slot){
        nl, t->tables, t->heads, SCANMEMO_UNKNOWN, (unsigned char)len, SCANMEMO_EVAL_UNKNOWN, {0},
    };
    memcpy(s->key, t->fold, len);
}

const struct scanmemo_tok *scanmemo_mark(struct scanmemo *m, const struct numlex *nl,
                                         struct numtok_list *toks)
{
    m->n = 0; /* scanmemo_word() reads no note until the list is marked */
    if (scanmemo_reserve(m, toks->n) < 0) {
        numlex_mark(nl, toks);
        return NULL;
    }
    for (size_t i = 0; i < toks->n; i++)
        scanmemo_mark_one(m, nl, &toks->v[i], &m->tok[i]);
    m->n = toks->n;
    toks->marked = nl;
    return m->tok;
}

/*
 * scanmemo_word() for a token the memo has no answer for yet: asked and noted. Never inlined, so
 * that scanmemo_word() itself saves no registers for it.
 */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static bool
scanmemo_word_ask(struct scanmemo *m, const struct numlex *nl, const struct numtok_list *toks,
                  size_t i)
{
    const char *fold = toks->v[i].fold;
    double v;
    bool ord;

    if (i >= m->n)
        return numval_word(nl, fold, &v, &ord) == 0;
    struct scanmemo_tok *tk = &m->tok[i];
    tk->word = numval_word(nl, fold, &v, &ord) == 0 ? SCANMEMO_NUMBER : SCANMEMO_NONE;
    /* the slot may have passed to a later token of the sentence since */
    if (tk->slot < SCANMEMO_SLOTS && scanmemo_holds(&m->slot[tk->slot], nl, fold, toks->v[i].flen))
        m->slot[tk->slot].word = tk->word;
    return tk->word == SCANMEMO_NUMBER;
}

/* Kept small: most tokens have their answer noted, and this is asked of most. */
bool scanmemo_word(struct scanmemo *m, const struct numlex *nl, const struct numtok_list *toks,
                   size_t i)
{
    unsigned char word = i < m->n ? m->tok[i].word : SCANMEMO_UNKNOWN;

    if (word != SCANMEMO_UNKNOWN)
        return word == SCANMEMO_NUMBER;
    return scanmemo_word_ask(m, nl, toks, i);
}

/*
 * The slot that holds token i of the list last marked, for its evaluation
 * alone, or NULL: none noted, taken since by a later token of the list, or
 * a number whose text is not its fold (numval_digits() reads the text, so
 * the fold alone would not say what it gives).
 */
static struct scanmemo_slot *scanmemo_eval_slot(struct scanmemo *m, const struct numlex *nl,
                                                const char *text, const struct numtok_list *toks,
                                                size_t i)
{
    const struct numtok *t = &toks->v[i];

    if (i >= m->n || m->tok[i].slot >= SCANMEMO_SLOTS)
        return NULL;
    if (t->type == NUMTOK_NUM &&
        (t->end - t->start != t->flen || memcmp(text + t->start, t->fold, t->flen) != 0))
        return NULL;
    struct scanmemo_slot *s = &m->slot[m->tok[i].slot];
    return scanmemo_holds(s, nl, t->fold, t->flen) ? s : NULL;
}

int scanmemo_eval(struct scanmemo *m, const struct numlex *nl, const char *text,
                  const struct numtok_list *toks, size_t i, struct numval *out)
{
    struct scanmemo_slot *s = scanmemo_eval_slot(m, nl, text, toks, i);

    if (s && s->eval != SCANMEMO_EVAL_UNKNOWN) {
        *out = m->val[s - m->slot];
        return s->eval == SCANMEMO_EVAL_OK ? 0 : -1;
    }
    int rc = numval_eval(nl, text, toks, i, i + 1, out);
    if (s) {
        s->eval = rc == 0 ? SCANMEMO_EVAL_OK : SCANMEMO_EVAL_FAIL;
        m->val[s - m->slot] = *out;
    }
    return rc;
}
