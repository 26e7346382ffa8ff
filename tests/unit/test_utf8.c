#include "test_common.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static void test_utf8_decode_valid_sequences(void **state)
{
    (void)state;
    int32_t cp;

    assert_int_equal(utf8_decode("A", 1, &cp), 1);
    assert_int_equal(cp, 'A');
    assert_int_equal(utf8_decode("\xc3\xb8", 2, &cp), 2); /* ø */
    assert_int_equal(cp, 0xF8);
    assert_int_equal(utf8_decode("\xe2\x80\xaf", 3, &cp), 3); /* U+202F */
    assert_int_equal(cp, 0x202F);
    assert_int_equal(utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
    assert_int_equal(cp, 0x1F600);
}

static void test_utf8_decode_rejects_invalid(void **state)
{
    (void)state;
    int32_t cp;

    assert_int_equal(utf8_decode("\xc0\xaf", 2, &cp), 0);     /* overlong */
    assert_int_equal(utf8_decode("\xed\xa0\x80", 3, &cp), 0); /* surrogate */
    assert_int_equal(utf8_decode("\xf4\x90\x80\x80", 4, &cp), 0);
    assert_int_equal(utf8_decode("\xc3", 1, &cp), 0); /* truncated */
    assert_int_equal(utf8_decode("\xff", 1, &cp), 0);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(utf8_decode("", 0, &cp), 0);
}

static void test_utf8_count_invalid_counts_bytes(void **state)
{
    (void)state;
    assert_int_equal(utf8_count_invalid("ok \xff\xfe ok \xc3", 10), 3);
    assert_int_equal(utf8_count_invalid("Tromsø", strlen("Tromsø")), 0);
}

static void test_utf8_encode_round_trip(void **state)
{
    (void)state;
    char out[4];
    int32_t cp;

    assert_int_equal(utf8_encode(0xFFFD, out), 3);
    assert_int_equal(utf8_decode(out, 3, &cp), 3);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(utf8_encode(0xD800, out), 0);
}

static void test_utf8_fold_composes_and_folds(void **state)
{
    (void)state;
    size_t len;
    char *s = utf8_fold("DÖDADES", strlen("DÖDADES"), &len);

    assert_string_equal(s, "dödades");
    assert_int_equal(len, strlen("dödades"));
    free(s);
    s = utf8_fold("o\xcc\x88", 3, NULL); /* o + combining diaeresis */
    assert_string_equal(s, "ö");
    free(s);
    s = utf8_fold("Straße", strlen("Straße"), NULL);
    assert_string_equal(s, "strasse");
    free(s);
}

static void test_utf8_fold_rejects_invalid_and_nul(void **state)
{
    (void)state;
    assert_null(utf8_fold("a\xffz", 3, NULL));
    assert_null(utf8_fold("a\0z", 3, NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_decode_valid_sequences),
        cmocka_unit_test(test_utf8_decode_rejects_invalid),
        cmocka_unit_test(test_utf8_count_invalid_counts_bytes),
        cmocka_unit_test(test_utf8_encode_round_trip),
        cmocka_unit_test(test_utf8_fold_composes_and_folds),
        cmocka_unit_test(test_utf8_fold_rejects_invalid_and_nul),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
