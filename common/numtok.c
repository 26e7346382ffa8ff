#include "numtok.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "numidx.h"
#include "utf8.h"

struct numtok_lexer {
    const char *s;
    size_t n;
    size_t pos;
    bool space;
    struct numtok_list *list;
    size_t list_end; /* a list of numbers ("22,24,26,31", "192.168.1.2") ends here */
};

static int32_t numtok_cp(const struct numtok_lexer *lx, size_t at, size_t *len)
{
    int32_t cp;

    *len = 1;
    if (at >= lx->n)
        return -1;
    if ((unsigned char)lx->s[at] < 0x80)
        return (unsigned char)lx->s[at];
    size_t l = utf8_decode(lx->s + at, lx->n - at, &cp);
    *len = l ? l : 1;
    return cp;
}

static bool numtok_is_space(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0x2007 || cp == 0x200B;
}

static bool numtok_is_letter(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

static bool numtok_is_digit(int32_t cp)
{
    return cp >= '0' && cp <= '9';
}

static bool numtok_is_apos(int32_t cp)
{
    return cp == '\'' || cp == 0x2019;
}

static bool numtok_is_dash(int32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013 ||
           cp == 0x2014 || cp == 0x2212;
}

static bool numtok_digit_at(const struct numtok_lexer *lx, size_t at)
{
    return at < lx->n && lx->s[at] >= '0' && lx->s[at] <= '9';
}

static size_t numtok_digits(const struct numtok_lexer *lx, size_t at)
{
    size_t k = at;
    while (numtok_digit_at(lx, k))
        k++;
    return k - at;
}

/* Case-fold s[0..n), then write typographic apostrophes as "'" and dashes as "-". */
static char *numtok_fold(const char *s, size_t n)
{
    struct buf b = BUF_INIT;
    size_t i = 0;

    while (i < n) {
        int32_t cp;
        size_t l = utf8_decode(s + i, n - i, &cp);
        if (!l || cp == 0) {
            l = l ? l : 1;
            cp = 0xFFFD;
        }
        char enc[4];
        int rc;
        if (numtok_is_apos(cp))
            rc = buf_addch(&b, '\'');
        else if (numtok_is_dash(cp))
            rc = buf_addch(&b, '-');
        else {
            size_t el = utf8_encode(cp, enc);
            rc = buf_add(&b, enc, el);
        }
        if (rc < 0) {
            buf_release(&b);
            return NULL;
        }
        i += l;
    }
    size_t flen = 0;
    char *f = utf8_fold(buf_str(&b), b.len, &flen);
    buf_release(&b);
    return f;
}

/* The cache: one word a slot, by a hash of its bytes; a new word takes the slot of an old one. */
#define NUMTOK_CACHE_SLOTS 1024

struct numtok_cached {
    size_t rlen, flen; /* the raw bytes; the fold with its NUL */
    char bytes[];      /* raw, then fold */
};

struct numtok_cache {
    struct numtok_cached *slot[NUMTOK_CACHE_SLOTS];
};

/* For the cache of folds and the hash each token keeps of its fold (numidx_find_hashed()). */
static uint32_t numtok_hash(const char *s, size_t n)
{
    return numidx_hash(s, n);
}

/* The fold of s[0..n) when the cache holds it (its NUL included in *flen), else NULL. */
static const char *numtok_cache_get(const struct numtok_cache *c, const char *s, size_t n,
                                    size_t *flen)
{
    const struct numtok_cached *e = c ? c->slot[numtok_hash(s, n) % NUMTOK_CACHE_SLOTS] : NULL;

    if (!e || e->rlen != n || memcmp(e->bytes, s, n) != 0)
        return NULL;
    *flen = e->flen;
    return e->bytes + n;
}

/* Remember f[0..flen) as the fold of s[0..n), in place of the slot's last word. */
static void numtok_cache_put(struct numtok_list *list, const char *s, size_t n, const char *f,
                             size_t flen)
{
    if (!list->cache)
        return; /* a list never reset, or no room for a cache: folds are not remembered */
    struct numtok_cached *e = malloc(sizeof(*e) + n + flen);
    if (!e)
        return;
    e->rlen = n;
    e->flen = flen;
    memcpy(e->bytes, s, n);
    memcpy(e->bytes + n, f, flen);
    struct numtok_cached **slot = &list->cache->slot[numtok_hash(s, n) % NUMTOK_CACHE_SLOTS];
    free(*slot);
    *slot = e;
}

/* Append the fold of non-ASCII text s[0..n) and its NUL to list->folds, remembered by the cache. */
static int numtok_add_fold_cached(struct numtok_list *list, const char *s, size_t n)
{
    size_t flen;
    const char *hit = numtok_cache_get(list->cache, s, n, &flen);

    if (hit)
        return buf_add(&list->folds, hit, flen);
    char *f = numtok_fold(s, n);
    if (!f)
        return -1;
    flen = strlen(f) + 1;
    int rc = buf_add(&list->folds, f, flen);
    if (rc == 0)
        numtok_cache_put(list, s, n, f, flen);
    free(f);
    return rc;
}

/*
 * Append the fold of s[0..n) and its NUL to list->folds. Text that is ASCII
 * (no NUL) folds to itself in lower case: numtok_fold() would give the same
 * bytes. Other text goes through utf8proc once per distinct word: the cache
 * keeps the folds of recent ones.
 */
static int numtok_add_fold(struct numtok_list *list, const char *s, size_t n)
{
    struct buf *out = &list->folds;
    size_t i;

    /* buf_grow() keeps room for a NUL past len */
    if (out->cap - out->len < n + 2 && buf_grow(out, n + 1) < 0)
        return -1;
    char *d = out->data + out->len;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || c == '\0')
            break;
        d[i] = (char)(c + ((unsigned char)(c - 'A') < 26 ? 'a' - 'A' : 0));
    }
    if (i < n)
        return numtok_add_fold_cached(list, s, n);
    d[n] = '\0';
    out->len += n + 1;
    return 0;
}

/* Room for one more token. */
static int numtok_reserve(struct numtok_list *l)
{
    if (l->n < l->cap)
        return 0;
    size_t cap = l->cap ? 2 * l->cap : 32;
    struct numtok *v = realloc(l->v, cap * sizeof(*v));
    if (!v)
        return -1;
    l->v = v;
    l->cap = cap;
    return 0;
}

/*
 * Append the token s[start..end) whose fold (flen bytes) and NUL were just added at foff of
 * list->folds.
 * Inlined: it is done for every token, and GCC left it a call.
 */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline void
numtok_add(struct numtok_lexer *lx, size_t start, size_t end, enum numtok_type type, size_t foff,
           size_t flen, uint32_t hash)
{
    struct numtok_list *l = lx->list;

    l->v[l->n++] = (struct numtok){
        start, end, type, lx->space, l->folds.data + foff, foff, flen, hash, 0, 0,
    };
    lx->space = false;
    lx->pos = end;
}

static int numtok_push(struct numtok_lexer *lx, size_t start, size_t end, enum numtok_type type)
{
    struct numtok_list *l = lx->list;

    if (numtok_reserve(l) < 0)
        return -1;
    size_t foff = l->folds.len;
    if (numtok_add_fold(l, lx->s + start, end - start) < 0)
        return -1;
    size_t flen = l->folds.len - foff - 1;
    numtok_add(lx, start, end, type, foff, flen, numtok_hash(l->folds.data + foff, flen));
    return 0;
}

static bool numtok_ascii_alnum(char c)
{
    return (unsigned char)((c | 0x20) - 'a') < 26 || (unsigned char)(c - '0') < 10;
}

static size_t numtok_word_end(const struct numtok_lexer *lx, size_t at)
{
    size_t len, k = at;

    for (;;) {
        while (k < lx->n && numtok_ascii_alnum(lx->s[k]))
            k++;
        int32_t cp = numtok_cp(lx, k, &len);
        if (numtok_is_letter(cp) || numtok_is_digit(cp)) {
            k += len;
            continue;
        }
        size_t l2;
        if (numtok_is_apos(cp) && numtok_is_letter(numtok_cp(lx, k + len, &l2))) {
            k += len;
            continue;
        }
        return k;
    }
}

#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define NUMTOK_ONES UINT64_C(0x0101010101010101)
#define NUMTOK_HIGHS (NUMTOK_ONES * 0x80)

/* Bit 7 of each byte of x that is an ASCII letter or digit (as numtok_ascii_alnum()). */
static uint64_t numtok_alnum8(uint64_t x)
{
    /* with bit 7 clear, adding at most 0x7F to a byte carries into no other */
    uint64_t x7 = x & ~NUMTOK_HIGHS, t7 = x7 | (NUMTOK_ONES * 0x20);
    uint64_t letter = (t7 + NUMTOK_ONES * (0x80 - 'a')) & ~(t7 + NUMTOK_ONES * (0x7F - 'z'));
    uint64_t digit = (x7 + NUMTOK_ONES * (0x80 - '0')) & ~(x7 + NUMTOK_ONES * (0x7F - '9'));

    return (letter | digit) & ~x & NUMTOK_HIGHS;
}
#endif

/*
 * The length of the run of ASCII letters and digits at s[0..room), each
 * written folded to d (c | 0x20 is the lower case of both), eight at a time
 * while eight bytes are left (bytes of d past the run are written too: d
 * has room + 1 bytes).
 */
static inline size_t numtok_ascii_run(const char *s, size_t room, char *d)
{
    size_t k = 0;

#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (room - k >= 8) {
        uint64_t x, y;
        memcpy(&x, s + k, 8);
        y = x | (NUMTOK_ONES * 0x20);
        memcpy(d + k, &y, 8);
        uint64_t stop = ~numtok_alnum8(x) & NUMTOK_HIGHS;
        if (stop)
            return k + (size_t)__builtin_ctzll(stop) / 8;
        k += 8;
    }
#endif
    while (k < room && numtok_ascii_alnum(s[k])) {
        d[k] = (char)(s[k] | 0x20);
        k++;
    }
    return k;
}

/*
 * Whether s[0..room) begins with a letter of U+00C0..U+00FF (Latin-1: "å",
 * "ü", "é"), but U+00D7, U+00F7 and U+00DF (which folds to "ss"); when
 * so, its fold (an upper case one 0x20 more in its second byte, as
 * utf8_fold() gives) is written to d[0..2).
 */
static bool numtok_latin1_letter(const char *s, size_t room, char *d)
{
    if (room < 2 || (unsigned char)s[0] != 0xC3)
        return false;
    unsigned char c = (unsigned char)s[1];
    if (c < 0x80 || c > 0xBF || c == 0x97 || c == 0xB7 || c == 0x9F)
        return false;
    d[0] = s[0];
    d[1] = (char)(c < 0xA0 ? c + 0x20 : c);
    return true;
}

/*
 * Push the word at lx->pos, which begins with an ASCII or Latin-1 letter
 * (numtok_latin1_letter()). Its runs of ASCII letters and digits are
 * scanned and folded together (numtok_ascii_run()), and its Latin-1
 * letters a character at a time, then hashed; a word that goes on past
 * them (an apostrophe, another letter not ASCII) is left to
 * numtok_word_end() and numtok_push(), which fold it as any other token.
 */
static int numtok_push_word(struct numtok_lexer *lx)
{
    struct numtok_list *l = lx->list;
    struct buf *out = &l->folds;
    size_t start = lx->pos, room = lx->n - start;

    /* buf_grow() keeps room for a NUL past len; the hash reads up to 7 bytes past the NUL */
    if (numtok_reserve(l) < 0 || (out->cap - out->len < room + NUMTOK_FOLD_PAD + 1 &&
                                  buf_grow(out, room + NUMTOK_FOLD_PAD) < 0))
        return -1;
    const char *s = lx->s + start;
    char *d = out->data + out->len;
    size_t k = numtok_ascii_run(s, room, d);
    /* a byte past the ASCII run that is no ASCII: a Latin-1 letter, or the word goes on */
    while (k < room && (unsigned char)s[k] >= 0x80) {
        if (!numtok_latin1_letter(s + k, room - k, d + k))
            return numtok_push(lx, start, numtok_word_end(lx, start + k), NUMTOK_WORD);
        k += 2;
        k += numtok_ascii_run(s + k, room - k, d + k);
    }
    if (k < room && s[k] == '\'')
        return numtok_push(lx, start, numtok_word_end(lx, start + k), NUMTOK_WORD);
    d[k] = '\0';
    size_t foff = out->len;
    out->len += k + 1;
    numtok_add(lx, start, start + k, NUMTOK_WORD, foff, k, numidx_hash_padded(d, k));
    return 0;
}

/* Length of a space-like separator at at followed by exactly three digits, or 0. */
static size_t numtok_space_group(const struct numtok_lexer *lx, size_t at)
{
    size_t len;
    int32_t cp = numtok_cp(lx, at, &len);

    if (cp != ' ' && cp != 0xA0 && cp != 0x202F && cp != 0x2009)
        return 0;
    if (numtok_digits(lx, at + len) != 3)
        return 0;
    return len;
}

static size_t numtok_run_end(const struct numtok_lexer *lx, size_t at)
{
    size_t k = at, head = numtok_digits(lx, at);
    bool grouped = head >= 1 && head <= 3, mark = false;

    k += head;
    for (;;) {
        char c = k < lx->n ? lx->s[k] : 0;
        size_t sg;
        if ((c == '.' || c == ',') && numtok_digit_at(lx, k + 1)) {
            size_t d = numtok_digits(lx, k + 1);
            grouped = grouped && d == 3;
            mark = true;
            k += 1 + d;
        } else if (grouped && !mark && (sg = numtok_space_group(lx, k)) > 0) {
            k += sg + 3;
        } else {
            return k;
        }
    }
}

/*
 * True when s[at..end) is no single number but a list: one kind of mark, at least
 * twice, with groups that are neither thousands ("1.234.567") nor Indian
 * ("12,34,567"): "22,24,26,31", "192.168.1.2", "17.5.2018".
 */
static bool numtok_is_list(const struct numtok_lexer *lx, size_t at, size_t end)
{
    size_t g[16], n = 0;
    char mark = 0;

    g[0] = 0;
    for (size_t k = at; k < end; k++) {
        char c = lx->s[k];
        if (c >= '0' && c <= '9') {
            g[n]++;
            continue;
        }
        if ((c != '.' && c != ',') || (mark && c != mark) || n + 1 >= sizeof(g) / sizeof(*g))
            return false;
        mark = c;
        g[++n] = 0;
    }
    if (n < 2)
        return false;
    bool thousands = g[0] >= 1 && g[0] <= 3, indian = mark == ',' && g[n] == 3;
    for (size_t i = 1; i <= n; i++) {
        thousands = thousands && g[i] == 3;
        indian = indian && (i == n || g[i] == 2);
    }
    return !thousands && !indian;
}

static size_t numtok_num_end(struct numtok_lexer *lx, size_t at)
{
    if (at < lx->list_end)
        return at + numtok_digits(lx, at);
    size_t end = numtok_run_end(lx, at);
    if (numtok_is_list(lx, at, end)) {
        lx->list_end = end;
        return at + numtok_digits(lx, at);
    }
    return end;
}

/* Push the ASCII punctuation byte at lx->pos (no NUL): it is its own fold, as numtok_fold() says.
 */
static int numtok_push_punct(struct numtok_lexer *lx)
{
    struct numtok_list *l = lx->list;
    struct buf *out = &l->folds;

    /* buf_grow() keeps room for a NUL past len */
    if (numtok_reserve(l) < 0 || (out->cap - out->len < 3 && buf_grow(out, 2) < 0))
        return -1;
    size_t foff = out->len;
    char *d = out->data + foff;
    d[0] = lx->s[lx->pos];
    d[1] = '\0';
    out->len += 2;
    numtok_add(lx, lx->pos, lx->pos + 1, NUMTOK_PUNCT, foff, 1, numtok_hash(d, 1));
    return 0;
}

/* The token at lx->pos, which begins no word numtok_push_word() takes (numtok_lex() pushes those).
 */
static int numtok_step(struct numtok_lexer *lx)
{
    size_t len;
    int32_t cp = numtok_cp(lx, lx->pos, &len);

    if (numtok_is_space(cp)) {
        lx->space = true;
        lx->pos += len;
        return 0;
    }
    if (numtok_is_digit(cp))
        return numtok_push(lx, lx->pos, numtok_num_end(lx, lx->pos), NUMTOK_NUM);
    if ((cp == '.' || cp == ',') && lx->space && numtok_digit_at(lx, lx->pos + 1))
        return numtok_push(lx, lx->pos, numtok_num_end(lx, lx->pos + 1), NUMTOK_NUM);
    if (numtok_is_letter(cp))
        return numtok_push(lx, lx->pos, numtok_word_end(lx, lx->pos), NUMTOK_WORD);
    if (cp > 0 && cp < 0x80)
        return numtok_push_punct(lx);
    return numtok_push(lx, lx->pos, lx->pos + len, NUMTOK_PUNCT);
}

int numtok_lex(const char *s, size_t n, struct numtok_list *list)
{
    struct numtok_lexer lx = {s, n, 0, true, list, 0};
    const char *data = list->folds.data; /* where every fold so far points into */
    int rc = 0;

    list->marked = NULL;
    while (lx.pos < n) {
        unsigned char c = (unsigned char)s[lx.pos];
        if (c == ' ') { /* the most common byte of all, read here for less */
            lx.space = true;
            lx.pos++;
            continue;
        }
        /* a word: what numtok_step() would find, after more tests */
        char f[2];
        bool word = (unsigned char)((c | 0x20) - 'a') < 26 ||
                    numtok_latin1_letter(s + lx.pos, n - lx.pos, f);
        if (!word) {
            if ((rc = numtok_step(&lx)) < 0)
                break;
            continue;
        }
        if ((rc = numtok_push_word(&lx)) < 0)
            break;
        /* a word is most often followed by a space: taken here, not by another turn */
        if (lx.pos < n && s[lx.pos] == ' ') {
            lx.space = true;
            lx.pos++;
        }
    }
    /* buf_grow() keeps a byte past those asked for */
    if (rc == 0 && list->folds.cap - list->folds.len < NUMTOK_FOLD_PAD + 1 &&
        buf_grow(&list->folds, NUMTOK_FOLD_PAD) < 0)
        rc = -1;
    /* when the buffer moved, folds pointed into where it was: point every one into it again */
    if (list->folds.data != data)
        for (size_t i = 0; i < list->n; i++)
            list->v[i].fold = list->folds.data + list->v[i].foff;
    return rc;
}

void numtok_list_reset(struct numtok_list *list)
{
    if (!list->cache)
        list->cache = calloc(1, sizeof(*list->cache)); /* NULL: folds are not remembered */
    list->n = 0;
    list->marked = NULL;
    buf_reset(&list->folds);
}

static void numtok_cache_free(struct numtok_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < NUMTOK_CACHE_SLOTS; i++)
        free(c->slot[i]);
    free(c);
}

void numtok_list_release(struct numtok_list *list)
{
    numtok_cache_free(list->cache);
    list->cache = NULL;
    free(list->v);
    buf_release(&list->folds);
    list->v = NULL;
    list->marked = NULL;
    list->n = list->cap = 0;
}

char *numtok_join(const struct numtok_list *list, size_t from, size_t to)
{
    struct buf b = BUF_INIT;

    for (size_t i = from; i < to; i++) {
        if ((i > from && buf_addch(&b, ' ') < 0) || buf_addstr(&b, list->v[i].fold) < 0) {
            buf_release(&b);
            return NULL;
        }
    }
    if (!b.data && buf_addstr(&b, "") < 0)
        return NULL;
    return buf_detach(&b);
}
