#include "claim.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"

#define CLAIM_QUOTE_MAX 300

struct claim_config {
    int unused;
};

struct claim_config *claim_config_load(const char *config_dir)
{
    struct claim_config *cfg = calloc(1, sizeof(*cfg));

    (void)config_dir;
    if (!cfg)
        error_at(NULL, 0, "out of memory");
    return cfg;
}

void claim_config_free(struct claim_config *cfg)
{
    free(cfg);
}

static const char *claim_str(const json_t *obj, const char *key)
{
    const char *s = json_string_value(json_object_get(obj, key));
    return s ? s : "";
}

/* Cut at most max bytes from s without splitting a UTF-8 sequence. */
static size_t claim_cut(const char *s, size_t max)
{
    size_t n = strlen(s);

    if (n <= max)
        return n;
    n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

static const json_t *claim_sentence(const json_t *sentences, json_int_t sid)
{
    size_t i;
    json_t *s;

    json_array_foreach(sentences, i, s)
    {
        if (json_integer_value(json_object_get(s, "sid")) == sid)
            return s;
    }
    return NULL;
}

static int claim_set_str(json_t *rec, const char *key, const char *s, size_t n)
{
    if (json_object_set_new(rec, key, json_stringn(s, n)) < 0)
        return error_at(NULL, 0, "out of memory");
    return 0;
}

static int claim_annotate_number(const json_t *doc, const json_t *sentences, json_t *num)
{
    static const char *const empty[] = {"subject", "victim",      "side",  "scope",
                                        "place",   "attribution", "as_of", NULL};
    json_int_t sid = json_integer_value(json_object_get(num, "sid"));
    const json_t *sent = claim_sentence(sentences, sid);
    const char *quote = sent ? claim_str(sent, "text") : "";
    const char *date = claim_str(doc, "date");
    const char *source = claim_str(doc, "source");

    if (json_object_set_new(num, "category", json_null()) < 0)
        return error_at(NULL, 0, "out of memory");
    for (const char *const *k = empty; *k; k++)
        if (claim_set_str(num, *k, "", 0) < 0)
            return -1;
    if (claim_set_str(num, "quote", quote, claim_cut(quote, CLAIM_QUOTE_MAX)) < 0 ||
        claim_set_str(num, "date", date, strlen(date)) < 0 ||
        claim_set_str(num, "source", source, strlen(source)) < 0)
        return -1;
    return 0;
}

int claim_annotate_doc(const struct claim_config *cfg, const json_t *doc, const json_t *sentences,
                       json_t *numbers)
{
    size_t i;
    json_t *num;

    (void)cfg;
    json_array_foreach(numbers, i, num)
    {
        if (claim_annotate_number(doc, sentences, num) < 0)
            return -1;
    }
    return 0;
}
