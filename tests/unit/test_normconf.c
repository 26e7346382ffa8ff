#include "test_common.h"

#include <stdio.h>
#include <unistd.h>

#include "normalize/normconf.h"

/* The spare is the config a load of its own gives, handed over once. */
static void test_normconf_spare_loads_beside_and_is_taken_once(void **state)
{
    (void)state;
    struct normconf_spare s;
    struct normconf own;

    normconf_spare_start(&s, "config");
    assert_int_equal(normconf_load(&own, "config"), 0);
    struct normconf *got = normconf_spare_take(&s);
    assert_non_null(got);
    assert_true(got->approx_tolerance == own.approx_tolerance);
    assert_true(got->window_sentences == own.window_sentences);
    assert_non_null(got->claims);
    assert_non_null(got->values);
    assert_ptr_not_equal(got->values, own.values); /* its caches are its own */
    assert_null(normconf_spare_take(&s));
    normconf_release(got);
    normconf_spare_release(&s); /* taken: not released twice (valgrind, ASan) */
    normconf_release(&own);
}

/* A config that does not load gives no spare, and says nothing itself. */
static void test_normconf_spare_of_a_bad_config_is_none(void **state)
{
    (void)state;
    struct normconf_spare s;
    FILE *err = tmpfile();
    int saved = dup(2);

    dup2(fileno(err), 2);
    normconf_spare_start(&s, "/nonexistent-config");
    assert_null(normconf_spare_take(&s));
    normconf_spare_release(&s);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    assert_int_equal(ftell(err), 0);
    fclose(err);
}

/* Released without being taken: the loaded config is freed (valgrind, ASan). */
static void test_normconf_spare_released_untaken(void **state)
{
    (void)state;
    struct normconf_spare s;

    normconf_spare_start(&s, "config");
    normconf_spare_release(&s);
    assert_null(normconf_spare_take(&s));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normconf_spare_loads_beside_and_is_taken_once),
        cmocka_unit_test(test_normconf_spare_of_a_bad_config_is_none),
        cmocka_unit_test(test_normconf_spare_released_untaken),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
