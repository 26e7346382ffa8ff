#include "claim_rule.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#define CLAIM_SUBJECT_WORDS 3
#define CLAIM_NAME_WORDS 5
#define CLAIM_MARKER_REACH 3
#define CLAIM_AS_OF_WORDS 6

/* A trigger found in the sentence. */
struct claim_hit {
    int cat;
    size_t a, e;
    bool noun;
};

static bool claim_word(const struct claim_tok *t)
{
    return t->type == 'w' || t->type == 'n';
}

/* Does a verb trigger of any category start at token i? */
static bool claim_verb_at(const struct claim_sent *s, const struct claim_lex *lx, size_t i)
{
    size_t which;

    for (size_t c = 0; c < lx->ncats; c++)
        if (claim_match_list(s, i, &lx->cats[c].verbs, lx, false, &which))
            return true;
    return false;
}

/* The first noun trigger at token i (category in *cat, end returned), or 0. */
static size_t claim_noun_at(const struct claim_sent *s, const struct claim_lex *lx, size_t i,
                            int *cat)
{
    size_t which;

    for (size_t c = 0; c < lx->ncats; c++) {
        size_t e = claim_match_list(s, i, &lx->cats[c].nouns, lx, true, &which);
        if (e) {
            *cat = (int)c;
            return e;
        }
    }
    return 0;
}

static bool claim_in(const struct claim_sent *s, const struct claim_lex *lx,
                     const struct claim_plist *pl, size_t i)
{
    size_t which;

    return claim_match_list(s, i, pl, lx, false, &which) != 0;
}

/* The counted noun after the number: up to three words; its last noun trigger heads it. */
static void claim_subject(const struct claim_sent *s, const struct claim_lex *lx,
                          struct claim_num *num)
{
    size_t i = num->e;
    int cat;

    num->of_whole = i < s->ntok && claim_in(s, lx, &lx->of_words, i);
    i += num->of_whole;
    num->subj_a = num->subj_e = i;
    num->head = s->ntok;
    for (size_t k = 0; k < CLAIM_SUBJECT_WORDS && i < s->ntok; k++) {
        if (claim_stopword(s, i, lx) || claim_verb_at(s, lx, i))
            return;
        size_t e = claim_noun_at(s, lx, i, &cat);
        if (e) {
            num->head = i;
            num->subj_e = i = e;
            /* a noun ends the subject unless another follows ("fighter jets") */
            if (!claim_noun_at(s, lx, i, &cat))
                return;
            continue;
        }
        num->subj_e = ++i;
    }
}

/* The cost of the words between the number and a trigger; INFINITY when blocked. */
static double claim_gap(const struct claim_sent *s, const struct claim_lex *lx,
                        const struct claim_num *nums, size_t self, const struct claim_hit *h)
{
    const struct claim_num *num = &nums[self];
    size_t from = h->e <= num->a ? h->e : num->e;
    size_t to = h->e <= num->a ? num->a : h->a;
    size_t nseg = s->tok[num->a].seg, tseg = s->tok[h->a].seg;
    double cost = 0;

    if (s->paren[tseg] && tseg != nseg)
        return INFINITY;
    for (size_t t = from; t < to; t++) {
        const struct claim_tok *tok = &s->tok[t];
        if (tok->seg != nseg && tok->seg != tseg && s->paren[tok->seg])
            continue;
        if (tok->num >= 0 && (size_t)tok->num != self && nums[tok->num].countable)
            return INFINITY;
        if (tok->clause || claim_in(s, lx, &lx->conjunctions, t))
            cost += lx->clause_penalty;
        else if (claim_word(tok))
            cost += 1;
    }
    return cost;
}

/* Is the noun h the whole a share is taken of ("a third of the population")? */
static bool claim_of_whole(const struct claim_sent *s, const struct claim_lex *lx,
                           const struct claim_num *num, const struct claim_hit *h)
{
    if (h->a == num->head)
        return num->of_whole;
    for (size_t t = num->e; t < h->a && !s->tok[t].clause; t++)
        if (claim_in(s, lx, &lx->of_words, t))
            return true;
    return false;
}

static double claim_cost(const struct claim_sent *s, const struct claim_lex *lx,
                         const struct claim_num *nums, size_t self, const struct claim_hit *h)
{
    const struct claim_num *num = &nums[self];
    const struct claim_cat *cat = &lx->cats[h->cat];
    bool inside = h->a >= num->subj_a && h->a < num->subj_e;
    bool attached = h->noun && h->a == num->head;
    double cost;

    if (h->a < num->e && h->e > num->a)
        return INFINITY;
    /* "60 militära positioner": a modifier is not what is counted */
    if ((h->noun && inside && !attached) || (cat->attached_only && !attached) ||
        num->value < cat->min_value)
        return INFINITY;
    /* "27 leaders discussed the refugee crisis": the number counts its own noun */
    if (h->noun && !attached && h->a >= num->e && num->subj_e > num->subj_a)
        return INFINITY;
    cost = attached ? 0 : claim_gap(s, lx, nums, self, h);
    if (cat->weak)
        cost += lx->weak_penalty;
    /* "half of the population left": the whole names no category, the verb does */
    bool share = strcmp(num->kind, "percent") == 0 || strcmp(num->kind, "fraction") == 0;
    if (share && h->noun && claim_of_whole(s, lx, num, h))
        cost += lx->weak_penalty;
    return cost;
}

static void claim_consider(const struct claim_sent *s, const struct claim_lex *lx,
                           struct claim_num *nums, size_t self, const struct claim_hit *h,
                           double *best)
{
    double cost = claim_cost(s, lx, nums, self, h);

    if (cost <= lx->max_cost && cost < *best) {
        *best = cost;
        nums[self].cat = h->cat;
        nums[self].trig_a = h->a;
        nums[self].trig_e = h->e;
        nums[self].trig_noun = h->noun;
    }
}

/*
 * How far from a number a trigger is looked for, in tokens: a word costs 1
 * and max_cost bounds the words in between, so this is generous (asides and
 * punctuation cost nothing) while keeping a long sentence with many numbers
 * from costing tokens times numbers.
 */
static size_t claim_reach(const struct claim_lex *lx)
{
    return (size_t)(4 * lx->max_cost) + 16;
}

/*
 * Whether every category's lists are in the lexicon's index (claim_match_list()
 * then reads only it), and the list bits (claim_index_list_bit()) of them all.
 */
static bool claim_cats_indexed(const struct claim_lex *lx, uint64_t *bits)
{
    *bits = 0;
    for (size_t c = 0; c < lx->ncats; c++) {
        const struct claim_plist *pl[] = {&lx->cats[c].nouns, &lx->cats[c].verbs};
        for (size_t k = 0; k < 2; k++) {
            if (pl[k]->id == 0)
                return false;
            *bits |= claim_index_list_bit(pl[k]->id);
        }
    }
    return true;
}

/*
 * May a category's trigger start at token i? false only when surely none
 * does: claim_match_list() then finds no phrase of a list in bits there.
 */
static bool claim_trigger_may_start(const struct claim_sent *s, size_t i, uint64_t bits)
{
    const struct claim_tok *t = &s->tok[i];

    if ((t->type != 'w' && t->type != 'n') || t->num >= 0)
        return false;
    return t->compound || (t->ent && (t->ent->lists & bits));
}

static void claim_category(const struct claim_sent *s, const struct claim_lex *lx,
                           struct claim_num *nums, size_t self)
{
    double best = INFINITY;
    size_t which, reach = claim_reach(lx);
    size_t from = nums[self].a > reach ? nums[self].a - reach : 0;
    size_t to = nums[self].e + reach < s->ntok ? nums[self].e + reach : s->ntok;
    uint64_t bits;
    bool indexed = claim_cats_indexed(lx, &bits);

    for (size_t i = from; i < to; i++) {
        if (indexed && !claim_trigger_may_start(s, i, bits))
            continue;
        for (size_t c = 0; c < lx->ncats; c++) {
            struct claim_hit h = {(int)c, i, 0, true};
            h.e = claim_match_list(s, i, &lx->cats[c].nouns, lx, true, &which);
            if (h.e)
                claim_consider(s, lx, nums, self, &h, &best);
            h.noun = false;
            h.e = claim_match_list(s, i, &lx->cats[c].verbs, lx, false, &which);
            if (h.e)
                claim_consider(s, lx, nums, self, &h, &best);
        }
    }
}

/* Does a marker of pl end right before token a (at most one word between)? */
static bool claim_marker_before(const struct claim_sent *s, const struct claim_lex *lx,
                                const struct claim_plist *pl, size_t a)
{
    size_t which;

    for (size_t p = a; p-- > 0 && a - p <= CLAIM_MARKER_REACH + 1;) {
        if (s->tok[p].clause)
            return false;
        size_t m = claim_match_list(s, p, pl, lx, false, &which);
        if (m && m <= a && a - m <= 1)
            return true;
    }
    return false;
}

static bool claim_marker_in_clause(const struct claim_sent *s, const struct claim_lex *lx,
                                   const struct claim_plist *pl, size_t seg)
{
    for (size_t i = 0; i < s->ntok; i++)
        if (s->tok[i].seg == seg && claim_in(s, lx, pl, i))
            return true;
    return false;
}

static const char *claim_victim_in(const struct claim_sent *s, const struct claim_lex *lx, size_t a,
                                   size_t e)
{
    for (size_t v = 0; v < lx->nvictims; v++)
        for (size_t i = a; i < e; i++)
            if (claim_in(s, lx, &lx->victims[v].words, i))
                return lx->victims[v].name;
    return "";
}

/* A part takes the category of the number before it, the whole it belongs to. */
static void claim_inherit(struct claim_num *nums, size_t self)
{
    for (size_t j = self; j-- > 0;) {
        if (nums[j].cat >= 0) {
            nums[self].cat = nums[j].cat;
            nums[self].trig_a = nums[j].trig_a;
            nums[self].trig_e = nums[j].trig_e;
            nums[self].trig_noun = nums[j].trig_noun;
            return;
        }
    }
}

/* A part marker after the number or its noun ("40 av dem", "19 journalister er blant de drepte").
 */
static bool claim_part_after(const struct claim_sent *s, const struct claim_lex *lx,
                             const struct claim_num *num)
{
    size_t t = num->subj_e > num->subj_a ? num->subj_e : num->e;

    if (claim_in(s, lx, &lx->part_after, num->e))
        return true;
    for (size_t k = 0; k < 2 && t < s->ntok && claim_stopword(s, t, lx) && !s->tok[t].clause &&
                       !claim_in(s, lx, &lx->part_after, t);
         k++)
        t++;
    return claim_in(s, lx, &lx->part_after, t);
}

static void claim_scope(const struct claim_sent *s, const struct claim_lex *lx,
                        struct claim_num *nums, size_t self)
{
    struct claim_num *num = &nums[self];

    num->scope = "total";
    if (claim_part_after(s, lx, num)) {
        num->scope = "part"; /* "40 av dem", "19 er blant de drepte" keep their own category */
    } else if (claim_marker_before(s, lx, &lx->part, num->a)) {
        num->scope = "part";
        claim_inherit(nums, self);
    } else if (claim_marker_before(s, lx, &lx->increment, num->a)) {
        num->scope = "increment";
    } else if (claim_marker_in_clause(s, lx, &lx->estimate, s->tok[num->a].seg)) {
        num->scope = "estimate";
    }
}

void claim_rule_sentence(const struct claim_sent *s, const struct claim_lex *lx,
                         struct claim_num *nums, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        struct claim_num *num = &nums[k];
        num->cat = -1;
        num->scope = "";
        num->victim = "";
        if (num->a >= num->e || !num->countable || num->not_counted)
            continue;
        claim_subject(s, lx, num);
        claim_category(s, lx, nums, k);
        claim_scope(s, lx, nums, k);
        if (num->cat < 0) {
            num->scope = "";
            continue;
        }
        if (lx->cats[num->cat].attached_only)
            continue;
        num->victim = claim_victim_in(s, lx, num->subj_a, num->subj_e);
        if (!*num->victim && num->trig_noun)
            num->victim = claim_victim_in(s, lx, num->trig_a, num->trig_e);
    }
}

/* Is token i a trigger of any category? */
static bool claim_trigger_at(const struct claim_sent *s, const struct claim_lex *lx, size_t i)
{
    int cat;

    return claim_verb_at(s, lx, i) || claim_noun_at(s, lx, i, &cat);
}

/*
 * A name after token i: leading stop words skipped, then up to five words
 * that are neither stop words nor triggers ("the Red Crescent", "Röda
 * korset", "offisielle tall"; "Reuters dödades" ends before the verb).
 */
static bool claim_name_after(const struct claim_sent *s, const struct claim_lex *lx, size_t i,
                             size_t *a, size_t *e)
{
    size_t skipped = 0;

    while (i < s->ntok && skipped < 2 && claim_word(&s->tok[i]) && s->tok[i].num < 0 &&
           claim_stopword(s, i, lx)) {
        i++;
        skipped++;
    }
    *a = *e = i;
    while (*e < s->ntok && *e - *a < CLAIM_NAME_WORDS && !claim_stopword(s, *e, lx) &&
           !claim_trigger_at(s, lx, *e))
        (*e)++;
    return *e > *a;
}

/* Can token t join a name read leftwards ("leder i Nagorno-Karabakh", "regering van X")? */
static bool claim_name_joins(const struct claim_sent *s, const struct claim_lex *lx, size_t t)
{
    if (!claim_stopword(s, t, lx))
        return true;
    return t > 0 && !claim_stopword(s, t - 1, lx) &&
           (claim_in(s, lx, &lx->of_words, t) || claim_in(s, lx, &lx->locatives, t));
}

/* A name ending before token i: up to five words, not starting with a stop word. */
static bool claim_name_before(const struct claim_sent *s, const struct claim_lex *lx, size_t i,
                              size_t *a, size_t *e)
{
    *a = *e = i;
    while (*a > 0 && *e - *a < CLAIM_NAME_WORDS && claim_name_joins(s, lx, *a - 1))
        (*a)--;
    while (*a < *e && claim_stopword(s, *a, lx))
        (*a)++;
    return *e > *a;
}

/* The attribution whose marker starts at token i, if any. */
static bool claim_attr_at(const struct claim_sent *s, const struct claim_lex *lx, size_t i,
                          size_t *a, size_t *e)
{
    size_t which, m;

    if ((m = claim_match_list(s, i, &lx->attr_after, lx, false, &which)))
        return claim_name_after(s, lx, m, a, e);
    if (!(m = claim_match_list(s, i, &lx->attr_before, lx, false, &which)))
        return false;
    /* "..., sa Vardanyan": a quote's speaker follows the verb */
    bool inverted = i == 0 || !claim_word(&s->tok[i - 1]);
    if (!inverted && claim_name_before(s, lx, i, a, e))
        return true;
    return claim_name_after(s, lx, m, a, e);
}

static size_t claim_dist(size_t a, size_t e, const struct claim_num *num)
{
    if (e <= num->a)
        return num->a - e;
    return a >= num->e ? a - num->e : 0;
}

bool claim_rule_attribution(const struct claim_sent *s, const struct claim_lex *lx,
                            const struct claim_num *num, size_t *a, size_t *e)
{
    size_t best = (size_t)-1, ta, te;

    for (size_t i = 0; i < s->ntok; i++) {
        if (!claim_attr_at(s, lx, i, &ta, &te))
            continue;
        size_t d = claim_dist(ta, te, num);
        if (d < best) {
            best = d;
            *a = ta;
            *e = te;
        }
    }
    return best != (size_t)-1;
}

static bool claim_timeish(const struct claim_sent *s, const struct claim_lex *lx,
                          const struct claim_num *nums, size_t i)
{
    if (s->tok[i].num >= 0) {
        const char *k = nums[s->tok[i].num].kind;
        return strcmp(k, "time") == 0 || strcmp(k, "date") == 0;
    }
    return claim_in(s, lx, &lx->time_words, i);
}

bool claim_rule_as_of(const struct claim_sent *s, const struct claim_lex *lx,
                      const struct claim_num *nums, size_t n, size_t *a, size_t *e)
{
    size_t which;

    (void)n;
    for (size_t i = 0; i < s->ntok; i++) {
        size_t m = claim_match_list(s, i, &lx->as_of, lx, false, &which);
        if (!m)
            continue;
        bool timed = false;
        size_t j = m;
        for (; j < s->ntok && j - m < CLAIM_AS_OF_WORDS && !s->tok[j].clause; j++) {
            if (s->tok[j].num >= 0 && nums[s->tok[j].num].countable)
                break;
            timed = timed || claim_timeish(s, lx, nums, j);
        }
        if (timed) {
            *a = i;
            *e = j;
            return true;
        }
    }
    return false;
}

size_t claim_rule_side_marker(const struct claim_sent *s, const struct claim_lex *lx)
{
    for (size_t i = 0; i < s->ntok; i++)
        if (claim_in(s, lx, &lx->side_markers, i))
            return i;
    return s->ntok;
}
