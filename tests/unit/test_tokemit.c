#include "test_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jsonl.h"
#include "tokenize/tokemit.h"

/* The sentence record tokemit_sentence() writes for s[a..b) with the given tokens. */
static char *sentence(const char *s, size_t a, size_t b, const struct toklex *tok, size_t ntok,
                      bool clean)
{
    struct toksent_span sp = {a, b, 2};
    struct toklex_list list = {(struct toklex *)tok, ntok, ntok};
    struct tokemit_bufs bufs;
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);

    tokemit_bufs_init(&bufs);
    bufs.clean = clean;
    assert_non_null(fp);
    assert_int_equal(tokemit_sentence(fp, "d\"1", 7, &sp, s, &list, &bufs), 0);
    assert_int_equal(tokemit_sentences_flush(fp, &bufs), 0);
    fclose(fp);
    tokemit_bufs_release(&bufs);
    return out;
}

static void test_tokemit_sentence_clean(void **state)
{
    (void)state;
    const char *s = "xx 12345678901 \"ok\".";
    struct toklex tok[] = {
        {3, 14, 'n'}, {15, 16, 'p'}, {16, 18, 'w'}, {18, 19, 'p'}, {19, 20, 'p'}};
    char *out = sentence(s, 3, 20, tok, 5, true);

    assert_string_equal(out, "{\"doc\":\"d\\\"1\",\"end\":20,\"para\":2,\"sid\":7,\"start\":3,"
                             "\"text\":\"12345678901 \\\"ok\\\".\",\"tokens\":[[0,11,\"n\"],"
                             "[12,1,\"p\"],[13,2,\"w\"],[15,1,\"p\"],[16,1,\"p\"]],"
                             "\"type\":\"sentence\"}\n");
    free(out);
}

static void test_tokemit_sentence_replaced_bytes(void **state)
{
    (void)state;
    const char *s = "a\xFF"
                    "b";
    struct toklex tok[] = {{0, 1, 'w'}, {1, 2, 's'}, {2, 3, 'w'}};
    char *out = sentence(s, 0, 3, tok, 3, false);

    assert_string_equal(out, "{\"bad\":[1],\"doc\":\"d\\\"1\",\"end\":3,\"para\":2,\"sid\":7,"
                             "\"start\":0,\"text\":\"a\xEF\xBF\xBD"
                             "b\",\"tokens\":[[0,1,\"w\"],[1,1,\"s\"],[2,1,\"w\"]],"
                             "\"type\":\"sentence\"}\n");
    free(out);
}

static void test_tokemit_sentence_no_tokens(void **state)
{
    (void)state;
    char *out = sentence("  ", 1, 1, NULL, 0, true);

    assert_string_equal(out, "{\"doc\":\"d\\\"1\",\"end\":1,\"para\":2,\"sid\":7,\"start\":1,"
                             "\"text\":\"\",\"tokens\":[],\"type\":\"sentence\"}\n");
    free(out);
}

/* What jansson writes for d (the record tokemit_doc() wrote with jansson before). */
static char *doc_by_jansson(const struct tokemit_doc *d)
{
    json_t *furn = json_array();
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);

    for (size_t i = 0; i < d->nfurniture; i++)
        json_array_append_new(furn,
                              json_pack("[I,I,s]", (json_int_t)d->furniture[i].start,
                                        (json_int_t)d->furniture[i].end, d->furniture[i].name));
    json_t *rec = json_pack(
        "{s:s,s:s,s:s,s:s?,s:s?,s:s,s:s,s:s,s:s,s:I,s:I,s:I,s:I,s:I,s:o}", "type", "doc", "doc",
        d->doc, "path", d->path, "date", d->date, "date_source", d->date_source, "lang", d->lang,
        "lang_source", d->lang_source, "source", d->source, "url", d->url, "bytes",
        (json_int_t)d->bytes, "text_start", (json_int_t)d->text_start, "invalid_bytes",
        (json_int_t)d->invalid_bytes, "nul_bytes", (json_int_t)d->nul_bytes, "sentences",
        (json_int_t)d->sentences, "furniture", furn);
    assert_non_null(rec);
    assert_int_equal(jsonl_write(fp, rec), 0);
    json_decref(rec);
    fclose(fp);
    return out;
}

static char *doc_by_tokemit(const struct tokemit_doc *d, int *rc)
{
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);

    *rc = tokemit_doc(fp, d);
    fclose(fp);
    return out;
}

static void test_tokemit_doc_as_jansson_writes_it(void **state)
{
    (void)state;
    struct furniture_span furn[] = {{0, 12, "read-more"}, {40, 1234567, "x\"q\\\t"}};
    struct tokemit_doc d = {"d/\"1\"", "d/\"1\".txt",
                            NULL,      NULL,
                            "nb",      "detected",
                            "s\x01rc", "http://x/\xc3\xa5",
                            5250,      19,
                            1,         2,
                            43,        furn,
                            2};
    int rc;

    for (int dated = 0; dated < 2; dated++) {
        d.date = dated ? "2023-09-27" : NULL;
        d.date_source = dated ? "header" : NULL;
        d.nfurniture = dated ? 2 : 0;
        char *want = doc_by_jansson(&d), *got = doc_by_tokemit(&d, &rc);
        assert_int_equal(rc, 0);
        assert_string_equal(got, want);
        free(want);
        free(got);
    }
}

static void test_tokemit_doc_refuses_invalid_utf8(void **state)
{
    (void)state;
    struct tokemit_doc d = {"d", "d\xff.txt", NULL, NULL, "en", "default", "", "",
                            1,   0,           0,    0,    0,    NULL,      0};
    int rc;

    free(doc_by_tokemit(&d, &rc));
    assert_int_equal(rc, -1);
}

/* A document with no sentence flushes nothing (its buffer never allocated). */
static void test_tokemit_sentences_flush_empty(void **state)
{
    (void)state;
    struct tokemit_bufs bufs;
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);

    tokemit_bufs_init(&bufs);
    bufs.clean = true;

    assert_int_equal(tokemit_sentences_flush(fp, &bufs), 0);
    fclose(fp);
    assert_int_equal(len, 0);
    tokemit_bufs_release(&bufs);
    free(out);
}

/* Records wait for the flush, and come out whole and in order. */
static void test_tokemit_sentences_batched(void **state)
{
    (void)state;
    const char *s = "A b. C d.";
    struct toksent_span sp[] = {{0, 4, 0}, {5, 9, 0}};
    struct toklex tok[] = {{0, 1, 'w'}, {5, 6, 'w'}};
    struct toklex_list list = {tok, 1, 1}, list2 = {tok + 1, 1, 1};
    struct tokemit_bufs bufs;
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);

    tokemit_bufs_init(&bufs);
    bufs.clean = true;

    assert_int_equal(tokemit_sentence(fp, "d", 0, &sp[0], s, &list, &bufs), 0);
    assert_int_equal(tokemit_sentence(fp, "d", 1, &sp[1], s, &list2, &bufs), 0);
    fflush(fp);
    assert_int_equal(len, 0);
    assert_int_equal(tokemit_sentences_flush(fp, &bufs), 0);
    fclose(fp);
    assert_string_equal(out, "{\"doc\":\"d\",\"end\":4,\"para\":0,\"sid\":0,\"start\":0,"
                             "\"text\":\"A b.\",\"tokens\":[[0,1,\"w\"]],\"type\":\"sentence\"}\n"
                             "{\"doc\":\"d\",\"end\":9,\"para\":0,\"sid\":1,\"start\":5,"
                             "\"text\":\"C d.\",\"tokens\":[[0,1,\"w\"]],\"type\":\"sentence\"}\n");
    tokemit_bufs_release(&bufs);
    free(out);
}

/* Each document's sentences carry its own id; a refused id is not kept for the next one. */
static void test_tokemit_sentence_doc_changes(void **state)
{
    (void)state;
    const char *s = "A b.";
    struct toksent_span sp = {0, 4, 0};
    struct toklex tok[] = {{0, 1, 'w'}};
    struct toklex_list list = {tok, 1, 1};
    struct tokemit_bufs bufs;
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);

    tokemit_bufs_init(&bufs);
    bufs.clean = true;
    assert_int_equal(tokemit_sentence(fp, "d1", 0, &sp, s, &list, &bufs), 0);
    assert_int_equal(tokemit_sentence(fp, "d22", 0, &sp, s, &list, &bufs), 0);
    assert_int_equal(tokemit_sentence(fp, "d\xff", 0, &sp, s, &list, &bufs), -1);
    assert_int_equal(tokemit_sentence(fp, "d\xff", 0, &sp, s, &list, &bufs), -1);
    assert_int_equal(tokemit_sentence(fp, "d1", 1, &sp, s, &list, &bufs), 0);
    assert_int_equal(tokemit_sentences_flush(fp, &bufs), 0);
    fclose(fp);
    assert_string_equal(out, "{\"doc\":\"d1\",\"end\":4,\"para\":0,\"sid\":0,\"start\":0,"
                             "\"text\":\"A b.\",\"tokens\":[[0,1,\"w\"]],\"type\":\"sentence\"}\n"
                             "{\"doc\":\"d22\",\"end\":4,\"para\":0,\"sid\":0,\"start\":0,"
                             "\"text\":\"A b.\",\"tokens\":[[0,1,\"w\"]],\"type\":\"sentence\"}\n"
                             "{\"doc\":\"d1\",\"end\":4,\"para\":0,\"sid\":1,\"start\":0,"
                             "\"text\":\"A b.\",\"tokens\":[[0,1,\"w\"]],\"type\":\"sentence\"}\n");
    tokemit_bufs_release(&bufs);
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokemit_sentence_clean),
        cmocka_unit_test(test_tokemit_sentence_replaced_bytes),
        cmocka_unit_test(test_tokemit_sentence_no_tokens),
        cmocka_unit_test(test_tokemit_sentences_batched),
        cmocka_unit_test(test_tokemit_sentence_doc_changes),
        cmocka_unit_test(test_tokemit_sentences_flush_empty),
        cmocka_unit_test(test_tokemit_doc_as_jansson_writes_it),
        cmocka_unit_test(test_tokemit_doc_refuses_invalid_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
