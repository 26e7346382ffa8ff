#include "test_common.h"

#include <stdio.h>
#include <string.h>

#include "jscan.h"
#include "jsonl.h"

static struct jscan js;

static int scan(const char *s)
{
    return jscan_object(&js, s, strlen(s));
}

static void test_jscan_indexes_members(void **state)
{
    (void)state;
    struct buf b = BUF_INIT;
    long long i;
    double d;

    assert_int_equal(
        scan(" {\"doc\":\"g1\", \"sid\" : 7,\"t\":[[0,3,\"w\"]],\"x\":-2.5e1,\"z\":null} "), 0);
    assert_int_equal(js.n, 5);
    assert_int_equal(jscan_string(jscan_get(&js, "doc"), &b), 0);
    assert_string_equal(buf_str(&b), "g1");
    assert_int_equal(jscan_integer(jscan_get(&js, "sid"), &i), 0);
    assert_int_equal(i, 7);
    assert_int_equal(jscan_number(jscan_get(&js, "x"), &d), 0);
    assert_true(d == -25.0);
    assert_true(jscan_is_null(jscan_get(&js, "z")));
    assert_null(jscan_get(&js, "missing"));
    assert_int_equal(jscan_integer(jscan_get(&js, "doc"), &i), -1);
    assert_int_equal(jscan_string(jscan_get(&js, "sid"), &b), -1);
    buf_release(&b);
}

static void test_jscan_decodes_escapes(void **state)
{
    (void)state;
    struct buf b = BUF_INIT;
    const char *p;
    size_t n;

    assert_int_equal(scan("{\"s\":\"a\\\"b\\\\c\\/\\n\\u00e9\\ud83d\\ude00\",\"p\":\"plain\"}"), 0);
    assert_int_equal(jscan_string(jscan_get(&js, "s"), &b), 0);
    assert_string_equal(buf_str(&b), "a\"b\\c/\n\xc3\xa9\xf0\x9f\x98\x80");
    assert_int_equal(jscan_plain(jscan_get(&js, "s"), &p, &n), -1);
    assert_int_equal(jscan_escape('n'), '\n');
    assert_int_equal(jscan_escape('/'), '/');
    assert_int_equal(jscan_escape('u'), 0);
    assert_int_equal(jscan_escape('x'), 0);
    assert_int_equal(jscan_plain(jscan_get(&js, "p"), &p, &n), 0);
    assert_int_equal(n, 5);
    assert_memory_equal(p, "plain", 5);
    buf_release(&b);
}

static void test_jscan_refuses_what_jansson_refuses(void **state)
{
    (void)state;
    const char *bad[] = {
        "",
        "[1]",
        "{\"a\":1",
        "{\"a\":1}x",
        "{\"a\":01}",
        "{a:1}",
        "{\"a\":1,}",
        "{\"a\":tru}",
        "{\"a\":\"\\x\"}",
        "{\"a\":\"\\u0000\"}",
        "{\"a\":\"\\ud800\"}",
        "{\"a\":\"\xc3\x28\"}",
        "{\"a\":\"\x01\"}",
        "{\"a\":99999999999999999999}",
        "{\"a\":1e400}",
        "{\"a\":1,\"a\":2}",
        "{\"b\":1,\"a\":2,\"b\":3}",
        "{\"a\":1.}",
        "{\"a\":-}",
    };
    for (size_t k = 0; k < sizeof(bad) / sizeof(*bad); k++) {
        json_error_t e;
        json_t *j = json_loadb(bad[k], strlen(bad[k]), JSON_REJECT_DUPLICATES, &e);
        assert_false(json_is_object(j));
        json_decref(j);
        assert_int_equal(scan(bad[k]), -1);
    }
}

static void test_jscan_refuses_shapes_it_does_not_read(void **state)
{
    (void)state;
    char many[1024] = "{";

    assert_int_equal(scan("{\"a\":{\"b\":1}}"), -1);
    /* jansson passes over a NUL byte between tokens; JSON has no place for one */
    assert_int_equal(jscan_object(&js, "{\"a\":[1\0]}", 10), -1);
    assert_int_equal(scan("{\"\\u0061\":1}"), -1);
    for (int k = 0; k <= JSCAN_MAX; k++)
        snprintf(many + strlen(many), sizeof(many) - strlen(many), "%s\"k%03d\":1", k ? "," : "",
                 k);
    strcat(many, "}");
    assert_int_equal(scan(many), -1);
}

static void test_jscan_array_steps_through_elements(void **state)
{
    (void)state;
    struct jscan_span e, inner;
    size_t pos = 0, ipos = 0;
    long long v;

    assert_int_equal(scan("{\"t\":[ [0,3,\"w\"] , \"a]b\" ,[] ],\"e\":[]}"), 0);
    const struct jscan_span *t = jscan_get(&js, "t");
    assert_int_equal(jscan_array_next(t, &pos, &e), 1);
    assert_int_equal(e.n, 9);
    assert_int_equal(jscan_array_next(&e, &ipos, &inner), 1);
    assert_int_equal(jscan_integer(&inner, &v), 0);
    assert_int_equal(v, 0);
    assert_int_equal(jscan_array_next(t, &pos, &e), 1);
    assert_memory_equal(e.p, "\"a]b\"", 5);
    assert_int_equal(jscan_array_next(t, &pos, &e), 1);
    assert_int_equal(e.n, 2);
    assert_int_equal(jscan_array_next(t, &pos, &e), 0);
    pos = 0;
    assert_int_equal(jscan_array_next(jscan_get(&js, "e"), &pos, &e), 0);
    assert_int_equal(jscan_array_next(jscan_get(&js, "missing"), &pos, &e), -1);
}

static void test_jsonl_next_scan_reports_like_jansson(void **state)
{
    (void)state;
    char text[] = "{\"a\":1}\n{\"a\":\n{\"a\":{\"b\":1}}\n\n{\"c\":3}\n";
    FILE *fp = fmemopen(text, strlen(text), "r");
    struct jsonl_reader r;
    const char *line;
    size_t len;

    memset(&r, 0, sizeof(r));
    r.fp = fp;
    r.name = "in.jsonl";
    assert_int_equal(jsonl_next_scan(&r, &js, &line, &len), 1);
    assert_int_equal(len, 7);
    assert_int_equal(jsonl_next_scan(&r, &js, &line, &len), -1);
    assert_int_equal(jsonl_next_scan(&r, &js, &line, &len), -1);
    assert_int_equal(jsonl_next_scan(&r, &js, &line, &len), 1);
    assert_int_equal(r.line, 5);
    assert_non_null(jscan_get(&js, "c"));
    assert_int_equal(jsonl_next_scan(&r, &js, &line, &len), 0);
    jsonl_close(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jscan_indexes_members),
        cmocka_unit_test(test_jscan_decodes_escapes),
        cmocka_unit_test(test_jscan_refuses_what_jansson_refuses),
        cmocka_unit_test(test_jscan_refuses_shapes_it_does_not_read),
        cmocka_unit_test(test_jscan_array_steps_through_elements),
        cmocka_unit_test(test_jsonl_next_scan_reports_like_jansson),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
