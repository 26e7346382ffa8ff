/* Tests for recconflict: contradiction, divergence, and who takes part. */
#include "reconcile/recconflict.h"

#include <string.h>

#include "test_common.h"
#include "test_recfixture.h"

/* Find the disagreement among c[0..n) taken as one group. */
static enum recconflict_kind find(struct recclaim *c, size_t n, struct recconflict *cf)
{
    size_t idx[8];
    struct recgroup g = {"k", "p", idx, n};
    struct recconf cfg = conf();

    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    assert_int_equal(recconflict_find(cf, c, &g, &cfg), 0);
    return cf->kind;
}

static void test_recconflict_find_contradiction(void **state)
{
    struct recclaim c[4];
    struct recconflict cf;

    (void)state;
    mk(&c[0], "{\"value\":1000,\"qualifier\":\"min\",\"text\":\"thousands\"}");
    mk(&c[1], "{\"value\":65036,\"start\":10}");
    mk(&c[2],
       "{\"value\":10000,\"qualifier\":\"min\",\"text\":\"tens of thousands\",\"doc\":\"b\"}");
    mk(&c[3], "{\"value\":50000,\"doc\":\"b\",\"start\":10}");
    assert_int_equal(find(c, 4, &cf), RECCONFLICT_CONTRADICTION);
    /* the vague lower bounds fit both sides and are not listed */
    assert_int_equal(cf.n, 2);
    assert_int_equal(cf.members[0], 1);
    assert_int_equal(cf.members[1], 3);
    assert_false(cf.revision);
    assert_string_equal(recconflict_kind_name(cf.kind), "contradiction");
    recconflict_release(&cf);
    release(c, 4);
}

static void test_recconflict_find_divergence(void **state)
{
    struct recclaim c[3];
    struct recconflict cf;

    (void)state;
    mk(&c[0], "{\"value\":1000,\"qualifier\":\"min\",\"text\":\"1000\",\"sid\":1,"
              "\"attribution\":\"official figures\"}");
    mk(&c[1], "{\"value\":5000,\"qualifier\":\"approx\",\"text\":\"5000\",\"sid\":3,"
              "\"scope\":\"estimate\",\"attribution\":\"Putin\",\"start\":40}");
    assert_int_equal(find(c, 2, &cf), RECCONFLICT_DIVERGENCE);
    assert_int_equal(cf.n, 2);
    assert_true(cf.factor > 4.9 && cf.factor < 5.1);
    recconflict_release(&cf);
    /* within the factor: nothing */
    mk(&c[2], "{\"value\":3000,\"qualifier\":\"approx\",\"text\":\"3000\",\"doc\":\"b\"}");
    assert_int_equal(find(c + 1, 2, &cf), RECCONFLICT_NONE);
    assert_int_equal(cf.n, 0);
    recconflict_release(&cf);
    release(c, 3);
}

static void test_recconflict_find_vague_never_diverges(void **state)
{
    struct recclaim c[2];
    struct recconflict cf;

    (void)state;
    mk(&c[0], "{\"value\":1000,\"qualifier\":\"min\",\"text\":\"thousands\"}");
    mk(&c[1], "{\"value\":65036,\"start\":10}");
    assert_int_equal(find(c, 2, &cf), RECCONFLICT_NONE);
    recconflict_release(&cf);
    release(c, 2);
}

static void test_recconflict_find_excused_pairs(void **state)
{
    struct recclaim c[2];
    struct recconflict cf;

    (void)state;
    /* a count and its own source's higher estimate */
    mk(&c[0], "{\"value\":20,\"attribution\":\"officials\",\"sid\":1}");
    mk(&c[1], "{\"value\":100,\"scope\":\"estimate\",\"attribution\":\"officials\",\"sid\":2,"
              "\"start\":9}");
    assert_int_equal(find(c, 2, &cf), RECCONFLICT_NONE);
    recconflict_release(&cf);
    release(c, 2);
    /* a running total that grew */
    mk(&c[0], "{\"value\":89,\"date\":\"2020-09\"}");
    mk(&c[1], "{\"value\":1000,\"date\":\"2020-10\",\"doc\":\"b\"}");
    assert_int_equal(find(c, 2, &cf), RECCONFLICT_NONE);
    recconflict_release(&cf);
    release(c, 2);
}

static void test_recconflict_find_revision(void **state)
{
    struct recclaim c[2];
    struct recconflict cf;

    (void)state;
    mk(&c[0], "{\"value\":1000,\"date\":\"2020-09\"}");
    mk(&c[1], "{\"value\":89,\"date\":\"2020-10\",\"doc\":\"b\"}");
    assert_int_equal(find(c, 2, &cf), RECCONFLICT_CONTRADICTION);
    assert_true(cf.revision);
    recconflict_release(&cf);
    release(c, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_recconflict_find_contradiction),
        cmocka_unit_test(test_recconflict_find_divergence),
        cmocka_unit_test(test_recconflict_find_vague_never_diverges),
        cmocka_unit_test(test_recconflict_find_excused_pairs),
        cmocka_unit_test(test_recconflict_find_revision),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
