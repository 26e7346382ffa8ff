#include "claim_sent.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "utf8.h"

static bool claim_is_clause(const char *t, size_t n)
{
    if (n == 1 && strchr(",;:()-", t[0]))
        return true;
    /* en dash and em dash */
    return n == 3 && (unsigned char)t[0] == 0xE2 && (unsigned char)t[1] == 0x80 &&
           ((unsigned char)t[2] == 0x93 || (unsigned char)t[2] == 0x94);
}

static bool claim_is_upper(const char *t, size_t n)
{
    int32_t cp;

    if (n > 0 && (unsigned char)t[0] < 0x80) /* ASCII: only A-Z are Lu */
        return t[0] >= 'A' && t[0] <= 'Z';
    if (utf8_decode(t, n, &cp) == 0)
        return false;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

/* Offset o of the original file as an offset into the sentence text. */
static size_t claim_text_off(const struct claim_rawsent *r, size_t start, size_t o, size_t tlen)
{
    size_t shift = 0;

    for (size_t i = 0; i < r->nbad; i++)
        if ((size_t)r->bad[i] < o)
            shift += 2;
    size_t off = o >= start ? o - start + shift : 0;
    return off > tlen ? tlen : off;
}

/*
 * The token's stem (a word's, else "") appended to stems with its NUL, and
 * with lx, the phrases starting with it. Returns 0 or -1.
 */
static int claim_tok_stem(const struct claim_sent *s, struct claim_tok *t,
                          const struct claim_lex *lx, struct buf *stems)
{
    const char *txt = s->text + t->ts;
    size_t n = t->te - t->ts;

    if (t->type != 'w' && t->type != 'n')
        return claim_lex_add_stem(stems, "", 0);
    if (lx) {
        struct claim_lex_word w;
        if (claim_lex_word_to(lx, txt, n, stems, &w) < 0)
            return -1;
        t->ent = w.ent;
        t->compound = w.compound;
        return 0;
    }
    char *fold = utf8_fold(txt, n, NULL);
    int rc = fold ? buf_add(stems, fold, strlen(fold) + 1) : -1;
    free(fold);
    return rc;
}

/* stems NULL: the token gets no stem (claim_sent_init_light). */
static int claim_tok_read(struct claim_sent *s, struct claim_tok *t, const struct jscan_triple *rt,
                          const struct claim_rawsent *r, const struct claim_lex *lx,
                          struct buf *stems)
{
    /* [offset from the sentence's start, length, type] (docs/FORMATS.md) */
    long long off = rt->a, len = rt->b;

    memset(t, 0, sizeof(*t));
    t->num = -1;
    t->verb = -1;
    if (off < 0 || len < 0 || rt->c < 0 || (size_t)off > s->tlen || (size_t)len > s->tlen)
        return 1;
    t->start = s->start + (size_t)off;
    t->end = t->start + (size_t)len;
    if (r->nbad == 0) { /* claim_text_off() without a shift: off is at most tlen */
        t->ts = (size_t)off;
        t->te = (size_t)off + (size_t)len < s->tlen ? (size_t)off + (size_t)len : s->tlen;
    } else {
        t->ts = claim_text_off(r, s->start, t->start, s->tlen);
        t->te = claim_text_off(r, s->start, t->end, s->tlen);
    }
    t->type = (char)rt->c;
    const char *txt = s->text + t->ts;
    size_t n = t->te - t->ts;
    t->clause = t->type == 'p' || t->type == 's' ? claim_is_clause(txt, n) : false;
    t->upper = claim_is_upper(txt, n);
    if (!stems) {
        t->stem = "";
        return 0;
    }
    size_t at = stems->len;
    if (claim_tok_stem(s, t, lx, stems) < 0)
        return -1;
    t->stemlen = stems->len - at - 1; /* the stem and its NUL were appended */
    return 0;
}

/* Point each token at its stem, whose offset its stemlen holds (claim_tok_stem() set its phrases).
 */
static void claim_sent_stems_at(struct claim_sent *s)
{
    for (size_t i = 0; i < s->ntok; i++) {
        struct claim_tok *t = &s->tok[i];
        t->stem = s->stems + t->stemlen;
        t->stemlen = strlen(t->stem);
    }
}

/*
 * The same when the stems follow one another in token order, each with its
 * NUL, and stemlen holds each one's length (claim_tok_read()).
 */
static void claim_sent_stems(struct claim_sent *s)
{
    const char *p = s->stems;

    for (size_t i = 0; i < s->ntok; i++) {
        struct claim_tok *t = &s->tok[i];
        t->stem = p;
        p += t->stemlen + 1;
    }
}

/* The tokens, in room (NULL: an array of their own), with their stems unless light. */
static int claim_sent_tokens(struct claim_sent *s, const struct claim_rawsent *r,
                             const struct claim_lex *lx, bool light, struct claim_tok *room)
{
    struct buf stems = BUF_INIT;

    /* claim_tok_read() clears each token */
    s->tok_borrowed = room != NULL;
    s->tok = room ? room : malloc((r->ntok + 1) * sizeof(*s->tok));
    if (!s->tok)
        return -1;
    /* a word's stem is seldom longer than the word: one allocation for most sentences */
    if (!light && buf_grow(&stems, s->tlen + r->ntok) < 0)
        return -1;
    for (size_t i = 0; i < r->ntok; i++) {
        int rc = claim_tok_read(s, &s->tok[s->ntok], &r->tok[i], r, lx, light ? NULL : &stems);
        if (rc < 0) {
            buf_release(&stems);
            return -1;
        }
        if (rc == 0)
            s->ntok++;
    }
    if (light)
        return 0;
    s->stems = buf_detach(&stems);
    if (!s->stems)
        return -1;
    claim_sent_stems(s);
    return 0;
}

int claim_sent_add_stems(struct claim_sent *s, const struct claim_lex *lx)
{
    return claim_sent_add_stems_where(s, lx, NULL);
}

int claim_sent_add_stems_where(struct claim_sent *s, const struct claim_lex *lx, const bool *want)
{
    struct buf stems = BUF_INIT;

    /* the stems begin with "", which every token not wanted shares */
    if (want && buf_addch(&stems, '\0') < 0)
        return -1;
    for (size_t i = 0; i < s->ntok; i++) {
        s->tok[i].stemlen = 0;
        if (want && !want[i])
            continue;
        s->tok[i].stemlen = stems.len;
        if (claim_tok_stem(s, &s->tok[i], lx, &stems) < 0) {
            buf_release(&stems);
            return -1;
        }
    }
    s->stems = buf_detach(&stems);
    if (!s->stems)
        return -1;
    claim_sent_stems_at(s);
    return 0;
}

/* An aside: in parentheses, or opened by an apposition or part marker. */
static bool claim_seg_aside(const struct claim_sent *s, size_t open, size_t first,
                            const struct claim_lex *lx)
{
    size_t which;
    const char *t = s->text + s->tok[open].ts;

    if (t[0] == '(')
        return true;
    if (t[0] == ')' || t[0] == ':' || t[0] == ';' || first >= s->ntok || !lx)
        return false;
    return claim_match_list(s, first, &lx->apposition, lx, false, &which) ||
           claim_match_list(s, first, &lx->part, lx, false, &which);
}

/* A dash inside a word ("Nagorno-Karabakh", "20-30") bounds no clause. */
static void claim_sent_dashes(struct claim_sent *s)
{
    for (size_t i = 0; i < s->ntok; i++) {
        const char *t = s->text + s->tok[i].ts;
        if (!s->tok[i].clause || t[0] == ',' || t[0] == ';' || t[0] == ':' || t[0] == '(' ||
            t[0] == ')')
            continue;
        bool glued = (i > 0 && s->tok[i - 1].end == s->tok[i].start) ||
                     (i + 1 < s->ntok && s->tok[i + 1].start == s->tok[i].end);
        s->tok[i].clause = !glued;
    }
}

static int claim_sent_segments(struct claim_sent *s, const struct claim_lex *lx)
{
    size_t seg = 0;

    claim_sent_dashes(s);

    for (size_t i = 0; i < s->ntok; i++) {
        s->tok[i].seg = seg;
        if (s->tok[i].clause)
            seg++;
    }
    s->nseg = seg + 1;
    /* segment 0 opens the sentence; each later one is opened by its clause token, set below */
    s->paren = malloc(s->nseg * sizeof(*s->paren));
    if (!s->paren)
        return -1;
    s->paren[0] = false;
    for (size_t i = 0; i < s->ntok; i++)
        if (s->tok[i].clause)
            s->paren[s->tok[i].seg + 1] = claim_seg_aside(s, i, i + 1, lx);
    return 0;
}

static void claim_sent_fields(struct claim_sent *s, const struct claim_rawsent *r)
{
    memset(s, 0, sizeof(*s));
    s->text = r->text ? r->text : "";
    s->tlen = r->text ? r->tlen : 0;
    s->start = r->start > 0 ? (size_t)r->start : 0;
    s->sid = r->sid;
    s->para = r->para;
}

int claim_sent_init_raw(struct claim_sent *s, const struct claim_rawsent *r,
                        const struct claim_lex *lx)
{
    return claim_sent_init_raw_in(s, r, lx, NULL);
}

int claim_sent_init_raw_in(struct claim_sent *s, const struct claim_rawsent *r,
                           const struct claim_lex *lx, struct claim_tok *room)
{
    claim_sent_fields(s, r);
    if (claim_sent_tokens(s, r, lx, false, room) < 0 || claim_sent_segments(s, lx) < 0) {
        claim_sent_release(s);
        return -1;
    }
    return 0;
}

int claim_sent_init_light(struct claim_sent *s, const struct claim_rawsent *r)
{
    return claim_sent_init_light_in(s, r, NULL);
}

int claim_sent_init_light_in(struct claim_sent *s, const struct claim_rawsent *r,
                             struct claim_tok *room)
{
    claim_sent_fields(s, r);
    if (claim_sent_tokens(s, r, NULL, true, room) < 0) {
        claim_sent_release(s);
        return -1;
    }
    claim_sent_dashes(s);
    return 0;
}

static void claim_rawsent_tok(struct jscan_triple *t, const json_t *item)
{
    const char *type = json_string_value(json_array_get(item, 2));

    t->a = json_integer_value(json_array_get(item, 0));
    t->b = json_integer_value(json_array_get(item, 1));
    t->c = type ? (unsigned char)type[0] : -1;
}

int claim_rawsent_from_json(struct claim_rawsent *r, const json_t *rec)
{
    const json_t *toks = json_object_get(rec, "tokens"), *bad = json_object_get(rec, "bad");
    struct jscan_triple *tok = calloc(json_array_size(toks) + 1, sizeof(*tok));
    long long *b = calloc(json_array_size(bad) + 1, sizeof(*b));
    size_t i;
    json_t *item;

    memset(r, 0, sizeof(*r));
    if (!tok || !b) {
        free(tok);
        free(b);
        return -1;
    }
    r->text = json_string_value(json_object_get(rec, "text"));
    r->tlen = json_string_length(json_object_get(rec, "text"));
    r->start = json_integer_value(json_object_get(rec, "start"));
    r->sid = json_integer_value(json_object_get(rec, "sid"));
    r->para = json_integer_value(json_object_get(rec, "para"));
    json_array_foreach(toks, i, item) claim_rawsent_tok(&tok[r->ntok++], item);
    json_array_foreach(bad, i, item)
    {
        if (json_is_integer(item))
            b[r->nbad++] = json_integer_value(item);
    }
    r->tok = tok;
    r->bad = b;
    return 0;
}

void claim_rawsent_release(struct claim_rawsent *r)
{
    free((void *)r->tok);
    free((void *)r->bad);
    memset(r, 0, sizeof(*r));
}

int claim_sent_init(struct claim_sent *s, const json_t *rec, const struct claim_lex *lx)
{
    struct claim_rawsent r;

    if (claim_rawsent_from_json(&r, rec) < 0)
        return -1;
    int rc = claim_sent_init_raw(s, &r, lx);
    claim_rawsent_release(&r);
    return rc;
}

void claim_sent_release(struct claim_sent *s)
{
    if (!s->tok_borrowed)
        free(s->tok);
    free(s->stems);
    free(s->paren);
    memset(s, 0, sizeof(*s));
}

/* Called for every token and phrase of a list: the cheap tests go first. */
static bool claim_stem_eq(const struct claim_tok *t, const char *stem, size_t min, bool compound)
{
    if (t->stem[0] == stem[0] && strcmp(t->stem, stem) == 0)
        return true;
    if (!compound || min == 0 || t->stemlen <= min)
        return false;
    size_t sl = strlen(stem);
    return sl >= min && t->stemlen > sl && strcmp(t->stem + t->stemlen - sl, stem) == 0;
}

static bool claim_is_word(const struct claim_tok *t)
{
    return t->type == 'w' || t->type == 'n';
}

/* A list the lexicon did not number is not in its index: every phrase is tried. */
static size_t claim_match_scan(const struct claim_sent *s, size_t i, const struct claim_plist *pl,
                               const struct claim_lex *lx, bool compound, size_t *which)
{
    size_t best = 0;

    for (size_t k = 0; k < pl->n; k++) {
        size_t e = claim_match(s, i, &pl->items[k], lx, compound);
        if (e > best) {
            best = e;
            *which = k;
        }
    }
    return best;
}

/* The end of phrase ph at word token i, whose first stem matched: the rest of its words follow. */
static size_t claim_match_rest(const struct claim_sent *s, size_t i, const struct claim_phrase *ph,
                               const struct claim_lex *lx)
{
    size_t j = i + 1;

    for (size_t k = 1; k < ph->n; k++) {
        size_t gap = 0;
        while (j < s->ntok && claim_is_word(&s->tok[j]) && s->tok[j].num < 0 &&
               strcmp(s->tok[j].stem, ph->stems[k]) != 0 && gap < lx->phrase_gap) {
            j++;
            gap++;
        }
        if (j >= s->ntok || !claim_is_word(&s->tok[j]) || strcmp(s->tok[j].stem, ph->stems[k]))
            return 0;
        j++;
    }
    return j;
}

size_t claim_match(const struct claim_sent *s, size_t i, const struct claim_phrase *ph,
                   const struct claim_lex *lx, bool compound)
{
    if (i >= s->ntok || !claim_is_word(&s->tok[i]) || s->tok[i].num >= 0)
        return 0;
    if (!claim_stem_eq(&s->tok[i], ph->stems[0], lx->compound_min, compound && ph->n == 1))
        return 0;
    return claim_match_rest(s, i, ph, lx);
}

/* The one-word phrases of pl a compound token i ends with: a match ending at i + 1. */
static void claim_match_compound(const struct claim_sent *s, size_t i, const struct claim_plist *pl,
                                 const struct claim_lex *lx, size_t *best, size_t *which)
{
    const struct claim_tok *t = &s->tok[i];
    const struct claim_stement *e;
    size_t from = 1, n;

    while ((e = claim_index_suffix(&lx->index, t->stem, t->stemlen, &from))) {
        if (!(e->lists & claim_index_list_bit(pl->id)))
            continue;
        const struct claim_first *f = claim_index_list(e, pl->id, &n);
        for (size_t k = 0; k < n; k++) {
            if (pl->items[f[k].phrase].n != 1)
                continue;
            if (i + 1 > *best || (i + 1 == *best && f[k].phrase < *which)) {
                *best = i + 1;
                *which = f[k].phrase;
            }
        }
    }
}

/* claim_match_list() by the index, at a word token whose stem starts or ends a phrase of pl. */
static size_t claim_match_indexed(const struct claim_sent *s, size_t i,
                                  const struct claim_plist *pl, const struct claim_lex *lx,
                                  bool compound, size_t *which)
{
    const struct claim_tok *t = &s->tok[i];
    size_t best = 0, n;

    if (t->ent && (t->ent->lists & claim_index_list_bit(pl->id))) {
        const struct claim_first *f = claim_index_list(t->ent, pl->id, &n);
        for (size_t k = 0; k < n; k++) {
            size_t e = claim_match_rest(s, i, &pl->items[f[k].phrase], lx);
            if (e > best) {
                best = e;
                *which = f[k].phrase;
            }
        }
    }
    if (compound && t->compound)
        claim_match_compound(s, i, pl, lx, &best, which);
    return best;
}

size_t claim_match_listed(const struct claim_sent *s, size_t i, const struct claim_plist *pl,
                          const struct claim_lex *lx, bool compound, size_t *which)
{
    if (pl->id == 0)
        return claim_match_scan(s, i, pl, lx, compound, which);
    return claim_match_indexed(s, i, pl, lx, compound, which);
}

bool claim_may_start(const struct claim_sent *s, size_t i)
{
    const struct claim_tok *t = i < s->ntok ? &s->tok[i] : NULL;

    return t && claim_is_word(t) && t->num < 0 && (t->ent || t->compound);
}

bool claim_stopword(const struct claim_sent *s, size_t i, const struct claim_lex *lx)
{
    size_t which;

    if (i >= s->ntok || !claim_is_word(&s->tok[i]) || s->tok[i].num >= 0)
        return true;
    return claim_match_list(s, i, &lx->stopwords, lx, false, &which) == i + 1;
}

size_t claim_tok_at(const struct claim_sent *s, size_t start, size_t end, size_t *last)
{
    size_t first = s->ntok;

    *last = s->ntok;
    for (size_t i = 0; i < s->ntok; i++) {
        if (s->tok[i].end > start && s->tok[i].start < end) {
            if (first == s->ntok)
                first = i;
            *last = i;
        }
    }
    return first;
}
