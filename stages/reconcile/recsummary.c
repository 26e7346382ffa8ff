#include "recsummary.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"

int recsummary_init(struct recsummary *s)
{
    s->stages = json_array();
    s->skipped = json_object();
    s->documents = -1;
    if (!s->stages || !s->skipped) {
        recsummary_release(s);
        return error_at(NULL, 0, "out of memory");
    }
    return 0;
}

void recsummary_release(struct recsummary *s)
{
    json_decref(s->stages);
    json_decref(s->skipped);
    s->stages = s->skipped = NULL;
}

/* Remember one skip, once per (document or path, reason) across stages. */
static int recsummary_skip(struct recsummary *s, const json_t *skip, const char *stage,
                           const char *path)
{
    const char *doc = json_string_value(json_object_get(skip, "doc"));
    const char *where = json_string_value(json_object_get(skip, "path"));
    const char *reason = json_string_value(json_object_get(skip, "reason"));
    struct buf key = BUF_INIT;

    if (!json_is_object(skip) || !reason)
        return error_at(path, 0, "a skipped entry has no 'reason'");
    if (buf_addstr(&key, doc     ? doc
                         : where ? where
                                 : "") < 0 ||
        buf_addch(&key, '|') < 0 || buf_addstr(&key, reason) < 0) {
        buf_release(&key);
        return error_at(NULL, 0, "out of memory");
    }
    int rc = 0;
    if (!json_object_get(s->skipped, buf_str(&key))) {
        json_t *e = json_pack("{s:s?,s:s?,s:s,s:s}", "doc", doc, "path", where, "reason", reason,
                              "stage", stage);
        rc = !e || json_object_set_new(s->skipped, buf_str(&key), e) < 0
                 ? error_at(NULL, 0, "out of memory")
                 : 0;
    }
    buf_release(&key);
    return rc;
}

/* The figures of one stage, with its skip list replaced by a count. */
static json_t *recsummary_stage(const json_t *figures)
{
    json_t *copy = json_deep_copy(figures);
    json_t *skipped = json_object_get(figures, "skipped");

    if (copy && json_object_set_new(copy, "skipped",
                                    json_integer((json_int_t)json_array_size(skipped))) < 0) {
        json_decref(copy);
        return NULL;
    }
    return copy;
}

/* The figures already added for stage (borrowed), or NULL. */
static json_t *recsummary_stage_get(const struct recsummary *s, const char *stage)
{
    size_t i;
    json_t *e;

    json_array_foreach(s->stages, i, e)
    {
        if (strcmp(json_string_value(json_object_get(e, "stage")), stage) == 0)
            return e;
    }
    return NULL;
}

/* One figure of another part of a stage into into: peak memory the largest, the rest summed. */
static int recsummary_fold_one(json_t *into, const char *key, const json_t *v)
{
    json_t *old = json_object_get(into, key);

    if (!json_is_number(v) || !json_is_number(old))
        return 0;
    if (json_is_integer(v) && json_is_integer(old)) {
        json_int_t a = json_integer_value(old), b = json_integer_value(v);
        json_int_t r = strcmp(key, "peak_rss_kb") == 0 ? (a > b ? a : b) : a + b;
        return json_object_set_new(into, key, json_integer(r));
    }
    double a = json_number_value(old), b = json_number_value(v);
    double r = strcmp(key, "peak_rss_kb") == 0 ? (a > b ? a : b) : a + b;
    return json_object_set_new(into, key, json_real(r));
}

/* Fold a stage's figures into those of an earlier part of the same stage. */
static int recsummary_fold(json_t *into, json_t *part)
{
    const char *key;
    json_t *v;

    if (!part)
        return -1;
    json_object_foreach(part, key, v)
    {
        if (recsummary_fold_one(into, key, v) < 0) {
            json_decref(part);
            return -1;
        }
    }
    json_decref(part);
    return 0;
}

/* Append the stage's figures, or fold them into an earlier part's. */
static int recsummary_add_stage(struct recsummary *s, const json_t *figures, const char *stage)
{
    json_t *earlier = recsummary_stage_get(s, stage);
    int rc = earlier ? recsummary_fold(earlier, recsummary_stage(figures))
                     : json_array_append_new(s->stages, recsummary_stage(figures));

    return rc < 0 ? error_at(NULL, 0, "out of memory") : 0;
}

int recsummary_add(struct recsummary *s, const json_t *figures, const char *path)
{
    const char *stage = json_string_value(json_object_get(figures, "stage"));
    json_t *skipped = json_object_get(figures, "skipped");
    json_t *docs = json_object_get(figures, "documents");
    size_t i;
    json_t *skip;

    if (!json_is_object(figures) || !stage)
        return error_at(path, 0, "not a stage's figures: no 'stage'");
    if (skipped && !json_is_array(skipped))
        return error_at(path, 0, "field 'skipped' is not a list");
    if (docs && !json_is_integer(docs))
        return error_at(path, 0, "field 'documents' is not an integer");
    json_array_foreach(skipped, i, skip)
    {
        if (recsummary_skip(s, skip, stage, path) < 0)
            return -1;
    }
    if (strcmp(stage, "tokenize") == 0 && docs)
        s->documents = (s->documents < 0 ? 0 : s->documents) + (long)json_integer_value(docs);
    return recsummary_add_stage(s, figures, stage);
}

int recsummary_add_file(struct recsummary *s, const char *path)
{
    json_error_t jerr;
    json_t *figures = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);

    if (!figures)
        return error_at(path, (size_t)(jerr.line > 0 ? jerr.line : 0), "%s", jerr.text);
    int rc = recsummary_add(s, figures, path);
    json_decref(figures);
    return rc;
}

static int recsummary_key_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The skips as a list sorted by document and reason. */
static json_t *recsummary_skips(const struct recsummary *s)
{
    size_t n = json_object_size(s->skipped), i = 0;
    const char **keys = calloc(n ? n : 1, sizeof(char *));
    json_t *list = json_array();
    const char *key;
    json_t *value;

    if (!keys || !list)
        goto fail;
    json_object_foreach(s->skipped, key, value)
    {
        (void)value;
        keys[i++] = key;
    }
    qsort(keys, n, sizeof(char *), recsummary_key_cmp);
    for (i = 0; i < n; i++)
        if (json_array_append(list, json_object_get(s->skipped, keys[i])) < 0)
            goto fail;
    free(keys);
    return list;
fail:
    free(keys);
    json_decref(list);
    return NULL;
}

static json_t *recsummary_claims(const struct recclaim *claims, size_t n)
{
    json_t *per = json_object();

    for (size_t i = 0; per && i < n; i++) {
        json_t *count = json_object_get(per, claims[i].category);
        if (count) { /* counted in place: the key keeps its place */
            json_integer_set(count, json_integer_value(count) + 1);
            continue;
        }
        if (json_object_set_new(per, claims[i].category, json_integer(1)) < 0) {
            json_decref(per);
            return NULL;
        }
    }
    return json_pack("{s:I,s:o}", "total", (json_int_t)n, "per_category", per);
}

static json_t *recsummary_conflicts(const struct recrow *rows, size_t n)
{
    json_int_t contra = 0, diverge = 0;

    for (size_t i = 0; i < n; i++) {
        if (strcmp(rows[i].kind, "contradiction") == 0)
            contra++;
        else
            diverge++;
    }
    return json_pack("{s:I,s:I,s:I}", "total", (json_int_t)n, "contradiction", contra, "divergence",
                     diverge);
}

json_t *recsummary_json(const struct recsummary *s, size_t docs_seen, const struct recclaim *claims,
                        size_t nclaims, const struct recrow *rows, size_t nrows)
{
    json_t *skips = recsummary_skips(s);
    json_int_t read = s->documents >= 0 ? (json_int_t)s->documents : (json_int_t)docs_seen;

    if (!skips)
        return NULL;
    return json_pack("{s:{s:I,s:I,s:I},s:o,s:o,s:o,s:O}", "documents", "read", read, "with_numbers",
                     (json_int_t)docs_seen, "skipped", (json_int_t)json_array_size(skips),
                     "skipped", skips, "claims", recsummary_claims(claims, nclaims), "conflicts",
                     recsummary_conflicts(rows, nrows), "stages", s->stages);
}

int recsummary_write(FILE *fp, const json_t *j)
{
    if (json_dumpf(j, fp, JSON_INDENT(2) | JSON_SORT_KEYS) < 0)
        return -1;
    return fputc('\n', fp) == EOF ? -1 : 0;
}
