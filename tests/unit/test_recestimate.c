/* Tests for recestimate: weighted median, independent sources, low / best / high. */
#include "reconcile/recestimate.h"

#include <math.h>

#include <gsl/gsl_errno.h>

#include "test_common.h"
#include "test_recfixture.h"

static void test_recestimate_wmedian_plain(void **state)
{
    double v[] = {5, 1, 3}, w[] = {1, 1, 1}, out;
    double v2[] = {50000, 65036}, w2[] = {1, 1};

    (void)state;
    assert_int_equal(recestimate_wmedian(v, w, 3, &out), 0);
    assert_true(out == 3);
    assert_int_equal(recestimate_wmedian(v2, w2, 2, &out), 0);
    assert_true(out == 57518);
}

static void test_recestimate_wmedian_weighted(void **state)
{
    double v[] = {100, 200, 300}, w[] = {0.5, 0.5, 2}, out;

    (void)state;
    assert_int_equal(recestimate_wmedian(v, w, 3, &out), 0);
    assert_true(out == 300);
    assert_int_equal(recestimate_wmedian(v, w, 0, &out), -1);
    double zero[] = {0, 0, 0};
    assert_int_equal(recestimate_wmedian(v, zero, 3, &out), -1);
}

static void test_recestimate_sources_syndicated(void **state)
{
    struct recclaim c[4];
    size_t members[] = {0, 1, 2, 3}, source[4];

    (void)state;
    mk(&c[0], "{\"value\":100,\"doc\":\"a\",\"quote\":\"Wire: 100 dead.\",\"attribution\":\"AP\"}");
    mk(&c[1], "{\"value\":100,\"doc\":\"b\",\"quote\":\"wire: 100 dead.\",\"attribution\":\"AP\"}");
    mk(&c[2], "{\"value\":200,\"doc\":\"c\",\"quote\":\"200 dead.\"}");
    mk(&c[3], "{\"value\":300,\"doc\":\"c\",\"quote\":\"300 dead.\",\"start\":9}");
    assert_int_equal(recestimate_sources(c, members, 4, source), 2);
    assert_int_equal(source[0], source[1]);
    assert_int_equal(source[2], source[3]);
    assert_int_not_equal(source[0], source[2]);
    release(c, 4);
}

static void test_recestimate_sources_copies_among_values(void **state)
{
    struct recclaim c[6];
    size_t members[] = {0, 1, 2, 3, 4, 5}, source[6];

    (void)state;
    /* copies found through folding (case, composed or not) and through the very same text */
    mk(&c[0], "{\"value\":7,\"doc\":\"a\",\"quote\":\"\u00c9t\u00e9: 7 d\u00f8de.\"}");
    mk(&c[1], "{\"value\":7,\"doc\":\"b\",\"quote\":\"e\u0301t\u00e9: 7 D\u00d8DE.\"}");
    mk(&c[2], "{\"value\":7,\"doc\":\"c\",\"quote\":\"\u00c9t\u00e9: 7 d\u00f8de.\"}");
    /* the same text with another value is no copy; nor is a value alone */
    mk(&c[3], "{\"value\":8,\"doc\":\"d\",\"quote\":\"\u00c9t\u00e9: 7 d\u00f8de.\"}");
    mk(&c[4], "{\"value\":9,\"doc\":\"e\",\"quote\":\"\u00c9t\u00e9: 9 d\u00f8de.\"}");
    mk(&c[5], "{\"value\":7,\"doc\":\"f\",\"quote\":\"\u00c9t\u00e9: 7 dode.\"}");
    assert_int_equal(recestimate_sources(c, members, 6, source), 4);
    assert_int_equal(source[0], 0);
    assert_int_equal(source[1], 0);
    assert_int_equal(source[2], 0);
    assert_int_equal(source[3], 1);
    assert_int_equal(source[4], 2);
    assert_int_equal(source[5], 3);
    release(c, 6);
}

static void test_recestimate_compute_bounds(void **state)
{
    struct recclaim c[4];
    size_t members[] = {0, 1, 2, 3};
    struct recestimate e;

    (void)state;
    mk(&c[0], "{\"value\":100,\"doc\":\"a\",\"quote\":\"Wire: 100 dead.\"}");
    mk(&c[1], "{\"value\":100,\"doc\":\"b\",\"quote\":\"Wire: 100 dead.\"}");
    mk(&c[2], "{\"value\":100,\"doc\":\"e\",\"quote\":\"Wire: 100 dead.\"}");
    mk(&c[3], "{\"value\":250,\"qualifier\":\"range\",\"low\":200,\"high\":300,\"doc\":\"d\"}");
    assert_int_equal(recestimate_compute(&e, c, members, 4), 0);
    /* three copies of one wire story weigh as one source against one other */
    assert_int_equal(e.n_docs, 2);
    assert_true(e.low == 100);
    assert_true(e.high == 300);
    assert_true(e.best == 175);
    assert_true(e.low <= e.best && e.best <= e.high);
    assert_true(e.ratio == 3);
    assert_int_equal(recestimate_compute(&e, c, members, 0), -1);
    release(c, 4);
}

static void test_recestimate_compute_zero_low(void **state)
{
    struct recclaim c[2];
    size_t members[] = {0, 1};
    struct recestimate e;

    (void)state;
    mk(&c[0], "{\"value\":0}");
    mk(&c[1], "{\"value\":7,\"doc\":\"b\"}");
    assert_int_equal(recestimate_compute(&e, c, members, 2), 0);
    assert_true(isnan(e.ratio));
    assert_true(e.best == 3.5);
    release(c, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_recestimate_wmedian_plain),
        cmocka_unit_test(test_recestimate_wmedian_weighted),
        cmocka_unit_test(test_recestimate_sources_syndicated),
        cmocka_unit_test(test_recestimate_sources_copies_among_values),
        cmocka_unit_test(test_recestimate_compute_bounds),
        cmocka_unit_test(test_recestimate_compute_zero_low),
    };
    gsl_set_error_handler_off();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
