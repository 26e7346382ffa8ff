#include "refilter.h"

#include <stdlib.h>
#include <string.h>

#define REFILTER_SPECIAL ".[]()*+?{}|^$\\"

/* Offset past the bracket expression that starts at re[i] == '[', or 0 if it is not closed. */
static size_t refilter_bracket_end(const char *re, size_t i)
{
    size_t j = i + 1;

    if (re[j] == '^')
        j++;
    if (re[j] == ']')
        j++;
    for (; re[j]; j++) {
        if (re[j] == '[' && (re[j + 1] == ':' || re[j + 1] == '.' || re[j + 1] == '=')) {
            const char *close = strchr(re + j + 2, re[j + 1]);
            if (!close || close[1] != ']')
                return 0;
            j = (size_t)(close - re) + 1;
        } else if (re[j] == ']') {
            return j + 1;
        }
    }
    return 0;
}

/* Offset past the element at re[i] (a byte, an escape, a bracket or a group), or 0. */
static size_t refilter_skip(const char *re, size_t i)
{
    if (re[i] == '\\')
        return re[i + 1] ? i + 2 : 0;
    if (re[i] == '[')
        return refilter_bracket_end(re, i);
    if (re[i] != '(')
        return re[i] ? i + 1 : 0;
    for (size_t j = i + 1; re[j];) {
        if (re[j] == ')')
            return j + 1;
        j = refilter_skip(re, j);
        if (j == 0)
            return 0;
    }
    return 0;
}

/*
 * Whether "\\c" is the literal c: only for ERE's special characters (GNU
 * gives "\\<", "\\w" and others a meaning of their own).
 */
static bool refilter_escaped(char c)
{
    return c && strchr(REFILTER_SPECIAL, c);
}

/* Whether the element ending at re[i] may occur zero times. */
static bool refilter_optional(const char *re, size_t i)
{
    return re[i] == '?' || re[i] == '*' || re[i] == '{';
}

static bool refilter_has_top_bar(const char *re)
{
    for (size_t i = 0; re[i];) {
        if (re[i] == '|')
            return true;
        i = refilter_skip(re, i);
        if (i == 0)
            return true;
    }
    return false;
}

static void refilter_set(uint64_t *set, unsigned char b)
{
    set[b >> 6] |= (uint64_t)1 << (b & 63);
}

/* Add the bytes of the plain bracket re[i..end) to set; false for a negated or named class. */
static bool refilter_bracket_bytes(const char *re, size_t i, size_t end, uint64_t *set)
{
    size_t j = i + 1, last = end - 1;

    if (re[j] == '^')
        return false;
    for (; j < last; j++) {
        unsigned char lo = (unsigned char)re[j];
        if (lo == '[' && j + 1 < last && strchr(":.=", re[j + 1]))
            return false;
        if (re[j + 1] == '-' && j + 2 < last) {
            for (unsigned b = lo; b <= (unsigned char)re[j + 2]; b++)
                refilter_set(set, (unsigned char)b);
            j += 2;
        } else {
            refilter_set(set, lo);
        }
    }
    return true;
}

static bool refilter_first_of(const char *re, size_t i, size_t end, uint64_t *set);

/* The first bytes of each alternative of the group re[i..end) (re[i] == '('). */
static bool refilter_group_first(const char *re, size_t i, size_t end, uint64_t *set)
{
    size_t a = i + 1;

    for (size_t j = a; j < end;) {
        if (re[j] == '|' || re[j] == ')') {
            if (!refilter_first_of(re, a, j, set))
                return false;
            a = j + 1;
            j++;
            continue;
        }
        j = refilter_skip(re, j);
        if (j == 0)
            return false;
    }
    return true;
}

/* Add the bytes a match of re[i..end) (no top-level '|') may start with; false if unknown. */
static bool refilter_first_of(const char *re, size_t i, size_t end, uint64_t *set)
{
    size_t next = i < end ? refilter_skip(re, i) : 0;

    if (next == 0 || next > end || (next < end && refilter_optional(re, next)))
        return false;
    unsigned char c = (unsigned char)re[i];
    if (c == '(')
        return refilter_group_first(re, i, next, set);
    if (c == '[')
        return refilter_bracket_bytes(re, i, next, set);
    if (c == '\\') {
        if (!refilter_escaped(re[i + 1]))
            return false;
        refilter_set(set, (unsigned char)re[i + 1]);
        return true;
    }
    if (strchr(".^$|)*+?{", c))
        return false;
    refilter_set(set, c);
    return true;
}

/* The leading literal bytes of re[0..end) into out (an escaped punctuation byte counts). */
static size_t refilter_literal_into(const char *re, size_t end, char *out)
{
    size_t len = 0;

    for (size_t i = 0; i < end && re[i];) {
        unsigned char c = (unsigned char)re[i];
        size_t step = 1;
        if (c == '\\' && refilter_escaped(re[i + 1])) {
            c = (unsigned char)re[i + 1];
            step = 2;
        } else if (strchr(REFILTER_SPECIAL, c)) {
            break;
        }
        if (refilter_optional(re, i + step))
            break;
        out[len++] = (char)c;
        i += step;
    }
    out[len] = '\0';
    return len;
}

/* The leading literal bytes of re into f->lit. */
static int refilter_literal(struct refilter *f, const char *re)
{
    f->lit = malloc(strlen(re) + 1);
    if (!f->lit)
        return -1;
    f->litlen = refilter_literal_into(re, strlen(re), f->lit);
    return 0;
}

/* Add the literal re[0..end) starts with to f->alts; 0 when it is empty (no condition then). */
static int refilter_add_alt(struct refilter *f, const char *re, size_t end)
{
    struct refilter_alt *v = realloc(f->alts, (f->nalts + 1) * sizeof(*v));
    char *lit = malloc(end + 1);

    if (v)
        f->alts = v;
    if (!v || !lit) {
        free(lit);
        return -1;
    }
    size_t len = refilter_literal_into(re, end, lit);
    if (len == 0) {
        free(lit);
        return 0;
    }
    f->alts[f->nalts++] = (struct refilter_alt){lit, len};
    return 1;
}

static void refilter_free_alts(struct refilter *f)
{
    for (size_t i = 0; i < f->nalts; i++)
        free(f->alts[i].lit);
    free(f->alts);
    f->alts = NULL;
    f->nalts = 0;
}

/*
 * The literal each alternative of the group re[i..) (re[i] == '(') starts
 * with, into f->alts: "^(read more|related)" starts with one of them. When
 * one has none, f->alts stays empty. Returns 0 or -1 (memory).
 */
static int refilter_alternatives(struct refilter *f, const char *re, size_t i)
{
    size_t a = i + 1;

    for (size_t j = a; re[j];) {
        if (re[j] != '|' && re[j] != ')') {
            j = refilter_skip(re, j);
            if (j == 0)
                break;
            continue;
        }
        int rc = refilter_add_alt(f, re + a, j - a);
        if (rc <= 0) {
            refilter_free_alts(f);
            return rc;
        }
        if (re[j] == ')')
            return 0;
        a = ++j;
    }
    refilter_free_alts(f);
    return 0;
}

int refilter_init(struct refilter *f, const char *re)
{
    memset(f, 0, sizeof(*f));
    if (refilter_has_top_bar(re))
        return 0;
    if (re[0] == '^') {
        if (!refilter_first_of(re, 1, strlen(re), f->first)) {
            memset(f->first, 0, sizeof(f->first));
            return 0;
        }
        f->kind = REFILTER_FIRST;
        if (refilter_literal(f, re + 1) < 0) /* the prefix every match starts with, maybe "" */
            return -1;
        return f->litlen == 0 && re[1] == '(' ? refilter_alternatives(f, re, 1) : 0;
    }
    if (refilter_literal(f, re) < 0)
        return -1;
    if (f->litlen > 0)
        f->kind = REFILTER_LITERAL;
    return 0;
}

void refilter_release(struct refilter *f)
{
    free(f->lit);
    refilter_free_alts(f);
    memset(f, 0, sizeof(*f));
}

static bool refilter_contains(const char *text, size_t len, const char *lit, size_t n)
{
    for (const char *p = text, *end = text + len; (size_t)(end - p) >= n; p++) {
        p = memchr(p, lit[0], (size_t)(end - p) - n + 1);
        if (!p)
            return false;
        if (p[n - 1] == lit[n - 1] && memcmp(p, lit, n) == 0) /* the last byte rules out most */
            return true;
    }
    return false;
}

/* Whether text starts with one of f->alts (true when there are none). */
static bool refilter_starts_alt(const struct refilter *f, const char *text, size_t len)
{
    for (size_t i = 0; i < f->nalts; i++)
        if (len >= f->alts[i].len && memcmp(text, f->alts[i].lit, f->alts[i].len) == 0)
            return true;
    return f->nalts == 0;
}

bool refilter_may_match(const struct refilter *f, const char *text, size_t len)
{
    if (f->kind == REFILTER_FIRST) {
        unsigned char b = len ? (unsigned char)text[0] : 0;
        return len > 0 && ((f->first[b >> 6] >> (b & 63)) & 1) && len >= f->litlen &&
               memcmp(text, f->lit, f->litlen) == 0 && refilter_starts_alt(f, text, len);
    }
    if (f->kind == REFILTER_LITERAL)
        return refilter_contains(text, len, f->lit, f->litlen);
    return true;
}

bool refilter_may_start(const struct refilter *f, unsigned char b)
{
    return f->kind != REFILTER_FIRST || ((f->first[b >> 6] >> (b & 63)) & 1);
}

/* c as a fold of ASCII text has it: A-Z lowered. */
static char refilter_lower(char c)
{
    return (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

/* Whether text[0..n) lowered is lit[0..n). */
static bool refilter_lower_eq(const char *text, const char *lit, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (refilter_lower(text[i]) != lit[i])
            return false;
    return true;
}

/* Whether lit[0..n) lowered starts at a place of text[0..len) where byte c is. */
static bool refilter_contains_at(const char *text, size_t len, const char *lit, size_t n, char c)
{
    for (const char *p = text, *end = text + len - n + 1; p < end; p++) {
        p = memchr(p, c, (size_t)(end - p));
        if (!p)
            return false;
        if (refilter_lower_eq(p, lit, n))
            return true;
    }
    return false;
}

/* refilter_contains() in text[0..len) lowered: a first letter is looked for in both cases. */
static bool refilter_contains_lowered(const char *text, size_t len, const char *lit, size_t n)
{
    if (len < n)
        return false;
    if (lit[0] >= 'a' && lit[0] <= 'z' &&
        refilter_contains_at(text, len, lit, n, (char)(lit[0] - ('a' - 'A'))))
        return true;
    return refilter_contains_at(text, len, lit, n, lit[0]);
}

static bool refilter_starts_alt_lowered(const struct refilter *f, const char *text, size_t len)
{
    for (size_t i = 0; i < f->nalts; i++)
        if (len >= f->alts[i].len && refilter_lower_eq(text, f->alts[i].lit, f->alts[i].len))
            return true;
    return f->nalts == 0;
}

bool refilter_may_match_lowered(const struct refilter *f, const char *text, size_t len)
{
    if (f->kind == REFILTER_FIRST) {
        unsigned char b = len ? (unsigned char)refilter_lower(text[0]) : 0;
        return len > 0 && ((f->first[b >> 6] >> (b & 63)) & 1) && len >= f->litlen &&
               refilter_lower_eq(text, f->lit, f->litlen) &&
               refilter_starts_alt_lowered(f, text, len);
    }
    if (f->kind == REFILTER_LITERAL)
        return refilter_contains_lowered(text, len, f->lit, f->litlen);
    return true;
}
