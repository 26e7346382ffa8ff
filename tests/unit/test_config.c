#include "test_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

static char path[64];

static const char *write_tmp(const char *text)
{
    snprintf(path, sizeof(path), "/tmp/test_config_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    return path;
}

static void test_config_load_good_file(void **state)
{
    (void)state;
    struct config_file cf;
    double v;

    assert_int_equal(config_load(&cf, write_tmp("{\n \"factor\": 1.5\n}\n")), 0);
    assert_int_equal(config_get_number(&cf, cf.root, "factor", true, 0, &v), 0);
    assert_true(v == 1.5);
    config_file_release(&cf);
    unlink(path);
}

static void test_config_load_syntax_error_fails(void **state)
{
    (void)state;
    struct config_file cf;

    assert_int_equal(config_load(&cf, write_tmp("{\n \"a\": 1,\n}\n")), -1);
    assert_null(cf.root);
    unlink(path);
}

static void test_config_load_duplicate_key_fails(void **state)
{
    (void)state;
    struct config_file cf;

    assert_int_equal(config_load(&cf, write_tmp("{\"a\": 1, \"a\": 2}")), -1);
    unlink(path);
}

static void test_config_load_non_object_and_missing_fail(void **state)
{
    (void)state;
    struct config_file cf;

    assert_int_equal(config_load(&cf, write_tmp("[1]")), -1);
    unlink(path);
    assert_int_equal(config_load(&cf, "/nonexistent/config.json"), -1);
}

static void test_config_keys_unknown_key_names_line(void **state)
{
    (void)state;
    struct config_file cf;
    const char *const allowed[] = {"qualifiers", NULL};

    assert_int_equal(
        config_load(&cf, write_tmp("{\n  \"qualifiers\": [],\n  \"qualifers\": []\n}")), 0);
    assert_int_equal(config_key_line(&cf, "qualifers"), 3);
    assert_int_equal(config_key_line(&cf, "qualifiers"), 2);
    assert_int_equal(config_key_line(&cf, "absent"), 0);
    assert_int_equal(config_keys(&cf, cf.root, "", allowed, NULL), -1);
    config_file_release(&cf);
    unlink(path);
}

static void test_config_keys_required_missing(void **state)
{
    (void)state;
    struct config_file cf;
    const char *const allowed[] = {"a", "b", NULL};
    const char *const required[] = {"b", NULL};

    assert_int_equal(config_load(&cf, write_tmp("{\"a\": 1}")), 0);
    assert_int_equal(config_keys(&cf, cf.root, "", allowed, required), -1);
    assert_int_equal(config_keys(&cf, cf.root, "", allowed, NULL), 0);
    config_file_release(&cf);
    unlink(path);
}

static void test_config_getters_check_types(void **state)
{
    (void)state;
    struct config_file cf;
    double d;
    const char *s;
    bool b;
    const json_t *list;

    assert_int_equal(
        config_load(&cf, write_tmp("{\"n\": \"x\", \"s\": 1, \"b\": 0, \"l\": [\"a\", 2]}")), 0);
    assert_int_equal(config_get_number(&cf, cf.root, "n", true, 0, &d), -1);
    assert_int_equal(config_get_string(&cf, cf.root, "s", true, NULL, &s), -1);
    assert_int_equal(config_get_bool(&cf, cf.root, "b", true, false, &b), -1);
    assert_int_equal(config_get_strings(&cf, cf.root, "l", true, &list), -1);
    assert_int_equal(config_get_number(&cf, cf.root, "absent", false, 7, &d), 0);
    assert_true(d == 7);
    assert_int_equal(config_get_number(&cf, cf.root, "absent", true, 7, &d), -1);
    config_file_release(&cf);
    unlink(path);
}

static void test_config_dir_prefers_option_then_env(void **state)
{
    (void)state;
    assert_string_equal(config_dir("given"), "given");
    setenv("CLAIMREC_CONFIG", "/from/env", 1);
    assert_string_equal(config_dir(NULL), "/from/env");
    unsetenv("CLAIMREC_CONFIG");
    char *p = config_path("config", "lang/nb.json");
    assert_string_equal(p, "config/lang/nb.json");
    free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_config_load_good_file),
        cmocka_unit_test(test_config_load_syntax_error_fails),
        cmocka_unit_test(test_config_load_duplicate_key_fails),
        cmocka_unit_test(test_config_load_non_object_and_missing_fail),
        cmocka_unit_test(test_config_keys_unknown_key_names_line),
        cmocka_unit_test(test_config_keys_required_missing),
        cmocka_unit_test(test_config_getters_check_types),
        cmocka_unit_test(test_config_dir_prefers_option_then_env),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
