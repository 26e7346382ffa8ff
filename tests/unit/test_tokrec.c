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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokrec_parse_reads_fields),
        cmocka_unit_test(test_tokrec_offset_maps_replacements),
        cmocka_unit_test(test_tokrec_parse_rejects_bad_records),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
