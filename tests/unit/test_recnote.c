#include "test_common.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "reconcile/recnote.h"

/* recnote_number(v) as a string in a static buffer. */
static const char *number(double v)
{
    static char out[1024];
    struct buf b;

    buf_init(&b);
    assert_int_equal(recnote_number(&b, v), 0);
    snprintf(out, sizeof(out), "%s", buf_str(&b));
    buf_release(&b);
    return out;
}

static void test_recnote_number_commas_and_cents(void **state)
{
    (void)state;
    assert_string_equal(number(65036), "65,036");
    assert_string_equal(number(33.333333), "33.33");
    assert_string_equal(number(-1234.5), "-1,234.5");
    assert_string_equal(number(0), "0");
    assert_string_equal(number(999), "999");
}

/* A figure beyond 64 digits is written whole, not cut (1e300 has 301). */
static void test_recnote_number_long_figure_whole(void **state)
{
    (void)state;
    const char *s = number(1e300);
    size_t digits = 0;

    for (const char *p = s; *p; p++)
        digits += *p >= '0' && *p <= '9';
    assert_int_equal(digits, 301);
    assert_int_equal(strlen(s), 301 + 100); /* a comma every three digits */
    assert_int_equal(strncmp(s, "1,000,000", 9), 0);
}

/* Near DBL_MAX, rounding to cents must not overflow to an empty figure. */
static void test_recnote_number_near_dbl_max(void **state)
{
    (void)state;
    char s[1024];

    snprintf(s, sizeof(s), "%s", number(1.7e308));
    assert_int_equal(strncmp(s, "169,999,999", 11), 0);
    assert_null(strchr(s, '.'));
    assert_string_equal(number(-1.7e308) + 1, s);
    assert_int_equal(number(-1.7e308)[0], '-');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_recnote_number_commas_and_cents),
        cmocka_unit_test(test_recnote_number_long_figure_whole),
        cmocka_unit_test(test_recnote_number_near_dbl_max),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
