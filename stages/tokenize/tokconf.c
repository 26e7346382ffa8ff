#include "tokconf.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <utf8proc.h>

#include "config.h"
#include "err.h"
#include "utf8.h"

static int tokconf_size(const struct config_file *cf, const json_t *obj, const char *key,
                        size_t *out)
{
    double v;

    if (config_get_number(cf, obj, key, true, 0, &v) < 0)
        return -1;
    if (v < 0 || v > 1e15 || v != (double)(size_t)v)
        return config_error(cf, key, "must be a whole number >= 0");
    *out = (size_t)v;
    return 0;
}

static int tokconf_share(const struct config_file *cf, const json_t *obj, const char *key,
                         double *out)
{
    if (config_get_number(cf, obj, key, true, 0, out) < 0)
        return -1;
    if (*out < 0 || *out > 1)
        return config_error(cf, key, "must be between 0 and 1");
    return 0;
}

static int tokconf_str(const struct config_file *cf, const json_t *obj, const char *key, char **out)
{
    const char *s;

    if (config_get_string(cf, obj, key, true, NULL, &s) < 0)
        return -1;
    *out = strdup(s);
    return *out ? 0 : config_error(cf, key, "out of memory");
}

static int tokconf_set(const struct config_file *cf, const json_t *obj, const char *key,
                       struct tokset *out)
{
    const char *s;

    if (config_get_string(cf, obj, key, true, NULL, &s) < 0)
        return -1;
    return tokset_init(out, s) == 0 ? 0 : config_error(cf, key, "out of memory");
}

static int tokconf_strs(const struct config_file *cf, const json_t *obj, const char *key,
                        char ***out, size_t *n)
{
    const json_t *arr;

    if (config_get_strings(cf, obj, key, true, &arr) < 0)
        return -1;
    *n = json_array_size(arr);
    *out = calloc(*n + 1, sizeof(**out));
    if (!*out)
        return config_error(cf, key, "out of memory");
    for (size_t i = 0; i < *n; i++) {
        (*out)[i] = strdup(json_string_value(json_array_get(arr, i)));
        if (!(*out)[i])
            return config_error(cf, key, "out of memory");
    }
    return 0;
}

static void tokconf_free_strs(char **v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
}

static int tokconf_words(const struct config_file *cf, const json_t *obj, const char *key,
                         struct tokwords *ws)
{
    const json_t *arr;

    if (config_get_strings(cf, obj, key, true, &arr) < 0)
        return -1;
    if (tokwords_add_json(ws, arr) < 0)
        return config_error(cf, key, "holds a string that is not valid text");
    return 0;
}

static int tokconf_pattern_add(struct tokconf *tc, const struct config_file *cf, const json_t *item)
{
    static const char *const keys[] = {"name", "re", NULL};
    struct tokconf_pattern *p;
    char *re;

    if (!json_is_object(item) || config_keys(cf, item, "furniture", keys, keys) < 0)
        return json_is_object(item) ? -1 : config_error(cf, "furniture", "item is not an object");
    p = realloc(tc->patterns, (tc->npatterns + 1) * sizeof(*p));
    if (!p)
        return config_error(cf, "furniture", "out of memory");
    tc->patterns = p;
    p += tc->npatterns;
    if (tokconf_str(cf, item, "name", &p->name) < 0)
        return -1;
    const char *raw = json_string_value(json_object_get(item, "re"));
    re = raw ? utf8_fold(raw, strlen(raw), NULL) : NULL;
    int rc = re ? regcomp(&p->re, re, REG_EXTENDED) : -1;
    if (rc != 0) {
        free(re);
        free(p->name);
        return config_error(cf, "re", "is not a valid extended regular expression");
    }
    rc = refilter_init(&p->filter, re);
    free(re);
    if (rc != 0) {
        regfree(&p->re);
        free(p->name);
        return config_error(cf, "re", "out of memory");
    }
    tc->npatterns++;
    return 0;
}

static int tokconf_patterns(struct tokconf *tc, const struct config_file *cf, const json_t *obj)
{
    const json_t *arr = json_object_get(obj, "furniture");

    if (!json_is_array(arr))
        return config_error(cf, "furniture", "must be an array");
    for (size_t i = 0; i < json_array_size(arr); i++)
        if (tokconf_pattern_add(tc, cf, json_array_get(arr, i)) < 0)
            return -1;
    return 0;
}

static int tokconf_limits(struct tokconf *tc, const struct config_file *cf, const json_t *o)
{
    static const char *const keys[] = {"max_document_bytes", "max_sentence_bytes",
                                       "max_furniture_line_bytes", NULL};

    if (config_keys(cf, o, "limits", keys, keys) < 0 ||
        tokconf_size(cf, o, "max_document_bytes", &tc->max_document_bytes) < 0 ||
        tokconf_size(cf, o, "max_sentence_bytes", &tc->max_sentence_bytes) < 0 ||
        tokconf_size(cf, o, "max_furniture_line_bytes", &tc->furniture_max_line_bytes) < 0)
        return -1;
    if (tc->max_sentence_bytes < 16)
        return config_error(cf, "max_sentence_bytes", "must be at least 16");
    return 0;
}

static int tokconf_binary(struct tokconf *tc, const struct config_file *cf, const json_t *o)
{
    static const char *const keys[] = {"sample_bytes", "max_control_share", "max_invalid_share",
                                       NULL};

    if (config_keys(cf, o, "binary", keys, keys) < 0 ||
        tokconf_size(cf, o, "sample_bytes", &tc->binary_sample_bytes) < 0 ||
        tokconf_share(cf, o, "max_control_share", &tc->binary_control_share) < 0 ||
        tokconf_share(cf, o, "max_invalid_share", &tc->binary_invalid_share) < 0)
        return -1;
    return 0;
}

static int tokconf_langid(struct tokconf *tc, const struct config_file *cf, const json_t *o)
{
    static const char *const keys[] = {"model_dir", "default", "sample_bytes", "min_marker_hits",
                                       NULL};

    if (config_keys(cf, o, "langid", keys, keys) < 0 ||
        tokconf_str(cf, o, "model_dir", &tc->model_dir) < 0 ||
        tokconf_str(cf, o, "default", &tc->default_lang) < 0 ||
        tokconf_size(cf, o, "sample_bytes", &tc->langid_sample_bytes) < 0 ||
        tokconf_size(cf, o, "min_marker_hits", &tc->min_marker_hits) < 0)
        return -1;
    return 0;
}

static int tokconf_sentence(struct tokconf *tc, const struct config_file *cf, const json_t *o)
{
    static const char *const keys[] = {
        "terminators",         "closers",  "continuers",         "line_final",
        "lowercase_continues", "initials", "ordinal_max_digits", NULL};

    if (config_keys(cf, o, "sentence", keys, keys) < 0 ||
        tokconf_set(cf, o, "terminators", &tc->terminators) < 0 ||
        tokconf_set(cf, o, "closers", &tc->closers) < 0 ||
        tokconf_set(cf, o, "line_final", &tc->line_final) < 0 ||
        tokconf_set(cf, o, "continuers", &tc->continuers) < 0 ||
        config_get_bool(cf, o, "lowercase_continues", true, true, &tc->lowercase_continues) < 0 ||
        config_get_bool(cf, o, "initials", true, true, &tc->initials) < 0 ||
        tokconf_size(cf, o, "ordinal_max_digits", &tc->ordinal_max_digits) < 0)
        return -1;
    return 0;
}

static int tokconf_tokens(struct tokconf *tc, const struct config_file *cf, const json_t *o)
{
    static const char *const keys[] = {"symbols", "word_joiners", "group_separators", NULL};

    if (config_keys(cf, o, "tokens", keys, keys) < 0 ||
        tokconf_set(cf, o, "symbols", &tc->symbols) < 0 ||
        tokconf_set(cf, o, "word_joiners", &tc->word_joiners) < 0 ||
        tokconf_strs(cf, o, "group_separators", &tc->group_separators, &tc->ngroup_separators) < 0)
        return -1;
    return 0;
}

static int tokconf_foreign(struct tokconf *tc, const struct config_file *cf, const json_t *o)
{
    static const char *const keys[] = {"min_letters", "min_share", NULL};

    if (config_keys(cf, o, "foreign_script", keys, keys) < 0 ||
        tokconf_size(cf, o, "min_letters", &tc->foreign_min_letters) < 0 ||
        tokconf_share(cf, o, "min_share", &tc->foreign_min_share) < 0)
        return -1;
    return 0;
}

static int tokconf_range_add(struct tokconf *tc, const json_t *pair, size_t script)
{
    json_int_t lo, hi;

    if (json_unpack((json_t *)pair, "[II!]", &lo, &hi) < 0 || lo < 0 || hi < lo || hi > 0x10FFFF)
        return -1;
    struct tokconf_range *r = realloc(tc->ranges, (tc->nranges + 1) * sizeof(*r));
    if (!r)
        return -1;
    tc->ranges = r;
    tc->ranges[tc->nranges++] = (struct tokconf_range){(int32_t)lo, (int32_t)hi, script};
    return 0;
}

static int tokconf_scripts(struct tokconf *tc, const struct config_file *cf, const json_t *o)
{
    const char *name;
    json_t *ranges;

    tc->scripts = calloc(json_object_size(o) + 1, sizeof(*tc->scripts));
    if (!tc->scripts)
        return config_error(cf, "scripts", "out of memory");
    json_object_foreach((json_t *)o, name, ranges)
    {
        size_t script = tc->nscripts;
        tc->scripts[script] = strdup(name);
        if (!tc->scripts[script])
            return config_error(cf, "scripts", "out of memory");
        tc->nscripts++; /* owned from here, freed by tokconf_release() on error */
        for (size_t i = 0; i < json_array_size(ranges); i++)
            if (tokconf_range_add(tc, json_array_get(ranges, i), script) < 0)
                return config_error(cf, name, "must be a list of [first, last] code points");
        if (!json_is_array(ranges))
            return config_error(cf, name, "must be a list of [first, last] code points");
    }
    return 0;
}

static int tokconf_section(const struct config_file *cf, const char *key, const json_t **out)
{
    *out = json_object_get(cf->root, key);
    if (!json_is_object(*out))
        return config_error(cf, key, "must be an object");
    return 0;
}

static int tokconf_main(struct tokconf *tc, const struct config_file *cf)
{
    static const char *const keys[] = {"limits",   "binary",    "langid",
                                       "sentence", "tokens",    "foreign_script",
                                       "scripts",  "furniture", NULL};
    const json_t *o;

    if (config_keys(cf, cf->root, "", keys, keys) < 0)
        return -1;
    if (tokconf_section(cf, "limits", &o) < 0 || tokconf_limits(tc, cf, o) < 0 ||
        tokconf_section(cf, "binary", &o) < 0 || tokconf_binary(tc, cf, o) < 0 ||
        tokconf_section(cf, "langid", &o) < 0 || tokconf_langid(tc, cf, o) < 0 ||
        tokconf_section(cf, "sentence", &o) < 0 || tokconf_sentence(tc, cf, o) < 0 ||
        tokconf_section(cf, "tokens", &o) < 0 || tokconf_tokens(tc, cf, o) < 0 ||
        tokconf_section(cf, "foreign_script", &o) < 0 || tokconf_foreign(tc, cf, o) < 0 ||
        tokconf_section(cf, "scripts", &o) < 0 || tokconf_scripts(tc, cf, o) < 0)
        return -1;
    return tokconf_patterns(tc, cf, cf->root);
}

static int tokconf_lang_fill(struct tokconf *tc, struct tokconf_lang *l,
                             const struct config_file *cf)
{
    static const char *const keys[] = {"code",      "name",    "textcat",       "stemmer",
                                       "close",     "markers", "abbreviations", "ordinal_words",
                                       "furniture", NULL};

    if (config_keys(cf, cf->root, "", keys, keys) < 0 ||
        tokconf_str(cf, cf->root, "code", &l->code) < 0 ||
        tokconf_str(cf, cf->root, "name", &l->name) < 0 ||
        tokconf_str(cf, cf->root, "textcat", &l->textcat) < 0 ||
        tokconf_str(cf, cf->root, "stemmer", &l->stemmer) < 0 ||
        tokconf_strs(cf, cf->root, "close", &l->close, &l->nclose) < 0 ||
        tokconf_words(cf, cf->root, "markers", &l->markers) < 0 ||
        tokconf_words(cf, cf->root, "abbreviations", &l->abbreviations) < 0 ||
        tokconf_words(cf, cf->root, "ordinal_words", &l->ordinal_words) < 0)
        return -1;
    if (strspn(l->code, "abcdefghijklmnopqrstuvwxyz-") != strlen(l->code) || !l->code[0])
        return config_error(cf, "code", "must be a lowercase language code");
    return tokconf_patterns(tc, cf, cf->root);
}

static int tokconf_lang_load(struct tokconf *tc, const char *path)
{
    struct config_file cf;
    struct tokconf_lang *l = realloc(tc->langs, (tc->nlangs + 1) * sizeof(*l));

    if (!l)
        return error_at(path, 0, "out of memory");
    tc->langs = l;
    l += tc->nlangs++;
    memset(l, 0, sizeof(*l));
    tokwords_init(&l->markers);
    tokwords_init(&l->abbreviations);
    tokwords_init(&l->ordinal_words);
    if (config_load(&cf, path) < 0)
        return -1;
    int rc = tokconf_lang_fill(tc, l, &cf);
    config_file_release(&cf);
    return rc;
}

static bool tokconf_is_json(const char *name)
{
    size_t n = strlen(name);
    return n > 5 && name[0] != '.' && strcmp(name + n - 5, ".json") == 0;
}

static int tokconf_lang_dir(struct tokconf *tc, const char *dir)
{
    struct dirent **names;
    char *ldir = config_path(dir, "lang");
    int rc = 0;

    if (!ldir)
        return error_at(dir, 0, "out of memory");
    int n = scandir(ldir, &names, NULL, alphasort);
    if (n < 0) {
        error_at(ldir, 0, "cannot read the language folder");
        free(ldir);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        char *path = tokconf_is_json(names[i]->d_name) ? config_path(ldir, names[i]->d_name) : NULL;
        if (path && rc == 0)
            rc = tokconf_lang_load(tc, path);
        free(path);
        free(names[i]);
    }
    free(names);
    free(ldir);
    return rc;
}

static int tokconf_lang_cmp(const void *a, const void *b)
{
    return strcmp(((const struct tokconf_lang *)a)->code, ((const struct tokconf_lang *)b)->code);
}

static int tokconf_check_langs(struct tokconf *tc, const char *dir)
{
    if (tc->nlangs == 0)
        return error_at(dir, 0, "no language in lang/");
    qsort(tc->langs, tc->nlangs, sizeof(*tc->langs), tokconf_lang_cmp);
    for (size_t i = 1; i < tc->nlangs; i++)
        if (strcmp(tc->langs[i - 1].code, tc->langs[i].code) == 0)
            return error_at(dir, 0, "language '%s' configured twice", tc->langs[i].code);
    if (!tokconf_lang_get(tc, tc->default_lang))
        return error_at(dir, 0, "default language '%s' has no lang/%s.json", tc->default_lang,
                        tc->default_lang);
    return 0;
}

/* The token flags of ASCII character c (not NUL) of category k. */
static unsigned tokconf_token_flags(const struct tokconf *tc, int c, utf8proc_category_t k)
{
    bool wordish = k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_NO;
    bool space = c == ' ' || (c >= '\t' && c <= '\r');
    bool symbol = k == UTF8PROC_CATEGORY_PD ||
                  (k >= UTF8PROC_CATEGORY_SM && k <= UTF8PROC_CATEGORY_SO) ||
                  tokset_has(&tc->symbols, c);
    bool punct = !symbol && k >= UTF8PROC_CATEGORY_PC && k <= UTF8PROC_CATEGORY_PO;
    unsigned f = space ? TOKCONF_BYTE_SPACE : 0;

    if (!wordish && !space)
        f |= TOKCONF_BYTE_MARK | (punct ? TOKCONF_BYTE_PUNCT : 0);
    if (!wordish && !tokset_has(&tc->word_joiners, c))
        f |= TOKCONF_BYTE_STOP;
    return f;
}

/* The byte classes, from the categories, the terminators, symbols and word joiners. */
static void tokconf_byte_classes(struct tokconf *tc)
{
    for (int c = 1; c < 0x80; c++) {
        utf8proc_category_t k = (utf8proc_category_t)tc->ascii_category[c];
        tc->byte_class[c] =
            (unsigned char)((k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_NO
                                 ? TOKCONF_BYTE_WORD
                                 : 0) |
                            (tokset_has(&tc->terminators, c) ? 0 : TOKCONF_BYTE_PLAIN) |
                            tokconf_token_flags(tc, c, k));
    }
}

int tokconf_load(struct tokconf *tc, const char *dir)
{
    struct config_file cf;
    char *path = config_path(dir, "tokenize.json");

    memset(tc, 0, sizeof(*tc));
    if (!path)
        return error_at(dir, 0, "out of memory");
    for (int32_t c = 0; c < 0x80; c++)
        tc->ascii_category[c] = (unsigned char)utf8proc_category(c);
    int rc = config_load(&cf, path);
    free(path);
    if (rc < 0)
        return -1;
    rc = tokconf_main(tc, &cf);
    config_file_release(&cf);
    if (rc == 0)
        tokconf_byte_classes(tc);
    if (rc == 0)
        rc = tokconf_lang_dir(tc, dir);
    if (rc == 0)
        rc = tokconf_check_langs(tc, dir);
    if (rc < 0)
        tokconf_release(tc);
    return rc;
}

static void tokconf_lang_release(struct tokconf_lang *l)
{
    free(l->code);
    free(l->name);
    free(l->textcat);
    free(l->stemmer);
    tokconf_free_strs(l->close, l->nclose);
    tokwords_release(&l->markers);
    tokwords_release(&l->abbreviations);
    tokwords_release(&l->ordinal_words);
}

void tokconf_release(struct tokconf *tc)
{
    for (size_t i = 0; i < tc->nlangs; i++)
        tokconf_lang_release(&tc->langs[i]);
    free(tc->langs);
    for (size_t i = 0; i < tc->npatterns; i++) {
        free(tc->patterns[i].name);
        regfree(&tc->patterns[i].re);
        refilter_release(&tc->patterns[i].filter);
    }
    free(tc->patterns);
    tokconf_free_strs(tc->scripts, tc->nscripts);
    tokconf_free_strs(tc->group_separators, tc->ngroup_separators);
    free(tc->ranges);
    free(tc->model_dir);
    free(tc->default_lang);
    tokset_release(&tc->terminators);
    tokset_release(&tc->closers);
    tokset_release(&tc->line_final);
    tokset_release(&tc->continuers);
    tokset_release(&tc->symbols);
    tokset_release(&tc->word_joiners);
    memset(tc, 0, sizeof(*tc));
}

const struct tokconf_lang *tokconf_lang_get(const struct tokconf *tc, const char *code)
{
    for (size_t i = 0; code && i < tc->nlangs; i++)
        if (strcmp(tc->langs[i].code, code) == 0)
            return &tc->langs[i];
    return NULL;
}

size_t tokconf_script(const struct tokconf *tc, int32_t cp)
{
    for (size_t i = 0; i < tc->nranges; i++)
        if (cp >= tc->ranges[i].lo && cp <= tc->ranges[i].hi)
            return tc->ranges[i].script;
    return tc->nscripts;
}
