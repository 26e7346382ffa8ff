#include "test_common.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include "zmem.h"

#define ZMEM_TEST_SIZE ((size_t)8 << 20)

static long minor_faults(void)
{
    struct rusage ru;

    assert_int_equal(getrusage(RUSAGE_SELF, &ru), 0);
    return ru.ru_minflt;
}

/* The minor page faults of reading one byte of each page of p[0..n), and their sum into *sum. */
static long faults_reading(const volatile unsigned char *p, size_t n, unsigned *sum)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    long before = minor_faults();

    for (size_t i = 0; i < n; i += page)
        *sum += p[i];
    return minor_faults() - before;
}

static void test_zmem_alloc_is_zeroed(void **state)
{
    (void)state;
    unsigned char *p = zmem_alloc(100000);

    assert_non_null(p);
    for (size_t i = 0; i < 100000; i++)
        assert_int_equal(p[i], 0);
    p[99999] = 1;
    free(p);
    p = zmem_alloc(0);
    assert_non_null(p);
    free(p);
}

/*
 * Reading a page of zmem_alloc()'s faults nothing in: the page is the
 * process's own already. Reading calloc()'s large block maps the zero page,
 * one fault a page, where glibc leaves it untouched (not under valgrind).
 */
static void test_zmem_alloc_pages_are_written_at_once(void **state)
{
    (void)state;
    size_t pages = ZMEM_TEST_SIZE / (size_t)sysconf(_SC_PAGESIZE);
    unsigned sum = 0;
    unsigned char *p = zmem_alloc(ZMEM_TEST_SIZE);

    assert_non_null(p);
    long own = faults_reading(p, ZMEM_TEST_SIZE, &sum);
    unsigned char *q = calloc(1, ZMEM_TEST_SIZE);
    assert_non_null(q);
    long plain = faults_reading(q, ZMEM_TEST_SIZE, &sum);
    free(q);
    free(p);
    assert_int_equal(sum, 0);
    assert_true(own < (long)pages / 16);
    if (plain >= (long)pages / 2) /* where calloc shows the cost, zmem is far below it */
        assert_true(own * 8 < plain);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zmem_alloc_is_zeroed),
        cmocka_unit_test(test_zmem_alloc_pages_are_written_at_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
