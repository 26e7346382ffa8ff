#include "test_common.h"

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
        cmocka_unit_test(test_csvout_end_reports_write_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
