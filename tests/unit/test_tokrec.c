#include "test_common.h"

#include <string.h>

#include "tokrec.h"

static void test_tokrec_parse_reads_fields(void **state)
{
    (void)state;
    json_t *rec = json_loads(
        "{\"doc\":\"d\",\"sid\":3,\"start\":10,\"end\":15,\"text\":\"hello\",\"tokens\":[]}", 0,
        NULL);
    struct tokrec tr;

    assert_int_equal(tokrec_parse(&tr, rec, "t", 1), 0);
    assert_string_equal(tr.doc, "d");
    assert_int_equal(tr.sid, 3);
    assert_int_equal(tr.text_len, 5);
    assert_int_equal(tokrec_offset(&tr, 0), 10);
    assert_int_equal(tokrec_offset(&tr, 5), 15);
    tokrec_release(&tr);
    json_decref(rec);
}

static void test_tokrec_offset_maps_replacements(void **state)
{
    (void)state;
    /* original: "a" BAD "b" BAD "c" at 100..105; text has U+FFFD for each bad byte */
    json_t *rec = json_loads("{\"doc\":\"d\",\"sid\":0,\"start\":100,\"end\":105,"
                             "\"text\":\"a\\ufffdb\\ufffdc\",\"bad\":[103,101]}",
                             0, NULL);
    struct tokrec tr;

    assert_int_equal(tokrec_parse(&tr, rec, "t", 1), 0);
    assert_int_equal(tr.nbad, 2);
    assert_int_equal(tr.bad[0], 101);
    assert_int_equal(tokrec_offset(&tr, 0), 100); /* a */
    assert_int_equal(tokrec_offset(&tr, 1), 101); /* the first replacement */
    assert_int_equal(tokrec_offset(&tr, 4), 102); /* b */
    assert_int_equal(tokrec_offset(&tr, 8), 104); /* c */
    assert_int_equal(tokrec_offset(&tr, 9), 105); /* the end */
    tokrec_release(&tr);
    json_decref(rec);
}

static void test_tokrec_parse_rejects_bad_records(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "{\"sid\":0,\"start\":0,\"end\":1,\"text\":\"a\"}",
        "{\"doc\":\"d\",\"sid\":0,\"start\":0,\"end\":1}",
        "{\"doc\":\"d\",\"sid\":-1,\"start\":0,\"end\":1,\"text\":\"a\"}",
        "{\"doc\":\"d\",\"sid\":0,\"start\":5,\"end\":1,\"text\":\"a\"}",
        "{\"doc\":\"d\",\"sid\":0,\"start\":0,\"end\":1,\"text\":\"a\",\"bad\":7}",
        "{\"doc\":\"d\",\"sid\":0,\"start\":0,\"end\":1,\"text\":\"a\",\"bad\":[\"x\"]}",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
        json_t *rec = json_loads(bad[i], 0, NULL);
        struct tokrec tr;
        assert_non_null(rec);
        assert_int_equal(tokrec_parse(&tr, rec, "t", (size_t)i + 1), -1);
        assert_null(tr.bad);
        json_decref(rec);
    }
}

/* Index line with jscan; the line must be one jscan accepts. */
static void scan_line(struct jscan *js, const char *line)
{
    assert_int_equal(jscan_object(js, line, strlen(line)), 0);
}

static void test_tokrec_scan_reads_fields(void **state)
{
    (void)state;
    const char *line = "{\"doc\":\"d\\u00e9\",\"end\":15,\"sid\":3,\"start\":10,"
                       "\"text\":\"he\\\"llo\",\"tokens\":[[0,2,\"w\"]]}";
    struct tokrec_store store = TOKREC_STORE_INIT;
    struct jscan js;
    struct tokrec tr;

    scan_line(&js, line);
    assert_int_equal(tokrec_scan(&tr, &js, &store, "t", 1), 0);
    assert_string_equal(tr.doc, "d\xc3\xa9");
    assert_string_equal(tr.text, "he\"llo");
    assert_int_equal(tr.text_len, 6);
    assert_int_equal(tr.sid, 3);
    assert_int_equal(tr.start, 10);
    assert_int_equal(tr.end, 15);
    assert_null(tr.bad);
    tokrec_release(&tr);
    tokrec_store_release(&store);
}

static void test_tokrec_scan_maps_replacements(void **state)
{
    (void)state;
    const char *line = "{\"bad\":[103,101],\"doc\":\"d\",\"end\":105,\"sid\":0,\"start\":100,"
                       "\"text\":\"a\\ufffdb\\ufffdc\"}";
    struct tokrec_store store = TOKREC_STORE_INIT;
    struct jscan js;
    struct tokrec tr;

    scan_line(&js, line);
    assert_int_equal(tokrec_scan(&tr, &js, &store, "t", 1), 0);
    assert_int_equal(tr.nbad, 2);
    assert_int_equal(tr.bad[0], 101);
    assert_int_equal(tr.bad[1], 103);
    assert_int_equal(tokrec_offset(&tr, 1), 101);
    assert_int_equal(tokrec_offset(&tr, 8), 104);
    tokrec_release(&tr);
    tokrec_store_release(&store);
}

/* A record tokrec_scan() refuses, tokrec_parse() refuses too, and the other way round. */
static void test_tokrec_scan_agrees_with_parse(void **state)
{
    (void)state;
    static const char *const recs[] = {
        "{\"sid\":0,\"start\":0,\"end\":1,\"text\":\"a\"}",
        "{\"doc\":7,\"sid\":0,\"start\":0,\"end\":1,\"text\":\"a\"}",
        "{\"doc\":\"d\",\"sid\":0,\"start\":0,\"end\":1}",
        "{\"doc\":\"d\",\"sid\":0,\"start\":0,\"end\":1,\"text\":null}",
        "{\"doc\":\"d\",\"sid\":-1,\"start\":0,\"end\":1,\"text\":\"a\"}",
        "{\"doc\":\"d\",\"sid\":1.0,\"start\":0,\"end\":1,\"text\":\"a\"}",
        "{\"doc\":\"d\",\"sid\":\"1\",\"start\":0,\"end\":1,\"text\":\"a\"}",
        "{\"doc\":\"d\",\"sid\":0,\"start\":5,\"end\":1,\"text\":\"a\"}",
        "{\"doc\":\"d\",\"sid\":0,\"start\":0,\"end\":1,\"text\":\"a\",\"bad\":7}",
        "{\"doc\":\"d\",\"sid\":0,\"start\":0,\"end\":1,\"text\":\"a\",\"bad\":null}",
        "{\"doc\":\"d\",\"sid\":0,\"start\":0,\"end\":1,\"text\":\"a\",\"bad\":[\"x\"]}",
        "{\"doc\":\"d\",\"sid\":0,\"start\":0,\"end\":1,\"text\":\"a\",\"bad\":[1,-2]}",
        "{\"doc\":\"d\",\"sid\":0,\"start\":0,\"end\":1,\"text\":\"a\",\"bad\":[]}",
        "{\"doc\":\"d\",\"sid\":0,\"start\":0,\"end\":0,\"text\":\"\"}",
        /* keys that share a first byte or a prefix with ours are none of them */
        "{\"do\":\"d\",\"sid\":0,\"start\":0,\"end\":1,\"text\":\"a\"}",
        "{\"doc\":\"d\",\"s\":0,\"start\":0,\"end\":1,\"text\":\"a\"}",
        "{\"doc\":\"d\",\"sid\":0,\"starts\":0,\"end\":1,\"text\":\"a\"}",
        "{\"doc\":\"d\",\"sid\":0,\"start\":0,\"end\":1,\"texts\":\"a\"}",
        "{\"\":1,\"b\":7,\"doc\":\"d\",\"e\":0,\"end\":1,\"sid\":0,\"start\":0,\"t\":2,"
        "\"text\":\"a\",\"tokens\":[]}",
    };
    struct tokrec_store store = TOKREC_STORE_INIT;

    for (size_t i = 0; i < sizeof(recs) / sizeof(*recs); i++) {
        json_t *rec = json_loads(recs[i], 0, NULL);
        struct jscan js;
        struct tokrec a, b;
        assert_non_null(rec);
        scan_line(&js, recs[i]);
        int ra = tokrec_parse(&a, rec, "t", i + 1);
        int rb = tokrec_scan(&b, &js, &store, "t", i + 1);
        assert_int_equal(ra, rb);
        if (ra == 0) {
            assert_string_equal(a.doc, b.doc);
            assert_int_equal(a.nbad, b.nbad);
            tokrec_release(&a);
            tokrec_release(&b);
        } else {
            assert_null(b.bad);
        }
        json_decref(rec);
    }
    tokrec_store_release(&store);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokrec_parse_reads_fields),
        cmocka_unit_test(test_tokrec_offset_maps_replacements),
        cmocka_unit_test(test_tokrec_parse_rejects_bad_records),
        cmocka_unit_test(test_tokrec_scan_reads_fields),
        cmocka_unit_test(test_tokrec_scan_maps_replacements),
        cmocka_unit_test(test_tokrec_scan_agrees_with_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
