#include "claim.h"

#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "claim_lex.h"
#include "claim_rule.h"
#include "claim_sent.h"
#include "config.h"
#include "err.h"
#include "place.h"

#define CLAIM_QUOTE_MAX 300
#define CLAIM_PLACE_WORDS 4

/*
 * How many sentences either way the paragraph is searched for a place: a
 * place named further off is not this number's, and an endless paragraph
 * (a text with no line breaks) must not make the search quadratic.
 */
#define CLAIM_PARA_REACH 40

struct claim_config {
    struct claim_lex *lex;
    size_t nlex;
    struct place_index *places;
};

/* A place named in a sentence. */
struct claim_mention {
    size_t a, e; /* tokens */
    const char *id;
    bool locative; /* after "in", "i", "bei": where things happen */
};

/* One sentence of the document being annotated. */
struct claim_ctx_sent {
    struct claim_sent s;       /* only sid and para until ready */
    struct claim_tok *room;    /* where its tokens go, in the document's array */
    struct claim_mention *men; /* room for one a token, in the document's array */
    size_t nmen;
    bool numbers; /* numbers of the document are in it */
    bool ready;   /* read (claim_doc_sent), with its places */
};

struct claim_doc {
    const struct claim_config *cfg;
    const struct claim_lex *lx; /* NULL: a language without lexicon */
    const struct claim_docinfo *doc;
    const struct claim_rawsent *raw; /* the sentences' fields, nsents of them */
    struct claim_ctx_sent *sents;
    size_t nsents;
    struct claim_tok *toks; /* every sentence's tokens, one array (malloc'd: written when read) */
    struct claim_mention *mens; /* as many: a place takes a token at least */
    const char *main_place;
    size_t genitive_max; /* the longest of lx->genitive */
};

static bool claim_is_json(const char *name)
{
    size_t n = strlen(name);
    return n > 5 && name[0] != '.' && strcmp(name + n - 5, ".json") == 0;
}

static int claim_load_lex(struct claim_config *cfg, const char *dir, const char *name)
{
    char *path = config_path(dir, name);
    struct claim_lex *grown = realloc(cfg->lex, (cfg->nlex + 1) * sizeof(*grown));

    if (!path || !grown) {
        free(path);
        if (grown)
            cfg->lex = grown;
        return error_at(dir, 0, "out of memory");
    }
    cfg->lex = grown;
    int rc = claim_lex_load(&cfg->lex[cfg->nlex], path);
    free(path);
    if (rc == 0)
        cfg->nlex++;
    return rc;
}

static int claim_load_langs(struct claim_config *cfg, const char *config_dir)
{
    char *dir = config_path(config_dir, "claims");
    DIR *d = dir ? opendir(dir) : NULL;
    struct dirent *de;
    int rc = 0;

    if (!d) {
        rc = error_at(dir ? dir : config_dir, 0, "cannot open the claims lexicons");
        free(dir);
        return rc;
    }
    while (rc == 0 && (de = readdir(d)))
        if (claim_is_json(de->d_name))
            rc = claim_load_lex(cfg, dir, de->d_name);
    closedir(d);
    if (rc == 0 && cfg->nlex == 0)
        rc = error_at(dir, 0, "no claims lexicon (<lang>.json)");
    free(dir);
    return rc;
}

static int claim_load_places(struct claim_config *cfg, const char *config_dir)
{
    const char **locales = calloc(cfg->nlex + 1, sizeof(*locales));
    char *path = config_path(config_dir, "places.json");

    if (!locales || !path) {
        free(locales);
        free(path);
        return error_at(config_dir, 0, "out of memory");
    }
    for (size_t i = 0; i < cfg->nlex; i++)
        locales[i] = cfg->lex[i].locale;
    cfg->places = place_index_load(path, locales);
    free(locales);
    free(path);
    return cfg->places ? 0 : -1;
}

struct claim_config *claim_config_load(const char *config_dir)
{
    struct claim_config *cfg = calloc(1, sizeof(*cfg));

    if (!cfg) {
        error_at(config_dir, 0, "out of memory");
        return NULL;
    }
    if (claim_load_langs(cfg, config_dir) < 0 || claim_load_places(cfg, config_dir) < 0) {
        claim_config_free(cfg);
        return NULL;
    }
    return cfg;
}

void claim_config_free(struct claim_config *cfg)
{
    if (!cfg)
        return;
    for (size_t i = 0; i < cfg->nlex; i++)
        claim_lex_release(&cfg->lex[i]);
    free(cfg->lex);
    place_index_free(cfg->places);
    free(cfg);
}

static const struct claim_lex *claim_lex_for(const struct claim_config *cfg, const char *lang)
{
    size_t n = lang ? strcspn(lang, "-_") : 0;

    for (size_t i = 0; n > 0 && i < cfg->nlex; i++)
        if (strlen(cfg->lex[i].lang) == n && strncmp(cfg->lex[i].lang, lang, n) == 0)
            return &cfg->lex[i];
    return NULL;
}

/*
 * What place_prefix() tells of the spans starting at a token: of the ASCII
 * run from it (ascii bytes), the known bytes that may begin a name; and
 * whether no name begins with the key of the token itself (first_none).
 */
struct claim_place_probe {
    size_t ascii, known;
    bool first_none;
};

static void claim_place_probe(const struct claim_doc *d, const struct claim_sent *s, size_t i,
                              struct claim_place_probe *p)
{
    const struct claim_tok *t = s->tok;
    size_t last = i + CLAIM_PLACE_WORDS - 1 < s->ntok ? i + CLAIM_PLACE_WORDS - 1 : s->ntok - 1;
    size_t first = t[i].te - t[i].ts, k, keylen = first;

    p->known = place_prefix(d->cfg->places, s->text + t[i].ts, t[last].te - t[i].ts, &p->ascii);
    if (p->ascii >= first)
        k = p->known < first ? p->known : first;
    else
        k = place_prefix_word(d->cfg->places, s->text + t[i].ts, first, &keylen);
    p->first_none = k != SIZE_MAX && k + d->genitive_max < keylen;
}

/*
 * Does place_prefix() rule out the span of tokens i..j? When the span is
 * ASCII, by its own beginnings; else when its key begins with the first
 * token's key (one token, or an ASCII byte after it, which composes with
 * nothing before it), by that key's.
 */
static bool claim_place_ruled_out(const struct claim_doc *d, const struct claim_sent *s, size_t i,
                                  size_t j, const struct claim_place_probe *p)
{
    const struct claim_tok *t = s->tok;
    size_t n = t[j].te - t[i].ts;

    if (n <= p->ascii && p->known + d->genitive_max < n)
        return true;
    if (!p->first_none)
        return false;
    return j == i || (t[i].te < t[j].te && (unsigned char)s->text[t[i].te] < 0x80 &&
                      s->text[t[i].te] != '\0');
}

/*
 * The place named by tokens i..j. A span that is not all ASCII is looked
 * up by its tokens and the gaps between them, folded apart (few spans
 * repeat; their words do).
 */
static const char *claim_place_lookup(const struct claim_doc *d, const struct claim_sent *s,
                                      size_t i, size_t j, const struct claim_place_probe *p)
{
    const struct claim_tok *t = s->tok;
    size_t cuts[2 * CLAIM_PLACE_WORDS], ncuts = 0, n = t[j].te - t[i].ts;

    if (n <= p->ascii)
        return place_lookup(d->cfg->places, s->text + t[i].ts, n, d->lx->genitive);
    for (size_t k = i; k < j; k++) {
        cuts[ncuts++] = t[k].te - t[i].ts;
        cuts[ncuts++] = t[k + 1].ts - t[i].ts;
    }
    return place_lookup_cut(d->cfg->places, s->text + t[i].ts, n, cuts, ncuts, d->lx->genitive);
}

/* The longest place name starting at token i (its end token in *e), or NULL. */
static const char *claim_place_at(const struct claim_doc *d, const struct claim_sent *s, size_t i,
                                  size_t *e)
{
    const struct claim_tok *t = s->tok;
    struct claim_place_probe probe;

    if (t[i].type != 'w' || !t[i].upper || t[i].num >= 0)
        return NULL;
    claim_place_probe(d, s, i, &probe);
    for (size_t len = CLAIM_PLACE_WORDS; len > 0; len--) {
        size_t j = i + len - 1;
        if (j >= s->ntok || t[j].type != 'w' || t[j].clause ||
            claim_place_ruled_out(d, s, i, j, &probe))
            continue;
        const char *id = claim_place_lookup(d, s, i, j, &probe);
        if (id) {
            *e = j + 1;
            return id;
        }
    }
    return NULL;
}

/*
 * The places the sentence names, none of them locative yet (stems are not needed), in cs->men:
 * each takes one token at least, and there is room for one a token.
 */
static void claim_places(const struct claim_doc *d, struct claim_ctx_sent *cs)
{
    size_t e;

    for (size_t i = 0; i < cs->s.ntok; i++) {
        const char *id = claim_place_at(d, &cs->s, i, &e);
        if (!id)
            continue;
        cs->men[cs->nmen++] = (struct claim_mention){i, e, id, false};
        i = e - 1;
    }
}

/* Mark the places named after a locative (the sentence has its stems). */
static void claim_locatives(const struct claim_doc *d, struct claim_ctx_sent *cs)
{
    size_t which;

    for (size_t m = 0; m < cs->nmen; m++) {
        size_t i = cs->men[m].a;
        cs->men[m].locative =
            i > 0 && claim_match_list(&cs->s, i - 1, &d->lx->locatives, d->lx, false, &which) == i;
    }
}

/* Ids are the index's own strings, so mostly the same pointer, else told apart by the first byte.
 */
static bool claim_same_id(const char *a, const char *b)
{
    return a == b || (a[0] == b[0] && strcmp(a, b) == 0);
}

/* How often place id is mentioned in the document. */
static size_t claim_place_count(const struct claim_doc *d, const char *id)
{
    size_t n = 0;

    for (size_t k = 0; k < d->nsents; k++)
        for (size_t m = 0; m < d->sents[k].nmen; m++)
            n += claim_same_id(d->sents[k].men[m].id, id);
    return n;
}

/*
 * The document's main place: of the places its lead (the first paragraph
 * that names any) names, the one the whole document mentions most, the
 * first of equals. A news article's headline and lead say where the event
 * is; the body may name other countries more often (who said what, whose
 * ally), which is why counting alone picks the wrong one.
 */
static const char *claim_main_place(const struct claim_doc *d)
{
    const char *best = "";
    size_t best_n = 0, k = 0;

    while (k < d->nsents && d->sents[k].nmen == 0)
        k++;
    for (long long para = k < d->nsents ? d->sents[k].s.para : 0;
         k < d->nsents && d->sents[k].s.para == para; k++) {
        for (size_t m = 0; m < d->sents[k].nmen; m++) {
            size_t n = claim_place_count(d, d->sents[k].men[m].id);
            if (n > best_n) {
                best_n = n;
                best = d->sents[k].men[m].id;
            }
        }
    }
    return best;
}

static void claim_doc_release(struct claim_doc *d)
{
    for (size_t k = 0; k < d->nsents; k++)
        claim_sent_release(&d->sents[k].s);
    free(d->sents);
    free(d->toks);
    free(d->mens);
    d->sents = NULL;
    d->toks = NULL;
    d->mens = NULL;
    d->nsents = 0;
}

/* A number record and its sentence id, for finding a sentence's numbers by bisection. */
struct claim_by_sid {
    long long sid;
    size_t i; /* index in the numbers array */
    struct normrec *rec;
};

/* The first of ix[0..n) whose sid is at least sid. */
static size_t claim_by_sid_find(const struct claim_by_sid *ix, size_t n, long long sid)
{
    size_t lo = 0, hi = n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ix[mid].sid < sid)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool claim_has_numbers(const struct claim_by_sid *ix, size_t nix, long long sid)
{
    size_t j = claim_by_sid_find(ix, nix, sid);

    return j < nix && ix[j].sid == sid;
}

/*
 * Sentence r made ready in cs. Only a sentence with numbers is read by the
 * claim rules; of the others only the places named count (by their ids:
 * whether one follows a locative matters only in the number's own sentence),
 * so they need no stems.
 */
static int claim_doc_sent(const struct claim_doc *d, struct claim_ctx_sent *cs,
                          const struct claim_rawsent *r, bool numbers)
{
    if (!d->lx)
        return claim_sent_init_light_in(&cs->s, r, cs->room);
    if (!numbers) {
        if (claim_sent_init_light_in(&cs->s, r, cs->room) < 0)
            return -1;
        claim_places(d, cs);
        return 0;
    }
    if (claim_sent_init_raw_in(&cs->s, r, d->lx, cs->room) < 0)
        return -1;
    claim_places(d, cs);
    claim_locatives(d, cs);
    return 0;
}

/* Sentence k made ready unless it is. Returns 0 or -1. */
static int claim_doc_ready(struct claim_doc *d, size_t k)
{
    struct claim_ctx_sent *cs = &d->sents[k];

    if (cs->ready)
        return 0;
    cs->ready = true;
    return claim_doc_sent(d, cs, &d->raw[k], cs->numbers);
}

/*
 * The sentences claim_place() may read for a number of sentence k: those of
 * its paragraph either way, outwards, until one names a place.
 */
static int claim_doc_ready_around(struct claim_doc *d, size_t k)
{
    long long para = d->sents[k].s.para;

    for (size_t dist = 1; dist < d->nsents && dist <= CLAIM_PARA_REACH; dist++) {
        bool b = dist <= k && d->sents[k - dist].s.para == para;
        bool f = k + dist < d->nsents && d->sents[k + dist].s.para == para;
        if (!b && !f)
            break;
        if ((b && claim_doc_ready(d, k - dist) < 0) || (f && claim_doc_ready(d, k + dist) < 0))
            return -1;
        if ((b && d->sents[k - dist].nmen) || (f && d->sents[k + dist].nmen))
            break;
    }
    return 0;
}

/*
 * The sentences claim_main_place() reads: up to the end of the lead (the
 * first paragraph naming a place), and all of them when the lead names
 * more than one place, as only then do their counts decide.
 */
static int claim_doc_ready_lead(struct claim_doc *d)
{
    const char *first = NULL;
    bool differ = false;
    size_t k = 0;

    for (; k < d->nsents; k++) {
        if (claim_doc_ready(d, k) < 0)
            return -1;
        if (d->sents[k].nmen)
            break;
    }
    for (long long para = k < d->nsents ? d->sents[k].s.para : 0;
         k < d->nsents && d->sents[k].s.para == para; k++) {
        if (claim_doc_ready(d, k) < 0)
            return -1;
        for (size_t m = 0; m < d->sents[k].nmen; m++) {
            first = first ? first : d->sents[k].men[m].id;
            differ = differ || !claim_same_id(first, d->sents[k].men[m].id);
        }
    }
    for (k = 0; differ && k < d->nsents; k++)
        if (claim_doc_ready(d, k) < 0)
            return -1;
    return 0;
}

/*
 * Only the sentences that claims read are made ready: those with numbers,
 * the neighbours claim_place() searches, and what claim_main_place() counts;
 * none without a lexicon, as then there are no claims (nor places).
 */
static int claim_doc_init(struct claim_doc *d, const struct claim_rawsent *sents, size_t nsents,
                          const struct claim_by_sid *ix, size_t nix)
{
    size_t ntoks = 0;

    for (size_t k = 0; k < nsents; k++)
        ntoks += sents[k].ntok;
    d->sents = malloc((nsents + 1) * sizeof(*d->sents)); /* each is set below */
    d->toks = malloc((ntoks + 1) * sizeof(*d->toks));
    d->mens = malloc((ntoks + 1) * sizeof(*d->mens));
    if (!d->sents || !d->toks || !d->mens)
        return error_at(NULL, 0, "out of memory");
    d->raw = sents;
    d->nsents = nsents;
    ntoks = 0;
    for (size_t k = 0; k < nsents; k++) {
        d->sents[k] = (struct claim_ctx_sent){
            .s = {.sid = sents[k].sid, .para = sents[k].para},
            .room = d->toks + ntoks,
            .men = d->mens + ntoks,
            .numbers = claim_has_numbers(ix, nix, sents[k].sid),
        };
        ntoks += sents[k].ntok;
    }
    if (!d->lx)
        return 0;
    for (size_t k = 0; k < nsents; k++)
        if (d->sents[k].numbers && (claim_doc_ready(d, k) < 0 || claim_doc_ready_around(d, k) < 0))
            return error_at(NULL, 0, "out of memory");
    if (claim_doc_ready_lead(d) < 0)
        return error_at(NULL, 0, "out of memory");
    d->main_place = claim_main_place(d);
    return 0;
}

static struct normstr claim_str(const char *s, size_t n)
{
    return (struct normstr){s, n};
}

static struct normstr claim_cstr(const char *s)
{
    return claim_str(s, strlen(s));
}

static struct normstr claim_span(const struct claim_sent *s, size_t a, size_t e)
{
    if (a >= e || e > s->ntok)
        return claim_str("", 0);
    return claim_str(s->text + s->tok[a].ts, s->tok[e - 1].te - s->tok[a].ts);
}

/* Cut at most max bytes from s[0..n) without splitting a UTF-8 sequence. */
static size_t claim_cut(const char *s, size_t n, size_t max)
{
    if (n <= max)
        return n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}

/* The sentence, or in a long one the 300 bytes around the number. */
static void claim_quote(struct normrec *rec, const struct claim_sent *s,
                        const struct claim_num *num)
{
    size_t from = 0;

    if (s->tlen > CLAIM_QUOTE_MAX && num->a < num->e) {
        size_t at = s->tok[num->a].ts;
        size_t want = at > CLAIM_QUOTE_MAX / 3 ? at - CLAIM_QUOTE_MAX / 3 : 0;
        for (size_t i = 0; i < s->ntok && s->tok[i].ts <= want; i++)
            from = s->tok[i].ts;
    }
    const char *q = s->text + from;
    rec->quote = claim_str(q, claim_cut(q, s->tlen - from, CLAIM_QUOTE_MAX));
}

/* Every claim field of a number that is no claim: category null, "" for the rest. */
static void claim_set_null(struct normrec *rec)
{
    struct normstr none = claim_str("", 0);

    rec->annotated = true;
    rec->category = NULL;
    rec->subject = rec->victim = rec->side = rec->scope = rec->place = none;
    rec->doc_place = rec->attribution = rec->as_of = none;
}

static void claim_set_doc(const struct claim_doc *d, struct normrec *rec)
{
    rec->date = claim_cstr(d->doc->date);
    rec->source = claim_cstr(d->doc->source);
}

/*
 * The mention of ms[0..n) nearest to tokens [a, e), one after a locative
 * first; or NULL. Mentions inside tokens [xa, xe) (who said it: "Russlands
 * president") name the source, not where the count happened, and are passed over.
 */
static const char *claim_nearest(const struct claim_mention *ms, size_t n, size_t a, size_t e,
                                 size_t xa, size_t xe)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    bool best_loc = false;

    for (size_t m = 0; m < n; m++) {
        if (ms[m].a >= xa && ms[m].e <= xe)
            continue;
        size_t dist = ms[m].e <= a ? a - ms[m].e : ms[m].a >= e ? ms[m].a - e : 0;
        if ((ms[m].locative && !best_loc) || (ms[m].locative == best_loc && dist < best_d)) {
            best_d = dist;
            best = ms[m].id;
            best_loc = ms[m].locative;
        }
    }
    return best;
}

/* Nearest in the sentence, else in its paragraph, else the document's main place. */
static const char *claim_place(const struct claim_doc *d, size_t k, const struct claim_num *num,
                               size_t xa, size_t xe)
{
    const struct claim_ctx_sent *cs = &d->sents[k];
    const char *id = claim_nearest(cs->men, cs->nmen, num->a, num->e, xa, xe);

    for (size_t dist = 1; !id && dist < d->nsents && dist <= CLAIM_PARA_REACH; dist++) {
        const struct claim_ctx_sent *b = dist <= k ? &d->sents[k - dist] : NULL;
        const struct claim_ctx_sent *f = k + dist < d->nsents ? &d->sents[k + dist] : NULL;
        if (!(b && b->s.para == cs->s.para) && !(f && f->s.para == cs->s.para))
            break;
        if (b && b->s.para == cs->s.para && b->nmen)
            id = b->men[b->nmen - 1].id;
        else if (f && f->s.para == cs->s.para && f->nmen)
            id = f->men[0].id;
    }
    return id ? id : d->main_place;
}

/* Whose count: the place its source names, else one named before a side marker. */
static const char *claim_side(const struct claim_doc *d, const struct claim_ctx_sent *cs,
                              bool attributed, size_t aa, size_t ae)
{
    size_t m = claim_rule_side_marker(&cs->s, d->lx);

    for (size_t i = 0; attributed && i < cs->nmen; i++)
        if (cs->men[i].a >= aa && cs->men[i].e <= ae)
            return cs->men[i].id;
    if (m >= cs->s.ntok)
        return "";
    for (size_t i = cs->nmen; i-- > 0;)
        if (cs->men[i].e <= m)
            return cs->men[i].id;
    return "";
}

static void claim_write_claim(const struct claim_doc *d, size_t k, const struct claim_num *nums,
                              size_t n, size_t self)
{
    const struct claim_ctx_sent *cs = &d->sents[k];
    const struct claim_sent *s = &cs->s;
    const struct claim_num *num = &nums[self];
    struct normrec *rec = num->rec;
    size_t aa = 0, ae = 0, ta = 0, te = 0;
    bool attributed = claim_rule_attribution(s, d->lx, num, &aa, &ae);
    const char *side = claim_side(d, cs, attributed, aa, ae);
    const char *place = claim_place(d, k, num, attributed ? aa : 1, attributed ? ae : 0);
    const char *doc_place = d->main_place ? d->main_place : "";
    size_t sa = num->subj_a, se = num->subj_e;

    if (sa >= se && num->trig_noun) {
        sa = num->trig_a;
        se = num->trig_e;
    }
    claim_rule_as_of(s, d->lx, nums, n, &ta, &te);
    rec->category = d->lx->cats[num->cat].name;
    rec->subject = claim_span(s, sa, se);
    rec->victim = claim_cstr(num->victim);
    rec->scope = claim_cstr(num->scope);
    rec->side = claim_cstr(side);
    rec->place = claim_cstr(place);
    rec->doc_place = claim_cstr(doc_place);
    rec->attribution = claim_span(s, aa, ae);
    rec->as_of = claim_span(s, ta, te);
}

static bool claim_kind_counts(const char *kind)
{
    return strcmp(kind, "cardinal") == 0 || strcmp(kind, "percent") == 0 ||
           strcmp(kind, "fraction") == 0 || strcmp(kind, "other") == 0;
}

static bool claim_stem_listed(const struct claim_lex *lx, const struct claim_plist *pl,
                              const char *text, size_t n)
{
    char *stem = claim_lex_stem(lx, text, n);
    bool found = false;

    for (size_t i = 0; stem && i < pl->n && !found; i++)
        found = pl->items[i].n == 1 && strcmp(stem, pl->items[i].stems[0]) == 0;
    free(stem);
    return found;
}

/* "26 jaar", "nine-month": the number measures time or money, not a count. */
static bool claim_not_counted(const struct claim_sent *s, const struct claim_lex *lx,
                              const struct claim_num *num)
{
    size_t which;
    const struct claim_tok *last = &s->tok[num->e - 1];
    long long end = num->rec->end;

    if (end > 0 && (size_t)end > last->start && (size_t)end < last->end) {
        size_t off = last->ts + ((size_t)end - last->start);
        while (off < last->te && (s->text[off] == '-' || s->text[off] == ' '))
            off++;
        if (off < last->te &&
            claim_stem_listed(lx, &lx->not_counted, s->text + off, last->te - off))
            return true;
    }
    return claim_match_list(s, num->e, &lx->not_counted, lx, false, &which) != 0;
}

static int claim_by_sid_cmp(const void *a, const void *b)
{
    const struct claim_by_sid *x = a, *y = b;

    if (x->sid != y->sid)
        return x->sid < y->sid ? -1 : 1;
    return (x->i > y->i) - (x->i < y->i);
}

static void claim_num_place(struct claim_doc *d, struct claim_sent *s, struct claim_num *num,
                            struct normrec *rec, int n)
{
    long long start = rec->start, end = rec->end;
    size_t last;

    memset(num, 0, sizeof(*num));
    num->rec = rec;
    num->kind = rec->kind ? rec->kind : "";
    num->value = rec->value;
    num->a = claim_tok_at(s, (size_t)(start > 0 ? start : 0), (size_t)(end > 0 ? end : 0), &last);
    num->e = num->a < s->ntok ? last + 1 : num->a;
    for (size_t t = num->a; t < num->e; t++)
        s->tok[t].num = n;
    num->countable = claim_kind_counts(num->kind);
    num->not_counted = num->a < num->e && claim_not_counted(s, d->lx, num);
}

/* The numbers of sentence k (from the sid index ix[0..nix)), placed on its tokens; their count. */
static size_t claim_collect(struct claim_doc *d, size_t k, const struct claim_by_sid *ix,
                            size_t nix, struct claim_num *nums)
{
    struct claim_sent *s = &d->sents[k].s;
    size_t n = 0;

    for (size_t j = claim_by_sid_find(ix, nix, s->sid); j < nix && ix[j].sid == s->sid; j++) {
        claim_num_place(d, s, &nums[n], ix[j].rec, (int)n);
        n++;
    }
    return n;
}

/* A distance counts as "other" (DESIGN.md), when the lexicon has that category. */
static void claim_distances(const struct claim_lex *lx, struct claim_num *nums, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (strcmp(nums[k].kind, "distance") != 0 || nums[k].a >= nums[k].e)
            continue;
        for (size_t c = 0; c < lx->ncats; c++)
            if (lx->cats[c].attached_only) {
                nums[k].cat = (int)c;
                nums[k].scope = "total";
            }
    }
}

static void claim_sentence(struct claim_doc *d, size_t k, const struct claim_by_sid *ix, size_t nix,
                           struct claim_num *nums)
{
    size_t n = claim_collect(d, k, ix, nix, nums);
    const struct claim_sent *s = &d->sents[k].s;

    claim_rule_sentence(s, d->lx, nums, n);
    claim_distances(d->lx, nums, n);
    for (size_t j = 0; j < n; j++) {
        claim_set_null(nums[j].rec);
        claim_set_doc(d, nums[j].rec);
        claim_quote(nums[j].rec, s, &nums[j]);
        if (nums[j].cat >= 0)
            claim_write_claim(d, k, nums, n, j);
    }
}

int claim_annotate_raw(const struct claim_config *cfg, const struct claim_docinfo *doc,
                       const struct claim_rawsent *sents, size_t nsents, struct normrec *recs,
                       size_t nix)
{
    struct claim_doc d = {
        .cfg = cfg, .lx = claim_lex_for(cfg, doc->lang), .doc = doc, .main_place = ""};
    /* malloc: claim_num_place() clears each number before it is read, and ix is filled below */
    struct claim_num *nums = malloc((nix + 1) * sizeof(*nums));
    struct claim_by_sid *ix = malloc((nix + 1) * sizeof(*ix));
    int rc = -1;

    if (!nums || !ix) {
        free(nums);
        free(ix);
        return error_at(NULL, 0, "out of memory");
    }
    for (size_t i = 0; i < nix; i++) {
        ix[i].rec = &recs[i];
        ix[i].sid = recs[i].sid;
        ix[i].i = i;
    }
    qsort(ix, nix, sizeof(*ix), claim_by_sid_cmp);
    for (size_t k = 0; d.lx && d.lx->genitive && d.lx->genitive[k]; k++)
        if (strlen(d.lx->genitive[k]) > d.genitive_max)
            d.genitive_max = strlen(d.lx->genitive[k]);
    if (claim_doc_init(&d, sents, nsents, ix, nix) < 0)
        goto out;
    for (size_t k = 0; d.lx && k < d.nsents; k++)
        if (d.sents[k].numbers)
            claim_sentence(&d, k, ix, nix, nums);
    rc = 0;
out:
    claim_doc_release(&d);
    free(nums);
    free(ix);
    return rc;
}
