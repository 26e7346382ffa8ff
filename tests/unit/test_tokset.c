#include "test_common.h"

#include <stdbool.h>

#include "tokenize/tokset.h"

static void test_tokset_has_ascii_and_others(void **state)
{
    (void)state;
    struct tokset set;

    assert_int_equal(tokset_init(&set, ".!?\xE2\x80\xA6\xC2\xBB"), 0); /* .!?…» */
    assert_string_equal(set.utf8, ".!?\xE2\x80\xA6\xC2\xBB");
    assert_true(tokset_has(&set, '.'));
    assert_true(tokset_has(&set, '?'));
    assert_true(tokset_has(&set, 0x2026));
    assert_true(tokset_has(&set, 0xBB));
    assert_false(tokset_has(&set, ','));
    assert_false(tokset_has(&set, 'A'));
    assert_false(tokset_has(&set, 0xAB));
    assert_false(tokset_has(&set, 0));
    assert_false(tokset_has(&set, -1));
    tokset_release(&set);
}

/* ASCII bytes count wherever they are; other characters only before invalid UTF-8. */
static void test_tokset_has_stops_at_invalid(void **state)
{
    (void)state;
    struct tokset set;

    assert_int_equal(tokset_init(&set, "\xC2\xBB\xFF\xC2\xAB%"), 0);
    assert_true(tokset_has(&set, 0xBB));
    assert_false(tokset_has(&set, 0xAB));
    assert_true(tokset_has(&set, '%'));
    assert_false(tokset_has(&set, 0x7F));
    tokset_release(&set);
}

static void test_tokset_has_empty_and_high_ascii_bits(void **state)
{
    (void)state;
    struct tokset set;

    assert_int_equal(tokset_init(&set, ""), 0);
    for (int32_t c = 0; c < 0x100; c++)
        assert_false(tokset_has(&set, c));
    tokset_release(&set);
    assert_int_equal(tokset_init(&set, "~\x7F@"), 0);
    assert_true(tokset_has(&set, '~'));
    assert_true(tokset_has(&set, 0x7F));
    assert_true(tokset_has(&set, '@'));
    assert_false(tokset_has(&set, '?'));
    assert_false(tokset_has(&set, '}'));
    tokset_release(&set);
    tokset_release(&set); /* safe on a released set */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokset_has_ascii_and_others),
        cmocka_unit_test(test_tokset_has_stops_at_invalid),
        cmocka_unit_test(test_tokset_has_empty_and_high_ascii_bits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
