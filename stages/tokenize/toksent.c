#include "toksent.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "hygiene.h"

void toksent_list_init(struct toksent_list *l)
{
    l->v = NULL;
    l->n = l->cap = 0;
}

void toksent_list_release(struct toksent_list *l)
{
    free(l->v);
    toksent_list_init(l);
}

bool toksent_is_space_other(int32_t cp)
{
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

/* The offset after the whitespace at s[i..b). */
static size_t toksent_skip_space(const char *s, size_t i, size_t b)
{
    int32_t cp;
    bool bad;

    while (i < b) {
        size_t len = hygiene_char(s, b, i, &cp, &bad);
        if (bad || !toksent_is_space(cp))
            break;
        i += len;
    }
    return i;
}

/* Start of the character that ends at e (a UTF-8 lead byte, or one byte back for junk). */
static size_t toksent_prev(const char *s, size_t a, size_t e)
{
    size_t i = e - 1;

    while (i > a && e - i < 4 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    int32_t cp;
    bool bad;
    if (i + hygiene_char(s, e, i, &cp, &bad) != e)
        return e - 1;
    return i;
}

static size_t toksent_trim_end(const char *s, size_t a, size_t e)
{
    int32_t cp;
    bool bad;

    while (e > a) {
        size_t p = toksent_prev(s, a, e);
        hygiene_char(s, e, p, &cp, &bad);
        if (bad || !toksent_is_space(cp))
            break;
        e = p;
    }
    return e;
}

/* Whether byte c is an ASCII character that is no whitespace (nor a control below it). */
static bool toksent_ink(unsigned char c)
{
    return c > ' ' && c < 0x80;
}

static int toksent_add(struct toksent_list *l, const char *s, size_t a, size_t e, size_t para)
{
    if (a < e && !toksent_ink((unsigned char)s[a])) /* most spans start and end with ink */
        a = toksent_skip_space(s, a, e);
    if (e > a && !toksent_ink((unsigned char)s[e - 1]))
        e = toksent_trim_end(s, a, e);
    if (a == e)
        return 0;
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 64;
        struct toksent_span *v = realloc(l->v, cap * sizeof(*v));
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = (struct toksent_span){a, e, para};
    return 0;
}

bool toksent_ends_final(const struct tokconf *tc, const char *s, size_t a, size_t b)
{
    int32_t cp;
    bool bad;

    b = toksent_trim_end(s, a, b);
    while (b > a) {
        size_t p = toksent_prev(s, a, b);
        hygiene_char(s, b, p, &cp, &bad);
        if (bad || !tokset_has(&tc->closers, cp))
            return !bad && tokset_has(&tc->line_final, cp);
        b = p;
    }
    return false;
}

struct toksent_ctx {
    const struct tokconf *tc;
    const struct tokconf_lang *lang;
    const char *s;
    size_t a, b; /* the stretch being split */
};

/* Start of the word that ends at e: back to whitespace, then past openers. */
static size_t toksent_word_start(const struct toksent_ctx *c, size_t from, size_t e)
{
    int32_t cp;
    bool bad;
    size_t w = e;

    while (w > from) {
        size_t p = toksent_prev(c->s, from, w);
        hygiene_char(c->s, w, p, &cp, &bad);
        if (!bad && toksent_is_space(cp))
            break;
        w = p;
    }
    while (w < e) {
        size_t len = hygiene_char(c->s, e, w, &cp, &bad);
        if (!bad && utf8proc_category(cp) >= UTF8PROC_CATEGORY_LU &&
            utf8proc_category(cp) <= UTF8PROC_CATEGORY_ND)
            break;
        w += len;
    }
    return w;
}

static bool toksent_all_digits(const char *s, size_t a, size_t e)
{
    for (size_t i = a; i < e; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return e > a;
}

static bool toksent_is_letter(int32_t cp)
{
    utf8proc_category_t k = utf8proc_category(cp);
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

/* Whether the single '.' at dot keeps the sentence going; next is the next word's start. */
static bool toksent_dot_continues(const struct toksent_ctx *c, size_t from, size_t dot, size_t next)
{
    size_t w = toksent_word_start(c, from, dot);
    int32_t cp;
    bool bad;

    if (w == dot)
        return false;
    if (tokwords_has_raw(&c->lang->abbreviations, c->s + w, dot + 1 - w))
        return true;
    size_t len = hygiene_char(c->s, dot, w, &cp, &bad);
    if (c->tc->initials && w + len == dot && !bad && toksent_is_letter(cp))
        return true;
    if (!toksent_all_digits(c->s, w, dot) || dot - w > c->tc->ordinal_max_digits)
        return false;
    size_t ne = next;
    while (ne < c->b) {
        size_t l = hygiene_char(c->s, c->b, ne, &cp, &bad);
        if (bad || !toksent_is_letter(cp))
            break;
        ne += l;
    }
    return tokwords_has_raw(&c->lang->ordinal_words, c->s + next, ne - next);
}

/* Whether a sentence ends after the terminators at [t, j) (j is past any closers). */
static bool toksent_boundary(const struct toksent_ctx *c, size_t from, size_t t, size_t j)
{
    int32_t cp;
    bool bad;

    if (j >= c->b)
        return true;
    hygiene_char(c->s, c->b, j, &cp, &bad);
    if (bad || !toksent_is_space(cp))
        return false;
    size_t k = toksent_skip_space(c->s, j, c->b);
    if (k >= c->b)
        return true;
    hygiene_char(c->s, c->b, k, &cp, &bad);
    if (c->tc->lowercase_continues && !bad && utf8proc_category(cp) == UTF8PROC_CATEGORY_LL)
        return false;
    if (!bad && tokset_has(&c->tc->continuers, cp))
        return false;
    bool single_dot = c->s[t] == '.' && (t + 1 == j || c->s[t + 1] != '.');
    return !(single_dot && toksent_dot_continues(c, from, t, k));
}

/* Offset past the run of characters of set at i. */
static size_t toksent_run(const struct toksent_ctx *c, size_t i, const struct tokset *set)
{
    int32_t cp;
    bool bad;

    while (i < c->b) {
        size_t len = hygiene_char(c->s, c->b, i, &cp, &bad);
        if (bad || !tokset_has(set, cp))
            break;
        i += len;
    }
    return i;
}

/* Where to cut a sentence from s0 that reached i: the last whitespace in its second half. */
static size_t toksent_cut(const struct toksent_ctx *c, size_t s0, size_t i)
{
    size_t half = s0 + (i - s0) / 2;

    for (size_t k = i; k > half; k--)
        if (c->s[k - 1] == ' ' || c->s[k - 1] == '\t')
            return k - 1;
    return i;
}

/* Whether the byte at s is ASCII but NUL, and not a terminator. */
static bool toksent_plain_byte(const unsigned char *cls, const char *s)
{
    return cls[(unsigned char)*s] & TOKCONF_BYTE_PLAIN;
}

/*
 * Past the ASCII bytes from i on that are not terminators (nor NUL), but
 * not past the sentence's byte limit: most of the text, passed without
 * decoding it, with one test of the end per 4 bytes.
 */
static size_t toksent_plain(const struct toksent_ctx *c, size_t s0, size_t i)
{
    size_t max = c->tc->max_sentence_bytes;
    size_t end = c->b - s0 > max ? s0 + max : c->b;
    const unsigned char *cls = c->tc->byte_class;
    const char *s = c->s;

    for (; end - i >= 4; i += 4) {
        if (!toksent_plain_byte(cls, s + i))
            return i;
        if (!toksent_plain_byte(cls, s + i + 1))
            return i + 1;
        if (!toksent_plain_byte(cls, s + i + 2))
            return i + 2;
        if (!toksent_plain_byte(cls, s + i + 3))
            return i + 3;
    }
    while (i < end && toksent_plain_byte(cls, s + i))
        i++;
    return i;
}

int toksent_split(const struct tokconf *tc, const struct tokconf_lang *lang, const char *s,
                  size_t a, size_t b, size_t para, struct toksent_list *l)
{
    struct toksent_ctx c = {tc, lang, s, a, b};
    size_t s0 = a, i = a;
    int32_t cp;
    bool bad;

    while (i < b) {
        if (i - s0 < tc->max_sentence_bytes)
            i = toksent_plain(&c, s0, i);
        if (i >= b)
            break;
        if (i - s0 >= tc->max_sentence_bytes) {
            size_t cut = toksent_cut(&c, s0, i);
            if (toksent_add(l, s, s0, cut, para) < 0)
                return -1;
            s0 = i = cut;
            continue;
        }
        size_t len = hygiene_char(s, b, i, &cp, &bad);
        if (bad || !tokset_has(&tc->terminators, cp)) {
            i += len;
            continue;
        }
        size_t j = toksent_run(&c, toksent_run(&c, i, &tc->terminators), &tc->closers);
        if (toksent_boundary(&c, s0, i, j)) {
            if (toksent_add(l, s, s0, j, para) < 0)
                return -1;
            s0 = toksent_skip_space(s, j, b);
        }
        i = j > i ? j : i + len;
        if (s0 > i)
            i = s0;
    }
    return toksent_add(l, s, s0, b, para);
}
