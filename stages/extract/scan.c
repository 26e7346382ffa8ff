#include "scan.h"

#include <stdlib.h>
#include <string.h>

#include "numval.h"
#include "scanmemo.h"

#define SCAN_MAXLEN 16 /* tokens in one number */

struct scan {
    const struct numlex *nl;
    struct scanmemo *memo;            /* NULL: none */
    const struct scanmemo_tok *notes; /* the memo's, one a token; NULL: none */
    const char *text;
    const struct numtok_list *toks;
    struct scan_mention m;
    size_t date_end;       /* tokens before it belong to a date (or an address): read by parts */
    const char *part_hint; /* "date", or "other" for "192.168.1.2" */
};

static const struct numtok *scan_tok(const struct scan *sc, size_t i)
{
    return i < sc->toks->n ? &sc->toks->v[i] : NULL;
}

static bool scan_is(const struct scan *sc, size_t i, enum numtok_type type, const char *fold)
{
    const struct numtok *t = scan_tok(sc, i);
    return t && t->type == type && (!fold || strcmp(t->fold, fold) == 0);
}

static bool scan_glued(const struct scan *sc, size_t i)
{
    const struct numtok *t = scan_tok(sc, i);
    return t && !t->space;
}

/*
 * numlex_match() on the tokens of sc, which are marked for sc->nl: a token
 * whose fold is the first word of no key of table t matches none, and is
 * answered here without the call.
 */
static size_t scan_match(const struct scan *sc, enum numlex_table t, size_t i, size_t end,
                         const json_t **val)
{
    if (i >= sc->toks->n || !numlex_tok_heads(&sc->toks->v[i], t))
        return 0;
    return numlex_match(sc->nl, t, sc->toks, i, end, val);
}

/* The tables whose words are parts of numbers. */
#define SCAN_NUMBER_TABLES                                                                         \
    (NUMLEX_BIT(NUMLEX_CARDINALS) | NUMLEX_BIT(NUMLEX_MULTIPLIERS) | NUMLEX_BIT(NUMLEX_ORDINALS) | \
     NUMLEX_BIT(NUMLEX_DENOMINATORS) | NUMLEX_BIT(NUMLEX_FIXED) | NUMLEX_BIT(NUMLEX_ARTICLES) |    \
     NUMLEX_BIT(NUMLEX_NEGATIVE) | NUMLEX_BIT(NUMLEX_CONNECTORS) | NUMLEX_BIT(NUMLEX_POINT) |      \
     NUMLEX_BIT(NUMLEX_FRACTION_OF))

/* Whether the word at i reads as a number word (a compound included). */
static inline bool scan_number_word(const struct scan *sc, size_t i)
{
    double v;
    bool ord;

    if (sc->notes && sc->notes[i].word != SCANMEMO_UNKNOWN)
        return sc->notes[i].word == SCANMEMO_NUMBER;
    if (sc->memo)
        return scanmemo_word(sc->memo, sc->nl, sc->toks, i);
    return numval_word(sc->nl, sc->toks->v[i].fold, &v, &ord) == 0;
}

static bool scan_numberish(const struct scan *sc, size_t i)
{
    const struct numtok *t = scan_tok(sc, i);

    if (!t)
        return false;
    if (t->type == NUMTOK_NUM)
        return true;
    if (t->type == NUMTOK_PUNCT)
        return strcmp(t->fold, "-") == 0 || strcmp(t->fold, "/") == 0 ||
               numval_abbr_dot(sc->nl, sc->toks, i) || numlex_tok_has(t, NUMLEX_FIXED);
    if (t->tables & SCAN_NUMBER_TABLES)
        return true;
    return scan_number_word(sc, i);
}

/* A token alone (most evaluations are of one) is read from the memo when there is one. */
static bool scan_eval(const struct scan *sc, size_t from, size_t to, struct numval *v)
{
    if (to == from + 1 && sc->memo)
        return scanmemo_eval(sc->memo, sc->nl, sc->text, sc->toks, from, v) == 0;
    return numval_eval(sc->nl, sc->text, sc->toks, from, to, v) == 0;
}

/* "2 1/4": digits at k begin a glued fraction in digits. */
static bool scan_mixed_at(const struct scan *sc, size_t k)
{
    return scan_is(sc, k + 1, NUMTOK_PUNCT, "/") && scan_glued(sc, k + 1) &&
           scan_is(sc, k + 2, NUMTOK_NUM, NULL) && scan_glued(sc, k + 2);
}

/*
 * "3 hundred and 2 hundred": a multiplier the number could not take after a connector
 * starts a number of its own, and so does the part after the connector.
 */
static size_t scan_cut_connector(const struct scan *sc, size_t i, size_t best)
{
    const struct numtok *t = scan_tok(sc, best);

    if (!t || !numlex_tok_has(t, NUMLEX_MULTIPLIERS))
        return best;
    for (size_t k = best - 1; k > i; k--)
        if (scan_is(sc, k, NUMTOK_WORD, NULL) && numlex_tok_has(scan_tok(sc, k), NUMLEX_CONNECTORS))
            return k;
    return best;
}

/* The end of the longest number starting at token i, or 0. */
static size_t scan_core(const struct scan *sc, size_t i)
{
    size_t best = 0;
    struct numval v;

    for (size_t j = i + 1; j <= sc->toks->n && j <= i + SCAN_MAXLEN; j++) {
        if (!scan_numberish(sc, j - 1))
            break;
        /* digits never join digits across a space: "423 0000", but "2 1/4" */
        if (j > i + 1 && scan_is(sc, j - 1, NUMTOK_NUM, NULL) &&
            scan_is(sc, j - 2, NUMTOK_NUM, NULL) && !scan_mixed_at(sc, j - 1))
            break;
        if (scan_eval(sc, i, j, &v))
            best = j;
    }
    return best ? scan_cut_connector(sc, i, best) : 0;
}

/* A phrase of table t that ends exactly at token end; its first token, or end for none. */
static size_t scan_before(const struct scan *sc, enum numlex_table t, size_t end, size_t floor)
{
    for (size_t w = sc->nl->maxw[t]; w >= 1; w--) {
        if (w > end || end - w < floor)
            continue;
        if (scan_match(sc, t, end - w, end, NULL) == w)
            return end - w;
    }
    return end;
}

static bool scan_raw_is(const struct scan *sc, size_t i, enum numlex_table t)
{
    const struct numtok *tk = scan_tok(sc, i);
    char raw[64];
    size_t len;

    if (!tk || (len = tk->end - tk->start) >= sizeof(raw))
        return false;
    memcpy(raw, sc->text + tk->start, len);
    raw[len] = 0;
    return numlex_has(sc->nl, t, raw);
}

static bool scan_punct_in(const struct scan *sc, size_t i, const char *set)
{
    const struct numtok *t = scan_tok(sc, i);
    return t && t->type == NUMTOK_PUNCT && strlen(t->fold) == 1 && strchr(set, t->fold[0]);
}

/* Glued run NUM (sep NUM)* from i with sep in seps; returns the number of NUMs, *end past it. */
static size_t scan_chain(const struct scan *sc, size_t i, const char *seps, size_t *end)
{
    size_t k = i + 1, nums = 1;

    while (scan_punct_in(sc, k, seps) && scan_glued(sc, k) &&
           scan_is(sc, k + 1, NUMTOK_NUM, NULL) && scan_glued(sc, k + 1)) {
        k += 2;
        nums++;
    }
    *end = k;
    return nums;
}

/* Whether a glued run of scan_chain() can take a second number at i (most tokens begin none). */
static inline bool scan_may_chain(const struct scan *sc, size_t i)
{
    if (i + 2 >= sc->toks->n)
        return false;
    const struct numtok *sep = &sc->toks->v[i + 1], *num = sep + 1;

    return sep->type == NUMTOK_PUNCT && !sep->space && num->type == NUMTOK_NUM && !num->space;
}

static size_t scan_digits_len(const struct scan *sc, size_t i)
{
    const struct numtok *t = scan_tok(sc, i);
    return t ? t->end - t->start : 0;
}

/* Tokens to skip at i when they are no number at all (a code, a phone number), else 0. */
static size_t scan_junk(const struct scan *sc, size_t i)
{
    const struct numtok *t = scan_tok(sc, i);
    size_t end;
    struct numval v;

    if (!t || t->type != NUMTOK_NUM)
        return 0;
    bool glued_word = !t->space && i > 0 && scan_is(sc, i - 1, NUMTOK_WORD, NULL);
    bool plus = !t->space && i > 0 && scan_punct_in(sc, i - 1, "+#");
    bool glued_code = !t->space && i > 1 && scan_punct_in(sc, i - 1, "-_/") &&
                      scan_glued(sc, i - 1) && scan_is(sc, i - 2, NUMTOK_WORD, NULL);
    bool chain = scan_chain(sc, i, "-/()", &end) >= 3;
    if (!glued_word && !glued_code && !plus && !chain &&
        numval_digits(sc->nl, sc->text + t->start, t->end - t->start, &v) == 0)
        return 0;
    end = i + 1;
    /* "+47 22 33 44 55": the groups of a phone number */
    while (plus && scan_is(sc, end, NUMTOK_NUM, NULL) && scan_digits_len(sc, end) <= 4)
        end++;
    while (end < sc->toks->n && scan_glued(sc, end) &&
           (scan_is(sc, end, NUMTOK_NUM, NULL) || scan_punct_in(sc, end, "-/()_.") ||
            scan_is(sc, end, NUMTOK_WORD, NULL)))
        end++;
    return end - i;
}

static void scan_reset(struct scan *sc, size_t from, size_t to, const char *form)
{
    memset(&sc->m, 0, sizeof(sc->m));
    sc->m.from = from;
    sc->m.to = to;
    sc->m.form = form;
    sc->m.num = (struct scan_span){from, to};
}

/*
 * "2023-09-27", "5/17/2018": a date, whose parts are numbers of kind date (as
 * Recognizers-Text reads them; a date never makes a claim). Returns the end of
 * the first part, or 0.
 */
static size_t scan_date_chain(struct scan *sc, size_t i)
{
    size_t end;

    if (i < sc->date_end) {
        if (!scan_is(sc, i, NUMTOK_NUM, NULL))
            return 0;
    } else if (!scan_is(sc, i, NUMTOK_NUM, NULL) || !scan_may_chain(sc, i)) {
        return 0; /* "abcd-12-34": a word begins no date */
    } else if ((scan_chain(sc, i, "-", &end) == 3 && scan_digits_len(sc, i) == 4 &&
                scan_digits_len(sc, i + 2) <= 2 && scan_digits_len(sc, i + 4) <= 2) ||
               (scan_chain(sc, i, "/.", &end) == 3 && scan_digits_len(sc, i) <= 2 &&
                scan_digits_len(sc, i + 2) <= 2 && scan_digits_len(sc, i + 4) >= 2)) {
        sc->date_end = end;
        sc->part_hint = "date";
    } else if (scan_chain(sc, i, ".", &end) >= 3) {
        sc->date_end = end; /* "192.168.1.2", "1.2.3": numbers, but no count */
        sc->part_hint = "other";
    } else {
        return 0;
    }
    scan_reset(sc, i, i + 1, "digits");
    sc->m.hint = sc->part_hint;
    return i + 1;
}

/* "1e10", "-2.5^-1", "1.3x10^6": a power in digits. Returns its end, or 0. */
static size_t scan_power(struct scan *sc, size_t i)
{
    size_t best = 0;
    struct numval v;

    if (!numval_maybe_power(sc->toks, i, sc->toks->n) ||
        (scan_is(sc, i, NUMTOK_PUNCT, NULL) && !scan_tok(sc, i)->space))
        return 0;
    for (size_t j = i + 2; j <= sc->toks->n && j <= i + 8; j++) {
        if (!scan_glued(sc, j - 1))
            break;
        if (scan_eval(sc, i, j, &v))
            best = j;
    }
    if (best)
        scan_reset(sc, i, best, "digits");
    return best;
}

/* "3/4": a fraction in digits. Returns its end, or 0. */
static size_t scan_slash(struct scan *sc, size_t i)
{
    size_t end;

    if (!scan_may_chain(sc, i) || scan_chain(sc, i, "/", &end) != 2)
        return 0;
    scan_reset(sc, i, end, "fraction");
    return end;
}

/* What is glued to the end of a number in digits ("10k", "2nd", "1990s", "29km"); false: no number.
 */
static bool scan_glued_after(struct scan *sc)
{
    size_t e = sc->m.num.to, dl;
    const struct numtok *t = scan_tok(sc, e);
    const char *after = t ? sc->text + t->start : NULL;

    if (!t || t->space || !scan_is(sc, e - 1, NUMTOK_NUM, NULL))
        return true;
    if (t->type == NUMTOK_WORD && scan_raw_is(sc, e, NUMLEX_SUFFIXES)) {
        sc->m.suffix = (struct scan_span){e, e + 1};
        return true;
    }
    if (t->type == NUMTOK_WORD && numlex_tok_has(t, NUMLEX_ORDINAL_SUFFIX)) {
        sc->m.hint = "ordinal";
        sc->m.post = (struct scan_span){e, e + 1};
        return true;
    }
    dl = scan_digits_len(sc, e - 1);
    for (size_t w = 1; w <= 3 && dl == 4; w++) {
        const struct numtok *last = scan_tok(sc, e + w - 1);
        if (!last || (w > 1 && last->space))
            break;
        char raw[32];
        size_t len = last->end - t->start;
        if (len >= sizeof(raw))
            break;
        memcpy(raw, after, len);
        raw[len] = 0;
        if (numlex_has(sc->nl, NUMLEX_DECADE_SUFFIX, raw)) {
            sc->m.hint = "decade";
            sc->m.post = (struct scan_span){e, e + w};
            return true;
        }
    }
    if (t->type == NUMTOK_WORD && numlex_tok_has(t, NUMLEX_UNITS)) {
        sc->m.unit = (struct scan_span){e, e + 1};
        return true;
    }
    return t->type != NUMTOK_WORD;
}

/* "2. plass", "19. september": an ordinal dot. */
static void scan_ordinal_dot(struct scan *sc)
{
    size_t e = sc->m.num.to;
    const struct numtok *w = scan_tok(sc, e + 1);

    if (!sc->nl->ordinal_dot || sc->m.num.to - sc->m.num.from != 1 ||
        scan_digits_len(sc, e - 1) > 3 || !scan_is(sc, e - 1, NUMTOK_NUM, NULL) ||
        !scan_is(sc, e, NUMTOK_PUNCT, ".") || scan_glued(sc, e) == false || !w ||
        w->type != NUMTOK_WORD)
        return;
    /* a lower-case word after the dot: the dot did not end the sentence */
    if (strncmp(w->fold, sc->text + w->start, strlen(w->fold)) != 0)
        return;
    sc->m.hint = "ordinal";
    sc->m.post = (struct scan_span){e, e + 1};
    if (numlex_tok_has(w, NUMLEX_MONTHS)) {
        sc->m.hint = "date";
        sc->m.post.to = e + 2;
    }
}

static size_t scan_after_end(const struct scan *sc)
{
    size_t e = sc->m.num.to;
    const struct scan_span *s[] = {&sc->m.hi,   &sc->m.suffix, &sc->m.post,
                                   &sc->m.unit, &sc->m.postq,  &sc->m.den};

    for (size_t k = 0; k < sizeof(s) / sizeof(*s); k++)
        if (s[k]->to > e)
            e = s[k]->to;
    return e;
}

/* A range rises: "three-nought" (a score) is two numbers; "10-11.000" rises. */
static bool scan_rising(const struct scan *sc, size_t from, size_t to)
{
    struct numval lo, hi;

    if (!scan_eval(sc, sc->m.num.from, sc->m.num.to, &lo) || !scan_eval(sc, from, to, &hi))
        return true; /* a suffix or unit reads it; normalize decides */
    return lo.value < hi.value;
}

/* The high end of a range after the number: "20–30", "20 to 30", "20 à 30". */
static void scan_range(struct scan *sc, const char *join)
{
    size_t e = scan_after_end(sc), w = 0, hi;

    if (join) {
        if (scan_is(sc, e, NUMTOK_WORD, join))
            w = 1;
    } else {
        w = scan_match(sc, NUMLEX_RANGE_JOINS, e, sc->toks->n, NULL);
    }
    if (w == 0 || (hi = scan_core(sc, e + w)) == 0)
        return;
    if (scan_is(sc, e + w, NUMTOK_PUNCT, "-") || !scan_rising(sc, e + w, hi))
        return;
    /* "three-nought-four": a chain of glued hyphens is a sequence, not a range */
    if (sc->m.num.from > 0 && scan_is(sc, sc->m.num.from - 1, NUMTOK_PUNCT, "-") &&
        scan_glued(sc, sc->m.num.from))
        return;
    sc->m.hi = (struct scan_span){e + w, hi};
    sc->m.form = "range";
}

/* The rule of a fraction join ("any", "less", "end") holds for a / b ending at token end. */
static bool scan_over_rule(const struct scan *sc, const char *rule, double a, double b, size_t end)
{
    const struct numtok *t = scan_tok(sc, end);

    if (b >= sc->nl->year_min && b <= sc->nl->year_max)
        return false; /* "5 in 2023" */
    if (t && !t->space && t->type == NUMTOK_WORD)
        return false; /* "50 over 40s", "3 in 10km" */
    if (scan_match(sc, NUMLEX_UNITS, end, sc->toks->n, NULL) ||
        scan_match(sc, NUMLEX_PERCENT, end, sc->toks->n, NULL))
        return false; /* "12 over 3 days" */
    if (strcmp(rule, "less") == 0)
        return a < b;
    if (strcmp(rule, "end") == 0)
        return !t || t->type == NUMTOK_PUNCT; /* "one of the three victims" counts victims */
    return true;
}

/* "one over three", "1 in 21", "een op de twintig": a fraction with a join word. */
static void scan_over(struct scan *sc)
{
    size_t e = sc->m.num.to, w, hi;
    const json_t *rule = NULL;
    struct numval a, b;

    if (sc->m.hint || sc->m.suffix.to || strcmp(sc->m.form, "vague") == 0 ||
        (w = scan_match(sc, NUMLEX_FRACTION_JOINS, e, sc->toks->n, &rule)) == 0 ||
        (hi = scan_core(sc, e + w)) == 0)
        return;
    if (numval_eval_count(sc->nl, sc->text, sc->toks, sc->m.num.from, e, &a) < 0 ||
        !scan_eval(sc, e + w, hi, &b) || a.ordinal || a.fraction || b.fraction || b.value <= 0 ||
        !scan_over_rule(sc, json_string_value(rule), a.value, b.value, hi))
        return;
    sc->m.den = (struct scan_span){e + w, hi};
    sc->m.form = "fraction";
}

/* "11 a.m.", "rond 2 uur": a clock time (below 24; "24 uur" is a duration). */
static bool scan_time_after(const struct scan *sc, size_t e, size_t *w)
{
    struct numval v;

    if (sc->m.hint || sc->m.hi.to)
        return false;
    *w = scan_match(sc, NUMLEX_TIME_AFTER, e, sc->toks->n, NULL);
    return *w > 0 && scan_eval(sc, sc->m.num.from, sc->m.num.to, &v) && v.value >= 0 &&
           v.value < 24;
}

static void scan_units(struct scan *sc)
{
    size_t e = scan_after_end(sc), w;

    if (sc->m.unit.to == 0 && sc->m.suffix.to == 0 && scan_is(sc, e, NUMTOK_WORD, NULL) &&
        scan_is(sc, e - 1, NUMTOK_NUM, NULL) && scan_raw_is(sc, e, NUMLEX_SUFFIXES)) {
        sc->m.suffix = (struct scan_span){e, e + 1};
        e++;
    }
    if (scan_time_after(sc, e, &w)) {
        sc->m.hint = "time";
        sc->m.post = (struct scan_span){e, e + w};
        e += w;
    } else if ((w = scan_match(sc, NUMLEX_PERCENT, e, sc->toks->n, NULL)) > 0) {
        sc->m.unit = (struct scan_span){e, e + w};
        if (strcmp(sc->m.form, "range") != 0)
            sc->m.form = "percent";
        e += w;
    } else if (sc->m.unit.to == 0 && (w = scan_match(sc, NUMLEX_UNITS, e, sc->toks->n, NULL)) > 0) {
        sc->m.unit = (struct scan_span){e, e + w};
        e += w;
    }
    if ((w = scan_match(sc, NUMLEX_POST_QUALIFIERS, e, sc->toks->n, NULL)) > 0 &&
        sc->m.qual.to == 0)
        sc->m.postq = (struct scan_span){e, e + w};
}

/* "kontrollen over ni landsbyer": a noun before the qualifier makes it a preposition. */
static bool scan_governed(const struct scan *sc, size_t q, size_t i)
{
    char *key;
    const json_t *words, *w;
    size_t k;
    bool found = false;

    if (q == 0 || !scan_is(sc, q - 1, NUMTOK_WORD, NULL) ||
        json_object_size(sc->nl->t[NUMLEX_GOVERNORS]) == 0 || !(key = numtok_join(sc->toks, q, i)))
        return false;
    words = numlex_get(sc->nl, NUMLEX_GOVERNORS, key);
    free(key);
    json_array_foreach(words, k, w) if (strcmp(json_string_value(w), scan_tok(sc, q - 1)->fold) ==
                                        0) found = true;
    return found;
}

/* Words before the number: a unit ("$"), a qualifier, "between", a month, "kl.". */
static const char *scan_before_all(struct scan *sc)
{
    size_t i = sc->m.num.from, p, q;
    const json_t *join = NULL;

    p = scan_before(sc, NUMLEX_PREFIX_UNITS, i, 0);
    if (p < i) {
        sc->m.prefix = (struct scan_span){p, i};
        i = p;
    }
    if ((q = scan_before(sc, NUMLEX_TIME_BEFORE, i, 0)) < i && !sc->m.hint) {
        sc->m.hint = "time";
        sc->m.qual = (struct scan_span){q, i};
        return NULL;
    }
    if (i > 0 && scan_match(sc, NUMLEX_RANGE_BETWEEN, i - 1, i, &join) == 1) {
        sc->m.qual = (struct scan_span){i - 1, i};
        return json_string_value(join);
    }
    q = scan_before(sc, NUMLEX_QUALIFIERS, i, 0);
    if (q < i && !scan_governed(sc, q, i))
        sc->m.qual = (struct scan_span){q, i};
    return NULL;
}

static bool scan_month_at(const struct scan *sc, size_t i)
{
    const struct numtok *t = scan_tok(sc, i);
    return t && t->type == NUMTOK_WORD && numlex_tok_has(t, NUMLEX_MONTHS);
}

/* "May 4th", "4th of May", "de 4e van mei": an ordinal day is a date. */
static void scan_ordinal_day(struct scan *sc)
{
    size_t i = sc->m.num.from, e = scan_after_end(sc);

    if (!sc->m.hint || strcmp(sc->m.hint, "ordinal") != 0 || !scan_is(sc, i, NUMTOK_NUM, NULL) ||
        scan_digits_len(sc, i) > 2)
        return;
    if ((i > 0 && scan_month_at(sc, i - 1)) || scan_month_at(sc, e) ||
        (scan_is(sc, e, NUMTOK_WORD, NULL) && scan_month_at(sc, e + 1) &&
         numlex_tok_has(scan_tok(sc, e), NUMLEX_SHARE_OF)))
        sc->m.hint = "date";
}

static void scan_kind_cues(struct scan *sc)
{
    size_t i = sc->m.num.from, e = scan_after_end(sc);
    const struct numtok *t = scan_tok(sc, i);
    bool digits = sc->m.num.to - i == 1 && t->type == NUMTOK_NUM;

    scan_ordinal_day(sc);
    if (sc->m.hint || (strcmp(sc->m.form, "digits") != 0 && strcmp(sc->m.form, "words") != 0))
        return;
    if (digits && i > 0 && scan_month_at(sc, i - 1) && scan_digits_len(sc, i) <= 2) {
        sc->m.hint = "date";
        sc->m.prefix = (struct scan_span){i - 1, i};
    } else if (digits && scan_digits_len(sc, i) <= 2 && sc->m.unit.to == 0 &&
               scan_month_at(sc, e)) {
        sc->m.hint = "date";
        sc->m.post = (struct scan_span){e, e + 1};
    } else if (i > 0 && !digits && scan_is(sc, i - 1, NUMTOK_WORD, NULL) &&
               numlex_tok_has(scan_tok(sc, i - 1), NUMLEX_DECADE_WORDS)) {
        sc->m.hint = "decade";
        sc->m.prefix = (struct scan_span){i - 1, i};
    }
}

static void scan_share(struct scan *sc)
{
    size_t e = scan_after_end(sc);
    const struct numtok *t = scan_tok(sc, e);

    for (size_t k = sc->m.num.from; k < sc->m.num.to; k++)
        if (numlex_tok_has(&sc->toks->v[k], NUMLEX_SHARES))
            sc->m.share = true;
    /* "five eighths of" at the end is a plain fraction; "of the people" a share */
    if (t && numlex_tok_has(t, NUMLEX_SHARE_OF) && scan_is(sc, e + 1, NUMTOK_WORD, NULL))
        sc->m.share = true;
}

/* A year: four bare digits in the language's year span, with nothing that makes it a count. */
static void scan_year(struct scan *sc)
{
    const struct numtok *t = scan_tok(sc, sc->m.num.from);
    struct numval v;

    if (sc->m.hint || strcmp(sc->m.form, "digits") != 0 || sc->m.num.to - sc->m.num.from != 1 ||
        t->type != NUMTOK_NUM || t->end - t->start != 4 || sc->m.unit.to || sc->m.prefix.to ||
        sc->m.suffix.to || !scan_eval(sc, sc->m.num.from, sc->m.num.to, &v))
        return;
    if (v.value < sc->nl->year_min || v.value > sc->nl->year_max)
        return;
    sc->m.hint = "year";
}

static void scan_bounds(struct scan *sc)
{
    const struct scan_span *s[] = {&sc->m.qual, &sc->m.prefix};
    size_t from = sc->m.num.from;

    for (size_t k = 0; k < sizeof(s) / sizeof(*s); k++)
        if (s[k]->to > s[k]->from && s[k]->from < from)
            from = s[k]->from;
    sc->m.from = from;
    sc->m.to = scan_after_end(sc);
}

static const char *scan_form(const struct scan *sc)
{
    return scan_is(sc, sc->m.num.from, NUMTOK_NUM, NULL) ? "digits" : "words";
}

static int scan_push(struct scan_list *out, const struct scan_mention *m)
{
    if (out->n == out->cap) {
        size_t cap = out->cap ? 2 * out->cap : 8;
        struct scan_mention *v = realloc(out->v, cap * sizeof(*v));
        if (!v)
            return -1;
        out->v = v;
        out->cap = cap;
    }
    out->v[out->n++] = *m;
    return 0;
}

/* A lone "one" after "the", "which": it counts nothing. */
static bool scan_blocked_one(const struct scan *sc, size_t i, size_t end)
{
    const struct numtok *t = scan_tok(sc, i);

    return end == i + 1 && t->type == NUMTOK_WORD && numlex_tok_has(t, NUMLEX_WEAK_ONE) && i > 0 &&
           numlex_tok_has(scan_tok(sc, i - 1), NUMLEX_ONE_BLOCKERS);
}

/* A minus counts only with space before it: "COVID-19" has none. */
static bool scan_bad_start(const struct scan *sc, size_t i)
{
    const struct numtok *t = scan_tok(sc, i);

    if (t->type == NUMTOK_PUNCT && !t->space)
        return true;
    return t->type == NUMTOK_WORD && numlex_tok_has(t, NUMLEX_CONNECTORS);
}

/* Digits too many or too large for a double ("1" and 400 zeros). */
static bool scan_overflow(const struct scan *sc, size_t i)
{
    const struct numtok *t = scan_tok(sc, i);
    struct numval v;

    return t->type == NUMTOK_NUM && t->end - t->start >= 100 &&
           numval_digits(sc->nl, sc->text + t->start, t->end - t->start, &v) < 0 && v.overflow;
}

/* "andre" alone means "other"; only "den andre" is the second. */
static bool scan_undetermined(const struct scan *sc, size_t i, size_t end)
{
    const struct numtok *t = scan_tok(sc, i);

    return end == i + 1 && t->type == NUMTOK_WORD && numlex_tok_has(t, NUMLEX_DETERMINED) &&
           (i == 0 || !numlex_tok_has(scan_tok(sc, i - 1), NUMLEX_DETERMINERS));
}

/* German nouns are capitalised: "Fürs Erste" (for now), "der Dritte" name no number. */
static bool scan_noun_ordinal(const struct scan *sc, size_t i, size_t end)
{
    const struct numtok *t = scan_tok(sc, i);

    return sc->nl->noun_ordinals && end == i + 1 && i > 0 && t->type == NUMTOK_WORD &&
           numlex_tok_has(t, NUMLEX_ORDINALS) &&
           strncmp(t->fold, sc->text + t->start, strlen(t->fold)) != 0 &&
           !scan_is(sc, i - 1, NUMTOK_PUNCT, NULL);
}

/* "een op de twintig": an article before a fraction join counts one. */
static bool scan_article_join(const struct scan *sc, size_t i)
{
    const struct numtok *t = scan_tok(sc, i);

    return t->type == NUMTOK_WORD && numlex_tok_has(t, NUMLEX_ARTICLES) &&
           scan_match(sc, NUMLEX_FRACTION_JOINS, i + 1, sc->toks->n, NULL) > 0;
}

/*
 * Punctuation at i that scan_number() reads as nothing, given that no table
 * holds or begins it and no glued run of numbers follows: glued to what is
 * before it (no minus), or no "-" nor "/" (which may begin a number), and
 * no number after it (a power: "-1e10").
 */
static bool scan_punct_inert(const struct scan *sc, size_t i)
{
    const struct numtok *t = &sc->toks->v[i];

    if (i + 1 < sc->toks->n && t[1].type == NUMTOK_NUM)
        return false;
    return !t->space || t->flen != 1 || (t->fold[0] != '-' && t->fold[0] != '/');
}

/*
 * A word that no table of the lexicon holds or begins, that reads as no
 * number word and begins no glued run of numbers ("abcd-12-34" is read as a
 * date), or such punctuation (scan_punct_inert()): scan_number() finds
 * nothing at it and moves on by one token, and this says so for less. Most
 * tokens of a text are such.
 */
static bool scan_inert(const struct scan *sc, size_t i)
{
    const struct numtok *t = &sc->toks->v[i];

    if (t->tables != 0 || t->heads != 0 || t->type == NUMTOK_NUM || scan_may_chain(sc, i))
        return false;
    return t->type == NUMTOK_WORD ? !scan_number_word(sc, i) : scan_punct_inert(sc, i);
}

/* Look for a number at token i; sets sc->m and returns its end, or 0 (then *skip is set). */
static size_t scan_number(struct scan *sc, size_t i, size_t *skip)
{
    size_t end, w;

    *skip = 1;
    if ((end = scan_date_chain(sc, i)) > 0 || (end = scan_power(sc, i)) > 0)
        return end;
    if (i < sc->date_end)
        return 0; /* the separators of a date */
    if (scan_overflow(sc, i)) {
        scan_reset(sc, i, i + 1, "digits"); /* normalize names it: never dropped silently */
        return i + 1;
    }
    if ((w = scan_junk(sc, i)) > 0) {
        *skip = w;
        return 0;
    }
    if ((end = scan_slash(sc, i)) > 0)
        return end;
    if ((w = scan_match(sc, NUMLEX_VAGUE, i, sc->toks->n, NULL)) > 0) {
        scan_reset(sc, i, i + w, "vague");
        return i + w;
    }
    if (scan_bad_start(sc, i))
        return 0;
    if ((end = scan_core(sc, i)) == 0 && scan_article_join(sc, i))
        end = i + 1;
    if (end == 0 || scan_blocked_one(sc, i, end) || scan_undetermined(sc, i, end) ||
        scan_noun_ordinal(sc, i, end))
        return 0;
    scan_reset(sc, i, end, "digits");
    sc->m.form = scan_form(sc);
    if (!scan_glued_after(sc)) {
        *skip = end - i + 1;
        return 0;
    }
    return end;
}

static void scan_context(struct scan *sc)
{
    const char *join = NULL;

    scan_ordinal_dot(sc);
    scan_over(sc);
    if (sc->m.den.to == 0 && strcmp(sc->m.form, "vague") != 0 && !sc->m.hint)
        join = scan_before_all(sc);
    else if (!sc->m.hint)
        scan_before_all(sc);
    if ((!sc->m.hint || join) && sc->m.den.to == 0)
        scan_range(sc, join);
    if (join && sc->m.hi.to == 0)
        sc->m.qual = (struct scan_span){0, 0};
    scan_units(sc);
    scan_kind_cues(sc);
    scan_year(sc);
    scan_share(sc);
    scan_bounds(sc);
}

int scan_sentence(const struct numlex *nl, const char *text, struct numtok_list *toks,
                  struct scan_list *out)
{
    return scan_sentence_memo(nl, text, toks, NULL, out);
}

int scan_sentence_memo(const struct numlex *nl, const char *text, struct numtok_list *toks,
                       struct scanmemo *memo, struct scan_list *out)
{
    const struct scanmemo_tok *notes = NULL;

    if (memo)
        notes = scanmemo_mark(memo, nl, toks);
    else
        numlex_mark(nl, toks);
    struct scan sc = {nl, memo, notes, text, toks, {0}, 0, NULL};
    size_t i = 0;

    while (i < toks->n) {
        if (scan_inert(&sc, i)) {
            i++;
            continue;
        }
        size_t skip, end = scan_number(&sc, i, &skip);
        if (end == 0) {
            i += skip;
            continue;
        }
        scan_context(&sc);
        if (scan_push(out, &sc.m) < 0)
            return -1;
        i = sc.m.to > i ? sc.m.to : i + 1;
    }
    return 0;
}

void scan_list_release(struct scan_list *list)
{
    free(list->v);
    list->v = NULL;
    list->n = list->cap = 0;
}
