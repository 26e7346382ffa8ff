#include "toklex.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "hygiene.h"
#include "toksent.h"

void toklex_list_init(struct toklex_list *l)
{
    l->v = NULL;
    l->n = l->cap = 0;
}

void toklex_list_release(struct toklex_list *l)
{
    free(l->v);
    toklex_list_init(l);
}

static int toklex_add(struct toklex_list *l, size_t start, size_t end, char type)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 64;
        struct toklex *v = realloc(l->v, cap * sizeof(*v));
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = (struct toklex){start, end, type};
    return 0;
}

struct toklex_ctx {
    const struct tokconf *tc;
    const struct tokconf_lang *lang;
    const char *s;
    size_t b;
};

static utf8proc_category_t toklex_cat_other(const struct toklex_ctx *c, size_t i, size_t *len)
{
    int32_t cp;
    bool bad;

    if (i >= c->b) {
        *len = 0;
        return UTF8PROC_CATEGORY_CN;
    }
    *len = hygiene_char(c->s, c->b, i, &cp, &bad);
    return bad ? UTF8PROC_CATEGORY_SO : utf8proc_category(cp);
}

/* The category of the character at i (CN past the end), *len its length; inline for ASCII. */
static inline utf8proc_category_t toklex_cat(const struct toklex_ctx *c, size_t i, size_t *len)
{
    unsigned char a = i < c->b ? (unsigned char)c->s[i] : 0;

    if (a && a < 0x80) {
        *len = 1;
        return (utf8proc_category_t)c->tc->ascii_category[a];
    }
    return toklex_cat_other(c, i, len);
}

/* Letters, marks and numbers: what words and numbers are made of. */
static bool toklex_wordish(utf8proc_category_t k)
{
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_NO;
}

static bool toklex_digit_at(const struct toklex_ctx *c, size_t i)
{
    return i < c->b && c->s[i] >= '0' && c->s[i] <= '9';
}

static size_t toklex_digits(const struct toklex_ctx *c, size_t i)
{
    while (toklex_digit_at(c, i))
        i++;
    return i;
}

/* Length of a configured group separator at i, or 0. */
static size_t toklex_group_sep(const struct toklex_ctx *c, size_t i)
{
    for (size_t k = 0; k < c->tc->ngroup_separators; k++) {
        size_t n = strlen(c->tc->group_separators[k]);
        if (n && i + n <= c->b && memcmp(c->s + i, c->tc->group_separators[k], n) == 0)
            return n;
    }
    return 0;
}

static size_t toklex_number(const struct toklex_ctx *c, size_t i)
{
    size_t g = i;
    size_t len;

    i = toklex_digits(c, i);
    for (;;) {
        size_t sep = toklex_group_sep(c, i);
        if (i < c->b && strchr(".,:", c->s[i]) && toklex_digit_at(c, i + 1)) {
            g = i + 1;
            i = toklex_digits(c, g);
        } else if (sep && i - g <= 3 && toklex_digits(c, i + sep) == i + sep + 3) {
            g = i + sep;
            i = g + 3;
        } else {
            break;
        }
    }
    while (toklex_wordish(toklex_cat(c, i, &len)))
        i += len;
    return i;
}

/* Whether the byte at s is an ASCII letter or digit. */
static bool toklex_word_byte(const unsigned char *cls, const char *s)
{
    return cls[(unsigned char)*s] & TOKCONF_BYTE_WORD;
}

/*
 * Past the ASCII letters and digits from i on (most of a word), without a
 * call per byte, and with one test of the end per 4 bytes.
 */
static size_t toklex_ascii_run(const struct toklex_ctx *c, size_t i)
{
    const unsigned char *cls = c->tc->byte_class;
    const char *s = c->s;

    for (; c->b - i >= 4; i += 4) {
        if (!toklex_word_byte(cls, s + i))
            return i;
        if (!toklex_word_byte(cls, s + i + 1))
            return i + 1;
        if (!toklex_word_byte(cls, s + i + 2))
            return i + 2;
        if (!toklex_word_byte(cls, s + i + 3))
            return i + 3;
    }
    while (i < c->b && toklex_word_byte(cls, s + i))
        i++;
    return i;
}

/* The end of the word that starts at start, scanned up to i. */
static size_t toklex_word_from(const struct toklex_ctx *c, size_t start, size_t i)
{
    size_t len;
    int32_t cp;
    bool bad;

    for (;;) {
        i = toklex_ascii_run(c, i);
        if (i < c->b && (c->tc->byte_class[(unsigned char)c->s[i]] & TOKCONF_BYTE_STOP))
            break;
        if (toklex_wordish(toklex_cat(c, i, &len))) {
            i += len;
            continue;
        }
        if (i >= c->b)
            break;
        size_t jl = hygiene_char(c->s, c->b, i, &cp, &bad);
        size_t nl;
        if (bad || !tokset_has(&c->tc->word_joiners, cp) ||
            !toklex_wordish(toklex_cat(c, i + jl, &nl)))
            break;
        i += jl;
    }
    if (c->lang && i < c->b && c->s[i] == '.' &&
        tokwords_has_raw(&c->lang->abbreviations, c->s + start, i + 1 - start))
        i++;
    return i;
}

static size_t toklex_word(const struct toklex_ctx *c, size_t i)
{
    return toklex_word_from(c, i, i);
}

/*
 * The end of the word at ASCII letter i: inline when its ASCII letters and
 * digits end the text or meet a byte that stops a word (most words).
 */
static inline size_t toklex_ascii_word(const struct toklex_ctx *c, size_t i)
{
    size_t e = toklex_ascii_run(c, i);

    if (e >= c->b || (c->tc->byte_class[(unsigned char)c->s[e]] & TOKCONF_BYTE_STOP))
        return e;
    return toklex_word_from(c, i, e);
}

static char toklex_punct_type(const struct toklex_ctx *c, size_t i, size_t *len)
{
    int32_t cp;
    bool bad;

    *len = hygiene_char(c->s, c->b, i, &cp, &bad);
    if (bad)
        return 's';
    utf8proc_category_t k = utf8proc_category(cp);
    if (k == UTF8PROC_CATEGORY_PD || (k >= UTF8PROC_CATEGORY_SM && k <= UTF8PROC_CATEGORY_SO) ||
        tokset_has(&c->tc->symbols, cp))
        return 's';
    return k >= UTF8PROC_CATEGORY_PC && k <= UTF8PROC_CATEGORY_PO ? 'p' : 's';
}

/*
 * The token of ASCII byte class f at i, into *e and *type: a letter starts a
 * word, a digit a number, and a mark is a token alone.
 */
static void toklex_ascii_token(const struct toklex_ctx *c, size_t i, unsigned f, size_t *e,
                               char *type)
{
    if (f & TOKCONF_BYTE_MARK) {
        *e = i + 1;
        *type = f & TOKCONF_BYTE_PUNCT ? 'p' : 's';
    } else if (c->s[i] >= '0' && c->s[i] <= '9') {
        *e = toklex_number(c, i);
        *type = 'n';
    } else {
        *e = toklex_ascii_word(c, i);
        *type = 'w';
    }
}

/* The token of the (not plain ASCII) character at i, into *e and *type. */
static void toklex_other_token(const struct toklex_ctx *c, size_t i, utf8proc_category_t k,
                               size_t len, size_t *e, char *type)
{
    if (k == UTF8PROC_CATEGORY_ND && toklex_digit_at(c, i)) {
        *e = toklex_number(c, i);
        *type = 'n';
    } else if (toklex_wordish(k)) {
        *e = toklex_word(c, i);
        *type = k >= UTF8PROC_CATEGORY_ND ? 'n' : 'w';
    } else {
        *type = toklex_punct_type(c, i, &len);
        *e = i + len;
    }
}

int toklex_scan(const struct tokconf *tc, const struct tokconf_lang *lang, const char *s, size_t a,
                size_t b, struct toklex_list *l)
{
    struct toklex_ctx c = {tc, lang, s, b};
    int32_t cp;
    bool bad;

    l->n = 0;
    for (size_t i = a; i < b;) {
        unsigned char ch = (unsigned char)s[i];
        size_t e;
        char type;
        if (ch != 0 && ch < 0x80) {
            unsigned f = tc->byte_class[ch];
            if (f & TOKCONF_BYTE_SPACE) {
                i++;
                continue;
            }
            toklex_ascii_token(&c, i, f, &e, &type);
        } else {
            size_t len = hygiene_char(s, b, i, &cp, &bad);
            if (!bad && toksent_is_space(cp)) {
                i += len;
                continue;
            }
            utf8proc_category_t k = bad ? UTF8PROC_CATEGORY_SO : utf8proc_category(cp);
            toklex_other_token(&c, i, k, len, &e, &type);
        }
        if (toklex_add(l, i, e, type) < 0)
            return -1;
        i = e;
    }
    return 0;
}
