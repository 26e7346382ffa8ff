#include "test_common.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "csvout.h"

static char out[512];

static FILE *open_out(struct csvout *c)
{
    memset(out, 0, sizeof(out));
    FILE *fp = fmemopen(out, sizeof(out) - 1, "w");
    csvout_init(c, fp);
    return fp;
}

static void test_csvout_text_quotes_only_when_needed(void **state)
{
    (void)state;
    struct csvout c;
    FILE *fp = open_out(&c);

    csvout_text(&c, "plain");
    csvout_text(&c, "a,b");
    csvout_text(&c, "say \"hi\"");
    csvout_text(&c, "two\nlines");
    csvout_text(&c, NULL);
    csvout_end(&c);
    fclose(fp);
    assert_string_equal(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
}

static void test_csvout_text_neutralises_formulas(void **state)
{
    (void)state;
    struct csvout c;
    FILE *fp = open_out(&c);

    csvout_text(&c, "=1+1");
    csvout_text(&c, "+2");
    csvout_text(&c, "-3+3");
    csvout_text(&c, "@SUM(A1)");
    csvout_text(&c, "\tx");
    csvout_text(&c, "\rx");
    csvout_text(&c, "a=1");
    csvout_end(&c);
    fclose(fp);
    assert_string_equal(out, "\"'=1+1\",\"'+2\",\"'-3+3\",\"'@SUM(A1)\",\"'\tx\",\"'\rx\",a=1\r\n");
}

static void test_csvout_num_is_plain_decimal(void **state)
{
    (void)state;
    struct csvout c;
    FILE *fp = open_out(&c);

    csvout_num(&c, 65036);
    csvout_num(&c, 33.333333333);
    csvout_num(&c, -0.0);
    csvout_num(&c, 1e20);
    csvout_num(&c, -2.5);
    csvout_empty(&c);
    csvout_end(&c);
    fclose(fp);
    assert_string_equal(out, "65036,33.333333,0,100000000000000000000,-2.5,\r\n");
}

static void test_csvout_format_num_non_finite_is_empty(void **state)
{
    (void)state;
    char buf[32];

    assert_string_equal(csvout_format_num(buf, sizeof(buf), 1.0 / 0.0), "");
    assert_string_equal(csvout_format_num(buf, sizeof(buf), 0.5), "0.5");
}

/* What csvout_format_num() must give: "%.6f" with its zeros cut, "-0" as "0". */
static void expect_printf(double v)
{
    char want[400], got[400];

    snprintf(want, sizeof(want), "%.6f", v);
    char *end = want + strlen(want);
    while (end[-1] == '0')
        *--end = '\0';
    if (end[-1] == '.')
        *--end = '\0';
    if (strcmp(want, "-0") == 0)
        strcpy(want, "0");
    csvout_format_num(got, sizeof(got), v);
    if (strcmp(want, got) != 0)
        fail_msg("%.17g: want %s, got %s", v, want, got);
}

static void test_csvout_format_num_is_printf(void **state)
{
    (void)state;
    unsigned long long x = 88172645463325252ULL; /* xorshift64 */
    static const double scale[] = {1e-9, 1e-7, 1e-6, 1e-3, 1, 10, 1e3, 1e6, 1e9, 1e12, 1e14};

    for (long i = 1; i <= 4096; i++) { /* ties: multiples of 1/2^7 are exact halves of 1e-6 */
        expect_printf(i / 128.0);
        expect_printf(-i / 128.0);
        expect_printf(i / 1024.0 + 1e6);
        expect_printf(i * 1e-6);
        expect_printf(i * 1e-6 + 5e-7);
        expect_printf(1 - i * 1e-7);
        expect_printf(i * 0.1);
        expect_printf(i / 3.0);
    }
    for (long i = 0; i < 400000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        double u = (double)(x >> 11) / 9007199254740992.0; /* [0, 1) */
        double v = u * scale[i % (long)(sizeof(scale) / sizeof(scale[0]))];
        expect_printf(i & 1 ? -v : v);
        expect_printf(nextafter(round(v * 1e6) / 1e6 + 5e-7, 0));
        expect_printf(round(v * 1e6) / 1e6 + 5e-7);
    }
    expect_printf(999999999999999.9);
    expect_printf(0.9999995);
    expect_printf(-0.0000004);
    expect_printf(1e-10);
    expect_printf(5e-7);
}

static void test_csvout_end_reports_write_failure(void **state)
{
    (void)state;
    char tiny[4];
    FILE *fp = fmemopen(tiny, sizeof(tiny), "w");
    struct csvout c;

    setvbuf(fp, NULL, _IONBF, 0);
    csvout_init(&c, fp);
    int rc = 0;
    for (int i = 0; i < 8 && rc == 0; i++)
        rc = csvout_text(&c, "abcdef");
    assert_int_equal(rc, 0); /* gathered, not written yet */
    assert_int_equal(csvout_end(&c), -1);
    fclose(fp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csvout_text_quotes_only_when_needed),
        cmocka_unit_test(test_csvout_text_neutralises_formulas),
        cmocka_unit_test(test_csvout_num_is_plain_decimal),
        cmocka_unit_test(test_csvout_format_num_non_finite_is_empty),
        cmocka_unit_test(test_csvout_format_num_is_printf),
        cmocka_unit_test(test_csvout_end_reports_write_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
