#include "langid.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "err.h"
#include "hygiene.h"
#include "markidx.h"
#include "markmemo.h"
#include "tokwords.h"
#include "utf8.h"

/* Each configured language's model, numbered as tc->langs. */
static int langid_load_models(struct langid *li, const struct tokconf *tc)
{
    for (size_t i = 0; i < tc->nlangs; i++) {
        struct buf p = BUF_INIT;
        int ok = buf_addstr(&p, tc->model_dir) == 0 && buf_addch(&p, '/') == 0 &&
                 buf_addstr(&p, tc->langs[i].textcat) == 0 && buf_addstr(&p, ".lm") == 0;
        if (!ok)
            error_at(NULL, 0, "out of memory");
        else if (lmfp_add_model(li->fp, buf_str(&p)) < 0)
            ok = error_at(buf_str(&p), 0, "textcat model for '%s': %s", tc->langs[i].code,
                          strerror(errno)) == 0;
        buf_release(&p);
        if (!ok)
            return -1;
    }
    return 0;
}

int langid_init(struct langid *li, const struct tokconf *tc)
{
    li->tc = tc;
    li->fp = NULL;
    memset(&li->memo, 0, sizeof(li->memo)); /* langid_release() may follow any failure */
    if (markidx_init(&li->marks, tc) < 0 || markmemo_init(&li->memo, tc->nlangs) < 0)
        return error_at(NULL, 0, "out of memory");
    li->fp = lmfp_new();
    if (!li->fp)
        return error_at(NULL, 0, "out of memory");
    return langid_load_models(li, tc);
}

void langid_release(struct langid *li)
{
    lmfp_free(li->fp);
    li->fp = NULL;
    markmemo_release(&li->memo);
    markidx_release(&li->marks);
}

static bool langid_is_letter(int32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

/* Length of the character at s[i] (i < n), *letter whether it is one; inline for ASCII. */
static inline size_t langid_char(const char *s, size_t n, size_t i, bool *letter)
{
    unsigned char c = (unsigned char)s[i];
    int32_t cp;
    bool bad;

    if (c != 0 && c < 0x80) {
        *letter = (unsigned)((c | 0x20) - 'a') < 26u;
        return 1;
    }
    size_t len = hygiene_char(s, n, i, &cp, &bad);
    *letter = !bad && langid_is_letter(cp);
    return len;
}

static bool langid_ascii_letter(const char *s)
{
    return (unsigned)(((unsigned char)*s | 0x20) - 'a') < 26u;
}

/*
 * Past the ASCII letters from s[i] on (i <= n): most of a word, without
 * langid_char() per byte, and with one test of the end per 4 bytes.
 */
static size_t langid_ascii_letters(const char *s, size_t n, size_t i)
{
    for (; n - i >= 4; i += 4) {
        if (!langid_ascii_letter(s + i))
            return i;
        if (!langid_ascii_letter(s + i + 1))
            return i + 1;
        if (!langid_ascii_letter(s + i + 2))
            return i + 2;
        if (!langid_ascii_letter(s + i + 3))
            return i + 3;
    }
    while (i < n && langid_ascii_letter(s + i))
        i++;
    return i;
}

int langid_markers(struct langid *li, const char *s, size_t n, size_t *hits)
{
    const struct tokconf *tc = li->tc;
    bool letter;

    memset(hits, 0, tc->nlangs * sizeof(*hits));
    for (size_t i = 0; i < n;) {
        size_t len = langid_char(s, n, i, &letter);
        if (!letter) {
            i += len;
            continue;
        }
        size_t start = i, skip = 0; /* a word: the run of letters from start */
        for (i += len; i < n; i += len) {
            i = langid_ascii_letters(s, n, i);
            if (i == n)
                break;
            len = langid_char(s, n, i, &letter);
            if (!letter) {
                skip = len;
                break;
            }
        }
        markmemo_count(&li->memo, &li->marks, s + start, i - start, tokwords_fold, hits);
        i += skip;
    }
    return 0;
}

static size_t langid_index(const struct tokconf *tc, const char *code, size_t len)
{
    for (size_t i = 0; i < tc->nlangs; i++)
        if (strlen(tc->langs[i].code) == len && strncmp(tc->langs[i].code, code, len) == 0)
            return i;
    return tc->nlangs;
}

/* textcat's first candidate ("[nb][sv]" gives nb), or tc->nlangs. */
static size_t langid_textcat(struct langid *li, const char *s, size_t n)
{
    int m = lmfp_classify(li->fp, s, n);

    return m >= 0 ? (size_t)m : li->tc->nlangs;
}

static size_t langid_tiebreak(const struct tokconf *tc, size_t winner, const size_t *hits)
{
    const struct tokconf_lang *w = &tc->langs[winner];
    size_t best = winner;

    for (size_t i = 0; i < w->nclose; i++) {
        size_t j = langid_index(tc, w->close[i], strlen(w->close[i]));
        if (j < tc->nlangs && hits[j] > hits[best])
            best = j;
    }
    return best;
}

static size_t langid_by_markers(const struct tokconf *tc, const size_t *hits)
{
    size_t best = tc->nlangs, top = 0;
    bool tie = false;

    for (size_t i = 0; i < tc->nlangs; i++) {
        if (hits[i] > top) {
            best = i;
            top = hits[i];
            tie = false;
        } else if (hits[i] == top) {
            tie = true;
        }
    }
    return top >= tc->min_marker_hits && top > 0 && !tie ? best : tc->nlangs;
}

/* A copy of the sample with replaced bytes as spaces, cut at a character boundary. */
static char *langid_sample(const struct tokconf *tc, const char *s, size_t n, size_t *len)
{
    size_t m = n < tc->langid_sample_bytes ? n : tc->langid_sample_bytes;
    char *out = malloc(m + 1);
    size_t o = 0, run = 0, i = 0; /* s[run..i) is still to be copied */
    int32_t cp;
    bool bad;

    if (!out)
        return NULL;
    while (i < m) {
        if (m - i >= 8) { /* an ASCII start of 8 bytes: no NUL, nothing replaced */
            size_t k = utf8_ascii_len8(s + i);
            i += k;
            if (k == 8)
                continue;
        }
        size_t l = hygiene_char(s, n, i, &cp, &bad);
        if (i + l > m)
            break;
        if (bad) {
            memcpy(out + o, s + run, i - run);
            o += i - run;
            out[o++] = ' ';
            run = i + l;
        }
        i += l;
    }
    memcpy(out + o, s + run, i - run);
    o += i - run;
    out[o] = '\0';
    *len = o;
    return out;
}

/* Whether the winner's close languages are configured, so marker words may overrule textcat. */
static bool langid_has_rivals(const struct tokconf *tc, size_t winner)
{
    const struct tokconf_lang *w = &tc->langs[winner];

    for (size_t i = 0; i < w->nclose; i++)
        if (langid_index(tc, w->close[i], strlen(w->close[i])) < tc->nlangs)
            return true;
    return false;
}

/*
 * textcat first: marker words are only counted when they can change its
 * answer (it found nothing, or the winner has close languages).
 */
static size_t langid_pick(struct langid *li, const char *sample, size_t len)
{
    const struct tokconf *tc = li->tc;
    size_t winner = langid_textcat(li, sample, len);

    if (winner < tc->nlangs && !langid_has_rivals(tc, winner))
        return winner;
    size_t *hits = calloc(tc->nlangs, sizeof(*hits));
    size_t pick = tc->nlangs;
    if (hits && langid_markers(li, sample, len, hits) == 0)
        pick =
            winner < tc->nlangs ? langid_tiebreak(tc, winner, hits) : langid_by_markers(tc, hits);
    free(hits);
    return pick;
}

const struct tokconf_lang *langid_detect(struct langid *li, const char *s, size_t n,
                                         enum langid_source *source)
{
    const struct tokconf *tc = li->tc;
    size_t len, pick = tc->nlangs;
    char *sample = langid_sample(tc, s, n, &len);

    if (sample)
        pick = langid_pick(li, sample, len);
    free(sample);
    *source = pick < tc->nlangs ? LANGID_DETECTED : LANGID_DEFAULT;
    return pick < tc->nlangs ? &tc->langs[pick] : tokconf_lang_get(tc, tc->default_lang);
}
