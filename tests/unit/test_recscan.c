/* Tests for recscan: the values jansson would give, and giving up wherever jansson might differ. */
#include "reconcile/recscan.h"

#include <math.h>
#include <string.h>

#include <jansson.h>

#include "test_common.h"

/* recscan_line() on a copy of line (it writes into its line), which lasts until the next. */
static int scan(struct recscan *sc, const char *line)
{
    static char copy[1024];
    size_t len = strlen(line);

    assert_true(len < sizeof(copy));
    memcpy(copy, line, len + 1);
    return recscan_line(sc, copy, len);
}

static void test_recscan_line_fields(void **state)
{
    struct recscan sc = {0};

    (void)state;
    assert_int_equal(scan(&sc, " {\"doc\":\"a\\\"b\\\\c\\/\\t\", \"start\" : 12,\"value\":-0.5e2,"
                               "\"low\":null,\"ambiguous\":true,\"extra\":[1, {\"x\": 2}],"
                               "\"place\":\"T\xc3\xb8nsberg\",\"high\":-0}\r"),
                     0); /* an array value: left to jansson */
    assert_int_equal(scan(&sc, " {\"doc\":\"a\\\"b\\\\c\\/\\t\", \"start\" : 12,\"value\":-0.5e2,"
                               "\"low\":null,\"ambiguous\":true,\"extra\":\"x\","
                               "\"place\":\"T\xc3\xb8nsberg\",\"high\":-0}\r"),
                     1);
    assert_int_equal(sc.v[RECSCAN_DOC].type, RECSCAN_STRING);
    assert_string_equal(sc.v[RECSCAN_DOC].s, "a\"b\\c/\t");
    assert_int_equal(sc.v[RECSCAN_DOC].len, 7);
    assert_int_equal(sc.v[RECSCAN_START].type, RECSCAN_INTEGER);
    assert_int_equal(sc.v[RECSCAN_START].i, 12);
    assert_int_equal(sc.v[RECSCAN_VALUE].type, RECSCAN_REAL);
    assert_true(sc.v[RECSCAN_VALUE].d == -50);
    assert_int_equal(sc.v[RECSCAN_LOW].type, RECSCAN_NULL);
    assert_int_equal(sc.v[RECSCAN_AMBIGUOUS].type, RECSCAN_TRUE);
    assert_string_equal(sc.v[RECSCAN_PLACE].s, "T\xc3\xb8nsberg");
    assert_int_equal(sc.v[RECSCAN_HIGH].type, RECSCAN_INTEGER);
    assert_false(signbit(sc.v[RECSCAN_HIGH].d)); /* jansson's -0 is the integer 0 */
    assert_int_equal(sc.v[RECSCAN_CATEGORY].type, RECSCAN_ABSENT);
    recscan_release(&sc);
}

/* Lines jansson rejects, or reads in ways the scanner does not: all left to jansson. */
static void test_recscan_line_gives_up(void **state)
{
    static const char *const lines[] = {
        "{\"doc\":\"a\",\"doc\":\"b\"}",                /* duplicate key */
        "{\"x\":1,\"x\":2}",                            /* duplicate other key */
        "{\"doc\":\"\\u00e9\"}",                        /* \u escape */
        "{\"doc\":\"a\\qb\"}",                          /* bad escape */
        "{\"doc\":\"a\tb\"}",                           /* control character */
        "{\"doc\":\"abcdefghijklmnopqrstuvwxyz\x01\"}", /* control character past 16 bytes */
        "{\"doc\":\"\xc3\"}",                           /* truncated UTF-8 */
        "{\"doc\":\"\xc0\xaf\"}",                       /* overlong */
        "{\"doc\":\"\xed\xa0\x80\"}",                   /* surrogate */
        "{\"start\":012}",                              /* leading zero */
        "{\"start\":1.}",                               /* no fraction digits */
        "{\"start\":1e}",                               /* no exponent digits */
        "{\"start\":+1}",                               /* plus sign */
        "{\"start\":99999999999999999999}",             /* too big an integer */
        "{\"value\":1e999}",                            /* real overflow */
        "{\"value\":nan}",                              /* no JSON */
        "{\"ambiguous\":truex}",                        /* no literal */
        "{\"doc\":\"a\"} x",                            /* text after the object */
        "{\"doc\":\"a\",}",                             /* trailing comma */
        "[1]",                                          /* not an object */
        "{\"doc\":{}}",                                 /* object value */
        "{\"doc\":\"a\"",                               /* unclosed */
    };
    struct recscan sc = {0};

    (void)state;
    for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
        json_error_t err;
        json_t *j = json_loads(lines[i], JSON_REJECT_DUPLICATES, &err);
        assert_int_equal(scan(&sc, lines[i]), 0);
        /* the valid ones among them are those with an escape or a nested value */
        if (j && json_is_object(j))
            assert_true(strstr(lines[i], "\\u") || strstr(lines[i], "{}"));
        json_decref(j);
    }
    recscan_release(&sc);
}

static void test_recscan_line_numbers_as_jansson(void **state)
{
    static const char *const nums[] = {"0",
                                       "-0",
                                       "17",
                                       "-3",
                                       "0.1",
                                       "1e-400",
                                       "2.5E+3",
                                       "123456789012345678",
                                       "65.036e3",
                                       "-0.0",
                                       "9007199254740993"};
    struct recscan sc = {0};
    char line[128];

    (void)state;
    for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
        snprintf(line, sizeof(line), "{\"value\":%s}", nums[i]);
        json_t *j = json_loads(line, 0, NULL);
        json_t *v = json_object_get(j, "value");
        assert_int_equal(scan(&sc, line), 1);
        assert_int_equal(sc.v[RECSCAN_VALUE].type,
                         json_is_integer(v) ? RECSCAN_INTEGER : RECSCAN_REAL);
        assert_memory_equal(&sc.v[RECSCAN_VALUE].d, &(double){json_number_value(v)},
                            sizeof(double));
        json_decref(j);
    }
    recscan_release(&sc);
}

/* The line is written into while the fields are in use, and put back as it was after. */
static void test_recscan_restore(void **state)
{
    const char *line = "{\"doc\":\"d1\",\"text\":\"a\\\"b\",\"x\":\"y\",\"place\":\"p\"}";
    struct recscan sc = {0};
    char copy[128];

    (void)state;
    memcpy(copy, line, strlen(line) + 1);
    assert_int_equal(recscan_line(&sc, copy, strlen(copy)), 1);
    assert_string_equal(sc.v[RECSCAN_DOC].s, "d1");
    assert_true(sc.v[RECSCAN_DOC].s > copy && sc.v[RECSCAN_DOC].s < copy + sizeof(copy));
    assert_string_equal(sc.v[RECSCAN_TEXT].s, "a\"b");
    assert_string_equal(sc.v[RECSCAN_PLACE].s, "p");
    recscan_restore(&sc);
    assert_string_equal(copy, line);
    memcpy(copy, line, strlen(line) + 1);
    copy[strlen(copy) - 1] = ','; /* no closing brace: given up, line as it was */
    assert_int_equal(recscan_line(&sc, copy, strlen(copy)), 0);
    assert_memory_equal(copy, line, strlen(line) - 1);
    recscan_release(&sc);
}

static void test_recscan_line_empty_object(void **state)
{
    struct recscan sc = {0};

    (void)state;
    assert_int_equal(scan(&sc, "{ }"), 1);
    for (size_t k = 0; k < RECSCAN_NKEYS; k++)
        assert_int_equal(sc.v[k].type, RECSCAN_ABSENT);
    recscan_release(&sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_recscan_line_fields),
        cmocka_unit_test(test_recscan_line_gives_up),
        cmocka_unit_test(test_recscan_line_numbers_as_jansson),
        cmocka_unit_test(test_recscan_line_empty_object),
        cmocka_unit_test(test_recscan_restore),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
