#include "test_common.h"

#include <stdio.h>
#include <stdlib.h>
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
    /* a key is found by all its bytes: no prefix of it, nothing it is a prefix of */
    assert_null(jscan_get(&js, "do"));
    assert_null(jscan_get(&js, "docs"));
    assert_null(jscan_get(&js, ""));
    assert_non_null(jscan_get(&js, "t"));
    /* the empty key is a key like any other; a key's first byte alone does not match */
    assert_int_equal(scan("{\"a\":1,\"\":2,\"ab\":3}"), 0);
    assert_int_equal(jscan_integer(jscan_get(&js, ""), &i), 0);
    assert_int_equal(i, 2);
    assert_int_equal(jscan_integer(jscan_get(&js, "ab"), &i), 0);
    assert_int_equal(i, 3);
    assert_null(jscan_get(&js, "\""));
    assert_null(jscan_get(&js, "b"));
    /* keys whose first bytes fall in one class of the index (b % JSCAN_CLASSES) */
    assert_int_equal(scan("{\"A\":1,\"a\":2,\"!\":3,\"aa\":4,\"b\":5,\"Aa\":6}"), 0);
    const char *same[] = {"A", "a", "!", "aa", "b", "Aa"};
    for (size_t k = 0; k < sizeof(same) / sizeof(*same); k++) {
        assert_int_equal(jscan_integer(jscan_get(&js, same[k]), &i), 0);
        assert_int_equal(i, (long long)k + 1);
    }
    assert_null(jscan_get(&js, "!a"));
    assert_null(jscan_get(&js, "B"));
    assert_int_equal(scan("{\"a\":1,\"\\u0062\":2}"), -1);
    assert_int_equal(scan("{\"a\":1}"), 0);
    assert_null(jscan_get(&js, ""));
    assert_int_equal(
        scan(" {\"doc\":\"g1\", \"sid\" : 7,\"t\":[[0,3,\"w\"]],\"x\":-2.5e1,\"z\":null} "), 0);
    assert_int_equal(jscan_integer(jscan_get(&js, "doc"), &i), -1);
    assert_int_equal(jscan_string(jscan_get(&js, "sid"), &b), -1);
    buf_release(&b);
    /* an empty string decoded into a buffer that never held anything */
    assert_int_equal(scan("{\"e\":\"\"}"), 0);
    assert_int_equal(jscan_string(jscan_get(&js, "e"), &b), 0);
    assert_int_equal(b.len, 0);
    assert_int_equal(strlen(buf_str(&b)), 0);
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
    /* a buffer that held a longer string holds just the new one */
    assert_int_equal(jscan_string(jscan_get(&js, "p"), &b), 0);
    assert_int_equal(b.len, 5);
    assert_string_equal(buf_str(&b), "plain");
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
        "{\"ab\":1,\"a\":2,\"ab\":3}",
        "{\"\xc3\xa9\":1,\"e\":2,\"\xc3\xa9\":3}",
        "{\"a\":1.}",
        "{\"a\":-}",
        "{\"a\":1 \"b\":2}",
        "{\"a\":1,,\"b\":2}",
        "{\"a\" 1}",
        "{\"a\"::1}",
        "{\"a\":}",
        "{\"a\": }",
        "{\"a\":1,\"b\"}",
        "{\"a\":1, }",
        "{\"a\":\"x}",
        "{\"a\":1,\"b\":-x}",
        "{,\"a\":1}",
        "{\"a\":1}}",
    };
    for (size_t k = 0; k < sizeof(bad) / sizeof(*bad); k++) {
        json_error_t e;
        json_t *j = json_loadb(bad[k], strlen(bad[k]), JSON_REJECT_DUPLICATES, &e);
        assert_false(json_is_object(j));
        json_decref(j);
        assert_int_equal(scan(bad[k]), -1);
    }
    /* white space wherever the grammar allows it */
    assert_int_equal(scan("{ \"a\" :1 , \"b\":\"x\" ,\"c\": [1] ,\"d\"\t:\r-7\n}"), 0);
    assert_int_equal(js.n, 4);
    assert_int_equal(jscan_get(&js, "d")->n, 2);
    assert_int_equal(jscan_get(&js, "c")->n, 3);
    assert_int_equal(scan("{ }"), 0);
    assert_int_equal(js.n, 0);
    /* keys out of order, or one a prefix of another, are no duplicates */
    assert_int_equal(scan("{\"b\":1,\"a\":2}"), 0);
    assert_int_equal(scan("{\"a\":1,\"ab\":2,\"abc\":3}"), 0);
    assert_int_equal(scan("{\"abc\":1,\"ab\":2,\"a\":3}"), 0);
    assert_int_equal(scan("{\"\xc3\xa9\":1,\"e\":2}"), 0);
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

/* Whether jscan and jansson agree on text: both accept it as an object, or both refuse it. */
static void agrees_with_jansson(const char *text, size_t n)
{
    json_error_t e;
    json_t *j = json_loadb(text, n, JSON_REJECT_DUPLICATES, &e);

    assert_int_equal(jscan_object(&js, text, n), json_is_object(j) ? 0 : -1);
    json_decref(j);
}

/* Strings are read eight bytes at a time: each kind of byte that ends a plain run, at each place.
 */
static void test_jscan_string_bytes_at_every_place(void **state)
{
    (void)state;
    static const char *const odd[] = {
        "\"",
        "\\\\",
        "\\n",
        "\\u00e9",
        "\\x",
        "\x01",
        "\x1f",
        "\x7f",
        "\xc3\xa9",
        "\xc3",
        "\xe2\x80\x99",
        "\xed\xa0\x80",
        "\xf0\x9f\x98\x80",
        "\xc0\xaf",
        "\xff",
    };
    char text[128];

    for (size_t k = 0; k < sizeof(odd) / sizeof(*odd); k++) {
        for (size_t at = 0; at < 20; at++) {
            int n = snprintf(text, sizeof(text), "{\"s\":\"%.*s%s%.*s\",\"t\":[1]}", (int)at,
                             "abcdefghijklmnopqrstuvwxyz", odd[k], (int)(19 - at),
                             "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
            agrees_with_jansson(text, (size_t)n);
        }
    }
    assert_int_equal(scan("{\"s\":\"0123456789abcdef\\\"x\"}"), 0);
    assert_int_equal(jscan_get(&js, "s")->n, 21);
    assert_int_equal(scan("{\"s\":\"w\",\"t\":[[0,3,\"w\"],[4,1,\"p\"]]}"), 0);
    assert_int_equal(jscan_get(&js, "s")->n, 3);
    assert_int_equal(jscan_get(&js, "t")->n, 21);
    assert_int_equal(scan("{\"s\":\"unterminated"), -1);
    assert_int_equal(scan("{\"s\":\"0123456789abcdef"), -1);
}

/* Arrays are walked without recursion: the depth limit and the separators still hold. */
static void test_jscan_nested_arrays(void **state)
{
    (void)state;
    char text[256];

    for (int depth = JSCAN_DEPTH - 2; depth <= JSCAN_DEPTH + 1; depth++) {
        for (int empty = 0; empty <= 1; empty++) {
            size_t n = (size_t)snprintf(text, sizeof(text), "{\"a\":");
            for (int k = 0; k < depth; k++)
                text[n++] = '[';
            n += (size_t)snprintf(text + n, sizeof(text) - n, "%s", empty ? "" : "7");
            for (int k = 0; k < depth; k++)
                text[n++] = ']';
            text[n++] = '}';
            /* a value at depth d is read when d <= JSCAN_DEPTH (the member's value is at 1) */
            int deepest = empty ? depth : depth + 1;
            assert_int_equal(jscan_object(&js, text, n), deepest <= JSCAN_DEPTH ? 0 : -1);
        }
    }
    /* token lists are read by a shortcut; what it does not take is read in full */
    assert_int_equal(scan("{\"t\":[[0,3,\"w\"],[4,12,\"a long string\"],[-1,0,\"\\n\"],[7 ,8],[],"
                          "[9,\"x\"]],\"u\":[\"w\"]}"),
                     0);
    assert_int_equal(jscan_get(&js, "t")->n, 64);
    assert_int_equal(scan("{\"t\":[[0,3,\"w\"],[01,2]]}"), -1);
    assert_int_equal(scan("{\"t\":[[0,3,\"w\"],[1,2,\"\x01\"]]}"), -1);
    assert_int_equal(scan("{\"t\":[[0,3,\"w\"],[1,2,]]}"), -1);
    assert_int_equal(scan("{\"a\":[ [ 1 , [ ] ] , 2 ] , \"b\" : [\t]\n}"), 0);
    assert_int_equal(jscan_get(&js, "a")->n, 19);
    const char *bad[] = {
        "{\"a\":[1 2]}", "{\"a\":[1,]}", "{\"a\":[,1]}", "{\"a\":[[1],}", "{\"a\":[[1]]]}",
        "{\"a\":[[1]}",  "{\"a\":[1}",   "{\"a\":[",     "{\"a\":[{}]}",  "{\"a\":[1]]}",
    };
    for (size_t k = 0; k < sizeof(bad) / sizeof(*bad); k++)
        assert_int_equal(scan(bad[k]), -1);
}

/* Lists of triples (a sentence's tokens) take a shortcut; whatever it refuses is judged in full. */
static void test_jscan_triple_lists(void **state)
{
    (void)state;
    char text[256];
    const char *good[] = {
        "{\"t\":[[0,3,\"w\"],[4,1234567,\"p\"]]}",
        "{\"t\":[[0,3,\"w\"],[12345678,1,\"p\"],[0,0,\"\"]]}",
        "{\"t\":[[0,3,\"w\"],5,[1,2,\"ab\"],[9,9,\"\\n\"]]}",
        "{\"t\":[[0,3,\"w\"]],\"u\":[[1,1,\"x\"],[2,2,\"y\"]],\"v\":[]}",
        "{\"t\":[[0,3,\"w\"] ,[1,2,\"x\"]]}",
        "{\"t\":[[0,-3,\"w\"],[1.5,2,\"x\"]]}",
    };
    const char *bad[] = {
        "{\"t\":[[0,3,\"w\"],[01,2,\"x\"]]}",
        "{\"t\":[[0,3,\"w\"][1,2,\"x\"]]}",
        "{\"t\":[[0,3,\"w\"],]}",
        "{\"t\":[[0,3,\"w\"]]]}",
        "{\"t\":[[0,3,\"w\"],[1,2,\"\"\"]]}",
        "{\"t\":[[0,3,\"w\"],[1,2,\"\x1f\"]]}",
        "{\"t\":[[0,3,\"w\"]",
        "{\"t\":[[0,3,\"w\"],[1,2,\"x\"]}",
    };

    for (size_t k = 0; k < sizeof(good) / sizeof(*good); k++)
        assert_int_equal(scan(good[k]), 0);
    for (size_t k = 0; k < sizeof(bad) / sizeof(*bad); k++)
        assert_int_equal(scan(bad[k]), -1);
    /* the numbers of a triple list at depth d are at d + 2, at most JSCAN_DEPTH */
    for (int depth = JSCAN_DEPTH - 3; depth <= JSCAN_DEPTH; depth++) {
        size_t n = (size_t)snprintf(text, sizeof(text), "{\"a\":");
        for (int k = 1; k < depth; k++)
            text[n++] = '[';
        n += (size_t)snprintf(text + n, sizeof(text) - n, "[[0,3,\"w\"],[4,2,\"p\"]]");
        for (int k = 1; k < depth; k++)
            text[n++] = ']';
        text[n++] = '}';
        assert_int_equal(jscan_object(&js, text, n), depth + 2 <= JSCAN_DEPTH ? 0 : -1);
    }
}

/* jscan_triple() reads a token's values, and nothing of another shape. */
static void test_jscan_triple_values(void **state)
{
    (void)state;
    const char *list =
        "[[0,3,\"w\"],[1234567,89,\"p\"],[12345678,1,\"w\"],[01,2,\"w\"],[1,2,\"ab\"],"
        "[1, 2,\"w\"],[3,4,\"\\\\\"],[5,6,\"x\"]]";
    struct jscan_span v = {list, strlen(list)};
    struct jscan_triple t;
    size_t end;

    assert_int_equal(end = jscan_triple(&v, 1, &t), 10);
    assert_true(t.a == 0 && t.b == 3 && t.c == 'w');
    assert_int_equal(end = jscan_triple(&v, end + 1, &t), 27);
    assert_true(t.a == 1234567 && t.b == 89 && t.c == 'p');
    for (size_t i = end + 1, k = 0; k < 5; k++) {
        assert_int_equal(jscan_triple(&v, i, &t), 0);
        i = (size_t)(strchr(list + i, ']') - list) + 2;
    }
    const char *last = strstr(list, "[5,6");
    assert_int_equal(end = jscan_triple(&v, (size_t)(last - list), &t), v.n - 1);
    assert_true(t.a == 5 && t.b == 6 && t.c == 'x');
    /* the span ends the triple: nothing past it is read */
    v.n -= 2;
    assert_int_equal(jscan_triple(&v, (size_t)(last - list), &t), 0);
    assert_int_equal(jscan_triple(&v, 0, &t), 0);
    assert_int_equal(jscan_triple(&v, v.n, &t), 0);
    assert_int_equal(jscan_triple(NULL, 0, &t), 0);
}

/* The digits of a triple's number: d of them, the first c, then ascending from 1. */
static size_t put_number(char *p, int d, char c)
{
    for (int k = 0; k < d; k++)
        p[k] = k == 0 ? c : (char)('0' + k % 10);
    return (size_t)d;
}

/*
 * Every length of both numbers, with and without a leading zero, with the
 * line ending right after the triple or going on past it: a triple is read
 * when each number has 1 to 7 digits and no leading zero (but "0").
 */
static void test_jscan_triple_every_length(void **state)
{
    (void)state;
    char text[64];
    struct jscan_triple t;

    for (int d1 = 0; d1 <= 9; d1++)
        for (int d2 = 0; d2 <= 9; d2++)
            for (int zero = 0; zero < 4; zero++)
                for (size_t pad = 0; pad <= 24; pad += 8) {
                    size_t n = 0;
                    text[n++] = '[';
                    n += put_number(text + n, d1, zero & 1 ? '0' : '7');
                    text[n++] = ',';
                    n += put_number(text + n, d2, zero & 2 ? '0' : '4');
                    memcpy(text + n, ",\"w\"]", 5);
                    size_t end = n + 5;
                    memset(text + end, ',', pad);
                    struct jscan_span v = {text, end + pad};
                    bool ok1 = d1 >= 1 && d1 <= 7 && !((zero & 1) && d1 > 1);
                    bool ok2 = d2 >= 1 && d2 <= 7 && !((zero & 2) && d2 > 1);
                    assert_int_equal(jscan_triple(&v, 0, &t), ok1 && ok2 ? end : 0);
                    if (ok1 && ok2) {
                        assert_int_equal(t.a, strtoll(text + 1, NULL, 10));
                        assert_int_equal(t.b, strtoll(text + 2 + d1, NULL, 10));
                        assert_int_equal(t.c, 'w');
                    }
                }
}

/*
 * Every byte in place of a digit of either number, in a triple read sixteen bytes at once and in
 * one too near the end for that: it is a triple only when the byte is a digit (the bytes next to
 * '0' and '9' and those above 0x7F are where a vector test of digits could slip).
 */
static void test_jscan_triple_digit_bytes(void **state)
{
    (void)state;
    struct jscan_triple t;

    for (int b = 1; b < 256; b++)
        for (size_t at = 2; at <= 5; at += 3)
            for (size_t pad = 0; pad <= 8; pad += 8) {
                char text[32] = "[12,345,\"w\"]";
                size_t end = strlen(text);
                text[at] = (char)b;
                memset(text + end, ',', pad);
                struct jscan_span v = {text, end + pad};
                bool digit = b >= '0' && b <= '9';
                assert_int_equal(jscan_triple(&v, 0, &t), digit ? end : 0);
                if (digit && at == 2)
                    assert_int_equal(t.a, 10 + b - '0');
                if (digit && at == 5)
                    assert_int_equal(t.b, 305 + 10 * (b - '0'));
            }
}

/*
 * A list of triples read as a member (jscan_object_triples()): one triple of every length of
 * both numbers, with and without a leading zero, among others, the list ending at every distance
 * from the end of the line (what is read in sixteen bytes at once, and what is too near the end
 * for that). It is read when each number has 1 to 7 digits and no leading zero (but "0"); the line
 * is valid JSON when each has a digit and no leading zero.
 */
static void test_jscan_triple_list_every_length(void **state)
{
    (void)state;
    char text[128];
    struct jscan_triple t[4];
    struct jscan_triple_sink sink = {"t", t, 4, 0, false};

    for (int d1 = 0; d1 <= 9; d1++)
        for (int d2 = 0; d2 <= 9; d2++)
            for (int zero = 0; zero < 4; zero++)
                for (size_t pad = 0; pad <= 20; pad++) {
                    size_t n = (size_t)snprintf(text, sizeof(text), "{\"t\":[[5,1,\"p\"],[");
                    size_t a = n;
                    n += put_number(text + n, d1, zero & 1 ? '0' : '7');
                    text[n++] = ',';
                    size_t b = n;
                    n += put_number(text + n, d2, zero & 2 ? '0' : '4');
                    n += (size_t)snprintf(text + n, sizeof(text) - n, ",\"w\"]]%s",
                                          pad ? ",\"u\":\"" : "");
                    for (size_t k = 3; k < pad; k++)
                        text[n++] = 'x';
                    n += (size_t)snprintf(text + n, sizeof(text) - n, "%s}", pad ? "\"" : "");
                    bool json1 = d1 >= 1 && !((zero & 1) && d1 > 1);
                    bool json2 = d2 >= 1 && !((zero & 2) && d2 > 1);
                    bool read = json1 && json2 && d1 <= 7 && d2 <= 7;
                    assert_int_equal(jscan_object_triples(&js, text, n, &sink),
                                     json1 && json2 ? 0 : -1);
                    assert_int_equal(jscan_object(&js, text, n), json1 && json2 ? 0 : -1);
                    if (!(json1 && json2))
                        continue;
                    assert_int_equal(sink.found, read);
                    if (!read)
                        continue;
                    assert_int_equal(sink.count, 2);
                    assert_true(t[0].a == 5 && t[0].b == 1 && t[0].c == 'p');
                    assert_int_equal(t[1].a, strtoll(text + a, NULL, 10));
                    assert_int_equal(t[1].b, strtoll(text + b, NULL, 10));
                    assert_int_equal(t[1].c, 'w');
                }
}

/* Whatever may follow a triple in a list, near the end of the line and far from it. */
static void test_jscan_triple_list_what_follows(void **state)
{
    (void)state;
    char text[128];
    struct jscan_triple t[4];
    struct jscan_triple_sink sink = {"t", t, 4, 0, false};
    const char *pad[] = {"", ",\"u\":\"xxxxxxxxxxxxxxxxxxxx\""};
    const struct {
        const char *list;
        int rc;
        bool read;
    } cases[] = {
        {"[[1,2,\"w\"],[3,4,\"p\"]]", 0, true},
        {"[[1,2,\"w\"],[3,4,\"~\"],[5,6,\" \"]]", 0, true},
        {"[[1,2,\"w\"] ,[3,4,\"p\"]]", 0, false},
        {"[[1,2,\"w\"], [3,4,\"p\"]]", 0, false},
        {"[[1,2,\"w\"],[3,4,\"p\"] ]", 0, false},
        {"[[1,2,\"w\"],[3,4 ,\"p\"]]", 0, false},
        {"[[1,2,\"w\"],[3,4,\"pq\"]]", 0, false},
        {"[[1,2,\"w\"],[3,4,\"\\n\"]]", 0, false},
        {"[[1,2,\"w\"],[3,4,\"\"]]", 0, false},
        {"[[1,2,\"w\"],[3,4,\"\xc3\xa9\"]]", 0, false},
        {"[[1,2,\"w\"],3]", 0, false},
        {"[[1,2,\"w\"],[3,4]]", 0, false},
        {"[[1,2,\"w\"],[3,4,\"p\",5]]", 0, false},
        {"[[1,2,\"w\"],[[3,4,\"p\"]]]", 0, false},
        {"[[1,2,\"w\"],[3,4,\"\"\"]]", -1, false},
        {"[[1,2,\"w\"],[3,4,\"\\\"]]", -1, false},
        {"[[1,2,\"w\"],[3,4,\"\x1f\"]]", -1, false},
        {"[[1,2,\"w\"],[3,4,\"\x80\"]]", -1, false},
        {"[[1,2,\"w\"],[3,4,\"p\"]}", -1, false},
        {"[[1,2,\"w\"],[3,4,\"p\"],]", -1, false},
        {"[[1,2,\"w\"],[3,4,\"p\"]]]", -1, false},
        {"[[1,2,\"w\"],[3,4,\"p\"][5,6,\"w\"]]", -1, false},
        {"[[1,2,\"w\"],[3,,\"p\"]]", -1, false},
        {"[[1,2,\"w\"],[,4,\"p\"]]", -1, false},
        {"[[1,2,\"w\"],[3,4,\"p\"}]", -1, false},
        {"[[1,2,\"w\"],[3,4,\"p\"]", -1, false},
    };

    for (size_t k = 0; k < sizeof(cases) / sizeof(*cases); k++)
        for (size_t p = 0; p < 2; p++) {
            size_t n = (size_t)snprintf(text, sizeof(text), "{\"t\":%s%s}", cases[k].list, pad[p]);
            assert_int_equal(jscan_object_triples(&js, text, n, &sink), cases[k].rc);
            assert_int_equal(jscan_object(&js, text, n), cases[k].rc);
            if (cases[k].rc == 0)
                assert_int_equal(sink.found, cases[k].read);
        }
}

/* jscan_triples() reads a whole list of triples, or refuses it whole. */
static void test_jscan_triples_lists(void **state)
{
    (void)state;
    struct jscan_triple t[4];
    size_t n = 99;
    struct jscan_span v = {"[[0,3,\"w\"],[4,12,\"p\"],[17,1,\"w\"]]", 0};
    const char *bad[] = {"[[0,3,\"w\"],]",
                         "[[0,3,\"w\"]]]",
                         "[[0,3,\"w\"],5]",
                         "[[0,3,\"w\"] ]",
                         "[[0,3,\"w\"],[1,2,\"ab\"]]",
                         "[[0,3,\"w\"]",
                         "[[0,3,\"w\"],[1,2,\"w\"],"
                         "[1,2,\"w\"],[1,2,\"w\"],[1,2,\"w\"]]",
                         "[1]",
                         "",
                         "x"};

    v.n = strlen(v.p);
    assert_int_equal(jscan_triples(&v, t, 4, &n), 0);
    assert_int_equal(n, 3);
    assert_true(t[1].a == 4 && t[1].b == 12 && t[1].c == 'p');
    assert_true(t[2].a == 17 && t[2].b == 1 && t[2].c == 'w');
    assert_int_equal(jscan_triples(&(struct jscan_span){"[]", 2}, t, 4, &n), 0);
    assert_int_equal(n, 0);
    for (size_t k = 0; k < sizeof(bad) / sizeof(*bad); k++)
        assert_int_equal(jscan_triples(&(struct jscan_span){bad[k], strlen(bad[k])}, t, 4, &n), -1);
    assert_int_equal(jscan_triples(NULL, t, 4, &n), -1);
}

/* jscan_object_triples() reads the triples of its member as it checks the line, and judges the line
 * as jscan_object() does. */
static void test_jscan_object_triples_reads_member(void **state)
{
    (void)state;
    struct jscan_triple t[4];
    struct jscan_triple_sink sink = {"tokens", t, 4, 0, false};
    const char *line = "{\"a\":[[9,9,\"x\"]],\"tokens\":[[0,3,\"w\"],[4,12,\"p\"]],\"z\":1}";
    const char *other[] = {"{\"tokens\":[]}", "{\"tokens\":[[0,3,\"w\"],5]}",
                           "{\"tokens\":[[0,3,\"w\"],[1,1,\"w\"],[2,1,\"w\"],[3,1,\"w\"],"
                           "[4,1,\"w\"]]}",
                           "{\"tokens\":7}", "{\"x\":[[0,3,\"w\"]]}"};

    assert_int_equal(jscan_object_triples(&js, line, strlen(line), &sink), 0);
    assert_int_equal(js.n, 3);
    assert_true(sink.found);
    assert_int_equal(sink.count, 2);
    assert_true(t[0].a == 0 && t[0].b == 3 && t[0].c == 'w');
    assert_true(t[1].a == 4 && t[1].b == 12 && t[1].c == 'p');
    assert_int_equal(jscan_get(&js, "tokens")->n, strlen("[[0,3,\"w\"],[4,12,\"p\"]]"));
    /* valid, but not read into the sink: empty, another shape, more than max, no such member */
    for (size_t k = 0; k < sizeof(other) / sizeof(*other); k++) {
        assert_int_equal(jscan_object_triples(&js, other[k], strlen(other[k]), &sink), 0);
        assert_false(sink.found);
        assert_non_null(jscan_get(&js, k < 4 ? "tokens" : "x"));
    }
    /* refused as jscan_object() refuses it, the list read or not */
    line = "{\"tokens\":[[0,3,\"w\"]],\"tokens\":1}";
    assert_int_equal(jscan_object_triples(&js, line, strlen(line), &sink), -1);
    line = "{\"tokens\":[[0,3,\"w\"]]";
    assert_int_equal(jscan_object_triples(&js, line, strlen(line), &sink), -1);
    assert_int_equal(jscan_object_triples(&js, "{}", 2, NULL), 0);
}

/* jsonl_next_scan_triples() grows the sink to the line and reads the triples. */
static void test_jsonl_next_scan_triples_grows_sink(void **state)
{
    (void)state;
    char text[] = "{\"tokens\":[[0,1,\"w\"],[2,1,\"w\"],[4,1,\"w\"],[6,1,\"p\"]]}\n{\"a\":\n";
    FILE *fp = fmemopen(text, strlen(text), "r");
    struct jscan_triple_sink sink = {"tokens", NULL, 0, 0, false};
    struct jsonl_reader r;
    const char *line;
    size_t len;

    memset(&r, 0, sizeof(r));
    r.fp = fp;
    r.name = "in.jsonl";
    assert_int_equal(jsonl_next_scan_triples(&r, &js, &sink, &line, &len), 1);
    assert_true(sink.max >= 4 && sink.found);
    assert_int_equal(sink.count, 4);
    assert_true(sink.t[3].a == 6 && sink.t[3].c == 'p');
    assert_int_equal(jsonl_next_scan_triples(&r, &js, &sink, &line, &len), -1);
    assert_int_equal(jsonl_next_scan_triples(&r, &js, &sink, &line, &len), 0);
    jsonl_close(&r);
    free(sink.t);
}

/* jscan_plain_span() stops at the first byte a JSON string cannot hold as it is, wherever it lies.
 */
static void test_jscan_plain_span(void **state)
{
    (void)state;
    char text[72];

    assert_int_equal(jscan_plain_span("", 0), 0);
    assert_int_equal(jscan_plain_span("abc \x7f~", 6), 6);
    memset(text, '\x7f', sizeof(text));
    assert_int_equal(jscan_plain_span(text, sizeof(text)), sizeof(text));
    /* past several blocks of sixteen and of eight, and in the tail after them */
    for (size_t at = 0; at < 64; at++) {
        const char stops[] = {'"', '\\', '\x01', '\x1f', '\xc3', '\x80', '\xff', '\0'};
        for (size_t k = 0; k < sizeof(stops); k++) {
            memset(text, 'a', sizeof(text));
            text[at] = stops[k];
            assert_int_equal(jscan_plain_span(text, sizeof(text)), at);
            assert_int_equal(jscan_plain_span(text, at), at);
        }
    }
}

static void test_jscan_numbers(void **state)
{
    (void)state;
    const char *good[] = {
        "0",
        "-0",
        "7",
        "-12",
        "123456789012345678",
        "-123456789012345678",
        "9223372036854775807",
        "1.5",
        "0.25",
        "1e3",
        "1E+3",
        "-2.5e-3",
        "12345678901234567890.5",
    };
    const char *bad[] = {
        "01", "-", "-a", "1.", ".5", "1e", "1e+", "+1", "9223372036854775808", "0x1", "1.5.2",
    };
    char text[96];
    double d;

    for (size_t k = 0; k < sizeof(good) / sizeof(*good); k++) {
        snprintf(text, sizeof(text), "{\"n\":%s,\"t\":[%s ,%s]}", good[k], good[k], good[k]);
        assert_int_equal(scan(text), 0);
        assert_int_equal(jscan_get(&js, "n")->n, strlen(good[k]));
    }
    /* numbers longer than the stack copy: read as jansson reads them, overflow refused */
    char lng[400] = "{\"n\":";
    size_t at = strlen(lng);
    for (size_t k = 0; k < 133; k++)
        lng[at++] = '8';
    memcpy(lng + at, "5e3}", 5);
    assert_int_equal(scan(lng), 0);
    assert_int_equal(jscan_number(jscan_get(&js, "n"), &d), 0);
    assert_true(d > 8.8e136 && d < 8.9e136);
    memcpy(lng + at, "5e300}", 7);
    agrees_with_jansson(lng, strlen(lng));
    assert_int_equal(scan(lng), -1);
    for (size_t k = 0; k < sizeof(bad) / sizeof(*bad); k++) {
        snprintf(text, sizeof(text), "{\"t\":[1,%s]}", bad[k]);
        agrees_with_jansson(text, strlen(text));
        assert_int_equal(scan(text), -1);
    }
}

/* Integers up to 18 digits are read without strtoll(): the same values, the same refusals. */
static void test_jscan_integer_values(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int rc;
        long long v;
    } cases[] = {
        {"0", 0, 0},
        {"-0", 0, 0},
        {"42", 0, 42},
        {"-7", 0, -7},
        {"123456789012345678", 0, 123456789012345678LL},
        {"-123456789012345678", 0, -123456789012345678LL},
        {"1234567890123456789", 0, 1234567890123456789LL},
        {"9223372036854775807", 0, 9223372036854775807LL},
        {"-9223372036854775808", 0, -9223372036854775807LL - 1},
        {"9223372036854775808", -1, 0},
        {"1.5", -1, 0},
        {"2e3", -1, 0},
        {"", -1, 0},
        {"\"7\"", -1, 0},
    };
    long long v;

    for (size_t k = 0; k < sizeof(cases) / sizeof(*cases); k++) {
        struct jscan_span sp = {cases[k].text, strlen(cases[k].text)};
        assert_int_equal(jscan_integer(&sp, &v), cases[k].rc);
        if (cases[k].rc == 0)
            assert_true(v == cases[k].v);
    }
    assert_int_equal(jscan_integer(NULL, &v), -1);
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
        cmocka_unit_test(test_jscan_string_bytes_at_every_place),
        cmocka_unit_test(test_jscan_nested_arrays),
        cmocka_unit_test(test_jscan_triple_lists),
        cmocka_unit_test(test_jscan_triple_values),
        cmocka_unit_test(test_jscan_triple_every_length),
        cmocka_unit_test(test_jscan_triple_digit_bytes),
        cmocka_unit_test(test_jscan_triple_list_every_length),
        cmocka_unit_test(test_jscan_triple_list_what_follows),
        cmocka_unit_test(test_jscan_triples_lists),
        cmocka_unit_test(test_jscan_object_triples_reads_member),
        cmocka_unit_test(test_jsonl_next_scan_triples_grows_sink),
        cmocka_unit_test(test_jscan_plain_span),
        cmocka_unit_test(test_jscan_numbers),
        cmocka_unit_test(test_jscan_integer_values),
        cmocka_unit_test(test_jsonl_next_scan_reports_like_jansson),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
