#include "numlex.h"

#include <dirent.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

enum numlex_shape {
    NUMLEX_LIST,   /* array of strings */
    NUMLEX_NUMBER, /* object of numbers */
    NUMLEX_QUAL,   /* object of qualifier names */
    NUMLEX_STRING, /* object of strings */
    NUMLEX_UNIT,   /* object of [kind, unit] */
    NUMLEX_WORDS,  /* object of arrays of strings */
};

struct numlex_spec {
    const char *key;
    enum numlex_shape shape;
    bool raw; /* keys as written, not folded */
};

/* Indexed by enum numlex_table. */
static const struct numlex_spec numlex_specs[NUMLEX_NTABLES] = {
    {"cardinals", NUMLEX_NUMBER, false},
    {"multipliers", NUMLEX_NUMBER, false},
    {"connectors", NUMLEX_LIST, false},
    {"articles", NUMLEX_LIST, false},
    {"weak_one", NUMLEX_LIST, false},
    {"one_blockers", NUMLEX_LIST, false},
    {"ordinals", NUMLEX_NUMBER, false},
    {"ordinal_suffixes", NUMLEX_LIST, true},
    {"denominators", NUMLEX_NUMBER, false},
    {"fixed", NUMLEX_NUMBER, false},
    {"shares", NUMLEX_LIST, false},
    {"share_of", NUMLEX_LIST, false},
    {"vague", NUMLEX_NUMBER, false},
    {"qualifiers", NUMLEX_QUAL, false},
    {"post_qualifiers", NUMLEX_QUAL, false},
    {"range_between", NUMLEX_STRING, false},
    {"range_joins", NUMLEX_LIST, false},
    {"percent", NUMLEX_LIST, false},
    {"suffixes", NUMLEX_NUMBER, true},
    {"units", NUMLEX_UNIT, false},
    {"prefix_units", NUMLEX_UNIT, false},
    {"months", NUMLEX_LIST, false},
    {"time_before", NUMLEX_LIST, false},
    {"time_after", NUMLEX_LIST, false},
    {"decade_suffixes", NUMLEX_LIST, true},
    {"decade_words", NUMLEX_LIST, false},
    {"negative", NUMLEX_LIST, false},
    {"point", NUMLEX_LIST, false},
    {"fraction_joins", NUMLEX_STRING, false},
    {"fraction_of", NUMLEX_LIST, false},
    {"determined_ordinals", NUMLEX_LIST, false},
    {"determiners", NUMLEX_LIST, false},
    {"qualifier_governors", NUMLEX_WORDS, false},
};

static const char *const numlex_scalars[] = {
    "notes", "decimal", "group", "ordinal_dot", "years", "juxtaposed_fractions", "noun_ordinals",
};

static bool numlex_words_ok(const json_t *v)
{
    size_t i;
    const json_t *w;

    if (!json_is_array(v))
        return false;
    json_array_foreach(v, i, w) if (!json_is_string(w)) return false;
    return true;
}

static bool numlex_value_ok(enum numlex_shape shape, const json_t *v)
{
    switch (shape) {
    case NUMLEX_NUMBER:
        return json_is_number(v);
    case NUMLEX_STRING:
        return json_is_string(v);
    case NUMLEX_QUAL: {
        const char *q = json_string_value(v);
        return q && (!strcmp(q, "exact") || !strcmp(q, "approx") || !strcmp(q, "min") ||
                     !strcmp(q, "max"));
    }
    case NUMLEX_UNIT:
        return json_is_array(v) && json_array_size(v) == 2 &&
               json_is_string(json_array_get(v, 0)) && json_is_string(json_array_get(v, 1));
    case NUMLEX_WORDS:
        return numlex_words_ok(v);
    case NUMLEX_LIST:
        break;
    }
    return true;
}

/* Add key (folded unless raw) -> v to t; *maxw grows to its token count. */
static int numlex_add(json_t *t, const char *key, json_t *v, bool raw, size_t *maxw)
{
    struct numtok_list toks = NUMTOK_LIST_INIT;
    char *norm = NULL;

    if (raw) {
        norm = strdup(key);
        *maxw = 1;
    } else if (numtok_lex(key, strlen(key), &toks) == 0) {
        norm = numtok_join(&toks, 0, toks.n);
        if (toks.n > *maxw)
            *maxw = toks.n;
    }
    numtok_list_release(&toks);
    if (!norm)
        return -1;
    int rc = json_object_set(t, norm, v);
    free(norm);
    return rc;
}

static int numlex_table(struct numlex *nl, enum numlex_table ti)
{
    const struct numlex_spec *sp = &numlex_specs[ti];
    const json_t *src = json_object_get(nl->cf.root, sp->key);
    const char *key;
    json_t *v;
    size_t i;

    nl->t[ti] = json_object();
    if (!nl->t[ti])
        return error_at(nl->cf.path, 0, "out of memory");
    if (!src)
        return 0;
    if (sp->shape == NUMLEX_LIST) {
        if (!json_is_array(src))
            return config_error(&nl->cf, sp->key, "is not a list");
        json_array_foreach(src, i, v)
        {
            if (!json_is_string(v))
                return config_error(&nl->cf, sp->key, "holds an item that is not a string");
            if (numlex_add(nl->t[ti], json_string_value(v), json_true(), sp->raw, &nl->maxw[ti]))
                return error_at(nl->cf.path, 0, "out of memory");
        }
        return 0;
    }
    if (!json_is_object(src))
        return config_error(&nl->cf, sp->key, "is not an object");
    json_object_foreach((json_t *)src, key, v)
    {
        if (!numlex_value_ok(sp->shape, v))
            return config_error(&nl->cf, key, "has a value of the wrong type");
        if (numlex_add(nl->t[ti], key, v, sp->raw, &nl->maxw[ti]) < 0)
            return error_at(nl->cf.path, 0, "out of memory");
    }
    return 0;
}

static int numlex_scalars_load(struct numlex *nl)
{
    const json_t *root = nl->cf.root, *years = json_object_get(root, "years");
    const char *dec;

    if (config_get_string(&nl->cf, root, "decimal", true, NULL, &dec) < 0)
        return -1;
    if (strcmp(dec, ".") != 0 && strcmp(dec, ",") != 0)
        return config_error(&nl->cf, "decimal", "is neither '.' nor ','");
    nl->decimal = dec[0];
    const json_t *group;
    if (config_get_strings(&nl->cf, root, "group", true, &group) < 0)
        return -1;
    nl->group = json_incref((json_t *)group);
    if (config_get_bool(&nl->cf, root, "ordinal_dot", false, false, &nl->ordinal_dot) < 0 ||
        config_get_bool(&nl->cf, root, "juxtaposed_fractions", false, false, &nl->juxtaposed) < 0 ||
        config_get_bool(&nl->cf, root, "noun_ordinals", false, false, &nl->noun_ordinals) < 0)
        return -1;
    nl->year_min = 1900;
    nl->year_max = 2100;
    if (years) {
        if (!json_is_array(years) || json_array_size(years) != 2 ||
            !json_is_number(json_array_get(years, 0)) || !json_is_number(json_array_get(years, 1)))
            return config_error(&nl->cf, "years", "is not a pair of numbers");
        nl->year_min = json_number_value(json_array_get(years, 0));
        nl->year_max = json_number_value(json_array_get(years, 1));
    }
    return 0;
}

/* The tables numval_word() splits compounds into. */
static const enum numlex_table numlex_parts[] = {
    NUMLEX_CARDINALS,    NUMLEX_MULTIPLIERS, NUMLEX_ORDINALS,
    NUMLEX_DENOMINATORS, NUMLEX_FIXED,       NUMLEX_CONNECTORS,
};

static int numlex_index(struct numlex *nl)
{
    _Static_assert(NUMLEX_NTABLES <= 64, "a table's bit must fit in uint64_t");
    for (size_t i = 0; i < NUMLEX_NTABLES; i++)
        if (numidx_build(&nl->ix[i], nl->t[i]) < 0 ||
            numidx_add_keys(&nl->all, nl->t[i], NUMLEX_BIT(i)) < 0 ||
            numidx_add_heads(&nl->heads, nl->t[i], NUMLEX_BIT(i)) < 0)
            return error_at(nl->cf.path, 0, "out of memory");
    for (size_t i = 0; i < sizeof(numlex_parts) / sizeof(*numlex_parts); i++)
        if (numidx_add_prefixes(&nl->parts, nl->t[numlex_parts[i]]) < 0)
            return error_at(nl->cf.path, 0, "out of memory");
    return 0;
}

static int numlex_check(struct numlex *nl)
{
    const char *allowed[NUMLEX_NTABLES + sizeof(numlex_scalars) / sizeof(*numlex_scalars) + 1];
    size_t k = 0;

    for (size_t i = 0; i < NUMLEX_NTABLES; i++)
        allowed[k++] = numlex_specs[i].key;
    for (size_t i = 0; i < sizeof(numlex_scalars) / sizeof(*numlex_scalars); i++)
        allowed[k++] = numlex_scalars[i];
    allowed[k] = NULL;
    static const char *const required[] = {"decimal", "group", "cardinals", NULL};
    if (config_keys(&nl->cf, nl->cf.root, "", allowed, required) < 0)
        return -1;
    if (numlex_scalars_load(nl) < 0)
        return -1;
    for (size_t i = 0; i < NUMLEX_NTABLES; i++)
        if (numlex_table(nl, (enum numlex_table)i) < 0)
            return -1;
    return numlex_index(nl);
}

static int numlex_finish(struct numlex *nl, const char *lang)
{
    nl->lang = strdup(lang);
    if (!nl->lang)
        return error_at(nl->cf.path, 0, "out of memory");
    if (!json_is_object(nl->cf.root))
        return error_at(nl->cf.path, 0, "not a JSON object");
    return numlex_check(nl);
}

int numlex_load(struct numlex *nl, const char *path, const char *lang)
{
    memset(nl, 0, sizeof(*nl));
    if (config_load(&nl->cf, path) < 0 || numlex_finish(nl, lang) < 0) {
        numlex_release(nl);
        return -1;
    }
    return 0;
}

int numlex_load_text(struct numlex *nl, const char *name, const char *text, const char *lang)
{
    memset(nl, 0, sizeof(*nl));
    if (config_load_text(&nl->cf, name, text, strlen(text)) < 0 || numlex_finish(nl, lang) < 0) {
        numlex_release(nl);
        return -1;
    }
    return 0;
}

void numlex_release(struct numlex *nl)
{
    for (size_t i = 0; i < NUMLEX_NTABLES; i++) {
        numidx_release(&nl->ix[i]);
        json_decref(nl->t[i]);
    }
    numidx_release(&nl->parts);
    numidx_release(&nl->all);
    numidx_release(&nl->heads);
    json_decref(nl->group);
    config_file_release(&nl->cf);
    free(nl->lang);
    memset(nl, 0, sizeof(*nl));
}

static int numlex_name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted base names of dir's *.json files, NULL-terminated; NULL on error. */
static char **numlex_names(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    char **names = NULL;

    *n = 0;
    if (!d)
        return NULL;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len <= 5 || strcmp(e->d_name + len - 5, ".json") != 0 || e->d_name[0] == '.')
            continue;
        char **nn = realloc(names, (*n + 2) * sizeof(*names));
        if (!nn)
            break;
        names = nn;
        names[(*n)++] = strndup(e->d_name, len - 5);
        names[*n] = NULL;
    }
    closedir(d);
    if (names)
        qsort(names, *n, sizeof(*names), numlex_name_cmp);
    return names;
}

static int numlex_set_fill(struct numlex_set *set, const char *dir, char **names, size_t n)
{
    set->v = calloc(n, sizeof(*set->v));
    if (!set->v)
        return error_at(dir, 0, "out of memory");
    for (size_t i = 0; i < n; i++) {
        char file[512];
        if (!names[i])
            return error_at(dir, 0, "out of memory");
        snprintf(file, sizeof(file), "%s/%s.json", dir, names[i]);
        if (numlex_load(&set->v[i], file, names[i]) < 0)
            return -1;
        set->n++;
    }
    return 0;
}

int numlex_set_load(struct numlex_set *set, const char *config_dir)
{
    char *dir = config_path(config_dir, "numbers");
    size_t n = 0;
    int rc = -1;

    set->v = NULL;
    set->n = 0;
    if (!dir)
        return error_at(config_dir, 0, "out of memory");
    char **names = numlex_names(dir, &n);
    if (!names || n == 0)
        error_at(dir, 0, "no number lexicon (<lang>.json) found");
    else
        rc = numlex_set_fill(set, dir, names, n);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    free(dir);
    if (rc < 0)
        numlex_set_release(set);
    return rc;
}

void numlex_set_release(struct numlex_set *set)
{
    for (size_t i = 0; i < set->n; i++)
        numlex_release(&set->v[i]);
    free(set->v);
    set->v = NULL;
    set->n = 0;
}

const struct numlex *numlex_set_find(const struct numlex_set *set, const char *lang)
{
    for (size_t i = 0; lang && i < set->n; i++)
        if (strcmp(set->v[i].lang, lang) == 0)
            return &set->v[i];
    for (size_t i = 0; i < set->n; i++)
        if (strcmp(set->v[i].lang, "en") == 0)
            return &set->v[i];
    return set->n ? &set->v[0] : NULL;
}

const json_t *numlex_get(const struct numlex *nl, enum numlex_table t, const char *key)
{
    const struct numidx_entry *e = numidx_find(&nl->ix[t], key, strlen(key));
    return e ? e->val : NULL;
}

bool numlex_has(const struct numlex *nl, enum numlex_table t, const char *key)
{
    return numidx_find(&nl->ix[t], key, strlen(key)) != NULL;
}

uint64_t numlex_tables(const struct numlex *nl, const char *key)
{
    const struct numidx_entry *e = numidx_find(&nl->all, key, strlen(key));
    return e ? e->tables : 0;
}

void numlex_mark_one(const struct numlex *nl, struct numtok *tok)
{
    const char *f = tok->fold;
    size_t len = tok->flen, head = strcspn(f, " ");
    uint32_t h = tok->hash;
    const struct numidx_entry *e = numidx_find_hashed(&nl->all, f, len, h),
                              *hd = head == len ? numidx_find_hashed(&nl->heads, f, len, h)
                                                : numidx_find(&nl->heads, f, head);

    tok->tables = e ? e->tables : 0;
    tok->heads = hd ? hd->tables : 0;
}

void numlex_mark(const struct numlex *nl, struct numtok_list *toks)
{
    for (size_t i = 0; i < toks->n; i++)
        numlex_mark_one(nl, &toks->v[i]);
    toks->marked = nl;
}

bool numlex_hasn(const struct numlex *nl, enum numlex_table t, const char *key, size_t len)
{
    return numidx_find(&nl->ix[t], key, len) != NULL;
}

double numlex_numn(const struct numlex *nl, enum numlex_table t, const char *key, size_t len)
{
    const struct numidx_entry *e = numidx_find(&nl->ix[t], key, len);
    return e ? e->num : NAN;
}

double numlex_num(const struct numlex *nl, enum numlex_table t, const char *key)
{
    return numlex_numn(nl, t, key, strlen(key));
}

bool numlex_part_prefix(const struct numlex *nl, const char *key, size_t len, bool *whole)
{
    const struct numidx_entry *e = numidx_find(&nl->parts, key, len);

    *whole = e && e->whole;
    return e != NULL;
}

/*
 * The folded tokens toks->v[i..i+w) joined by single spaces (numtok_join()'s
 * form) into key, as many of them as fit in cap bytes; *len gets the length.
 * Returns how many were joined.
 */
static size_t numlex_join(const struct numtok_list *toks, size_t i, size_t w, char *key, size_t cap,
                          size_t *len)
{
    size_t at = 0;

    for (size_t k = 0; k < w; k++) {
        const char *f = toks->v[i + k].fold;
        size_t fl = strlen(f);
        if (at + (k > 0) + fl > cap)
            return k;
        if (k > 0)
            key[at++] = ' ';
        memcpy(key + at, f, fl);
        at += fl;
        *len = at;
    }
    return w;
}

/* The longest match of at most w tokens: no key is longer than the index's longest. */
static size_t numlex_match_in(const struct numidx *ix, const struct numtok_list *toks, size_t i,
                              size_t w, char *key, const json_t **val)
{
    size_t len = 0;

    for (w = numlex_join(toks, i, w, key, ix->maxlen, &len); w >= 1; w--) {
        const struct numidx_entry *e = numidx_find(ix, key, len);
        if (e) {
            if (val)
                *val = e->val;
            return w;
        }
        if (w > 1)
            len -= strlen(toks->v[i + w - 1].fold) + 1;
    }
    return 0;
}

/* The tables with a key whose first word is token i's fold. */
static uint64_t numlex_heads(const struct numlex *nl, const struct numtok_list *toks, size_t i)
{
    const char *f = toks->v[i].fold;

    if (toks->marked == nl)
        return toks->v[i].heads;
    const struct numidx_entry *head = numidx_find(&nl->heads, f, strcspn(f, " "));
    return head ? head->tables : 0;
}

size_t numlex_match(const struct numlex *nl, enum numlex_table t, const struct numtok_list *toks,
                    size_t i, size_t end, const json_t **val)
{
    const struct numidx *ix = &nl->ix[t];
    char stack[256], *key = stack;
    size_t maxw = nl->maxw[t];

    if (end > toks->n)
        end = toks->n;
    if (i >= end || maxw == 0 || ix->n == 0)
        return 0;
    if (maxw > end - i)
        maxw = end - i;
    /*
     * Most tokens begin no phrase. When the joined tokens equal a key, the
     * first token's fold and the key agree up to their first space.
     */
    if (!(numlex_heads(nl, toks, i) & NUMLEX_BIT(t)))
        return 0;
    if (ix->maxlen > sizeof(stack) && !(key = malloc(ix->maxlen)))
        return 0;
    size_t w = numlex_match_in(ix, toks, i, maxw, key, val);
    if (key != stack)
        free(key);
    return w;
}
