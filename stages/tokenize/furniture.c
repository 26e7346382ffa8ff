#include "furniture.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "hygiene.h"
#include "utf8.h"

static bool furniture_is_letter(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/*
 * Index the patterns by the first byte of the lines they may match: most
 * are anchored, and asking each pattern's filter about every line was a
 * sixth of furniture's time. Without memory, every pattern is tried.
 */
static void furniture_index(struct furniture *f)
{
    size_t np = f->tc->npatterns, n = 0;

    f->cand = malloc((np ? np : 1) * 256 * sizeof(*f->cand));
    if (!f->cand)
        return;
    for (unsigned b = 0; b < 256; b++) {
        f->cand_at[b] = n;
        for (size_t i = 0; i < np; i++)
            if (refilter_may_start(&f->tc->patterns[i].filter, (unsigned char)b))
                f->cand[n++] = i;
    }
    f->cand_at[256] = n;
}

void furniture_init(struct furniture *f, const struct tokconf *tc)
{
    memset(f, 0, sizeof(*f));
    f->tc = tc;
    f->doc_script = tc->nscripts;
    buf_init(&f->fold);
    for (int32_t c = 0; c < FURNITURE_TABLE; c++)
        f->script_of[c] = furniture_is_letter(c) ? tokconf_script(tc, c) : FURNITURE_NOT_LETTER;
    for (size_t i = 0; i < FURNITURE_FOLDS; i++)
        f->folds[i].cp = -1;
    f->ascii_letters = f->script_of['a'];
    for (int c = 'A'; c <= 'z'; c++)
        if (f->script_of[c] != FURNITURE_NOT_LETTER && f->script_of[c] != f->script_of['a'])
            f->ascii_letters = FURNITURE_NOT_LETTER;
    furniture_index(f);
}

void furniture_release(struct furniture *f)
{
    free(f->spans);
    free(f->map);
    free(f->counts);
    free(f->lines);
    free(f->cand);
    buf_release(&f->fold);
    memset(f, 0, sizeof(*f));
}

/* The scratch counts, zeroed (allocated on first use); NULL when memory ran out. */
static size_t *furniture_counts(struct furniture *f)
{
    size_t n = f->tc->nscripts + 1;

    if (!f->counts)
        f->counts = malloc(n * sizeof(*f->counts));
    if (f->counts)
        memset(f->counts, 0, n * sizeof(*f->counts));
    return f->counts;
}

/*
 * The script slot of the character at s[i] when it is a letter, else
 * FURNITURE_NOT_LETTER; *len gets its length. ASCII and 2-byte characters
 * come from the table: a utf8proc call per character was most of the cost.
 */
static size_t furniture_script_at(const struct furniture *f, const char *s, size_t to, size_t i,
                                  size_t *len)
{
    const unsigned char *u = (const unsigned char *)s + i;
    int32_t cp;
    bool bad;

    if (u[0] < 0x80) {
        *len = 1;
        return f->script_of[u[0]];
    }
    if (u[0] >= 0xC2 && u[0] <= 0xDF && to - i >= 2 && (u[1] & 0xC0) == 0x80) {
        *len = 2;
        return f->script_of[((u[0] & 0x1F) << 6) | (u[1] & 0x3F)];
    }
    *len = hygiene_char(s, to, i, &cp, &bad);
    return !bad && furniture_is_letter(cp) ? tokconf_script(f->tc, cp) : FURNITURE_NOT_LETTER;
}

/*
 * Add the letters of s[from..to) per script to counts (tc->nscripts + 1
 * slots); returns how many there were.
 */
static size_t furniture_scripts(const struct furniture *f, const char *s, size_t from, size_t to,
                                size_t *counts)
{
    bool blocks = f->ascii_letters != FURNITURE_NOT_LETTER;
    size_t total = 0;

    for (size_t i = from; i < to;) {
        if (blocks && to - i >= 8 && utf8_ascii8(s + i)) {
            size_t letters = 0;
            do {
                letters += utf8_letters8(utf8_load8(s + i));
                i += 8;
            } while (to - i >= 8 && utf8_ascii8(s + i));
            counts[f->ascii_letters] += letters;
            total += letters;
            continue;
        }
        size_t len, k = furniture_script_at(f, s, to, i, &len);
        if (k != FURNITURE_NOT_LETTER) {
            counts[k]++;
            total++;
        }
        i += len;
    }
    return total;
}

/*
 * The row kept for the line s[ls..le): its letters in all, then per script
 * (zeroed); NULL when none can be kept.
 */
static size_t *furniture_new_line(struct furniture *f, size_t ls, size_t le)
{
    size_t w = f->tc->nscripts + 4;

    if (f->nlines == f->linecap) {
        size_t cap = f->linecap ? 2 * f->linecap : 64;
        size_t *v = cap <= FURNITURE_LINES ? realloc(f->lines, cap * w * sizeof(*v)) : NULL;
        if (!v)
            return NULL;
        f->lines = v;
        f->linecap = cap;
    }
    size_t *row = f->lines + f->nlines++ * w;
    row[0] = ls;
    row[1] = le;
    memset(row + 2, 0, (w - 2) * sizeof(*row));
    return row + 2;
}

/* Count the letters of s[ls..le) into counts, keeping the line's own counts when there is room. */
static void furniture_count_line(struct furniture *f, const char *s, size_t ls, size_t le,
                                 size_t *counts)
{
    size_t *row = furniture_new_line(f, ls, le);

    if (!row) {
        furniture_scripts(f, s, ls, le, counts);
        return;
    }
    row[0] = furniture_scripts(f, s, ls, le, row + 1);
    if (f->ascii_letters != FURNITURE_NOT_LETTER && row[1 + f->ascii_letters] == row[0]) {
        counts[f->ascii_letters] += row[0]; /* most lines: no letter but ASCII ones */
        return;
    }
    for (size_t k = 0; k <= f->tc->nscripts; k++)
        counts[k] += row[1 + k];
}

/*
 * Count the letters of s[from..n) line by line. The bytes between lines
 * ('\r', '\n') are no letters and never part of a character, so the sum
 * is what counting s[from..n) at once gives.
 */
static void furniture_count_lines(struct furniture *f, const char *s, size_t n, size_t from,
                                  size_t *counts)
{
    for (size_t i = from, le; i < n;) {
        size_t next = furniture_next_line(s, n, i, &le);
        furniture_count_line(f, s, i, le, counts);
        i = next;
    }
}

void furniture_start_doc(struct furniture *f, const char *s, size_t n, size_t from)
{
    size_t *counts = furniture_counts(f);
    size_t best = f->tc->nscripts;

    f->nspans = 0;
    f->nlines = 0;
    f->next_line = 0;
    if (counts) {
        furniture_count_lines(f, s, n, from, counts);
        for (size_t i = 0; i < f->tc->nscripts; i++)
            if (counts[i] > 0 && (best == f->tc->nscripts || counts[i] > counts[best]))
                best = i;
    }
    f->doc_script = best;
}

/* The row kept for the line s[ls..le) when it is the next line kept, else NULL. */
static const size_t *furniture_kept_line(struct furniture *f, size_t ls, size_t le)
{
    if (f->next_line >= f->nlines)
        return NULL;
    const size_t *row = f->lines + f->next_line * (f->tc->nscripts + 4);
    if (row[0] != ls || row[1] != le)
        return NULL;
    f->next_line++;
    return row + 2;
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

/*
 * 1 when the line is mostly in another script than the document's, 0 if
 * not, -1 memory. kept: the line's row when known, else NULL.
 */
static int furniture_foreign(struct furniture *f, const char *s, size_t ls, size_t le,
                             const size_t *kept)
{
    const struct tokconf *tc = f->tc;
    const size_t *counts = kept ? kept + 1 : NULL;
    size_t total = kept ? kept[0] : 0;

    if (!kept) {
        size_t *scratch = furniture_counts(f);
        if (!scratch)
            return -1;
        total = furniture_scripts(f, s, ls, le, scratch);
        counts = scratch;
    }
    size_t own = f->doc_script < tc->nscripts ? counts[f->doc_script] : total;
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

/* Append add[0..alen) to f->fold, mapping its bytes to orig when f->mapped. */
static int furniture_append(struct furniture *f, const char *add, size_t alen, size_t orig)
{
    if (f->mapped && furniture_map_to(f, f->fold.len + alen, orig) < 0)
        return -1;
    if (f->fold.len + alen >= f->fold.cap) /* no room for the bytes and the NUL */
        return buf_add(&f->fold, add, alen);
    char *out = f->fold.data + f->fold.len; /* a character or two: no memcpy() call */
    for (size_t k = 0; k < alen; k++)
        out[k] = add[k];
    out[alen] = '\0';
    f->fold.len += alen;
    return 0;
}

/*
 * Append utf8_fold() of the cluster s[i..j); cp is its code point when it
 * is one character (its folded form is then remembered: utf8proc_map per
 * character was most of folding's cost), else -1.
 */
static int furniture_fold_utf8(struct furniture *f, const char *s, size_t i, size_t j, int32_t cp)
{
    struct furniture_fold_entry *e = cp >= 0 ? &f->folds[cp % FURNITURE_FOLDS] : NULL;
    size_t flen = 0;

    if (e && e->cp == cp)
        return furniture_append(f, e->bytes, e->len, i);
    char *folded = utf8_fold(s + i, j - i, &flen);
    if (!folded)
        return -1;
    if (e && flen <= sizeof(e->bytes)) {
        e->cp = cp;
        e->len = (unsigned char)flen;
        memcpy(e->bytes, folded, flen);
    }
    int rc = furniture_append(f, folded, flen, i);
    free(folded);
    return rc;
}

/* Append the folded form of one cluster s[i..j) to f->fold, mapping its bytes to i. */
static int furniture_fold_cluster(struct furniture *f, const char *s, size_t i, size_t j, bool bad,
                                  int32_t cp)
{
    if (bad)
        return furniture_append(f, "\xEF\xBF\xBD", 3, i);
    if (j - i == 1) {
        char lower = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
        return furniture_append(f, &lower, 1, i);
    }
    return furniture_fold_utf8(f, s, i, j, cp);
}

static bool furniture_is_mark(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

/* Room for extra more folded bytes (and the NUL) in f->fold, and in f->map when f->mapped. */
static int furniture_reserve(struct furniture *f, size_t extra)
{
    if (buf_grow(&f->fold, extra) < 0)
        return -1;
    if (!f->mapped || f->fold.len + extra + 1 <= f->mapcap)
        return 0;
    return furniture_map_to(f, f->fold.len + extra, 0);
}

/* map[0..8) = k, k + 1, ...: written out, as the compiler does not unroll the loop at -O2. */
static void furniture_map8(size_t *map, size_t k)
{
    map[0] = k;
    map[1] = k + 1;
    map[2] = k + 2;
    map[3] = k + 3;
    map[4] = k + 4;
    map[5] = k + 5;
    map[6] = k + 6;
    map[7] = k + 7;
}

/*
 * End of the run of ASCII bytes (but NUL) from i on, less its last byte
 * when a non-ASCII one follows (it may carry a combining mark).
 */
static size_t furniture_ascii_run(const char *s, size_t i, size_t le)
{
    size_t j = i;

    while (le - j >= 8 && utf8_ascii8(s + j))
        j += 8;
    while (j < le && s[j] != '\0' && (unsigned char)s[j] < 0x80)
        j++;
    if (j > i && j < le && (unsigned char)s[j] >= 0x80)
        j--;
    return j;
}

/* map[0..j - i) = i, i + 1, ..., j - 1. */
static void furniture_map_run(size_t *map, size_t i, size_t j)
{
    for (; j - i >= 8; i += 8, map += 8)
        furniture_map8(map, i);
    for (; i < j; i++)
        *map++ = i;
}

/*
 * Fold the ASCII bytes from i on that no combining mark follows (marks are
 * never ASCII), straight into f->fold, 8 at a time where it can; returns
 * where that run ends. Most lines are ASCII, and one utf8proc call or
 * buf_add per byte was most of furniture's time.
 */
static size_t furniture_fold_ascii(struct furniture *f, const char *s, size_t i, size_t le)
{
    size_t j = furniture_ascii_run(s, i, le), k = i;

    if (j == i || furniture_reserve(f, j - i) < 0)
        return i;
    char *out = f->fold.data + f->fold.len;
    if (f->mapped)
        furniture_map_run(f->map + f->fold.len, i, j);
    for (; j - k >= 8; k += 8, out += 8) {
        uint64_t x = utf8_lower8(utf8_load8(s + k));
        memcpy(out, &x, sizeof(x));
    }
    for (; k < j; k++)
        *out++ = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + ('a' - 'A') : s[k]);
    f->fold.len += j - i;
    f->fold.data[f->fold.len] = '\0';
    return j;
}

/* End of the cluster whose first character ends at j: past the combining marks that follow. */
static size_t furniture_cluster_end(const char *s, size_t j, size_t le)
{
    int32_t next;
    bool nbad;

    while (j < le && (unsigned char)s[j] >= 0x80) { /* marks are never ASCII */
        size_t l = hygiene_char(s, le, j, &next, &nbad);
        if (nbad || !furniture_is_mark(next))
            break;
        j += l;
    }
    return j;
}

/*
 * Fold the line s[ls..le) into f->fold; with map, f->map gets the original
 * offset of each folded byte (and le past the last). Only a match needs the
 * map, and most lines have none.
 */
static int furniture_fold(struct furniture *f, const char *s, size_t ls, size_t le, bool map)
{
    int32_t cp;
    bool bad;

    buf_reset(&f->fold);
    f->mapped = map;
    f->line = s;
    f->line_start = ls;
    f->line_end = le;
    for (size_t i = ls; i < le;) {
        i = furniture_fold_ascii(f, s, i, le);
        if (i >= le)
            break;
        size_t first = i + hygiene_char(s, le, i, &cp, &bad);
        size_t j = bad ? first : furniture_cluster_end(s, first, le);
        if (furniture_fold_cluster(f, s, i, j, bad, j == first ? cp : -1) < 0)
            return -1;
        i = j;
    }
    if (!map)
        return 0;
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

/* Add the span of the match fold[ms..me), folding the line again with its map if need be. */
static int furniture_add_match(struct furniture *f, size_t ms, size_t me, const char *name)
{
    if (!f->mapped && furniture_fold(f, f->line, f->line_start, f->line_end, true) < 0)
        return -1;
    return furniture_add(f, f->map[ms], f->map[me], name);
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
        if (me > ms && furniture_add_match(f, ms, me, p->name) < 0)
            return -1;
        text = buf_str(&f->fold); /* the same text, maybe moved */
        off = me > off ? me : off + 1;
    }
    return 0;
}

/* Match the patterns that may match the folded line (not empty). */
static int furniture_patterns(struct furniture *f)
{
    const struct tokconf_pattern *p = f->tc->patterns;

    if (!f->cand || f->fold.len == 0) {
        for (size_t i = 0; i < f->tc->npatterns; i++)
            if (furniture_match(f, &p[i]) < 0)
                return -1;
        return 0;
    }
    unsigned char b = (unsigned char)f->fold.data[0];
    for (size_t k = f->cand_at[b]; k < f->cand_at[b + 1]; k++)
        if (furniture_match(f, &p[f->cand[k]]) < 0)
            return -1;
    return 0;
}

/*
 * Whether the line s[ls..le) (not empty) is ASCII without NUL, so that its
 * fold is its bytes with A-Z lowered, and no pattern may match that fold:
 * then it need not be folded. Most lines are so.
 */
static bool furniture_plain_miss(const struct furniture *f, const char *s, size_t ls, size_t le)
{
    size_t i = ls;

    if (!f->cand)
        return false;
    for (; le - i >= 8; i += 8)
        if (!utf8_ascii8(s + i))
            return false;
    for (; i < le; i++)
        if (s[i] == '\0' || (unsigned char)s[i] >= 0x80)
            return false;
    unsigned char b = (unsigned char)(s[ls] >= 'A' && s[ls] <= 'Z' ? s[ls] + ('a' - 'A') : s[ls]);
    for (size_t k = f->cand_at[b]; k < f->cand_at[b + 1]; k++)
        if (refilter_may_match_lowered(&f->tc->patterns[f->cand[k]].filter, s + ls, le - ls))
            return false;
    return true;
}

int furniture_line(struct furniture *f, const char *s, size_t ls, size_t le)
{
    size_t first = f->nspans;
    const size_t *kept = furniture_kept_line(f, ls, le); /* spaces are no letters */

    while (ls < le && furniture_space(s[ls]))
        ls++;
    while (le > ls && furniture_space(s[le - 1]))
        le--;
    if (ls == le)
        return 0;
    int foreign = furniture_foreign(f, s, ls, le, kept);
    if (foreign < 0 || (foreign && furniture_add(f, ls, le, "foreign-script") < 0))
        return -1;
    if (foreign || le - ls > f->tc->furniture_max_line_bytes)
        return foreign;
    if (furniture_plain_miss(f, s, ls, le))
        return 0;
    if (furniture_fold(f, s, ls, le, false) < 0 || furniture_patterns(f) < 0)
        return -1;
    furniture_merge(f, first);
    return (int)(f->nspans - first);
}
