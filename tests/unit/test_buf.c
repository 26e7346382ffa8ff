#include "test_common.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

static void test_buf_add_grows_and_terminates(void **state)
{
    (void)state;
    struct buf b = BUF_INIT;

    assert_string_equal(buf_str(&b), "");
    for (int i = 0; i < 1000; i++)
        assert_int_equal(buf_addstr(&b, "ab"), 0);
    assert_int_equal(b.len, 2000);
    assert_int_equal(strlen(buf_str(&b)), 2000);
    buf_reset(&b);
    assert_int_equal(buf_addch(&b, 'x'), 0);
    assert_string_equal(buf_str(&b), "x");
    buf_release(&b);
    assert_null(b.data);
}

static void test_buf_detach_hands_over(void **state)
{
    (void)state;
    struct buf b = BUF_INIT;
    char *s = buf_detach(&b);

    assert_string_equal(s, "");
    free(s);
    buf_add(&b, "hello", 5);
    s = buf_detach(&b);
    assert_string_equal(s, "hello");
    assert_null(b.data);
    free(s);
}

static void test_buf_grow_refuses_overflow(void **state)
{
    (void)state;
    struct buf b = BUF_INIT;

    assert_int_equal(buf_grow(&b, (size_t)-1), -1);
    assert_null(b.data);
}

/* Room made in a buffer that held nothing is still a C string: "" (a decoded empty string). */
static void test_buf_grow_keeps_it_a_string(void **state)
{
    (void)state;
    for (int round = 0; round < 8; round++) {
        char *junk = malloc(64);
        assert_non_null(junk);
        memset(junk, 'x', 64);
        free(junk);
        struct buf b = BUF_INIT;
        assert_int_equal(buf_grow(&b, 40), 0);
        assert_non_null(b.data);
        assert_int_equal(strlen(buf_str(&b)), 0);
        buf_reset(&b);
        assert_string_equal(buf_str(&b), "");
        buf_release(&b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_add_grows_and_terminates),
        cmocka_unit_test(test_buf_detach_hands_over),
        cmocka_unit_test(test_buf_grow_refuses_overflow),
        cmocka_unit_test(test_buf_grow_keeps_it_a_string),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
