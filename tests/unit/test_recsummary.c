#include "test_common.h"

#include <string.h>

#include <jansson.h>

#include "err.h"
#include "reconcile/recsummary.h"

static void add(struct recsummary *s, const char *text)
{
    json_error_t jerr;
    json_t *figures = json_loads(text, 0, &jerr);

    assert_non_null(figures);
    assert_int_equal(recsummary_add(s, figures, "x.stats.json"), 0);
    json_decref(figures);
}

static json_int_t figure(const json_t *stage, const char *key)
{
    return json_integer_value(json_object_get(stage, key));
}

/* The shards of one stage add up into one entry, in the place of the first. */
static void test_recsummary_add_sums_parts(void **state)
{
    (void)state;
    struct recsummary s;

    assert_int_equal(recsummary_init(&s), 0);
    add(&s, "{\"stage\":\"tokenize\",\"documents\":3,\"records_out\":10,\"peak_rss_kb\":900,"
            "\"seconds\":1.5,\"skipped\":[{\"doc\":\"a\",\"reason\":\"binary file\"}]}");
    add(&s, "{\"stage\":\"tokenize\",\"documents\":4,\"records_out\":5,\"peak_rss_kb\":700,"
            "\"seconds\":0.5,\"skipped\":[{\"doc\":\"b\",\"reason\":\"binary file\"}]}");
    add(&s, "{\"stage\":\"extract\",\"documents\":7,\"peak_rss_kb\":100,\"skipped\":[]}");
    add(&s, "{\"stage\":\"tokenize\",\"documents\":0,\"records_out\":0,\"peak_rss_kb\":1000,"
            "\"seconds\":0.25,\"skipped\":[]}");
    assert_int_equal(json_array_size(s.stages), 2);
    json_t *tok = json_array_get(s.stages, 0);
    assert_string_equal(json_string_value(json_object_get(tok, "stage")), "tokenize");
    assert_int_equal(figure(tok, "documents"), 7);
    assert_int_equal(figure(tok, "records_out"), 15);
    assert_int_equal(figure(tok, "peak_rss_kb"), 1000);
    assert_int_equal(figure(tok, "skipped"), 2);
    assert_true(json_real_value(json_object_get(tok, "seconds")) == 2.25);
    assert_string_equal(json_string_value(json_object_get(json_array_get(s.stages, 1), "stage")),
                        "extract");
    assert_int_equal(s.documents, 7);

    json_t *j = recsummary_json(&s, 5, NULL, 0, NULL, 0);
    assert_non_null(j);
    json_t *docs = json_object_get(j, "documents");
    assert_int_equal(figure(docs, "read"), 7);
    assert_int_equal(figure(docs, "skipped"), 2);
    assert_int_equal(json_array_size(json_object_get(j, "skipped")), 2);
    json_decref(j);
    recsummary_release(&s);
}

/* One file per stage gives the same figures as before (no parts). */
static void test_recsummary_add_single_part(void **state)
{
    (void)state;
    struct recsummary s;

    assert_int_equal(recsummary_init(&s), 0);
    assert_int_equal(s.documents, -1);
    add(&s, "{\"stage\":\"tokenize\",\"documents\":5,\"peak_rss_kb\":2960,\"skipped\":[]}");
    add(&s, "{\"stage\":\"normalize\",\"documents\":5,\"peak_rss_kb\":4436,\"skipped\":[]}");
    assert_int_equal(json_array_size(s.stages), 2);
    assert_int_equal(figure(json_array_get(s.stages, 0), "peak_rss_kb"), 2960);
    assert_int_equal(figure(json_array_get(s.stages, 1), "peak_rss_kb"), 4436);
    assert_int_equal(s.documents, 5);
    recsummary_release(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_recsummary_add_sums_parts),
        cmocka_unit_test(test_recsummary_add_single_part),
    };
    err_init("reconcile");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
