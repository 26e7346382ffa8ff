#include "test_common.h"

#include <string.h>

#include "tokenize/hygiene.h"
#include "tokenize_fixture.h"

static void test_hygiene_bom_found(void **state)
{
    (void)state;
    assert_int_equal(hygiene_bom("\xEF\xBB\xBFx", 4), 3);
    assert_int_equal(hygiene_bom("x\xEF\xBB\xBF", 4), 0);
    assert_int_equal(hygiene_bom("\xEF\xBB", 2), 0);
}

static void test_hygiene_count_invalid_and_nul(void **state)
{
    (void)state;
    const char s[] = "ok\xFF\xC3\x28 a\0b \xE2\x82\xAC";
    struct hygiene_counts hc;

    hygiene_count(s, sizeof(s) - 1, 0, &hc);
    assert_int_equal(hc.invalid, 2);
    assert_int_equal(hc.nul, 1);
    assert_int_equal(hc.first_bad, 2);
}

/* A bad byte or a NUL at each place of a run of ASCII and 2-byte characters. */
static void test_hygiene_count_every_place(void **state)
{
    (void)state;
    char s[32];
    struct hygiene_counts hc;

    for (size_t at = 0; at < 24; at++) {
        for (int nul = 0; nul < 2; nul++) {
            memset(s, 'a', sizeof(s));
            memcpy(s + (at + 9) % 22, "\xC3\xA5", 2); /* never over the bad byte, nor cut */
            s[at] = nul ? '\0' : '\xFF';
            hygiene_count(s, 24, 0, &hc);
            assert_int_equal(hc.invalid, nul ? 0 : 1);
            assert_int_equal(hc.nul, nul ? 1 : 0);
            assert_int_equal(hc.first_bad, at);
        }
    }
}

static void test_hygiene_char_reads_bad_bytes_as_one(void **state)
{
    (void)state;
    int32_t cp;
    bool bad;

    assert_int_equal(hygiene_char("\xC3\xA5", 2, 0, &cp, &bad), 2);
    assert_int_equal(cp, 0xE5);
    assert_false(bad);
    assert_int_equal(hygiene_char("\xC3", 1, 0, &cp, &bad), 1);
    assert_true(bad);
    assert_int_equal(cp, HYGIENE_BAD);
    assert_int_equal(hygiene_char("\0", 1, 0, &cp, &bad), 1);
    assert_true(bad);
}

static void test_hygiene_text_replaces_and_lists(void **state)
{
    (void)state;
    const char s[] = "Caf\xE9 \0x";
    struct buf out = BUF_INIT;
    json_t *bad = json_array();

    assert_int_equal(hygiene_text(&out, bad, s, 0, sizeof(s) - 1), 0);
    assert_string_equal(buf_str(&out), "Caf\xEF\xBF\xBD \xEF\xBF\xBDx");
    assert_int_equal(json_array_size(bad), 2);
    assert_int_equal(json_integer_value(json_array_get(bad, 0)), 3);
    assert_int_equal(json_integer_value(json_array_get(bad, 1)), 5);
    json_decref(bad);
    buf_release(&out);
}

static void test_hygiene_is_binary(void **state)
{
    (void)state;
    char bin[1024];
    const char *text = "Plain text.\r\nWith a NUL\0 in it, and \xFF one bad byte, "
                       "is still text, since the sample is long enough to dilute it.\n";

    for (size_t i = 0; i < sizeof(bin); i++)
        bin[i] = (char)(i * 7 % 32);
    assert_true(hygiene_is_binary(bin, sizeof(bin), &tc));
    assert_false(hygiene_is_binary(text, strlen(text) + 40, &tc));
    assert_false(hygiene_is_binary("", 0, &tc));
    for (size_t i = 0; i < sizeof(bin); i++) /* 1 control byte in 4, then in 40 */
        bin[i] = i % 4 == 3 ? '\x01' : i % 9 == 0 ? '\n' : 'a';
    assert_true(hygiene_is_binary(bin, sizeof(bin), &tc));
    for (size_t i = 0; i < sizeof(bin); i++)
        bin[i] = i % 40 == 3 ? '\x01' : i % 9 == 0 ? '\n' : 'a';
    assert_false(hygiene_is_binary(bin, sizeof(bin), &tc));
}

static void test_hygiene_line_of(void **state)
{
    (void)state;
    assert_int_equal(hygiene_line_of("a\nb\r\nc", 5), 3);
    assert_int_equal(hygiene_line_of("abc", 2), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hygiene_bom_found),
        cmocka_unit_test(test_hygiene_count_invalid_and_nul),
        cmocka_unit_test(test_hygiene_count_every_place),
        cmocka_unit_test(test_hygiene_char_reads_bad_bytes_as_one),
        cmocka_unit_test(test_hygiene_text_replaces_and_lists),
        cmocka_unit_test(test_hygiene_is_binary),
        cmocka_unit_test(test_hygiene_line_of),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
