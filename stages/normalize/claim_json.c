/*
 * claim_annotate_doc(): claim_annotate_raw() for records held as jansson
 * values (claim.h). The numbers are read into struct normrec, annotated,
 * and their claim fields set back on the jansson records.
 */
#include "claim.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"

static const char *claim_json_str(const json_t *obj, const char *key)
{
    const char *s = json_string_value(json_object_get(obj, key));
    return s ? s : "";
}

/* The fields of number record num that claims read. */
static void claim_json_read(struct normrec *rec, const json_t *num)
{
    memset(rec, 0, sizeof(*rec));
    rec->sid = json_integer_value(json_object_get(num, "sid"));
    rec->start = json_integer_value(json_object_get(num, "start"));
    rec->end = json_integer_value(json_object_get(num, "end"));
    rec->kind = json_string_value(json_object_get(num, "kind"));
    rec->value = json_number_value(json_object_get(num, "value"));
}

static int claim_json_set(json_t *num, const char *key, const struct normstr *s)
{
    return json_object_set_new(num, key, json_stringn(s->p ? s->p : "", s->n));
}

/* Set the claim fields of rec on num; a number no sentence annotated gets those of no claim. */
static int claim_json_write(json_t *num, const struct normrec *rec, const struct claim_docinfo *doc)
{
    struct normrec plain;

    if (!rec->annotated) {
        if (json_object_get(num, "category"))
            return 0;
        memset(&plain, 0, sizeof(plain));
        plain.date = (struct normstr){doc->date, strlen(doc->date)};
        plain.source = (struct normstr){doc->source, strlen(doc->source)};
        rec = &plain;
    }
    json_t *cat = rec->category ? json_string(rec->category) : json_null();
    int rc = json_object_set_new(num, "category", cat);
    const struct {
        const char *key;
        const struct normstr *s;
    } fields[] = {
        {"subject", &rec->subject}, {"victim", &rec->victim},
        {"side", &rec->side},       {"scope", &rec->scope},
        {"place", &rec->place},     {"doc_place", &rec->doc_place},
        {"as_of", &rec->as_of},     {"attribution", &rec->attribution},
        {"date", &rec->date},       {"source", &rec->source},
        {"quote", &rec->quote},
    };
    for (size_t k = 0; k < sizeof(fields) / sizeof(*fields); k++)
        rc |= claim_json_set(num, fields[k].key, fields[k].s);
    return rc ? error_at(NULL, 0, "out of memory") : 0;
}

static int claim_json_numbers(const struct claim_config *cfg, const struct claim_docinfo *doc,
                              const struct claim_rawsent *raw, size_t nraw, json_t *numbers)
{
    size_t n = json_array_size(numbers);
    struct normrec *recs = calloc(n + 1, sizeof(*recs));
    int rc = -1;

    if (!recs)
        return error_at(NULL, 0, "out of memory");
    for (size_t i = 0; i < n; i++)
        claim_json_read(&recs[i], json_array_get(numbers, i));
    if (claim_annotate_raw(cfg, doc, raw, nraw, recs, n) == 0) {
        rc = 0;
        for (size_t i = 0; i < n && rc == 0; i++)
            rc = claim_json_write(json_array_get(numbers, i), &recs[i], doc);
    }
    free(recs);
    return rc;
}

int claim_annotate_doc(const struct claim_config *cfg, const json_t *doc, const json_t *sentences,
                       json_t *numbers)
{
    size_t n = json_array_size(sentences), done = 0;
    struct claim_rawsent *raw = calloc(n + 1, sizeof(*raw));
    struct claim_docinfo info = {claim_json_str(doc, "lang"), claim_json_str(doc, "date"),
                                 claim_json_str(doc, "source")};
    int rc = -1;

    if (!raw)
        return error_at(NULL, 0, "out of memory");
    while (done < n && claim_rawsent_from_json(&raw[done], json_array_get(sentences, done)) == 0)
        done++;
    if (done == n)
        rc = claim_json_numbers(cfg, &info, raw, n, numbers);
    else
        error_at(NULL, 0, "out of memory");
    for (size_t i = 0; i < done; i++)
        claim_rawsent_release(&raw[i]);
    free(raw);
    return rc;
}
