#include "test_common.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

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

/* The ASCII shortcut must give what utf8proc gives, for every ASCII byte. */
static void test_utf8_fold_ascii_matches_utf8proc(void **state)
{
    (void)state;
    char all[127];
    size_t len;
    utf8proc_uint8_t *want = NULL;

    for (int c = 1; c < 128; c++)
        all[c - 1] = (char)c;
    char *got = utf8_fold(all, sizeof(all), &len);
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)all, sizeof(all), &want,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
    assert_non_null(got);
    assert_int_equal(len, (size_t)n);
    assert_memory_equal(got, want, len);
    assert_int_equal(got[len], '\0');
    free(got);
    free(want);
    got = utf8_fold("", 0, &len);
    assert_string_equal(got, "");
    assert_int_equal(len, 0);
    free(got);
    got = utf8_fold("e\xcc\x81", 3, NULL); /* ASCII then a combining mark composes */
    assert_string_equal(got, "\xc3\xa9");
    free(got);
}

/* s[0..n) folded by utf8_fold() and by utf8proc_map() itself must be the same bytes. */
static void fold_agrees(const char *s, size_t n)
{
    size_t len;
    utf8proc_uint8_t *want = NULL;
    char *got = utf8_fold(s, n, &len);
    utf8proc_ssize_t wn = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &want,
                                       UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);

    assert_non_null(got);
    assert_true(wn >= 0);
    assert_int_equal(len, (size_t)wn);
    assert_memory_equal(got, want, len);
    assert_int_equal(got[len], '\0');
    free(got);
    free(want);
}

/*
 * The character-by-character fold of text below U+0300 gives what utf8proc
 * gives: every character alone, and every pair of them (with some ASCII).
 */
static void test_utf8_fold_plain_matches_utf8proc(void **state)
{
    (void)state;
    char s[8];
    static const char ascii[] = "aAiInNsSjJzZ .1";

    for (int32_t a = 0x80; a < 0x300; a++) {
        size_t la = utf8_encode(a, s);
        fold_agrees(s, la);
        for (int32_t b = 0x80; b < 0x300; b++)
            fold_agrees(s, la + utf8_encode(b, s + la));
        for (size_t k = 0; ascii[k]; k++) {
            s[la] = ascii[k];
            fold_agrees(s, la + 1);
            s[0] = ascii[k];
            size_t lb = 1 + utf8_encode(a, s + 1);
            fold_agrees(s, lb);
            utf8_encode(a, s);
        }
    }
    fold_agrees("Tromsø Økern DÆMNING İstanbul ŉ ǰ ß",
                strlen("Tromsø Økern DÆMNING İstanbul ŉ ǰ ß"));
}

/* The passing start of 8 bytes ends at the first failing byte, wherever the others fail. */
static void test_utf8_len8_first_failing_byte(void **state)
{
    (void)state;
    char s[8];

    for (size_t at = 0; at < 8; at++) {
        memset(s, 'a', sizeof(s));
        s[at] = '\0';
        assert_int_equal(utf8_ascii_len8(s), at);
        assert_int_equal(utf8_printable_len8(s), at);
        memset(s + at, '\xC3', sizeof(s) - at);
        assert_int_equal(utf8_ascii_len8(s), at);
        s[at] = '\n';
        assert_int_equal(utf8_printable_len8(s), at);
    }
    memset(s, ' ', sizeof(s));
    assert_int_equal(utf8_ascii_len8(s), 8);
    assert_int_equal(utf8_printable_len8(s), 8);
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
        cmocka_unit_test(test_utf8_fold_ascii_matches_utf8proc),
        cmocka_unit_test(test_utf8_fold_plain_matches_utf8proc),
        cmocka_unit_test(test_utf8_len8_first_failing_byte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
