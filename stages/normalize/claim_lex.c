#include "claim_lex.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libstemmer.h>

#include "config.h"
#include "err.h"
#include "utf8.h"

/* Words whose stems are remembered: 16384 (some 1.5 MB a language, a thread). */
#define CLAIM_LEX_CACHE_BITS 14

char *claim_lex_stem(const struct claim_lex *lx, const char *s, size_t n)
{
    size_t flen;
    char *fold = utf8_fold(s, n, &flen);

    if (!fold || !lx->stemmer)
        return fold;
    const sb_symbol *st = sb_stemmer_stem(lx->stemmer, (const sb_symbol *)fold, (int)flen);
    if (!st) {
        free(fold);
        return NULL;
    }
    int slen = sb_stemmer_length(lx->stemmer);
    char *out = strndup((const char *)st, (size_t)slen);
    free(fold);
    return out;
}

/* One buf_grow() for a stem and its NUL: buf_add() and buf_addch() cost more than a cached stem. */
int claim_lex_add_stem(struct buf *out, const char *stem, size_t len)
{
    if (out->len + len + 2 > out->cap && buf_grow(out, len + 1) < 0)
        return -1;
    memcpy(out->data + out->len, stem, len);
    out->data[out->len + len] = '\0';
    out->len += len + 1;
    out->data[out->len] = '\0';
    return 0;
}

/*
 * A word's value in lx->stems: its claim_lex_word, then its stem. The index
 * lookups cost more than the stem itself once it is cached, and a word seen
 * again has the same stem, hence the same answers.
 */
#define CLAIM_LEX_WORD_HEAD (sizeof(const struct claim_stement *) + 1)

static void claim_lex_word_find(const struct claim_lex *lx, const char *stem, size_t len,
                                struct claim_lex_word *w)
{
    size_t from = 1;

    w->ent = claim_index_find(&lx->index, stem, len);
    w->compound = claim_index_suffix(&lx->index, stem, len, &from) != NULL;
}

static void claim_lex_word_put(const struct claim_lex *lx, const char *s, size_t n,
                               const char *stem, size_t len, const struct claim_lex_word *w)
{
    char v[WORDCACHE_VAL];

    if (!lx->stems || len > WORDCACHE_VAL - CLAIM_LEX_WORD_HEAD)
        return;
    memcpy(v, &w->ent, sizeof(w->ent));
    v[sizeof(w->ent)] = (char)w->compound;
    memcpy(v + CLAIM_LEX_WORD_HEAD, stem, len);
    wordcache_put(lx->stems, s, n, v, CLAIM_LEX_WORD_HEAD + len);
}

/*
 * claim_lex_add_stem() for a stem read from lx->stems: with room, the whole rest of the value is
 * copied (wordcache_get() leaves it readable), a copy of fixed size made inline, not by a call.
 */
static int claim_lex_add_cached(struct buf *out, const char *stem, size_t len)
{
    const size_t most = WORDCACHE_VAL - CLAIM_LEX_WORD_HEAD;

    if (out->len + most + 2 > out->cap)
        return claim_lex_add_stem(out, stem, len);
    memcpy(out->data + out->len, stem, most);
    out->data[out->len + len] = '\0';
    out->len += len + 1;
    out->data[out->len] = '\0';
    return 0;
}

int claim_lex_word_to(const struct claim_lex *lx, const char *s, size_t n, struct buf *out,
                      struct claim_lex_word *w)
{
    size_t vlen;
    const char *hit = lx->stems ? wordcache_get(lx->stems, s, n, &vlen) : NULL;

    if (hit) {
        memcpy(&w->ent, hit, sizeof(w->ent));
        w->compound = hit[sizeof(w->ent)];
        return claim_lex_add_cached(out, hit + CLAIM_LEX_WORD_HEAD, vlen - CLAIM_LEX_WORD_HEAD);
    }
    char *stem = claim_lex_stem(lx, s, n);
    if (!stem)
        return -1;
    size_t len = strlen(stem);
    claim_lex_word_find(lx, stem, len, w);
    claim_lex_word_put(lx, s, n, stem, len, w);
    int rc = claim_lex_add_stem(out, stem, len);
    free(stem);
    return rc;
}

static void claim_phrase_release(struct claim_phrase *ph)
{
    for (size_t i = 0; i < ph->n; i++)
        free(ph->stems[i]);
    free(ph->stems);
    ph->stems = NULL;
    ph->n = 0;
}

void claim_plist_release(struct claim_plist *pl)
{
    for (size_t i = 0; i < pl->n; i++)
        claim_phrase_release(&pl->items[i]);
    free(pl->items);
    pl->items = NULL;
    pl->n = 0;
}

int claim_lex_phrase(const struct claim_lex *lx, const char *entry, struct claim_phrase *ph)
{
    const char *p = entry;

    ph->stems = NULL;
    ph->n = 0;
    while (*p) {
        while (*p == ' ')
            p++;
        size_t len = strcspn(p, " ");
        if (len == 0)
            break;
        char **grown = realloc(ph->stems, (ph->n + 1) * sizeof(*grown));
        if (!grown)
            goto fail;
        ph->stems = grown;
        ph->stems[ph->n] = claim_lex_stem(lx, p, len);
        if (!ph->stems[ph->n])
            goto fail;
        ph->n++;
        p += len;
    }
    return 0;
fail:
    claim_phrase_release(ph);
    return -1;
}

/* Load the list obj[key] (optional) into pl. */
static int claim_lex_list(const struct claim_lex *lx, const struct config_file *cf,
                          const json_t *obj, const char *key, struct claim_plist *pl)
{
    const json_t *arr;
    size_t i;
    json_t *item;

    pl->items = NULL;
    pl->n = 0;
    if (config_get_strings(cf, obj, key, false, &arr) < 0)
        return -1;
    if (!arr || json_array_size(arr) == 0)
        return 0;
    pl->items = calloc(json_array_size(arr), sizeof(*pl->items));
    if (!pl->items)
        return error_at(cf->path, 0, "out of memory");
    json_array_foreach(arr, i, item)
    {
        if (claim_lex_phrase(lx, json_string_value(item), &pl->items[pl->n]) < 0)
            return error_at(cf->path, 0, "out of memory");
        if (pl->items[pl->n].n == 0)
            return config_error(cf, key, "has an empty entry");
        pl->n++;
    }
    return 0;
}

static int claim_lex_cat(struct claim_lex *lx, const struct config_file *cf, const char *name,
                         const json_t *obj, struct claim_cat *cat)
{
    static const char *const keys[] = {"nouns",         "verbs",     "weak",
                                       "attached_only", "min_value", NULL};

    memset(cat, 0, sizeof(*cat));
    cat->name = strdup(name);
    if (!cat->name)
        return error_at(cf->path, 0, "out of memory");
    if (config_keys(cf, obj, name, keys, NULL) < 0 ||
        config_get_bool(cf, obj, "weak", false, false, &cat->weak) < 0 ||
        config_get_bool(cf, obj, "attached_only", false, false, &cat->attached_only) < 0 ||
        config_get_number(cf, obj, "min_value", false, 0, &cat->min_value) < 0 ||
        claim_lex_list(lx, cf, obj, "nouns", &cat->nouns) < 0 ||
        claim_lex_list(lx, cf, obj, "verbs", &cat->verbs) < 0)
        return -1;
    return 0;
}

static int claim_lex_cats(struct claim_lex *lx, const struct config_file *cf, const json_t *obj)
{
    const char *name;
    json_t *value;

    if (!json_is_object(obj) || json_object_size(obj) == 0)
        return config_error(cf, "categories", "is not a non-empty object");
    lx->cats = calloc(json_object_size(obj), sizeof(*lx->cats));
    if (!lx->cats)
        return error_at(cf->path, 0, "out of memory");
    json_object_foreach((json_t *)obj, name, value)
    {
        if (claim_lex_cat(lx, cf, name, value, &lx->cats[lx->ncats++]) < 0)
            return -1;
    }
    return 0;
}

static int claim_lex_victims(struct claim_lex *lx, const struct config_file *cf, const json_t *obj)
{
    const char *name;
    json_t *value;

    if (!obj)
        return 0;
    if (!json_is_object(obj))
        return config_error(cf, "victims", "is not an object");
    lx->victims = calloc(json_object_size(obj) + 1, sizeof(*lx->victims));
    if (!lx->victims)
        return error_at(cf->path, 0, "out of memory");
    json_object_foreach((json_t *)obj, name, value)
    {
        struct claim_class *c = &lx->victims[lx->nvictims++];
        c->name = strdup(name);
        if (!c->name)
            return error_at(cf->path, 0, "out of memory");
        if (claim_lex_list(lx, cf, obj, name, &c->words) < 0)
            return -1;
    }
    return 0;
}

static int claim_lex_genitive(struct claim_lex *lx, const struct config_file *cf)
{
    const json_t *arr;
    size_t i;
    json_t *item;

    if (config_get_strings(cf, cf->root, "genitive_suffixes", false, &arr) < 0)
        return -1;
    lx->genitive = calloc(json_array_size(arr) + 1, sizeof(char *));
    if (!lx->genitive)
        return error_at(cf->path, 0, "out of memory");
    json_array_foreach(arr, i, item)
    {
        const char *s = json_string_value(item);
        lx->genitive[i] = utf8_fold(s, strlen(s), NULL);
        if (!lx->genitive[i])
            return config_error(cf, "genitive_suffixes", "has an item that is not valid");
    }
    return 0;
}

static int claim_lex_size(const struct config_file *cf, const char *key, double def, size_t *out)
{
    double v;

    if (config_get_number(cf, cf->root, key, false, def, &v) < 0)
        return -1;
    if (v < 0 || v > 1000)
        return config_error(cf, key, "is out of range 0..1000");
    *out = (size_t)v;
    return 0;
}

static int claim_lex_numbers(struct claim_lex *lx, const struct config_file *cf)
{
    const json_t *r = cf->root;

    if (claim_lex_size(cf, "compound_min", 0, &lx->compound_min) < 0 ||
        claim_lex_size(cf, "phrase_gap", 0, &lx->phrase_gap) < 0 ||
        config_get_number(cf, r, "max_cost", false, 12, &lx->max_cost) < 0 ||
        config_get_number(cf, r, "clause_penalty", false, 4, &lx->clause_penalty) < 0 ||
        config_get_number(cf, r, "weak_penalty", false, 6, &lx->weak_penalty) < 0)
        return -1;
    return 0;
}

static int claim_lex_stemmer(struct claim_lex *lx, const struct config_file *cf)
{
    const char *lang, *algo, *locale;

    if (config_get_string(cf, cf->root, "language", true, NULL, &lang) < 0 ||
        config_get_string(cf, cf->root, "stemmer", true, NULL, &algo) < 0 ||
        config_get_string(cf, cf->root, "locale", false, "", &locale) < 0)
        return -1;
    lx->lang = strdup(lang);
    lx->locale = strdup(locale);
    if (!lx->lang || !lx->locale)
        return error_at(cf->path, 0, "out of memory");
    lx->stemmer = sb_stemmer_new(algo, "UTF_8");
    if (!lx->stemmer)
        return config_error(cf, "stemmer", "names no Snowball stemmer known to libstemmer");
    return 0;
}

static int claim_lex_scope(struct claim_lex *lx, const struct config_file *cf)
{
    static const char *const keys[] = {"increment", "part", "part_after", "estimate", NULL};
    const json_t *s = json_object_get(cf->root, "scope");

    if (!s)
        return 0;
    if (config_keys(cf, s, "scope", keys, NULL) < 0 ||
        claim_lex_list(lx, cf, s, "increment", &lx->increment) < 0 ||
        claim_lex_list(lx, cf, s, "part", &lx->part) < 0 ||
        claim_lex_list(lx, cf, s, "part_after", &lx->part_after) < 0 ||
        claim_lex_list(lx, cf, s, "estimate", &lx->estimate) < 0)
        return -1;
    return 0;
}

static int claim_lex_attr(struct claim_lex *lx, const struct config_file *cf)
{
    static const char *const keys[] = {"after", "before", NULL};
    const json_t *a = json_object_get(cf->root, "attribution");

    if (!a)
        return 0;
    if (config_keys(cf, a, "attribution", keys, NULL) < 0 ||
        claim_lex_list(lx, cf, a, "after", &lx->attr_after) < 0 ||
        claim_lex_list(lx, cf, a, "before", &lx->attr_before) < 0)
        return -1;
    return 0;
}

static int claim_lex_lists(struct claim_lex *lx, const struct config_file *cf)
{
    const json_t *r = cf->root;

    if (claim_lex_list(lx, cf, r, "apposition", &lx->apposition) < 0 ||
        claim_lex_list(lx, cf, r, "as_of", &lx->as_of) < 0 ||
        claim_lex_list(lx, cf, r, "time_words", &lx->time_words) < 0 ||
        claim_lex_list(lx, cf, r, "side_markers", &lx->side_markers) < 0 ||
        claim_lex_list(lx, cf, r, "of_words", &lx->of_words) < 0 ||
        claim_lex_list(lx, cf, r, "not_counted", &lx->not_counted) < 0 ||
        claim_lex_list(lx, cf, r, "stopwords", &lx->stopwords) < 0 ||
        claim_lex_list(lx, cf, r, "conjunctions", &lx->conjunctions) < 0 ||
        claim_lex_list(lx, cf, r, "locatives", &lx->locatives) < 0)
        return -1;
    return 0;
}

/* Call fn on every phrase list of lx, always in the same order, until it fails. */
static int claim_lex_each_list(struct claim_lex *lx,
                               int (*fn)(struct claim_lex *, struct claim_plist *))
{
    struct claim_plist *lists[] = {
        &lx->increment,  &lx->part,        &lx->part_after, &lx->estimate,     &lx->apposition,
        &lx->attr_after, &lx->attr_before, &lx->as_of,      &lx->time_words,   &lx->side_markers,
        &lx->of_words,   &lx->not_counted, &lx->stopwords,  &lx->conjunctions, &lx->locatives};

    for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
        if (fn(lx, lists[i]) < 0)
            return -1;
    for (size_t i = 0; i < lx->ncats; i++)
        if (fn(lx, &lx->cats[i].nouns) < 0 || fn(lx, &lx->cats[i].verbs) < 0)
            return -1;
    for (size_t i = 0; i < lx->nvictims; i++)
        if (fn(lx, &lx->victims[i].words) < 0)
            return -1;
    return 0;
}

static int claim_lex_number_list(struct claim_lex *lx, struct claim_plist *pl)
{
    pl->id = ++lx->nlists;
    return 0;
}

static int claim_lex_index_list(struct claim_lex *lx, struct claim_plist *pl)
{
    return claim_index_add(&lx->index, pl);
}

int claim_lex_load(struct claim_lex *lx, const char *path)
{
    static const char *const keys[] = {
        "language",     "stemmer",     "locale",     "genitive_suffixes",
        "compound_min", "phrase_gap",  "max_cost",   "clause_penalty",
        "weak_penalty", "categories",  "scope",      "apposition",
        "attribution",  "as_of",       "time_words", "side_markers",
        "of_words",     "not_counted", "victims",    "stopwords",
        "conjunctions", "locatives",   NULL};
    static const char *const required[] = {"language", "stemmer", "categories", NULL};
    struct config_file cf;
    int rc = -1;

    memset(lx, 0, sizeof(*lx));
    if (config_load(&cf, path) < 0)
        return -1;
    if (config_keys(&cf, cf.root, "", keys, required) < 0 || claim_lex_stemmer(lx, &cf) < 0 ||
        claim_lex_genitive(lx, &cf) < 0 || claim_lex_numbers(lx, &cf) < 0 ||
        claim_lex_cats(lx, &cf, json_object_get(cf.root, "categories")) < 0 ||
        claim_lex_victims(lx, &cf, json_object_get(cf.root, "victims")) < 0 ||
        claim_lex_scope(lx, &cf) < 0 || claim_lex_attr(lx, &cf) < 0 || claim_lex_lists(lx, &cf) < 0)
        goto out;
    lx->nlists = 0;
    claim_lex_each_list(lx, claim_lex_number_list);
    claim_index_init(&lx->index, lx->compound_min);
    lx->stems = wordcache_new(CLAIM_LEX_CACHE_BITS);
    if (!lx->stems || claim_lex_each_list(lx, claim_lex_index_list) < 0) {
        error_at(path, 0, "out of memory");
        goto out;
    }
    rc = 0;
out:
    config_file_release(&cf);
    if (rc < 0)
        claim_lex_release(lx);
    return rc;
}

void claim_lex_release(struct claim_lex *lx)
{
    struct claim_plist *lists[] = {
        &lx->increment,  &lx->part,        &lx->part_after, &lx->estimate,     &lx->apposition,
        &lx->attr_after, &lx->attr_before, &lx->as_of,      &lx->time_words,   &lx->side_markers,
        &lx->of_words,   &lx->not_counted, &lx->stopwords,  &lx->conjunctions, &lx->locatives};

    claim_index_release(&lx->index);
    wordcache_free(lx->stems);
    for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
        claim_plist_release(lists[i]);
    for (size_t i = 0; i < lx->ncats; i++) {
        free(lx->cats[i].name);
        claim_plist_release(&lx->cats[i].nouns);
        claim_plist_release(&lx->cats[i].verbs);
    }
    free(lx->cats);
    for (size_t i = 0; i < lx->nvictims; i++) {
        free(lx->victims[i].name);
        claim_plist_release(&lx->victims[i].words);
    }
    free(lx->victims);
    for (size_t i = 0; lx->genitive && lx->genitive[i]; i++)
        free(lx->genitive[i]);
    free(lx->genitive);
    if (lx->stemmer)
        sb_stemmer_delete(lx->stemmer);
    free(lx->lang);
    free(lx->locale);
    memset(lx, 0, sizeof(*lx));
}
