#include "test_common.h"

#include <string.h>

#include "tokenize/tokhead.h"

static void test_tokhead_parse_month_then_text(void **state)
{
    (void)state;
    struct tokhead h;
    const char *s = " date 2020-10 Den armenske";

    assert_true(tokhead_parse(s, strlen(s), 0, &h));
    assert_string_equal(h.date, "2020-10");
    assert_int_equal(h.end, 14);
}

static void test_tokhead_parse_day_own_line_after_bom(void **state)
{
    (void)state;
    struct tokhead h;
    const char *s = "\xEF\xBB\xBF date 2023-09-27\r\nText";

    assert_true(tokhead_parse(s, strlen(s), 3, &h));
    assert_string_equal(h.date, "2023-09-27");
    assert_int_equal(h.end, 21);
}

static void test_tokhead_parse_rejects(void **state)
{
    (void)state;
    struct tokhead h;
    const char *bad[] = {" date 2020-13 x", " date 2020-1 x",   "date2020-10",     " dated 2020-10",
                         " date 2020-10x",  " date 2020-10-32", "The date 2020-10"};

    for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
        assert_false(tokhead_parse(bad[i], strlen(bad[i]), 0, &h));
        assert_string_equal(h.date, "");
        assert_int_equal(h.end, 0);
    }
}

static void test_tokhead_valid_date(void **state)
{
    (void)state;
    assert_true(tokhead_valid_date("2023-09", 7));
    assert_true(tokhead_valid_date("2023-09-30", 10));
    assert_false(tokhead_valid_date("2023-00", 7));
    assert_false(tokhead_valid_date("2023/09", 7));
    assert_false(tokhead_valid_date("23-09", 5));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokhead_parse_month_then_text),
        cmocka_unit_test(test_tokhead_parse_day_own_line_after_bom),
        cmocka_unit_test(test_tokhead_parse_rejects),
        cmocka_unit_test(test_tokhead_valid_date),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
