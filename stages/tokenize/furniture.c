#include "furniture.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "hygiene.h"
#include "utf8.h"

void furniture_init(struct furniture *f, const struct tokconf *tc)
{
    memset(f, 0, sizeof(*f));
    f->tc = tc;
    f->doc_script = tc->nscripts;
    buf_init(&f->fold);
    for (int32_t c = 0; c < 0x80; c++)
        f->ascii_script[c] = tokconf_script(tc, c);
}

void furniture_release(struct furniture *f)
{
    free(f->spans);
    free(f->map);
    buf_release(&f->fold);
    memset(f, 0, sizeof(*f));
}

static bool furniture_is_letter(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* Letters of s[from..to) per script (counts has tc->nscripts + 1 slots). */
static void furniture_scripts(const struct furniture *f, const char *s, size_t from, size_t to,
                              size_t *counts)
{
    const struct tokconf *tc = f->tc;
    int32_t cp;
    bool bad;

    memset(counts, 0, (tc->nscripts + 1) * sizeof(*counts));
    for (size_t i = from; i < to;) {
        unsigned char c = (unsigned char)s[i];
        if (c && c < 0x80) { /* the script of an ASCII letter is looked up once, at init */
            if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
                counts[f->ascii_script[c]]++;
            i++;
            continue;
        }
        size_t len = hygiene_char(s, to, i, &cp, &bad);
        if (!bad && furniture_is_letter(cp))
            counts[tokconf_script(tc, cp)]++;
        i += len;
    }
}

void furniture_start_doc(struct furniture *f, const char *s, size_t n, size_t from)
{
    size_t *counts = calloc(f->tc->nscripts + 1, sizeof(*counts));
    size_t best = f->tc->nscripts;

    f->nspans = 0;
    if (counts) {
        furniture_scripts(f, s, from, n, counts);
        for (size_t i = 0; i < f->tc->nscripts; i++)
            if (counts[i] > 0 && (best == f->tc->nscripts || counts[i] > counts[best]))
                best = i;
    }
    free(counts);
    f->doc_script = best;
}

static int furniture_add(struct furniture *f, size_t start, size_t end, const char *name)
{
    if (f->nspans == f->cap) {
        size_t cap = f->cap ? 2 * f->cap : 16;
        struct furniture_span *v = realloc(f->spans, cap * sizeof(*v));
        if (!v)
            return -1;
        f->spans = v;
        f->cap = cap;
    }
    f->spans[f->nspans++] = (struct furniture_span){start, end, name};
    return 0;
}

static bool furniture_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* 1 when the line is mostly in another script than the document's, 0 if not, -1 memory. */
static int furniture_foreign(struct furniture *f, const char *s, size_t ls, size_t le)
{
    const struct tokconf *tc = f->tc;
    size_t *counts = calloc(tc->nscripts + 1, sizeof(*counts));
    size_t total = 0;

    if (!counts)
        return -1;
    furniture_scripts(f, s, ls, le, counts);
    for (size_t i = 0; i <= tc->nscripts; i++)
        total += counts[i];
    size_t own = f->doc_script < tc->nscripts ? counts[f->doc_script] : total;
    free(counts);
    if (total < tc->foreign_min_letters || total == 0)
        return 0;
    return (double)(total - own) / (double)total >= tc->foreign_min_share ? 1 : 0;
}

static int furniture_map_to(struct furniture *f, size_t len, size_t orig)
{
    if (len + 1 > f->mapcap) {
        size_t cap = f->mapcap ? f->mapcap : 256;
        while (cap < len + 1)
            cap *= 2;
        size_t *m = realloc(f->map, cap * sizeof(*m));
        if (!m)
            return -1;
        f->map = m;
        f->mapcap = cap;
    }
    for (size_t i = f->fold.len; i < len; i++)
        f->map[i] = orig;
    return 0;
}

/* Append the folded form of one cluster s[i..j) to f->fold, mapping its bytes to i. */
static int furniture_fold_cluster(struct furniture *f, const char *s, size_t i, size_t j, bool bad)
{
    size_t flen = 0;
    char *folded = NULL;
    char lower;

    if (bad) {
        folded = NULL;
    } else if (j - i == 1) {
        lower = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    } else {
        folded = utf8_fold(s + i, j - i, &flen);
        if (!folded)
            return -1;
    }
    const char *add = bad ? "\xEF\xBF\xBD" : folded ? folded : &lower;
    size_t alen = bad ? 3 : folded ? flen : 1;
    int rc = furniture_map_to(f, f->fold.len + alen, i);
    if (rc == 0)
        rc = buf_add(&f->fold, add, alen);
    free(folded);
    return rc;
}

static bool furniture_is_mark(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

/* Room for extra more folded bytes (and the NUL) in f->fold and f->map. */
static int furniture_reserve(struct furniture *f, size_t extra)
{
    if (buf_grow(&f->fold, extra) < 0)
        return -1;
    return f->fold.len + extra + 1 <= f->mapcap ? 0 : furniture_map_to(f, f->fold.len + extra, 0);
}

/*
 * Fold the ASCII bytes from i on that no combining mark follows (marks are
 * never ASCII), straight into f->fold; returns where that run ends. Most
 * lines are ASCII, and one utf8proc call or buf_add per byte was most of
 * furniture's time.
 */
static size_t furniture_fold_ascii(struct furniture *f, const char *s, size_t i, size_t le)
{
    size_t j = i;

    while (j < le && s[j] != '\0' && (unsigned char)s[j] < 0x80 &&
           (j + 1 == le || (unsigned char)s[j + 1] < 0x80))
        j++;
    if (j == i || furniture_reserve(f, j - i) < 0)
        return i;
    char *out = f->fold.data + f->fold.len;
    size_t *map = f->map + f->fold.len;
    for (size_t k = i; k < j; k++) {
        *out++ = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + ('a' - 'A') : s[k]);
        *map++ = k;
    }
    f->fold.len += j - i;
    f->fold.data[f->fold.len] = '\0';
    return j;
}

static int furniture_fold(struct furniture *f, const char *s, size_t ls, size_t le)
{
    int32_t cp;
    bool bad;

    buf_reset(&f->fold);
    for (size_t i = ls; i < le;) {
        i = furniture_fold_ascii(f, s, i, le);
        if (i >= le)
            break;
        size_t j = i + hygiene_char(s, le, i, &cp, &bad);
        while (!bad && j < le) {
            int32_t next;
            bool nbad;
            size_t l = hygiene_char(s, le, j, &next, &nbad);
            if (nbad || !furniture_is_mark(next))
                break;
            j += l;
        }
        if (furniture_fold_cluster(f, s, i, j, bad) < 0)
            return -1;
        i = j;
    }
    if (furniture_map_to(f, f->fold.len + 1, le) < 0)
        return -1;
    f->map[f->fold.len] = le;
    return 0;
}

static int furniture_span_cmp(const void *a, const void *b)
{
    const struct furniture_span *x = a, *y = b;

    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->end < y->end) - (x->end > y->end);
}

/* Sort the spans from index first on and merge overlapping ones. */
static void furniture_merge(struct furniture *f, size_t first)
{
    size_t n = f->nspans - first, out = first;

    if (n > 1)
        qsort(f->spans + first, n, sizeof(*f->spans), furniture_span_cmp);
    for (size_t i = first; i < f->nspans; i++) {
        if (out > first && f->spans[i].start < f->spans[out - 1].end) {
            if (f->spans[i].end > f->spans[out - 1].end)
                f->spans[out - 1].end = f->spans[i].end;
            continue;
        }
        f->spans[out++] = f->spans[i];
    }
    f->nspans = out;
}

static int furniture_match(struct furniture *f, const struct tokconf_pattern *p)
{
    const char *text = buf_str(&f->fold);
    size_t off = 0, len = f->fold.len;
    regmatch_t m;

    if (!refilter_may_match(&p->filter, text, len))
        return 0;
    while (off <= len && regexec(&p->re, text + off, 1, &m, off ? REG_NOTBOL : 0) == 0) {
        size_t ms = off + (size_t)m.rm_so, me = off + (size_t)m.rm_eo;
        if (me > ms && furniture_add(f, f->map[ms], f->map[me], p->name) < 0)
            return -1;
        off = me > off ? me : off + 1;
    }
    return 0;
}

int furniture_line(struct furniture *f, const char *s, size_t ls, size_t le)
{
    size_t first = f->nspans;

    while (ls < le && furniture_space(s[ls]))
        ls++;
    while (le > ls && furniture_space(s[le - 1]))
        le--;
    if (ls == le)
        return 0;
    int foreign = furniture_foreign(f, s, ls, le);
    if (foreign < 0 || (foreign && furniture_add(f, ls, le, "foreign-script") < 0))
        return -1;
    if (foreign || le - ls > f->tc->furniture_max_line_bytes)
        return foreign;
    if (furniture_fold(f, s, ls, le) < 0)
        return -1;
    for (size_t i = 0; i < f->tc->npatterns; i++)
        if (furniture_match(f, &f->tc->patterns[i]) < 0)
            return -1;
    furniture_merge(f, first);
    return (int)(f->nspans - first);
}
