#include "place.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "config.h"
#include "err.h"
#include "utf8.h"
#include "wordcache.h"

#define PLACE_ISO_DEFAULT "/usr/share/iso-codes/json/iso_3166-1.json"
#define PLACE_LOCALE_DEFAULT "/usr/share/locale"
#define PLACE_MO_MAGIC 0x950412deU
/* Lookups remembered: 16384 (some 1.5 MB a cache, a thread) */
#define PLACE_CACHE_BITS 14
/* Keys of spans joined from their pieces (place_lookup_cut) longer than this are left to
 * place_key() */
#define PLACE_KEY_MAX 255
/* The prefix filter: 2^20 bits (128 kB) for some 60,000 beginnings of names */
#define PLACE_PREFIX_BITS 20
#define PLACE_FNV_BASIS 14695981039346656037ULL
/* Suffix lists told apart in cache keys; lookups with more lists are not remembered */
#define PLACE_SUFFIX_LISTS 16
/* A lookup cache key begins with its suffix list's number and its length, a byte each */
#define PLACE_CACHE_HEAD 2

/*
 * The suffix lists lookups were given, numbered in the order first seen: a
 * lookup's cache key holds the number, not the list's address, so which
 * lookups share a cache slot (and the work done) does not hang on where
 * the lists were put in memory.
 */
struct place_suffix_ids {
    char *const *lists[PLACE_SUFFIX_LISTS];
    size_t n;
    size_t last; /* the number last asked for (a document's lookups share one list) */
};

struct place_name {
    char *key;    /* folded name */
    char *exact;  /* the name as it must be written (acronyms), or NULL */
    size_t id;    /* index into ids */
    size_t order; /* insertion order: the first name added wins */
};

struct place_index {
    struct place_name *names;
    size_t nnames, capnames;
    char **ids;
    char **parents; /* "" when none */
    size_t nids, capids;
    size_t exact_max;             /* the longest spelling a name must have (exact) */
    struct wordcache *cache;      /* lookups done: text and suffixes -> id */
    unsigned char *prefixes;      /* bit set: hashes of every beginning of a key (place_prefix) */
    struct wordcache *word_cache; /* place_prefix_word(): word -> known, key length */
    struct wordcache *fold_cache; /* place_lookup_cut(): piece -> its folded key */
    struct place_suffix_ids *suffix_ids; /* the number of each suffix list in cache keys */
    size_t nprefix_bits;
};

/* One message of a catalogue, as its sorted index holds it. */
struct place_msg {
    const char *orig, *trans;
    uint32_t at;
};

/* A gettext catalogue: pairs of NUL-terminated strings inside data. */
struct place_mo {
    char *data;
    size_t size;
    uint32_t n;
    const char **orig;
    const char **trans;
    struct place_msg *sorted; /* the messages by msgid, then by place in the catalogue */
};

/* ’ read as ' in the len bytes of the key k, which ends with a NUL there. */
static void place_key_apostrophes(char *k, size_t len)
{
    size_t j = 0;

    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)k[i] == 0xE2 && i + 2 < len && (unsigned char)k[i + 1] == 0x80 &&
            (unsigned char)k[i + 2] == 0x99) {
            k[j++] = '\'';
            i += 2;
        } else {
            k[j++] = k[i];
        }
    }
    k[j] = '\0';
}

static char *place_key(const char *text, size_t n)
{
    size_t len;
    char *k = utf8_fold(text, n, &len);

    if (k)
        place_key_apostrophes(k, len);
    return k;
}

static size_t place_id_find(const struct place_index *idx, const char *id)
{
    for (size_t i = 0; i < idx->nids; i++)
        if (strcmp(idx->ids[i], id) == 0)
            return i;
    return SIZE_MAX;
}

/* The index of id, added when new. SIZE_MAX when memory ran out. */
static size_t place_id_add(struct place_index *idx, const char *id, const char *parent)
{
    size_t i = place_id_find(idx, id);

    if (i != SIZE_MAX)
        return i;
    if (idx->nids == idx->capids) {
        size_t cap = idx->capids ? 2 * idx->capids : 256;
        char **ids = realloc(idx->ids, cap * sizeof(*ids));
        if (!ids)
            return SIZE_MAX;
        idx->ids = ids;
        char **parents = realloc(idx->parents, cap * sizeof(*parents));
        if (!parents)
            return SIZE_MAX;
        idx->parents = parents;
        idx->capids = cap;
    }
    idx->ids[idx->nids] = strdup(id);
    idx->parents[idx->nids] = strdup(parent ? parent : "");
    if (!idx->ids[idx->nids] || !idx->parents[idx->nids]) {
        free(idx->ids[idx->nids]);
        free(idx->parents[idx->nids]);
        return SIZE_MAX;
    }
    return idx->nids++;
}

static bool place_is_acronym(const char *name)
{
    size_t len = strlen(name);
    bool upper = false;

    if (len > 6)
        return false;
    for (const char *p = name; *p; p++) {
        if (*p >= 'a' && *p <= 'z')
            return false;
        if (*p >= 'A' && *p <= 'Z')
            upper = true;
    }
    return upper;
}

/* Add name for place id. Returns 0, or -1 when memory ran out. */
static int place_name_add(struct place_index *idx, const char *name, size_t id)
{
    if (!name || !*name)
        return 0;
    if (idx->nnames == idx->capnames) {
        size_t cap = idx->capnames ? 2 * idx->capnames : 1024;
        struct place_name *names = realloc(idx->names, cap * sizeof(*names));
        if (!names)
            return -1;
        idx->names = names;
        idx->capnames = cap;
    }
    struct place_name *pn = &idx->names[idx->nnames];
    pn->key = place_key(name, strlen(name));
    pn->exact = place_is_acronym(name) ? strdup(name) : NULL;
    pn->id = id;
    pn->order = idx->nnames;
    if (!pn->key || (place_is_acronym(name) && !pn->exact)) {
        free(pn->key);
        free(pn->exact);
        return pn->key ? -1 : 0; /* a name that is not UTF-8 is left out */
    }
    idx->nnames++;
    return 0;
}

/* "Iran, Islamic Republic of" is also "Iran". */
static int place_name_add_short(struct place_index *idx, const char *name, size_t id)
{
    const char *comma = name ? strstr(name, ", ") : NULL;

    if (place_name_add(idx, name, id) < 0)
        return -1;
    if (!comma)
        return 0;
    char *head = strndup(name, (size_t)(comma - name));
    if (!head)
        return -1;
    int rc = place_name_add(idx, head, id);
    free(head);
    return rc;
}

static char *place_slug(const char *name)
{
    char *k = place_key(name, strlen(name));
    size_t j = 0;

    if (!k)
        return NULL;
    for (size_t i = 0; k[i]; i++) {
        unsigned char c = (unsigned char)k[i];
        bool keep = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep)
            k[j++] = k[i];
        else if (j > 0 && k[j - 1] != '-')
            k[j++] = '-';
    }
    while (j > 0 && k[j - 1] == '-')
        j--;
    k[j] = '\0';
    return k;
}

static void place_mo_release(struct place_mo *mo)
{
    free(mo->data);
    free(mo->orig);
    free(mo->trans);
    free(mo->sorted);
    memset(mo, 0, sizeof(*mo));
}

static uint32_t place_mo_u32(const struct place_mo *mo, size_t off, bool swap)
{
    uint32_t v;

    memcpy(&v, mo->data + off, 4);
    if (swap)
        v = (v >> 24) | ((v >> 8) & 0xFF00U) | ((v << 8) & 0xFF0000U) | (v << 24);
    return v;
}

/* The string of table entry i at table offset tab, or NULL when out of bounds. */
static const char *place_mo_str(const struct place_mo *mo, uint32_t tab, uint32_t i, bool swap)
{
    size_t at = (size_t)tab + 8 * (size_t)i;

    if (at + 8 > mo->size)
        return NULL;
    uint32_t len = place_mo_u32(mo, at, swap);
    uint32_t off = place_mo_u32(mo, at + 4, swap);
    if ((size_t)off + len >= mo->size || mo->data[off + len] != '\0')
        return NULL;
    return mo->data + off;
}

static int place_msg_cmp(const void *a, const void *b)
{
    const struct place_msg *x = a, *y = b;
    int c = strcmp(x->orig, y->orig);

    return c ? c : (x->at > y->at) - (x->at < y->at);
}

/* Index the messages by msgid, for place_mo_get() to search. Returns 0 or -1. */
static int place_mo_sort(struct place_mo *mo)
{
    mo->sorted = malloc((mo->n + 1) * sizeof(*mo->sorted));
    if (!mo->sorted)
        return -1;
    for (uint32_t i = 0; i < mo->n; i++)
        mo->sorted[i] = (struct place_msg){mo->orig[i], mo->trans[i], i};
    qsort(mo->sorted, mo->n, sizeof(*mo->sorted), place_msg_cmp);
    return 0;
}

/* Parse the catalogue in mo->data. Returns 0, or -1 when it is not one. */
static int place_mo_parse(struct place_mo *mo)
{
    if (mo->size < 20)
        return -1;
    uint32_t magic = place_mo_u32(mo, 0, false);
    bool swap = magic != PLACE_MO_MAGIC;
    if (swap && place_mo_u32(mo, 0, true) != PLACE_MO_MAGIC)
        return -1;
    mo->n = place_mo_u32(mo, 8, swap);
    uint32_t otab = place_mo_u32(mo, 12, swap), ttab = place_mo_u32(mo, 16, swap);
    if (mo->n > mo->size / 8)
        return -1;
    mo->orig = calloc(mo->n + 1, sizeof(char *));
    mo->trans = calloc(mo->n + 1, sizeof(char *));
    if (!mo->orig || !mo->trans)
        return -1;
    for (uint32_t i = 0; i < mo->n; i++) {
        mo->orig[i] = place_mo_str(mo, otab, i, swap);
        mo->trans[i] = place_mo_str(mo, ttab, i, swap);
        if (!mo->orig[i] || !mo->trans[i])
            return -1;
    }
    return place_mo_sort(mo);
}

/* Read a catalogue. Returns 1, 0 when there is none, -1 on error (reported). */
static int place_mo_load(struct place_mo *mo, const char *path)
{
    FILE *fp = fopen(path, "rb");
    struct buf b = BUF_INIT;
    char chunk[8192];
    size_t n;

    memset(mo, 0, sizeof(*mo));
    if (!fp)
        return errno == ENOENT ? 0 : error_at(path, 0, "cannot open: %s", strerror(errno));
    while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
        if (buf_add(&b, chunk, n) < 0)
            break;
    bool bad = ferror(fp) || n > 0;
    fclose(fp);
    mo->size = b.len;
    mo->data = buf_detach(&b);
    if (bad || !mo->data || place_mo_parse(mo) < 0) {
        place_mo_release(mo);
        return error_at(path, 0, "not a readable gettext catalogue");
    }
    return 1;
}

/* The translation of msgid: that of its first message in the catalogue, or NULL. */
static const char *place_mo_get(const struct place_mo *mo, const char *msgid)
{
    size_t lo = 0, hi = mo->n;

    if (!msgid)
        return NULL;
    while (lo < hi) { /* the first message whose msgid is not below msgid */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(mo->sorted[mid].orig, msgid) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < mo->n && strcmp(mo->sorted[lo].orig, msgid) == 0 ? mo->sorted[lo].trans : NULL;
}

/* The names of one iso-codes country, English then each catalogue's. */
static int place_country_names(struct place_index *idx, const json_t *c, size_t id,
                               const struct place_mo *mos, size_t nmos)
{
    static const char *const fields[] = {"name", "official_name", "common_name", NULL};

    for (const char *const *f = fields; *f; f++) {
        const char *en = json_string_value(json_object_get(c, *f));
        if (place_name_add_short(idx, en, id) < 0)
            return -1;
        for (size_t m = 0; en && m < nmos; m++)
            if (place_name_add_short(idx, place_mo_get(&mos[m], en), id) < 0)
                return -1;
    }
    return 0;
}

/* The id places.json gives the country with this alpha_2 code, or NULL. */
static const char *place_override(const json_t *countries, const char *alpha2)
{
    size_t i;
    json_t *c;

    json_array_foreach(countries, i, c)
    {
        const char *iso = json_string_value(json_object_get(c, "iso"));
        if (iso && alpha2 && strcmp(iso, alpha2) == 0)
            return json_string_value(json_object_get(c, "id"));
    }
    return NULL;
}

static int place_country(struct place_index *idx, const json_t *c, const json_t *countries,
                         const struct place_mo *mos, size_t nmos)
{
    const char *alpha2 = json_string_value(json_object_get(c, "alpha_2"));
    const char *common = json_string_value(json_object_get(c, "common_name"));
    const char *name = json_string_value(json_object_get(c, "name"));
    const char *given = place_override(countries, alpha2);
    char *slug = NULL;

    if (!given) {
        slug = place_slug(common ? common : name ? name : "");
        if (!slug)
            return -1;
    }
    size_t id = place_id_add(idx, given ? given : slug, "");
    free(slug);
    if (id == SIZE_MAX || place_country_names(idx, c, id, mos, nmos) < 0)
        return -1;
    return 0;
}

static int place_load_iso(struct place_index *idx, const char *iso_path, const char *locale_dir,
                          const char *const *locales, const json_t *countries)
{
    json_error_t jerr;
    json_t *root = json_load_file(iso_path, 0, &jerr);
    struct place_mo mos[16];
    size_t nmos = 0;
    int rc = -1;

    if (!root)
        return error_at(iso_path, (size_t)(jerr.line > 0 ? jerr.line : 0), "%s", jerr.text);
    const json_t *list = json_object_get(root, "3166-1");
    if (!json_is_array(list)) {
        error_at(iso_path, 0, "no '3166-1' list of countries");
        goto out;
    }
    for (size_t i = 0; locales && locales[i] && nmos < 16; i++) {
        if (!*locales[i])
            continue;
        char path[4096];
        snprintf(path, sizeof(path), "%s/%s/LC_MESSAGES/iso_3166-1.mo", locale_dir, locales[i]);
        int got = place_mo_load(&mos[nmos], path);
        if (got < 0)
            goto out;
        nmos += (size_t)got;
    }
    size_t i;
    json_t *c;
    json_array_foreach(list, i, c)
    {
        if (place_country(idx, c, countries, mos, nmos) < 0) {
            error_at(iso_path, 0, "out of memory");
            goto out;
        }
    }
    rc = 0;
out:
    for (size_t m = 0; m < nmos; m++)
        place_mo_release(&mos[m]);
    json_decref(root);
    return rc;
}

static int place_aliases(struct place_index *idx, const struct config_file *cf, const json_t *e,
                         size_t id)
{
    const json_t *aliases;
    size_t i;
    json_t *a;

    if (config_get_strings(cf, e, "aliases", true, &aliases) < 0)
        return -1;
    json_array_foreach(aliases, i, a)
    {
        if (place_name_add(idx, json_string_value(a), id) < 0)
            return error_at(cf->path, 0, "out of memory");
    }
    return 0;
}

/* The "countries" (by iso code) or "places" (by id) entries of places.json. */
static int place_load_entries(struct place_index *idx, const struct config_file *cf,
                              const char *key, bool by_iso)
{
    static const char *const ckeys[] = {"iso", "id", "aliases", NULL};
    static const char *const pkeys[] = {"id", "parent", "aliases", NULL};
    static const char *const creq[] = {"iso", "id", "aliases", NULL};
    static const char *const preq[] = {"id", "aliases", NULL};
    const json_t *list = json_object_get(cf->root, key);
    size_t i;
    json_t *e;

    if (list && !json_is_array(list))
        return config_error(cf, key, "is not a list");
    json_array_foreach(list, i, e)
    {
        const char *id, *parent;
        if (config_keys(cf, e, key, by_iso ? ckeys : pkeys, by_iso ? creq : preq) < 0 ||
            config_get_string(cf, e, "id", false, NULL, &id) < 0 ||
            config_get_string(cf, e, "parent", false, "", &parent) < 0)
            return -1;
        size_t ix = by_iso ? place_id_find(idx, id) : place_id_add(idx, id, parent);
        if (ix == SIZE_MAX)
            return config_error(cf, by_iso ? "iso" : "id", "names no country known to iso-codes");
        if (place_aliases(idx, cf, e, ix) < 0)
            return -1;
    }
    return 0;
}

static int place_check_parents(const struct place_index *idx, const struct config_file *cf)
{
    for (size_t i = 0; i < idx->nids; i++) {
        if (*idx->parents[i] && place_id_find(idx, idx->parents[i]) == SIZE_MAX)
            return config_error(cf, "parent", "names an unknown place");
    }
    return 0;
}

static int place_cmp(const void *a, const void *b)
{
    const struct place_name *x = a, *y = b;
    int c = strcmp(x->key, y->key);

    if (c)
        return c;
    return x->order < y->order ? -1 : x->order > y->order;
}

static int place_load_config(struct place_index *idx, const struct config_file *cf,
                             const char *const *locales)
{
    static const char *const keys[] = {"iso_codes", "locale_dir", "countries", "places", NULL};
    const char *iso, *locale_dir;
    const json_t *countries = json_object_get(cf->root, "countries");

    if (config_keys(cf, cf->root, "", keys, NULL) < 0 ||
        config_get_string(cf, cf->root, "iso_codes", false, PLACE_ISO_DEFAULT, &iso) < 0 ||
        config_get_string(cf, cf->root, "locale_dir", false, PLACE_LOCALE_DEFAULT, &locale_dir) < 0)
        return -1;
    if (countries && !json_is_array(countries))
        return config_error(cf, "countries", "is not a list");
    /* places.json's own names come first, so they win over iso-codes' */
    if (place_load_entries(idx, cf, "places", false) < 0 ||
        place_load_iso(idx, iso, locale_dir, locales, countries) < 0 ||
        place_load_entries(idx, cf, "countries", true) < 0 || place_check_parents(idx, cf) < 0)
        return -1;
    return 0;
}

/* FNV-1a, one byte more of a key. */
static uint64_t place_hash_step(uint64_t h, unsigned char c)
{
    return (h ^ c) * 1099511628211ULL;
}

/* The filter's bit for hash h: the filter has 2^PLACE_PREFIX_BITS, a constant mask. */
static size_t place_prefix_bit(uint64_t h)
{
    return (size_t)(h ^ (h >> 29)) & (((size_t)1 << PLACE_PREFIX_BITS) - 1);
}

/* Note every beginning of every name's key in the prefix filter. Returns 0 or -1. */
static int place_prefixes_load(struct place_index *idx)
{
    idx->nprefix_bits = (size_t)1 << PLACE_PREFIX_BITS;
    idx->prefixes = calloc(idx->nprefix_bits / 8, 1);
    if (!idx->prefixes)
        return -1;
    for (size_t i = 0; i < idx->nnames; i++) {
        uint64_t h = PLACE_FNV_BASIS;
        for (const char *k = idx->names[i].key; *k; k++) {
            size_t bit = place_prefix_bit(h = place_hash_step(h, (unsigned char)*k));
            idx->prefixes[bit / 8] |= (unsigned char)(1U << (bit % 8));
        }
    }
    return 0;
}

struct place_index *place_index_load(const char *places_json, const char *const *locales)
{
    struct config_file cf;
    struct place_index *idx = calloc(1, sizeof(*idx));

    if (!idx) {
        error_at(places_json, 0, "out of memory");
        return NULL;
    }
    if (config_load(&cf, places_json) < 0) {
        free(idx);
        return NULL;
    }
    int rc = place_load_config(idx, &cf, locales);
    config_file_release(&cf);
    if (rc < 0) {
        place_index_free(idx);
        return NULL;
    }
    qsort(idx->names, idx->nnames, sizeof(*idx->names), place_cmp);
    for (size_t i = 0; i < idx->nnames; i++)
        if (idx->names[i].exact && strlen(idx->names[i].exact) > idx->exact_max)
            idx->exact_max = strlen(idx->names[i].exact);
    idx->cache = wordcache_new(PLACE_CACHE_BITS);
    idx->word_cache = wordcache_new(PLACE_CACHE_BITS);
    idx->fold_cache = wordcache_new(PLACE_CACHE_BITS);
    idx->suffix_ids = calloc(1, sizeof(*idx->suffix_ids));
    if (!idx->cache || !idx->word_cache || !idx->fold_cache || !idx->suffix_ids ||
        place_prefixes_load(idx) < 0) {
        error_at(places_json, 0, "out of memory");
        place_index_free(idx);
        return NULL;
    }
    return idx;
}

void place_index_free(struct place_index *idx)
{
    if (!idx)
        return;
    for (size_t i = 0; i < idx->nnames; i++) {
        free(idx->names[i].key);
        free(idx->names[i].exact);
    }
    for (size_t i = 0; i < idx->nids; i++) {
        free(idx->ids[i]);
        free(idx->parents[i]);
    }
    wordcache_free(idx->cache);
    free(idx->prefixes);
    wordcache_free(idx->word_cache);
    wordcache_free(idx->fold_cache);
    free(idx->suffix_ids);
    free(idx->names);
    free(idx->ids);
    free(idx->parents);
    free(idx);
}

/* The first name (in insertion order) equal to key whose spelling text fits. */
static const char *place_find(const struct place_index *idx, const char *key, const char *text)
{
    size_t lo = 0, hi = idx->nnames;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(idx->names[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < idx->nnames && strcmp(idx->names[i].key, key) == 0; i++) {
        const struct place_name *pn = &idx->names[i];
        if (!pn->exact || strncmp(pn->exact, text, strlen(pn->exact)) == 0)
            return idx->ids[pn->id];
    }
    return NULL;
}

/* The name of key (modified, then restored), or of key less a genitive suffix; or NULL. */
static const char *place_find_suffixed(const struct place_index *idx, char *key, const char *text,
                                       char *const *suffixes)
{
    const char *id = place_find(idx, key, text);
    size_t len = strlen(key);
    for (size_t i = 0; !id && suffixes && suffixes[i]; i++) {
        size_t sl = strlen(suffixes[i]);
        if (len > sl + 2 && strcmp(key + len - sl, suffixes[i]) == 0) {
            key[len - sl] = '\0';
            id = place_find(idx, key, text);
            key[len - sl] = suffixes[i][0];
        }
    }
    return id;
}

static bool place_ascii(const char *s, size_t n);

/* place_lookup_uncached() of ASCII text (no NUL) of at most PLACE_KEY_MAX bytes: its key is its
 * lower case, made without allocating. */
static const char *place_lookup_ascii(const struct place_index *idx, const char *text, size_t n,
                                      char *const *suffixes)
{
    char key[PLACE_KEY_MAX + 1];

    for (size_t i = 0; i < n; i++)
        key[i] = (char)(text[i] >= 'A' && text[i] <= 'Z' ? text[i] + ('a' - 'A') : text[i]);
    key[n] = '\0';
    return place_find_suffixed(idx, key, text, suffixes);
}

static const char *place_lookup_uncached(const struct place_index *idx, const char *text, size_t n,
                                         char *const *suffixes)
{
    if (n <= PLACE_KEY_MAX && place_ascii(text, n))
        return place_lookup_ascii(idx, text, n, suffixes);
    char *key = place_key(text, n);

    if (!key)
        return NULL;
    const char *id = place_find_suffixed(idx, key, text, suffixes);
    free(key);
    return id;
}

/* ASCII without NUL: folds to its lower case byte for byte (utf8_fold()). */
static bool place_ascii(const char *s, size_t n)
{
    size_t i = 0;

    while (i + 8 <= n && utf8_ascii8(s + i))
        i += 8;
    for (; i < n; i++)
        if ((unsigned char)s[i] >= 0x80 || s[i] == '\0')
            return false;
    return true;
}

/*
 * A span may be cut before an ASCII byte or a Latin letter U+00C0-U+023F
 * (lead byte 0xC3-0xC8): such a character composes with nothing before it
 * (NFC) and folds alone, so the pieces fold apart and their keys join.
 */
static bool place_cut_ok(unsigned char c)
{
    return c < 0x80 || (c >= 0xC3 && c <= 0xC8);
}

/* Append the folded piece p[0..n) to key[0..*len) (room for cap bytes). false when it cannot. */
static bool place_fold_piece(const struct place_index *idx, const char *p, size_t n, char *key,
                             size_t *len, size_t cap)
{
    size_t flen;
    const char *hit;

    if (place_ascii(p, n)) {
        if (cap - *len < n)
            return false;
        for (size_t i = 0; i < n; i++)
            key[(*len)++] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + ('a' - 'A') : p[i]);
        return true;
    }
    if (!(hit = wordcache_get(idx->fold_cache, p, n, &flen))) {
        char *fold = utf8_fold(p, n, &flen);
        bool ok = fold && cap - *len >= flen;
        if (ok) {
            memcpy(key + *len, fold, flen);
            *len += flen;
            wordcache_put(idx->fold_cache, p, n, fold, flen);
        }
        free(fold);
        return ok;
    }
    if (cap - *len < flen)
        return false;
    memcpy(key + *len, hit, flen);
    *len += flen;
    return true;
}

/* place_lookup_uncached() by pieces: the key joined from the pieces' keys. */
static const char *place_lookup_pieces(const struct place_index *idx, const char *text, size_t n,
                                       const size_t *cuts, size_t ncuts, char *const *suffixes)
{
    char key[PLACE_KEY_MAX + 1];
    size_t len = 0, from = 0;

    for (size_t c = 0; c < ncuts; c++) {
        if (cuts[c] <= from || cuts[c] >= n || !place_cut_ok((unsigned char)text[cuts[c]]))
            continue;
        if (!place_fold_piece(idx, text + from, cuts[c] - from, key, &len, PLACE_KEY_MAX))
            return place_lookup_uncached(idx, text, n, suffixes);
        from = cuts[c];
    }
    if (!place_fold_piece(idx, text + from, n - from, key, &len, PLACE_KEY_MAX))
        return place_lookup_uncached(idx, text, n, suffixes);
    key[len] = '\0';
    place_key_apostrophes(key, len);
    return place_find_suffixed(idx, key, text, suffixes);
}

/* The number of the suffix list in cache keys (given one when new), or SIZE_MAX when too many. */
static size_t place_suffix_id(const struct place_index *idx, char *const *suffixes)
{
    struct place_suffix_ids *ids = idx->suffix_ids;

    if (ids->last < ids->n && ids->lists[ids->last] == suffixes)
        return ids->last;
    for (size_t i = 0; i < ids->n; i++)
        if (ids->lists[i] == suffixes)
            return ids->last = i;
    if (ids->n == PLACE_SUFFIX_LISTS)
        return SIZE_MAX;
    ids->lists[ids->n] = suffixes;
    return ids->n++;
}

/*
 * The cache key of a lookup: the suffix list's number and n, a byte each
 * (both are below 256: the key's bytes bound n), and the bytes of text the
 * lookup reads. place_find() compares a name's exact spelling with text over
 * the spelling's length, which may pass n (up to text's NUL), so those bytes
 * are part of the key. Returns its length, or 0 when too long.
 */
static size_t place_cache_key(const struct place_index *idx, const char *text, size_t n,
                              char *const *suffixes, char *key)
{
    size_t read = n, sid = place_suffix_id(idx, suffixes);

    while (read < idx->exact_max && text[read] != '\0')
        read++;
    if (sid == SIZE_MAX || PLACE_CACHE_HEAD + read > WORDCACHE_KEY)
        return 0;
    key[0] = (char)sid;
    key[1] = (char)n;
    memcpy(key + PLACE_CACHE_HEAD, text, read);
    return PLACE_CACHE_HEAD + read;
}

const char *place_lookup(const struct place_index *idx, const char *text, size_t n,
                         char *const *suffixes)
{
    return place_lookup_cut(idx, text, n, NULL, 0, suffixes);
}

const char *place_lookup_cut(const struct place_index *idx, const char *text, size_t n,
                             const size_t *cuts, size_t ncuts, char *const *suffixes)
{
    char key[WORDCACHE_KEY];
    size_t klen = place_cache_key(idx, text, n, suffixes, key), vlen;
    const char *hit = klen ? wordcache_get(idx->cache, key, klen, &vlen) : NULL;
    const char *id;

    if (hit && vlen == sizeof(id)) {
        memcpy(&id, hit, sizeof(id));
        return id;
    }
    id = ncuts ? place_lookup_pieces(idx, text, n, cuts, ncuts, suffixes)
               : place_lookup_uncached(idx, text, n, suffixes);
    if (klen)
        wordcache_put(idx->cache, key, klen, (const char *)&id, sizeof(id));
    return id;
}

size_t place_prefix(const struct place_index *idx, const char *text, size_t n, size_t *ascii)
{
    uint64_t h = PLACE_FNV_BASIS;
    size_t k = 0, a = 0;

    while (a + 8 <= n && utf8_ascii8(text + a))
        a += 8;
    while (a < n && (unsigned char)text[a] < 0x80 && text[a] != '\0')
        a++;
    *ascii = a;
    for (; k < a; k++) {
        char c = text[k];
        h = place_hash_step(h, (unsigned char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
        size_t bit = place_prefix_bit(h);
        if (!(idx->prefixes[bit / 8] & (1U << (bit % 8))))
            break;
    }
    return k;
}

/* How many leading bytes of key[0..n) may all begin a name's key. */
static size_t place_key_known(const struct place_index *idx, const char *key, size_t n)
{
    uint64_t h = PLACE_FNV_BASIS;
    size_t k = 0;

    for (; k < n; k++) {
        size_t bit = place_prefix_bit(h = place_hash_step(h, (unsigned char)key[k]));
        if (!(idx->prefixes[bit / 8] & (1U << (bit % 8))))
            break;
    }
    return k;
}

size_t place_prefix_word(const struct place_index *idx, const char *text, size_t n, size_t *keylen)
{
    size_t v[2], vlen;
    const char *hit = wordcache_get(idx->word_cache, text, n, &vlen);

    if (hit && vlen == sizeof(v)) {
        memcpy(v, hit, sizeof(v));
    } else {
        char *key = place_key(text, n);
        v[1] = key ? strlen(key) : 0;
        v[0] = key ? place_key_known(idx, key, v[1]) : SIZE_MAX;
        free(key);
        wordcache_put(idx->word_cache, text, n, (const char *)v, sizeof(v));
    }
    *keylen = v[1];
    return v[0];
}

const char *place_parent(const struct place_index *idx, const char *id)
{
    size_t i = place_id_find(idx, id);

    return i == SIZE_MAX ? "" : idx->parents[i];
}

size_t place_count(const struct place_index *idx)
{
    return idx->nnames;
}
