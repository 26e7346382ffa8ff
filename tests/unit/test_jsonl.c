#include "test_common.h"

#include <stdio.h>
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonl_next_reads_records_and_counts_lines),
        cmocka_unit_test(test_jsonl_next_bad_line_is_reported_and_skippable),
        cmocka_unit_test(test_jsonl_next_nul_inside_line_is_an_error),
        cmocka_unit_test(test_jsonl_next_truncated_last_line_is_an_error),
        cmocka_unit_test(test_jsonl_open_missing_file_fails),
        cmocka_unit_test(test_jsonl_write_sorts_keys_and_ends_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
