#include "test_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "stats.h"

static void test_stats_skip_is_listed(void **state)
{
    (void)state;
    struct stats st;

    assert_int_equal(stats_init(&st, "tokenize"), 0);
    assert_int_equal(stats_skip(&st, "a", "in/a.txt", "binary file"), 0);
    assert_int_equal(stats_skip_quiet(&st, "b", NULL, "unreadable"), 0);
    assert_int_equal(stats_nskipped(&st), 2);
    json_t *j = stats_json(&st);
    json_t *first = json_array_get(json_object_get(j, "skipped"), 0);
    assert_string_equal(json_string_value(json_object_get(first, "reason")), "binary file");
    assert_string_equal(json_string_value(json_object_get(j, "stage")), "tokenize");
    assert_true(json_integer_value(json_object_get(j, "peak_rss_kb")) > 0);
    json_decref(j);
    stats_release(&st);
}

static void test_stats_write_creates_file(void **state)
{
    (void)state;
    struct stats st;
    char path[] = "/tmp/test_stats_XXXXXX";
    int fd = mkstemp(path);
    json_error_t jerr;

    close(fd);
    stats_init(&st, "extract");
    st.documents = 3;
    assert_int_equal(stats_write(&st, path), 0);
    json_t *j = json_load_file(path, 0, &jerr);
    assert_non_null(j);
    assert_int_equal(json_integer_value(json_object_get(j, "documents")), 3);
    json_decref(j);
    assert_int_equal(stats_write(&st, "/nonexistent/dir/s.json"), -1);
    assert_int_equal(stats_write(&st, NULL), 0);
    stats_release(&st);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stats_skip_is_listed),
        cmocka_unit_test(test_stats_write_creates_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
