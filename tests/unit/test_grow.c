#include "test_common.h"

#include <stdint.h>
#include <stdlib.h>

#include "grow.h"

static void test_grow_items_doubles_and_keeps(void **state)
{
    (void)state;
    int *a = NULL;
    size_t cap = 0;

    assert_int_equal(grow_items(&a, &cap, 3, sizeof(*a)), 0);
    assert_int_equal(cap, 3);
    a[0] = 7;
    a[2] = 9;
    assert_int_equal(grow_items(&a, &cap, 4, sizeof(*a)), 0);
    assert_int_equal(cap, 6); /* doubled, not just enough */
    assert_int_equal(a[0], 7);
    assert_int_equal(a[2], 9);
    assert_int_equal(grow_items(&a, &cap, 5, sizeof(*a)), 0);
    assert_int_equal(cap, 6); /* room enough: unchanged */
    assert_int_equal(grow_items(&a, &cap, 100, sizeof(*a)), 0);
    assert_int_equal(cap, 100); /* more than double asked: what is asked */
    free(a);
}

static void test_grow_items_refuses_overflow(void **state)
{
    (void)state;
    long *a = NULL;
    size_t cap = 0;

    assert_int_equal(grow_items(&a, &cap, 2, sizeof(*a)), 0);
    long *before = a;
    assert_int_equal(grow_items(&a, &cap, SIZE_MAX / 2, sizeof(*a)), -1);
    assert_ptr_equal(a, before);
    assert_int_equal(cap, 2);
    free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grow_items_doubles_and_keeps),
        cmocka_unit_test(test_grow_items_refuses_overflow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
