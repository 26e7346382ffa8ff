/* Tests for recrule, recgroup and recconflict: the rules that say what is not a conflict. */
#include "reconcile/recrule.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reconcile/recconflict.h"
#include "reconcile/recgroup.h"
#include "test_common.h"
#include "test_recfixture.h"

static void test_recrule_pair_hedge(void **state)
{
    struct recclaim c[3];
    struct recconf cfg = conf();

    (void)state;
    mk(&c[0], "{\"value\":20,\"attribution\":\"officials\",\"sid\":1}");
    mk(&c[1], "{\"value\":100,\"scope\":\"estimate\",\"attribution\":\"officials\",\"sid\":2}");
    mk(&c[2], "{\"value\":100,\"scope\":\"estimate\",\"attribution\":\"Putin\",\"sid\":3}");
    assert_int_equal(recrule_pair(&c[0], &c[1], &cfg), RECRULE_HEDGE);
    assert_int_equal(recrule_pair(&c[1], &c[0], &cfg), RECRULE_HEDGE);
    /* another source's estimate is compared, not excused */
    assert_int_equal(recrule_pair(&c[0], &c[2], &cfg), RECRULE_COMPARE);
    release(c, 3);
}

static void test_recrule_pair_increment(void **state)
{
    struct recclaim c[3];
    struct recconf cfg = conf();

    (void)state;
    mk(&c[0], "{\"value\":26,\"scope\":\"increment\"}");
    mk(&c[1], "{\"value\":40,\"scope\":\"increment\",\"doc\":\"b\"}");
    assert_int_equal(recrule_pair(&c[0], &c[1], &cfg), RECRULE_INCREMENT);
    recclaim_release(&c[0]);
    recclaim_release(&c[1]);
    mk(&c[0], "{\"value\":26,\"scope\":\"increment\",\"date\":\"2023-09-20\"}");
    mk(&c[1], "{\"value\":40,\"scope\":\"increment\",\"date\":\"2023-09-20\",\"doc\":\"b\"}");
    mk(&c[2], "{\"value\":40,\"scope\":\"increment\",\"date\":\"2023-09-21\",\"doc\":\"b\"}");
    assert_int_equal(recrule_pair(&c[0], &c[1], &cfg), RECRULE_COMPARE);
    assert_int_equal(recrule_pair(&c[0], &c[2], &cfg), RECRULE_INCREMENT);
    release(c, 3);
}

static void test_recrule_pair_update_and_revision(void **state)
{
    struct recclaim c[4];
    struct recconf cfg = conf();

    (void)state;
    mk(&c[0], "{\"value\":89,\"date\":\"2020-09\"}");
    mk(&c[1], "{\"value\":1000,\"qualifier\":\"min\",\"text\":\"1000\",\"date\":\"2020-10\"}");
    mk(&c[2], "{\"value\":50,\"date\":\"2020-10-02\"}");
    mk(&c[3], "{\"value\":50,\"category\":\"troops\",\"date\":\"2020-10-02\"}");
    assert_int_equal(recrule_pair(&c[0], &c[1], &cfg), RECRULE_UPDATE);
    assert_int_equal(recrule_pair(&c[1], &c[0], &cfg), RECRULE_UPDATE);
    /* a cumulative count that fell: 89 in September, 50 in October */
    assert_int_equal(recrule_pair(&c[0], &c[2], &cfg), RECRULE_REVISION);
    assert_int_equal(recrule_pair(&c[2], &c[0], &cfg), RECRULE_REVISION);
    release(c, 4);
    /* troops may go down */
    mk(&c[0], "{\"value\":89,\"category\":\"troops\",\"date\":\"2020-09\"}");
    mk(&c[1], "{\"value\":50,\"category\":\"troops\",\"date\":\"2020-10-02\"}");
    assert_int_equal(recrule_pair(&c[0], &c[1], &cfg), RECRULE_UPDATE);
    release(c, 2);
}

static void test_recrule_pair_same_period(void **state)
{
    struct recclaim c[3];
    struct recconf cfg = conf();

    (void)state;
    mk(&c[0], "{\"value\":65036,\"date\":\"2023-09\"}");
    mk(&c[1], "{\"value\":50000,\"date\":\"2023-09\",\"doc\":\"b\"}");
    mk(&c[2], "{\"value\":50000,\"date\":\"2023-09-27\",\"doc\":\"c\"}");
    assert_int_equal(recrule_pair(&c[0], &c[1], &cfg), RECRULE_COMPARE);
    /* a month-only date cannot be ordered against a day inside it */
    assert_int_equal(recrule_pair(&c[0], &c[2], &cfg), RECRULE_COMPARE);
    assert_string_equal(recrule_name(RECRULE_REVISION), "revision");
    release(c, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_recrule_pair_hedge),
        cmocka_unit_test(test_recrule_pair_increment),
        cmocka_unit_test(test_recrule_pair_update_and_revision),
        cmocka_unit_test(test_recrule_pair_same_period),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
