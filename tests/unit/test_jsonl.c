#include "test_common.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonl.h"

static void reader_on(struct jsonl_reader *r, FILE *fp)
{
    memset(r, 0, sizeof(*r));
    r->fp = fp;
    r->name = "in.jsonl";
}

static void test_jsonl_next_reads_records_and_counts_lines(void **state)
{
    (void)state;
    char text[] = "{\"a\":1}\n\n{\"b\":2}\n";
    FILE *fp = fmemopen(text, strlen(text), "r");
    struct jsonl_reader r;
    json_t *rec;

    reader_on(&r, fp);
    assert_int_equal(jsonl_next(&r, &rec), 1);
    assert_int_equal(json_integer_value(json_object_get(rec, "a")), 1);
    json_decref(rec);
    assert_int_equal(jsonl_next(&r, &rec), 1);
    assert_int_equal(r.line, 3);
    json_decref(rec);
    assert_int_equal(jsonl_next(&r, &rec), 0);
    jsonl_close(&r);
}

static void test_jsonl_next_bad_line_is_reported_and_skippable(void **state)
{
    (void)state;
    char text[] = "{\"a\":1}\n{\"a\":\n[1,2]\n{\"a\":1,\"a\":2}\n{\"c\":3}\n";
    FILE *fp = fmemopen(text, strlen(text), "r");
    struct jsonl_reader r;
    json_t *rec;

    reader_on(&r, fp);
    assert_int_equal(jsonl_next(&r, &rec), 1);
    json_decref(rec);
    assert_int_equal(jsonl_next(&r, &rec), -1); /* truncated object */
    assert_int_equal(r.line, 2);
    assert_null(rec);
    assert_int_equal(jsonl_next(&r, &rec), -1); /* not an object */
    assert_int_equal(r.line, 3);
    assert_int_equal(jsonl_next(&r, &rec), -1); /* duplicate key */
    assert_int_equal(r.line, 4);
    assert_int_equal(jsonl_next(&r, &rec), 1);
    json_decref(rec);
    jsonl_close(&r);
}

static void test_jsonl_next_nul_inside_line_is_an_error(void **state)
{
    (void)state;
    char text[] = "{\"a\":\"x\0y\"}\n";
    FILE *fp = fmemopen(text, sizeof(text) - 1, "r");
    struct jsonl_reader r;
    json_t *rec;

    reader_on(&r, fp);
    assert_int_equal(jsonl_next(&r, &rec), -1);
    assert_int_equal(r.line, 1);
    jsonl_close(&r);
}

static void test_jsonl_next_truncated_last_line_is_an_error(void **state)
{
    (void)state;
    char text[] = "{\"a\":1}\n{\"b\":2}";
    FILE *fp = fmemopen(text, strlen(text), "r");
    struct jsonl_reader r;
    json_t *rec;

    reader_on(&r, fp);
    assert_int_equal(jsonl_next(&r, &rec), 1);
    json_decref(rec);
    assert_int_equal(jsonl_next(&r, &rec), -1);
    assert_int_equal(r.line, 2);
    assert_int_equal(jsonl_next(&r, &rec), 0);
    jsonl_close(&r);
}

/* Lines read in blocks come out as getline() gives them, a line longer than a block included. */
static void test_jsonl_next_line_blocks_agree_with_getline(void **state)
{
    (void)state;
    size_t big = 200000, n = big + 64;
    char *text = malloc(n);
    struct jsonl_reader a, b;
    size_t la, lb;
    int ra, rb;

    assert_non_null(text);
    size_t k = (size_t)snprintf(text, n, "{\"a\":1}\n\n\n{\"s\":\"");
    memset(text + k, 'x', big);
    k += big;
    k += (size_t)snprintf(text + k, n - k, "\"}\n{\"b\":2}");
    reader_on(&a, fmemopen(text, k, "r"));
    jsonl_open_stream(&b, fmemopen(text, k, "r"), "in.jsonl");
    do {
        ra = jsonl_next_line(&a, &la);
        rb = jsonl_next_line(&b, &lb);
        assert_int_equal(ra, rb);
        assert_int_equal(a.line, b.line);
        assert_int_equal(a.pos, b.pos);
        if (ra == 1) {
            assert_int_equal(la, lb);
            assert_memory_equal(a.buf, b.buf, la);
        }
    } while (ra != 0);
    assert_int_equal(b.line, 5); /* the last line, truncated, is reported */
    jsonl_close(&a);
    jsonl_close(&b);
    free(text);
}

/* Records read in blocks: a bad line is reported with its number and the next one is read. */
static void test_jsonl_next_scan_in_blocks(void **state)
{
    (void)state;
    char text[] = "{\"a\":1}\n{\"a\":\n\n{\"b\":\"x\\u00e9\"}\n";
    struct jsonl_reader r;
    struct jscan js;
    const char *line;
    size_t len;

    jsonl_open_stream(&r, fmemopen(text, strlen(text), "r"), "in.jsonl");
    assert_int_equal(jsonl_next_scan(&r, &js, &line, &len), 1);
    assert_int_equal(len, 7);
    assert_non_null(jscan_get(&js, "a"));
    assert_int_equal(jsonl_next_scan(&r, &js, &line, &len), -1);
    assert_int_equal(r.line, 2);
    assert_int_equal(jsonl_next_scan(&r, &js, &line, &len), 1);
    assert_int_equal(r.line, 4);
    assert_memory_equal(line, "{\"b\":", 5);
    assert_int_equal(jsonl_next_scan(&r, &js, &line, &len), 0);
    jsonl_close(&r);
}

static void test_jsonl_open_missing_file_fails(void **state)
{
    (void)state;
    struct jsonl_reader r;

    assert_int_equal(jsonl_open(&r, "/nonexistent/x.jsonl"), -1);
}

static void test_jsonl_write_sorts_keys_and_ends_line(void **state)
{
    (void)state;
    char out[64] = {0};
    FILE *fp = fmemopen(out, sizeof(out), "w");
    json_t *rec = json_pack("{s:i,s:s}", "b", 2, "a", "x");

    assert_int_equal(jsonl_write(fp, rec), 0);
    fclose(fp);
    json_decref(rec);
    assert_string_equal(out, "{\"a\":\"x\",\"b\":2}\n");
}

/* jsonl_put_string(s) must be byte for byte what jansson dumps for s. */
static void assert_put_string_as_jansson(const char *s, size_t n)
{
    struct buf b = BUF_INIT;
    json_t *v = json_stringn(s, n);

    assert_non_null(v);
    char *want = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
    assert_non_null(want);
    assert_int_equal(jsonl_put_string(&b, s, n), 0);
    assert_string_equal(buf_str(&b), want);
    free(want);
    json_decref(v);
    buf_release(&b);
}

static void test_jsonl_put_string_escapes_as_jansson(void **state)
{
    (void)state;
    char controls[33];

    for (int c = 0; c < 32; c++)
        controls[c] = (char)c;
    controls[32] = 0x7F;
    assert_put_string_as_jansson(controls, sizeof(controls)); /* NUL as \u0000 too */
    assert_put_string_as_jansson("say \"5\" \\ 6 / 7", strlen("say \"5\" \\ 6 / 7"));
    assert_put_string_as_jansson("", 0);
    const char *wide = "Tromsø – 65.036 € \xe2\x80\xa8 \xf0\x9f\x98\x80 \xef\xbf\xbd";
    assert_put_string_as_jansson(wide, strlen(wide));
    assert_put_string_as_jansson("\"\\", 2);
}

static void test_jsonl_put_string_exact_escapes(void **state)
{
    (void)state;
    struct buf b = BUF_INIT;

    assert_int_equal(jsonl_put_string(&b, "a\"b\\c\nd\te\x01\x1f\xc3\xa6", 13), 0);
    assert_string_equal(buf_str(&b), "\"a\\\"b\\\\c\\nd\\te\\u0001\\u001F\xc3\xa6\"");
    buf_release(&b);
}

static void test_jsonl_put_string_rejects_invalid_utf8(void **state)
{
    (void)state;
    struct buf b = BUF_INIT;

    assert_int_equal(jsonl_put_string(&b, "ok \xff", 4), -1);
    buf_reset(&b);
    assert_int_equal(jsonl_put_string(&b, "cut \xc3", 5), -1);
    buf_reset(&b);
    assert_int_equal(jsonl_put_string(&b, "\xed\xa0\x80", 3), -1); /* surrogate */
    buf_release(&b);
}

static void test_jsonl_put_size_and_key(void **state)
{
    (void)state;
    struct buf b = BUF_INIT;
    char want[64];

    assert_int_equal(buf_addch(&b, '{'), 0);
    assert_int_equal(jsonl_put_key(&b, "a"), 0);
    assert_int_equal(jsonl_put_size(&b, 0), 0);
    assert_int_equal(jsonl_put_key(&b, "b"), 0);
    assert_int_equal(buf_addch(&b, '['), 0);
    assert_int_equal(jsonl_put_size(&b, 1234567890), 0);
    assert_int_equal(buf_addch(&b, ','), 0);
    assert_int_equal(jsonl_put_size(&b, SIZE_MAX), 0);
    assert_int_equal(buf_addstr(&b, "]}"), 0);
    snprintf(want, sizeof(want), "{\"a\":0,\"b\":[1234567890,%zu]}", (size_t)SIZE_MAX);
    assert_string_equal(buf_str(&b), want);
    buf_release(&b);
}

/* Keys and strings write straight into the buffer: it grows as needed and stays a C string. */
static void test_jsonl_size_at_as_printf(void **state)
{
    char out[JSONL_SIZE_DIGITS + 1];
    char want[32];
    const size_t v[] = {0, 7, 9, 10, 99, 100, 999, 1000, 12345, SIZE_MAX / 10, SIZE_MAX};

    (void)state;
    for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
        *jsonl_size_at(out, v[i]) = '\0';
        snprintf(want, sizeof(want), "%zu", v[i]);
        assert_string_equal(out, want);
    }
}

static void test_jsonl_put_grows_the_buffer(void **state)
{
    (void)state;
    struct buf b = BUF_INIT;
    char key[300], text[2000];

    assert_int_equal(jsonl_put_key(&b, "k"), 0);
    assert_string_equal(buf_str(&b), "\"k\":");
    assert_int_equal(strlen(buf_str(&b)), b.len);
    memset(key, 'x', sizeof(key) - 1);
    key[sizeof(key) - 1] = '\0';
    for (size_t i = 0; i < sizeof(text); i++)
        text[i] = i % 100 == 99 ? '"' : (char)('a' + i % 26);
    buf_reset(&b);
    assert_int_equal(buf_addch(&b, '['), 0);
    assert_int_equal(jsonl_put_key(&b, key), 0);
    assert_int_equal(jsonl_put_string(&b, text, sizeof(text)), 0);
    assert_int_equal(jsonl_put_key(&b, "z"), 0);
    assert_int_equal(b.len, 1 + (sizeof(key) - 1 + 3) + (sizeof(text) + 20 + 2) + 5);
    assert_int_equal(strlen(buf_str(&b)), b.len);
    assert_memory_equal(b.data, "[\"xxx", 5);
    assert_memory_equal(b.data + b.len - 8, "\\\"\",\"z\":", 8);
    buf_release(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonl_next_reads_records_and_counts_lines),
        cmocka_unit_test(test_jsonl_next_bad_line_is_reported_and_skippable),
        cmocka_unit_test(test_jsonl_next_nul_inside_line_is_an_error),
        cmocka_unit_test(test_jsonl_next_truncated_last_line_is_an_error),
        cmocka_unit_test(test_jsonl_next_line_blocks_agree_with_getline),
        cmocka_unit_test(test_jsonl_next_scan_in_blocks),
        cmocka_unit_test(test_jsonl_open_missing_file_fails),
        cmocka_unit_test(test_jsonl_write_sorts_keys_and_ends_line),
        cmocka_unit_test(test_jsonl_put_string_escapes_as_jansson),
        cmocka_unit_test(test_jsonl_put_string_exact_escapes),
        cmocka_unit_test(test_jsonl_put_string_rejects_invalid_utf8),
        cmocka_unit_test(test_jsonl_put_size_and_key),
        cmocka_unit_test(test_jsonl_size_at_as_printf),
        cmocka_unit_test(test_jsonl_put_grows_the_buffer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
