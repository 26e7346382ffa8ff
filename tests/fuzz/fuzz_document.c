/*
 * libFuzzer target: tokenize's per-document path (docread, hygiene, header,
 * language id, furniture, sentences, tokens, records) on arbitrary bytes.
 *
 * The first byte picks the language: a configured one (as a manifest row
 * would) or, when it is past the last, language detection. The rest is
 * written to a temp file and processed by tokdoc_process(); every record
 * written must be a JSON object whose spans lie inside the document.
 * The config is ./config, or $CLAIMREC_CONFIG.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "stats.h"
#include "tokenize/tokdoc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct tokconf fz_tc;
static struct tokdoc fz_doc;
static struct stats fz_stats;
static char fz_path[] = "/tmp/fuzz_document.XXXXXX";
static int fz_fd = -1;

static void fz_cleanup(void)
{
    unlink(fz_path);
    tokdoc_release(&fz_doc);
    tokconf_release(&fz_tc);
}

static void fz_init(void)
{
    const char *dir = getenv("CLAIMREC_CONFIG");

    err_init("fuzz_document");
    if (tokconf_load(&fz_tc, dir ? dir : "config") < 0)
        abort();
    if (tokdoc_init(&fz_doc, &fz_tc, NULL, "tokens.jsonl", &fz_stats) < 0)
        abort();
    fz_fd = mkstemp(fz_path);
    if (fz_fd < 0)
        abort();
    close(fz_fd);
    atexit(fz_cleanup);
}

static void fz_write(const uint8_t *data, size_t size)
{
    FILE *fp = fopen(fz_path, "wb");
    if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
        abort();
}

/* Each span [start, end) of a record lies inside the document's n bytes. */
static void fz_check_span(const json_t *rec, const char *a, const char *b, size_t n)
{
    const json_t *s = json_object_get(rec, a), *e = json_object_get(rec, b);
    if (!s || !e)
        return;
    if (!json_is_integer(s) || !json_is_integer(e) || json_integer_value(s) < 0 ||
        json_integer_value(s) > json_integer_value(e) || (size_t)json_integer_value(e) > n)
        abort();
}

/* Tokens are [offset from the sentence's start, length, type]: each inside the document. */
static void fz_check_tokens(const json_t *rec, size_t n)
{
    const json_t *toks = json_object_get(rec, "tokens"), *t;
    json_int_t base = json_integer_value(json_object_get(rec, "start"));
    size_t i;

    json_array_foreach(toks, i, t)
    {
        json_int_t off = json_integer_value(json_array_get(t, 0));
        json_int_t len = json_integer_value(json_array_get(t, 1));
        if (off < 0 || len <= 0 || (size_t)(base + off + len) > n)
            abort();
    }
}

static void fz_check_output(const char *out, size_t len, size_t n)
{
    const char *p = out, *end = out + len;

    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            abort(); /* every record ends with a newline */
        json_error_t jerr;
        json_t *rec = json_loadb(p, (size_t)(nl - p), 0, &jerr);
        if (!json_is_object(rec))
            abort();
        fz_check_span(rec, "start", "end", n);
        fz_check_tokens(rec, n);
        json_decref(rec);
        p = nl + 1;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char doc[] = "fuzz", rel[] = "fuzz.txt";
    struct manifest_row row = {doc, (char *)"", (char *)"", (char *)"", (char *)"", 1, false};
    struct manifest m = {(char *)"manifest.csv", &row, 1};
    struct tokwalk_entry e = {.doc = doc, .path = fz_path, .rel = rel};
    char *out = NULL;
    size_t outlen = 0;

    if (fz_fd < 0)
        fz_init();
    if (size == 0)
        return 0;
    if (data[0] < fz_tc.nlangs)
        row.lang = fz_tc.langs[data[0]].code;
    fz_write(data + 1, size - 1);
    FILE *fp = open_memstream(&out, &outlen);
    if (!fp || stats_init(&fz_stats, "tokenize") < 0)
        abort();
    fz_doc.out = fp;
    int rc = tokdoc_process(&fz_doc, &e, row.lang[0] ? manifest_find(&m, doc) : NULL);
    stats_release(&fz_stats);
    if (fclose(fp) != 0 || rc < 0)
        abort();
    fz_check_output(out, outlen, size - 1);
    free(out);
    return 0;
}
